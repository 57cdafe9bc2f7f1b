// Shared set-up for the end-to-end tests: a python http.server on a free loopback port serving the
// repository root (the optimised build in www/pkg), Chromium from Debian driven by playwright-core,
// and the privatelink-prep CLI for expected values.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CLI = join(ROOT, 'target', 'debug', 'privatelink-prep');

/**
 * Starts `python3 -m http.server` on a free port; resolves to { origin, url, stop }.
 * options.root: the directory to serve (default: the repository, whose build it checks is there).
 */
export async function startServer({ root = ROOT } = {}) {
  if (root === ROOT) for (const f of ['www/pkg/privatelink_prep.js', 'www/pkg/privatelink_prep_bg.wasm', 'www/pkg/page.js', 'www/pkg/page.css']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run bash scripts/build.sh first`);
  }
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`http.server did not start: ${out}`)), 15000);
    const onData = (chunk) => {
      out += chunk;
      const m = /port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`http.server exited (${code}): ${out}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/index.html`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Launches Debian's Chromium headless (playwright gives each launch a fresh temporary profile). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/**
 * The served repository and a browser for one test file: started before its tests, closed after
 * them. Call at the top of the file; `server` and `browser` of the returned object are set once
 * the file's before hooks have run.
 */
export function useServerAndBrowser() {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await startServer();
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/** The request document the page would send now (its `getRequest()`). */
export function pageRequest(page) {
  return page.evaluate(() => window.privatelinkPrep.getRequest());
}

/** Adds an inline script to the page; resolves to whether it ran (a CSP must say no). */
export function inlineScriptRuns(page) {
  return page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline === 1;
  });
}

/**
 * Opens the page in a new context and waits for the form.
 * Records every request URL in `requests` and every page error / console error in `errors`.
 * options.url: another page than index.html (e.g. examples/embed.html, or a file:// URL).
 * options.serviceWorkers: 'block' when a test routes the page's own files (a worker would answer them).
 */
export async function openPage(browser, server, { permissions = [], viewport = { width: 1100, height: 900 }, url, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, serviceWorkers });
  if (permissions.length) await context.grantPermissions(permissions, { origin: server.origin });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const dialogs = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(url || server.url);
  await formChecking(page);
  return { context, page, requests, errors, dialogs };
}

/** Waits for the page's form and for its checks: the form is typeable before the module has
 * loaded, and most tests start once it checks. The same for every <privatelink-prep> on the
 * page, whose form is in its shadow root (and shown once its stylesheets apply). */
export async function formChecking(page) {
  await page.locator('form.plp-form').first().waitFor();
  await page.waitForFunction(() => [document, ...[...document.querySelectorAll('privatelink-prep')].map((el) => el.shadowRoot)]
    .every((root) => root && !root.querySelector('.plp[data-checks="loading"], .plp[hidden]')));
}

/** Runs the CLI on a request document; returns { status, stdout, stderr }. */
export function cli(args, doc) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run cargo build --bin privatelink-prep`);
  const dir = mkdtempSync(join(tmpdir(), 'plp-cli-'));
  const file = join(dir, 'request.json');
  try {
    writeFileSync(file, JSON.stringify(doc, null, 2));
    try {
      const stdout = execFileSync(CLI, [...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { status: 0, stdout, stderr: '' };
    } catch (err) {
      return { status: err.status, stdout: err.stdout || '', stderr: err.stderr || '' };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The core's report for a document, from the CLI (`check --format json`). */
export function cliReport(doc) {
  return JSON.parse(cli(['check', '--format', 'json'], doc).stdout);
}

/** Waits until the page has re-validated (the debounce is ~100 ms) and the form says `state`. */
export async function waitForPreview(page, state) {
  await page.locator(`.plp-preview[data-state="${state}"]`).waitFor();
}

/** A valid AWS request, as the tests type it into the page. */
export const VALID_AWS = {
  company: 'Example Ltd',
  cloud: 'aws',
  region: 'eu-west-1',
  account_id: '123456789012',
  project_id: 'yw1unoukjcawe',
  plan: 'pro',
  environments: ['production', 'staging'],
  connection_type: 'unidirectional',
  ports: [
    { service: 'Webserver HTTP', port: '80', protocol: 'tcp' },
    { service: 'SFTP', port: '2222', protocol: 'tcp' },
  ],
};

/** A valid AWS request of `services` endpoint services of `ports` ports each (as the bench's). */
export function large(services, ports) {
  const doc = JSON.parse(readFileSync(join(ROOT, 'tests', 'requests', 'aws-bidirectional.json'), 'utf8'));
  doc.endpoint_services = Array.from({ length: services }, (_, i) => ({
    name: `com.amazonaws.vpce.us-east-1.vpce-svc-${i.toString(16).padStart(17, '0')}`,
    ports: Array.from({ length: ports }, (_, j) => ({ service: `Service ${j}`, port: 2000 + j })),
    principal_allowed: true,
  }));
  return doc;
}

/** The request document the page sends for VALID_AWS-like values (only visible sections). */
export function documentFor(values) {
  const doc = { version: 1, kind: 'enablement', ...values };
  return doc;
}

/**
 * Fills the form through the UI, like a person: types text, clicks radios and checkboxes.
 * scope: where the form is (default the page; e.g. one <privatelink-prep> element's locator).
 */
export async function fillForm(page, values, scope = page) {
  const form = scope.locator('form.plp-form');
  if (values.cloud) await form.locator(`input[name="cloud"][value="${values.cloud}"]`).check();
  if (values.connection_type) {
    await form.locator(`input[name="connection_type"][value="${values.connection_type}"]`).check();
  }
  for (const key of ['company', 'region', 'account_id', 'project_id']) {
    if (values[key] !== undefined) await form.locator(`input[name="${key}"]`).fill(values[key]);
  }
  if (values.plan) await form.locator(`input[name="plan"][value="${values.plan}"]`).check();
  for (const env of values.environments || []) {
    await form.locator(`input[name="environments"][value="${env}"]`).check();
  }
  if (values.ports) await fillPorts(form, 'ports', values.ports);
  if (values.azure) {
    await form.locator('input[name="azure.cluster_id"]').fill(values.azure.cluster_id);
    for (const [i, id] of (values.azure.subscription_ids || []).entries()) {
      if (!(await form.locator(`input[name="azure.subscription_ids[${i}]"]`).count())) {
        await form.locator('[data-list="azure.subscription_ids"] > .plp-add').click();
      }
      await form.locator(`input[name="azure.subscription_ids[${i}]"]`).fill(id);
    }
  }
  for (const [i, s] of (values.endpoint_services || []).entries()) {
    if (!(await form.locator(`input[name="endpoint_services[${i}].name"]`).count())) {
      await form.locator('[data-list="endpoint_services"] > .plp-add').click();
    }
    await form.locator(`input[name="endpoint_services[${i}].name"]`).fill(s.name);
    await fillPorts(form, `endpoint_services[${i}].ports`, s.ports);
    // The AWS principal grant; Azure has no checkbox (Adobe names its subscription after the ticket).
    const box = form.locator(`input[name="endpoint_services[${i}].principal_allowed"]`);
    if (await box.count()) {
      if (s.principal_allowed) await box.check(); else await box.uncheck();
    }
  }
  for (const [key, on] of Object.entries(values.prerequisites || {})) {
    // interface_endpoint is not asked for: the endpoint to Adobe's service comes after the ticket.
    const box = form.locator(`input[name="prerequisites.${key}"]`);
    if (!(await box.count())) continue;
    if (on) await box.check(); else await box.uncheck();
  }
}

async function fillPorts(form, base, ports) {
  for (const [i, p] of ports.entries()) {
    if (!(await form.locator(`input[name="${base}[${i}].port"]`).count())) {
      await form.locator(`[data-list="${base}"] > .plp-add`).click();
    }
    await form.locator(`input[name="${base}[${i}].service"]`).fill(p.service);
    await form.locator(`input[name="${base}[${i}].port"]`).fill(String(p.port));
    await form.locator(`select[name="${base}[${i}].protocol"]`).selectOption(p.protocol || 'tcp');
  }
}

// ---- change requests, the next steps and the tracker (issue 4) ----

/** Subject and body of the visible ticket tab, and the two as the CLI prints them. */
export async function shownTicket(page) {
  const panel = page.locator('.plp-panel:not([hidden])');
  const subject = await panel.locator('[data-part="subject"]').textContent();
  const body = await panel.locator('[data-part="body"]').textContent();
  return { subject, body, file: `Subject: ${subject}\n\n${body}${body.endsWith('\n') ? '' : '\n'}` };
}

/**
 * Switches the form in `scope` (the page, or a <privatelink-prep>) to "Change an existing setup"
 * and waits for the change checks: the first change loads their module, and until it is there the
 * page checks nothing (its preview says so), so a Check pressed meanwhile shows its summary later.
 */
export async function toChangeForm(scope) {
  await scope.locator('input[name="kind"][value="change"]').check();
  await scope.locator('.plp-preview-status', { hasText: 'The checks for change requests are loading' })
    .waitFor({ state: 'detached' });
}

/** Switches the form to "Change an existing setup" and types a change document, like a person. */
export async function fillChange(page, doc) {
  const form = page.locator('form.plp-form');
  await toChangeForm(page);
  if (doc.cloud) await form.locator(`input[name="cloud"][value="${doc.cloud}"]`).check();
  for (const key of ['company', 'region', 'project_id']) {
    if (doc[key] !== undefined) await form.locator(`input[name="${key}"]`).fill(doc[key]);
  }
  for (const [i, c] of (doc.changes || []).entries()) {
    const at = `changes[${i}]`;
    if (!(await form.locator(`select[name="${at}.action"]`).count())) {
      await form.locator('[data-list="changes"] > .plp-add').click();
    }
    await form.locator(`select[name="${at}.action"]`).selectOption(c.action);
    if (c.environment) {
      // A radio (remove_connection) or a text field (add_environment, which takes any ID).
      const radio = form.locator(`input[name="${at}.environment"][value="${c.environment}"]`);
      if (await radio.count()) await radio.check();
      else await form.locator(`input[name="${at}.environment"]`).fill(c.environment);
    }
    const named = [];
    for (const env of c.environments || []) {
      const box = form.locator(`input[name="${at}.environments"][value="${env}"]`);
      if (await box.count()) await box.check(); else named.push(env);
    }
    // Additional staging environments are typed, by ID.
    if (named.length) await form.locator(`input[name="${at}.additional_staging"]`).fill(named.join(', '));
    for (const f of ['from_account_id', 'to_account_id', 'name']) {
      if (c[f] !== undefined) await form.locator(`input[name="${at}.${f}"]`).fill(c[f]);
    }
    if (c.ports) await fillPorts(page, `${at}.ports`, c.ports);
    const box = form.locator(`input[name="${at}.principal_allowed"]`);
    if (c.principal_allowed !== undefined && (await box.count())) {
      if (c.principal_allowed) await box.check(); else await box.uncheck();
    }
  }
}

/** Opens "Your network (optional, …)" and types its values (a partial request document). */
export async function fillNetwork(page, values) {
  const section = page.locator('form.plp-form details.plp-network');
  if (!(await section.evaluate((d) => d.open))) await section.locator(':scope > summary').click();
  const net = values.customer_network || {};
  for (const [key, value] of Object.entries(net)) {
    const base = `customer_network.${key}`;
    if (!Array.isArray(value)) {
      await section.locator(`input[name="${base}"]`).fill(value);
      continue;
    }
    for (const [i, v] of value.entries()) {
      if (!(await section.locator(`input[name="${base}[${i}]"]`).count())) {
        await section.locator(`[data-list="${base}"] > .plp-add`).click();
      }
      await section.locator(`input[name="${base}[${i}]"]`).fill(v);
    }
  }
  if (values.adobe_endpoint_service !== undefined) {
    await section.locator('input[name="adobe_endpoint_service"]').fill(values.adobe_endpoint_service);
  }
}

const AXE_SOURCE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * axe-core (WCAG 2.0-2.2 A and AA) on the elements matching `selector`; returns its violations
 * as { id, nodes: [target: summary] } and the number of rules that passed. axe is evaluated
 * through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeCheck(page, selector) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  return page.evaluate(async (sel) => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const r = await window.axe.run({ include: [...document.querySelectorAll(sel)] }, { runOnly: { type: 'tag', values: tags } });
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) })),
    };
  }, selector);
}

/** A core message as the page shows it: its `code` spans are code (no backtick left), and the
 * quoted value (from the first to the last double quote) exactly as typed. */
export function shown(message) {
  const first = message.indexOf('"');
  const last = message.lastIndexOf('"');
  const code = (t) => t.replace(/`/g, '');
  if (first < 0 || last === first) return code(message);
  return code(message.slice(0, first)) + message.slice(first, last + 1) + code(message.slice(last + 1));
}

/**
 * `diagnostics` in the order of their fields on the page: the DOM order of the control named by
 * each field (or, for a row or a list, of its element), those of one field in the core's order.
 * scope: a locator of the form's root (the page, or an element's shadow host).
 */
export async function inPageOrder(page, diagnostics, scope = page.locator('form.plp-form').first()) {
  const positions = await scope.evaluate((form, fields) => {
    const all = [...form.querySelectorAll('[name], [data-field]')];
    return fields.map((f) => all.findIndex((el) => el.getAttribute('name') === f || el.dataset.field === f));
  }, diagnostics.map((d) => d.field));
  return diagnostics.map((d, i) => ({ d, i, at: positions[i] }))
    .sort((a, b) => a.at - b.at || a.i - b.i).map((x) => x.d);
}

/**
 * The inline messages shown for a field, as rendered: in its own box, or, for a field of a port
 * row, in the row's box above the row's fields. scope: the form's root (page or shadow host).
 */
export function inlineMessages(page, path, scope = page.locator('form.plp-form').first()) {
  return scope.evaluate((form, p) => {
    const owner = [...form.querySelectorAll('[data-field]')].find((e) => e.dataset.field === p);
    if (!owner) return [];
    const box = owner.querySelector(':scope > .plp-msgs') || owner.closest('.plp-row')?.querySelector(':scope > .plp-msgs');
    if (!box) return [];
    const mine = [...box.querySelectorAll('.plp-msg')].filter((m) => box === owner.querySelector(':scope > .plp-msgs') || m.dataset.for === p);
    return mine.map((m) => m.querySelector('.plp-msg-message').textContent);
  }, path);
}

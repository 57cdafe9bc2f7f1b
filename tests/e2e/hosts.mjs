// Shared set-up for the tests of the npm package in hosts (package.test.mjs, hosts.test.mjs): the
// tarball scripts/build.sh wrote, a host page opened with every CSP violation, request, error and
// event of the element recorded from its first script on, and the checks every host must pass:
// the form renders, the core's message shows for a bad value, privatelink-ticket brings the CLI's
// ticket.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { ROOT, cli, cliReport, fillForm, VALID_AWS } from './helpers.mjs';
import { tarballPath } from '../../scripts/package.mjs';

export const TARBALL = join(ROOT, tarballPath(ROOT));

/** Unpacks the tarball's `files` (all when none are named) into `dir`, without `package/`. */
export function unpackPackage(dir, files = []) {
  if (!existsSync(TARBALL)) throw new Error(`${TARBALL} is missing: run bash scripts/build.sh first`);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', TARBALL, '-C', dir, '--strip-components=1', ...files.map((f) => `package/${f}`)]);
}

/** The tarball's file names (without `package/`), sorted. */
export function packageFiles() {
  return execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' }).trim().split('\n')
    .map((f) => f.replace(/^package\//, '')).sort();
}

/**
 * Opens `url` in a new context. From the first script on, records CSP violations, the events
 * dispatched by any <privatelink-prep> (type and a JSON copy of the detail) and the request URLs,
 * page errors and console errors; waits for the element's form and for its checks.
 */
export async function openHost(browser, url, { selector = 'privatelink-prep' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript(() => {
    const seen = { violations: [], events: [] };
    window.__plp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    }, true);
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function recorded(event) {
      if (this instanceof Element && this.localName === 'privatelink-prep' && event instanceof CustomEvent) {
        seen.events.push({ type: event.type, bubbles: event.bubbles, composed: event.composed, detail: JSON.parse(JSON.stringify(event.detail)) });
      }
      return dispatch.call(this, event);
    };
  });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url);
  const el = page.locator(selector);
  await el.locator('form.plp-form').waitFor();
  // The form is there before the core; the checks join when it has loaded.
  await el.locator('.plp[data-checks="ready"]').waitFor();
  return { context, page, el, requests, errors };
}

/** A text ticket as the CLI prints it. */
export const asFile = (t) => `Subject: ${t.subject}\n\n${t.body}`;

/**
 * What every host must show: a bad account ID gets the core's message inline and in the summary;
 * fixed, privatelink-ticket fires (bubbling, composed) with the CLI's text and Markdown tickets.
 * Resolves to the ticket event.
 */
export async function assertCheckerWorks(page, el) {
  await fillForm(page, { ...VALID_AWS, account_id: '12345' }, el);
  await el.getByRole('button', { name: 'Check' }).click();
  const bad = await el.evaluate((n) => n.getRequest());
  const want = cliReport(bad).diagnostics.find((d) => d.field === 'account_id');
  assert.ok(want, 'the CLI reports the bad account ID');
  const inline = await el.locator('[data-field="account_id"] > .plp-msgs').textContent();
  assert.ok(inline.includes(want.message), `the field shows the core's message: ${inline}`);
  assert.equal(await el.locator('.plp-summary a', { hasText: want.message }).count(), 1, 'the summary links the message');
  assert.equal(await el.getByRole('textbox', { name: 'AWS account ID' }).getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await page.evaluate(() => window.__plp.events.filter((e) => e.type === 'privatelink-ticket')), []);

  await el.locator('input[name="account_id"]').fill(VALID_AWS.account_id);
  await page.waitForFunction(() => window.__plp.events.some((e) => e.type === 'privatelink-ticket'));
  const ticket = await page.evaluate(() => window.__plp.events.find((e) => e.type === 'privatelink-ticket'));
  assert.equal(ticket.bubbles, true);
  assert.equal(ticket.composed, true);
  assert.deepEqual(ticket.detail.request, await el.evaluate((n) => n.getRequest()));
  assert.equal(asFile(ticket.detail.ticket), cli(['ticket', '--format', 'text'], ticket.detail.request).stdout);
  assert.equal(asFile(ticket.detail.tickets.markdown), cli(['ticket', '--format', 'markdown'], ticket.detail.request).stdout);
  return ticket;
}

/**
 * Computed styles of the form's controls, to compare one host with another: colours, fonts,
 * borders, sizes. The form's sizes are in rem, so they follow the host's root font size by design:
 * compare pages with the same root font size.
 */
export function formStyles(el) {
  return el.evaluate((host) => {
    const sel = ['.plp', 'label', 'input[name="company"]', 'input[name="cloud"]', 'select', '.plp-primary',
      '.plp-secondary', '.plp-h2', '.plp-preview'];
    return Object.fromEntries(sel.map((s) => {
      const n = host.shadowRoot.querySelector(s);
      if (!n) return [s, null];
      const c = getComputedStyle(n);
      return [s, Object.fromEntries(['font-family', 'font-weight', 'font-style', 'color', 'background-color', 'text-transform',
        'letter-spacing', 'box-sizing', 'border-top-style', 'border-top-color', 'display', 'visibility',
        'font-size', 'line-height', 'padding-left', 'border-top-width', 'margin-top']
        .map((k) => [k, c.getPropertyValue(k)]))];
    }));
  });
}

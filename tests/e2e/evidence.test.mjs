// Evidence on the page (issue 14): the read-only commands, the paste areas of the account and of
// each endpoint service, the second WebAssembly module loaded on first use, fills with their
// "from your output" mark and Undo, contradictions inline and in the summary, the ticket's
// verified section, drafts and Export/Import, a failed load, and the single file.
//
// The outputs pasted are the public examples in tests/evidence/ (the core's fixtures), on the
// request tests/requests/aws-bidirectional.json whose IDs they carry. What each output means is
// the core's: the expected messages and tickets come from the CLI on the request the page sends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT, useServerAndBrowser, openPage, fillForm, cli, cliReport, inlineMessages, shown, shownTicket,
  pageRequest, waitForPreview,
  formChecking,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const fixture = (name) => readFileSync(join(ROOT, 'tests', 'evidence', `${name}.json`), 'utf8');
const IDENTITY = fixture('aws-caller-identity');
const CONFIGURATIONS = fixture('aws-service-configurations');
const PERMISSIONS = fixture('aws-service-permissions');
const LISTENERS = fixture('aws-listeners');
const EVIDENCE_FILES = ['/www/pkg/privatelink_prep_evidence.js', '/www/pkg/privatelink_prep_evidence_bg.wasm'];

/** tests/requests/<cloud>-bidirectional.json as the tests type it (ports as text). */
function bidirectional(overrides = {}, cloud = 'aws') {
  const doc = JSON.parse(readFileSync(join(ROOT, 'tests', 'requests', `${cloud}-bidirectional.json`), 'utf8'));
  const ports = (list) => list.map((p) => ({ service: p.service, port: String(p.port), protocol: p.protocol || 'tcp' }));
  return {
    ...doc,
    ports: ports(doc.ports),
    endpoint_services: doc.endpoint_services.map((s) => ({ ...s, ports: ports(s.ports) })),
    ...overrides,
  };
}

/** The paths of the page's own files it requested, in order, once each. */
function ownFiles(requests, server) {
  return [...new Set(requests.filter((u) => u.startsWith(server.origin)).map((u) => new URL(u).pathname))];
}

const panel = (page, at) => page.locator(`details.plp-evidence[data-evidence="${at}"]`);

/** Opens a section's paste area and waits for its commands (the evidence module is loaded then). */
async function openPanel(page, at) {
  const p = panel(page, at);
  if (!(await p.evaluate((d) => d.open))) await p.locator(':scope > summary').click();
  await p.locator('.plp-evidence-command').first().waitFor();
  return p;
}

/** Pastes `text` into a section's paste area as a paste does (an input of type insertFromPaste). */
async function paste(page, at, text) {
  const area = panel(page, at).locator('textarea');
  await area.evaluate((a, t) => {
    a.focus();
    a.value = t;
    a.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: null }));
  }, text);
}

/** Waits until the section's note shows what the core read from its latest paste. */
async function waitForRead(page, at) {
  await panel(page, at).locator('.plp-evidence-recognised, .plp-evidence-note .plp-msg').first().waitFor();
}

const evidenceDiagnostics = (report) => report.diagnostics.filter((d) => /^PL8\d\d$/.test(d.code));

describe('evidence on the page', () => {
  it('loads only the main module until evidence is used, then the evidence module once, with a loading state; the commands are the core\'s, with Copy', T, async () => {
    const { page, context, requests, errors } = await openPage(session.browser, session.server,
      { permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' });
    await fillForm(page, bidirectional());
    await waitForPreview(page, 'ready');
    assert.ok(ownFiles(requests, session.server).includes('/www/pkg/privatelink_prep_bg.wasm'));
    for (const f of EVIDENCE_FILES) assert.ok(!ownFiles(requests, session.server).includes(f), `${f} is not loaded before evidence is used`);

    // Opening a paste area loads it; while it loads, the panel says so.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/privatelink_prep_evidence_bg.wasm', async (route) => { await held; await route.continue(); });
    const account = panel(page, '');
    await account.locator(':scope > summary').click();
    await assert.doesNotReject(account.locator('.plp-evidence-status', { hasText: 'Loading the evidence checks…' }).waitFor());
    assert.equal(await account.getAttribute('aria-busy'), 'true');
    release();
    await account.locator('.plp-evidence-command').first().waitFor();
    assert.equal(await account.getAttribute('aria-busy'), null);
    await page.unroute('**/privatelink_prep_evidence_bg.wasm');

    // The commands shown are the core's evidenceCommands for this request, per section.
    const request = await pageRequest(page);
    const commands = await page.evaluate(async (req) => {
      const core = await import('/www/pkg/privatelink_prep_evidence.js');
      return core.evidenceCommands(req);
    }, request);
    assert.ok(commands.length > 0);
    const shownCommands = (p) => p.locator('.plp-evidence-command pre code').allTextContents();
    assert.deepEqual(await shownCommands(account), commands.filter((c) => c.attachTo === '').map((c) => c.command));
    const service = await openPanel(page, 'endpoint_services[0]');
    assert.deepEqual(await shownCommands(service), commands.filter((c) => c.attachTo === 'endpoint_services[0]').map((c) => c.command));
    assert.ok((await shownCommands(service)).some((c) => c.includes('vpce-svc-0a1b2c3d4e5f60718')), 'filled with the request\'s values');

    // Copy puts the exact command on the clipboard.
    await account.locator('.plp-copy-command').first().click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), (await shownCommands(account))[0]);

    // Each file once: a second panel loads nothing more.
    const loads = requests.filter((u) => u.endsWith('/privatelink_prep_evidence_bg.wasm'));
    assert.equal(loads.length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('pasting the caller identity fills the empty account ID with a "from your output" mark and an Undo, and the request holds the output', T, async (t) => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, bidirectional({ account_id: undefined }));
    await openPanel(page, '');
    await paste(page, '', IDENTITY);
    await waitForRead(page, '');

    const account = page.locator('input[name="account_id"]');
    assert.equal(await account.inputValue(), '123456789012');
    assert.equal(await page.locator('[data-field="account_id"] > .plp-from-output').textContent(), 'From your output');
    const note = panel(page, '').locator('.plp-evidence-note');
    assert.match(await note.locator('.plp-evidence-recognised').textContent(), /aws sts get-caller-identity/);
    assert.match(await note.locator('[data-filled="account_id"]').textContent(), /: 123456789012$/);
    // The facts listed are the core's (the CLI's `evidence` command reads the same output).
    const facts = await note.locator('.plp-evidence-facts dd').allTextContents();
    assert.ok(facts.includes('123456789012'));
    // The output is in the request, as pasted, attached to the request as a whole.
    const request = await pageRequest(page);
    assert.equal(request.evidence.length, 1);
    assert.deepEqual(request.evidence[0].output, JSON.parse(IDENTITY));
    assert.match(request.evidence[0].source, /^aws sts get-caller-identity/);
    assert.equal(await panel(page, '').locator('textarea').inputValue(), '', 'the attached output leaves the paste area');
    assert.deepEqual(evidenceDiagnostics(cliReport(request)).filter((d) => d.severity === 'error'), []);

    const measures = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('plp-evidence')).map((m) => [m.name, Math.round(m.duration * 10) / 10])));
    t.diagnostic(`evidence timings (ms): ${JSON.stringify(measures)}`);
    assert.ok('plp-evidence-load' in measures && 'plp-evidence-paste' in measures);

    // Undo: the field is empty again, the mark and the output are gone.
    await note.locator('.plp-evidence-undo').click();
    assert.equal(await account.inputValue(), '');
    assert.equal(await page.locator('[data-field="account_id"] > .plp-from-output').count(), 0);
    assert.equal((await pageRequest(page)).evidence, undefined);
    assert.match(await note.textContent(), /Undone/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an output that contradicts a declared field shows inline on that field and in the summary, as the CLI reports it', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, bidirectional({ account_id: '210987654321' }));
    await openPanel(page, '');
    await paste(page, '', IDENTITY);
    await waitForRead(page, '');
    // Nothing filled: the field had a value.
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '210987654321');
    assert.equal(await panel(page, '').locator('.plp-evidence-undo').count(), 0);

    const request = await pageRequest(page);
    const expected = evidenceDiagnostics(cliReport(request)).filter((d) => d.field === 'account_id');
    assert.equal(expected.length, 1, 'the CLI reports one contradiction on account_id');
    assert.equal(expected[0].severity, 'error');
    // Inline beside the field, without a Check (the paste showed it), and the verdict follows.
    assert.deepEqual(await inlineMessages(page, 'account_id'), [shown(expected[0].message)]);
    assert.equal(await page.locator(`[data-field="account_id"] .plp-msg[data-code="${expected[0].code}"]`).count(), 1);
    await waitForPreview(page, 'not-ready');
    // And in the summary after Check.
    await page.getByRole('button', { name: 'Check' }).click();
    const summary = page.locator('.plp-summary');
    await summary.waitFor();
    assert.ok((await summary.locator('li').allTextContents()).includes(shown(expected[0].message)));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the endpoint service\'s configuration, permissions and listeners are attached to it, and the ticket lists what they verified, as the CLI writes it', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    const values = bidirectional();
    values.endpoint_services[0].principal_allowed = false;
    await fillForm(page, values);
    await openPanel(page, '');
    await paste(page, '', IDENTITY);
    await waitForRead(page, '');
    const at = 'endpoint_services[0]';
    await openPanel(page, at);
    for (const output of [CONFIGURATIONS, PERMISSIONS, LISTENERS]) {
      await paste(page, at, output);
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n,
        [`details.plp-evidence[data-evidence="${at}"] .plp-evidence-item`, [CONFIGURATIONS, PERMISSIONS, LISTENERS].indexOf(output) + 1]);
    }
    // The grant the permissions prove ticks the checkbox, with its mark.
    const box = page.locator(`input[name="${at}.principal_allowed"]`);
    assert.equal(await box.isChecked(), true);
    assert.equal(await page.locator(`[data-field="${at}.principal_allowed"] > .plp-from-output`).count(), 1);

    const request = await pageRequest(page);
    assert.deepEqual(request.endpoint_services[0].evidence.map((e) => e.output), [CONFIGURATIONS, PERMISSIONS, LISTENERS].map((o) => JSON.parse(o)));
    assert.equal(request.endpoint_services[1].evidence, undefined);
    const report = cliReport(request);
    assert.equal(report.valid, true, JSON.stringify(report.diagnostics));
    await waitForPreview(page, 'ready');
    const ticket = await shownTicket(page);
    assert.equal(ticket.file, cli(['ticket', '--format', 'text'], request).stdout);
    assert.match(ticket.body, /Verified from the customer's own cloud output/);
    assert.match(ticket.body, /aws sts get-caller-identity/);
    // Only the facts: nothing else of the outputs reaches the ticket.
    assert.doesNotMatch(ticket.body, /AIDASAMPLEUSERID|DevAdmin|ListenerArn|targetgroup/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Azure: the account output fills the subscription, a Private Link service output fills its service\'s resource ID, the other shape of it confirms it, and the ticket is the CLI\'s', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    const values = bidirectional({ account_id: undefined }, 'azure');
    const names = values.endpoint_services.map((s) => s.name);
    values.endpoint_services[0].name = '';
    await fillForm(page, values);
    await openPanel(page, '');
    await paste(page, '', fixture('azure-account'));
    await waitForRead(page, '');
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), JSON.parse(fixture('azure-account')).id);
    const at = 'endpoint_services[0]';
    await openPanel(page, at);
    // The REST shape (with `properties`) fills the empty name with the resource's ID...
    await paste(page, at, fixture('azure-private-link-service-rest'));
    await waitForRead(page, at);
    assert.equal(await page.locator(`input[name="${at}.name"]`).inputValue(), names[0]);
    assert.equal(await page.locator(`[data-field="${at}.name"] > .plp-from-output`).count(), 1);
    // ...and the CLI's flattened shape of the same service fills nothing more: it is attached too.
    await paste(page, at, fixture('azure-private-link-service-cli'));
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, `details.plp-evidence[data-evidence="${at}"] .plp-evidence-item`);
    assert.equal(await panel(page, at).locator('.plp-evidence-undo').count(), 0);
    const request = await pageRequest(page);
    assert.deepEqual(request.endpoint_services.map((s) => s.name), names);
    assert.equal(request.endpoint_services[0].evidence.length, 2);
    const report = cliReport(request);
    assert.deepEqual(await page.evaluate(() => window.privatelinkPrep.getReport()), report);
    assert.equal(report.valid, true, JSON.stringify(report.diagnostics));
    await waitForPreview(page, 'ready');
    const ticket = await shownTicket(page);
    assert.equal(ticket.file, cli(['ticket', '--format', 'text'], request).stdout);
    assert.match(ticket.body, /Verified from the customer's own cloud output/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the listeners fill an empty ports list of their endpoint service, rows and all, and Undo empties it again', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    const values = bidirectional();
    values.endpoint_services[0].ports = [];
    await fillForm(page, values);
    const at = 'endpoint_services[0]';
    // The service's one blank row goes: the list is empty.
    await page.locator(`[data-list="${at}.ports"] .plp-remove`).click();
    const before = await pageRequest(page);
    assert.deepEqual(before.endpoint_services[0].ports, []);
    await openPanel(page, at);
    await paste(page, at, LISTENERS);
    await waitForRead(page, at);
    const expected = await page.evaluate(async ([req, out]) => {
      const core = await import('/www/pkg/privatelink_prep_evidence.js');
      return core.evidenceRead(req, 'endpoint_services[0]', out).fills;
    }, [before, LISTENERS]);
    const ports = expected.find((f) => f.field === `${at}.ports`);
    assert.ok(ports, 'the core fills the empty list');
    // The rows on screen are the listeners' ports and protocols; the service names are left to type.
    const rows = await page.locator(`[data-list="${at}.ports"] .plp-port-row`).evaluateAll((list) => list.map((r) => ({
      service: r.querySelector('input[name$=".service"]').value,
      port: r.querySelector('input[name$=".port"]').value,
      protocol: r.querySelector('select').value,
    })));
    assert.deepEqual(rows, ports.value.map((p) => ({ service: '', port: String(p.port), protocol: p.protocol })));
    assert.deepEqual(rows.map((r) => `${r.port}/${r.protocol}`), ['8443/tcp', '514/udp']);
    assert.equal(await page.locator(`[data-field="${at}.ports"] > .plp-from-output`).count(), 1);
    await panel(page, at).locator('.plp-evidence-undo').click();
    assert.deepEqual((await pageRequest(page)).endpoint_services[0].ports, []);
    assert.equal((await pageRequest(page)).endpoint_services[0].evidence, undefined);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a draft and Export/Import JSON carry the evidence; a draft or a file with evidence loads the evidence module before its first verdict', T, async () => {
    const { page, context, requests, errors } = await openPage(session.browser, session.server);
    await fillForm(page, bidirectional({ account_id: undefined }));
    await openPanel(page, '');
    await paste(page, '', IDENTITY);
    await waitForRead(page, '');
    const before = await pageRequest(page);

    // Reload: the draft holds the output; the evidence module checks it from the start.
    requests.length = 0;
    await page.reload();
    // The form is typeable before the module arrives: wait for the checks it loads.
    await formChecking(page);
    for (const f of EVIDENCE_FILES) assert.ok(ownFiles(requests, session.server).includes(f), `${f} loaded for the draft`);
    assert.deepEqual(await pageRequest(page), before);
    assert.deepEqual((await page.evaluate(() => window.privatelinkPrep.getReport())).diagnostics.filter((d) => d.code === 'PL899'), []);
    assert.deepEqual(await page.evaluate(() => window.privatelinkPrep.getReport()), cliReport(before));
    assert.match(await panel(page, '').locator('.plp-evidence-item').textContent(), /aws sts get-caller-identity/);

    // Export JSON writes it; Import JSON in a fresh page reads it back, checked by the evidence module.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.deepEqual(JSON.parse(text).evidence, before.evidence);
    await context.close();

    const fresh = await openPage(session.browser, session.server);
    for (const f of EVIDENCE_FILES) assert.ok(!ownFiles(fresh.requests, session.server).includes(f));
    const [chooser] = await Promise.all([fresh.page.waitForEvent('filechooser'), fresh.page.getByRole('button', { name: 'Import JSON' }).click()]);
    await chooser.setFiles({ name: 'request.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await fresh.page.locator('.plp-work-message', { hasText: 'Imported request.json' }).waitFor();
    assert.deepEqual((await pageRequest(fresh.page)).evidence, before.evidence);
    assert.deepEqual(await fresh.page.evaluate(() => window.privatelinkPrep.getReport()), cliReport(await pageRequest(fresh.page)));
    assert.ok(ownFiles(fresh.requests, session.server).includes('/www/pkg/privatelink_prep_evidence_bg.wasm'));
    assert.deepEqual([...errors, ...fresh.errors], []);
    await fresh.context.close();
  });

  it('a failed load says so and keeps the paste; Try again loads it and reads the output', T, async () => {
    const { page, context } = await openPage(session.browser, session.server, { serviceWorkers: 'block' });
    await fillForm(page, bidirectional({ account_id: undefined }));
    await page.route('**/privatelink_prep_evidence_bg.wasm', (route) => route.fulfill({ status: 503, body: 'down' }));
    const account = panel(page, '');
    await account.locator(':scope > summary').click();
    await paste(page, '', IDENTITY);
    const status = account.locator('.plp-evidence-status.plp-status-error');
    await status.waitFor();
    assert.match(await status.textContent(), /^The evidence checks could not load: .*Your pasted output is kept here\. Try again/);
    assert.equal(await account.locator('textarea').inputValue(), IDENTITY);
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '');

    await page.unroute('**/privatelink_prep_evidence_bg.wasm');
    await account.getByRole('button', { name: 'Try again' }).click();
    await account.locator('.plp-evidence-command').first().waitFor();
    assert.equal(await status.count(), 0);
    await account.getByRole('button', { name: 'Read this output' }).click();
    await waitForRead(page, '');
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '123456789012');
    await context.close();
  });

  it('nothing pasted is inserted as HTML; an output the core does not recognise is not attached and stays in the paste area', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, bidirectional({ account_id: undefined }));
    await openPanel(page, '');
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await paste(page, '', hostile);
    await waitForRead(page, '');
    const expected = await page.evaluate(async ([req, out]) => {
      const core = await import('/www/pkg/privatelink_prep_evidence.js');
      return core.evidenceRead(req, '', out);
    }, [await pageRequest(page), hostile]);
    assert.equal(expected.recognised, null);
    const note = panel(page, '').locator('.plp-evidence-note');
    if (expected.diagnostics.length) {
      assert.deepEqual(await note.locator('.plp-msg-message').allTextContents(), expected.diagnostics.map((d) => shown(d.message)));
    }
    assert.equal(await panel(page, '').locator('textarea').inputValue(), hostile);
    assert.equal((await pageRequest(page)).evidence, undefined);
    // A recognised output whose values hold markup: shown as text, never parsed.
    const marked = JSON.parse(IDENTITY);
    marked.Arn = 'arn:aws:iam::123456789012:user/<img src=x onerror="window.__pwned=3">';
    await paste(page, '', JSON.stringify(marked));
    await panel(page, '').locator('.plp-evidence-item').waitFor();
    assert.equal(await page.locator('.plp img, .plp script').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the service worker caches the evidence module on first use, never before; then evidence works offline', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cachedFiles = () => page.evaluate(async () => {
      const out = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
      }
      return out;
    });
    assert.ok((await cachedFiles()).includes('/www/pkg/privatelink_prep_bg.wasm'), 'the main module is precached');
    for (const f of EVIDENCE_FILES) assert.ok(!(await cachedFiles()).includes(f), `${f} is not fetched before use`);
    await fillForm(page, bidirectional({ account_id: undefined }));
    await openPanel(page, '');
    for (const f of EVIDENCE_FILES) assert.ok((await cachedFiles()).includes(f), `${f} is cached once used`);

    await context.setOffline(true);
    await page.reload();
    // The form is typeable before the module arrives: wait for the checks it loads.
    await formChecking(page);
    await openPanel(page, '');
    await paste(page, '', IDENTITY);
    await waitForRead(page, '');
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '123456789012');
    assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
    await context.close();
  });

  it('the single file carries the evidence module: from file://, a paste fills the field with no request but the file', T, async () => {
    const url = pathToFileURL(join(ROOT, 'dist', 'privatelink-prep.html')).href;
    const { page, context, requests, errors } = await openPage(session.browser, session.server, { url });
    await fillForm(page, bidirectional({ account_id: undefined }));
    await openPanel(page, '');
    await paste(page, '', IDENTITY);
    await waitForRead(page, '');
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '123456789012');
    const request = await pageRequest(page);
    assert.deepEqual(await page.evaluate(() => window.privatelinkPrep.getReport()), cliReport(request));
    assert.deepEqual([...new Set(requests.filter((u) => !u.startsWith('data:')))], [url]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

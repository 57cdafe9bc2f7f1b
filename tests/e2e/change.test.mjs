// "Change an existing setup": the change document's fields, the core's messages on them, and the
// change ticket, the same as the CLI's for the document the page sends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, openPage, fillForm, fillChange, cli, cliReport, waitForPreview, shownTicket, axeCheck,
  VALID_AWS, useServerAndBrowser, pageRequest, shown, inPageOrder, inlineMessages, toChangeForm,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? (el.getAttribute('name') ? `${el.getAttribute('name')}${el.type === 'radio' ? `=${el.value}` : ''}` : el.textContent.trim()) : null;
});

/** The inline messages of a field, as rendered. */
async function inline(page, path) {
  return inlineMessages(page, path);
}

const example = (name) => JSON.parse(readFileSync(join(ROOT, 'tests', 'requests', name), 'utf8'));

const AWS_CHANGE = {
  company: 'Acme Outdoor, Inc.',
  cloud: 'aws',
  region: 'us-east-1',
  project_id: 'abcdefghij123',
  changes: [
    { action: 'change_account', from_account_id: '123456789012', to_account_id: '123456789012' },
    { action: 'remove_connection', environment: 'staging' },
    {
      action: 'add_endpoint_service',
      name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718',
      ports: [{ service: 'ERP API', port: '8443', protocol: 'tcp' }, { service: 'Inventory feed', port: '9000', protocol: 'tcp' }],
      principal_allowed: true,
    },
    { action: 'remove_endpoint_service', name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210' },
  ],
};

describe('change requests on the page', () => {
  it('from and to accounts equal: the core\'s exact message; fixed, the preview is the CLI\'s change ticket', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillChange(page, AWS_CHANGE);
    await page.getByRole('button', { name: 'Check' }).click();
    const summary = page.locator('.plp-summary');
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('plp-summary')), true);

    // The document sent: kind change, each change with the fields of its action only.
    const doc = await pageRequest(page);
    assert.deepEqual(doc, {
      version: 1,
      kind: 'change',
      company: AWS_CHANGE.company,
      cloud: 'aws',
      region: 'us-east-1',
      project_id: 'abcdefghij123',
      changes: AWS_CHANGE.changes,
    });
    const expected = cliReport(doc).diagnostics;
    assert.deepEqual(expected.map((d) => [d.field, d.message]), [[
      'changes[0].to_account_id',
      'The new account 123456789012 is the account allowed today, so nothing would change.',
    ]]);
    assert.deepEqual(await summary.locator('a').allTextContents(), [expected[0].message]);
    assert.deepEqual(await inline(page, 'changes[0].to_account_id'), [expected[0].message]);
    const to = page.locator('input[name="changes[0].to_account_id"]');
    assert.equal(await to.getAttribute('aria-invalid'), 'true');
    const msgId = await page.locator('[data-field="changes[0].to_account_id"] > .plp-msgs').getAttribute('id');
    assert.ok((await to.getAttribute('aria-describedby')).split(' ').includes(msgId));
    assert.equal(await page.locator('.plp-preview-status').textContent(), 'Not ready: 1 error to fix.');

    // The summary link leads to the field; fixing it clears the message as the user types.
    await summary.locator('a').click();
    assert.equal(await focused(page), 'changes[0].to_account_id');
    await to.fill('210987654321');
    await waitForPreview(page, 'ready');
    assert.deepEqual(await inline(page, 'changes[0].to_account_id'), []);
    assert.equal(await to.getAttribute('aria-invalid'), null);
    assert.equal(await summary.isHidden(), true);

    const fixed = await pageRequest(page);
    const text = cli(['ticket', '--format', 'text'], fixed);
    assert.equal(text.status, 0, text.stderr);
    const shown = await shownTicket(page);
    assert.equal(shown.subject, `PrivateLink change for ${AWS_CHANGE.company}`);
    assert.equal(shown.file, text.stdout);
    for (const line of ['Remove the AWS PrivateLink connection from the Staging environment.', 'from 123456789012 to 210987654321']) {
      assert.ok(shown.body.includes(line), `the ticket says: ${line}`);
    }
    await page.getByRole('tab', { name: 'Markdown' }).click();
    // The body as shown; the file (what the download writes) as the CLI writes it, its subject
    // line escaped Markdown.
    const md = cli(['ticket', '--format', 'markdown'], fixed).stdout;
    const shownMd = await shownTicket(page);
    assert.equal(`${shownMd.body}${shownMd.body.endsWith('\n') ? '' : '\n'}`, md.slice(md.indexOf('\n\n') + 2));
    assert.equal(await page.evaluate(() => window.privatelinkPrep.getTickets().markdown.file), md);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the main module has no change checks: a change loads the second module once, the preview saying so, and Check pressed meanwhile lands on the verdict', T, async () => {
    const { page, context, requests, errors } = await openPage(session.browser, session.server, { serviceWorkers: 'block' });
    const own = () => requests.filter((u) => u.startsWith(session.server.origin)).map((u) => new URL(u).pathname);
    await fillForm(page, VALID_AWS);
    await waitForPreview(page, 'ready');
    assert.ok(!own().includes('/www/pkg/privatelink_prep_evidence_bg.wasm'), 'not loaded for an enablement');
    // The main module's own answer to a change request (PL599), in every build without the checks.
    const answer = await page.evaluate(async () => {
      const core = await import('/www/pkg/privatelink_prep.js');
      await core.default();
      return core.validate({ version: 1, kind: 'change', company: 'Acme' }).diagnostics.map((d) => [d.code, d.field]);
    });
    assert.deepEqual(answer, [['PL599', 'kind']]);

    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/privatelink_prep_evidence_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.getByLabel('Change an existing setup').check();
    const status = page.locator('.plp-preview-status');
    await assert.doesNotReject(status.filter({ hasText: 'The checks for change requests are loading' }).waitFor());
    await page.getByRole('button', { name: 'Check' }).click();
    assert.equal(await page.locator('.plp-summary a', { hasText: 'PL599' }).count(), 0, 'no PL599 for the user');
    release();
    const summary = page.locator('.plp-summary');
    await page.locator('.plp-summary .plp-summary-list a').first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('plp-summary')), true, 'focus on the verdict');
    const doc = await pageRequest(page);
    const expected = cliReport(doc).diagnostics.filter((d) => d.severity === 'error').map((d) => shown(d.message));
    const links = await summary.locator('.plp-summary-list:not(.plp-summary-others) a').allTextContents();
    assert.deepEqual([...links].sort(), [...expected].sort());
    await page.unroute('**/privatelink_prep_evidence_bg.wasm');
    assert.equal(requests.filter((u) => u.endsWith('/privatelink_prep_evidence_bg.wasm')).length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an Azure change request (tests/requests/change-azure.json) gives the CLI\'s ticket', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    const doc = example('change-azure.json');
    await fillChange(page, doc);
    await waitForPreview(page, 'ready');
    const sent = await pageRequest(page);
    assert.equal(sent.kind, 'change');
    assert.deepEqual(sent.changes.map((c) => c.action), doc.changes.map((c) => c.action));
    // The page's document and the example make the same ticket.
    const want = cli(['ticket', '--format', 'text'], doc).stdout;
    assert.equal(cli(['ticket', '--format', 'text'], sent).stdout, want);
    assert.equal((await shownTicket(page)).file, want);
    assert.equal(await page.getByLabel('New Azure subscription ID').count(), 1, 'Azure wording on the account fields');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Check on an empty change request lists every error of the core, each linked to its field', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await toChangeForm(page);
    await page.getByRole('button', { name: 'Check' }).click();
    const doc = await pageRequest(page);
    assert.deepEqual(doc.changes, [{ action: '' }]);
    const expected = await inPageOrder(page, cliReport(doc).diagnostics.filter((d) => d.severity === 'error'));
    assert.ok(expected.some((d) => d.field === 'changes[0].action'), JSON.stringify(expected));
    // In page order (company, project ID, region, then the change), code as code.
    assert.deepEqual(expected.map((d) => d.field).slice(0, 3), ['company', 'project_id', 'region']);
    const links = page.locator('.plp-summary .plp-summary-list:not(.plp-summary-others) a');
    assert.deepEqual(await links.allTextContents(), expected.map((d) => shown(d.message)));
    assert.equal(await page.locator('.plp-change-form [data-field="project_id"] .plp-msg-help code').textContent(),
      'magento-cloud project:info');
    for (const d of expected) {
      await page.locator('.plp-summary a', { hasText: shown(d.message) }).first().click();
      assert.equal(await focused(page), d.field, `the link for ${d.field}`);
      assert.deepEqual(await inline(page, d.field), [shown(d.message)]);
    }
    // Each action's missing fields, then a second row repeating the first: the core's words.
    await page.locator('select[name="changes[0].action"]').selectOption('remove_connection');
    await page.locator('[data-list="changes"] > .plp-add').click();
    await page.locator('select[name="changes[1].action"]').selectOption('change_account');
    await page.getByRole('button', { name: 'Check' }).click();
    const again = cliReport(await pageRequest(page)).diagnostics.filter((d) => d.field.startsWith('changes'));
    assert.deepEqual(again.map((d) => d.field),
      ['changes[0].environment', 'changes[1].from_account_id', 'changes[1].to_account_id']);
    for (const d of again) assert.deepEqual(await inline(page, d.field), [d.message]);
    await context.close();
  });

  it('switching modes keeps what was typed in each, with focus on the choice', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    await waitForPreview(page, 'ready');
    const enablement = await pageRequest(page);

    // The keyboard moves between the two modes like any radio group.
    await page.locator('input[name="kind"][value="enablement"]').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'kind=change');
    assert.equal(await page.locator('input[name="account_id"]').count(), 0, 'the enablement fields are gone');
    // Nothing typed in it yet: the change form starts from the project typed in the enablement.
    assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    assert.equal(await page.locator('input[name="project_id"]').inputValue(), VALID_AWS.project_id);
    assert.equal((await pageRequest(page)).kind, 'change');
    await page.locator('input[name="company"]').fill('Change Co');
    await page.locator('select[name="changes[0].action"]').selectOption('remove_endpoint_service');
    await page.locator('input[name="changes[0].name"]').fill('com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0');
    const change = await pageRequest(page);

    await page.locator('input[name="kind"][value="change"]').focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(page), 'kind=enablement');
    assert.equal(await page.locator('select[name="changes[0].action"]').count(), 0, 'the change fields are gone');
    await waitForPreview(page, 'ready');
    assert.deepEqual(await pageRequest(page), enablement);
    assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    assert.match((await shownTicket(page)).subject, /^PrivateLink support for /);

    await page.getByLabel('Change an existing setup').check();
    assert.deepEqual(await pageRequest(page), change);
    assert.equal(await page.locator('input[name="changes[0].name"]').inputValue(), change.changes[0].name);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('rows: adding and removing keeps focus; a new action keeps what was typed in the row', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await toChangeForm(page);
    const action = page.locator('select[name="changes[0].action"]');
    await action.focus();
    await action.selectOption('add_endpoint_service');
    assert.equal(await focused(page), 'changes[0].action', 'the select keeps focus when its fields change');
    await page.locator('input[name="changes[0].name"]').fill('com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0');
    await page.getByRole('button', { name: 'Add another port' }).click();
    assert.equal(await focused(page), 'changes[0].ports[1].service', 'a new port row takes focus');
    await page.getByRole('button', { name: 'Remove port 2 of change 1' }).click();
    assert.equal(await focused(page), 'changes[0].ports[0].service', 'focus goes to the row before');

    await action.selectOption('remove_endpoint_service');
    assert.equal(await page.locator('input[name="changes[0].name"]').inputValue(),
      'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', 'the name stays');
    assert.equal(await page.locator('input[name="changes[0].ports[0].port"]').count(), 0);

    await page.getByRole('button', { name: 'Add another change' }).click();
    assert.equal(await focused(page), 'changes[1].action');
    await page.locator('select[name="changes[1].action"]').selectOption('remove_connection');
    await page.getByRole('button', { name: 'Remove this change (change 1)' }).click();
    assert.equal(await focused(page), 'changes[0].action', 'the next change moves up and takes focus');
    assert.deepEqual((await pageRequest(page)).changes, [{ action: 'remove_connection', environment: '' }]);
    await page.getByRole('button', { name: 'Remove this change (change 1)' }).click();
    assert.equal(await focused(page), 'Add a change', 'with no row left, the Add button');
    assert.deepEqual((await pageRequest(page)).changes, []);
    await context.close();
  });

  it('in <privatelink-prep>, the values the host page locks stay locked in the change form', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server, { url: `${session.server.origin}/examples/embed.html` });
    await page.waitForFunction(() => [...document.querySelectorAll('privatelink-prep')]
      .every((el) => el.shadowRoot && el.shadowRoot.querySelector('form.plp-form')));
    const host = page.locator('privatelink-prep[cloud]');
    const attrs = await host.evaluate((el) => Object.fromEntries(
      ['cloud', 'region', 'project-id', 'company'].map((a) => [a, el.getAttribute(a)])));
    await toChangeForm(host);
    assert.equal(await host.locator('select[name="changes[0].action"]').count(), 1, 'the change form is on');
    for (const [name, attr] of [['company', 'company'], ['region', 'region'], ['project_id', 'project-id']]) {
      const input = host.locator(`input[name="${name}"]`);
      assert.equal(await input.inputValue(), attrs[attr]);
      assert.equal(await input.getAttribute('readonly'), '', `${name} is read-only`);
      assert.equal(await host.locator(`[data-field="${name}"] .plp-locked-note`).textContent(),
        'Set by this page: it cannot be changed here.');
      const note = await host.locator(`[data-field="${name}"] .plp-locked-note`).getAttribute('id');
      assert.ok((await input.getAttribute('aria-describedby')).split(' ').includes(note));
    }
    assert.equal(await host.locator('input[name="cloud"][value="azure"]').isChecked(), true);
    assert.equal(await host.locator('input[name="cloud"][value="aws"]').isDisabled(), true);
    await host.locator('input[name="company"]').focus();
    await page.keyboard.type('Other');
    const doc = await host.evaluate((el) => el.getRequest());
    assert.deepEqual([doc.kind, doc.company, doc.cloud, doc.region, doc.project_id],
      ['change', attrs.company, attrs.cloud, attrs.region, attrs['project-id']]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('axe-core finds nothing in the change form with its messages shown, light and dark', T, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await openPage(session.browser, session.server);
      await page.emulateMedia({ colorScheme });
      await fillChange(page, {
        changes: [
          { action: 'remove_connection' },
          { action: 'change_account', from_account_id: '1', to_account_id: '1' },
          { action: 'add_endpoint_service', name: 'x', ports: [{ service: '', port: '99999' }] },
          { action: 'remove_endpoint_service', name: '' },
        ],
      });
      await page.getByRole('button', { name: 'Check' }).click();
      assert.ok(await page.locator('form.plp-form .plp-msg-error').count() >= 6);
      const { passes, violations } = await axeCheck(page, 'form.plp-form, .plp-summary');
      assert.ok(passes >= 10, `axe checked only ${passes} rules`);
      assert.deepEqual(violations, [], colorScheme);
      await context.close();
    }
  });

  it('the XSS corpus in every text field of the change form stays text; the messages are the core\'s', { timeout: 180_000 }, async () => {
    const payloads = [...new Set(readFileSync(join(ROOT, 'tests', 'xss-payloads.txt'), 'utf8').split('\n').filter((l) => l.trim() !== ''))];
    const { page, context, dialogs, errors } = await openPage(session.browser, session.server);
    await fillChange(page, {
      cloud: 'azure',
      changes: [
        { action: 'change_account' },
        { action: 'add_endpoint_service' },
        { action: 'remove_endpoint_service' },
      ],
    });
    await page.getByRole('button', { name: 'Check' }).click();
    const fields = await page.locator('form.plp-form [data-mode="change"] input[type="text"]').evaluateAll((els) => els.map((e) => e.name));
    assert.equal(fields.length, 11, `text fields: ${fields}`);
    const dangerous = 'script, img, svg, iframe, object, embed, style, [onerror], [onload], a[href^="javascript"]';
    const baseline = await page.locator(dangerous).count();
    for (const payload of payloads) {
      for (const name of fields) await page.locator(`input[name="${name}"]`).fill(payload);
      await page.getByRole('button', { name: 'Check' }).click();
      const state = await page.evaluate((sel) => ({
        dangerous: document.querySelectorAll(sel).length,
        xss: window.__xss,
        messages: [...document.querySelectorAll('form.plp-form .plp-msg-message')].map((m) => m.textContent),
        doc: window.privatelinkPrep.getRequest(),
      }), dangerous);
      assert.equal(state.dangerous, baseline, `new elements for ${payload}`);
      assert.equal(state.xss, undefined, `script ran for ${payload}`);
      assert.equal(state.doc.company, payload);
      const want = cliReport(state.doc).diagnostics.map((d) => d.message);
      assert.deepEqual([...state.messages].sort(), [...want].sort(), `the core's messages for ${payload}`);
    }
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

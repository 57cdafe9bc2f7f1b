// The form against the optimised build: messages are the core's, shown the GOV.UK way.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, fillForm, cliReport, waitForPreview, VALID_AWS, useServerAndBrowser, pageRequest,
  inlineMessages, inPageOrder, shown,
} from './helpers.mjs';

const T = { timeout: 60_000 };
const session = useServerAndBrowser();

const focusedName = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? el.getAttribute('name') || el.className || el.tagName : null;
});

/** The inline messages of a field, as rendered. */
async function inline(page, path) {
  return inlineMessages(page, path);
}

describe('validation on the page', () => {
  it('a bad account ID shows the exact message of the core, and clears when fixed', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, account_id: '12345' });
    await page.getByRole('button', { name: 'Check' }).click();

    // The summary takes focus and leads with the GOV.UK heading.
    const summary = page.locator('.plp-summary');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('plp-summary')), true);
    assert.equal(await summary.locator('h2').textContent(), 'There is a problem');

    // The expected wording comes from the CLI on the very document the page sends.
    const doc = await pageRequest(page);
    assert.equal(doc.account_id, '12345');
    const expected = cliReport(doc).diagnostics.filter((d) => d.field === 'account_id');
    assert.equal(expected.length, 1);
    assert.equal(expected[0].message, '"12345" is not an AWS account ID: it has 5 digits, and an AWS account ID has exactly 12.');

    const links = await summary.locator('a').allTextContents();
    assert.deepEqual(links, [expected[0].message]);
    assert.deepEqual(await inline(page, 'account_id'), [expected[0].message]);
    const field = page.locator('form.plp-form [data-field="account_id"]');
    assert.match(await field.locator('.plp-msg-help').textContent(), /exactly 12 digits/);

    const input = page.locator('input[name="account_id"]');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const describedBy = (await input.getAttribute('aria-describedby')).split(' ');
    const msgId = await field.locator(':scope > .plp-msgs').getAttribute('id');
    assert.ok(describedBy.includes(msgId), `${describedBy} links ${msgId}`);

    // The summary link moves focus to the field.
    await summary.locator('a').first().click();
    assert.equal(await focusedName(page), 'account_id');

    // Fixing it clears the message as the user types: no second click on Check.
    await input.fill('123456789012');
    await waitForPreview(page, 'ready');
    assert.deepEqual(await inline(page, 'account_id'), []);
    assert.equal(await input.getAttribute('aria-invalid'), null);
    assert.ok(!(await input.getAttribute('aria-describedby')).includes(msgId));
    assert.equal(await summary.isHidden(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('after Check, typing updates the inline messages; the summary only drops what is fixed', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, account_id: '12345', region: 'eu-west1' });
    await page.getByRole('button', { name: 'Check' }).click();
    const links = page.locator('.plp-summary a');
    const before = await links.allTextContents();
    assert.equal(before.length, 2);
    await page.locator('input[name="account_id"]').fill('123456');
    await page.locator('[data-field="account_id"] .plp-msg-message', { hasText: '"123456"' }).waitFor();
    assert.deepEqual(await links.allTextContents(), before, 'the summary is not rewritten on each keystroke');
    await page.locator('input[name="region"]').fill('eu-west-1');
    await page.locator('[data-field="region"] > .plp-msgs').waitFor({ state: 'hidden' });
    assert.deepEqual(await links.allTextContents(), [before.find((t) => t.includes('12345'))]);
    await page.locator('input[name="project_id"]').fill('bad');
    await page.locator('[data-field="project_id"] .plp-msg-message').waitFor();
    assert.equal(await links.count(), 1, 'new problems show inline until the next Check');
    assert.equal(await page.locator('.plp-preview-status').textContent(), 'Not ready: 2 errors to fix.');
    await page.getByRole('button', { name: 'Check' }).click();
    assert.equal(await links.count(), 2);
    await context.close();
  });

  it('Check on the empty form lists every error of the core, each linked to its field', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    assert.equal(await page.locator('.plp-summary').isHidden(), true, 'no summary before Check');
    assert.equal(await page.locator('.plp-msgs:not([hidden])').count(), 0, 'no inline message before Check');
    await page.getByRole('button', { name: 'Check' }).click();
    const expected = await inPageOrder(page, cliReport(await pageRequest(page)).diagnostics);
    const errorMessages = expected.filter((d) => d.severity === 'error').map((d) => shown(d.message));
    assert.ok(errorMessages.length >= 5, `expected several errors, got ${errorMessages.length}`);
    // In the order of the page: company, project ID, plan, environments, region, account, ports.
    assert.deepEqual(expected.filter((d) => d.severity === 'error').map((d) => d.field).slice(0, 6),
      ['company', 'project_id', 'plan', 'environments', 'region', 'account_id']);
    const links = page.locator('.plp-summary .plp-summary-list:not(.plp-summary-others) a');
    assert.deepEqual(await links.allTextContents(), errorMessages);
    assert.equal(await page.locator('.plp-preview-status').textContent(), `Not ready: ${errorMessages.length} errors to fix.`);

    // Every link lands on a control of its field (or of the nearest enclosing group).
    for (const d of expected.filter((x) => x.severity === 'error')) {
      const link = page.locator('.plp-summary a', { hasText: shown(d.message) }).first();
      await link.click();
      const name = await focusedName(page);
      assert.ok(name === d.field || d.field.startsWith(`${name}`) || name.startsWith(d.field),
        `link for ${d.field} focused ${name}`);
      assert.ok((await inline(page, d.field)).length > 0 || d.field.includes('['), `inline message for ${d.field}`);
    }
    await context.close();
  });

  it('bidirectional and Azure reveal their fields; hidden sections are not sent', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    const visible = (sel) => page.locator(sel).isVisible();
    assert.equal(await visible('input[name="endpoint_services[0].name"]'), false);
    assert.equal(await visible('input[name="prerequisites.nlb"]'), false);
    assert.equal(await visible('input[name="azure.cluster_id"]'), false);
    let doc = await pageRequest(page);
    assert.equal('endpoint_services' in doc || 'prerequisites' in doc || 'azure' in doc, false);

    await page.getByLabel('Bidirectional').check();
    await page.locator('input[name="endpoint_services[0].name"]').waitFor();
    assert.equal(await visible('input[name="endpoint_services[0].ports[0].port"]'), true);
    assert.equal(await visible('input[name="endpoint_services[0].principal_allowed"]'), true);
    assert.equal(await page.locator('input[name="prerequisites.interface_endpoint"]').count(), 0, 'made after the ticket: not asked');
    for (const k of ['nlb', 'endpoint_service']) {
      assert.equal(await visible(`input[name="prerequisites.${k}"]`), true, k);
    }
    // The endpoint to Adobe's service is made after the ticket: the page does not ask for it.
    assert.equal(await page.locator('input[name="prerequisites.interface_endpoint"]').count(), 0);
    doc = await pageRequest(page);
    assert.equal(doc.connection_type, 'bidirectional');
    assert.equal(doc.endpoint_services.length, 1);
    assert.deepEqual(doc.prerequisites, { nlb: false, endpoint_service: false });
    assert.equal('azure' in doc, false);

    await page.getByLabel('Azure (Private Link)').check();
    await page.locator('input[name="azure.cluster_id"]').waitFor();
    assert.equal(await page.locator('label[for$="-account_id"]').textContent(), 'Azure subscription ID');
    assert.equal(await page.locator('label[for$="-endpoint_services-0-name"]').textContent(), 'Private Link service alias or resource ID');
    const regionOptions = await page.locator('datalist option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(regionOptions.includes('westeurope') && !regionOptions.includes('eu-west-1'));
    await page.getByRole('button', { name: 'Add a subscription ID' }).click();
    assert.equal(await focusedName(page), 'azure.subscription_ids[0]');
    doc = await pageRequest(page);
    assert.deepEqual(doc.azure, { cluster_id: '', subscription_ids: [''] });

    // Back to AWS and unidirectional: those sections hide and leave the document.
    await page.getByLabel('AWS (PrivateLink)').check();
    await page.getByLabel('Unidirectional').check();
    assert.equal(await visible('input[name="azure.cluster_id"]'), false);
    assert.equal(await visible('input[name="endpoint_services[0].name"]'), false);
    doc = await pageRequest(page);
    assert.equal('endpoint_services' in doc || 'prerequisites' in doc || 'azure' in doc, false);
    const regions = await page.locator('datalist option').evaluateAll((os) => os.map((o) => [o.value, o.label]));
    assert.ok(regions.some(([v, l]) => v === 'eu-west-1' && /Ireland/.test(l)), 'AWS regions with names');
    await context.close();
  });

  it('a suggestion is a button that applies the value', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, region: 'eu-west1' });
    await page.getByRole('button', { name: 'Check' }).click();
    const expected = cliReport(await pageRequest(page)).diagnostics.find((d) => d.field === 'region');
    assert.equal(expected.suggestion, 'eu-west-1');
    assert.deepEqual(await inline(page, 'region'), [expected.message]);
    await page.getByRole('button', { name: 'Use eu-west-1' }).click();
    await waitForPreview(page, 'ready');
    assert.equal(await page.locator('input[name="region"]').inputValue(), 'eu-west-1');
    assert.equal(await focusedName(page), 'region');
    assert.deepEqual(await inline(page, 'region'), []);
    await context.close();
  });

  it('warnings and notes show too, visibly different from errors', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    const ports = [VALID_AWS.ports[0], { service: 'Syslog', port: '514', protocol: 'udp' }];
    await fillForm(page, { ...VALID_AWS, ports });
    await page.getByRole('button', { name: 'Check' }).click();
    await waitForPreview(page, 'ready');
    const expected = cliReport(await pageRequest(page)).diagnostics.find((d) => d.field === 'ports[1].protocol');
    assert.equal(expected.severity, 'warning');
    const msg = page.locator('.plp-msg[data-for="ports[1].protocol"]');
    assert.equal(await msg.getAttribute('data-severity'), 'warning');
    assert.equal(await msg.locator('.plp-badge').textContent(), 'Warning:');
    assert.equal(await msg.locator('.plp-msg-message').textContent(), expected.message);
    assert.equal(await page.locator('select[name="ports[1].protocol"]').getAttribute('aria-invalid'), null);
    assert.equal(await page.locator('.plp-summary h2').textContent(), 'Check before you send');
    assert.match(await page.locator('.plp-preview-status').textContent(), /^Ready to send, with 1 warning/);
    await context.close();
  });

  it('a value read as meant is a quiet note: what is sent, beside its field only', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, account_id: '1234-5678-9012' });
    await page.getByRole('button', { name: 'Check' }).click();
    await waitForPreview(page, 'ready');
    const msg = page.locator('[data-field="account_id"] > .plp-msgs .plp-msg');
    assert.equal(await msg.getAttribute('data-severity'), 'info');
    assert.equal(await msg.locator('.plp-badge').textContent(), 'Note:');
    assert.equal(await msg.locator('.plp-msg-message').textContent(), '"1234-5678-9012" is sent as 123456789012.');
    assert.equal(await page.locator('.plp-summary').isHidden(), true, 'no summary, no "Also check" entry');
    assert.equal(await page.locator('.plp-preview-status').textContent(), 'Ready to send.');
    await context.close();
  });

  it('a diagnostic on a field without a control still shows in the summary', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    // A second form on the page whose requests carry a field the form has no control for; the
    // real core reports it (unknown field) and the page must still show it.
    const shown = await page.evaluate(async () => {
      const core = await import('./www/pkg/privatelink_prep.js');
      await core.default(); // the page runs its own copy, bundled in www/pkg/page.js
      const { mount } = await import('./www/app.js');
      const colour = (req) => ({ ...req, colour: 'blue' });
      const api = {
        ...core,
        validate: (req) => core.validate(colour(req)),
        checkTicket: (req, format) => core.checkTicket(colour(req), format),
      };
      const host = document.createElement('div');
      document.body.append(host);
      const app = mount(host, { api, idPrefix: 'extra' });
      app.check();
      const items = [...host.querySelectorAll('.plp-summary li')];
      const unknown = items.find((li) => li.textContent.includes('colour'));
      return unknown ? { text: unknown.textContent, links: unknown.querySelectorAll('a').length } : null;
    });
    assert.ok(shown, 'the unknown-field warning is listed');
    assert.equal(shown.links, 0);
    assert.match(shown.text, /^Warning: /);
    await context.close();
  });

  it('rows are added and removed without losing focus', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await page.getByRole('button', { name: 'Add another port' }).click();
    assert.equal(await focusedName(page), 'ports[1].service');
    await page.locator('input[name="ports[1].service"]').fill('SFTP');
    await page.getByRole('button', { name: 'Add another port' }).click();
    assert.equal(await focusedName(page), 'ports[2].service');
    // Remove the middle row: focus goes to the row that took its place.
    await page.getByRole('button', { name: 'Remove port 2' }).click();
    assert.equal(await focusedName(page), 'ports[1].service');
    assert.equal(await page.locator('input[name="ports[1].service"]').inputValue(), '');
    // Remove the last row: focus goes to the row before.
    await page.getByRole('button', { name: 'Remove port 2' }).click();
    assert.equal(await focusedName(page), 'ports[0].service');
    // Remove the only row: focus goes to the add button.
    await page.getByRole('button', { name: 'Remove port 1' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Add a port');
    assert.deepEqual((await pageRequest(page)).ports, []);
    await page.keyboard.press('Enter');
    assert.equal(await focusedName(page), 'ports[0].service');

    // Endpoint services and their ports work the same way.
    await page.getByLabel('Bidirectional').check();
    await page.getByRole('button', { name: 'Add another endpoint service' }).click();
    assert.equal(await focusedName(page), 'endpoint_services[1].name');
    await page.getByRole('button', { name: 'Remove port 1 of endpoint service 2' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Add a port');
    await page.getByRole('button', { name: 'Remove this endpoint service (endpoint service 2)' }).click();
    assert.equal(await focusedName(page), 'endpoint_services[0].name');
    assert.equal(await page.evaluate(() => document.activeElement !== document.body), true);
    await context.close();
  });

  it('mounts inside a shadow root: messages, links and focus stay in that tree', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.evaluate(async () => {
      const core = await import('./www/pkg/privatelink_prep.js');
      await core.default(); // the page runs its own copy, bundled in www/pkg/page.js
      const { mount } = await import('./www/app.js');
      const host = document.createElement('div');
      host.id = 'shadow-host';
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = 'www/style.css';
      shadow.append(link);
      window.shadowApp = mount(shadow, { api: core });
    });
    const scope = page.locator('#shadow-host');
    await scope.locator('input[name="account_id"]').fill('12345');
    await scope.getByRole('button', { name: 'Check' }).click();
    const result = await page.evaluate(() => {
      const root = document.getElementById('shadow-host').shadowRoot;
      const input = root.querySelector('input[name="account_id"]');
      const ids = input.getAttribute('aria-describedby').split(' ');
      return {
        focused: root.activeElement && root.activeElement.classList.contains('plp-summary'),
        invalid: input.getAttribute('aria-invalid'),
        resolved: ids.every((id) => root.getElementById(id)),
        message: root.querySelector('[data-field="account_id"] .plp-msg-message').textContent,
        pageSummaryShown: !document.querySelector('#app .plp-summary').hidden,
        border: getComputedStyle(root.querySelector('.plp-summary')).borderTopWidth,
      };
    });
    assert.equal(result.focused, true);
    assert.equal(result.invalid, 'true');
    assert.equal(result.resolved, true);
    assert.match(result.message, /"12345" is not an AWS account ID/);
    assert.equal(result.pageSummaryShown, false, 'the page form is untouched');
    assert.equal(result.border, '4px', 'the stylesheet applies inside the shadow root');
    await scope.locator('.plp-summary a', { hasText: '12345' }).click();
    assert.equal(await page.evaluate(() => document.getElementById('shadow-host').shadowRoot.activeElement.name), 'account_id');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says so plainly when the WebAssembly core cannot load', T, async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.route('**/privatelink_prep_bg.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(session.server.url);
    const error = page.locator('#app .load-error');
    await error.waitFor();
    assert.match(await error.textContent(), /^The checker could not start: /);
    assert.equal(await page.locator('#app').getAttribute('aria-busy'), null);
    await context.close();
  });

  it('fits a 320 px wide screen and follows the dark colour scheme', T, async () => {
    const { page, context } = await openPage(session.browser, session.server, { viewport: { width: 320, height: 800 } });
    await page.getByLabel('Bidirectional').check();
    await page.getByRole('button', { name: 'Check' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(light, dark);
    await context.close();
  });
});

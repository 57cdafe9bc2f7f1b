// Several ports typed in one port field ("80,443"): the core names them and gives the rows; the
// page's button splits the row into one per port, service and protocol kept, wherever port rows are.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, fillForm, cliReport, useServerAndBrowser, pageRequest, inlineMessages, VALID_AWS, toChangeForm,
} from './helpers.mjs';

const T = { timeout: 60_000 };
const session = useServerAndBrowser();

/** Types `value` in the port field at `path` and leaves it (Tab), as a customer does. */
async function typeAndLeave(page, path, value) {
  const input = page.locator(`input[name="${path}"]`);
  await input.fill(value);
  await input.press('Tab');
  await page.locator(`.plp-msg[data-for="${path}"]`).waitFor();
}

/** The service, port and protocol of each row of the list at `base`, as the form shows them. */
function rows(page, base) {
  return page.locator(`[data-list="${base}"] .plp-port-row`).evaluateAll((els) => els.map((row) => {
    const v = (sel) => row.querySelector(sel).value;
    return [v('input[name$=".service"]'), v('input[name$=".port"]'), v('select[name$=".protocol"]')];
  }));
}

/** The messages shown in the list at `base`. */
function listMessages(page, base) {
  return page.locator(`[data-list="${base}"] .plp-msg`).allTextContents();
}

describe('a port list typed in one port field', () => {
  it('the top-level ports: the message names both, the button splits the row into 80 and 443', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, ports: [VALID_AWS.ports[1], { service: 'Web', port: '8080' }] });
    await typeAndLeave(page, 'ports[1].port', '80,443');
    const expected = cliReport(await pageRequest(page)).diagnostics.filter((d) => d.field === 'ports[1].port');
    assert.deepEqual(expected.map((d) => [d.code, d.message, d.suggestion, d.split]), [[
      'PL202', '"80,443" lists 2 ports, 80 and 443, and a row holds one: split it into a row for each.', undefined, ['80', '443'],
    ]]);
    assert.deepEqual(await inlineMessages(page, 'ports[1].port'), [expected[0].message]);
    // One button, saying what it does; no "Use 80" that would drop 443.
    const buttons = page.locator('.plp-msg[data-for="ports[1].port"] button');
    assert.deepEqual(await buttons.allTextContents(), ['Split into ports 80 and 443']);

    await page.getByRole('button', { name: 'Split into ports 80 and 443' }).click();
    await page.locator('input[name="ports[2].port"]').waitFor();
    assert.deepEqual(await rows(page, 'ports'), [
      ['SFTP', '2222', 'tcp'], ['Web', '80', 'tcp'], ['Web', '443', 'tcp'],
    ]);
    assert.equal(await page.evaluate(() => document.activeElement.name), 'ports[1].port');
    assert.deepEqual((await pageRequest(page)).ports.map((p) => `${p.service} ${p.port}/${p.protocol}`),
      ['SFTP 2222/tcp', 'Web 80/tcp', 'Web 443/tcp']);
    assert.deepEqual(await inlineMessages(page, 'ports[1].port'), []);
    assert.deepEqual(await listMessages(page, 'ports'), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("an endpoint service's ports and a change's ports split the same way; a long range and a protocol are explained", T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, {
      ...VALID_AWS,
      connection_type: 'bidirectional',
      endpoint_services: [{ name: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', ports: [{ service: 'ERP', port: '1' }] }],
    });
    const base = 'endpoint_services[0].ports';
    await typeAndLeave(page, `${base}[0].port`, '8443 9000');
    await page.getByRole('button', { name: 'Split into ports 8443 and 9000' }).click();
    await page.locator(`input[name="${base}[1].port"]`).waitFor();
    assert.deepEqual(await rows(page, base), [['ERP', '8443', 'tcp'], ['ERP', '9000', 'tcp']]);
    assert.deepEqual(await listMessages(page, base), []);

    await toChangeForm(page);
    await page.locator('select[name="changes[0].action"]').selectOption('open_ports');
    await page.locator('input[name="changes[0].ports[0].service"]').fill('Reports');
    await typeAndLeave(page, 'changes[0].ports[0].port', '8000-8003');
    assert.deepEqual(await inlineMessages(page, 'changes[0].ports[0].port'), [
      '"8000-8003" is a range of 4 ports, 8000, 8001, 8002 and 8003; Adobe opens single ports, not ranges: split it into a row for each.',
    ]);
    await page.getByRole('button', { name: 'Split into ports 8000, 8001, 8002 and 8003' }).click();
    await page.locator('input[name="changes[0].ports[3].port"]').waitFor();
    assert.deepEqual(await rows(page, 'changes[0].ports'), ['8000', '8001', '8002', '8003'].map((p) => ['Reports', p, 'tcp']));
    assert.deepEqual(await listMessages(page, 'changes[0].ports'), []);
    assert.deepEqual((await pageRequest(page)).changes[0].ports.map((p) => p.port), ['8000', '8001', '8002', '8003']);

    // A range too long to split: explained, nothing to press.
    await typeAndLeave(page, 'changes[0].ports[0].port', '8000-8100');
    assert.deepEqual(await inlineMessages(page, 'changes[0].ports[0].port'), [
      '"8000-8100" is a range of 101 ports; Adobe opens single ports, not ranges: add a row for each port your services listen on.',
    ]);
    assert.equal(await page.locator('.plp-msg[data-for="changes[0].ports[0].port"] button').count(), 0);

    // A port with its protocol: the port alone is offered only when the row has that protocol.
    const buttons = () => page.locator('.plp-msg[data-for="changes[0].ports[0].port"] button').allTextContents();
    await typeAndLeave(page, 'changes[0].ports[0].port', '514/udp');
    assert.deepEqual(await inlineMessages(page, 'changes[0].ports[0].port'), [
      '"514/udp" names the protocol too: enter the port alone, 514, and choose UDP as the protocol.',
    ]);
    assert.deepEqual(await buttons(), []);
    await page.locator('select[name="changes[0].ports[0].protocol"]').selectOption('udp');
    await page.locator('.plp-msg[data-for="changes[0].ports[0].port"] button').waitFor();
    assert.deepEqual(await inlineMessages(page, 'changes[0].ports[0].port'), [
      '"514/udp" names the protocol too, UDP, which the row has already: enter the port alone, 514.',
    ]);
    assert.deepEqual(await buttons(), ['Use 514']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

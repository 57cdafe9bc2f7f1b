// Endpoint services of many ports (issue 12, "The page answers within a frame"): loaded with more
// than 100 ports in all, each service shows folded, its port rows made when it is opened or when
// a message is about one of them (www/app.js, FOLD_PORTS). What a user notices: what a folded
// service says, Show and Hide with focus on the button, every message beside its field, and the
// request and the ticket the same as with every row on screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  large, cli, cliReport, openPage, waitForPreview, pageRequest, shownTicket, shown, inlineMessages, axeCheck,
  useServerAndBrowser,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const service = (page, i) => page.locator(`.plp-service[data-field="endpoint_services[${i}]"]`);
const portFields = (page, i) => service(page, i).locator('input[name*=".ports["][name$=".port"]');
const summaryOf = (page, i) => service(page, i).locator('.plp-folded-summary').textContent();
const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent.trim() ?? null);
/** The services' ports as the request holds them (ports as numbers, as the example has them). */
const portsSent = (doc) => doc.endpoint_services.map((s) => s.ports.map((p) => `${p.service} ${Number(p.port)}/${p.protocol || 'tcp'}`));

describe('endpoint services of many ports show folded', () => {
  it('100 ports in all show as rows; past that each service is folded, says what it holds, and opens and folds on its button', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.evaluate((d) => window.privatelinkPrep.load(d), large(2, 50));
    await waitForPreview(page, 'ready');
    assert.equal(await page.locator('.plp-fold').count(), 0, '100 ports: no fold, no button');
    assert.equal(await portFields(page, 1).count(), 50);

    const doc = large(5, 30);
    await page.evaluate((d) => window.privatelinkPrep.load(d), doc);
    await waitForPreview(page, 'ready');
    assert.equal(await page.locator('.plp-service-folded').count(), 5);
    assert.equal(await page.locator('input[name*=".ports["]').count(), 0, 'no port row is made');
    assert.equal(await summaryOf(page, 0), '30 ports: Service 0 (2000/TCP), Service 1 (2001/TCP), Service 2 (2002/TCP) and 27 more.');
    // Each service's name and grant stay fields; the request and the ticket hold every row.
    assert.equal(await page.locator('input[name="endpoint_services[4].name"]').inputValue(), doc.endpoint_services[4].name);
    const sent = await pageRequest(page);
    assert.deepEqual(portsSent(sent), portsSent(doc));
    const want = cli(['ticket', '--format', 'text'], sent);
    assert.equal(want.status, 0, want.stderr);
    assert.equal((await shownTicket(page)).file, want.stdout);

    const show = page.getByRole('button', { name: 'Show the ports of endpoint service 2' });
    assert.equal(await show.getAttribute('aria-expanded'), 'false');
    await show.click();
    assert.equal(await portFields(page, 1).count(), 30, 'service 2 has its 30 rows');
    assert.equal(await page.locator('.plp-service-folded').count(), 4);
    assert.equal(await focusedText(page), 'Hide the ports of endpoint service 2', 'focus stays on the button');
    const hide = page.getByRole('button', { name: 'Hide the ports of endpoint service 2' });
    assert.equal(await hide.getAttribute('aria-expanded'), 'true');
    // Typed in an opened row: the request and the summary when folded again say so.
    const field = page.locator('input[name="endpoint_services[1].ports[0].service"]');
    await field.fill('Admin');
    await page.waitForFunction(() => window.privatelinkPrep.getRequest().endpoint_services[1].ports[0].service === 'Admin');
    await hide.click();
    assert.equal(await portFields(page, 1).count(), 0);
    assert.equal(await summaryOf(page, 1), '30 ports: Admin (2000/TCP), Service 1 (2001/TCP), Service 2 (2002/TCP) and 27 more.');
    assert.equal(await focusedText(page), 'Show the ports of endpoint service 2');

    const { violations } = await axeCheck(page, 'form.plp-form');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a message about a folded service\'s port opens that service, the message beside its field and the summary\'s link on it', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    const doc = large(5, 30);
    doc.endpoint_services[3].ports[7].port = 99999;
    await page.evaluate((d) => { window.privatelinkPrep.load(d); window.privatelinkPrep.check(); }, doc);
    await page.locator('.plp-summary-list a').first().waitFor();
    const errorsOfCli = cliReport(doc).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errorsOfCli.map((d) => d.field), ['endpoint_services[3].ports[7].port']);
    const message = shown(errorsOfCli[0].message);
    assert.equal(await page.locator('.plp-service-folded').count(), 4, 'the others stay folded');
    assert.equal(await portFields(page, 3).count(), 30);
    assert.deepEqual(await inlineMessages(page, 'endpoint_services[3].ports[7].port'), [message]);
    // No Hide while a row has a message: folded, the message would have no field to be beside.
    assert.equal(await page.getByRole('button', { name: 'Hide the ports of endpoint service 4' }).count(), 0);
    await page.locator('.plp-summary a', { hasText: message }).click();
    assert.equal(await page.evaluate(() => document.activeElement.name), 'endpoint_services[3].ports[7].port');

    // Fixed: the message goes, and Hide is offered.
    await page.locator('input[name="endpoint_services[3].ports[7].port"]').fill('2007');
    await waitForPreview(page, 'ready');
    assert.equal(await page.getByRole('button', { name: 'Hide the ports of endpoint service 4' }).count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a host\'s setValue on a folded row reaches the request and the summary; a service added while folded shows its rows', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.evaluate((d) => window.privatelinkPrep.load(d), large(5, 30));
    await waitForPreview(page, 'ready');
    assert.equal(await page.evaluate(() => window.privatelinkPrep.setValue('endpoint_services[0].ports[1].port', '8080')), true);
    assert.equal((await pageRequest(page)).endpoint_services[0].ports[1].port, '8080');
    assert.equal(await summaryOf(page, 0), '30 ports: Service 0 (2000/TCP), Service 1 (8080/TCP), Service 2 (2002/TCP) and 27 more.');
    assert.equal(await page.evaluate(() => window.privatelinkPrep.setValue('endpoint_services[0].ports[99].port', '1')), false, 'not a row of the form');
    // A long name is cut by character (not by UTF-16 unit).
    await page.evaluate(() => window.privatelinkPrep.setValue('endpoint_services[0].ports[0].service', `${'x'.repeat(38)}😀 and more`));
    assert.equal(await summaryOf(page, 0), `30 ports: ${'x'.repeat(38)}😀… (2000/TCP), Service 1 (8080/TCP), Service 2 (2002/TCP) and 27 more.`);

    await page.getByRole('button', { name: 'Add another endpoint service' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.name), 'endpoint_services[5].name');
    assert.equal(await portFields(page, 5).count(), 1, 'a new service is open, with its first port row');
    // The ticket that was ready breaks: the new row's errors show, so it offers no Hide yet.
    assert.ok((await inlineMessages(page, 'endpoint_services[5].ports[0].port')).length > 0);
    assert.equal(await page.getByRole('button', { name: 'Hide the ports of endpoint service 6' }).count(), 0);
    assert.equal(await page.locator('.plp-service-folded').count(), 5);

    // Loaded with a row without a port: folded, it says so, as no message shows before Check;
    // Check shows the message, and the service opens to put it beside the field.
    const gap = large(5, 30);
    gap.endpoint_services[2].ports[1].port = '';
    await page.evaluate((d) => window.privatelinkPrep.load(d), gap);
    assert.equal(await summaryOf(page, 2), '30 ports: Service 0 (2000/TCP), Service 1 (no port), Service 2 (2002/TCP) and 27 more.');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const missing = cliReport(gap).diagnostics.filter((d) => d.field === 'endpoint_services[2].ports[1].port').map((d) => shown(d.message));
    assert.equal(missing.length, 1);
    assert.deepEqual(await inlineMessages(page, 'endpoint_services[2].ports[1].port'), missing);
    assert.equal(await page.locator('.plp-service-folded').count(), 4);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// Issue 13, the page's points: what a customer sees, where, in which order, after which action —
// checked as they go, a returning user's broken ticket, the summary in page order, code as code,
// Remove buttons and the bidirectional confirmations, loading and failure, the layout at 320 px,
// and the smaller things. In the document and inside <privatelink-prep>.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, fillForm, fillNetwork, fillChange, cli, cliReport, waitForPreview, shownTicket, VALID_AWS,
  useServerAndBrowser, pageRequest, inPageOrder, shown, inlineMessages, axeCheck, formChecking,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const visibleMessages = (page) => page.locator('form.plp-form .plp-msg:visible .plp-msg-message').allTextContents();
const focusedName = (page) => page.evaluate(() => document.activeElement && (document.activeElement.getAttribute('name') || document.activeElement.textContent.trim()));

describe('checked as you go (issue 13, point 1)', () => {
  it('a field shows its messages once left with a value, then as it is typed; the summary waits for Check', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    const account = page.locator('input[name="account_id"]');
    await account.fill('12345');
    await page.waitForTimeout(250);
    assert.deepEqual(await visibleMessages(page), [], 'nothing while the field is being typed in');

    await page.locator('input[name="project_id"]').focus(); // leave it, with a value
    const expected = cliReport(await pageRequest(page)).diagnostics.filter((d) => d.field === 'account_id');
    assert.ok(expected.length, 'the core has a message for 12345');
    await page.locator('[data-field="account_id"] .plp-msg').first().waitFor();
    assert.deepEqual(await inlineMessages(page, 'account_id'), expected.map((d) => shown(d.message)));
    assert.deepEqual(await visibleMessages(page), expected.map((d) => shown(d.message)),
      'no message on the fields not touched (company, region, ports, ...)');
    assert.equal(await account.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('.plp-summary').isHidden(), true, 'no summary before Check');

    // Leaving an empty field touches nothing.
    await page.locator('input[name="project_id"]').focus();
    await page.locator('input[name="company"]').focus();
    assert.deepEqual(await inlineMessages(page, 'project_id'), []);

    // From now on the field follows the typing.
    await account.fill('123456789012');
    await page.waitForFunction(() => !document.querySelector('[data-field="account_id"] .plp-msg'));
    assert.equal(await account.getAttribute('aria-invalid'), null);

    // A choice is touched when it is made.
    await page.getByLabel('Starter').check();
    await page.locator('[data-field="plan"] .plp-msg').first().waitFor();
    assert.match((await inlineMessages(page, 'plan'))[0], /Starter/);

    await page.getByRole('button', { name: 'Check' }).click();
    assert.equal(await page.locator('.plp-summary').isVisible(), true, 'Check shows the summary');
    assert.ok((await visibleMessages(page)).length > 2, 'and every message');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('leaving a field by pressing a button: its message waits for the press, so the click lands', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await page.locator('input[name="ports[0].port"]').fill('80a');
    await page.getByRole('button', { name: 'Add another port' }).click();
    assert.equal(await focusedName(page), 'ports[1].service', 'the click added a row and focused it');
    await page.locator('[data-field="ports[0]"] .plp-msg').first().waitFor();
    assert.match((await inlineMessages(page, 'ports[0].port'))[0], /"80a" is not a port number/);
    await context.close();
  });

  it('inside <privatelink-prep>: the same, in its shadow root', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server, { url: `${session.server.origin}/examples/embed.html` });
    const host = page.locator('privatelink-prep#checker');
    await host.locator('form.plp-form').waitFor();
    await host.locator('input[name="account_id"]').fill('12345');
    assert.equal(await host.locator('.plp-msg:visible').count(), 0);
    await host.locator('input[name="project_id"]').focus();
    await host.locator('[data-field="account_id"] .plp-msg').first().waitFor();
    assert.equal(await host.locator('.plp-msg:visible').count(), 1, 'only the field left');
    assert.equal(await host.locator('.plp-summary').isHidden(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('coming back later (issue 13, point 2)', () => {
  it('a ticket that was ready and is hidden by a typo says which field, with a link to it', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    await waitForPreview(page, 'ready');
    await page.waitForTimeout(500); // the draft is saved
    await page.reload();
    await formChecking(page);
    await waitForPreview(page, 'ready');
    assert.equal(await page.locator('.plp-broken').isHidden(), true);

    await fillNetwork(page, { customer_network: { vpc_id: 'vpc-12g' } });
    await waitForPreview(page, 'not-ready');
    const broken = page.locator('.plp-broken');
    await broken.waitFor();
    const [d] = cliReport(await pageRequest(page)).diagnostics.filter((x) => x.severity === 'error');
    assert.equal(d.field, 'customer_network.vpc_id');
    assert.equal(await broken.locator('.plp-broken-intro').textContent(), 'The ticket was ready. It is hidden until this is fixed:');
    assert.deepEqual(await broken.locator('li').allTextContents(), [`VPC ID: ${shown(d.message)}`]);
    assert.equal(await page.locator('.plp-guide-status').textContent(),
      'Hidden while the request has an error: the ticket preview above says which field to fix.');
    assert.equal(await page.locator('.plp-tracker-status').textContent(),
      'Hidden while the request has an error: the ticket preview above says which field to fix.');
    // The message shows at the field too, and the link goes there.
    assert.deepEqual(await inlineMessages(page, 'customer_network.vpc_id'), [shown(d.message)]);
    await broken.locator('a').click();
    assert.equal(await focusedName(page), 'customer_network.vpc_id');

    await page.locator('input[name="customer_network.vpc_id"]').fill('vpc-0123456789abcdef0');
    await waitForPreview(page, 'ready');
    assert.equal(await broken.isHidden(), true, 'fixed: the ticket is back and the note gone');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a ticket never ready says nothing of the kind', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, account_id: '1' });
    await waitForPreview(page, 'not-ready');
    assert.equal(await page.locator('.plp-broken').isHidden(), true);
    await context.close();
  });
});

describe('the summary in page order, code as code (issue 13, points 3 and 4)', () => {
  it('lists company, project ID, plan, environments, region, account, as the form shows them', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, { company: 'Example Ltd', region: 'eu-west-9', account_id: '12345', project_id: 'Bad ID', plan: 'starter' });
    await page.getByRole('button', { name: 'Check' }).click();
    const core = cliReport(await pageRequest(page)).diagnostics.filter((d) => d.severity === 'error');
    const ordered = await inPageOrder(page, core);
    assert.deepEqual(ordered.map((d) => d.field).slice(0, 5), ['project_id', 'plan', 'environments', 'region', 'account_id']);
    assert.notDeepEqual(core.map((d) => d.field), ordered.map((d) => d.field), 'the core\'s order differs');
    assert.deepEqual(await page.locator('.plp-summary-list a').allTextContents(), ordered.map((d) => shown(d.message)));
    await context.close();
  });

  it('backticks in messages and help are code; a value with backticks is shown as typed', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await page.locator('input[name="account_id"]').fill('{"UserId": "AIDASAMPLEUSERID", "Account": "123456789012", "Arn": "arn:aws:iam::123456789012:user/DevAdmin"}');
    await page.getByRole('button', { name: 'Check' }).click();
    const link = page.locator('.plp-summary a', { hasText: 'This is the output of' });
    assert.equal(await link.locator('code').textContent(), 'aws sts get-caller-identity');
    assert.equal((await link.textContent()).includes('`'), false);
    const inline = page.locator('[data-field="project_id"] .plp-msg');
    assert.equal(await inline.locator('.plp-msg-help code').textContent(), 'magento-cloud project:info');
    assert.equal((await page.locator('form.plp-form').textContent()).includes('`'), false, 'no backtick anywhere in the form');

    await page.locator('input[name="project_id"]').fill('a`b`c');
    await page.waitForFunction(() => document.querySelector('[data-field="project_id"] .plp-msg-message')?.textContent.includes('"a`b`c"'));
    assert.equal(await page.locator('[data-field="project_id"] .plp-msg-message code').count(), 0, 'the value is not code');
    await context.close();
  });

  it('inside <privatelink-prep>: page order and code too', T, async () => {
    const { page, context } = await openPage(session.browser, session.server, { url: `${session.server.origin}/examples/embed.html` });
    const host = page.locator('privatelink-prep#checker');
    await host.locator('form.plp-form').waitFor();
    await host.getByRole('button', { name: 'Check' }).click();
    const doc = await host.evaluate((el) => el.getRequest());
    const core = cliReport(doc).diagnostics.filter((d) => d.severity === 'error');
    const ordered = await inPageOrder(page, core, host.locator('form.plp-form'));
    assert.deepEqual(await host.locator('.plp-summary-list a').allTextContents(), ordered.map((d) => shown(d.message)));
    assert.equal(await host.locator('[data-field="project_id"] .plp-msg-help code').textContent(), 'magento-cloud project:info');
    await context.close();
  });
});

describe('bidirectional, explained (issue 13, point 8)', () => {
  it('Remove buttons say what they remove; the confirmations in each cloud\'s words', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await page.getByLabel('Bidirectional').check();
    await page.getByRole('button', { name: 'Add another port' }).first().click();
    // The words on the button, without the ones only a screen reader hears.
    const visibleText = (loc) => loc.evaluate((b) => {
      const c = b.cloneNode(true);
      for (const vh of c.querySelectorAll('.plp-vh')) vh.remove();
      return c.textContent.trim();
    });
    assert.equal(await visibleText(page.getByRole('button', { name: 'Remove port 2', exact: true })), 'Remove port 2');
    const service = page.getByRole('button', { name: 'Remove this endpoint service (endpoint service 1)' });
    assert.equal(await visibleText(service), 'Remove this endpoint service');
    const servicePort = page.getByRole('button', { name: 'Remove port 1 of endpoint service 1' });
    assert.equal(await visibleText(servicePort), 'Remove port 1');

    // Only what can be true before the ticket: no interface endpoint (made after it).
    assert.deepEqual(await page.locator('[data-field="prerequisites"] input').evaluateAll((l) => l.map((i) => i.name)),
      ['prerequisites.nlb', 'prerequisites.endpoint_service']);
    assert.equal(await page.locator('input[name="endpoint_services[0].principal_allowed"]').isVisible(), true, 'AWS: the principal');
    const prereqs = page.locator('[data-field="prerequisites"]');
    const aws = await prereqs.innerText();
    assert.match(aws, /A Network Load Balancer in front of the application/);
    assert.match(aws, /A VPC endpoint service on that load balancer/);
    assert.match(aws, /listener on each port/);
    assert.doesNotMatch(aws, /Standard Load Balancer|Private Link service/);

    await page.getByLabel('Azure (Private Link)').check();
    const azure = await prereqs.innerText();
    assert.match(azure, /A Standard Load Balancer \(frontend IP configuration\) in front of the application/);
    assert.match(azure, /A Private Link service on that load balancer/);
    assert.match(azure, /frontend IP configuration/);
    assert.doesNotMatch(azure, /Network Load Balancer|endpoint service configuration|VPC/);
    assert.equal(await page.locator('input[name="endpoint_services[0].principal_allowed"]').count(), 0, 'Azure has no principal');
    assert.equal('principal_allowed' in (await pageRequest(page)).endpoint_services[0], false);
    assert.equal(await visibleText(page.getByRole('button', { name: 'Remove this Private Link service (Private Link service 1)' })),
      'Remove this Private Link service');
    await context.close();
  });
});

describe('loading and failure (issue 13, point 9)', () => {
  it('the form while the module loads; Try again and the single file when it fails', T, async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    let fail = true;
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/privatelink_prep_bg.wasm', async (route) => {
      await held;
      if (fail) await route.fulfill({ status: 503, body: 'down' });
      else await route.continue();
    });
    await page.goto(session.server.url);
    // The form comes first: typeable while the checks load, and the preview says they are coming.
    await page.locator('.plp[data-checks="loading"]').waitFor();
    assert.equal(await page.locator('#app progress').count(), 0, 'no progress bar in place of the form');
    assert.equal(await page.locator('#app').getAttribute('aria-busy'), null);
    assert.equal(await page.locator('.plp-preview-status').innerText(),
      'The checks are loading: they start in a moment, and what you type is kept.');
    await page.locator('input[name="company"]').fill('Acme Outdoor');
    release();
    const error = page.locator('#app .load-error');
    await error.waitFor();
    const text = await error.innerText();
    assert.match(text, /^The checker could not start: its WebAssembly part did not load\./);
    assert.doesNotMatch(text, /bash|scripts\/|build\.sh/, 'no developer text');
    assert.equal(await error.getByRole('link', { name: 'download the single-file checker' }).getAttribute('href'), 'dist/privatelink-prep.html');
    assert.equal(await page.locator('.load-details').evaluate((d) => d.open), false, 'the browser\'s words stay folded');
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Acme Outdoor', 'what was typed stays');
    assert.equal(await page.locator('.plp-preview-status').innerText(),
      'The checks could not load, so nothing is checked yet: what you type is kept.');

    fail = false;
    await error.getByRole('button', { name: 'Try again' }).click();
    await formChecking(page);
    await page.locator('#app .load-error').waitFor({ state: 'detached' });
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Acme Outdoor');
    await waitForPreview(page, 'not-ready');
    assert.match(await page.locator('.plp-preview-status').innerText(), /^Not ready: \d+ errors? to fix\.$/);
    await context.close();
  });

  it('when the page script itself fails, the loading box says what to do', { timeout: 60_000 }, async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.route('**/www/pkg/page.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(session.server.url);
    const stuck = page.locator('.loading-stuck');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.loading-stuck')).visibility === 'visible', null, { timeout: 15_000 });
    assert.match(await stuck.innerText(), /^Still loading\? If the form does not appear, reload the page\./);
    assert.equal(await stuck.getByRole('link', { name: 'single-file checker' }).getAttribute('href'), 'dist/privatelink-prep.html');
    await context.close();
  });

  it('without JavaScript: the message, and no empty box where the form would be', T, async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(session.server.url);
    assert.equal(await page.locator('#app').isVisible(), false);
    assert.match(await page.locator('noscript .load-error').innerText(), /needs JavaScript/);
    const gap = await page.evaluate(() => document.querySelector('.site-footer').getBoundingClientRect().top
      - document.querySelector('noscript .load-error').getBoundingClientRect().bottom);
    assert.ok(gap < 80, `the footer follows the message (${gap}px)`);
    await context.close();
  });
});

describe('layout (issue 13, point 10)', () => {
  it('at 320 px: the first control on the first screen, the H1 off the header, Check lands on the summary heading', T, async () => {
    const { page, context } = await openPage(session.browser, session.server, { viewport: { width: 320, height: 568 } });
    const box = (sel) => page.locator(sel).first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    const first = await box('form.plp-form input');
    assert.ok(first.bottom <= 568, `the first form control ends at ${first.bottom}px`);
    const gap = (await box('h1')).top - (await box('.site-header')).bottom;
    assert.ok(gap >= 12, `the H1 is ${gap}px below the header`);

    await fillForm(page, { company: 'Example Ltd', account_id: '12345' });
    await page.getByRole('button', { name: 'Check' }).click();
    const heading = await box('.plp-summary-title');
    assert.ok(heading.top >= 0 && heading.bottom <= 568, `the summary heading is on screen (${heading.top}-${heading.bottom})`);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('plp-summary')), true);
    await context.close();
  });

  it('a port row keeps its layout when a message appears; the two mode cards are level', T, async () => {
    const { page, context } = await openPage(session.browser, session.server, { viewport: { width: 1000, height: 900 } });
    const at = (name) => page.locator(`input[name="${name}"], select[name="${name}"]`).evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { x: Math.round(r.x), w: Math.round(r.width) };
    });
    const before = await Promise.all(['ports[0].service', 'ports[0].port', 'ports[0].protocol'].map(at));
    await page.locator('input[name="ports[0].port"]').fill('80a');
    await page.locator('input[name="company"]').focus();
    await page.locator('[data-field="ports[0]"] .plp-msg').first().waitFor();
    const after = await Promise.all(['ports[0].service', 'ports[0].port', 'ports[0].protocol'].map(at));
    assert.deepEqual(after, before, 'same columns, same widths');

    const hints = await page.locator('.plp-modes .plp-choice-hint').evaluateAll((list) => list.map((e) => Math.round(e.getBoundingClientRect().top)));
    assert.equal(hints.length, 2);
    assert.equal(hints[0], hints[1], 'the hints of the two cards start level');
    await context.close();
  });
});

describe('smaller things (issue 13, point 11)', () => {
  it('change mode starts from the project typed in the enablement', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, { company: 'Example Ltd', project_id: 'yw1unoukjcawe', cloud: 'azure', region: 'westeurope' });
    await page.getByLabel('Change an existing setup').check();
    for (const [name, value] of [['company', 'Example Ltd'], ['project_id', 'yw1unoukjcawe'], ['region', 'westeurope']]) {
      assert.equal(await page.locator(`input[name="${name}"]`).inputValue(), value, name);
    }
    assert.equal(await page.locator('input[name="cloud"][value="azure"]').isChecked(), true);
    await context.close();
  });

  it('downloads say "ticket", the Help Center is linked, Adobe\'s principal has a Copy, dates read one way', T, async () => {
    const { page, context } = await openPage(session.browser, session.server, { permissions: ['clipboard-read', 'clipboard-write'] });
    await fillForm(page, { ...VALID_AWS, connection_type: 'bidirectional' });
    for (const ext of ['txt', 'md', 'json']) {
      assert.equal(await page.locator(`[data-action="download-${ext}"]`).innerText(), `Download ticket as .${ext}`);
    }
    assert.equal(await page.locator('[data-action="export"]').innerText(), 'Export JSON');
    const help = page.getByRole('link', { name: 'Adobe’s Help Center (Experience League)' });
    assert.equal(await help.getAttribute('href'), 'https://experienceleague.adobe.com/home?support-tab=home#support');

    await page.getByRole('button', { name: 'Copy Adobe’s principal' }).click();
    await page.locator('.plp-principal-status', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'arn:aws:iam::402592597372:root');
    await page.getByLabel('Azure (Private Link)').check();
    assert.equal(await page.getByRole('button', { name: 'Copy Adobe’s principal' }).count(), 0, 'Azure has no principal');

    await page.getByLabel('AWS (PrivateLink)').check();
    await page.getByLabel('Unidirectional').check();
    await waitForPreview(page, 'ready');
    await page.locator('.plp-tracker input[type="date"]').fill('2026-12-03');
    const expected = await page.locator('.plp-tracker-expected').innerText();
    assert.match(expected, /^Ticket sent on Thursday 3 December 2026: expect Adobe to complete enablement by \w+day \d+ \w+ 2026, up to 5 business days later\. Business days here skip Saturdays and Sundays but not public holidays/);
    assert.match(await page.locator('.plp-tracker-scope').innerText(), /of project yw1unoukjcawe\./);

    await page.waitForTimeout(500);
    await page.reload();
    await formChecking(page);
    assert.match(await page.locator('.plp-work-status').innerText(),
      /^Restored your draft from (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d\. /);
    await context.close();
  });

  it('an element without id says that its draft is not kept; one with an id does not', T, async () => {
    const { page, context } = await openPage(session.browser, session.server, { url: `${session.server.origin}/examples/embed.html` });
    const kept = page.locator('privatelink-prep#checker');
    const unkept = page.locator('privatelink-prep[cloud]');
    await unkept.locator('form.plp-form').waitFor();
    assert.equal(await unkept.locator('.plp-work-status').innerText(),
      'Not saved: this form keeps no draft, so what you type is lost when you leave or reload the page.');
    assert.doesNotMatch(await kept.locator('.plp-work-status').innerText(), /Not saved/);
    await context.close();
  });
});

describe('the changes customers ask for (issue 11, on the page)', () => {
  it('connect another environment, and open ports on Adobe\'s side for one environment: the CLI\'s change ticket', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillChange(page, {
      company: 'Acme', region: 'eu-west-1', project_id: 'yw1unoukjcawe',
      changes: [
        { action: 'open_ports', ports: [{ service: 'Redis', port: '6379', protocol: 'tcp' }] },
        { action: 'add_environment', environment: 'staging' },
      ],
    });
    await page.locator('input[name="changes[0].environments"][value="production"]').check();
    await waitForPreview(page, 'ready');
    const doc = await pageRequest(page);
    assert.deepEqual(doc.changes, [
      { action: 'open_ports', ports: [{ service: 'Redis', port: '6379', protocol: 'tcp' }], environments: ['production'] },
      { action: 'add_environment', environment: 'staging' },
    ]);
    assert.deepEqual(cliReport(doc).diagnostics, []);
    assert.equal((await shownTicket(page)).file, cli(['ticket'], doc).stdout);
    // Open ports on one of the customer's services: its name, and the principal field is not asked.
    await page.locator('input[name="changes[0].name"]').fill('com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0');
    await page.waitForFunction(() => window.privatelinkPrep.getRequest().changes[0].name !== undefined);
    assert.equal((await pageRequest(page)).changes[0].name, 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('axe-core, WCAG 2.2 AA: 0 violations in the states issue 13 adds', () => {
  const clean = async (page, name, selector = 'body') => {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const { passes, violations } = await axeCheck(page, selector);
      assert.ok(passes > 5, `${name} (${scheme}): axe checked ${passes} rules`);
      assert.deepEqual(violations, [], `${name} (${scheme}): ${JSON.stringify(violations, null, 2)}`);
    }
  };

  it('a touched field, a broken ticket, the new change actions, 320 px after Check', { timeout: 180_000 }, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await page.locator('input[name="account_id"]').fill('12345');
    await page.locator('input[name="company"]').focus();
    await page.locator('[data-field="account_id"] .plp-msg').first().waitFor();
    await clean(page, 'a touched field');

    await fillForm(page, { ...VALID_AWS, connection_type: 'bidirectional',
      endpoint_services: [{ name: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', ports: [{ service: 'ERP', port: '8443' }], principal_allowed: true }],
      prerequisites: { nlb: true, endpoint_service: true } });
    await waitForPreview(page, 'ready');
    await fillNetwork(page, { customer_network: { vpc_id: 'vpc-12g' } });
    await page.locator('.plp-broken').waitFor();
    await clean(page, 'a broken ticket, bidirectional');

    await fillChange(page, { changes: [{ action: 'open_ports', ports: [{ service: 'Redis', port: '6379' }] }, { action: 'add_environment' }] });
    await page.getByRole('button', { name: 'Check' }).click();
    await clean(page, 'change mode, open ports and connect an environment, after Check');
    await page.setViewportSize({ width: 320, height: 568 });
    await clean(page, 'the same at 320 px');
    await context.close();
  });

  it('loading, the load failure and the stuck-script note', { timeout: 120_000 }, async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/privatelink_prep_bg.wasm', async (route) => { await held; await route.fulfill({ status: 503, body: 'down' }); });
    await page.goto(session.server.url);
    await clean(page, 'loading');
    release();
    await page.locator('#app .load-error').waitFor();
    await clean(page, 'the load failure');
    await context.close();

    const stuck = await session.browser.newContext();
    const page2 = await stuck.newPage();
    await page2.route('**/www/pkg/page.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page2.goto(session.server.url);
    await page2.waitForFunction(() => getComputedStyle(document.querySelector('.loading-stuck')).visibility === 'visible', null, { timeout: 15_000 });
    await clean(page2, 'the stuck-script note');
    await stuck.close();
  });
});

// Nothing leaves the page's origin, the CSP blocks inline script, and user text stays text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, openPage, fillForm, cli, cliReport, waitForPreview, VALID_AWS, useServerAndBrowser,
  pageRequest, inlineScriptRuns, shown,
} from './helpers.mjs';

const T = { timeout: 120_000 };
const session = useServerAndBrowser();

/** Page-specific payloads (they set window.__xss when they run), one line of at most 100 characters. */
const OWN_PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><script>window.__xss=1;alert(1)</script>',
  "'><svg onload=window.__xss=1>",
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  'javascript:window.__xss=1//',
  '</pre><b id=injected>break out</b><pre>',
  '<style>body{display:none}</style>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1} #{1+1} <%= 7*7 %>',
  '[click](javascript:window.__xss=1) <javascript:alert(1)>',
  '![pixel](http://example.invalid/x.png)',
  '&lt;b&gt;entities&lt;/b&gt; &amp; &#60;i&#62;',
  '`code` *em* _u_ # heading | pipe | <!-- comment -->',
];

/** The shared corpus of the core's XSS tests (tests/xss-payloads.txt, one a line) and ours. */
const PAYLOADS = [...new Set([
  ...OWN_PAYLOADS,
  ...readFileSync(join(ROOT, 'tests', 'xss-payloads.txt'), 'utf8').split('\n').filter((l) => l.trim() !== ''),
])];

const DANGEROUS = 'script, img, svg, iframe, object, embed, style, b#injected, a[href^="javascript"], [onerror], [onload]';

/** Every text control on the page once Azure and bidirectional are on. */
async function allTextFields(page) {
  await page.getByLabel('Azure (Private Link)').check();
  await page.getByLabel('Bidirectional').check();
  await page.getByRole('button', { name: 'Add a subscription ID' }).click();
  await page.locator('details.plp-network > summary').click(); // the optional network fields too
  return page.locator('form.plp-form input[type="text"]').evaluateAll((els) => els.map((e) => e.name));
}

describe('security', () => {
  it('the page carries a strict Content-Security-Policy that blocks inline script and eval', T, async () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    const { page, context } = await openPage(session.browser, session.server);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(html.includes(csp));
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    assert.equal(directives['default-src'], "'none'");
    assert.equal(directives['script-src'], "'self' 'wasm-unsafe-eval'");
    assert.equal(directives['connect-src'], "'self'");
    // The page's one inline stylesheet, by its hash (scripts/bundle.mjs), and files of its own.
    const sheets = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]);
    assert.equal(sheets.length, 1, 'one inline stylesheet');
    assert.equal(directives['style-src'], `'self' 'sha256-${createHash('sha256').update(sheets[0]).digest('base64')}'`);
    assert.equal(directives['form-action'], "'none'");
    assert.equal(directives['base-uri'], "'none'");
    assert.ok(!/unsafe-inline|unsafe-eval'|\*|https?:/.test(csp.replace("'wasm-unsafe-eval'", '')), csp);
    assert.equal(/<script(?![^>]*\bsrc=)[^>]*>/.test(html), false, 'no inline script in index.html');
    assert.equal(/\sstyle=/.test(html), false, 'no inline style in index.html');

    assert.equal(await inlineScriptRuns(page), false, 'an inline script ran');
    // Any other inline style is refused: the page stays visible.
    assert.equal(await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { display: none }';
      document.head.append(style);
      return getComputedStyle(document.body).display;
    }), 'block', 'an injected <style> applied');
    // A same-origin script may load, but string code (eval, new Function) stays blocked.
    await page.addScriptTag({ url: '/tests/e2e/fixtures/csp-probe.js' });
    assert.deepEqual(await page.evaluate(() => window.__cspProbe), { eval: 'blocked', fn: 'blocked' });
    await context.close();
  });

  it('no request leaves the page origin while every feature is used', T, async () => {
    const { page, context, requests, errors } = await openPage(session.browser, session.server, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.getByRole('button', { name: 'Check' }).click();
    await fillForm(page, {
      ...VALID_AWS,
      company: 'Example ![x](http://example.invalid/x.png) <img src=http://example.invalid/y.png>',
      region: 'eu-west1',
      connection_type: 'bidirectional',
      endpoint_services: [{
        name: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0',
        ports: [{ service: 'ERP', port: '8080', protocol: 'tcp' }],
        principal_allowed: true,
      }],
      prerequisites: { nlb: true, endpoint_service: true },
    });
    await page.getByRole('button', { name: 'Use eu-west-1' }).click();
    await waitForPreview(page, 'ready');
    await page.getByRole('button', { name: 'Add another port' }).first().click();
    await page.getByRole('button', { name: 'Remove port 3' }).click();
    await page.getByRole('tab', { name: 'Markdown' }).click();
    await page.getByRole('button', { name: 'Copy subject' }).click();
    await page.getByRole('button', { name: 'Copy body' }).click();
    for (const ext of ['txt', 'md', 'json']) {
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ticket as .${ext}` }).click()]);
    }
    await page.locator('details.plp-about summary').click();
    await page.getByLabel('Azure (Private Link)').check();
    await page.getByRole('button', { name: 'Add a subscription ID' }).click();
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForTimeout(200);

    // The page (its stylesheet inlined), its script, the module and the favicon at least.
    assert.ok(requests.length >= 4, `saw ${requests.length} requests`);
    const foreign = requests.filter((u) => !(u.startsWith(`${session.server.origin}/`) || u.startsWith(`blob:${session.server.origin}/`)));
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  // About a second a payload on 2 shared cores (each fills every field, checks, and runs the CLI):
  // near two minutes in all, so it has a longer bound than the others.
  it(`${PAYLOADS.length} XSS payloads in every text field stay text`, { timeout: 300_000 }, async () => {
    const { page, context, dialogs, errors } = await openPage(session.browser, session.server);
    const fields = await allTextFields(page);
    assert.ok(fields.length >= 11, `found text fields ${fields}`);
    await page.getByRole('button', { name: 'Check' }).click();
    const baseline = await page.locator(DANGEROUS).count();
    for (const payload of PAYLOADS) {
      for (const name of fields) await page.locator(`input[name="${name}"]`).fill(payload);
      await page.getByRole('button', { name: 'Check' }).click();
      const state = await page.evaluate(([sel, names]) => ({
        dangerous: document.querySelectorAll(sel).length,
        xss: window.__xss,
        messages: [...document.querySelectorAll('#app .plp-msg-message')].map((m) => m.textContent),
        hidden: getComputedStyle(document.body).display === 'none',
        doc: window.privatelinkPrep.getRequest(),
        values: names.map((n) => document.querySelector(`input[name="${n}"]`).value),
      }), [DANGEROUS, fields]);
      const want = cliReport(state.doc).diagnostics.map((d) => shown(d.message));
      assert.equal(state.dangerous, baseline, `new elements for ${payload}`);
      assert.equal(state.xss, undefined, `script ran for ${payload}`);
      assert.equal(state.hidden, false, `style applied for ${payload}`);
      assert.deepEqual([...state.messages].sort(), [...want].sort(), `the core's messages, as text, for ${payload}`);
      assert.deepEqual(state.values, fields.map(() => payload), `every field holds ${payload}`);
    }
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('payloads in the free-text fields reach the ticket literally (and as the CLI writes them)', T, async () => {
    const { page, context, dialogs } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    await waitForPreview(page, 'ready');
    let checked = 0;
    for (const payload of PAYLOADS) {
      await page.locator('input[name="company"]').fill(payload);
      await page.locator('input[name="ports[0].service"]').fill(payload);
      const doc = await pageRequest(page);
      assert.equal(doc.company, payload);
      const verdict = cli(['ticket', '--format', 'text'], doc);
      if (verdict.status !== 0) {
        // The core refuses this text as a name (e.g. too long); the page must say so, not render.
        await waitForPreview(page, 'not-ready');
        continue;
      }
      await waitForPreview(page, 'ready');
      const wantSubject = verdict.stdout.split('\n')[0].replace(/^Subject: /, '');
      assert.ok(wantSubject.startsWith('PrivateLink support for '));
      // Both fields are typed within the debounce or not: wait for the render of the final values.
      await page.waitForFunction((want) => {
        const panel = document.querySelector('.plp-panel[data-format="text"]');
        const part = (name) => panel.querySelector(`[data-part="${name}"]`).textContent;
        return `Subject: ${part('subject')}\n\n${part('body')}` === want;
      }, verdict.stdout, { timeout: 10_000 }).catch(() => {});
      const text = page.locator('.plp-panel[data-format="text"]');
      const body = await text.locator('[data-part="body"]').textContent();
      assert.equal(`Subject: ${wantSubject}\n\n${body}`, verdict.stdout);
      if (payload === payload.trim()) assert.ok(body.includes(payload), 'the plain text body carries the payload literally');
      // The Markdown tab, as a customer opens it (a hidden tab is written when it is opened).
      await page.getByRole('tab', { name: 'Markdown' }).click();
      const md = await page.locator('.plp-panel[data-format="markdown"] [data-part="body"]').textContent();
      await page.getByRole('tab', { name: 'Plain text' }).click();
      // The .md file's subject line is escaped Markdown; its body is the one shown.
      const mdFile = cli(['ticket', '--format', 'markdown'], doc).stdout;
      assert.equal(mdFile.slice(mdFile.indexOf('\n\n') + 2), md);
      assert.equal(await page.locator(DANGEROUS).count(), 2, 'only the page script element and its stylesheet');
      checked += 1;
    }
    assert.ok(checked >= PAYLOADS.length / 2, `only ${checked} of ${PAYLOADS.length} payloads made a ticket`);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  it('setValue (page handle and element) takes only the form\'s own controls; prototype keys change nothing', T, async () => {
    // Paths that reach a prototype, name no control, or name a whole row or section.
    const BAD = [
      '__proto__.polluted', '__proto__', 'constructor.prototype.polluted', 'constructor', 'prototype',
      'company.__proto__.polluted', 'ports[0].__proto__.polluted', 'ports.constructor.prototype.polluted',
      'azure.constructor.prototype.polluted', 'prerequisites.__proto__.polluted',
      'customer_network.__proto__.polluted', 'customer_network.constructor.prototype.polluted',
      'changes[0].__proto__.polluted', 'changes.constructor.prototype.polluted',
      'ports', 'ports[0]', 'prerequisites', 'azure', 'customer_network', 'changes', 'nonexistent', 'company]',
      'company.', '.company', 'ports[99].port', 'ports[-1].port', 'toString', 'hasOwnProperty', 'valueOf', '',
      'kind',
    ];
    const probe = (handle, bad) => {
      const app = handle();
      // The element has no getState(): what it would send shows any change as well.
      const snapshot = () => JSON.stringify(app.getState ? app.getState() : app.getRequest());
      const results = [];
      for (const mode of ['enablement', 'change']) {
        app.setValue('kind', mode);
        const before = snapshot();
        for (const path of bad) results.push([mode, path, app.setValue(path, 'polluted')]);
        results.push([mode, 'an object value', app.setValue('company', { toString: () => 'x' })]);
        results.push([mode, 'a path that is not text', app.setValue(['company'], 'x')]);
        results.push([mode, 'unchanged', snapshot() === before]);
      }
      app.setValue('kind', 'enablement');
      return {
        results,
        prototypes: [Object.prototype.polluted, ({}).polluted, [].polluted, Object.prototype.constructor === Object],
        good: [app.setValue('company', 'Acme Ltd'), app.getRequest().company, app.setValue('ports[0].port', '8080')],
      };
    };
    const expected = (bad) => ['enablement', 'change'].flatMap((mode) => [
      ...bad.map((path) => [mode, path, false]),
      [mode, 'an object value', false], [mode, 'a path that is not text', false], [mode, 'unchanged', true],
    ]);

    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    const got = await page.evaluate(`(${probe})(() => window.privatelinkPrep, ${JSON.stringify(BAD)})`);
    assert.deepEqual(got.results, expected(BAD));
    assert.deepEqual(got.prototypes, [undefined, undefined, undefined, true]);
    assert.deepEqual(got.good, [true, 'Acme Ltd', true]);
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Acme Ltd');
    assert.deepEqual(errors, []);
    await context.close();

    const embed = await openPage(session.browser, session.server, { url: `${session.server.origin}/examples/embed.html` });
    await embed.page.waitForFunction(() => [...document.querySelectorAll('privatelink-prep')]
      .every((el) => el.shadowRoot && el.shadowRoot.querySelector('form.plp-form')));
    const viaElement = await embed.page.evaluate(`(${probe})(() => document.querySelector('privatelink-prep'), ${JSON.stringify(BAD)})`);
    assert.deepEqual(viaElement.results, expected(BAD));
    assert.deepEqual(viaElement.prototypes, [undefined, undefined, undefined, true]);
    assert.deepEqual(viaElement.good, [true, 'Acme Ltd', true]);
    assert.deepEqual(embed.errors, []);
    await embed.context.close();
  });
});

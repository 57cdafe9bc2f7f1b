// Accessibility proof (issue 6): axe-core with the WCAG 2.0/2.1/2.2 A and AA rules finds nothing
// in any state of the page, and the keyboard alone moves through Check, the error summary and the
// add/remove buttons of every list without focus falling back to the page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT, openPage, fillForm, waitForPreview, VALID_AWS, useServerAndBrowser,
} from './helpers.mjs';

const T = { timeout: 120_000 };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SINGLE = join(ROOT, 'dist', 'privatelink-prep.html');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const session = useServerAndBrowser();

/**
 * Runs axe-core on the whole document (shadow roots included) and returns its findings.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      })),
    };
  }, TAGS);
}

/** Asserts 0 violations (and that axe did check something) in the state `name`. */
async function assertClean(page, name) {
  const { passes, violations } = await axe(page);
  assert.ok(passes >= 10, `${name}: axe checked only ${passes} rules`);
  assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 2)}`);
}

const AZURE_BIDIRECTIONAL = {
  company: 'Contoso Ltd',
  cloud: 'azure',
  region: 'westeurope',
  account_id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  project_id: 'yw1unoukjcawe',
  plan: 'pro',
  environments: ['production'],
  connection_type: 'bidirectional',
  ports: [{ service: 'Webserver HTTP', port: '80', protocol: 'tcp' }],
  azure: { cluster_id: 'pro-cluster-7f3a', subscription_ids: ['1b4e28ba-2fa1-11d2-883f-0016d3cca427'] },
  endpoint_services: [{
    name: 'erp.3f2504e0-4f89-11d3-9a0c-0305e82c3301.westeurope.azure.privatelinkservice',
    ports: [{ service: 'ERP', port: '8080', protocol: 'tcp' }],
    principal_allowed: true,
  }],
  prerequisites: { nlb: true, endpoint_service: true },
};

describe('axe-core, WCAG 2.2 AA: 0 violations in every state', () => {
  it('empty form, light and dark, desktop and 320 px', T, async () => {
    for (const colorScheme of ['light', 'dark']) {
      for (const viewport of [{ width: 1100, height: 900 }, { width: 320, height: 640 }]) {
        const { page, context, errors } = await openPage(session.browser, session.server, { viewport });
        await page.emulateMedia({ colorScheme });
        await assertClean(page, `empty, ${colorScheme}, ${viewport.width} px`);
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  });

  it('errors shown: the summary and every inline message after Check', T, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await openPage(session.browser, session.server);
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Check' }).click();
      await page.locator('.plp-summary').waitFor();
      assert.ok((await page.locator('.plp-summary a').count()) >= 5);
      await assertClean(page, `errors, ${colorScheme}`);
      await context.close();
    }
  });

  it('warnings and notes shown on a request that is ready', T, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await openPage(session.browser, session.server);
      await page.emulateMedia({ colorScheme });
      await fillForm(page, {
        ...VALID_AWS,
        region: 'Europe (Ireland)',
        account_id: '1234-5678-9012',
        ports: [{ service: 'Syslog', port: '514', protocol: 'udp' }, { service: 'HTTPS', port: '443', protocol: 'tcp' }],
      });
      await page.getByRole('button', { name: 'Check' }).click();
      await waitForPreview(page, 'ready');
      const warnings = page.getByRole('button', { name: 'Show the warnings' });
      if (await warnings.isVisible()) await warnings.click();
      assert.ok((await page.locator('form.plp-form .plp-msg-message').count()) >= 3, 'warnings and notes are shown');
      await assertClean(page, `warnings, ${colorScheme}`);
      await context.close();
    }
  });

  it('Azure and bidirectional open, with rows added, before and after Check', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await page.getByLabel('Azure (Private Link)').check();
    await page.getByLabel('Bidirectional').check();
    await page.getByRole('button', { name: 'Add a subscription ID' }).click();
    await assertClean(page, 'Azure + bidirectional, empty');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.plp-summary').waitFor();
    await assertClean(page, 'Azure + bidirectional, errors');
    await fillForm(page, AZURE_BIDIRECTIONAL);
    await waitForPreview(page, 'ready');
    await assertClean(page, 'Azure + bidirectional, ready');
    await context.close();
  });

  it('ticket ready: each format tab, light and dark', T, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await openPage(session.browser, session.server, { permissions: ['clipboard-read', 'clipboard-write'] });
      await page.emulateMedia({ colorScheme });
      await fillForm(page, VALID_AWS);
      await page.getByRole('button', { name: 'Check' }).click();
      await waitForPreview(page, 'ready');
      const tabs = page.getByRole('tab');
      const n = await tabs.count();
      assert.ok(n >= 2, 'format tabs');
      for (let i = 0; i < n; i++) {
        await tabs.nth(i).click();
        await assertClean(page, `ticket ready, tab ${await tabs.nth(i).textContent()}, ${colorScheme}`);
      }
      await page.getByRole('button', { name: 'Copy body' }).click();
      await page.locator('.plp-copy-status', { hasText: 'Copied' }).waitFor();
      await assertClean(page, `ticket copied, ${colorScheme}`);
      await context.close();
    }
  });

  it('the form mounted in a shadow root (the embed)', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await page.evaluate(async () => {
      const core = await import('./www/pkg/privatelink_prep.js');
      await core.default(); // the page runs its own copy, bundled in www/pkg/page.js
      const { mount } = await import('./www/app.js');
      document.getElementById('app').replaceChildren();
      const host = document.createElement('div');
      host.id = 'shadow-host';
      document.querySelector('main').append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = 'www/style.css';
      shadow.append(link);
      mount(shadow, { api: core });
    });
    const scope = page.locator('#shadow-host');
    await scope.locator('form.plp-form').waitFor();
    await assertClean(page, 'shadow root, empty');
    await scope.getByRole('button', { name: 'Check' }).click();
    await scope.locator('.plp-summary').waitFor();
    await assertClean(page, 'shadow root, errors');
    await context.close();
  });

  it('the <privatelink-prep> element on the example host page', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server, { url: `${session.server.origin}/examples/embed.html` });
    const forms = page.locator('privatelink-prep');
    assert.ok((await forms.count()) >= 1, 'the host page has the element');
    await forms.first().getByRole('button', { name: 'Check' }).click();
    await forms.first().locator('.plp-summary').waitFor();
    // Checked before axe runs: axe's own probes inside shadow roots trip the host page's CSP.
    assert.deepEqual(errors, []);
    await assertClean(page, 'embedded element, errors');
    await context.close();
  });

  it('the <privatelink-prep> element while its module loads, and when it cannot load', T, async () => {
    const context = await session.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/privatelink_prep_bg.wasm', async (route) => {
      await held;
      await route.fulfill({ status: 503, body: 'down' }).catch(() => {});
    });
    await page.goto(`${session.server.origin}/examples/embed.html`);
    const first = page.locator('privatelink-prep#checker');
    await first.locator('form.plp-form').waitFor({ state: 'visible' });
    await page.locator('privatelink-prep[cloud] form.plp-form').waitFor({ state: 'visible' });
    await assertClean(page, 'embedded elements, module loading');
    release();
    await first.locator('.load-error').waitFor();
    await page.locator('privatelink-prep[cloud] .load-error').waitFor();
    await assertClean(page, 'embedded elements, module failed');
    await context.close();
  });

  it('the single file (dist/privatelink-prep.html) opened from disk', {
    ...T,
    skip: !existsSync(SINGLE) && 'dist/privatelink-prep.html is not built (scripts/build.sh writes it)',
  }, async () => {
    const { page, context } = await openPage(session.browser, session.server, { url: pathToFileURL(SINGLE).href });
    await assertClean(page, 'single file, empty');
    await fillForm(page, VALID_AWS);
    await page.getByRole('button', { name: 'Check' }).click();
    await waitForPreview(page, 'ready');
    await assertClean(page, 'single file, ticket ready');
    await context.close();
  });
});

/** What has focus: the name of a control, or the text of a button, link or heading. */
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return {
    tag: a ? a.tagName : 'NONE',
    name: (a && a.getAttribute('name')) || '',
    text: a ? a.textContent.trim().slice(0, 80) : '',
    inForm: Boolean(a && a.closest('#app')),
    summary: Boolean(a && a.classList.contains('plp-summary')),
  };
});

/** Tabs forward until `match(focused)`; fails after `max` presses or when focus is lost. */
async function tabTo(page, match, what, max = 120) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.notEqual(f.tag, 'BODY', `focus fell back to the page after ${seen.join(' > ')}`);
    seen.push(f.name || f.text || f.tag);
    if (match(f)) return f;
  }
  assert.fail(`never reached ${what}: ${seen.join(' > ')}`);
}

describe('keyboard only', () => {
  it('the ticket body, which scrolls, takes focus after its tab, has a name and a visible outline, and scrolls with the keys', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, AZURE_BIDIRECTIONAL);
    await page.getByRole('button', { name: 'Check' }).click();
    await waitForPreview(page, 'ready');
    for (const [tab, name] of [['Plain text', 'Ticket body (plain text)'], ['Markdown', 'Ticket body (markdown)']]) {
      await page.getByRole('tab', { name: tab }).click();
      await page.keyboard.press('Tab');
      const body = page.getByRole('region', { name });
      const shown = await body.evaluate((el) => ({
        focused: el === document.activeElement && el.matches(':focus-visible'),
        part: el.dataset.part,
        scrolls: el.scrollHeight > el.clientHeight,
        outline: `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`,
      }));
      assert.deepEqual(shown, { focused: true, part: 'body', scrolls: true, outline: 'solid 3px' }, tab);
      await page.keyboard.press('End');
      await page.waitForFunction((n) => {
        const el = [...document.querySelectorAll('.plp-ticket-body')].find((b) => b.getAttribute('aria-label') === n);
        return el.scrollTop > 0;
      }, name);
      // The next stop is the first action: one stop for the panel, not two.
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).text, 'Copy subject');
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Enter on Check moves focus to the error summary; its links lead to the fields', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Check', 'Check');
    await page.keyboard.press('Enter');
    await page.locator('.plp-summary').waitFor();
    assert.equal((await focused(page)).summary, true, 'the summary has focus after Check');
    const first = await tabTo(page, (f) => f.tag === 'A', 'the first summary link', 5);
    await page.keyboard.press('Enter');
    const target = await focused(page);
    assert.ok(target.name && target.inForm, `the link "${first.text}" focused ${JSON.stringify(target)}`);
    // Space on a button of the summary-free form: Check again keeps the summary focused.
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Check', 'Check again');
    await page.keyboard.press('Space');
    assert.equal((await focused(page)).summary, true);
    await context.close();
  });

  it('adding and removing rows of every list with Enter and Space never loses focus', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    // Reach the cloud and connection radios with the keyboard and choose Azure and bidirectional.
    await tabTo(page, (f) => f.name === 'cloud', 'the cloud radios');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.name === 'connection_type', 'the connection radios');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    assert.equal(await page.getByLabel('Azure (Private Link)').isChecked(), true);
    assert.equal(await page.getByLabel('Bidirectional').isChecked(), true);

    const pressOn = async (label, key) => {
      await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === label, label, 200);
      await page.keyboard.press(key);
      const f = await focused(page);
      assert.ok(f.inForm && f.tag !== 'BODY', `${label} (${key}) left focus on ${JSON.stringify(f)}`);
      return f;
    };
    // Back to the top, then through the page: each add puts focus in the new row.
    await page.locator('input[name="company"]').focus();
    assert.equal((await pressOn('Add another port', 'Enter')).name, 'ports[1].service');
    await page.locator('input[name="company"]').focus();
    assert.equal((await pressOn('Add a subscription ID', 'Space')).name, 'azure.subscription_ids[0]');
    await page.locator('input[name="company"]').focus();
    assert.match((await pressOn('Add another endpoint service', 'Enter')).name, /^endpoint_services\[\d+\]\.name$/);
    // Removing, from the keyboard: focus stays in the form each time.
    for (const label of ['Remove port 2', 'Remove port 1']) {
      await page.locator('input[name="company"]').focus();
      await pressOn(label, 'Enter');
    }
    await page.locator('input[name="company"]').focus();
    const removeSub = await page.getByRole('button', { name: /^Remove subscription ID/ }).first().textContent();
    await pressOn(removeSub.trim(), 'Space');
    await page.locator('input[name="company"]').focus();
    const removeEs = await page.getByRole('button', { name: /^Remove this Private Link service/ }).last().textContent();
    await pressOn(removeEs.trim(), 'Enter');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

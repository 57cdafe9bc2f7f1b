// <privatelink-prep> embedded twice in the example host page (examples/embed.html): one tree per
// element for labels, messages and the summary; attributes that prefill and lock; events with the
// right detail; the host's hostile CSS kept out and the element's CSS kept in; [hidden]; themes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, fillForm, cli, cliReport, documentFor, VALID_AWS, useServerAndBrowser } from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const EMBED = () => `${session.server.origin}/examples/embed.html`;
const FIRST = '#checker';
const SECOND = 'privatelink-prep[cloud]';

async function openEmbed(options = {}) {
  const opened = await openPage(session.browser, session.server, { url: EMBED(), ...options });
  await opened.page.waitForFunction(() => [...document.querySelectorAll('privatelink-prep')]
    .every((el) => el.shadowRoot && el.shadowRoot.querySelector('.plp[data-checks="ready"]:not([hidden]) form.plp-form')));
  return opened;
}

/** A text ticket as the CLI prints it. */
const asFile = (t) => `Subject: ${t.subject}\n\n${t.body}`;

describe('the element in a host page', () => {
  it('is embedded twice, each in its own shadow tree with unique ids that all resolve there', T, async () => {
    const { page, context, errors, requests } = await openEmbed();
    const info = await page.evaluate(() => [...document.querySelectorAll('privatelink-prep')].map((el) => {
      const root = el.shadowRoot;
      const ids = [...root.querySelectorAll('[id]')].map((n) => n.id);
      const refs = [];
      for (const n of root.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls], label[for], input[list]')) {
        for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for', 'list']) {
          for (const id of (n.getAttribute(attr) || '').split(/\s+/).filter(Boolean)) refs.push([id, Boolean(root.getElementById(id))]);
        }
      }
      return {
        mode: root.mode, ids, refs, forms: root.querySelectorAll('form.plp-form').length,
        tabindex: el.getAttribute('tabindex'), role: el.getAttribute('role'),
        inLight: el.querySelectorAll('*').length,
      };
    }));
    assert.equal(info.length, 2);
    const all = info.flatMap((i) => i.ids);
    for (const i of info) {
      assert.equal(i.mode, 'open');
      assert.equal(i.forms, 1);
      assert.equal(i.tabindex, null, 'no tabindex on the host');
      assert.equal(i.role, null, 'no role on the host');
      assert.equal(i.inLight, 0, 'nothing is rendered into the light DOM');
      assert.ok(i.refs.length > 20, `only ${i.refs.length} id references`);
      assert.deepEqual(i.refs.filter(([, ok]) => !ok), [], 'every id reference resolves in its own tree');
    }
    assert.equal(new Set(all).size, all.length, 'ids are unique across both elements');
    // The portal API: the same core the elements use, typed in www/privatelink-prep.d.ts.
    const doc = { version: 1, kind: 'enablement', ...VALID_AWS };
    const api = await page.evaluate(async (d) => {
      const m = await import('/www/privatelink-prep.js');
      const core = await m.load();
      return {
        same: (await m.load()) === core,
        element: m.PrivateLinkPrepElement === customElements.get(m.TAG),
        elementApi: document.querySelector('privatelink-prep').api === core,
        report: core.validate(d),
        ticket: core.renderTicket(d, 'text'),
        rules: core.rules().length,
        lockable: m.LOCKABLE,
      };
    }, doc);
    assert.equal(api.same, true);
    assert.equal(api.element, true);
    assert.equal(api.elementApi, true);
    assert.deepEqual(api.report, cliReport(doc));
    assert.equal(asFile(api.ticket), cli(['ticket', '--format', 'text'], doc).stdout);
    assert.ok(api.rules > 50);
    assert.deepEqual(api.lockable, { cloud: 'cloud', region: 'region', 'project-id': 'project_id', company: 'company', 'connection-type': 'connection_type' });
    // One core for the page: the .wasm is fetched once for both elements and the API.
    assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1);
    assert.deepEqual(requests.filter((u) => !u.startsWith(`${session.server.origin}/`)), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the core messages inline and in a summary whose links focus the field inside the shadow root', T, async () => {
    const { page, context, errors } = await openEmbed();
    const el = page.locator(FIRST);
    await fillForm(page, { ...VALID_AWS, account_id: '12345' }, el);
    await el.getByRole('button', { name: 'Check' }).click();
    const doc = await el.evaluate((n) => n.getRequest());
    const want = cliReport(doc).diagnostics.find((d) => d.field === 'account_id').message;
    const focus = () => el.evaluate((n) => {
      const a = n.shadowRoot.activeElement;
      return a && (a.getAttribute('name') || a.className);
    });
    assert.match(await focus(), /plp-summary/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'checker', 'the document sees the host focused');
    // The field's accessible description includes its message: aria-describedby works in one tree.
    const input = el.getByRole('textbox', { name: 'AWS account ID' });
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const described = await input.evaluate((n) => n.getAttribute('aria-describedby').split(' ')
      .map((id) => n.getRootNode().getElementById(id).textContent).join(' '));
    assert.ok(described.includes(want), described);
    await el.locator('.plp-summary a', { hasText: want }).click();
    assert.equal(await focus(), 'account_id');
    // The other element is untouched.
    assert.equal(await page.locator(SECOND).locator('.plp-summary').isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('prefills and locks the attribute values: sent, shown read-only, not editable', T, async () => {
    const { page, context, errors } = await openEmbed();
    const el = page.locator(SECOND);
    const doc = await el.evaluate((n) => n.getRequest());
    assert.equal(doc.cloud, 'azure');
    assert.equal(doc.region, 'eastus');
    assert.equal(doc.project_id, 'abcdefghijklm');
    assert.equal(doc.company, 'Example Ltd');
    assert.equal(doc.connection_type, 'bidirectional');
    assert.ok(doc.azure, 'the Azure section is on');

    for (const name of ['company', 'region', 'project_id']) {
      const input = el.locator(`input[name="${name}"]`);
      assert.equal(await input.getAttribute('readonly'), '', `${name} is read-only`);
      await input.focus();
      await page.keyboard.type('zz');
      await page.keyboard.press('Backspace');
      assert.equal(await input.inputValue(), doc[name], `${name} did not change`);
      const note = await input.evaluate((n) => n.getAttribute('aria-describedby').split(' ')
        .map((id) => n.getRootNode().getElementById(id).textContent).join(' '));
      assert.match(note, /Set by this page: it cannot be changed here\./);
    }
    assert.equal(await el.locator('input[name="cloud"][value="azure"]').isChecked(), true);
    assert.equal(await el.locator('input[name="cloud"][value="aws"]').isDisabled(), true);
    assert.equal(await el.locator('input[name="connection_type"][value="unidirectional"]').isDisabled(), true);
    assert.ok(await el.locator('.plp-locked-note').first().isVisible());
    // The fields that are not locked still work.
    await el.locator('input[name="account_id"]').fill('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    await page.waitForFunction((sel) => document.querySelector(sel).getRequest().account_id.startsWith('7c9e'), SECOND);
    const after = await el.evaluate((n) => n.getRequest());
    assert.deepEqual({ ...after, account_id: doc.account_id }, doc);

    // A lock set later by the host: the form keeps what was typed, and locks the new value.
    const first = page.locator(FIRST);
    await first.locator('input[name="company"]').fill('Typed Before Ltd');
    await first.evaluate((n) => n.setAttribute('region', 'eu-west-1'));
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('input[name="region"][readonly]'), FIRST);
    assert.equal(await first.locator('input[name="region"]').inputValue(), 'eu-west-1');
    assert.equal(await first.locator('input[name="company"]').inputValue(), 'Typed Before Ltd');
    assert.equal(await first.locator('form.plp-form').count(), 1);
    await first.evaluate((n) => n.removeAttribute('region'));
    await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('input[name="region"][readonly]'), FIRST);
    assert.equal(await first.locator('input[name="region"]').inputValue(), 'eu-west-1');
    await first.locator('input[name="region"]').fill('us-east-1');
    assert.equal(await first.evaluate((n) => n.getRequest().region), 'us-east-1');
    // A value the form cannot hold is not taken (and the host's developer is told in the console).
    await first.evaluate((n) => n.setAttribute('cloud', 'gcp'));
    assert.equal(await first.evaluate((n) => n.getRequest().cloud), 'aws');
    assert.equal(await first.locator('input[name="cloud"][value="azure"]').isDisabled(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps focus and the selection on their control when the host changes an attribute, and never takes focus', T, async () => {
    const { page, context, errors } = await openEmbed();
    const el = page.locator(FIRST);
    const input = el.locator('input[name="account_id"]');
    const focused = () => el.evaluate((n) => {
      const a = n.shadowRoot.activeElement;
      return a && { id: a.id, name: a.getAttribute('name'), start: a.selectionStart, end: a.selectionEnd, direction: a.selectionDirection };
    });
    // The host changes an attribute while the user types: the form is rebuilt (a new input)...
    const relock = async (attr, value) => {
      await el.evaluate((n) => { window.__before = n.shadowRoot.activeElement; });
      await el.evaluate((n, [a, v]) => n.setAttribute(a, v), [attr, value]);
      assert.equal(await el.evaluate((n) => window.__before.isConnected || n.shadowRoot.activeElement === window.__before), false,
        'the form was mounted again');
    };
    await input.focus();
    await page.keyboard.type('123456789012');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    const caret = await focused();
    assert.equal(caret.name, 'account_id');
    assert.deepEqual([caret.start, caret.end], [8, 8]);
    await relock('region', 'eu-west-1');
    assert.equal(await el.locator('input[name="region"]').getAttribute('readonly'), '', 'the new value is locked');
    // ...and focus is still on the same field, with the caret where it was: typing goes on there.
    assert.deepEqual(await focused(), caret);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'checker');
    await page.keyboard.type('x');
    assert.equal(await input.inputValue(), '12345678x9012');
    assert.equal(await el.evaluate((n) => n.getRequest().account_id), '12345678x9012');
    // A selection made backwards is kept too, and what is typed replaces it.
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    const selection = await focused();
    assert.deepEqual([selection.start, selection.end, selection.direction], [7, 9, 'backward']);
    await relock('company', 'Host Co');
    assert.deepEqual(await focused(), selection);
    await page.keyboard.type('y');
    assert.equal(await input.inputValue(), '1234567y9012');
    // A control with no id or name (the Check button) keeps focus as well.
    await el.getByRole('button', { name: 'Check' }).focus();
    await relock('project-id', 'abcdefghijklm');
    assert.equal(await el.evaluate((n) => n.shadowRoot.activeElement?.textContent), 'Check');

    // Focus on the host page, or in the other element, stays where it is.
    const link = page.locator('.portal-nav a').first();
    await link.focus();
    await el.evaluate((n) => n.setAttribute('region', 'us-east-1'));
    assert.equal(await el.locator('input[name="region"]').inputValue(), 'us-east-1');
    assert.equal(await link.evaluate((n) => document.activeElement === n), true, 'the host page keeps focus');
    assert.equal(await el.evaluate((n) => n.shadowRoot.activeElement === null), true, 'focus did not move into the element');
    const other = page.locator(SECOND).locator('input[name="account_id"]');
    await other.focus();
    await el.evaluate((n) => n.setAttribute('company', 'Other Co'));
    assert.equal(await other.evaluate((n) => n.getRootNode().activeElement === n), true, 'the other element keeps focus');
    assert.equal(await el.evaluate((n) => n.shadowRoot.activeElement === null), true, 'focus did not move into the element');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps the messages shown after a Check, and the ticket tab, when the host changes an attribute', T, async () => {
    const { page, context, errors } = await openEmbed();
    const el = page.locator(FIRST);
    const account = el.locator('input[name="account_id"]');
    const summary = el.locator('.plp-summary');
    await fillForm(page, { ...VALID_AWS, account_id: '12345' }, el);
    // Before a Check, a new mount shows the messages of the fields left with a value (the
    // account), and still no summary.
    assert.equal(await account.getAttribute('aria-invalid'), 'true');
    await el.evaluate((n) => n.setAttribute('company', 'Host Co'));
    assert.equal(await account.getAttribute('aria-invalid'), 'true');
    assert.equal(await el.locator('input[name="project_id"]').getAttribute('aria-invalid'), null);
    assert.equal(await summary.isVisible(), false);
    await el.getByRole('button', { name: 'Check' }).click();
    assert.equal(await account.getAttribute('aria-invalid'), 'true');
    const message = await el.locator('[data-field="account_id"] > .plp-msgs').textContent();
    await el.evaluate((n) => n.setAttribute('region', 'us-east-1'));
    assert.equal(await el.locator('input[name="region"]').getAttribute('readonly'), '', 'the form was mounted again');
    assert.equal(await account.getAttribute('aria-invalid'), 'true', 'the message still shows');
    assert.equal(await el.locator('[data-field="account_id"] > .plp-msgs').textContent(), message);
    assert.ok(await summary.isVisible(), 'the summary still shows');
    assert.match(await summary.textContent(), /account/i);
    // The ticket tab the user chose stays chosen.
    await account.fill('123456789012');
    await el.getByRole('tab', { name: 'Markdown' }).click();
    await el.evaluate((n) => n.setAttribute('company', 'Host Co 2'));
    assert.equal(await el.getByRole('tab', { name: 'Markdown' }).getAttribute('aria-selected'), 'true');
    assert.equal(await el.getByRole('tab', { name: 'Plain text' }).getAttribute('aria-selected'), 'false');
    assert.ok(await el.locator('.plp-panel[data-format="markdown"]').isVisible());
    assert.equal(await el.locator('.plp-panel[data-format="text"]').isVisible(), false);
    assert.match(await el.locator('.plp-panel[data-format="markdown"] .plp-ticket-subject').textContent(), /Host Co 2/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fires privatelink-change and privatelink-ticket (bubbling, composed) with the right detail', T, async () => {
    const { page, context, errors } = await openEmbed();
    await page.evaluate(() => {
      window.__events = [];
      for (const type of ['privatelink-change', 'privatelink-ticket']) {
        document.addEventListener(type, (e) => window.__events.push({
          type, target: e.target.id || e.target.tagName, bubbles: e.bubbles, composed: e.composed,
          detail: JSON.parse(JSON.stringify(e.detail)),
        }));
      }
    });
    const el = page.locator(FIRST);
    await fillForm(page, { ...VALID_AWS, account_id: '12345' }, el);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'privatelink-change' && e.detail.request.account_id === '12345'));
    const change = await page.evaluate(() => window.__events.filter((e) => e.type === 'privatelink-change').pop());
    assert.equal(change.target, 'checker');
    assert.equal(change.bubbles, true);
    assert.equal(change.composed, true);
    assert.deepEqual(change.detail.request, await el.evaluate((n) => n.getRequest()));
    assert.deepEqual(change.detail.report, cliReport(change.detail.request));
    assert.equal(await page.evaluate(() => window.__events.filter((e) => e.type === 'privatelink-ticket').length), 0);

    await el.locator('input[name="account_id"]').fill(VALID_AWS.account_id);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'privatelink-ticket'));
    const ticket = await page.evaluate(() => window.__events.find((e) => e.type === 'privatelink-ticket'));
    assert.equal(ticket.target, 'checker');
    assert.equal(ticket.composed, true);
    assert.deepEqual(ticket.detail.request, await el.evaluate((n) => n.getRequest()));
    assert.equal(asFile(ticket.detail.ticket), cli(['ticket', '--format', 'text'], ticket.detail.request).stdout);
    assert.equal(ticket.detail.tickets.markdown.file, cli(['ticket', '--format', 'markdown'], ticket.detail.request).stdout);
    const lastChange = await page.evaluate(() => window.__events.filter((e) => e.type === 'privatelink-change').pop());
    assert.equal(lastChange.detail.report.valid, true);
    // The host page's own listener saw it too.
    assert.equal(await page.locator('#portal-events').textContent(), `Ticket ready: ${ticket.detail.ticket.subject}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps the host page CSS out: controls look as on the page itself, despite !important rules', T, async () => {
    const { page, context, errors } = await openEmbed();
    const styleOf = (p, sel) => p.locator(sel).first().evaluate((n) => {
      const s = getComputedStyle(n);
      return Object.fromEntries(['font-family', 'font-size', 'font-weight', 'color', 'letter-spacing', 'box-sizing',
        'border-top-width', 'border-top-style', 'border-top-color', 'padding-left', 'background-color', 'border-radius',
        'text-transform', 'margin-top'].map((k) => [k, s.getPropertyValue(k)]));
    });
    // The host really is hostile to its own content.
    const host = await styleOf(page, '.doc-article p');
    assert.equal(host.color, 'rgb(255, 0, 0)');
    assert.equal(host['font-size'], '30px');

    const own = await openPage(session.browser, session.server);
    for (const sel of ['input[name="company"]', 'select[name="ports[0].protocol"]', '.plp-label', '.plp-hint', '.plp-h2', 'button.plp-secondary']) {
      const embedded = await styleOf(page.locator(FIRST), sel);
      const alone = await styleOf(own.page, sel);
      assert.equal(embedded['font-size'], alone['font-size']);
      assert.doesNotMatch(embedded['font-family'], /Times New Roman/);
      assert.notEqual(embedded.color, 'rgb(255, 0, 0)');
      assert.deepEqual(embedded, alone, `${sel} is styled as on the page itself`);
    }
    await own.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('keeps its own CSS in: the host page and its elements are not restyled', T, async () => {
    const { page, context, errors } = await openEmbed();
    const probe = await page.evaluate(() => {
      // Elements with the form's class names in the host document, each beside a twin with an
      // unknown class: if any of the element's rules reached the document, the pairs would differ.
      const footer = document.querySelector('.portal-footer');
      const pairs = [['div', 'plp'], ['input', 'plp-input'], ['span', 'plp-vh'], ['p', 'plp-hint'], ['button', 'plp-button plp-primary'],
        ['div', 'plp-summary'], ['pre', 'plp-ticket-body'], ['a', 'plp-summary-link']];
      const props = ['display', 'position', 'box-sizing', 'container-type', 'color', 'background-color', 'font-family', 'font-size',
        'font-weight', 'border-top-width', 'border-top-style', 'border-top-left-radius', 'min-height', 'padding-left', 'margin-top',
        'outline-style', 'overflow-wrap', 'width', 'clip-path'];
      const diffs = [];
      for (const [tag, cls] of pairs) {
        const a = document.createElement(tag);
        const b = document.createElement(tag);
        a.className = cls;
        b.className = 'not-a-plp-class';
        a.textContent = b.textContent = tag === 'input' ? '' : 'x';
        footer.append(a, b);
        const sa = getComputedStyle(a);
        const sb = getComputedStyle(b);
        for (const p of props) if (sa.getPropertyValue(p) !== sb.getPropertyValue(p)) diffs.push(`${tag}.${cls} ${p}: ${sa.getPropertyValue(p)}`);
      }
      const root = getComputedStyle(document.documentElement);
      return {
        diffs,
        sheets: [...document.styleSheets].map((sh) => (sh.href || '').replace(location.origin, '')),
        links: document.querySelectorAll('link[rel="stylesheet"]').length,
        bodyFont: getComputedStyle(document.body).fontFamily,
        bodyBg: getComputedStyle(document.body).backgroundColor,
        rootFg: root.getPropertyValue('--_fg'),
        colorScheme: root.colorScheme,
      };
    });
    assert.deepEqual(probe.diffs, []);
    assert.deepEqual(probe.sheets, ['/examples/embed.css']);
    assert.equal(probe.links, 1);
    assert.match(probe.bodyFont, /Georgia/);
    assert.equal(probe.bodyBg, 'rgb(251, 250, 247)');
    assert.equal(probe.rootFg, '', 'no custom property of the form on the document');
    assert.equal(probe.colorScheme, 'normal');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('respects [hidden], takes the host colours, and its themes match the page palettes', T, async () => {
    const { page, context, errors } = await openEmbed();
    const first = page.locator(FIRST);
    await first.evaluate((n) => { n.hidden = true; });
    assert.equal(await first.isHidden(), true);
    assert.equal(await first.evaluate((n) => n.getBoundingClientRect().height), 0);
    await first.evaluate((n) => { n.hidden = false; });
    assert.equal(await first.isVisible(), true);

    // --plp-accent set by the host on #checker.
    assert.equal(await first.getByRole('button', { name: 'Check' }).evaluate((n) => getComputedStyle(n).backgroundColor), 'rgb(111, 45, 189)');
    // theme="dark" on the second element, in a light OS.
    assert.equal(await page.locator(SECOND).locator('.plp').first().evaluate((n) => getComputedStyle(n).backgroundColor), 'rgb(15, 20, 25)');

    // Explicit themes equal the automatic ones: theme="dark" in a light OS is the OS-dark palette.
    const palette = async (theme, scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      return page.evaluate(async (t) => {
        const el = document.createElement('privatelink-prep');
        if (t) el.setAttribute('theme', t);
        document.querySelector('.portal-footer').append(el);
        await el.ready;
        const plp = el.shadowRoot.querySelector('.plp');
        const s = getComputedStyle(plp);
        // Each palette colour as the form resolves it (light-dark() picks by the color-scheme where
        // a colour is used), read off a probe inside the form.
        const probe = document.createElement('span');
        plp.append(probe);
        const out = {};
        for (const name of ['fg', 'muted', 'bg', 'surface', 'border', 'rule', 'accent', 'accent-fg', 'focus', 'error',
          'error-bg', 'warning', 'warning-bg', 'info', 'info-bg', 'code-bg']) {
          probe.style.color = `var(--_${name})`;
          out[name] = getComputedStyle(probe).color;
        }
        probe.remove();
        out.background = s.backgroundColor;
        out.controls = getComputedStyle(el.shadowRoot.querySelector('input[type="checkbox"]')).colorScheme;
        el.remove();
        return out;
      }, theme);
    };
    const autoDark = await palette(null, 'dark');
    const autoLight = await palette(null, 'light');
    assert.notDeepEqual(autoDark, autoLight);
    // Native controls follow the theme too (color-scheme), not the host page.
    assert.equal(autoDark.controls, 'light dark');
    assert.deepEqual(await palette('dark', 'light'), { ...autoDark, controls: 'dark' });
    assert.deepEqual(await palette('light', 'dark'), { ...autoLight, controls: 'light' });
    assert.deepEqual(await palette('auto', 'dark'), autoDark);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an element with an id keeps its own draft; one without an id saves nothing', T, async () => {
    const { page, context, errors } = await openEmbed();
    const first = page.locator(FIRST);
    const second = page.locator(SECOND);
    assert.equal(await first.locator('.plp-work-status').textContent(), 'Saved in this browser only, as you type.');
    assert.equal(await second.locator('.plp-work-status').textContent(),
      'Not saved: this form keeps no draft, so what you type is lost when you leave or reload the page.');
    await first.locator('input[name="company"]').fill('Draft Co');
    await second.locator('input[name="account_id"]').fill('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    await page.waitForFunction(() => document.querySelector('#checker').shadowRoot.querySelector('.plp-work-status').textContent === 'Saved in this browser only.');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys, ['privatelink-prep:draft:checker']);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#checker').shadowRoot?.querySelector('input[name="company"]'));
    assert.equal(await first.locator('input[name="company"]').inputValue(), 'Draft Co');
    assert.equal(await second.locator('input[name="account_id"]').inputValue(), '');
    assert.equal(await second.locator('input[name="company"]').inputValue(), 'Example Ltd');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an import into a locked element keeps the locked values and says so', T, async () => {
    const { page, context, errors } = await openEmbed();
    const el = page.locator(SECOND);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), el.getByRole('button', { name: 'Import JSON' }).click()]);
    await chooser.setFiles({ name: 'aws.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(VALID_AWS)) });
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.plp-work-message').textContent.startsWith('Imported'), SECOND);
    assert.equal(await el.locator('.plp-work-message').textContent(),
      'Imported aws.json. Kept the values this page sets: cloud, region, project_id, connection_type.');
    const doc = await el.evaluate((n) => n.getRequest());
    assert.equal(doc.cloud, 'azure');
    assert.equal(doc.region, 'eastus');
    assert.equal(doc.account_id, VALID_AWS.account_id);
    assert.deepEqual(doc.environments, VALID_AWS.environments);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// Issue 12: as on the page, the form comes first and the checks join when the module is there.
describe('the element before its module arrives', () => {
  /** A new context whose core .wasm is answered by `handle(route)`; errors recorded. */
  async function heldContext(handle) {
    const context = await session.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`); });
    await page.route('**/privatelink_prep_bg.wasm', (route) => handle(route).catch(() => {
      // a request of a page that has gone (a reload while it was held)
    }));
    return { context, page, errors };
  }

  /** Records every event of the elements on the page, from now on. */
  const recordEvents = (page) => page.evaluate(() => {
    window.__events = [];
    for (const type of ['privatelink-change', 'privatelink-ticket']) {
      document.addEventListener(type, (e) => window.__events.push({ type, target: e.target.id || e.target.tagName, detail: JSON.parse(JSON.stringify(e.detail)) }));
    }
  });

  it('with the .wasm held back: visible, typeable, its draft back and its attributes applied; the verdict for what was typed follows', T, async () => {
    let release;
    const held = new Promise((r) => { release = r; });
    let asked = 0;
    const { context, page, errors } = await heldContext(async (route) => { asked += 1; await held; await route.continue(); });
    await page.goto(EMBED());
    const first = page.locator(FIRST);
    const second = page.locator(SECOND);
    // Both forms are on screen while the module's request waits, and say the checks are coming.
    await first.locator('form.plp-form').waitFor({ state: 'visible' });
    await second.locator('form.plp-form').waitFor({ state: 'visible' });
    for (const el of [first, second]) {
      assert.equal(await el.locator('.plp').getAttribute('data-checks'), 'loading');
      assert.equal(await el.locator('.plp-preview-status').innerText(), 'The checks are loading: they start in a moment, and what you type is kept.');
    }
    for (let i = 0; asked === 0 && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(asked, 1, 'the module was asked for once, and is not there');
    // The second element's attributes are applied and locked already.
    assert.equal(await second.locator('input[name="company"]').inputValue(), 'Example Ltd');
    assert.equal(await second.locator('input[name="company"]').getAttribute('readonly'), '');
    assert.equal(await second.locator('input[name="cloud"][value="azure"]').isChecked(), true);
    assert.equal(await second.locator('input[name="region"]').inputValue(), 'eastus');
    // Typed like a person, and through the element's methods: what the core is needed for says null.
    await fillForm(page, { ...VALID_AWS, account_id: '12345' }, first);
    const before = await first.evaluate((n) => ({
      set: n.setValue('company', 'Held Ltd'), badPath: n.setValue('__proto__', 'x'),
      request: n.getRequest(), report: n.getReport(), tickets: n.getTickets(), check: n.check(), api: n.api === undefined,
    }));
    assert.deepEqual({ ...before, request: undefined }, { set: true, badPath: false, request: undefined, report: null, tickets: null, check: null, api: true });
    assert.deepEqual(before.request, documentFor({ ...VALID_AWS, account_id: '12345', company: 'Held Ltd' }));
    assert.equal(await first.locator('input[name="company"]').inputValue(), 'Held Ltd');

    // A reload, the module still held: the draft (saved when the page was left) is back at once.
    await page.reload();
    await first.locator('form.plp-form').waitFor({ state: 'visible' });
    assert.equal(await first.locator('.plp').getAttribute('data-checks'), 'loading');
    assert.match(await first.locator('.plp-work-status').textContent(), /^Restored your draft from .+\. Saved in this browser only\.$/);
    const restored = await first.evaluate((n) => n.getRequest());
    assert.deepEqual(restored, documentFor({ ...VALID_AWS, account_id: '12345', company: 'Held Ltd' }));
    assert.equal(await first.locator('input[name="account_id"]').inputValue(), '12345');
    await first.locator('input[name="project_id"]').fill('short'); // typed after the reload, still held
    const ready = first.evaluate((n) => n.ready.then(() => ({ report: n.getReport(), tickets: n.getTickets() })));
    await recordEvents(page);
    assert.equal(await first.evaluate((n) => n.check()), null, 'a Check before the module shows its messages once it is there');

    // The module arrives: the verdict for what was typed, every message shown (the Check above).
    release();
    await first.locator('.plp[data-checks="ready"]').waitFor();
    const doc = await first.evaluate((n) => n.getRequest());
    assert.deepEqual(doc, documentFor({ ...VALID_AWS, account_id: '12345', company: 'Held Ltd', project_id: 'short' }));
    const want = cliReport(doc);
    const { report } = await ready;
    assert.deepEqual(report, want, '`ready` resolves with the checks joined');
    assert.match(await first.locator('.plp-preview-status').innerText(), /^Not ready: \d+ errors? to fix\.$/);
    for (const field of ['account_id', 'project_id']) {
      const message = want.diagnostics.find((d) => d.field === field).message;
      assert.ok((await first.locator(`[data-field="${field}"] > .plp-msgs`).textContent()).includes(message), `${field}: ${message}`);
      assert.equal(await first.locator('.plp-summary a', { hasText: message }).count(), 1);
    }
    const changes = await page.evaluate(() => window.__events.filter((e) => e.target === 'checker'));
    assert.deepEqual(changes.map((e) => e.type), ['privatelink-change'], 'one change event, when the checks joined');
    assert.deepEqual(changes[0].detail, { report: want, request: doc });
    assert.equal(await first.evaluate((n) => n.api === n.getRootNode().defaultView.document.querySelector('privatelink-prep[cloud]').api && Boolean(n.api)), true);

    // And from there as ever: fixed, the ticket comes.
    await first.locator('input[name="account_id"]').fill(VALID_AWS.account_id);
    await first.locator('input[name="project_id"]').fill(VALID_AWS.project_id);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'privatelink-ticket'));
    const ticket = await page.evaluate(() => window.__events.find((e) => e.type === 'privatelink-ticket'));
    assert.equal(asFile(ticket.detail.ticket), cli(['ticket', '--format', 'text'], ticket.detail.request).stdout);
    assert.equal(ticket.detail.request.company, 'Held Ltd');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('when the module cannot load: the page\'s notice with a Try again, the form keeps what is typed', T, async () => {
    let fail = true;
    const { context, page, errors } = await heldContext((route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await page.goto(EMBED());
    const first = page.locator(FIRST);
    const second = page.locator(SECOND);
    const notice = first.locator('.load-error');
    await notice.waitFor();
    // The page's words (www/load-failure.js), inside the element's form, above its work bar.
    assert.match(await notice.innerText(), /^The checker could not start: its WebAssembly part did not load\. The connection may have dropped, or the page was updated while it loaded\. The form keeps what you type\./);
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.equal(await notice.locator('a').count(), 0, 'no link to a single file the portal does not serve');
    assert.equal(await first.locator('.load-details').evaluate((d) => d.open), false, 'the browser\'s words stay folded');
    assert.notEqual((await first.locator('.load-details p').textContent()).trim(), '');
    assert.equal(await first.evaluate((n) => n.shadowRoot.querySelector('.plp').firstElementChild.className), 'load-error');
    assert.equal(await first.evaluate((n) => getComputedStyle(n.shadowRoot.querySelector('.load-error')).borderLeftStyle), 'solid', 'styled as on the page');
    assert.equal(await first.evaluate((n) => n.ready.then(() => 'resolved', () => 'rejected')), 'rejected');
    assert.equal(await second.locator('.load-error').count(), 1, 'the other element says so too');
    await first.locator('input[name="company"]').fill('Acme Outdoor');
    assert.equal(await first.locator('.plp-preview-status').innerText(), 'The checks could not load, so nothing is checked yet: what you type is kept.');
    assert.equal(await first.evaluate((n) => [n.getReport(), n.check(), n.setValue('account_id', '12345')].join()), ',,true');

    // Try again while it still fails: the notice is back, and focus on its button.
    await notice.getByRole('button', { name: 'Try again' }).click();
    await page.waitForFunction(() => document.querySelector('#checker').shadowRoot.activeElement?.className === 'load-retry');
    assert.equal(await first.locator('.load-error').count(), 1);

    // It loads: the checks join in both elements, what was typed is checked, focus goes to the form.
    fail = false;
    await recordEvents(page);
    await first.locator('.load-error').getByRole('button', { name: 'Try again' }).click();
    await first.locator('.plp[data-checks="ready"]').waitFor();
    await second.locator('.plp[data-checks="ready"]').waitFor();
    assert.equal(await page.locator('privatelink-prep').locator('.load-error').count(), 0);
    assert.equal(await first.evaluate((n) => n.shadowRoot.activeElement?.name), 'kind');
    assert.equal(await first.locator('input[name="company"]').inputValue(), 'Acme Outdoor');
    const doc = await first.evaluate((n) => n.getRequest());
    assert.equal(doc.account_id, '12345');
    assert.deepEqual(await first.evaluate((n) => n.getReport()), cliReport(doc));
    // The Check made before the module shows every message now.
    await first.locator('.plp-summary').waitFor();
    assert.match(await first.locator('.plp-preview-status').innerText(), /^Not ready: \d+ errors? to fix\.$/);
    const targets = await page.evaluate(() => window.__events.map((e) => `${e.type} ${e.target}`).sort());
    assert.deepEqual(targets, ['privatelink-change PRIVATELINK-PREP', 'privatelink-change checker']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a later element that loads the module joins the checks of those that could not', T, async () => {
    let fail = true;
    const { context, page, errors } = await heldContext((route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await page.goto(EMBED());
    await page.locator(FIRST).locator('.load-error').waitFor();
    await page.locator(SECOND).locator('.load-error').waitFor();
    fail = false;
    const added = await page.evaluate(async () => {
      const el = document.createElement('privatelink-prep');
      document.querySelector('.portal-footer').append(el);
      await el.ready;
      return el.getReport() !== null;
    });
    assert.equal(added, true);
    for (const sel of [FIRST, SECOND]) await page.locator(sel).locator('.plp[data-checks="ready"]').waitFor();
    assert.equal(await page.locator('privatelink-prep').locator('.load-error').count(), 0);
    assert.equal(await page.evaluate(() => new Set([...document.querySelectorAll('privatelink-prep')].map((n) => n.api)).size), 1, 'one core');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a host changing an attribute while the module loads: the form re-renders with what was typed, and the checks join', T, async () => {
    let release;
    const held = new Promise((r) => { release = r; });
    const { context, page, errors } = await heldContext(async (route) => { await held; await route.continue(); });
    await page.goto(EMBED());
    const first = page.locator(FIRST);
    await first.locator('form.plp-form').waitFor({ state: 'visible' });
    await first.locator('input[name="company"]').fill('Moving Co');
    await first.evaluate((n) => n.setAttribute('region', 'eu-central-1'));
    assert.equal(await first.locator('input[name="region"]').getAttribute('readonly'), '');
    assert.equal(await first.locator('input[name="company"]').inputValue(), 'Moving Co');
    assert.equal(await first.locator('.plp').getAttribute('data-checks'), 'loading');
    release();
    await first.locator('.plp[data-checks="ready"]').waitFor();
    const doc = await first.evaluate((n) => n.getRequest());
    assert.equal(doc.region, 'eu-central-1');
    assert.equal(doc.company, 'Moving Co');
    assert.deepEqual(await first.evaluate((n) => n.getReport()), cliReport(doc));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

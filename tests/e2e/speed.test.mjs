// What a user notices of the page's speed work (issue 12, "The page answers within a frame"):
// typing updates the messages and the next steps in place (focus, caret and the rest of the
// screen stay as they are); the form is visible, typeable and has its draft back before the
// WebAssembly module arrives, with the core's own labels; the checks join when it is there; an
// imported file with a key given twice gets the CLI's PL008 on that field. The ticket body is
// written in place, paragraph by paragraph; a long guide far below the field is written when it
// comes near the screen (or is downloaded), not on every keystroke.
// (Figures are the benchmark's business: bash scripts/bench.sh.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  CLI, large, cli, openPage, fillForm, waitForPreview, formChecking, cliReport, documentFor, pageRequest, shownTicket, VALID_AWS, useServerAndBrowser,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

/** A new page whose .wasm request waits until `release()`. */
async function heldPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/privatelink_prep_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return { page, release, errors };
}

/** Every label and legend text of the form, in page order. */
const formLabels = (page) => page.locator('form.plp-form').evaluate((form) =>
  [...form.querySelectorAll('label, legend')].map((el) => el.textContent.trim()));

describe('typing updates the screen in place', () => {
  it('a message changes where it is; the others, the caret and focus stay', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, account_id: '12345', project_id: 'short' });
    await page.locator('input[name="company"]').focus(); // leaving both fields shows their messages
    const account = page.locator('[data-field="account_id"] .plp-msg');
    const project = page.locator('[data-field="project_id"] .plp-msg');
    await account.first().waitFor();
    await project.first().waitFor();
    // Marks on the elements on screen: an element that is rebuilt loses its mark.
    await page.evaluate(() => {
      document.querySelector('[data-field="project_id"] .plp-msg').plpMark = 'kept';
      document.querySelector('[data-field="account_id"] .plp-msg').plpMark = 'old';
      document.querySelector('.plp-work').plpMark = 'kept';
    });
    const before = await account.first().locator('.plp-msg-message').textContent();

    const input = page.locator('input[name="account_id"]');
    await input.click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft'); // the caret inside the value, not at its end
    await page.keyboard.type('9');
    const doc = documentFor({ ...VALID_AWS, account_id: '123495', project_id: 'short' });
    const want = cliReport(doc).diagnostics.find((d) => d.field === 'account_id');
    await page.waitForFunction((text) => document.querySelector('[data-field="account_id"] .plp-msg .plp-msg-message')?.textContent !== text, before);
    assert.equal(await account.count(), 1, 'one message, replaced in its place');
    assert.equal(await account.first().getAttribute('data-code'), want.code);
    assert.equal(await account.first().evaluate((el) => el.plpMark), undefined, 'the changed message is new');
    assert.equal(await project.first().evaluate((el) => el.plpMark), 'kept', 'the unchanged message is the same element');
    assert.equal(await page.locator('.plp-work').evaluate((el) => el.plpMark), 'kept');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      return { name: el.name, value: el.value, caret: el.selectionStart, describedby: el.getAttribute('aria-describedby') };
    });
    assert.deepEqual({ name: focus.name, value: focus.value, caret: focus.caret },
      { name: 'account_id', value: '123495', caret: 5 }, 'focus and caret stay in the field');
    assert.match(focus.describedby, /-account_id-msg\b/, 'the field still names its message');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the next steps rebuild only the step that says what was typed; an open section stays open', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    await waitForPreview(page, 'ready');
    await page.locator('.plp-guide[data-state="ready"]').waitFor();
    await page.locator('details.plp-network > summary').click();
    const marked = await page.evaluate(() => {
      const steps = [...document.querySelectorAll('.plp-step')];
      for (const s of steps) s.plpMark = s.dataset.step;
      return steps.map((s) => s.dataset.step);
    });
    const input = page.locator('input[name="company"]');
    await input.click();
    await scrolled(page);
    await page.keyboard.press('End');
    await page.keyboard.type(' Group');
    await page.waitForFunction(() => [...document.querySelectorAll('.plp-step-text')].some((p) => p.textContent.includes('Example Ltd Group')));
    const after = await page.evaluate(() => [...document.querySelectorAll('.plp-step')].map((s) => ({ id: s.dataset.step, kept: s.plpMark === s.dataset.step, text: s.textContent })));
    assert.deepEqual(after.map((s) => s.id), marked, 'the same steps in the same order');
    const rebuilt = after.filter((s) => !s.kept);
    assert.ok(rebuilt.length >= 1 && rebuilt.length < after.length, `only the steps that changed are new (${rebuilt.map((s) => s.id)})`);
    for (const s of rebuilt) assert.match(s.text, /Example Ltd Group/, `step ${s.id} was rebuilt because it names the company`);
    for (const s of after.filter((x) => x.kept)) assert.doesNotMatch(s.text, /Example Ltd/, `step ${s.id} does not name it`);
    assert.equal(await page.locator('details.plp-network').evaluate((d) => d.open), true);
    assert.equal(await page.evaluate(() => document.activeElement.name), 'company');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('a long ticket and a long guide', () => {
  it('the ticket body is the core\'s, and typing rewrites only the paragraphs that change', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.evaluate((d) => window.privatelinkPrep.load(d), large(3, 12));
    await waitForPreview(page, 'ready');
    const body = page.locator('.plp-panel[data-format="text"] [data-part="body"]');
    // Marks on the text nodes on screen: a piece whose text is written again gets a new one.
    const pieces = await body.evaluate((pre) => [...pre.children].map((el, i) => {
      el.firstChild.plpMark = i;
      return el.textContent;
    }));
    assert.ok(pieces.length > 3, `the body is in pieces (${pieces.length})`);
    await page.locator('input[name="company"]').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Group');
    await page.waitForFunction(() => document.querySelector('.plp-ticket-subject').textContent.endsWith(' Group'));
    const doc = await pageRequest(page);
    const want = cli(['ticket', '--format', 'text'], doc);
    assert.equal(want.status, 0, want.stderr);
    // Off the screen the body is not laid out (style.css), so it has no innerText until it shows.
    await body.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shown = await body.evaluate((pre) => ({
      text: pre.textContent,
      inner: pre.innerText,
      pieces: [...pre.children].map((el) => ({ text: el.textContent, kept: el.firstChild.plpMark !== undefined })),
    }));
    const subject = await page.locator('.plp-panel[data-format="text"] [data-part="subject"]').textContent();
    assert.equal(`Subject: ${subject}\n\n${shown.text}${shown.text.endsWith('\n') ? '' : '\n'}`, want.stdout);
    assert.equal(shown.inner, shown.text, 'the pieces read as the one text they are');
    const rewritten = shown.pieces.filter((p) => !p.kept);
    assert.ok(rewritten.length >= 1 && rewritten.length < 3, `only the pieces that changed are new (${rewritten.length} of ${shown.pieces.length})`);
    for (const p of rewritten) assert.match(p.text, /Group/);
    for (const p of shown.pieces.filter((x) => x.kept)) assert.ok(pieces.includes(p.text));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an edit in one endpoint service of many sends the services as the form holds them, the others unchanged', T, async () => {
    // The form hands over the services it did not change as the objects of the last request
    // (the module keeps their text): each edit below must still reach the request and the ticket.
    const { page, context, errors } = await openPage(session.browser, session.server);
    const doc = large(4, 6);
    await page.evaluate((d) => window.privatelinkPrep.load(d), doc);
    await waitForPreview(page, 'ready');
    const expect = structuredClone(doc);
    const edits = [
      ['endpoint_services[1].ports[2].service', ' Admin', (d) => { d.endpoint_services[1].ports[2].service += ' Admin'; }],
      ['endpoint_services[3].ports[5].port', '1', (d) => { d.endpoint_services[3].ports[5].port = '20051'; }],
      ['endpoint_services[0].name', 'f', (d) => { d.endpoint_services[0].name = d.endpoint_services[0].name.replace(/0$/, 'f'); }],
    ];
    for (const [name, text, change] of edits) {
      await page.locator(`input[name="${name}"]`).click();
      await page.keyboard.press('End');
      if (name.endsWith('.name')) await page.keyboard.press('Backspace'); // another valid ID
      await page.keyboard.type(text);
      change(expect);
      await page.waitForFunction(([n, v]) => document.querySelector(`input[name="${n}"]`).value === v
        && window.privatelinkPrep.getReport() !== null, [name, name.split(/[.[\]]+/).filter(Boolean).reduce((o, k) => o[k], expect)]);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const sent = await pageRequest(page);
      const services = (d) => d.endpoint_services.map((s) => ({
        ...s, ports: s.ports.map((p) => ({ service: p.service, port: String(p.port) })),
      }));
      assert.deepEqual(services(sent), services(expect), name);
    }
    const principal = page.locator('input[name="endpoint_services[2].principal_allowed"]');
    await principal.uncheck();
    await page.waitForFunction(() => window.privatelinkPrep.getRequest().endpoint_services[2].principal_allowed === false);
    await principal.check();
    await waitForPreview(page, 'ready');
    const sent = await pageRequest(page);
    const want = cli(['ticket', '--format', 'text'], sent);
    assert.equal(want.status, 0, want.stderr);
    assert.match(want.stdout, /Service 2 Admin/);
    assert.equal((await shownTicket(page)).file, want.stdout);
    // The handed-out request is a copy the host may change; the form's own is not touched.
    await page.evaluate(() => { window.privatelinkPrep.getRequest().endpoint_services[0].name = 'changed'; });
    assert.notEqual((await pageRequest(page)).endpoint_services[0].name, 'changed');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a long guide far below the field follows the typing when it comes near the screen, and a download is current', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.evaluate((d) => {
      window.privatelinkPrep.load(d);
      window.privatelinkPrep.check();
    }, large(20, 20));
    await waitForPreview(page, 'ready');
    await page.locator('.plp-guide[data-state="ready"]').waitFor();
    const sendStep = page.locator('.plp-step[data-step="send-ticket"] .plp-step-text');
    assert.match(await sendStep.textContent(), /PrivateLink support for Acme Outdoor, Inc\.$/);
    const input = page.locator('input[name="company"]');
    await input.click();
    await scrolled(page);
    await page.keyboard.press('End');
    await page.keyboard.type(' Group');
    // Far below the field (400 rows of ports in between), the guide waits (read in the frame the
    // ticket shows the keystroke: it follows a pause in the typing); the download is current.
    const held = await stepWhenSubjectEnds(page, ' Group');
    assert.doesNotMatch(held, / Group$/, 'the guide off the screen waits');
    const doc = await pageRequest(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download-guide-txt"]').evaluate((b) => b.click()),
    ]);
    const want = cli(['guide', '--format', 'text'], doc);
    assert.equal(want.status, 0, want.stderr);
    assert.equal(readFileSync(await download.path(), 'utf8'), want.stdout);
    assert.match(await sendStep.textContent(), /PrivateLink support for Acme Outdoor, Inc\. Group$/, 'the download brought the guide up to date');
    // Typed again: shown once the guide is near the screen.
    await input.focus();
    await page.keyboard.type('s');
    assert.doesNotMatch(await stepWhenSubjectEnds(page, ' Groups'), /Groups$/);
    await page.locator('.plp-guide').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('.plp-step[data-step="send-ticket"] .plp-step-text').textContent.endsWith('Inc. Groups'));
    // Typed again far above it: once the typing pauses, the guide follows without being near,
    // so that what a screen reader finds there is stale for a moment at most.
    await input.focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    await scrolled(page);
    await page.keyboard.type('!');
    assert.doesNotMatch(await stepWhenSubjectEnds(page, ' Groups!'), /Groups!$/);
    await page.waitForFunction(() => document.querySelector('.plp-step[data-step="send-ticket"] .plp-step-text').textContent.endsWith('Inc. Groups!'));
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the guide followed without a scroll');
    const guide = JSON.parse(cli(['guide', '--format', 'json'], await pageRequest(page)).stdout);
    assert.deepEqual(await page.locator('.plp-guide .plp-step').evaluateAll((li) => li.map((x) => x.dataset.step)), guide.steps.map((s) => s.id));
    assert.deepEqual(await page.locator('.plp-track-step').evaluateAll((li) => li.map((x) => x.dataset.step)), guide.steps.map((s) => s.id));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** Resolves once the page has noticed where it is scrolled to: an IntersectionObserver reports
 * after the frame that laid the scroll out. */
function scrolled(page) {
  return page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }));
}

/** The send-ticket step's text in the frame the ticket's subject first ends with `end`. */
function stepWhenSubjectEnds(page, end) {
  return page.evaluate((end) => new Promise((resolve) => {
    const look = () => {
      if (document.querySelector('.plp-ticket-subject').textContent.endsWith(end)) {
        resolve(document.querySelector('.plp-step[data-step="send-ticket"] .plp-step-text').textContent);
      } else requestAnimationFrame(look);
    };
    look();
  }), end);
}

describe('the form before the module', () => {
  it('is visible and typeable with the core\'s labels while the .wasm is on its way; the checks join when it arrives', T, async () => {
    const context = await session.browser.newContext();
    const { page, release, errors } = await heldPage(context);
    await page.goto(session.server.url);
    await page.locator('.plp[data-checks="loading"]').waitFor();
    await fillForm(page, VALID_AWS);
    const early = await formLabels(page);
    assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    assert.equal(await page.locator('.plp-preview-status').innerText(),
      'The checks are loading: they start in a moment, and what you type is kept.');
    assert.equal(await page.locator('.plp-msg').count(), 0, 'no verdict before the checks');
    release();
    await formChecking(page);
    await waitForPreview(page, 'ready');
    assert.deepEqual(await formLabels(page), early, 'no label changes when the module arrives');
    // The generated table (www/core-labels.js) is what the module's labels(cloud) says.
    const tables = await page.evaluate(async () => {
      const generated = (await import('/www/core-labels.js')).default;
      const core = await import('/www/pkg/privatelink_prep.js');
      await core.default();
      return { generated, aws: core.labels('aws'), azure: core.labels('azure') };
    });
    assert.deepEqual(tables.generated, { aws: tables.aws, azure: tables.azure });
    assert.ok(await page.locator('[id$="-regions"] option').count() > 10, 'the region list fills in');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores the draft before the module; its verdict follows', T, async () => {
    // No service worker: it would answer the second visit's .wasm request from its cache.
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const first = await context.newPage();
    await first.goto(session.server.url);
    await formChecking(first);
    await fillForm(first, { ...VALID_AWS, account_id: '12345' });
    await first.waitForFunction(() => document.querySelector('.plp-work-status')?.textContent === 'Saved in this browser only.');
    await first.close();

    const { page, release, errors } = await heldPage(context);
    await page.goto(session.server.url);
    await page.locator('.plp[data-checks="loading"]').waitFor();
    assert.match(await page.locator('.plp-work-status').innerText(), /^Restored your draft from /);
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '12345');
    assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    release();
    await formChecking(page);
    await waitForPreview(page, 'not-ready');
    assert.match(await page.locator('.plp-preview-status').innerText(), /^Not ready: 1 error to fix\.$/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('import', () => {
  it('a key given twice in the file is the CLI\'s PL008 on its field; editing the field clears it', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    const doc = JSON.stringify(documentFor(VALID_AWS), null, 2);
    const text = doc.replace('"company": "Example Ltd",', '"company": "Old Name Ltd",\n  "company": "Example Ltd",')
      .replace('"port": "80",', '"port": 80.0,\n      "port": "80",');
    assert.notEqual(text, doc);
    const run = spawnSync(CLI, ['check', '--format', 'json', '-'], { input: text, encoding: 'utf8' });
    const want = JSON.parse(run.stdout).diagnostics.filter((d) => d.code === 'PL008');
    assert.deepEqual(want.map((d) => d.field), ['company', 'ports[0].port']);

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import JSON' }).click(),
    ]);
    await chooser.setFiles({ name: 'twice.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await waitForPreview(page, 'ready');
    const shownOn = (field) => page.locator(`.plp-msg[data-code="PL008"][data-for="${field}"]`);
    for (const d of want) {
      await shownOn(d.field).waitFor();
      assert.equal(await shownOn(d.field).getAttribute('data-severity'), 'warning');
      assert.equal(await shownOn(d.field).locator('.plp-msg-message').textContent(), d.message);
    }
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Example Ltd', 'the last one counts, as in the CLI');
    assert.match(await page.locator('.plp-preview-status').innerText(), /^Ready to send, with 2 warnings to read\.$/);

    await page.locator('input[name="company"]').fill('Example Group');
    await shownOn('company').waitFor({ state: 'detached' });
    assert.equal(await shownOn('ports[0].port').count(), 1, 'the other field keeps its warning');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

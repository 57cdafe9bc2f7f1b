// The tracker: the guide's steps as a checklist, the ticket date and the core's expected
// completion (five business days, weekends skipped), kept in localStorage per project and kind.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, fillForm, fillChange, cli, waitForPreview, axeCheck, VALID_AWS, useServerAndBrowser,
  pageRequest, formChecking,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const tracker = (page) => page.locator('section.plp-tracker');

/** What the tracker shows: its steps (actor, title, ticked) and the expected date. */
async function shown(page) {
  return tracker(page).evaluate((t) => ({
    steps: [...t.querySelectorAll('.plp-track-step')].map((li) => ({
      id: li.dataset.step,
      label: li.querySelector('label').textContent,
      done: li.querySelector('input').checked,
    })),
    sent: t.querySelector('input[type="date"]').value,
    expected: t.querySelector('.plp-tracker-expected').dataset.expected || '',
    sentence: t.querySelector('.plp-tracker-expected').textContent,
    progress: t.querySelector('.plp-tracker-progress').textContent,
  }));
}

/** The steps of the CLI's guide for a document, as the tracker labels them. */
function guideSteps(doc) {
  const out = cli(['guide', '--format', 'json'], doc);
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout).steps.map((s) => ({ id: s.id, label: `${s.actor === 'customer' ? 'You:' : 'Adobe:'} ${s.title}` }));
}

const tick = (page, id) => tracker(page).locator(`.plp-track-step[data-step="${id}"] input`).check();

async function readyTracker(page, values) {
  await fillForm(page, values);
  await waitForPreview(page, 'ready');
  await tracker(page).locator(':scope[data-state="ready"]').waitFor();
}

const BIDI = {
  ...VALID_AWS,
  connection_type: 'bidirectional',
  endpoint_services: [{
    name: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0',
    ports: [{ service: 'ERP API', port: '8443', protocol: 'tcp' }],
    principal_allowed: true,
  }],
  prerequisites: { nlb: true, endpoint_service: true },
};

describe('tracker', () => {
  it('a Thursday ticket is due the next Thursday (the core\'s date); ticks and date survive a reload; Reset clears', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    assert.equal(await tracker(page).getAttribute('data-state'), 'not-ready');
    await readyTracker(page, VALID_AWS);
    const doc = await pageRequest(page);
    let now = await shown(page);
    assert.deepEqual(now.steps.map(({ id, label }) => ({ id, label })), guideSteps(doc));
    assert.ok(now.steps.every((s) => !s.done));
    assert.equal(now.progress, `0 of ${now.steps.length} steps done.`);
    assert.match(now.sentence, /^Enter the date you sent the ticket/);

    // 26 November 2026 is a Thursday: five business days later is Thursday 3 December.
    await tracker(page).getByLabel('Ticket sent on').fill('2026-11-26');
    await tracker(page).locator('.plp-tracker-expected[data-expected="2026-12-03"]').waitFor();
    now = await shown(page);
    assert.equal(now.sentence, 'Ticket sent on Thursday 26 November 2026: expect Adobe to complete enablement by Thursday 3 December 2026, up to 5 business days later. Business days here skip Saturdays and Sundays but not public holidays, so a holiday in between moves the date.');
    assert.equal(await tracker(page).locator('.plp-tracker-expected strong time').getAttribute('datetime'), '2026-12-03');

    // Across a month and a year end, weekends skipped: Friday 25 December 2026 -> Friday 1 January 2027.
    await tracker(page).getByLabel('Ticket sent on').fill('2026-12-25');
    await tracker(page).locator('.plp-tracker-expected[data-expected="2027-01-01"]').waitFor();
    await tracker(page).getByLabel('Ticket sent on').fill('2026-11-26');
    await tracker(page).locator('.plp-tracker-expected[data-expected="2026-12-03"]').waitFor();

    await tick(page, 'send-ticket');
    await tick(page, 'create-endpoint');
    assert.equal((await shown(page)).progress, `2 of ${now.steps.length} steps done.`);

    // Reload: the form is filled again (or restored), and the tracker of this project comes back.
    await page.reload();
    await formChecking(page);
    await readyTracker(page, VALID_AWS);
    await tracker(page).locator('.plp-tracker-expected[data-expected="2026-12-03"]').waitFor();
    now = await shown(page);
    assert.equal(now.sent, '2026-11-26');
    assert.deepEqual(now.steps.filter((s) => s.done).map((s) => s.id), ['send-ticket', 'create-endpoint']);
    assert.equal(now.progress, `2 of ${now.steps.length} steps done.`);

    await tracker(page).getByRole('button', { name: 'Reset tracker' }).click();
    now = await shown(page);
    assert.equal(now.sent, '');
    assert.equal(now.expected, '');
    assert.ok(now.steps.every((s) => !s.done));
    assert.equal(await tracker(page).locator('.plp-tracker-note').textContent(), 'The tracker is reset: no date, no step done.');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('tracker')).length), 0);
    await page.reload();
    await formChecking(page);
    await readyTracker(page, VALID_AWS);
    now = await shown(page);
    assert.equal(now.sent, '');
    assert.ok(now.steps.every((s) => !s.done));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('kept per project ID and kind; the bidirectional steps only when they apply', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await readyTracker(page, VALID_AWS);
    await tick(page, 'send-ticket');
    let ids = (await shown(page)).steps.map((s) => s.id);
    assert.ok(!ids.includes('grant-access'), ids.join());

    // Bidirectional adds its steps (with their actors), the ticks stay.
    await readyTracker(page, BIDI);
    const bidi = await shown(page);
    assert.deepEqual(bidi.steps.map(({ id, label }) => ({ id, label })), guideSteps(await pageRequest(page)));
    ids = bidi.steps.map((s) => s.id);
    assert.ok(ids.includes('grant-access') && ids.includes('accept-connections'), ids.join());
    assert.match(bidi.steps.find((s) => s.id === 'adobe-connects').label, /^Adobe: /);
    assert.equal(bidi.steps.find((s) => s.id === 'send-ticket').done, true);
    await tick(page, 'grant-access');

    // Another project has a tracker of its own.
    await page.locator('input[name="project_id"]').fill('abcdefgh12345');
    await page.locator('.plp-tracker-scope code', { hasText: 'abcdefgh12345' }).waitFor();
    assert.ok((await shown(page)).steps.every((s) => !s.done));
    await page.locator('input[name="project_id"]').fill(VALID_AWS.project_id);
    await page.locator('.plp-tracker-scope code', { hasText: VALID_AWS.project_id }).waitFor();
    assert.deepEqual((await shown(page)).steps.filter((s) => s.done).map((s) => s.id), ['send-ticket', 'grant-access']);

    // A change request of the same project is tracked apart, with its own wording.
    await fillChange(page, {
      company: 'Example Ltd', region: 'eu-west-1', project_id: VALID_AWS.project_id,
      changes: [{ action: 'remove_connection', environment: 'staging' }],
    });
    await waitForPreview(page, 'ready');
    await page.locator('.plp-tracker-scope', { hasText: 'change request' }).waitFor();
    let change = await shown(page);
    assert.deepEqual(change.steps.map(({ id, label }) => ({ id, label })), guideSteps(await pageRequest(page)));
    assert.ok(change.steps.every((s) => !s.done));
    await tracker(page).getByLabel('Ticket sent on').fill('2026-11-28'); // a Saturday: counting starts on Monday
    await tracker(page).locator('.plp-tracker-expected[data-expected="2026-12-04"]').waitFor();
    change = await shown(page);
    assert.match(change.sentence, /expect Adobe to make the changes by Friday 4 December 2026/);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('tracker')).sort());
    assert.deepEqual(keys, [
      `privatelink-prep:tracker:v1:change:${VALID_AWS.project_id}`,
      `privatelink-prep:tracker:v1:enablement:${VALID_AWS.project_id}`,
    ]);
    await context.close();
  });

  for (const [name, script] of [
    ['storage full', () => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    }],
    ['storage refused (private mode, blocked)', () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    }],
  ]) {
    it(`${name}: a note says the tracker is not kept, and the page works on`, T, async () => {
      const context = await session.browser.newContext();
      await context.addInitScript(script);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const { url } = session.server;
      await page.goto(url);
      await formChecking(page);
      await readyTracker(page, VALID_AWS);
      await tick(page, 'send-ticket');
      await tracker(page).getByLabel('Ticket sent on').fill('2026-11-26');
      await tracker(page).locator('.plp-tracker-expected[data-expected="2026-12-03"]').waitFor();
      const note = tracker(page).locator('.plp-tracker-note');
      assert.match(await note.textContent(), /^This browser does not let the page keep the tracker/);
      assert.equal(await note.getAttribute('role'), 'status');
      assert.equal((await shown(page)).steps.find((s) => s.id === 'send-ticket').done, true, 'the tick stays on screen');
      // The rest of the page is unaffected.
      assert.match(await page.locator('.plp-preview-status').textContent(), /^Ready to send/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('axe-core finds nothing in the tracker, light and dark', T, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await openPage(session.browser, session.server);
      await page.emulateMedia({ colorScheme });
      await readyTracker(page, BIDI);
      await tracker(page).getByLabel('Ticket sent on').fill('2026-11-26');
      await tick(page, 'send-ticket');
      const { passes, violations } = await axeCheck(page, 'section.plp-tracker');
      assert.ok(passes >= 5, `axe checked only ${passes} rules`);
      assert.deepEqual(violations, [], colorScheme);
      await context.close();
    }
  });
});

// Import JSON, read by the core (issue 12): what a request file may hold is the module's answer,
// not a second copy of the rules in the page. An import chosen before the module has arrived
// waits for it and says so; a file with an error of the request format itself (a version, a kind,
// a document that is no object, a value of the wrong type) is refused with the core's own
// message, the CLI's for the same file, and the form keeps what was typed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, openPage, cli, cliReport, waitForPreview, formChecking, useServerAndBrowser, pageRequest, shownTicket, inlineMessages,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const message = (page) => page.locator('.plp-work-message');
const formState = (page) => page.evaluate(() => window.privatelinkPrep.getState());

/** Chooses a file through the "Import JSON" button, like a person. */
async function importFile(page, name, content) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import JSON' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

async function waitForMessage(page, start) {
  await page.waitForFunction((s) => document.querySelector('.plp-work-message')?.textContent.startsWith(s), start);
}

/** The page with its main module held back: `release(ok)` lets it load (or fail, with ok false). */
async function openHeld() {
  const context = await session.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/privatelink_prep_bg.wasm', async (route) => {
    if (await held) await route.continue();
    else await route.fulfill({ status: 503, body: 'down' });
  });
  await page.goto(session.server.url);
  await page.locator('.plp[data-checks="loading"]').waitFor();
  return { context, page, errors, release };
}

describe('import before the checker has loaded', () => {
  it('waits for it, says so, and then fills the form (the same ticket as the CLI), with an undo', T, async () => {
    const { context, page, errors, release } = await openHeld();
    await page.locator('input[name="company"]').fill('Typed While Loading Ltd');
    const name = 'azure-bidirectional.json';
    const text = readFileSync(join(ROOT, 'tests', 'requests', name), 'utf8');
    await importFile(page, name, text);
    await waitForMessage(page, 'Reading');
    assert.equal(await message(page).textContent(), `Reading ${name}: waiting for the checker to load…`);
    // Nothing changed yet: the form is still the typed one, and still usable.
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Typed While Loading Ltd');
    assert.equal(await page.locator('.plp[data-checks="loading"]').count(), 1, 'the module is still held back');
    await page.locator('input[name="account_id"]').fill('123');

    release(true);
    await waitForMessage(page, 'Imported');
    assert.equal(await message(page).textContent(), `Imported ${name}.`);
    const doc = JSON.parse(text);
    assert.equal(await page.locator('input[name="company"]').inputValue(), doc.company);
    assert.equal(await page.locator('input[name="azure.cluster_id"]').inputValue(), doc.azure.cluster_id);
    assert.equal(await page.locator('input[name="cloud"][value="azure"]').isChecked(), true);
    assert.equal(await page.locator('input[name="connection_type"][value="bidirectional"]').isChecked(), true);
    await formChecking(page);
    await waitForPreview(page, 'ready');
    assert.equal((await shownTicket(page)).file, cli(['ticket', '--format', 'text'], doc).stdout);

    // Undo brings back what was typed while it waited.
    await page.getByRole('button', { name: 'Undo import' }).click();
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Typed While Loading Ltd');
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '123');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('when the checker does not load, the import says so and the form keeps what was typed', T, async () => {
    const { context, page, release } = await openHeld();
    await page.locator('input[name="company"]').fill('Typed Ltd');
    await importFile(page, 'request.json', JSON.stringify({ company: 'Other Ltd', cloud: 'aws' }));
    await waitForMessage(page, 'Reading');
    release(false);
    await waitForMessage(page, 'Could not import');
    assert.equal(await message(page).textContent(),
      'Could not import request.json: the checker, which reads request files, did not load. Try again once it has loaded. Nothing changed.');
    assert.equal(await message(page).evaluate((m) => m.classList.contains('plp-status-error')), true);
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Typed Ltd');
    await context.close();
  });
});

describe('a file with an error of the request format', () => {
  const deep = (n) => (n === 0 ? [] : [deep(n - 1)]);
  /** [file name, content, the code of the core's error that refuses it] */
  const CASES = [
    ['v2.json', { version: 2, company: 'Other Ltd', cloud: 'aws' }, 'PL003'],
    ['version-text.json', { version: '1', company: 'Other Ltd' }, 'PL003'],
    ['kind.json', { kind: 'migration', company: 'Other Ltd' }, 'PL006'],
    ['list.json', [{ company: 'Other Ltd' }], 'PL001'],
    ['number.json', 42, 'PL001'],
    ['null.json', null, 'PL001'],
    ['types.json', { company: 'Other Ltd', ports: '80', environments: 'production' }, 'PL005'],
    ['account.json', { company: 'Other Ltd', account_id: 123456789012 }, 'PL005'],
    ['deep.json', { company: 'Other Ltd', ports: deep(80) }, 'PL017'],
  ];

  it(`${CASES.length} files are refused with the core's own message, and the form keeps what was typed`, T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.locator('input[name="company"]').fill('Typed Ltd');
    await page.locator('input[name="account_id"]').fill('123456789012');
    const before = await formState(page);
    for (const [name, doc, code] of CASES) {
      // What the CLI says of the same file: the core's words, which the page must show as they are.
      const refusing = cliReport(doc).diagnostics.filter((d) => d.code === code);
      assert.ok(refusing.length > 0 && refusing.every((d) => d.severity === 'error'), `${name}: the CLI reports ${code}`);
      await importFile(page, name, JSON.stringify(doc));
      await waitForMessage(page, `Could not import ${name}`);
      assert.equal(await message(page).textContent(),
        `Could not import ${name}: ${refusing.map((d) => d.message).join(' ')} Nothing changed.`, name);
      assert.equal(await message(page).evaluate((m) => m.classList.contains('plp-status-error')), true, name);
      assert.deepEqual(await formState(page), before, `${name}: the form is as it was`);
      assert.equal(await page.getByRole('button', { name: 'Undo import' }).count(), 0);
    }
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Typed Ltd');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a text too long for its field is no format error of the file: it is imported, with the core\'s message on the field', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    const doc = { company: 'A'.repeat(150), cloud: 'aws', region: 'eu-west-1' };
    await importFile(page, 'long.json', JSON.stringify(doc));
    await waitForMessage(page, 'Imported');
    assert.equal(await message(page).textContent(), 'Imported long.json.');
    assert.equal(await page.locator('input[name="company"]').inputValue(), doc.company);
    assert.equal((await pageRequest(page)).company, doc.company);
    await page.getByRole('button', { name: 'Check' }).click();
    const want = cliReport(doc).diagnostics.filter((d) => d.field === 'company').map((d) => d.message);
    assert.equal(want.length, 1);
    assert.match(want[0], /150 characters long/);
    assert.deepEqual(await inlineMessages(page, 'company'), want);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a value no control can show: the core\'s error refuses it, the core\'s warning alone leaves it out, the form\'s own limit says so', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.locator('input[name="company"]').fill('Typed Ltd');
    const before = await formState(page);
    // A cloud the form does not offer: the core's error on that field.
    const gcp = { company: 'Other Ltd', cloud: 'gcp' };
    const said = cliReport(gcp).diagnostics.filter((d) => d.field === 'cloud' && d.severity === 'error');
    assert.equal(said.length, 1);
    await importFile(page, 'gcp.json', JSON.stringify(gcp));
    await waitForMessage(page, 'Could not import gcp.json');
    assert.equal(await message(page).textContent(), `Could not import gcp.json: ${said[0].message} Nothing changed.`);
    // More rows than the form has: its own words, whatever the core says of the rows.
    const ports = Array.from({ length: 101 }, (_, i) => ({ service: `S${i}`, port: 1000 + i, protocol: 'tcp' }));
    await importFile(page, 'rows.json', JSON.stringify({ company: 'Other Ltd', cloud: 'azure', ports }));
    await waitForMessage(page, 'Could not import rows.json');
    assert.equal(await message(page).textContent(),
      'Could not import rows.json: “ports” has 101 rows, more than the 100 this form shows. Nothing changed.');
    assert.deepEqual(await formState(page), before);

    // A pasted output without its output: the core warns that it ignores it, and so does the form.
    const doc = { company: 'Other Ltd', cloud: 'aws', region: 'eu-west-1', evidence: [{ source: 'aws ec2 describe-vpcs' }] };
    const warned = cliReport(doc).diagnostics.filter((d) => d.field === 'evidence[0]');
    assert.deepEqual(warned.map((d) => d.severity), ['warning']);
    await importFile(page, 'evidence.json', JSON.stringify(doc));
    await waitForMessage(page, 'Imported');
    assert.equal(await message(page).textContent(), 'Imported evidence.json. Left out what this form does not edit: evidence[0].');
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Other Ltd');
    assert.equal((await pageRequest(page)).evidence, undefined);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// The XSS corpus imported through "Import JSON" (issue 6): each payload in every string field of
// an imported request, and as the file's name. Nothing runs (no dialog, no window.__xss), no
// element appears, the controls hold the text as it was, and when the request is valid the ticket
// carries it inert: literally in plain text, and in Markdown exactly as the CLI escapes it.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, openPage, cli, waitForPreview, useServerAndBrowser, pageRequest,
} from './helpers.mjs';

const T = { timeout: 300_000 };
const PAYLOADS = [
  ...readFileSync(join(ROOT, 'tests', 'xss-payloads.txt'), 'utf8').split('\n').filter((l) => l.trim() !== ''),
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  '[x](javascript:window.__xss=1)',
];
const DANGEROUS = 'script:not([src]), img, svg, iframe, object, embed, style, base, meta[http-equiv="refresh"], '
  + 'a[href^="javascript"], [onerror], [onload], [onfocus], [onmouseover], [ontoggle], [onbegin]';
const BASE = JSON.parse(readFileSync(join(ROOT, 'tests', 'requests', 'aws-bidirectional.json'), 'utf8'));

const session = useServerAndBrowser();

/** Chooses a file through the "Import JSON" button, the way a person does. */
async function importFile(page, name, text) {
  const before = await page.evaluate(() => document.querySelector('.plp-work-message')?.textContent ?? '');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import JSON' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction((prev) => {
    const m = document.querySelector('.plp-work-message');
    return m && m.textContent !== prev && m.textContent !== '';
  }, before);
  const said = await page.locator('.plp-work-message').textContent();
  assert.match(said, /^Imported /, `importing ${name}: ${said}`);
}

/** The payload in the free-text fields of a valid bidirectional request. */
function freeText(payload) {
  const doc = structuredClone(BASE);
  doc.company = payload;
  doc.ports[0].service = payload;
  doc.endpoint_services[0].ports[0].service = payload;
  return doc;
}

/** The payload in every string field (the request is then invalid; the messages are the core's). */
function everywhere(payload) {
  const doc = freeText(payload);
  for (const key of ['region', 'account_id', 'project_id']) doc[key] = payload;
  doc.endpoint_services[0].name = payload;
  doc.ports[1].port = payload;
  return doc;
}

it(`${PAYLOADS.length} XSS payloads imported as JSON stay text`, T, async () => {
  const { page, context, errors, dialogs } = await openPage(session.browser, session.server);
  const baseline = await page.locator(DANGEROUS).count();
  let tickets = 0;
  for (const [i, payload] of PAYLOADS.entries()) {
    // 1. Everywhere: an invalid request; its messages show as text.
    // A file name cannot hold '/'; the rest of the payload can.
    const name = i % 10 === 0 ? `${payload.replaceAll('/', '_')}.json` : `xss-${i}.json`;
    await importFile(page, name, JSON.stringify(everywhere(payload)));
    assert.equal(await page.locator('input[name="company"]').inputValue(), payload);
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), payload);
    assert.equal(await page.locator('input[name="endpoint_services[0].name"]').inputValue(), payload);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.plp-summary').waitFor();
    assert.equal(await page.locator(DANGEROUS).count(), baseline, `an element appeared for ${payload}`);

    // 2. Free text only: a valid request whose ticket carries the payload.
    await importFile(page, `free-${i}.json`, JSON.stringify(freeText(payload)));
    const doc = await pageRequest(page);
    assert.equal(doc.company, payload);
    const text = cli(['ticket', '--format', 'text'], doc);
    if (text.status === 0) {
      await waitForPreview(page, 'ready');
      const subject = text.stdout.split('\n')[0].replace(/^Subject: /, '');
      await page.waitForFunction((want) => document.querySelector('.plp-panel[data-format="text"] [data-part="subject"]').textContent === want, subject);
      const body = await page.locator('.plp-panel[data-format="text"] [data-part="body"]').textContent();
      assert.ok(body.includes(payload), `the plain text ticket lacks ${payload}`);
      // The Markdown tab, as a customer opens it (a hidden tab is written when it is opened).
      await page.getByRole('tab', { name: 'Markdown' }).click();
      const md = await page.locator('.plp-panel[data-format="markdown"] [data-part="body"]').textContent();
      await page.getByRole('tab', { name: 'Plain text' }).click();
      // The .md file's subject line is escaped Markdown; its body is the one shown.
      const mdFile = cli(['ticket', '--format', 'markdown'], doc).stdout;
      assert.equal(mdFile.slice(mdFile.indexOf('\n\n') + 2), md, `Markdown for ${payload}`);
      tickets += 1;
    } else {
      await waitForPreview(page, 'not-ready');
    }
    assert.equal(await page.locator(DANGEROUS).count(), baseline, `an element appeared for ${payload}`);
    assert.equal(await page.evaluate(() => window.__xss), undefined, `script ran for ${payload}`);
  }
  assert.ok(tickets >= PAYLOADS.length * 0.9, `only ${tickets} of ${PAYLOADS.length} made a ticket`);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});

// The README's screenshot: the filled page with a ready ticket, taken from the optimised build.
// Every run takes it (into target/); UPDATE_SCREENSHOT=1 writes it to docs/screenshot.png, so a
// test run does not leave the committed picture modified by a few anti-aliased pixels.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, openPage, fillForm, waitForPreview, VALID_AWS, useServerAndBrowser,
} from './helpers.mjs';

const session = useServerAndBrowser();

it('takes the README screenshot of a filled page with a ready ticket', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await openPage(session.browser, session.server, { viewport: { width: 960, height: 900 } });
  await fillForm(page, { ...VALID_AWS, account_id: '1234-5678-9012' });
  await page.getByRole('button', { name: 'Check' }).click();
  await waitForPreview(page, 'ready');
  await page.locator('.plp-ticket').waitFor();
  const dir = process.env.UPDATE_SCREENSHOT === '1' ? join(ROOT, 'docs') : join(ROOT, 'target');
  const out = join(dir, 'screenshot.png');
  mkdirSync(dir, { recursive: true });
  // The page down to the ticket preview (the next steps and the tracker below it are long).
  const bottom = await page.locator('.plp-preview').evaluate((e) => Math.ceil(e.getBoundingClientRect().bottom + window.scrollY + 24));
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 960, height: bottom } });
  assert.ok(statSync(out).size > 20_000);
  assert.deepEqual(errors, []);
  await context.close();
});

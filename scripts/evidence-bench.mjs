#!/usr/bin/env node
// Figures for the page's evidence (issue 14), in headless Chromium on the built page (run
// bash scripts/build.sh first): over N fresh pages (no service worker, local server),
//   load    opening the account's paste area until the evidence module is ready (the
//           `plp-evidence-load` measure of www/evidence.js: import of the glue + fetch, compile
//           and instantiation of www/pkg/privatelink_prep_evidence_bg.wasm);
//   paste   a paste of tests/evidence/aws-caller-identity.json until the account ID is filled
//           (`plp-evidence-paste`: evidenceRead, the fill, two validations, the re-render), and
//           until the next frame is painted with it;
//   again   the same paste in a page whose module is already loaded (a second paste, another
//           section: only the read and the fill).
// Prints the median and the extremes of each, in milliseconds. Not a test: nothing fails.
//
//   node scripts/evidence-bench.mjs [N=7]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openPage } from '../tests/e2e/helpers.mjs';

const N = Number(process.argv[2] || 7);
const IDENTITY = readFileSync(join(ROOT, 'tests', 'evidence', 'aws-caller-identity.json'), 'utf8');

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (x) => x.toFixed(1).padStart(7);
  return `median ${f(s[Math.floor(s.length / 2)])}  min ${f(s[0])}  max ${f(s[s.length - 1])}`;
};

const server = await startServer();
const browser = await launchBrowser();
const runs = { load: [], paste: [], painted: [], again: [] };
try {
  for (let i = 0; i < N; i++) {
    const { page, context } = await openPage(browser, server, { serviceWorkers: 'block' });
    await page.locator('input[name="cloud"][value="aws"]').check();
    const account = page.locator('details.plp-evidence[data-evidence=""]');
    await account.locator(':scope > summary').click();
    await account.locator('.plp-evidence-command').first().waitFor();
    const result = await page.evaluate(async (text) => {
      const area = document.querySelector('details.plp-evidence[data-evidence=""] textarea');
      const field = document.querySelector('input[name="account_id"]');
      const t0 = performance.now();
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      while (field.value === '') await new Promise((r) => setTimeout(r, 0));
      const filled = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const painted = performance.now() - t0;
      const m = (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
      return { load: m('plp-evidence-load'), paste: filled, painted, measured: m('plp-evidence-paste') };
    }, IDENTITY);
    runs.load.push(result.load);
    runs.paste.push(result.paste);
    runs.painted.push(result.painted);
    // Undo, then paste again: the module is loaded now.
    await account.locator('.plp-evidence-undo').click();
    runs.again.push(await page.evaluate(async (text) => {
      const area = document.querySelector('details.plp-evidence[data-evidence=""] textarea');
      const field = document.querySelector('input[name="account_id"]');
      const t0 = performance.now();
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      while (field.value === '') await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }, IDENTITY));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`evidence on the page, ${N} fresh pages (ms):`);
console.log(`  load of the evidence module        ${stats(runs.load)}`);
console.log(`  first paste to filled field        ${stats(runs.paste)}`);
console.log(`  first paste to painted frame       ${stats(runs.painted)}`);
console.log(`  paste to filled, module loaded     ${stats(runs.again)}`);

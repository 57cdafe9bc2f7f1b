#!/usr/bin/env node
// How soon <privatelink-prep> is usable (issue 12): from navigation to the element's form on
// screen and typeable with its draft back ("usable"), and to its first verdict (the checks
// joined), for the element from the sources (examples/embed.html, two elements, ~20 modules and
// three stylesheets) and from the npm package (scripts/package.mjs staged into a temporary
// directory: one module with its CSS inside, and the .wasm, on a bare host page). Each load is a
// fresh context (no cache), with a draft seeded in localStorage. Two settings:
//   held     the core's .wasm answered only after ELEMENT_HOLD_MS (default 3000), no throttling:
//            what a slow module costs the user;
//   mobile   Lighthouse's mobile throttling, applied in the browser as its devtools method does
//            (562.5 ms request latency, 1,474.56 kbit/s down, 675 up, 4x CPU slowdown).
// Prints the median (and max) over ELEMENT_RUNS loads (default 3). Asserts nothing; not a test.
//
//   node scripts/element-start.mjs                      (after bash scripts/build.sh)
//   ELEMENT_START_ROOT=/tmp/before node scripts/element-start.mjs   # another built copy
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser } from '../tests/e2e/helpers.mjs';
import { stagePackage } from './package.mjs';

const RUNS = Number(process.env.ELEMENT_RUNS || 3);
const HOLD_MS = Number(process.env.ELEMENT_HOLD_MS || 3000);
const DRAFT = JSON.stringify({ format: 1, saved: '2026-12-01T10:00:00.000Z', values: { company: 'Draft Co', cloud: 'aws' } });

/** Records, each frame, when the form first is usable and when its checks have joined. */
function watch(draft) {
  localStorage.setItem('privatelink-prep:draft:checker', draft);
  const marks = {};
  window.__plpStart = marks;
  const tick = () => {
    const root = document.querySelector('#checker')?.shadowRoot;
    const plp = root && root.querySelector('.plp');
    const input = plp && root.querySelector('input[name="company"]');
    if (!marks.usable && input && input.value === 'Draft Co' && input.getClientRects().length && !plp.closest('[hidden]')
      && getComputedStyle(input).visibility === 'visible') {
      marks.usable = performance.now();
    }
    if (!marks.verdict && plp && plp.getAttribute('data-checks') === 'ready' && !plp.hidden) marks.verdict = performance.now();
    if (!marks.verdict) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function load(browser, url, setting) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  await context.addInitScript(watch, DRAFT);
  const page = await context.newPage();
  if (setting === 'held') {
    await page.route('**/privatelink_prep_bg.wasm', async (route) => {
      await new Promise((r) => setTimeout(r, HOLD_MS));
      await route.continue().catch(() => {});
    });
  } else {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__plpStart.verdict, null, { timeout: 120_000, polling: 100 });
  const marks = await page.evaluate(() => window.__plpStart);
  await context.close();
  return marks;
}

const root = process.env.ELEMENT_START_ROOT || ROOT;
const staged = mkdtempSync(join(tmpdir(), 'plp-element-start-'));
await stagePackage(root, staged);
writeFileSync(join(staged, 'element.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Element</title><link rel="icon" href="data:,">
<script type="module" src="element.js"></script></head><body><privatelink-prep id="checker"></privatelink-prep></body></html>\n`);
const sources = await startServer({ root });
const packaged = await startServer({ root: staged });
const browser = await launchBrowser();
const ms = (x) => `${Math.round(x)} ms`;
try {
  console.log(`<privatelink-prep> from ${root}, ${RUNS} loads each`);
  for (const [from, url] of [['sources (examples/embed.html)', `${sources.origin}/examples/embed.html`], ['npm package (element.js)', `${packaged.origin}/element.html`]]) {
    for (const setting of ['held', 'mobile']) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await load(browser, url, setting));
      const stat = (k) => {
        const v = runs.map((r) => r[k]).sort((a, b) => a - b);
        return `median ${ms(v[Math.floor(v.length / 2)])} (max ${ms(v[v.length - 1])})`;
      };
      const what = setting === 'held' ? `.wasm held ${HOLD_MS} ms` : 'Lighthouse mobile throttling';
      console.log(`${from}, ${what}: usable (visible, draft back) ${stat('usable')}; first verdict ${stat('verdict')}`);
    }
  }
} finally {
  await browser.close();
  await sources.stop();
  await packaged.stop();
  rmSync(staged, { recursive: true, force: true });
}

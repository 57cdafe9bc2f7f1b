// Issue 13's before/after pictures of a built checkout (its www/pkg, from bash scripts/build.sh):
//   <name>-summary.png  the error summary after Check, 960 x 900 (a half-filled AWS request)
//   <name>-broken.png   a returning user's broken ticket: a ready draft, reloaded, then a typo in
//                       an optional field (Your network > VPC ID), at the ticket preview, 960 x 900
//   <name>-320.png      the same half-filled request at 320 x 568 right after Check
// Usage: node scripts/screenshots.mjs [--legacy] [--name after] <checkout> <out-dir>
// --legacy: the page before issue 13 (commit a6311c6), which has no "ticket was ready" note to wait
// for. The checkout is served as it is; the browser and the form filling are this repository's
// (tests/e2e/helpers.mjs), which find every control by its name, as both pages name them.
// Prints each file with its size, and any page error (a page error also makes the exit status 1).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, launchBrowser, fillForm, fillNetwork, waitForPreview, VALID_AWS } from '../tests/e2e/helpers.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { legacy: { type: 'boolean', default: false }, name: { type: 'string', default: 'after' } },
});
if (positionals.length !== 2) {
  console.error('usage: node scripts/screenshots.mjs [--legacy] [--name after] <checkout> <out-dir>');
  process.exit(2);
}
const checkout = resolve(positionals[0]);
const outDir = resolve(positionals[1]);
for (const f of ['index.html', 'www/pkg/page.js', 'www/pkg/privatelink_prep_bg.wasm']) {
  if (!existsSync(join(checkout, f))) {
    console.error(`${join(checkout, f)} is missing: run bash scripts/build.sh in ${checkout}`);
    process.exit(2);
  }
}
mkdirSync(outDir, { recursive: true });

/** What a customer has typed when they first press Check: a city for the region, the account as
 * the console shows it, no project ID, one port row with two ports in it. */
const HALF_FILLED = {
  cloud: 'aws',
  connection_type: 'unidirectional',
  company: 'Example Ltd',
  region: 'Ireland',
  account_id: '1234-5678-9012',
  plan: 'pro',
  environments: ['production'],
  ports: [{ service: 'Webserver', port: '80,443', protocol: 'tcp' }],
};

const server = await startServer({ root: checkout });
const browser = await launchBrowser();
const errors = [];
const written = [];

async function open(viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${viewport.width}px: pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${viewport.width}px: console: ${m.text()}`); });
  await page.goto(server.url);
  await page.locator('form.plp-form').first().waitFor();
  return { context, page };
}

/** The viewport as the customer sees it now (after layout and the debounced re-check settle). */
async function shoot(page, file) {
  await page.waitForTimeout(400);
  const path = join(outDir, `${opts.name}-${file}`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  written.push(`${path} (${statSync(path).size} B)`);
}

try {
  // (a) The error summary after Check: Check focuses it and brings it into view.
  {
    const { context, page } = await open({ width: 960, height: 900 });
    await fillForm(page, HALF_FILLED);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.plp-summary').waitFor();
    await shoot(page, 'summary.png');
    await context.close();
  }

  // (b) A returning user: the ticket was ready, the draft is restored on reload, then a typo in
  // an optional field. The viewport starts at the network section's field, down to the preview.
  {
    const { context, page } = await open({ width: 960, height: 900 });
    await fillForm(page, VALID_AWS);
    await waitForPreview(page, 'ready');
    await page.waitForTimeout(600); // the draft is saved
    await page.reload();
    await page.locator('form.plp-form').waitFor();
    await waitForPreview(page, 'ready');
    await fillNetwork(page, { customer_network: { vpc_id: 'vpc-12g' } });
    await waitForPreview(page, 'not-ready');
    if (!opts.legacy) await page.locator('.plp-broken').waitFor();
    // The preview's heading near the top, so its status line and what follows are in view.
    await page.locator('.plp-preview').evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 16));
    await shoot(page, 'broken.png');
    await context.close();
  }

  // (c) 320 px wide, right after Check: where Check lands.
  {
    const { context, page } = await open({ width: 320, height: 568 });
    await fillForm(page, HALF_FILLED);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.plp-summary').waitFor();
    await shoot(page, '320.png');
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

for (const w of written) console.log(w);
for (const e of errors) console.error(e);
process.exit(errors.length ? 1 : 0);

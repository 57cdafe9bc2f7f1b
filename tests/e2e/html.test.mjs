// The HTML validates (issue 6): the Nu Html Checker (npm vnu-jar, run with the machine's Java)
// finds 0 errors in index.html and in the page as the script has built it, in several states.
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT, openPage, fillForm, waitForPreview, VALID_AWS, useServerAndBrowser, toChangeForm,
} from './helpers.mjs';

const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const T = { timeout: 180_000 };

const session = useServerAndBrowser();
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plp-vnu-'));
});
after(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs vnu on the files; returns its messages (vnu exits 1 when it finds errors). */
function vnu(files) {
  let out;
  try {
    out = execFileSync('java', ['-jar', VNU, '--format', 'json', '--stdout', ...files], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20,
    });
  } catch (err) {
    if (err.code === 'ENOENT') throw new Error('java is missing: install Java 11 or later (Debian: default-jre-headless)');
    out = err.stdout;
  }
  return JSON.parse(out).messages;
}

/**
 * vnu's CSS checker (it checks the page's inline <style>) predates container queries (CSS
 * Containment Level 3, in every current browser): its "unknown" for exactly those two names is
 * not an error in the page. Any other CSS message still is.
 */
const containerQuery = (m) => /^CSS: (Unrecognized at-rule “@container”|“container-type”: Property “container-type” doesn't exist)/.test(m.message);
const isError = (m) => (m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal') && !containerQuery(m);
const show = (m) => `${m.url.split('/').pop()}:${m.lastLine}: ${m.message} [${(m.extract || '').replace(/\s+/g, ' ')}]`;

/** The live DOM of the page as an HTML document. */
const snapshot = (page) => page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);

it('vnu finds 0 errors in index.html and in the page as built in each state', T, async () => {
  const { page, context } = await openPage(session.browser, session.server);
  const states = { empty: await snapshot(page) };
  await page.getByRole('button', { name: 'Check' }).click();
  await page.locator('.plp-summary').waitFor();
  states.errors = await snapshot(page);
  await page.getByLabel('Azure (Private Link)').check();
  await page.getByLabel('Bidirectional').check();
  await page.getByRole('button', { name: 'Add a subscription ID' }).click();
  states['azure-bidirectional'] = await snapshot(page);
  await page.getByLabel('AWS (PrivateLink)').check();
  await page.getByLabel('Unidirectional').check();
  await fillForm(page, { ...VALID_AWS, company: 'Fabrikam <b>&amp;</b> "Sons"', account_id: '1234-5678-9012' });
  await waitForPreview(page, 'ready');
  states.ready = await snapshot(page);
  // Issue 13's states: a ticket broken by a typo, the new change actions, a load failure.
  await page.locator('details.plp-network > summary').click();
  await page.locator('input[name="customer_network.vpc_id"]').fill('vpc-12g');
  await page.locator('.plp-broken').waitFor();
  states.broken = await snapshot(page);
  await toChangeForm(page);
  await page.locator('select[name="changes[0].action"]').selectOption('open_ports');
  await page.getByRole('button', { name: 'Check' }).click();
  states['change-open-ports'] = await snapshot(page);
  await context.close();
  const failing = await session.browser.newContext();
  const failed = await failing.newPage();
  await failed.route('**/privatelink_prep_bg.wasm', (route) => route.fulfill({ status: 503, body: 'down' }));
  await failed.goto(session.server.url);
  await failed.locator('#app .load-error').waitFor();
  const failure = await snapshot(failed);
  await failing.close();

  const files = [join(ROOT, 'index.html')];
  states['load-failure'] = failure;
  for (const [name, html] of Object.entries(states)) {
    assert.ok(html.includes(name === 'load-failure' ? 'load-error' : 'plp-form'), `${name}: the form was rendered`);
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    files.push(file);
  }
  const messages = vnu(files);
  const errors = messages.filter(isError);
  assert.deepEqual(errors.map(show), []);
  // Warnings are printed, not failed on. Run from file: URLs, the checker takes the page's own
  // style sheet and script for other origins under the CSP's 'self'; those are counted only.
  const fileOrigin = (m) => /^Resource violates Content Security Policy/.test(m.message);
  const warnings = messages.filter((m) => !isError(m) && !fileOrigin(m) && !containerQuery(m));
  const artefacts = messages.filter(fileOrigin).length;
  console.log(`vnu: ${files.length} documents, 0 errors, ${warnings.length} warning(s), ${artefacts} file:-origin CSP notes, ${messages.filter(containerQuery).length} container-query notes`);
  if (warnings.length) console.log(`  ${warnings.map(show).join('\n  ')}`);
});

it('the vnu check itself catches invalid HTML', T, async () => {
  const bad = join(dir, 'bad.html');
  writeFileSync(bad, '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><div><p id="a">x</p><p id="a">y</span></body></html>');
  const errors = vnu([bad]).filter(isError);
  assert.ok(errors.length >= 2, `vnu found only ${errors.map(show)}`);
});

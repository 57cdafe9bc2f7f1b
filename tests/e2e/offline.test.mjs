// Offline: the single file (dist/privatelink-prep.html) from file:// with no server and no network,
// and the service worker (sw.js) that keeps the served page working offline after a first visit,
// picking up a new build when there is one.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT, startServer, openPage, fillForm, cli, cliReport, waitForPreview, VALID_AWS,
  useServerAndBrowser, pageRequest, inlineScriptRuns, formChecking,
} from './helpers.mjs';
import { writeSwManifest } from '../../scripts/build-offline.mjs';

const T = { timeout: 90_000 };
const SINGLE = join(ROOT, 'dist', 'privatelink-prep.html');
const session = useServerAndBrowser();

before(async () => {
  if (!existsSync(SINGLE)) throw new Error('dist/privatelink-prep.html is missing: run bash scripts/build.sh first');
});

const directivesOf = (csp) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const manifestOf = (root) => {
  const text = readFileSync(join(root, 'www', 'pkg', 'sw-manifest.js'), 'utf8');
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
};

describe('the single file', () => {
  it('is self-contained, with a CSP of hashes and no network at all', () => {
    const html = readFileSync(SINGLE, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)[1];
    const d = directivesOf(csp);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    assert.equal(scripts.length, 1, 'one script');
    assert.equal(scripts[0][1], ' type="module"');
    assert.equal(styles.length, 1, 'one style');
    assert.deepEqual(d['default-src'], ["'none'"]);
    assert.deepEqual(d['script-src'], [sha(scripts[0][2]), "'wasm-unsafe-eval'"]);
    assert.deepEqual(d['style-src'], [sha(styles[0][1])]);
    assert.deepEqual(d['img-src'], ['data:']);
    assert.equal(d['connect-src'], undefined, 'a file needs no connection');
    assert.doesNotMatch(csp, /'self'|unsafe-inline|'unsafe-eval'|\*|https?:/);
    assert.deepEqual([...html.matchAll(/\s(?:src|href)="(?!#|data:)([^"]*)"/g)].map((m) => m[1]), []);
    const left = /\bimport\s*\(\s*['"]|^\s*import(?:\s+[\w{*'"]|\s*[{'"])|^\s*export(?:\s+[\w{*]|\s*\{)/m.exec(scripts[0][2]);
    assert.equal(left && scripts[0][2].slice(left.index, left.index + 80), null, 'every module is inlined');
  });

  it('opened from file:// validates, renders the CLI ticket and requests nothing but itself', T, async () => {
    const url = pathToFileURL(SINGLE).href;
    const { page, context, requests, errors, dialogs } = await openPage(session.browser, null, { url });
    await fillForm(page, { ...VALID_AWS, account_id: '12345' });
    await page.getByRole('button', { name: 'Check' }).click();
    const doc = await pageRequest(page);
    const want = cliReport(doc).diagnostics.find((d) => d.field === 'account_id').message;
    assert.deepEqual(await page.locator('[data-field="account_id"] .plp-msg-message').allTextContents(), [want]);
    assert.deepEqual(await page.locator('.plp-summary a').allTextContents(), [want]);

    await page.locator('input[name="account_id"]').fill(VALID_AWS.account_id);
    await waitForPreview(page, 'ready');
    const text = page.locator('.plp-panel[data-format="text"]');
    const shown = `Subject: ${await text.locator('[data-part="subject"]').textContent()}\n\n${await text.locator('[data-part="body"]').textContent()}`;
    assert.equal(shown, cli(['ticket', '--format', 'text'], await pageRequest(page)).stdout);

    // The policy holds: inline script added later does not run.
    assert.equal(await inlineScriptRuns(page), false);
    assert.deepEqual(requests, [url], 'no request but the file itself');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e) || !/inline/.test(e)), []);
    await context.close();
  });
});

describe('the service worker', () => {
  it('after a first visit, the page works offline, draft included', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const { version, files } = manifestOf(ROOT);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`privatelink-prep-${version}`]);
    const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), `privatelink-prep-${version}`);
    assert.deepEqual(cached.sort(), files.map((f) => new URL(f, `${session.server.origin}/`).pathname).sort());
    // What the page loads, the bundle and not its sources: the page (its stylesheet inlined),
    // its one script, the favicon and the optimised module(s).
    for (const f of ['/', '/index.html', '/www/pkg/page.js', '/www/pkg/privatelink_prep_bg.wasm', '/www/favicon.svg']) {
      assert.ok(cached.includes(f), `${f} is precached`);
    }
    assert.deepEqual(cached.filter((f) => /^\/www\/[^/]+\.(js|css)$/.test(f)), [], 'no source module or stylesheet is precached');

    await fillForm(page, { ...VALID_AWS, account_id: '12345' });
    await page.waitForFunction(() => document.querySelector('.plp-work-status').textContent === 'Saved in this browser only.');
    await context.setOffline(true);
    assert.equal(await page.evaluate(() => fetch('/README.md').then(() => 'fetched', () => 'failed')), 'failed', 'the network is really off');
    await page.reload();
    await formChecking(page);
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '12345', 'the draft is back');
    await page.getByRole('button', { name: 'Check' }).click();
    const doc = await pageRequest(page);
    const want = cliReport(doc).diagnostics.find((d) => d.field === 'account_id').message;
    assert.deepEqual(await page.locator('[data-field="account_id"] .plp-msg-message').allTextContents(), [want]);
    await page.locator('input[name="account_id"]').fill(VALID_AWS.account_id);
    await waitForPreview(page, 'ready');
    assert.deepEqual(errors.filter((e) => !e.includes('README.md') && !e.includes('ERR_INTERNET_DISCONNECTED')), []);
    await context.close();
  });

  it('a new build is a new version: the worker takes it, and deletes the old cache', T, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plp-sw-'));
    let copy;
    let context;
    try {
      for (const f of ['index.html', 'sw.js', 'www']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
      const first = writeSwManifest(dir);
      copy = await startServer({ root: dir });
      const opened = await openPage(session.browser, copy);
      context = opened.context;
      const { page } = opened;
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      assert.deepEqual(await page.evaluate(() => caches.keys()), [`privatelink-prep-${first.version}`]);

      // The next build: a changed page and a new manifest.
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      writeFileSync(join(dir, 'index.html'), html.replace('<title>', '<meta name="x-build" content="second">\n  <title>'));
      const second = writeSwManifest(dir);
      assert.notEqual(second.version, first.version);
      // http.server's Last-Modified has whole seconds: a build within the same second as the first
      // would be answered 304 to the browser's update check. A real next build is later; say so.
      const later = new Date(Date.now() + 5000);
      for (const f of ['index.html', 'www/pkg/sw-manifest.js']) utimesSync(join(dir, f), later, later);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      // The new worker installs, activates and deletes the old cache: only the new one is left.
      const want = JSON.stringify([`privatelink-prep-${second.version}`]);
      for (let i = 0; i < 300 && JSON.stringify(await page.evaluate(() => caches.keys())) !== want; i++) await page.waitForTimeout(100);
      assert.equal(JSON.stringify(await page.evaluate(() => caches.keys())), want);
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).active.state), 'activated');
      await page.reload();
      await formChecking(page);
      assert.equal(await page.locator('meta[name="x-build"]').count(), 1, 'the new page is served');
      await context.setOffline(true);
      await page.reload();
      await formChecking(page);
      assert.equal(await page.locator('meta[name="x-build"]').count(), 1, 'and cached for offline use');
    } finally {
      await context?.close();
      await copy?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

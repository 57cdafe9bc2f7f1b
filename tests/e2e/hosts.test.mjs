// The npm package in two real hosts, each built by its own tool and served from a sub-path:
// - a fresh Vite app (tests/hosts/vite, Vite pinned in its lockfile; scripts/setup.sh installs it)
//   installs the tarball by path, imports privatelink-prep/element, type-checks against the
//   package's types, is built with base /portal/app/ under a strict CSP and driven in Chromium;
// - an MkDocs + Material site (tests/hosts/mkdocs, pinned in requirements.txt, in a venv that
//   scripts/setup.sh makes) embeds the element on one page through the package's files (element.js
//   and the .wasm under docs/assets/vendor/), is built and served under /portal/docs/; the theme's
//   CSS must leave the form as it is on a bare page.
// In both: the form renders, the core's message shows for a bad value, and privatelink-ticket
// fires with the CLI's ticket.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchBrowser, startServer } from './helpers.mjs';
import { TARBALL, assertCheckerWorks, formStyles, openHost, unpackPackage } from './hosts.mjs';

const T = { timeout: 180_000 };
const VITE_APP = join(ROOT, 'tests/hosts/vite');
const MKDOCS_SITE = join(ROOT, 'tests/hosts/mkdocs');
const MKDOCS = join(MKDOCS_SITE, '.venv/bin/mkdocs');
const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
const cleanup = [];
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  for (const fn of cleanup.reverse()) await fn();
});

/** A fresh temporary directory, removed after the file's tests. */
function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Serves `root` for the rest of the file's tests. */
async function serve(root) {
  const server = await startServer({ root });
  cleanup.push(() => server.stop());
  return server;
}

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('a fresh Vite app with the package installed by path', () => {
  it('builds, and the built site runs the element under a strict CSP from /portal/app/', T, async () => {
    assert.ok(existsSync(join(VITE_APP, 'node_modules/.bin/vite')), 'Vite is missing: run bash scripts/setup.sh all');
    // npm install <tarball>, as a portal would (not saved: the tarball changes with every build).
    rmSync(join(VITE_APP, 'node_modules/privatelink-prep'), { recursive: true, force: true });
    run('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', TARBALL], VITE_APP);
    const unpacked = tempDir('plp-pkg-');
    unpackPackage(unpacked, ['element.js']);
    assert.equal(readFileSync(join(VITE_APP, 'node_modules/privatelink-prep/element.js'), 'utf8'),
      readFileSync(join(unpacked, 'element.js'), 'utf8'), 'the app has the element from this tarball');
    // The package's types, as the portal's TypeScript sees them through "exports".
    run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', VITE_APP], ROOT);

    const site = tempDir('plp-vite-site-');
    const out = join(site, 'portal/app');
    run(join(VITE_APP, 'node_modules/.bin/vite'), ['build', '--outDir', out], VITE_APP);
    const assets = readdirSync(join(out, 'assets'));
    // The core and the evidence module (fetched only when a form first uses evidence).
    assert.deepEqual(assets.filter((f) => f.endsWith('.wasm')).map((f) => f.replace(/-[\w-]+\.wasm$/, '.wasm')).sort(),
      ['privatelink_prep_bg.wasm', 'privatelink_prep_evidence_bg.wasm'], `Vite emitted the two .wasm: ${assets}`);
    assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes(CSP), 'the built page keeps its CSP');

    const server = await serve(site);
    const { context, page, el, requests, errors } = await openHost(browser, `${server.origin}/portal/app/index.html`);
    const ticket = await assertCheckerWorks(page, el);
    assert.equal(await page.locator('#portal-events').textContent(), `Ticket ready: ${ticket.detail.ticket.subject}`);
    assert.equal(await el.evaluate((n) => n.shadowRoot.adoptedStyleSheets.length), 1, 'the element\'s CSS applies');
    assert.deepEqual(await page.evaluate(() => window.__plp.violations), []);
    const wasm = requests.filter((u) => u.endsWith('.wasm'));
    assert.equal(wasm.length, 1);
    assert.match(new URL(wasm[0]).pathname, /^\/portal\/app\/assets\/privatelink_prep_bg-[\w-]+\.wasm$/);
    assert.deepEqual(requests.filter((u) => !u.startsWith(`${server.origin}/portal/app/`)), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('an MkDocs + Material site embedding the element on one page', () => {
  it('builds, runs the element from its files under /portal/docs/, and its CSS leaves the form as on a bare page', T, async () => {
    assert.ok(existsSync(MKDOCS), 'MkDocs is missing: run bash scripts/setup.sh all');
    // The page is README.md's MkDocs example, so the documented example is the tested one.
    const example = /\*\*In a documentation generator: MkDocs[\s\S]*?```md\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    assert.ok(example, 'README.md has the MkDocs example');
    const page = readFileSync(join(MKDOCS_SITE, 'docs/private-networking.md'), 'utf8');
    for (const block of example[1].split('\n\n')) assert.ok(page.includes(block.trim()), `the docs page has README.md's ${block.trim()}`);
    const work = tempDir('plp-mkdocs-');
    cpSync(join(MKDOCS_SITE, 'mkdocs.yml'), join(work, 'mkdocs.yml'));
    cpSync(join(MKDOCS_SITE, 'docs'), join(work, 'docs'), { recursive: true });
    const vendor = 'assets/vendor/privatelink-prep';
    unpackPackage(join(work, 'docs', vendor), ['element.js', 'privatelink_prep_bg.wasm']);
    const site = join(work, 'out');
    run(MKDOCS, ['build', '--strict', '--quiet', '-f', join(work, 'mkdocs.yml'), '-d', join(site, 'portal/docs')], work);
    const html = readFileSync(join(site, 'portal/docs/private-networking/index.html'), 'utf8');
    assert.match(html, /<privatelink-prep id="docs-checker" theme="light"><\/privatelink-prep>/, 'the page has the element as raw HTML');
    assert.match(html, /class="md-typeset"|md-content/, 'built with the Material theme');
    // A bare page with the same files: what the form looks like with no host CSS.
    writeFileSync(join(site, 'bare.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title>
<link rel="icon" href="data:,"><script type="module" src="/portal/docs/${vendor}/element.js"></script></head>
<body><privatelink-prep theme="light"></privatelink-prep></body></html>\n`);

    const server = await serve(site);
    const docs = await openHost(browser, `${server.origin}/portal/docs/private-networking/`);
    const ticket = await assertCheckerWorks(docs.page, docs.el);
    assert.equal(ticket.detail.request.account_id, '123456789012');
    // Material's CSS does not reach into the form: every control's computed style is the bare
    // page's, given the same root font size (Material's 125 %, which rem follows by design).
    const bare = await openHost(browser, `${server.origin}/bare.html`);
    await bare.el.getByRole('button', { name: 'Check' }).waitFor();
    const rootSize = await docs.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await bare.page.evaluate((size) => { document.documentElement.style.fontSize = size; }, rootSize);
    const [inDocs, onBare] = [await formStyles(docs.el), await formStyles(bare.el)];
    assert.ok(Object.values(onBare).every(Boolean), JSON.stringify(onBare));
    assert.deepEqual(inDocs, onBare);
    // And the form fits the article: no overflow, controls visible.
    const fit = await docs.el.evaluate((n) => {
      const article = n.closest('article').getBoundingClientRect();
      const box = n.getBoundingClientRect();
      return { inside: box.left >= article.left - 1 && box.right <= article.right + 1, width: box.width, scroll: n.scrollWidth <= n.clientWidth + 1 };
    });
    assert.deepEqual({ inside: fit.inside, scroll: fit.scroll }, { inside: true, scroll: true });
    assert.ok(fit.width > 300, `the form is ${fit.width}px wide`);
    assert.equal(await docs.el.locator('input[name="company"]').isVisible(), true);
    // The element's files came from the docs' vendor folder; nothing left the origin.
    assert.ok(docs.requests.includes(`${server.origin}/portal/docs/${vendor}/privatelink_prep_bg.wasm`));
    assert.deepEqual(docs.requests.filter((u) => !u.startsWith(`${server.origin}/`)), []);
    assert.deepEqual(docs.errors, []);
    assert.deepEqual(bare.errors, []);
    await docs.context.close();
    await bare.context.close();
  });
});

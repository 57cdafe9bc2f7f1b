// The Content-Security-Policy of every way the page is opened (issue 6): the served page, the
// example host page of the element, and the single file from disk. Each policy is read from the
// loaded document and checked directive by directive, then probed: inline script, a connection
// and an image to another origin are all refused by the browser, and no request leaves.
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, openPage, useServerAndBrowser } from './helpers.mjs';

const T = { timeout: 60_000 };
const SINGLE = join(ROOT, 'dist', 'privatelink-prep.html');
const session = useServerAndBrowser();
// Another origin on loopback that counts what reaches it: if the policy let anything through,
// it would arrive here.
const hits = [];
const other = createServer((req, res) => { hits.push(req.url); res.end('x'); });
let elsewhere;
before(async () => {
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  elsewhere = `http://127.0.0.1:${other.address().port}`;
});
after(async () => {
  other.close();
});

/** 'self', 'wasm-unsafe-eval' and hashes are the only script sources a page may have. */
const SCRIPT_OK = /^('self'|'wasm-unsafe-eval'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/;

async function checkPolicy(page, where) {
  const found = await page.evaluate(() => {
    const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')];
    const first = document.head.querySelector('meta[http-equiv="Content-Security-Policy" i], script, link, style');
    return { policies: metas.map((m) => m.content), first: first && first.tagName };
  });
  assert.equal(found.policies.length, 1, `${where}: one CSP meta tag`);
  assert.equal(found.first, 'META', `${where}: the policy comes before any script, style or link`);
  const csp = found.policies[0];
  const d = Object.fromEntries(csp.split(';').map((x) => x.trim()).filter(Boolean)
    .map((x) => x.split(/\s+/)).map(([k, ...v]) => [k.toLowerCase(), v]));
  assert.deepEqual(d['default-src'], ["'none'"], `${where}: default-src 'none' in ${csp}`);
  const script = d['script-src'];
  assert.ok(script && script.length, `${where}: script-src is set`);
  for (const s of script) assert.match(s, SCRIPT_OK, `${where}: script-src allows ${s}`);
  assert.ok(!script.includes("'unsafe-inline'") && !script.includes("'unsafe-eval'"));
  const connect = d['connect-src'] || d['default-src'];
  assert.ok(["'self'", "'none'"].includes(connect.join(' ')), `${where}: connect-src ${connect}`);
  for (const [k, v] of Object.entries(d)) {
    for (const s of v) assert.doesNotMatch(s, /^(\*|https?:|ws:|wss:|blob:|'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic')/, `${where}: ${k} allows ${s}`);
  }
  assert.deepEqual(d['base-uri'], ["'none'"], `${where}: base-uri`);
  assert.deepEqual(d['form-action'], ["'none'"], `${where}: form-action`);
  return csp;
}

/** Tries what the policy must refuse; resolves to the violated directives and what ran. */
function probe(page) {
  return page.evaluate(async (elsewhere) => {
    const violated = [];
    document.addEventListener('securitypolicyviolation', (e) => violated.push(e.effectiveDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = 1';
    document.body.append(s);
    let fetched = 'blocked';
    try {
      await fetch(`${elsewhere}/leak`, { mode: 'no-cors' });
      fetched = 'sent';
    } catch { /* refused */ }
    await new Promise((resolve) => {
      const img = new Image();
      img.onload = resolve;
      img.onerror = resolve;
      img.src = `${elsewhere}/pixel.png`;
    });
    await new Promise((r) => setTimeout(r, 100));
    return { violated: [...new Set(violated)].sort(), inline: window.__inlineRan, fetched };
  }, elsewhere);
}

const PAGES = [
  ['index.html (served)', () => session.server.url],
  ['examples/embed.html (served)', () => `${session.server.origin}/examples/embed.html`],
  ['dist/privatelink-prep.html (file://)', () => pathToFileURL(SINGLE).href, !existsSync(SINGLE)],
];

for (const [where, url, missing] of PAGES) {
  it(`${where}: a strict policy that the browser enforces`, {
    ...T,
    skip: missing && 'dist/privatelink-prep.html is not built (scripts/build.sh writes it)',
  }, async () => {
    const { page, context } = await openPage(session.browser, session.server, { url: url() });
    hits.length = 0;
    await checkPolicy(page, where);
    const result = await probe(page);
    assert.equal(result.inline, undefined, `${where}: an inline script ran`);
    assert.equal(result.fetched, 'blocked', `${where}: a connection to another origin was allowed`);
    for (const directive of ['script-src-elem', 'connect-src', 'img-src']) {
      assert.ok(result.violated.includes(directive), `${where}: no ${directive} violation in ${result.violated}`);
    }
    assert.deepEqual(hits, [], `${where}: a request reached another origin`);
    await context.close();
  });
}

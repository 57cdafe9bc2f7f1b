// The npm package (dist/npm/privatelink-prep-<version>.tgz, scripts/package.mjs): its files and
// package.json, custom-elements.json valid against the Custom Elements Manifest schema and equal
// to what the sources say now, and the package's files served from a plain host page under
// /assets/vendor/privatelink-prep/ with the strict CSP a portal has: the element works there, finds
// its .wasm, applies its CSS, and is what its manifest says (attributes, methods, fields, events).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ROOT, cliReport, launchBrowser, startServer, VALID_AWS, documentFor } from './helpers.mjs';
import { assertCheckerWorks, openHost, packageFiles, unpackPackage } from './hosts.mjs';
import { crateInfo } from '../../scripts/package.mjs';
import { customElementsManifest } from '../../scripts/custom-elements.mjs';

const T = { timeout: 90_000 };
const VENDOR = 'assets/vendor/privatelink-prep';
const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const FILES = ['LICENSE', 'README.md', 'custom-elements.json', 'element.d.ts', 'element.js', 'index.d.ts', 'index.js',
  'package.json', 'privatelink-prep.html', 'privatelink_prep.d.ts', 'privatelink_prep_bg.wasm',
  'privatelink_prep_evidence.d.ts', 'privatelink_prep_evidence_bg.wasm'].sort();

let dir;
let server;
let browser;
const read = (f) => readFileSync(join(dir, VENDOR, f), 'utf8');
const manifest = () => JSON.parse(read('custom-elements.json'));
const elementDecl = () => manifest().modules.find((m) => m.path === 'element.js').declarations.find((d) => d.customElement);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plp-host-'));
  unpackPackage(join(dir, VENDOR));
  // A portal's page: its own script and stylesheet files, the package's element by a script tag.
  writeFileSync(join(dir, 'portal.css'), 'body { font: 17px/1.5 Georgia, serif; margin: 2rem; } label, input { color: green !important; }\n');
  writeFileSync(join(dir, 'portal.js'), `document.addEventListener('privatelink-ticket', (e) => {
  document.getElementById('portal-events').textContent = 'Ticket ready: ' + e.detail.ticket.subject;
});\n`);
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${CSP}">
  <title>Portal</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/portal.css">
  <script type="module" src="/${VENDOR}/element.js"></script>
  <script src="/portal.js"></script>
</head>
<body>
  <main><h1>Private networking</h1><privatelink-prep id="plp"></privatelink-prep><p id="portal-events"></p></main>
</body>
</html>
`);
  server = await startServer({ root: dir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the two entry points, their types, the .wasm, the single file, the manifest, a README and the license', () => {
    assert.deepEqual(packageFiles(), FILES);
    const pkg = JSON.parse(read('package.json'));
    const info = crateInfo(ROOT);
    assert.equal(pkg.name, 'privatelink-prep');
    assert.equal(pkg.version, info.version);
    assert.equal(pkg.license, info.license);
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.customElements, './custom-elements.json');
    assert.deepEqual(pkg.exports['.'], { types: './index.d.ts', default: './index.js' });
    assert.deepEqual(pkg.exports['./element'], { types: './element.d.ts', default: './element.js' });
    for (const target of Object.values(pkg.exports)) {
      for (const f of typeof target === 'string' ? [target] : Object.values(target)) {
        assert.ok(FILES.includes(f.replace(/^\.\//, '')), `exports name ${f}, which the tarball has`);
      }
    }
    assert.ok(pkg.exports['./privatelink_prep_bg.wasm'] && pkg.exports['./privatelink-prep.html']);
    // Each bundle is one module that imports nothing: the element is one request, then its .wasm.
    for (const f of ['element.js', 'index.js']) {
      assert.doesNotMatch(read(f), /(^|[;}])\s*import\s*[{*"'\w]|\bimport\((?!\s*["'`]?data:)/, `${f} imports nothing`);
      assert.match(read(f), /new URL\("\.\/privatelink_prep_bg\.wasm",import\.meta\.url\)/, `${f} finds the .wasm beside itself`);
    }
    // The types name the package's own files, not the repository's.
    assert.doesNotMatch(read('element.d.ts'), /\.\/pkg\//);
    assert.match(read('element.d.ts'), /from '\.\/privatelink_prep\.js'/);
    assert.equal(readFileSync(join(dir, VENDOR, 'privatelink_prep_bg.wasm')).equals(readFileSync(join(ROOT, 'www/pkg/privatelink_prep_bg.wasm'))), true);
    // The evidence module (issue 14), fetched beside element.js on first use only.
    assert.equal(readFileSync(join(dir, VENDOR, 'privatelink_prep_evidence_bg.wasm')).equals(readFileSync(join(ROOT, 'www/pkg/privatelink_prep_evidence_bg.wasm'))), true);
    assert.match(read('element.js'), /new URL\("\.\/privatelink_prep_evidence_bg\.wasm",import\.meta\.url\)/, 'element.js finds the evidence .wasm beside itself');
    assert.equal(read('privatelink-prep.html'), readFileSync(join(ROOT, 'dist/privatelink-prep.html'), 'utf8'));
    // The README carries the main README's portal section and the reference from the manifest.
    const readme = read('README.md');
    const section = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n## Use it in your portal\n')[1].split('<!-- The npm package')[0].trim();
    assert.ok(section.includes('npm install') && readme.includes(section), 'README.md has the "Use it in your portal" section');
    assert.doesNotMatch(readme, /scripts\/|tests\//, 'the package README says nothing of this repository');
    for (const a of elementDecl().attributes) assert.ok(readme.includes(`| \`${a.name}\` |`), `the README lists ${a.name}`);
  });

  it('has a custom-elements.json valid against the Custom Elements Manifest schema and current with the sources', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/custom-elements-manifest/schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(manifest());
    assert.equal(ok, true, JSON.stringify(validate.errors, null, 2));
    assert.equal(manifest().schemaVersion, JSON.parse(readFileSync(join(ROOT, 'node_modules/custom-elements-manifest/package.json'), 'utf8')).version);
    // Built from the current www/privatelink-prep.d.ts and stylesheets (else: run the build).
    assert.deepEqual(manifest(), customElementsManifest(ROOT));
    const el = elementDecl();
    assert.equal(el.tagName, 'privatelink-prep');
    assert.deepEqual(el.events.map((e) => [e.name, e.type.text]), [
      ['privatelink-change', 'CustomEvent<PrivateLinkChangeDetail>'],
      ['privatelink-ticket', 'CustomEvent<PrivateLinkTicketDetail>'],
    ]);
    assert.ok(el.cssProperties.length >= 20 && el.cssProperties.every((p) => p.name.startsWith('--plp-') && p.description));
    // A schema check that can fail: a manifest without its schemaVersion is refused.
    assert.equal(validate({ modules: [] }), false);
  });
});

describe('the package in a plain host page (script tag, /assets/vendor/, strict CSP)', () => {
  it('renders, shows the core messages, fires privatelink-ticket with the CLI ticket, with no CSP violation', T, async () => {
    const { context, page, el, requests, errors } = await openHost(browser, `${server.origin}/index.html`);
    const ticket = await assertCheckerWorks(page, el);
    assert.equal(await page.locator('#portal-events').textContent(), `Ticket ready: ${ticket.detail.ticket.subject}`);
    // Its CSS is in: constructed, adopted, nothing linked or inlined; the host's rules stay out.
    const styles = await el.evaluate((n) => ({
      adopted: n.shadowRoot.adoptedStyleSheets.length,
      nodes: n.shadowRoot.querySelectorAll('link, style').length,
      primary: getComputedStyle(n.shadowRoot.querySelector('.plp-primary')).backgroundColor,
      label: getComputedStyle(n.shadowRoot.querySelector('label')).color,
    }));
    assert.deepEqual({ adopted: styles.adopted, nodes: styles.nodes }, { adopted: 1, nodes: 0 });
    assert.equal(styles.primary, 'rgb(11, 92, 173)');
    assert.notEqual(styles.label, 'rgb(0, 128, 0)');
    assert.deepEqual(await page.evaluate(() => window.__plp.violations), []);
    // The page's files and the .wasm beside element.js, and nothing else.
    const files = [...new Set(requests.map((u) => new URL(u).pathname))].sort();
    assert.deepEqual(files, ['/index.html', `/${VENDOR}/element.js`, `/${VENDOR}/privatelink_prep_bg.wasm`, '/portal.css', '/portal.js'].sort());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is what custom-elements.json says: attributes, methods, fields, events and CSS properties', T, async () => {
    const { context, page, el, errors } = await openHost(browser, `${server.origin}/index.html`);
    const decl = elementDecl();
    const live = await el.evaluate((n) => {
      const cls = customElements.get('privatelink-prep');
      const proto = cls.prototype;
      const lifecycle = new Set(['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback']);
      return {
        observed: cls.observedAttributes,
        methods: Object.getOwnPropertyNames(proto).filter((k) => !lifecycle.has(k) && typeof Object.getOwnPropertyDescriptor(proto, k).value === 'function').sort(),
        fields: Object.keys(n).sort(),
        css: [...new Set([...n.shadowRoot.adoptedStyleSheets[0].cssRules].flatMap(function walk(r) {
          return [...(r.cssText.match(/var\(--plp-[a-z0-9-]+/g) || []).map((v) => v.slice(4)), ...[...(r.cssRules || [])].flatMap(walk)];
        }))].sort(),
        hostAttrs: [...new Set([...n.shadowRoot.adoptedStyleSheets[0].cssRules].flatMap((r) => (r.cssText.match(/:host\(\[([a-z-]+)/g) || []).map((m) => m.slice(7))))].sort(),
      };
    });
    const attrs = decl.attributes.map((a) => a.name).sort();
    // Every attribute is read (observed, or styled by :host([attr])), and every one read is listed.
    assert.deepEqual([...new Set([...live.observed, ...live.hostAttrs.filter((a) => a !== 'hidden')])].sort(), attrs);
    assert.deepEqual(live.methods, decl.members.filter((m) => m.kind === 'method').map((m) => m.name).sort());
    for (const f of decl.members.filter((m) => m.kind === 'field')) assert.ok(live.fields.includes(f.name), `the element has ${f.name}`);
    assert.deepEqual(live.css, decl.cssProperties.map((p) => p.name).sort());
    for (const m of decl.members.filter((x) => x.kind === 'method')) {
      assert.equal(await el.evaluate((n, name) => n[name].length, m.name), m.parameters.filter((p) => !p.optional).length, `${m.name}'s parameters`);
    }

    // Every event it fires is listed, with the detail fields the manifest names.
    await assertCheckerWorks(page, el);
    const fired = await page.evaluate(() => window.__plp.events.map((e) => [e.type, Object.keys(e.detail).sort()]));
    const listed = Object.fromEntries(decl.events.map((e) => [e.name,
      /detail: \{ (.*) \}\.$/.exec(e.description)[1].split('; ').map((f) => f.split(':')[0]).sort()]));
    assert.deepEqual([...new Set(fired.map(([type]) => type))].sort(), Object.keys(listed).sort());
    for (const [type, keys] of fired) assert.deepEqual(keys, listed[type], `${type}'s detail`);

    // A CSS custom property set by the host reaches in.
    await el.evaluate((n) => n.style.setProperty('--plp-accent', 'rgb(1, 2, 3)'));
    assert.equal(await el.evaluate((n) => getComputedStyle(n.shadowRoot.querySelector('.plp-primary')).backgroundColor), 'rgb(1, 2, 3)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('gives the core API from privatelink-prep (index.js): the element\'s own core, one .wasm fetch', T, async () => {
    const { context, page, requests, errors } = await openHost(browser, `${server.origin}/index.html`);
    const doc = documentFor({ ...VALID_AWS, account_id: '12345' });
    const report = await page.evaluate(async ([url, d]) => {
      const { load } = await import(url);
      const core = await load();
      const el = document.querySelector('privatelink-prep');
      await el.ready;
      return { report: core.validate(d), same: (await load()) === core, element: el.api === core };
    }, [`${server.origin}/${VENDOR}/index.js`, doc]);
    assert.equal(report.same, true);
    assert.equal(report.element, true, 'index.js and element.js share one core');
    assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1);
    assert.deepEqual(report.report, cliReport(doc));
    assert.ok(requests.includes(`${server.origin}/${VENDOR}/index.js`));
    assert.deepEqual(await page.evaluate(() => window.__plp.violations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

#!/usr/bin/env node
// The npm package for documentation portals, run by scripts/package.sh (and so by scripts/build.sh,
// after www/pkg, the page's bundle and dist/privatelink-prep.html are written):
//
//   dist/npm/privatelink-prep-<version>.tgz     written by `npm pack` from a staging directory:
//     element.js       `privatelink-prep/element`: defines <privatelink-prep>. ONE minified ES module:
//                      www/privatelink-prep.js and all it imports, the glue included, with the
//                      element's CSS (www/style.css, work.css, element.css, minified) inlined and
//                      adopted as a constructed stylesheet (www/element-styles.js is swapped for
//                      that), so no stylesheet request and nothing a style-src CSP blocks. The glue
//                      finds the .wasm with new URL('./privatelink_prep_bg.wasm', import.meta.url):
//                      beside the module wherever it is served, and bundlers (Vite, webpack, ...)
//                      see that pattern and emit the .wasm as an asset.
//     index.js         `privatelink-prep`: load() (www/core.js and the glue), without the element.
//                      Both bundles keep the loaded core on globalThis (a symbol named for the
//                      version): a page with both has one core.
//     element.d.ts, index.d.ts, privatelink_prep.d.ts   types of each entry; the core's are the
//                      generated www/pkg/privatelink_prep.d.ts (and privatelink_prep_evidence.d.ts,
//                      the evidence module's, which element.d.ts's loadEvidence() names).
//     privatelink_prep_bg.wasm         the optimised core (www/pkg).
//     privatelink_prep_evidence_bg.wasm  the evidence module (www/pkg): element.js bundles its glue
//                      (www/evidence.js imports it) and fetches it, beside the module like the core,
//                      only when a form first uses evidence. index.js does not use it.
//     privatelink-prep.html            the single offline file (dist/privatelink-prep.html).
//     custom-elements.json             scripts/custom-elements.mjs.
//     README.md        for portals: README.md's "Use it in your portal" section (down to its
//                      marker comment) and a reference written from custom-elements.json.
//     LICENSE, package.json            name privatelink-prep, version, description and license
//                                      from Cargo.toml.
//
// Prints the tarball's files with their sizes, raw and gzip -9, and each entry point's total.
//
//   node scripts/package.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { bundleCss, JS_TARGET } from './bundle.mjs';
import { customElementsManifest, ELEMENT_STYLES } from './custom-elements.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NAME = 'privatelink-prep';
export const OUT_DIR = 'dist/npm';
const WASM = 'privatelink_prep_bg.wasm';
/** The evidence module (issue 14): element.js bundles its glue and fetches it on first use. */
const EVIDENCE_WASM = 'privatelink_prep_evidence_bg.wasm';
const SINGLE_FILE = 'dist/privatelink-prep.html';
const ELEMENT_ENTRY = 'www/privatelink-prep.js';
const ELEMENT_STYLES_MODULE = 'www/element-styles.js';
const README_SECTION = 'Use it in your portal';
/** Where the package's part of that section ends (what follows is about this repository). */
const README_END = "<!-- The npm package's README.md is this section down to here";

/** name, version, description and license of the crate (Cargo.toml's [package]). */
export function crateInfo(root = ROOT) {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const section = /^\[package\]\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml);
  if (!section) throw new Error('Cargo.toml has no [package]');
  const field = (key) => {
    const m = new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(section[1]);
    if (!m) throw new Error(`Cargo.toml: no ${key} in [package]`);
    return m[1];
  };
  return { version: field('version'), description: field('description'), license: field('license') };
}

/** The tarball's path, relative to the repository. */
export function tarballPath(root = ROOT) {
  return `${OUT_DIR}/${NAME}-${crateInfo(root).version}.tgz`;
}

/** esbuild plugin: www/element-styles.js becomes a module that adopts `css` as one shared sheet. */
function inlineStyles(root, css) {
  const target = join(root, ELEMENT_STYLES_MODULE);
  return {
    name: 'plp-inline-styles',
    setup(build) {
      build.onLoad({ filter: /element-styles\.js$/ }, (args) => {
        if (args.path !== target) return undefined;
        return {
          loader: 'js',
          contents: `const CSS = ${JSON.stringify(css)};
let sheet = null;
export function elementStyles(root) {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== sheet), sheet];
    return { nodes: [], ready: Promise.resolve() };
  }
  // Browsers without constructed stylesheets: a <style> (which a style-src CSP without
  // 'unsafe-inline' blocks; those browsers predate 2023).
  const style = document.createElement('style');
  style.textContent = CSS;
  return { nodes: [style], ready: Promise.resolve() };
}
`,
        };
      });
    },
  };
}

/**
 * esbuild plugin: every import of www/core.js gets a wrapper whose load() keeps its promise on
 * globalThis under a symbol named for this version, so element.js and index.js, two bundles with a
 * glue each, share ONE core (and one .wasm fetch) on a page that has both. A failed load is not
 * kept, so a later call tries again, as www/core.js's own load() does.
 */
function sharedCore(root, version) {
  const core = join(root, 'www/core.js');
  const NS = 'plp-shared-core';
  return {
    name: 'plp-shared-core',
    setup(build) {
      build.onResolve({ filter: /core\.js$/ }, (args) => {
        if (args.namespace === NS || !args.resolveDir || resolve(args.resolveDir, args.path) !== core) return undefined;
        return { path: core, namespace: NS };
      });
      build.onLoad({ filter: /.*/, namespace: NS }, () => ({
        resolveDir: join(root, 'www'),
        loader: 'js',
        contents: `import { load as loadOwn } from ${JSON.stringify(core)};
export { inlined } from ${JSON.stringify(core)};
const KEY = Symbol.for(${JSON.stringify(`privatelink-prep.core@${version}`)});
export function load() {
  if (!globalThis[KEY]) {
    const loading = loadOwn();
    globalThis[KEY] = loading;
    loading.catch(() => { if (globalThis[KEY] === loading) delete globalThis[KEY]; });
  }
  return globalThis[KEY];
}
`,
      }));
    },
  };
}

/** Bundles one entry (a file, or `stdin` source) into one minified ES module that imports nothing. */
async function bundle(root, { entry, stdin, plugins = [] }) {
  const result = await esbuild.build({
    absWorkingDir: root,
    ...(entry ? { entryPoints: [join(root, entry)] } : { stdin }),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: JS_TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  const left = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  if (left.length) throw new Error(`${entry || 'index'} still imports ${left.join(', ')}`);
  let code = result.outputFiles[0].text;
  // The glue's new URL('<name>_bg.wasm', import.meta.url), made explicitly relative: the form
  // bundlers recognise as an asset reference, and the same URL in a browser.
  const glueUrl = /new URL\((["'])privatelink_prep_bg\.wasm\1,\s*import\.meta\.url\)/g;
  const n = (code.match(glueUrl) || []).length;
  if (n !== 1) throw new Error(`${entry || 'index'}: expected one new URL('${WASM}', import.meta.url), found ${n}`);
  code = code.replace(glueUrl, `new URL("./${WASM}",import.meta.url)`);
  // The evidence glue's, where the entry has it (element.js): at most one, made relative too.
  const evidenceUrl = /new URL\((["'])privatelink_prep_evidence_bg\.wasm\1,\s*import\.meta\.url\)/g;
  const e = (code.match(evidenceUrl) || []).length;
  if (e > 1) throw new Error(`${entry || 'index'}: expected at most one new URL('${EVIDENCE_WASM}', import.meta.url), found ${e}`);
  code = code.replace(evidenceUrl, `new URL("./${EVIDENCE_WASM}",import.meta.url)`);
  return code;
}

/** The package README: the main README's portal section, then a reference from the manifest. */
export function packageReadme(root, manifest, info, sizes) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${README_SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${README_SECTION}" section`);
  const rest = readme.slice(start + 1);
  const end = rest.indexOf('\n## ', 4);
  let body = (end < 0 ? rest : rest.slice(0, end)).replace(/^## .*\n/, '');
  const cut = body.indexOf(README_END);
  if (cut < 0) throw new Error(`README.md's "${README_SECTION}" section has no ${README_END} line`);
  body = body.slice(0, cut).trim();
  const el = manifest.modules[0].declarations[0];
  const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
  return `# ${NAME}

${info.description} Everything runs in the browser: a WebAssembly core, and nothing typed ever
leaves the page. This package is for documentation portals: the \`<${el.tagName}>\` element, the
core's API, and the single offline page.

${body}

## Sizes

${table(['File', 'Bytes', 'gzip -9'], sizes.map((f) => [`\`${f.path}\``, f.raw, f.gzip]))}

## Reference (from custom-elements.json)

### Attributes

${table(['Attribute', 'Type', 'Description'], el.attributes.map((a) => [`\`${a.name}\``, `\`${a.type.text}\``, a.description]))}

### Properties and methods

${table(['Member', 'Type', 'Description'], el.members.map((m) => m.kind === 'method'
    ? [`\`${m.name}(${m.parameters.map((p) => `${p.name}: ${p.type.text}`).join(', ')})\``, `\`${m.return.type.text}\``, m.description]
    : [`\`${m.name}\``, `\`${m.type.text}\``, m.description]))}

### Events

${table(['Event', 'Type', 'Description'], el.events.map((e) => [`\`${e.name}\``, `\`${e.type.text}\``, e.description]))}

### CSS custom properties

${table(['Property', 'Default', 'Description'], el.cssProperties.map((p) => [`\`${p.name}\``, p.default ? `\`${p.default}\`` : '', p.description]))}

## License

${info.license}
`;
}

/** The package's package.json. */
function packageJson(info) {
  return {
    name: NAME,
    version: info.version,
    description: info.description,
    license: info.license,
    type: 'module',
    main: './index.js',
    module: './index.js',
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts', default: './index.js' },
      './element': { types: './element.d.ts', default: './element.js' },
      [`./${WASM}`]: `./${WASM}`,
      [`./${EVIDENCE_WASM}`]: `./${EVIDENCE_WASM}`,
      './privatelink-prep.html': './privatelink-prep.html',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    sideEffects: ['./element.js'],
    customElements: './custom-elements.json',
    files: ['element.js', 'element.d.ts', 'index.js', 'index.d.ts', 'privatelink_prep.d.ts', WASM,
      'privatelink_prep_evidence.d.ts', EVIDENCE_WASM, 'privatelink-prep.html', 'custom-elements.json'],
    keywords: ['web-component', 'custom-element', 'webassembly', 'privatelink', 'adobe-commerce', 'aws', 'azure'],
  };
}

const INDEX_DTS = `// privatelink-prep: load() and the core's typed API (the element is privatelink-prep/element).
import type * as Core from './privatelink_prep.js';

export type * from './privatelink_prep.js';

/** The initialised core: validate, renderTicket, rules, regions, guide, guideData, version, ... */
export type PrivateLinkCore = typeof Core;

/**
 * Loads the WebAssembly core (privatelink_prep_bg.wasm, found beside this module) once and
 * resolves to the initialised module. A failed load rejects, and a later call tries again.
 */
export function load(): Promise<PrivateLinkCore>;
`;

/** Writes the staged package into `dir`; returns its file names. */
export async function stagePackage(root, dir) {
  const info = crateInfo(root);
  for (const f of [`www/pkg/${WASM}`, `www/pkg/${EVIDENCE_WASM}`, 'www/pkg/privatelink_prep.d.ts', 'www/pkg/privatelink_prep_evidence.d.ts', SINGLE_FILE]) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run bash scripts/build.sh`);
  }
  const css = (await bundleCss(root, ELEMENT_STYLES)).code.trim();
  const [element, index] = await Promise.all([
    bundle(root, { entry: ELEMENT_ENTRY, plugins: [inlineStyles(root, css), sharedCore(root, info.version)] }),
    bundle(root, {
      stdin: { contents: "export { load } from './core.js';", resolveDir: join(root, 'www'), sourcefile: 'index.js', loader: 'js' },
      plugins: [sharedCore(root, info.version)],
    }),
  ]);
  // The swap happened: the CSS is adopted, nothing is linked.
  if (!element.includes('adoptedStyleSheets') || /\.rel\s*=\s*["']stylesheet["']/.test(element)) {
    throw new Error(`element.js still links its stylesheets: ${ELEMENT_STYLES_MODULE} was not swapped`);
  }
  const manifest = customElementsManifest(root);
  const dts = readFileSync(join(root, 'www/privatelink-prep.d.ts'), 'utf8');
  const coreImport = /(['"])\.\/pkg\/privatelink_prep\.js\1/g;
  if (!coreImport.test(dts)) throw new Error("www/privatelink-prep.d.ts no longer imports './pkg/privatelink_prep.js'");
  // The evidence module's types (generated, like the core's), shipped beside them.
  const evidenceImport = /(['"])\.\/pkg\/privatelink_prep_evidence\.js\1/g;
  const files = {
    'element.js': element,
    'index.js': index,
    'element.d.ts': dts.replace(coreImport, "'./privatelink_prep.js'").replace(evidenceImport, "'./privatelink_prep_evidence.js'"),
    'index.d.ts': INDEX_DTS,
    'custom-elements.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'package.json': `${JSON.stringify(packageJson(info), null, 2)}\n`,
  };
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  copyFileSync(join(root, `www/pkg/${WASM}`), join(dir, WASM));
  copyFileSync(join(root, `www/pkg/${EVIDENCE_WASM}`), join(dir, EVIDENCE_WASM));
  copyFileSync(join(root, 'www/pkg/privatelink_prep.d.ts'), join(dir, 'privatelink_prep.d.ts'));
  copyFileSync(join(root, 'www/pkg/privatelink_prep_evidence.d.ts'), join(dir, 'privatelink_prep_evidence.d.ts'));
  copyFileSync(join(root, SINGLE_FILE), join(dir, 'privatelink-prep.html'));
  copyFileSync(join(root, 'LICENSE'), join(dir, 'LICENSE'));
  // The README, last: it gives the sizes of what a page loads.
  const sizes = ['element.js', 'index.js', WASM, EVIDENCE_WASM, 'privatelink-prep.html'].map((path) => {
    const data = readFileSync(join(dir, path));
    return { path, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
  writeFileSync(join(dir, 'README.md'), packageReadme(root, manifest, info, sizes));
  return info;
}

/** Stages and packs; resolves to { tarball, files: [{ path, raw, gzip }] }. */
export async function writePackage(root = ROOT) {
  const stage = mkdtempSync(join(tmpdir(), 'plp-npm-'));
  try {
    await stagePackage(root, stage);
    const out = join(root, OUT_DIR);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const packed = JSON.parse(execFileSync('npm', ['pack', stage, '--pack-destination', out, '--json', '--loglevel=error'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    const tarball = `${OUT_DIR}/${packed[0].filename}`;
    if (tarball !== tarballPath(root)) throw new Error(`npm pack wrote ${tarball}, not ${tarballPath(root)}`);
    const files = packed[0].files.map(({ path }) => {
      const data = readFileSync(join(stage, path));
      return { path, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
    }).sort((a, b) => a.path.localeCompare(b.path));
    return { tarball, size: packed[0].size, files };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { tarball, size, files } = await writePackage(ROOT);
    console.log(`npm package: ${tarball} (${size} bytes)`);
    for (const f of files) console.log(`  ${f.path.padEnd(34)} ${String(f.raw).padStart(7)} bytes raw ${String(f.gzip).padStart(7)} gzip -9`);
    const by = Object.fromEntries(files.map((f) => [f.path, f]));
    const sum = (...names) => names.reduce((n, p) => n + by[p].gzip, 0);
    console.log(`  entry privatelink-prep/element: element.js + ${WASM} = ${sum('element.js', WASM)} bytes gzip -9`);
    console.log(`  entry privatelink-prep:         index.js + ${WASM} = ${sum('index.js', WASM)} bytes gzip -9`);
    console.log(`  on first use of evidence:       + ${EVIDENCE_WASM} = ${sum(EVIDENCE_WASM)} bytes gzip -9`);
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}

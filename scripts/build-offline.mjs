#!/usr/bin/env node
// The offline outputs of the build, run by scripts/build.sh after www/pkg is current and the page's
// bundle (scripts/bundle.mjs: www/pkg/page.js, www/pkg/page.css) is written:
//
// 1. dist/privatelink-prep.html: the page as ONE self-contained file that works from file:// with
//    no server and no network. The page's stylesheet (the minified www/pkg/page.css) is inlined in
//    one <style> already in index.html (scripts/bundle.mjs); its script is the same esbuild bundle as www/pkg/page.js, inlined in ONE
//    <script type="module">, built with two swaps: every wasm-bindgen glue in www/pkg (a .js with
//    a <name>_bg.wasm beside it) gets an init that, called with no argument, passes its optimised
//    .wasm inlined as base64 instead of fetching it, and www/core.js says `inlined = true`. The
//    single file carries ONE module, the evidence module (issue 14), for both the main glue and
//    the evidence glue: it does all the main module does, and its bytes would be in the file anyway. The
//    file's CSP allows exactly that script and that style by their sha256 hashes,
//    'wasm-unsafe-eval', and data: images (the favicon), and nothing else: no connect-src, since a
//    file needs no network.
// 2. www/pkg/sw-manifest.js: the files the service worker (sw.js) precaches and their version, a
//    hash of those files, so a new build is a new cache. The files are what the page loads:
//    index.html (its stylesheet inlined), every local file it references (the bundle, the favicon) and
//    the main www/pkg/*_bg.wasm. The evidence module (its glue, what the glue imports, its .wasm:
//    the bundle imports it on first use, scripts/bundle.mjs) is listed apart, as `lazy`: the
//    worker caches it when the page first fetches it, so a visitor who never uses evidence never
//    downloads it, and one who has used it has it offline too. (The single file always has it.)
//
//   node scripts/build-offline.mjs            both, and print the single file's size
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleJs, EVIDENCE_GLUE, PAGE_CSS, PAGE_JS } from './bundle.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PKG = 'www/pkg';
const CORE = 'www/core.js';
/** The main module's glue, in www/pkg. */
const MAIN_GLUE = 'privatelink_prep.js';

const posix = (p) => p.split(sep).join('/');
const sha256 = (data) => createHash('sha256').update(data).digest('base64');

/** The optimised modules, www/pkg/*_bg.wasm, relative to the repository; fails when there is none. */
export function wasmFiles(root = ROOT) {
  const dir = join(root, PKG);
  const found = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('_bg.wasm')).sort() : [];
  if (!found.length) throw new Error(`no ${PKG}/*_bg.wasm: run bash scripts/build.sh`);
  return found.map((f) => `${PKG}/${f}`);
}

// ---- the single file's script -----------------------------------------------------------------------

/**
 * esbuild plugin: the page's modules with the .wasm inlined. An import of a glue www/pkg/X.js that
 * has www/pkg/X_bg.wasm beside it gets a wrapper with the glue's exports whose default (init) passes
 * the inlined bytes when called with no argument; www/core.js gets `inlined = true`.
 */
function inlineWasm(root) {
  const pkg = join(root, PKG);
  const core = join(root, CORE);
  const NS = 'plp-inlined-glue';
  return {
    name: 'plp-inline-wasm',
    setup(build) {
      build.onResolve({ filter: /\.js$/ }, (args) => {
        if (args.namespace === NS || !args.resolveDir) return undefined;
        let path = resolve(args.resolveDir, args.path);
        if (dirname(path) !== pkg || !existsSync(path.replace(/\.js$/, '_bg.wasm'))) return undefined;
        // One module in the single file: the evidence module, which exports everything the main
        // one does, serves every call (www/core.js and www/evidence.js get the same instance).
        // Its bytes are in the file either way, so loading it on use would save no download.
        const evidence = join(pkg, EVIDENCE_GLUE);
        if (path === join(pkg, MAIN_GLUE) && existsSync(evidence.replace(/\.js$/, '_bg.wasm'))) path = evidence;
        return { path, namespace: NS };
      });
      build.onLoad({ filter: /.*/, namespace: NS }, (args) => {
        const bytes = readFileSync(args.path.replace(/\.js$/, '_bg.wasm'));
        const glue = JSON.stringify(args.path);
        return {
          resolveDir: pkg,
          loader: 'js',
          contents: `import init from ${glue};
export * from ${glue};
const WASM = ${JSON.stringify(bytes.toString('base64'))};
let started = null;
export default function initInlined(arg) {
  if (arg !== undefined) return init(arg);
  if (!started) {
    const text = atob(WASM);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    started = init({ module_or_path: bytes });
    started.catch(() => { started = null; });
  }
  return started;
}
`,
        };
      });
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (args.path !== core) return undefined;
        const source = readFileSync(core, 'utf8');
        const flag = /^export const inlined = false;$/gm;
        const n = (source.match(flag) || []).length;
        if (n !== 1) throw new Error(`${CORE}: expected one "export const inlined = false;", found ${n}`);
        return { contents: source.replace(flag, 'export const inlined = true;'), loader: 'js' };
      });
    },
  };
}

// ---- the single file ----------------------------------------------------------------------------

/** Replaces exactly one match of `re` in `html`, or fails the build. */
function replaceOnce(html, re, fn, what) {
  const all = html.match(new RegExp(re.source, `${re.flags.replace('g', '')}g`)) || [];
  if (all.length !== 1) throw new Error(`index.html: expected one ${what}, found ${all.length}`);
  return html.replace(re, fn);
}

/** Builds the single-file page; resolves to { html, csp, scriptHash, styleHash, script, style }. */
export async function buildSingleFile(root = ROOT) {
  wasmFiles(root);
  let html = readFileSync(join(root, 'index.html'), 'utf8');

  // The stylesheet: index.html has it inlined already (scripts/bundle.mjs), in its one <style>;
  // it must be the current bundle.
  const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]);
  if (styles.length !== 1) throw new Error(`index.html: expected one <style>, found ${styles.length}`);
  const css = styles[0];
  if (css !== readFileSync(join(root, PAGE_CSS), 'utf8').trim()) throw new Error(`index.html's <style> is not ${PAGE_CSS}: run node scripts/bundle.mjs`);
  if (/<link rel="stylesheet"/.test(html)) throw new Error('index.html links a stylesheet');

  // The page's script: the bundle, with the .wasm inlined.
  const src = replaceOnce(html, /<script type="module" src="([^"]+)"><\/script>/, (m) => m, 'module script')
    .match(/<script type="module" src="([^"]+)"><\/script>/)[1];
  if (src !== PAGE_JS) throw new Error(`index.html loads ${src}, not the bundle ${PAGE_JS}`);
  const js = (await bundleJs(root, { plugins: [inlineWasm(root)] })).code.trim();
  if (/<\/script|<!--/i.test(js)) throw new Error('the inlined script contains "</script" or "<!--"');
  html = html.replace(/<script type="module" src="[^"]+"><\/script>/, () => `<script type="module">${js}</script>`);

  // The favicon as a data: URL.
  html = replaceOnce(html, /<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/, (_, href) => {
    const svg = readFileSync(join(root, href));
    return `<link rel="icon" href="data:image/svg+xml;base64,${svg.toString('base64')}" type="image/svg+xml">`;
  }, 'SVG icon');

  const scriptHash = `sha256-${sha256(js)}`;
  const styleHash = `sha256-${sha256(css)}`;
  const csp = [
    "default-src 'none'",
    `script-src '${scriptHash}' 'wasm-unsafe-eval'`,
    `style-src '${styleHash}'`,
    'img-src data:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'CSP meta tag');
  html = html.replace('<!doctype html>', '<!doctype html>\n<!-- privatelink-prep as one file: works from file:// with no server and no network. Generated by scripts/build-offline.mjs; do not edit. -->');

  // What only the served page says (where to get this very file) goes.
  html = replaceOnce(html, /<span data-served-only>.*?<\/span>/, () => '', 'data-served-only span');

  // Nothing may still point at a file.
  const outside = [...html.matchAll(/\s(?:src|href)="(?!#|data:)([^"]*)"/g)].map((m) => m[1]);
  if (outside.length) throw new Error(`the single file still refers to ${outside.join(', ')}`);
  return { html, csp, scriptHash, styleHash, script: js, style: css };
}

// ---- the service worker's manifest ----------------------------------------------------------------

/**
 * The files sw.js precaches, relative to the repository root (where sw.js is): index.html, the
 * local files it references (src/href) but the single file in dist/, and the optimised modules
 * the bundle fetches.
 */
export function precacheFiles(root = ROOT) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/\s(?:src|href)="([^"#?]+)"/g)].map((m) => m[1])
    .filter((f) => !/^[a-z][a-z0-9+.-]*:|^\//i.test(f))
    // The single file is a download offered when the page fails, not a part of the page.
    .filter((f) => !f.startsWith('dist/'));
  const lazy = new Set(lazyFiles(root));
  const files = [...new Set([...refs, ...wasmFiles(root)])].filter((f) => !lazy.has(f)).sort();
  for (const f of files) if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run bash scripts/build.sh`);
  return ['index.html', ...files];
}

/**
 * The files the bundle fetches on first use of evidence: the evidence module's glue
 * (www/pkg/page.js imports it, EVIDENCE_GLUE), the modules that glue imports statically
 * (wasm-bindgen's snippets) and its .wasm.
 */
export function lazyFiles(root = ROOT) {
  const glue = posix(join(PKG, EVIDENCE_GLUE));
  const wasm = glue.replace(/\.js$/, '_bg.wasm');
  for (const f of [glue, wasm]) if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run bash scripts/build.sh`);
  const source = readFileSync(join(root, glue), 'utf8');
  const imports = [...source.matchAll(/^import\s[^'"]*from\s*(['"])(\.[^'"]+)\1/gm)]
    .map((m) => posix(join(PKG, m[2])));
  return [...new Set([glue, ...imports, wasm])].sort();
}

/** Writes www/pkg/sw-manifest.js; returns { version, files }. */
export function writeSwManifest(root = ROOT) {
  const files = precacheFiles(root);
  const lazy = lazyFiles(root);
  const hash = createHash('sha256');
  for (const f of [...files, ...lazy]) hash.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  hash.update(readFileSync(join(root, 'sw.js')));
  const version = hash.digest('hex').slice(0, 16);
  const manifest = { version, files: ['./', ...files], lazy };
  writeFileSync(join(root, 'www/pkg/sw-manifest.js'),
    `// Generated by scripts/build-offline.mjs: what sw.js precaches, and the version (a hash of\n// those files) that names its cache. Do not edit.\nself.PRIVATELINK_PREP_PRECACHE = ${JSON.stringify(manifest, null, 2)};\n`);
  return manifest;
}

// ---- command line -----------------------------------------------------------------------------------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { html } = await buildSingleFile(ROOT);
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    const out = join(ROOT, 'dist', 'privatelink-prep.html');
    writeFileSync(out, html);
    const bytes = Buffer.byteLength(html);
    const gz = gzipSync(html, { level: 9 }).length;
    console.log(`single file: ${bytes} bytes raw, ${gz} bytes gzip -9 (dist/privatelink-prep.html)`);
    const { version, files } = writeSwManifest(ROOT);
    console.log(`service worker: ${files.length} files precached, ${lazyFiles(ROOT).length} cached on first use, version ${version} (www/pkg/sw-manifest.js)`);
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}

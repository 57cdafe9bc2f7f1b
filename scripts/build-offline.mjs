#!/usr/bin/env node
// The offline outputs of the build, run by scripts/build.sh after www/pkg is current:
//
// 1. dist/privatelink-prep.html: the page as ONE self-contained file that works from file:// with
//    no server and no network. The stylesheets are inlined in one <style>; the page's modules
//    (www/main.js and everything it imports, the wasm-bindgen glue included) are inlined in ONE
//    <script type="module"> as a small module map (each module is a function scope, its imports
//    read from the modules before it); www/core.js is replaced by a loader that passes the
//    optimised .wasm, inlined as base64, to the glue's init. The file's CSP allows exactly that
//    script and that style by their sha256 hashes, 'wasm-unsafe-eval', and data: images (the
//    favicon), and nothing else: no connect-src, since a file needs no network.
// 2. www/pkg/sw-manifest.js: the files the service worker (sw.js) precaches and their version, a
//    hash of those files, so a new build is a new cache.
//
//   node scripts/build-offline.mjs            both, and print the single file's size
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GLUE = 'www/pkg/privatelink_prep.js';
const WASM = 'www/pkg/privatelink_prep_bg.wasm';

const sha256 = (data) => createHash('sha256').update(data).digest('base64');
const posix = (p) => p.split(sep).join('/');

// ---- the module map -------------------------------------------------------------------------------

const IDENT = '[A-Za-z_$][\\w$]*';
const STATIC_IMPORT = /^import\s+(?:([\s\S]*?)\s+from\s+)?(['"])(\.{1,2}\/[^'"]+)\2\s*;?[ \t]*$/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)/g;
const EXPORT_DECL = new RegExp(`^export\\s+((?:async\\s+)?function\\*?|class|const|let|var)\\s+(${IDENT})`, 'gm');
const EXPORT_DEFAULT_DECL = new RegExp(`^export\\s+default\\s+((?:async\\s+)?function\\*?|class)\\s+(${IDENT})`, 'gm');
const EXPORT_LIST = /^export\s*\{([^}]*)\}\s*(?:from\s*(['"])(\.{1,2}\/[^'"]+)\2)?\s*;?[ \t]*$/gm;

/** `a, b as c` -> [['a', 'a'], ['b', 'c']] (local, exported) */
function specifiers(list) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = new RegExp(`^(${IDENT}|default)(?:\\s+as\\s+(${IDENT}|default))?$`).exec(s);
    if (!m) throw new Error(`cannot read the specifier "${s}"`);
    return [m[1], m[2] || m[1]];
  });
}

/**
 * Rewrites one ES module into a function body that returns its exports; `ref(spec)` names the
 * variable holding an imported module. Throws on any import/export form it does not know.
 */
function rewriteModule(source, file, ref) {
  const deps = [];
  const exported = []; // [exportName, expression]
  let code = source.replace(STATIC_IMPORT, (_, clause, _q, spec) => {
    deps.push(spec);
    const mod = ref(spec);
    if (!clause) return '';
    const out = [];
    let rest = clause.trim();
    const def = new RegExp(`^(${IDENT})\\s*(?:,\\s*|$)`).exec(rest);
    if (def && !rest.startsWith('{') && !rest.startsWith('*')) {
      out.push(`const ${def[1]} = ${mod}.default;`);
      rest = rest.slice(def[0].length).trim();
    }
    const ns = new RegExp(`^\\*\\s+as\\s+(${IDENT})$`).exec(rest);
    const named = /^\{([\s\S]*)\}$/.exec(rest);
    if (ns) out.push(`const ${ns[1]} = ${mod};`);
    else if (named) {
      const names = specifiers(named[1]).map(([imp, local]) => (imp === local ? imp : `${imp}: ${local}`));
      out.push(`const { ${names.join(', ')} } = ${mod};`);
    } else if (rest) throw new Error(`${file}: cannot read the import clause "${clause}"`);
    return out.join(' ');
  });
  code = code.replace(DYNAMIC_IMPORT, (_, _q, spec) => {
    deps.push(spec);
    return `Promise.resolve(${ref(spec)})`;
  });
  code = code.replace(EXPORT_DEFAULT_DECL, (_, kind, name) => {
    exported.push(['default', name]);
    return `${kind} ${name}`;
  });
  code = code.replace(EXPORT_DECL, (_, kind, name) => {
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  code = code.replace(EXPORT_LIST, (_, list, _q, from) => {
    if (from) {
      deps.push(from);
      for (const [imp, exp] of specifiers(list)) exported.push([exp, `${ref(from)}.${imp}`]);
    } else {
      for (const [local, exp] of specifiers(list)) exported.push([exp, local]);
    }
    return '';
  });
  const left = /^[ \t]*(import\s*[\s{*'"]|export\b)/m.exec(code);
  if (left) {
    const line = code.slice(left.index).split('\n')[0];
    throw new Error(`${file}: the single-file build cannot inline "${line.trim()}"`);
  }
  const body = `${code.replace(/\s+$/, '')}\nreturn Object.freeze({ ${exported.map(([n, e]) => `${JSON.stringify(n)}: ${e}`).join(', ')} });`;
  return { body, deps };
}

/**
 * The modules reachable from `entry` (a path under the repository), rewritten and concatenated in
 * dependency order into one module script. `overrides` maps a path to replacement source.
 */
export function inlineModules(root, entry, overrides = {}) {
  const ids = new Map(); // path -> variable
  const order = [];
  const visiting = new Set();
  const bodies = new Map();
  const varFor = (path) => {
    if (!ids.has(path)) ids.set(path, `__plp_${ids.size}_${path.replace(/^www\//, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/_js$/, '')}`);
    return ids.get(path);
  };
  const visit = (path) => {
    if (bodies.has(path)) return;
    if (visiting.has(path)) throw new Error(`import cycle through ${path}: the single-file build needs none`);
    visiting.add(path);
    const source = overrides[path] ?? readFileSync(join(root, path), 'utf8');
    const resolveSpec = (spec) => posix(relative(root, resolve(root, dirname(path), spec)));
    const { body, deps } = rewriteModule(source, path, (spec) => varFor(resolveSpec(spec)));
    for (const dep of deps) visit(resolveSpec(dep));
    visiting.delete(path);
    bodies.set(path, body);
    order.push(path);
  };
  visit(entry);
  return order.map((path) => `// ---- ${path}\nconst ${varFor(path)} = (() => {\n${bodies.get(path)}\n})();`).join('\n\n');
}

/** www/core.js for the single file: the same load(), with the .wasm bytes inlined. */
function inlineCore(wasmBytes) {
  return `import * as glue from './pkg/privatelink_prep.js';
const WASM_BASE64 = '${wasmBytes.toString('base64')}';
let loading = null;
export const inlined = true;
export function load() {
  if (!loading) {
    loading = (async () => {
      const text = atob(WASM_BASE64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      await glue.default({ module_or_path: bytes });
      return glue;
    })();
    loading.catch(() => { loading = null; });
  }
  return loading;
}
`;
}

/** Fails the build when the inlined script is not a valid module (node --check parses it). */
function checkSyntax(js) {
  const dir = mkdtempSync(join(tmpdir(), 'plp-single-'));
  try {
    writeFileSync(join(dir, 'inline.mjs'), js);
    execFileSync(process.execPath, ['--check', join(dir, 'inline.mjs')], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new Error(`the inlined script does not parse: ${String(err.stderr || err.message).split('\n').slice(0, 6).join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the single file ----------------------------------------------------------------------------

/** Replaces exactly one match of `re` in `html`, or fails the build. */
function replaceOnce(html, re, fn, what) {
  const all = html.match(new RegExp(re.source, `${re.flags.replace('g', '')}g`)) || [];
  if (all.length !== 1) throw new Error(`index.html: expected one ${what}, found ${all.length}`);
  return html.replace(re, fn);
}

/** Builds the single-file page; returns { html, csp, scriptHash, styleHash }. */
export function buildSingleFile(root = ROOT) {
  for (const f of [GLUE, WASM]) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run bash scripts/build.sh`);
  }
  let html = readFileSync(join(root, 'index.html'), 'utf8');

  // Stylesheets, in their order, as one <style> where the first one was.
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
  if (!sheets.length) throw new Error('index.html links no stylesheet');
  const css = sheets.map((href) => `/* ---- ${href} */\n${readFileSync(join(root, href), 'utf8').trim()}\n`).join('\n');
  if (/<\/style/i.test(css)) throw new Error('a stylesheet contains "</style"');
  let first = true;
  html = html.replace(/[ \t]*<link rel="stylesheet" href="[^"]+">\n/g, (m) => {
    if (!first) return '';
    first = false;
    return `${/^[ \t]*/.exec(m)[0]}<style>\n${css}</style>\n`;
  });

  // The page's module graph as one module script.
  const entry = replaceOnce(html, /<script type="module" src="([^"]+)"><\/script>/, (m) => m, 'module script')
    .match(/<script type="module" src="([^"]+)"><\/script>/)[1];
  const core = 'www/core.js';
  const js = `\n${inlineModules(root, entry, { [core]: inlineCore(readFileSync(join(root, WASM))) })}\n`;
  if (/<\/script|<!--/i.test(js)) throw new Error('the inlined modules contain "</script" or "<!--"');
  checkSyntax(js);
  html = html.replace(/<script type="module" src="[^"]+"><\/script>/, () => `<script type="module">${js}</script>`);

  // The favicon as a data: URL.
  html = replaceOnce(html, /<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/, (_, href) => {
    const svg = readFileSync(join(root, href));
    return `<link rel="icon" href="data:image/svg+xml;base64,${svg.toString('base64')}" type="image/svg+xml">`;
  }, 'SVG icon');

  const scriptHash = `sha256-${sha256(js)}`;
  const styleHash = `sha256-${sha256(`\n${css}`)}`;
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

  // Nothing may still point at a file.
  const outside = [...html.matchAll(/\s(?:src|href)="(?!#|data:)([^"]*)"/g)].map((m) => m[1]);
  if (outside.length) throw new Error(`the single file still refers to ${outside.join(', ')}`);
  return { html, csp, scriptHash, styleHash, script: js, style: `\n${css}` };
}

// ---- the service worker's manifest ----------------------------------------------------------------

/** The files sw.js precaches, relative to the repository root (where sw.js is). */
export function precacheFiles(root = ROOT) {
  const www = readdirSync(join(root, 'www')).filter((f) => /\.(js|css|svg)$/.test(f)).sort().map((f) => `www/${f}`);
  const pkg = [GLUE, WASM];
  for (const f of pkg) if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run bash scripts/build.sh`);
  return ['index.html', ...www, ...pkg];
}

/** Writes www/pkg/sw-manifest.js; returns { version, files }. */
export function writeSwManifest(root = ROOT) {
  const files = precacheFiles(root);
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  hash.update(readFileSync(join(root, 'sw.js')));
  const version = hash.digest('hex').slice(0, 16);
  const manifest = { version, files: ['./', ...files] };
  writeFileSync(join(root, 'www/pkg/sw-manifest.js'),
    `// Generated by scripts/build-offline.mjs: what sw.js precaches, and the version (a hash of\n// those files) that names its cache. Do not edit.\nself.PRIVATELINK_PREP_PRECACHE = ${JSON.stringify(manifest, null, 2)};\n`);
  return manifest;
}

// ---- command line -----------------------------------------------------------------------------------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { html } = buildSingleFile(ROOT);
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    const out = join(ROOT, 'dist', 'privatelink-prep.html');
    writeFileSync(out, html);
    const bytes = Buffer.byteLength(html);
    const gz = gzipSync(html, { level: 9 }).length;
    console.log(`single file: ${bytes} bytes raw, ${gz} bytes gzip -9 (dist/privatelink-prep.html)`);
    const { version, files } = writeSwManifest(ROOT);
    console.log(`service worker: ${files.length} files precached, version ${version} (www/pkg/sw-manifest.js)`);
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}

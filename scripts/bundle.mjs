#!/usr/bin/env node
// The page's bundle, run by scripts/build.sh on every build, after wasm-bindgen and wasm-opt have
// written www/pkg (the bundle includes the glue) and before scripts/build-offline.mjs (which
// inlines the same code and lists these files for the service worker):
//
//   www/pkg/page.js    www/main.js and everything it imports, the wasm-bindgen glue included (the
//                      dynamic import in www/core.js is bundled, not a second request), as one
//                      minified ES module. It must live in www/pkg: each glue finds its .wasm with
//                      new URL('<name>_bg.wasm', import.meta.url), which esbuild leaves as it is,
//                      so from here it still resolves to www/pkg/<name>_bg.wasm.
//                      The one import left is the evidence module's glue (EVIDENCE_GLUE), a
//                      dynamic import of the file beside the bundle, made on first use.
//   www/pkg/page.css   www/style.css and www/work.css, in that order, minified.
//   index.html         that same stylesheet, inlined in its one <style> (no render-blocking request
//                      before the first paint), and the CSP's style-src allowing exactly that <style>
//                      by its sha256 hash (never 'unsafe-inline'). The build rewrites both in place:
//                      after editing a stylesheet, build and commit index.html with it.
//
// The sources in www/ stay the code (and what the <privatelink-prep> element loads); the two
// www/pkg files are build output, like the rest of www/pkg. Prints each file's size, raw and gzip -9.
//
//   node scripts/bundle.mjs
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The page's entry module and stylesheets (in cascade order), relative to the repository. */
export const PAGE_ENTRY = 'www/main.js';
export const PAGE_STYLES = ['www/style.css', 'www/work.css'];
/** Where the bundle goes: next to the glue, see above. */
export const PAGE_JS = 'www/pkg/page.js';
export const PAGE_CSS = 'www/pkg/page.css';
/**
 * The evidence module's glue (issue 14, www/evidence.js): not in the bundle but a file of its own,
 * imported on first use. From www/pkg/page.js, which sits beside it, its path is this one.
 */
export const EVIDENCE_GLUE = './privatelink_prep_evidence.js';
/** The browsers the minified code is written for. */
export const JS_TARGET = 'es2020';

const posix = (p) => p.split(sep).join('/');

/**
 * esbuild plugin: the import of www/pkg/privatelink_prep_evidence.js stays a dynamic import of the
 * file beside the bundle, so the page fetches the evidence module only when evidence is used. A
 * plugin before it (the single file's inlining) may take the import first.
 */
const lazyEvidence = {
  name: 'plp-lazy-evidence',
  setup(build) {
    // Only www/evidence.js's own import (a plugin's generated module may import the glue itself).
    build.onResolve({ filter: /^\.\/pkg\/privatelink_prep_evidence\.js$/ }, (args) => (args.namespace === 'file'
      ? { path: EVIDENCE_GLUE, external: true } : undefined));
  },
};

/**
 * The page's script as one minified ES module (a string). `plugins` change how modules load (the
 * single file swaps in the inlined .wasm bytes). Fails when the output would still import anything.
 */
export async function bundleJs(root = ROOT, { plugins = [] } = {}) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, PAGE_ENTRY)],
    outfile: join(root, PAGE_JS),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: JS_TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    sourcemap: false,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [...plugins, lazyEvidence],
  });
  const [out] = result.outputFiles;
  const left = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path))
    .filter((p) => p !== EVIDENCE_GLUE);
  if (left.length) throw new Error(`the page bundle still imports ${left.join(', ')}`);
  return { code: out.text, inputs: Object.keys(result.metafile.inputs) };
}

/** The page's stylesheets (or `files`, in cascade order) as one minified stylesheet (a string). */
export async function bundleCss(root = ROOT, files = PAGE_STYLES) {
  const result = await esbuild.build({
    absWorkingDir: root,
    stdin: {
      contents: files.map((f) => `@import ${JSON.stringify(`./${posix(relative(join(root, 'www'), join(root, f)))}`)};`).join('\n'),
      resolveDir: join(root, 'www'),
      sourcefile: 'page.css',
      loader: 'css',
    },
    bundle: true,
    minify: true,
    legalComments: 'none',
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text };
}

/** The served page, whose <style> holds PAGE_CSS. */
export const PAGE_HTML = 'index.html';

/** The CSP source that allows exactly the inline stylesheet `css`. */
export const styleSource = (css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/**
 * `html` (index.html) with `css` as its one <style> and its CSP's style-src as 'self' (the
 * stylesheets a test or a portal links from the page's origin) plus the hash of that <style>.
 * Fails unless there is exactly one <style> and one style-src.
 */
export function inlineStyle(html, css) {
  if (css.includes('<')) throw new Error('the stylesheet contains "<"');
  const one = (re, what) => {
    const n = (html.match(new RegExp(re.source, 'g')) || []).length;
    if (n !== 1) throw new Error(`${PAGE_HTML}: expected one ${what}, found ${n}`);
  };
  one(/<style>[^<]*<\/style>/, '<style>');
  one(/style-src [^;"]*/, 'style-src in the CSP');
  return html.replace(/<style>[^<]*<\/style>/, () => `<style>${css}</style>`)
    .replace(/style-src [^;"]*/, () => `style-src 'self' ${styleSource(css)}`);
}

/** Writes www/pkg/page.js and www/pkg/page.css, and inlines the stylesheet in index.html; returns their sizes. */
export async function writeBundle(root = ROOT) {
  const [js, css] = await Promise.all([bundleJs(root), bundleCss(root)]);
  const html = readFileSync(join(root, PAGE_HTML), 'utf8');
  const inlined = inlineStyle(html, css.code.trim());
  if (inlined !== html) writeFileSync(join(root, PAGE_HTML), inlined);
  const out = [];
  for (const [file, code] of [[PAGE_JS, js.code], [PAGE_CSS, css.code]]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), code);
    out.push({ file, raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });
  }
  return { files: out, modules: js.inputs.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { files, modules } = await writeBundle(ROOT);
    for (const { file, raw, gzip } of files) {
      const what = file === PAGE_JS ? `page js (${modules} modules)` : 'page css';
      console.log(`${what}: ${raw} bytes raw, ${gzip} bytes gzip -9 (${file})`);
    }
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}

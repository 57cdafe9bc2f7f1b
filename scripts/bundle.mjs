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
//
// The sources in www/ stay the code (and what the <privatelink-prep> element loads); these two
// files are build output, like the rest of www/pkg. Prints each file's size, raw and gzip -9.
//
//   node scripts/bundle.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Writes www/pkg/page.js and www/pkg/page.css; returns their sizes. */
export async function writeBundle(root = ROOT) {
  const [js, css] = await Promise.all([bundleJs(root), bundleCss(root)]);
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

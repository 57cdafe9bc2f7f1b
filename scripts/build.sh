#!/usr/bin/env bash
# Builds the optimised page module into www/pkg:
#   cargo (release, wasm32, without the feature `evidence`) -> wasm-bindgen --target web -> wasm-opt
#   (npm binaryen, -Oz and more), and the same with the feature as a second module (www/pkg/privatelink_prep_evidence*)
# and prints the size of the .wasm, raw and gzip -9; then bundles the page's script and styles
# (www/pkg/page.js, www/pkg/page.css: esbuild, minified) and writes the single-file page
# (dist/privatelink-prep.html), the service worker manifest (www/pkg/sw-manifest.js) and the npm
# package (scripts/package.sh: dist/npm/privatelink-prep-<version>.tgz).
# Assumes scripts/setup.sh has run.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

command -v wasm-bindgen >/dev/null 2>&1 || die "wasm-bindgen is missing: run bash scripts/setup.sh"
[ -x node_modules/.bin/wasm-opt ] || die "wasm-opt (npm binaryen) is missing: run bash scripts/setup.sh"
[ -x node_modules/.bin/esbuild ] || die "esbuild (npm) is missing: run bash scripts/setup.sh"

out=www/pkg
# -Oz, then flattened and re-looped (control flow rebuilt from scratch) and -Oz to a fixed point:
# about 1 KB gzip -9 less than -Oz alone, on either module. --low-memory-unused lets wasm-opt fold
# small constant offsets into loads and stores (about 350 B gzip -9): it may assume the low 1 KB of
# memory is never reached by a wrapped address, which holds here because Rust lays the stack out
# first (0 to 1 MiB, growing down) and the data above it, so only a stack 1 MiB deep would touch
# that kilobyte, and then through the same addresses either way. scripts/size.sh reads this line.
WASM_OPT_PASSES="--low-memory-unused -Oz --flatten --rereloop -Oz -Oz --converge"

# Optimises the wasm-bindgen output $1 in place with $WASM_OPT_PASSES, without debug info: the
# main module and the evidence module go through the same passes.
optimise() {
  say "wasm-opt $WASM_OPT_PASSES ($1)"
  # shellcheck disable=SC2086 # the passes are words
  wasm-opt $WASM_OPT_PASSES \
    --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-multivalue --enable-mutable-globals \
    --strip-debug --strip-producers \
    "$1" -o "$1.opt"
  mv "$1.opt" "$1"
}
raw=target/wasm32-unknown-unknown/release/privatelink_prep.wasm
wasm="$out/privatelink_prep_bg.wasm"

# The main module is built without the cargo feature `evidence` (default-on for the CLI and the
# tests): the evidence module below carries it, loaded only when evidence is used.
say "cargo build --lib --release --target wasm32-unknown-unknown --no-default-features"
cargo build --lib --release --target wasm32-unknown-unknown --no-default-features
[ -f "$raw" ] || die "$raw was not produced"

# wasm-bindgen and wasm-opt only when the cargo output changed since the last build.
src_sum="$( { sha256sum "$raw"; wasm-bindgen --version; wasm-opt --version; cat "$0"; } | sha256sum | cut -c1-64)"
stamp="$out/.build-stamp"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$src_sum" ] && [ -f "$wasm" ] && [ -f "$out/privatelink_prep.js" ]; then
  say "www/pkg is up to date"
else
  rm -rf "$out"
  say "wasm-bindgen --target web --out-dir $out"
  wasm-bindgen --target web --out-dir "$out" "$raw"
  optimise "$wasm"
  printf '%s\n' "$src_sum" > "$stamp"
fi

raw_bytes="$(stat -c %s "$wasm")"
gz_bytes="$(gzip -9 -c "$wasm" | wc -c)"
js_bytes="$(stat -c %s "$out/privatelink_prep.js")"
printf 'wasm: %s bytes raw, %s bytes gzip -9 (%s)\n' "$raw_bytes" "$gz_bytes" "$wasm"
printf 'js glue: %s bytes raw, %s bytes gzip -9\n' "$js_bytes" "$(gzip -9 -c "$out/privatelink_prep.js" | wc -c)"

# ---- the evidence module (issue 14) ----------------------------------------------------------------
# The same crate WITH the feature `evidence`, in a target dir of its own (so neither build relinks
# the other's artifact): www/pkg/privatelink_prep_evidence_bg.wasm and its glue
# privatelink_prep_evidence.js (wasm-bindgen --out-name), optimised like the main module. The page
# loads it only when evidence is first used (www/evidence.js). Runs after the main block, which
# recreates www/pkg when the main module changed.
ev_target=target/evidence-module
ev_raw="$ev_target/wasm32-unknown-unknown/release/privatelink_prep.wasm"
ev_name=privatelink_prep_evidence
ev_wasm="$out/${ev_name}_bg.wasm"
say "cargo build --lib --release --target wasm32-unknown-unknown --features evidence --target-dir $ev_target"
cargo build --lib --release --target wasm32-unknown-unknown --features evidence --target-dir "$ev_target"
[ -f "$ev_raw" ] || die "$ev_raw was not produced"
ev_sum="$( { sha256sum "$ev_raw"; wasm-bindgen --version; wasm-opt --version; cat "$0"; } | sha256sum | cut -c1-64)"
ev_stamp="$out/.build-stamp-evidence"
if [ -f "$ev_stamp" ] && [ "$(cat "$ev_stamp")" = "$ev_sum" ] && [ -f "$ev_wasm" ] && [ -f "$out/$ev_name.js" ]; then
  say "the evidence module is up to date"
else
  say "wasm-bindgen --target web --out-name $ev_name"
  wasm-bindgen --target web --out-dir "$out" --out-name "$ev_name" "$ev_raw"
  optimise "$ev_wasm"
  printf '%s\n' "$ev_sum" > "$ev_stamp"
fi
printf 'evidence wasm: %s bytes raw, %s bytes gzip -9 (%s)\n' \
  "$(stat -c %s "$ev_wasm")" "$(gzip -9 -c "$ev_wasm" | wc -c)" "$ev_wasm"
printf 'evidence js glue: %s bytes raw, %s bytes gzip -9\n' \
  "$(stat -c %s "$out/$ev_name.js")" "$(gzip -9 -c "$out/$ev_name.js" | wc -c)"
# ---- end of the evidence module --------------------------------------------------------------------

# The main module's budget (issue 12): 88,000 bytes gzip -9. scripts/size.sh fails over it and
# shows where the bytes go. Reported here, not yet fatal: the module is still over it (see
# scripts/size.sh); once under, this becomes a `die` so the budget cannot silently be lost.
WASM_BUDGET_GZ=88000
if [ "$gz_bytes" -gt "$WASM_BUDGET_GZ" ]; then
  printf 'wasm: OVER BUDGET by %s bytes gzip -9 (budget %s; bash scripts/size.sh shows where they go)\n' \
    "$((gz_bytes - WASM_BUDGET_GZ))" "$WASM_BUDGET_GZ"
fi

# The page's bundle (every build: it depends on www/ as well as on the glue, and www/pkg may just
# have been recreated): www/pkg/page.js (www/main.js and its imports, the glue included) and
# www/pkg/page.css (style.css + work.css), both minified; prints their sizes, raw and gzip -9.
say "page bundle (scripts/bundle.mjs)"
node scripts/bundle.mjs

# The offline outputs (every build: they depend on www/ as well as on the module):
# dist/privatelink-prep.html, one self-contained file for file://, and www/pkg/sw-manifest.js, the
# service worker's file list and version. Prints the single file's size, raw and gzip -9.
say "single file and service worker manifest (scripts/build-offline.mjs)"
node scripts/build-offline.mjs

# The npm package for portals (every build: it bundles www/ with the module and the single file):
# dist/npm/privatelink-prep-<version>.tgz. Prints its files' sizes, raw and gzip -9.
bash scripts/package.sh

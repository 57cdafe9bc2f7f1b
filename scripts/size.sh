#!/usr/bin/env bash
# Where the module's bytes go. Builds a copy of the optimised module that keeps its function names
# (the same cargo output, wasm-bindgen and wasm-opt passes as scripts/build.sh, plus -g), then prints:
#   1. its sections, raw and gzip -9 (code, data: the strings and tables, the rest);
#   2. what each root keeps alive (twiggy dominators): e.g. wasm::checked is the checker that
#      validate, renderTicket and the guide share, guide::render the guide; the data segments show
#      as unreachable items (twiggy does not follow pointers into data);
#   3. the largest single items (twiggy top);
# and the main module's size (names stripped, as scripts/build.sh writes it) against its budget,
# 88,000 bytes gzip -9: over it, the script fails with a message. The names section is not
# counted in 1. Installs twiggy when missing.
#   bash scripts/size.sh            N=40 bash scripts/size.sh   (rows per table)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

TWIGGY_VERSION=0.8.0
rows="${N:-25}"

command -v wasm-bindgen >/dev/null 2>&1 || die "wasm-bindgen is missing: run bash scripts/setup.sh"
[ -x node_modules/.bin/wasm-opt ] || die "wasm-opt (npm binaryen) is missing: run bash scripts/setup.sh"
if ! command -v twiggy >/dev/null 2>&1; then
  say "cargo install twiggy --version $TWIGGY_VERSION"
  cargo install twiggy --version "$TWIGGY_VERSION"
fi

# The page's main module: without the evidence checks, as scripts/build.sh builds it.
say "cargo build --lib --release --target wasm32-unknown-unknown --no-default-features"
cargo build --lib --release --target wasm32-unknown-unknown --no-default-features
out="target/size"
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --keep-debug --out-dir "$out" target/wasm32-unknown-unknown/release/privatelink_prep.wasm
# The passes of scripts/build.sh, read from its one line that sets them.
eval "$(grep '^WASM_OPT_PASSES=' scripts/build.sh)"
[ -n "${WASM_OPT_PASSES:-}" ] || die "WASM_OPT_PASSES not found in scripts/build.sh"
# shellcheck disable=SC2086 # the passes are words
wasm-opt $WASM_OPT_PASSES -g \
  --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-multivalue --enable-mutable-globals \
  "$out/privatelink_prep_bg.wasm" -o "$out/named.wasm"

printf '\nSections of the optimised module (names section left out):\n'
node - "$out/named.wasm" <<'EOF'
const { readFileSync } = require('node:fs');
const { gzipSync } = require('node:zlib');
const bytes = readFileSync(process.argv[2]);
const leb = (i) => { let v = 0, s = 0, b; do { b = bytes[i++]; v += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return [v, i]; };
const NAMES = { 10: 'code', 11: 'data' };
const parts = { code: [], data: [], other: [] };
for (let i = 8; i < bytes.length;) {
  const id = bytes[i]; const [len, start] = leb(i + 1);
  const body = bytes.subarray(start, start + len);
  i = start + len;
  if (id === 0) {
    const [n, p] = leb(0 + start); // custom section: its name
    if (bytes.subarray(p, p + n).toString() === 'name') continue;
  }
  parts[NAMES[id] || 'other'].push(body);
}
const row = (k, a, b) => console.log(`  ${k.padEnd(8)} ${String(a).padStart(9)} ${String(b).padStart(11)}`);
row('section', 'raw', 'gzip -9');
let raw = 0, gz = 0;
for (const [k, list] of Object.entries(parts)) {
  const buf = Buffer.concat(list);
  const z = gzipSync(buf, { level: 9 }).length;
  raw += buf.length; gz += z;
  row(k, buf.length, z);
}
row('sum', raw, gz);
EOF

# The budget of the page's main module (issue 12), measured on the module as scripts/build.sh
# writes it (the same passes, without -g).
budget=88000
# shellcheck disable=SC2086 # the passes are words
wasm-opt $WASM_OPT_PASSES --strip-debug --strip-producers \
  --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-multivalue --enable-mutable-globals \
  "$out/privatelink_prep_bg.wasm" -o "$out/stripped.wasm"
gz="$(gzip -9 -c < "$out/stripped.wasm" | wc -c)"
printf '\nMain module: %s bytes raw, %s bytes gzip -9; budget %s bytes gzip -9\n' \
  "$(stat -c %s "$out/stripped.wasm")" "$gz" "$budget"

printf '\nRetained by the largest subtrees (twiggy dominators):\n'
twiggy dominators -d 1 "$out/named.wasm" | grep -v '"function names"' | head -n "$((rows + 2))" | cut -c1-160
printf '\nLargest single items (twiggy top):\n'
twiggy top -n "$rows" "$out/named.wasm" | cut -c1-160

if [ "$gz" -gt "$budget" ]; then
  die "the main module is $((gz - budget)) bytes gzip -9 over its budget of $budget"
fi

#!/usr/bin/env bash
# The benchmark: one table of sizes, instantiation, validate/renderTicket per call in headless
# Chromium, the boundary designs side by side, keystroke to updated screen (small and largest
# request), time to a usable form, ajv side by side, and the native core.
#   bash scripts/bench.sh
# Builds the optimised page and the native harness (examples/bench_native.rs) first. Numbers are
# printed, never asserted; all of them also go to target/bench/bench.json. Not part of the tests.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/setup.sh all >/dev/null
bash scripts/build.sh >/dev/null
# The boundary designs side by side (JSON text, the old walker, serde-wasm-bindgen) in one module
# built with the feature boundary-bench, optimised as the page's is, into target/bench/pkg.
say "boundary-bench module (target/bench/pkg)"
CARGO_TARGET_DIR=target/bench-boundary cargo build --lib --release --target wasm32-unknown-unknown \
  --features boundary-bench 2>&1 | tail -n 1
rm -rf target/bench/pkg
wasm-bindgen --target web --out-dir target/bench/pkg \
  target/bench-boundary/wasm32-unknown-unknown/release/privatelink_prep.wasm
node_modules/.bin/wasm-opt -Oz \
  --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-multivalue --enable-mutable-globals --strip-debug --strip-producers \
  target/bench/pkg/privatelink_prep_bg.wasm -o target/bench/pkg/privatelink_prep_bg.wasm
say "cargo build --release --example bench_native"
cargo build --release --example bench_native 2>&1 | tail -n 1
echo
exec node scripts/bench.mjs

#!/usr/bin/env bash
# The benchmark: one table of sizes, instantiation, validate/renderTicket per call in headless
# Chromium, keystroke to updated screen, ajv side by side, and the native core.
#   bash scripts/bench.sh
# Builds the optimised page and the native harness (examples/bench_native.rs) first. Numbers are
# printed, never asserted; all of them also go to target/bench/bench.json. Not part of the tests.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/setup.sh all >/dev/null
bash scripts/build.sh >/dev/null
say "cargo build --release --example bench_native"
cargo build --release --example bench_native 2>&1 | tail -n 1
echo
exec node scripts/bench.mjs

#!/usr/bin/env bash
# Runs every test: Rust lints and tests (native, wasm in Node, wasm in headless Chromium), the
# optimised build, the TypeScript declarations, and the end-to-end tests of the page in Chromium.
# Installs what is missing first (scripts/setup.sh). Stops at the first failing step.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

logs="target/test-logs"
mkdir -p "$logs"
rm -f "$logs"/*.log
started="$(now)"
timings=()
current=""

on_exit() {
  local rc=$?
  if [ "$rc" != 0 ] && [ -n "$current" ]; then
    printf '\nFAILED at step: %s (exit %s)\n' "$current" "$rc" >&2
  fi
}
trap on_exit EXIT

# step NAME LOG COMMAND...: runs a command, tees its output to target/test-logs/LOG.log when LOG
# is not '-', and records how long it took.
step() {
  local name="$1" log="$2"; shift 2
  current="$name"
  local t0; t0="$(now)"
  printf '\n==> %s\n' "$name"
  if [ "$log" = - ]; then
    "$@"
  else
    "$@" 2>&1 | tee "$logs/$log.log"
  fi
  timings+=("$(printf '%5ss  %s' "$(( $(now) - t0 ))" "$name")")
  current=""
}

step "setup" - bash scripts/setup.sh all
step "cargo fmt --check" - cargo fmt --all -- --check
step "cargo clippy (native)" - cargo clippy --all-targets -- -D warnings
step "cargo clippy (wasm32)" - cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
step "cargo test (native)" cargo-native cargo test
# The page's main module is built without the evidence checks: the files that concern it, so.
step "cargo clippy (wasm32, no evidence feature)" - \
  cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
step "cargo test (native, no evidence feature)" cargo-native-no-evidence \
  cargo test --no-default-features --test evidence_off --test catalogue --test wording \
  --test ticket --test guide --test cli
step "cargo build --bin privatelink-prep" - cargo build --bin privatelink-prep

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
step "wasm-bindgen-test in Node" wasm-node cargo test --target wasm32-unknown-unknown
step "wasm-bindgen-test in headless Chromium" wasm-chromium \
  env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown

# Both wasm runs must have run at least one wasm-bindgen test.
for log in wasm-node wasm-chromium; do
  ran="$(sed -n 's/.*test result: [a-zA-Z]*\. \([0-9]*\) passed.*/\1/p' "$logs/$log.log" | awk '{ s += $1 } END { print s + 0 }')"
  [ "${ran:-0}" -gt 0 ] || die "no wasm-bindgen test ran in step $log: add #[wasm_bindgen_test] tests (tests/*.rs)"
done

step "optimised build" - bash scripts/build.sh
step "tsc --noEmit -p tests/ts (declarations)" - tsc --noEmit -p tests/ts
step "tsc --noEmit -p tests/ts/tsconfig.www.json (page scripts)" - tsc --noEmit -p tests/ts/tsconfig.www.json
shopt -s nullglob
e2e=(tests/e2e/*.test.mjs)
[ "${#e2e[@]}" -gt 0 ] || die "no end-to-end tests found in tests/e2e"
step "end-to-end tests (node --test, playwright-core, Chromium)" e2e \
  node --test --test-reporter=spec "${e2e[@]}"

# One summary over every runner: cargo/wasm-bindgen-test "test result" lines and node's counts.
passed=0; failed=0; ignored=0
while read -r p f i; do
  passed=$((passed + p)); failed=$((failed + f)); ignored=$((ignored + i))
done < <(sed -n 's/.*test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed; \([0-9]*\) ignored.*/\1 \2 \3/p' \
           "$logs"/cargo-native.log "$logs"/wasm-node.log "$logs"/wasm-chromium.log)
e2e_pass="$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$logs/e2e.log" | tail -n1)"
e2e_fail="$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$logs/e2e.log" | tail -n1)"
e2e_skip="$(sed -n 's/^ℹ skipped \([0-9]*\)$/\1/p' "$logs/e2e.log" | tail -n1)"
passed=$((passed + ${e2e_pass:-0})); failed=$((failed + ${e2e_fail:-0})); ignored=$((ignored + ${e2e_skip:-0}))

printf '\nStep timings:\n'
printf '  %s\n' "${timings[@]}"
printf '  %5ss  total\n' "$(( $(now) - started ))"
printf '\ntotal: %s passed, %s failed, %s skipped\n' "$passed" "$failed" "$ignored"
[ "$failed" = 0 ] || exit 1

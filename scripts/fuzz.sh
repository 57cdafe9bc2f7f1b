#!/usr/bin/env bash
# Fuzzes the JSON entry point (`check_json`, then every renderer when the request is valid) with
# cargo-fuzz / libFuzzer for N executions (default 1,000,000), and prints the count and the crashes.
#
#   bash scripts/fuzz.sh            # 1,000,000 executions
#   bash scripts/fuzz.sh 5000000    # more
#   FUZZ_SECONDS=3600 bash scripts/fuzz.sh 0   # by time instead (0 runs = no run limit)
#   FUZZ_TARGET=evidence bash scripts/fuzz.sh   # the evidence target: a pasted cloud output
#                                               # (seeds: tests/evidence)
#
# Needs the nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz from
# crates.io when it is missing. Not part of the test command. New inputs the fuzzer finds go to
# fuzz/corpus/check_json (only its seed-* files are committed); crashes to fuzz/artifacts/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

runs="${1:-1000000}"
seconds="${FUZZ_SECONDS:-0}"
case "$runs" in ''|*[!0-9]*) die "usage: scripts/fuzz.sh [RUNS]" ;; esac

rustup toolchain list 2>/dev/null | grep -q '^nightly' \
  || die "the nightly toolchain is missing: rustup toolchain install nightly"
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz
fi

target="${FUZZ_TARGET:-check_json}"
case "$target" in
  check_json) seeds=tests/requests; dict=fuzz/check_json.dict ;;
  evidence) seeds=tests/evidence; dict=fuzz/evidence.dict ;;
  *) die "FUZZ_TARGET is check_json or evidence" ;;
esac
corpus="fuzz/corpus/$target"
artifacts="fuzz/artifacts/$target"
mkdir -p "$corpus" "$artifacts" target
before="$(find "$artifacts" -type f | wc -l)"
log="target/fuzz-$target.log"

limit=""; [ "$seconds" = 0 ] || limit=" (time limit ${seconds}s)"
# libFuzzer reads -runs=0 as "the seeds only"; no limit is -runs=-1.
runs_flag="$runs"; [ "$runs" = 0 ] && runs_flag=-1
say "fuzzing $target: ${runs} executions${limit}; log in $log"
set +e
cargo +nightly fuzz run "$target" "$corpus" "$seeds" -- \
  -runs="$runs_flag" -max_total_time="$seconds" -dict="$dict" -max_len=16384 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
  2>&1 | tee "$log" | grep -E '^#[0-9]+.*(pulse|DONE|NEW)|^Done|^stat::number_of_executed_units|ERROR|panicked|SUMMARY' \
  | grep -vE 'NEW' | tail -n 40
rc="${PIPESTATUS[0]}"
set -e

execs="$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n1)"
after="$(find "$artifacts" -type f | wc -l)"
crashes=$((after - before))
printf '\nfuzz %s: %s executions, %s new crash file(s) in %s, exit %s\n' \
  "$target" "${execs:-?}" "$crashes" "$artifacts" "$rc"
[ "$rc" = 0 ] && [ "$crashes" = 0 ]

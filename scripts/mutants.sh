#!/usr/bin/env bash
# Mutation testing of the core with cargo-mutants: each mutant changes one operator or return value
# in src/, and the native tests run against it; a mutant they do not notice ("missed") is behaviour
# no test checks. Prints caught / missed / unviable / timeouts, per file and in all, and the list of
# missed mutants.
#
#   bash scripts/mutants.sh                      # every file of src/ (about an hour on two cores)
#   bash scripts/mutants.sh -f src/dates.rs      # one file (globs as cargo-mutants takes them)
#   bash scripts/mutants.sh --shard 1/4          # a quarter of the mutants, e.g. one CI job of four
#   bash scripts/mutants.sh --wasm               # src/wasm.rs, tested by wasm-bindgen-test in Node
#   MUTANTS_JOBS=2 bash scripts/mutants.sh       # parallel builds (default 1: the CPU is shared)
#
# Every other argument goes to `cargo mutants` as it is (see `cargo mutants --help`). Installs the
# pinned cargo-mutants from crates.io when it is missing or another version. The configuration and
# the mutants excluded as equivalent, each with its reason, are in .cargo/mutants.toml. Results go to
# mutants.out/ (outcomes.json, caught.txt, missed.txt, ...). Not part of the test command. Exits as
# cargo-mutants does: 0 when every viable mutant was caught, 2 when some were missed, 3 on timeouts.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

version="27.1.0"
if [ "$(cargo mutants --version 2>/dev/null)" != "cargo-mutants $version" ]; then
  say "installing cargo-mutants $version"
  cargo install cargo-mutants --version "$version" --locked
fi

wasm=0
timeout_given=0
list=0
out_dir="${CARGO_MUTANTS_OUTPUT:-.}"
prev=""
args=()
for a in "$@"; do
  case "$prev" in -o|--output) out_dir="$a" ;; esac
  prev="$a"
  case "$a" in
    --output=*) out_dir="${a#--output=}" ;;
    --wasm) wasm=1; continue ;;
    -t|--timeout|--timeout=*) timeout_given=1 ;;
    --list|--list-files) list=1 ;;
  esac
  args+=("$a")
done


if [ "$wasm" = 1 ]; then
  # .cargo/mutants.toml leaves src/wasm.rs out (natively it is not compiled); this run reads its
  # settings but that exclusion, and builds and tests for wasm32 with wasm-bindgen-test in Node.
  command -v wasm-bindgen-test-runner >/dev/null 2>&1 \
    || die "wasm-bindgen-test-runner is missing: run bash scripts/setup.sh"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
  export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
  config="target/mutants-wasm.toml"
  mkdir -p target
  grep -v '^exclude_globs' .cargo/mutants.toml > "$config"
  args=(--config "$config" -f src/wasm.rs --cargo-arg=--target=wasm32-unknown-unknown "${args[@]}")
fi

# Few property-test cases: proptest draws new inputs each run, so a mutant it alone catches would be
# caught one run and missed the next; the deterministic tests are what this measures.
export PROPTEST_CASES="${PROPTEST_CASES:-32}"

if [ "$list" = 1 ]; then
  exec cargo mutants "${args[@]}"
fi
# A per-mutant limit: a mutant that loops forever is a timeout, not a hang of the run.
[ "$timeout_given" = 1 ] || args+=(--timeout 120)

out="$out_dir/mutants.out"
rc=0
CARGO_MUTANTS_JOBS="${MUTANTS_JOBS:-1}" nice -n 10 cargo mutants "${args[@]}" || rc=$?
[ -d "$out" ] || exit "$rc"

# One line per mutant in each file; a mutant's name starts with its file (src/x.rs:LINE:COL: ...).
count() { if [ -s "$out/$1.txt" ]; then grep -c . "$out/$1.txt"; else echo 0; fi; }
echo
say "mutants by file (caught / missed / unviable / timeouts)"
for kind in caught missed unviable timeout; do
  [ -f "$out/$kind.txt" ] && sed "s/^\([^:]*\):.*/\1 $kind/" "$out/$kind.txt"
done | awk '
  { n[$1, $2]++; files[$1] = 1 }
  END {
    for (f in files) printf "%-28s %5d %5d %5d %5d\n", f, n[f, "caught"], n[f, "missed"], n[f, "unviable"], n[f, "timeout"]
  }' | sort

caught="$(count caught)" missed="$(count missed)" unviable="$(count unviable)" timeouts="$(count timeout)"
viable=$((caught + missed + timeouts))
printf '\ncaught %s, missed %s, unviable %s, timeouts %s' "$caught" "$missed" "$unviable" "$timeouts"
if [ "$viable" -gt 0 ]; then
  printf ': %s.%s%% of %s viable mutants caught\n' \
    "$((caught * 100 / viable))" "$(( (caught * 1000 / viable) % 10 ))" "$viable"
else
  printf '\n'
fi
if [ "$missed" -gt 0 ]; then
  echo
  say "missed"
  cat "$out/missed.txt"
fi
if [ "$timeouts" -gt 0 ]; then
  echo
  say "timeouts"
  cat "$out/timeout.txt"
fi
exit "$rc"

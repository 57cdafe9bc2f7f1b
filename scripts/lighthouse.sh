#!/usr/bin/env bash
# Lighthouse on the served, optimised page: prints the four category scores (the goal is 100 each),
# FCP/LCP/TBT/CLS, and the page's own marks: time to a usable form and to the first verdict.
#
#   bash scripts/lighthouse.sh                 # desktop preset
#   LIGHTHOUSE_PRESET=mobile bash scripts/lighthouse.sh
#   LIGHTHOUSE_ROOT=/tmp/other bash scripts/lighthouse.sh   # serve that built copy instead (no build)
#   LIGHTHOUSE_RUNS=3 bash scripts/lighthouse.sh              # 3 runs, then the median of each figure
#
# Builds the page (scripts/build.sh), serves the repository root on a free loopback port, and runs
# npm lighthouse (pinned in scripts/lighthouse/, installed there on first use) against Debian's
# Chromium (CHROME_PATH=/usr/bin/chromium) headless. The full report is written to
# target/lighthouse/report.html and report.json (with several runs: the last one; each run's JSON
# is kept as report-<n>.json). The machine's load moves the mobile figures (4x CPU slowdown): compare
# medians of several runs. Not part of the test command.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

preset="${LIGHTHOUSE_PRESET:-desktop}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || die "Chromium is missing at $CHROME_PATH: bash scripts/setup.sh all"

tool="scripts/lighthouse"
if [ ! -x "$tool/node_modules/.bin/lighthouse" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules/.package-lock.json" ]; then
  say "npm ci (lighthouse, in $tool)"
  npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error
fi

bash scripts/setup.sh serve >/dev/null
serve_root="${LIGHTHOUSE_ROOT:-$ROOT}"
[ -n "${LIGHTHOUSE_ROOT:-}" ] || bash scripts/build.sh >/dev/null

out="target/lighthouse"
mkdir -p "$out"
log="$out/http.log"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$serve_root" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 50); do
  port="$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$log" | head -n1)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || die "http.server did not start: $(cat "$log")"
url="http://127.0.0.1:${port}/index.html"

preset_flag=()
[ "$preset" = desktop ] && preset_flag=(--preset=desktop)
# Mobile: throttling applied in the browser (devtools), not simulated afterwards, so the page's
# own marks (time to a usable form, to the first verdict) are taken under it too.
[ "$preset" = mobile ] && preset_flag=(--throttling-method=devtools)
runs="${LIGHTHOUSE_RUNS:-1}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "LIGHTHOUSE_RUNS must be a positive number, not $runs"
rm -f "$out"/report-*.json
for run in $(seq 1 "$runs"); do
say "lighthouse ($preset, run $run of $runs) $url"
"$tool/node_modules/.bin/lighthouse" "$url" "${preset_flag[@]}" \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
  --only-categories=performance,accessibility,best-practices,seo \
  --output=json --output=html --output-path="$out/report" --quiet
mv -f "$out/report.report.json" "$out/report.json"
mv -f "$out/report.report.html" "$out/report.html"
cp "$out/report.json" "$out/report-$run.json"

node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(`\nLighthouse ${r.lighthouseVersion}, ${process.argv[2]}, ${r.finalDisplayedUrl}`);
const cats = ["performance", "accessibility", "best-practices", "seo"];
for (const c of cats) {
  const cat = r.categories[c];
  console.log(`  ${cat.title.padEnd(16)} ${String(Math.round(cat.score * 100)).padStart(3)}`);
}
const below = [];
for (const c of cats) for (const ref of r.categories[c].auditRefs) {
  const a = r.audits[ref.id];
  if (ref.weight > 0 && a.score !== null && a.score < 1) below.push(`${c}: ${a.id} (${a.score}) ${a.title}`);
}
if (below.length) console.log(`\nAudits below 1:\n  ${below.join("\n  ")}`);
const m = r.audits;
console.log(`\nFCP ${m["first-contentful-paint"].displayValue}, LCP ${m["largest-contentful-paint"].displayValue}, TBT ${m["total-blocking-time"].displayValue}, SI ${m["speed-index"].displayValue}, CLS ${m["cumulative-layout-shift"].displayValue}`);
// www/main.js marks these: the form typeable with its draft, and its first verdict painted.
const marks = ((m["user-timings"].details || {}).items || []).filter((i) => i.timingType === "Mark");
for (const [name, what] of [["plp-form-usable", "time to a usable form"], ["plp-first-verdict", "time to the first verdict"]]) {
  const t = marks.find((i) => i.name === name);
  console.log(`${what}: ${t ? `${Math.round(t.startTime)} ms` : "not measured"}`);
}
// What the page made the browser download (transfer sizes, as served: no compression here).
const items = (m["network-requests"].details || {}).items || [];
const bytes = items.reduce((a, i) => a + (i.transferSize || 0), 0);
console.log(`whole page: ${items.length} requests, ${bytes.toLocaleString("en-US")} B transferred`);
' "$out/report.json" "$preset"
done

if [ "$runs" -gt 1 ]; then
node -e '
const fs = require("fs");
const reports = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const k = s.length >> 1; return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2; };
const mark = (r, name) => { const t = (((r.audits["user-timings"].details || {}).items) || []).find((i) => i.timingType === "Mark" && i.name === name); return t ? t.startTime : NaN; };
const rows = [
  ...["performance", "accessibility", "best-practices", "seo"].map((c) => [reports[0].categories[c].title, (r) => Math.round(r.categories[c].score * 100), ""]),
  ...[["FCP", "first-contentful-paint"], ["LCP", "largest-contentful-paint"], ["TBT", "total-blocking-time"], ["SI", "speed-index"]]
    .map(([n, id]) => [n, (r) => Math.round(r.audits[id].numericValue), " ms"]),
  ["usable form", (r) => Math.round(mark(r, "plp-form-usable")), " ms"],
  ["first verdict", (r) => Math.round(mark(r, "plp-first-verdict")), " ms"],
];
console.log(`\nMedian of ${reports.length} runs (each run in brackets):`);
for (const [name, get, unit] of rows) {
  const xs = reports.map(get);
  console.log(`  ${name.padEnd(16)} ${String(median(xs)).padStart(6)}${unit}  [${xs.join(", ")}]`);
}
' $(for run in $(seq 1 "$runs"); do printf '%s ' "$out/report-$run.json"; done)
fi
echo "Report: $out/report.html"

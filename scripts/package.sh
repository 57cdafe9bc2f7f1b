#!/usr/bin/env bash
# Writes the npm package for documentation portals, dist/npm/privatelink-prep-<version>.tgz, with
# `npm pack` (scripts/package.mjs says what is in it) and prints its files' sizes, raw and gzip -9.
# Needs the build's outputs (www/pkg, dist/privatelink-prep.html): scripts/build.sh runs it last.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

[ -f www/pkg/privatelink_prep_bg.wasm ] && [ -f dist/privatelink-prep.html ] \
  || die "the build's outputs are missing: run bash scripts/build.sh (it also writes the package)"
[ -x node_modules/.bin/esbuild ] || die "esbuild (npm) is missing: run bash scripts/setup.sh"
command -v npm >/dev/null 2>&1 || die "npm is missing: run bash scripts/setup.sh"

say "npm package (scripts/package.mjs)"
node scripts/package.mjs

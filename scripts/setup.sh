#!/usr/bin/env bash
# Installs what building, serving and testing need, and skips what is already there.
#   bash scripts/setup.sh          everything (build + tests: Chromium and ChromeDriver too)
#   bash scripts/setup.sh serve    only what building and serving the page need
# Safe to re-run: it checks before it installs, so a second run takes a second or two.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

mode="${1:-all}"
case "$mode" in all|serve) ;; *) die "usage: bash scripts/setup.sh [all|serve]" ;; esac

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    say "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# Rust toolchain: cargo and rustup come with the machine; the wasm target and lints may not.
command -v cargo >/dev/null 2>&1 || die "cargo is missing: install Rust with rustup first"
command -v rustup >/dev/null 2>&1 || die "rustup is missing: it installs the wasm32-unknown-unknown target"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ "$mode" = all ]; then
  cargo fmt --version >/dev/null 2>&1 || { say "rustup component add rustfmt"; rustup component add rustfmt; }
  cargo clippy --version >/dev/null 2>&1 || { say "rustup component add clippy"; rustup component add clippy; }
fi

# wasm-bindgen CLI (and wasm-bindgen-test-runner): exactly the version the crate links.
want="$(wasm_bindgen_version)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ] || [ "$have_runner" != "$want" ]; then
  say "cargo install wasm-bindgen-cli --version $want (found '${have:-none}'; this takes a few minutes)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# Node.js and npm: the machine's own; Debian's packages when missing.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old: playwright-core needs Node.js 20 or later"
command -v python3 >/dev/null 2>&1 || apt_install python3

# npm packages from the committed lockfile; re-installed when the lockfile changes.
lock_sum="$(sha256sum package-lock.json package.json | sha256sum | cut -c1-64)"
stamp="node_modules/.privatelink-prep-lock"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ] \
   || [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/tsc ] \
   || [ ! -x node_modules/.bin/esbuild ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s\n' "$lock_sum" > "$stamp"
fi

# The real hosts of the npm package's tests (tests/e2e/hosts.test.mjs), each from its registry and
# pinned, each re-installed only when its pins change: a Vite app (tests/hosts/vite, npm ci from its
# lockfile) and MkDocs with the Material theme (PyPI, tests/hosts/mkdocs/requirements.txt, in the
# venv tests/hosts/mkdocs/.venv).
if [ "$mode" = all ]; then
  vite_dir=tests/hosts/vite
  vite_sum="$(sha256sum "$vite_dir/package-lock.json" "$vite_dir/package.json" | sha256sum | cut -c1-64)"
  vite_stamp="$vite_dir/node_modules/.privatelink-prep-lock"
  if [ ! -f "$vite_stamp" ] || [ "$(cat "$vite_stamp")" != "$vite_sum" ] || [ ! -x "$vite_dir/node_modules/.bin/vite" ]; then
    say "npm ci in $vite_dir (Vite)"
    (cd "$vite_dir" && npm ci --no-audit --no-fund --loglevel=error)
    printf '%s\n' "$vite_sum" > "$vite_stamp"
  fi

  docs_dir=tests/hosts/mkdocs
  venv="$docs_dir/.venv"
  docs_sum="$(sha256sum "$docs_dir/requirements.txt" | cut -c1-64)"
  docs_stamp="$venv/.privatelink-prep-requirements"
  if [ ! -f "$docs_stamp" ] || [ "$(cat "$docs_stamp")" != "$docs_sum" ] || [ ! -x "$venv/bin/mkdocs" ]; then
    rm -rf "$venv"
    say "python3 -m venv $venv; pip install -r $docs_dir/requirements.txt (MkDocs, Material)"
    # Debian's python3 makes a venv only with python3-venv (ensurepip).
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      rm -rf "$venv"
      apt_install python3-venv
      python3 -m venv "$venv"
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$docs_dir/requirements.txt"
    printf '%s\n' "$docs_sum" > "$docs_stamp"
  fi
fi

# Chromium and ChromeDriver from Debian, for the browser tests.
if [ "$mode" = all ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium is still missing after apt-get install"
  [ -x /usr/bin/chromedriver ] || die "/usr/bin/chromedriver is still missing after apt-get install"
  # The Nu Html Checker (npm vnu-jar) in the HTML tests runs on Java.
  command -v java >/dev/null 2>&1 || apt_install default-jre-headless
  command -v java >/dev/null 2>&1 || die "java is still missing after apt-get install"
fi

say "setup done ($mode): wasm-bindgen $want, node $(node --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"

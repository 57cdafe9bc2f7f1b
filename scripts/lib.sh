# Shared helpers for the scripts in this folder; sourced, not run.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo "$@";
  else die "'$*' needs root (or sudo)"; fi
}

# The exact wasm-bindgen version the crate links: Cargo.lock first, then the pin in Cargo.toml.
wasm_bindgen_version() {
  local v=""
  if [ -f "$ROOT/Cargo.lock" ]; then
    v="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
  fi
  if [ -z "$v" ]; then
    v="$(sed -n 's/^wasm-bindgen *= *"=\{0,1\}\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml" | head -n1)"
  fi
  [ -n "$v" ] || die "cannot tell the wasm-bindgen version from Cargo.lock or Cargo.toml"
  printf '%s\n' "$v"
}

# Seconds since the epoch, for step timings.
now() { date +%s; }

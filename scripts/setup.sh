#!/usr/bin/env bash
# Installs what the playground needs to build (and, with --test, to test), idempotently:
# a warm machine passes through in seconds, a fresh one (Rust, Node, Python, apt) gets everything.
#   scripts/setup.sh          build tools: wasm target, cargo-leptos, wasm-bindgen CLI, npm tools
#   scripts/setup.sh --test   also Debian's Chromium, redis-server, and Go, PHP and a JDK for the
#                             server snippets' test (Node 20 and Python 3 are expected, as for the build)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
# The wasm-bindgen CLI must match the crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

say() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  # 0.3.11+ needs rustc 1.96; no_downloads makes a missing helper tool fail fast
  # instead of trying GitHub, which is unreachable here.
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes, once per machine)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  # Not --locked: its lockfile pins a webpki-roots release missing from the registry.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm tools: wasm-opt (binaryen) for release builds, Playwright for the end-to-end tests,
# TypeScript to type-check the simulator, and for the code to take home: the packages its
# typed stacks are checked against (weixin-js-sdk, vue, vue-router, react, react-router) and
# esbuild, which bundles them to run on the simulator.
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -x end2end/node_modules/.bin/tsc ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen, Playwright, TypeScript, esbuild, the snippets' packages)"
  (cd end2end && npm ci --no-audit --no-fund)
fi

if [ "${1:-}" = "--test" ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v redis-server >/dev/null || missing+=(redis-server)
  # The toolchains wechat/tests/server_snippets.rs runs snippets/server/ with.
  command -v go >/dev/null || missing+=(golang-go)
  command -v php >/dev/null || missing+=(php-cli)
  command -v javac >/dev/null || missing+=(default-jdk-headless) # java alone cannot launch a source file
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi
say "tools ready"

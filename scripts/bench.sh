#!/usr/bin/env bash
# The benchmark: sets up what is missing (wrk from Debian), builds in release, then
# prints the figures as a Markdown table (scripts/bench.py says what each one is).
# Only the table goes to stdout; setup and build talk on stderr.
#   scripts/bench.sh [--seconds N] [--hydration-runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test >&2
if ! command -v wrk >/dev/null; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >&2
fi
source scripts/env.sh
cargo leptos build --release --split --precompress >&2
scripts/build-runtime.sh >&2
exec python3 scripts/bench.py "$@"

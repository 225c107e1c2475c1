#!/usr/bin/env bash
# Sets up what is missing, builds in release and serves the playground at
# http://127.0.0.1:3000 (sandbox mode unless WECHAT_APP_ID/WECHAT_APP_SECRET are set).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
cargo leptos build --release --split --precompress
scripts/build-runtime.sh
export LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=wechat-playground
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
echo "serving http://$LEPTOS_SITE_ADDR"
exec target/release/server

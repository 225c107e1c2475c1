#!/usr/bin/env bash
# Sets up what is missing, builds in release and serves the playground at
# http://127.0.0.1:3000 (sandbox mode unless WECHAT_APP_ID/WECHAT_APP_SECRET are set).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec cargo leptos serve --release --split --precompress

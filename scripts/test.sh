#!/usr/bin/env bash
# Sets up what is missing, then runs every check; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n\033[1;34m### %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all --check

step "clippy (server side: ssr)"
cargo clippy -p wechat-jssdk -p server --features wechat-jssdk/redis,wechat-jssdk/fake --all-targets -- -D warnings
cargo clippy -p wechat-jssdk --no-default-features --all-targets -- -D warnings   # the pure core alone
cargo clippy -p app --features ssr --all-targets -- -D warnings

step "clippy (browser side: hydrate)"
cargo clippy -p app -p frontend --features app/hydrate --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p runtime --target wasm32-unknown-unknown -- -D warnings   # the category runtime (app: browser)

step "the pure core builds for the browser (no I/O, no features)"
cargo build -p wechat-jssdk --no-default-features --target wasm32-unknown-unknown

step "unit and integration tests"
cargo test -p wechat-jssdk --features redis,fake   # redis_store.rs runs a real redis-server
cargo test -p app --features ssr   # also writes app/bindings/*.ts, the catalog's types
cargo test -p server

step "the wechat crate on its own: docs without warnings, the package as crates.io would take it"
RUSTDOCFLAGS="-D warnings" cargo doc -p wechat-jssdk --no-deps --quiet
published=$(cargo publish --dry-run -p wechat-jssdk --allow-dirty 2>&1) || { echo "$published"; exit 1; }
if grep '^warning' <<<"$published" | grep -vq 'aborting upload due to dry run'; then
  echo "$published"; exit 1
fi

step "the simulator type-checks (JSDoc types, tsc --strict, against app/bindings)"
(cd end2end && npx tsc -p simulator)

step "every call in the typed stacks type-checks (tsc --strict against weixin-js-sdk, vue, react)"
(cd end2end && npx tsc -p snippets)

step "release build"
cargo leptos build --release --split --precompress
scripts/build-runtime.sh

step "end-to-end (Playwright, Debian's Chromium)"
(cd end2end && npx playwright test)

step "end-to-end across two instances sharing a redis-server (the live session, each instance restarted)"
(cd end2end && npx playwright test -c multi.config.ts)

step "secrets canary (Playwright in live mode against a fake WeChat API)"
scripts/canary.sh

echo
echo "all checks passed"

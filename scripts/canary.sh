#!/usr/bin/env bash
# The secrets canary. Runs the Playwright suite against the release server in live mode, with
# a random AppSecret, its WeChat API being the fake WeChat API in a process of its own (real
# HTTP). Then neither the secret nor any access_token or ticket the fake issued may appear in
# an HTTP response the browser received, a page's DOM, a file under target/site, or a line the
# server logged; /setup (its checks in live mode, a phone's result in its live list) is among
# the pages recorded. Needs the release build (`cargo leptos build --release --split --precompress`).
#
#   scripts/canary.sh [playwright args…]    e.g. scripts/canary.sh --project=hydrate
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

root=$PWD
out=target/canary
rm -rf "$out"
mkdir -p "$out/responses"

random() { LC_ALL=C tr -dc "$1" </dev/urandom | head -c "$2" || true; }
secret="CANARY$(random 'A-Za-z0-9' 26)"     # an AppSecret: 32 letters or digits
app_id="wxcanary$(random 'a-z0-9' 10)"      # an appId: wx + 16 letters or digits

cargo build --quiet -p wechat-jssdk --features fake --example fake_wechat
FAKE_APP_ID="$app_id" FAKE_APP_SECRET="$secret" target/debug/examples/fake_wechat \
  >"$out/fake.log" 2>&1 &
fake_pid=$!
trap 'kill "$fake_pid" 2>/dev/null || true' EXIT
base=""
for _ in $(seq 100); do
  base=$(sed -n 's/^listening on //p' "$out/fake.log")
  [ -n "$base" ] && break
  kill -0 "$fake_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$base" ]; then
  echo "canary: the fake WeChat API did not start:" >&2
  cat "$out/fake.log" >&2
  exit 1
fi

(
  cd end2end
  CANARY_DIR="$root/$out/responses" \
  E2E_SERVER_LOG="$root/$out/server.log" \
  E2E_STATE_DIR="$out/state" \
  WECHAT_APP_ID="$app_id" \
  WECHAT_APP_SECRET="$secret" \
  WECHAT_API_BASE="$base" \
    npx playwright test "$@"
)

curl -fsS "$base/__canary/issued" >"$out/issued.txt"
grep -v '^$' "$out/issued.txt" >"$out/patterns.txt" || true
echo "$secret" >>"$out/patterns.txt"

fail() {
  echo "canary: $*" >&2
  exit 1
}
tokens=$(grep -c '^FAKE_TOKEN_' "$out/patterns.txt" || true)
[ "$tokens" -ge 1 ] || fail "the fake issued no access_token: the run proves nothing"
responses=$(find "$out/responses" -type f | wc -l)
[ "$responses" -ge 20 ] || fail "only $responses responses were recorded"
grep -rqF "$app_id" "$out/responses" ||
  fail "no recorded response carries the appId: the recorder saw no live-mode page"
[ -s "$out/server.log" ] || fail "the server logged nothing"
grep -rlqF 'data-code="token_held"' "$out/responses" ||
  fail "no recorded /setup page checked a live access_token: the canary did not cover /setup"
grep -rlqF 'setup_phone_result' "$out/responses" ||
  fail "no recorded /setup page showed a phone's result: the canary did not cover /setup's live list"

leaks=0
for place in "$out/responses" target/site "$out/server.log"; do
  if grep -rlF -f "$out/patterns.txt" "$place" >"$out/leaks.txt"; then
    echo "canary: a secret appears in $place:" >&2
    sed 's/^/  /' "$out/leaks.txt" >&2
    leaks=1
  fi
done
[ "$leaks" = 0 ] || exit 1
echo "canary: the AppSecret and $tokens access_tokens ($(($(wc -l <"$out/patterns.txt") - 1)) issued values in all) appear in none of $responses responses, target/site or $(wc -l <"$out/server.log") server log lines"

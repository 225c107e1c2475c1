#!/usr/bin/env bash
# Builds the category pages' runtime (runtime/: the demo without Leptos' view layer) into
# target/site/assets/runtime/: the wasm built for size and wasm-opt'ed as cargo-leptos does
# the main bundle, its glue, and both precompressed (gzip, brotli). The pages load it at the
# site's asset version, cached for a year. Run after `cargo leptos build`, which lays out
# target/site.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

out=target/site/assets/runtime
cargo build -p runtime --lib --target wasm32-unknown-unknown --profile wasm-release
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name category \
  target/wasm32-unknown-unknown/wasm-release/runtime.wasm
# The glue minified as cargo-leptos minifies the main bundle's.
esbuild --minify --format=esm --log-level=warning "$out/category.js" --outfile="$out/category.min.js"
mv "$out/category.min.js" "$out/category.js"
# wasm-streams' stream classes come in with Leptos' server-function client and are never used.
node scripts/wasm-drop-exports.mjs "$out/category_bg.wasm" intounderlying,__wbg_intounderlying
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$out/category_bg.wasm" -o "$out/category_bg.wasm"
for file in "$out/category.js" "$out/category_bg.wasm"; do
  gzip -9 -n -c "$file" > "$file.gz"
  node -e '
const fs = require("fs"), zlib = require("zlib"), file = process.argv[1], data = fs.readFileSync(file);
fs.writeFileSync(file + ".br", zlib.brotliCompressSync(data, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
}));' "$file"
done
printf 'runtime: %s bytes of wasm, %s gzip\n' \
  "$(stat -c %s "$out/category_bg.wasm")" "$(stat -c %s "$out/category_bg.wasm.gz")"

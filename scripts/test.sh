#!/usr/bin/env bash
# Sets everything up and runs every test: native unit, golden and doc tests; the WebAssembly binding
# under Node and in headless Chromium; and the page end to end in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh --browser

step() { printf '\n== %s\n' "$*"; }

step "Native tests (unit, golden articles, doc examples)"
cargo test --release

step "WebAssembly binding under Node"
wasm-pack test --node --test wasm

step "WebAssembly binding in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)" --test wasm

step "Build the page's package"
node scripts/build.mjs

step "The page end to end in headless Chromium"
node --test tests/e2e/

#!/usr/bin/env bash
# Sets everything up and runs every test: native unit, golden and doc tests; the WebAssembly binding
# under Node and in headless Chromium; the export formats, native ≡ WebAssembly on generated
# inputs, the npm package, and the page, the embedded element and offline use end to end in
# headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh --browser

step() { printf '\n== %s\n' "$*"; }

step "Native tests (unit, golden articles, doc examples)"
cargo test --release

step "Unit and property tests again in a debug build, where arithmetic overflow panics"
cargo test --lib --test properties --quiet

step "API docs build with every link resolving"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

step "WebAssembly binding under Node"
wasm-pack test --node --test wasm

step "WebAssembly binding in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)" --test wasm

step "Build the page's package, the single-file page and the npm package"
node scripts/build.mjs

step "Export formats, the offline cache list, and the CLI against the WebAssembly package (Node)"
cargo build --release --bin analyse --quiet
node --test tests/unit/

step "The npm package as a consumer installs it (Node, TypeScript)"
node --test tests/package/

step "The page, the embedded element and offline use, end to end in headless Chromium"
node --test --test-concurrency=1 tests/e2e/

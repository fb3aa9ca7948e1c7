#!/usr/bin/env bash
# Sets everything up, builds the WebAssembly package and serves the page on http://127.0.0.1:8080/
# (PORT=9000 scripts/serve.sh for another port).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
node scripts/build.mjs
exec node scripts/serve.mjs "${PORT:-8080}"

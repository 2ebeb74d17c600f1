#!/usr/bin/env bash
# Installs what guidegen needs on Debian: the cmark-gfm C library and mimalloc (always) and, with --test, the
# browser, CJK fonts and Python packages the end-to-end and browser tests use. Idempotent.
set -euo pipefail
need=(libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  need+=(chromium chromium-driver fonts-noto-cjk python3-pip)
fi
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if (( ${#missing[@]} )); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [[ "${1:-}" == "--test" ]]; then
  # selenium-axe-python carries axe-core, the accessibility engine test_accessibility.py runs in Chromium.
  python3 -c "import jsonschema, selenium, pytest, selenium_axe_python" 2>/dev/null ||
    python3 -m pip install -q jsonschema selenium pytest selenium-axe-python
fi

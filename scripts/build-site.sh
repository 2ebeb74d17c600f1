#!/usr/bin/env bash
# Builds guidegen and the shipped site: content/ + site-templates/ → public/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product guidegen
.build/release/guidegen build --content content --templates site-templates --output public "$@"

#!/usr/bin/env bash
# Set everything up, then extract the bundled example PDF to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/warraq extract examples/sample.pdf

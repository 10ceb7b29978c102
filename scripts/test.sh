#!/usr/bin/env bash
# Set everything up, then run the test suite (no Chromium or LibreOffice needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -q "$@"

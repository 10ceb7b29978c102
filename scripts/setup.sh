#!/usr/bin/env bash
# Set up warraq on a fresh Debian machine: system packages, then a virtualenv in .venv.
#   bash scripts/setup.sh          # what the package and its tests need
#   bash scripts/setup.sh --bench  # also Chromium, LibreOffice, Ghostscript: the corpus producers
set -euo pipefail
cd "$(dirname "$0")/.."

apt_pkgs=(python3-venv poppler-utils qpdf tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng
          fonts-hosny-amiri fonts-noto-core fonts-kacst fonts-sil-scheherazade)
extras=".[dev]"
if [[ "${1:-}" == "--bench" ]]; then
  apt_pkgs+=(chromium libreoffice-writer-nogui libreoffice-core ghostscript)
  extras=".[dev,bench]"
fi

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then SUDO=sudo; else SUDO=; fi
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e "$extras"
# the outline index of installed Arabic fonts (glyph recovery); built once, cached in ~/.cache/warraq
.venv/bin/python -m warraq.fonts.outline >/dev/null 2>&1 || echo "setup: outline index not built (recovery will build it on first use)" >&2
echo "setup: done (.venv)" >&2

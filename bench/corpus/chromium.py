"""Producer: headless Chromium --print-to-pdf from RTL, justified HTML."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from . import deps, fonts
from .htmlgen import html_document
from .textfmt import Doc

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--no-pdf-header-footer")  # no date/URL/title/page-number headers from the browser


def html_to_pdf(html: str, out: Path, workdir: Path) -> None:
    """Print one HTML string to PDF with a throwaway profile."""
    exe = deps.which(deps.NEEDS["chromium"][0][0])
    if exe is None:
        raise RuntimeError("chromium not found")
    src = workdir / (out.stem + ".html")
    src.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="warraq-chromium-") as prof:
        cmd = [exe, *FLAGS, f"--user-data-dir={prof}", f"--print-to-pdf={out}", src.as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    if not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no PDF for {out.name}")


def render(doc: Doc, font: fonts.Font, layout: str, out: Path, workdir: Path) -> None:
    mode = "bottom" if layout == "footnotes" else "end"
    html_to_pdf(html_document(doc, font, layout, mode), out, workdir)

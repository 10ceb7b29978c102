"""Producer: WeasyPrint (Python API) from the same HTML, with CSS GCPM footnotes."""

from __future__ import annotations

import logging
from pathlib import Path

from . import fonts
from .htmlgen import html_document
from .textfmt import Doc

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def render(doc: Doc, font: fonts.Font, layout: str, out: Path, workdir: Path) -> None:
    import weasyprint

    mode = "float" if layout == "footnotes" else "end"
    html = html_document(doc, font, layout, mode)
    weasyprint.HTML(string=html, base_url=str(workdir)).write_pdf(str(out))

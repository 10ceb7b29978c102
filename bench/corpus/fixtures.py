"""Small one-page fixture PDFs for the test suite (tests/fixtures/NAME.pdf + NAME.txt)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import deps, fonts, lo
from .build import ROOT, page_count, renderer
from .fixture_texts import TEXTS
from .textfmt import Doc, parse
from .truth import truth_text

DEFAULT_OUT = ROOT / "tests" / "fixtures"
MAX_BYTES = 100_000


@dataclass(frozen=True)
class Spec:
    name: str
    producer: str
    font: str
    layout: str
    texts: tuple[str, ...]
    folder: str = ""  # "vowelled": fully vowelled texts for the recovery tests, not golden ones


SPECS = (
    Spec("chromium-amiri-notice", "chromium", "Amiri", "single", ("notice",)),
    Spec("libreoffice-notonaskh-memoir-kashida", "libreoffice", "Noto Naskh Arabic", "single", ("memoir",)),
    Spec("fpdf2-notosans-memoir", "fpdf2", "Noto Sans Arabic", "single", ("memoir",)),
    # fpdf2 gives a cluster's text to Amiri's kashida and none to the letter's own glyph
    Spec("fpdf2-amiri-bakery", "fpdf2", "Amiri", "single", ("bakery",)),
    Spec("weasyprint-notonaskh-notice", "weasyprint", "Noto Naskh Arabic", "single", ("notice",)),
    # old Scheherazade draws hamza apart from alef; WeasyPrint maps the alef glyph to "أ" wherever
    Spec("weasyprint-scheherazade-hamza", "weasyprint", "Scheherazade", "single", ("hamza",)),
    Spec("legacy-amiri-notice", "legacy", "Amiri", "single", ("notice",)),
    Spec("chromium-notonaskh-2col", "chromium", "Noto Naskh Arabic", "two-column", ("notice", "memoir")),
    Spec("libreoffice-kacstbook-table", "libreoffice", "KacstBook", "table", ("results",)),
    # Chromium wraps each vocalised cluster in /ActualText, drawing the mark before its letter
    Spec("chromium-amiri-vocalised", "chromium", "Amiri", "single", ("evening",)),
    # old Scheherazade: WeasyPrint maps each glyph to the text of the first cluster it drew
    Spec("weasyprint-scheherazade-vocalised", "weasyprint", "Scheherazade", "single", ("evening",)),
    Spec("chromium-amiri-rain", "chromium", "Amiri", "single", ("rain",), "vowelled"),
    Spec("libreoffice-amiri-rain", "libreoffice", "Amiri", "single", ("rain",), "vowelled"),
)


def fixture_doc(keys: tuple[str, ...]) -> Doc:
    """One Doc from one or more fixture texts, in order; the title is the first one's."""
    docs = [parse(TEXTS[k], k) for k in keys]
    blocks = tuple(b for d in docs for b in d.blocks)
    return Doc("-".join(keys), docs[0].meta, blocks, {})


def write_fixtures(out: Path) -> int:
    """Render every fixture whose producer and font are available; returns how many were written."""
    producers, found = deps.check(sorted({s.producer for s in SPECS}))
    families = {f.family for f in found}
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="warraq-fixtures-"))
    written = 0
    try:
        for s in SPECS:
            if s.producer not in producers or s.font not in families:
                deps.warn(f"fixture {s.name} skipped")
                continue
            where = out / s.folder
            where.mkdir(parents=True, exist_ok=True)
            doc, font, pdf = fixture_doc(s.texts), fonts.BY_FAMILY[s.font], where / f"{s.name}.pdf"
            if s.producer == "libreoffice":
                src = work / f"{s.name}.fodt"
                src.write_text(lo.fodt(doc, font, s.layout), encoding="utf-8")
                lo.convert([src], where)
            else:
                renderer(s.producer)(doc, font, s.layout, pdf, work)
            pages, size = page_count(pdf), pdf.stat().st_size
            if pages != 1 or size > MAX_BYTES:
                deps.warn(f"fixture {s.name}: {pages} pages, {size} bytes (want 1 page, < {MAX_BYTES})")
            (where / f"{s.name}.txt").write_text(truth_text(doc), encoding="utf-8")
            print(f"fixture {pdf.name}: {pages} page(s), {size // 1024} KB")
            written += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return written

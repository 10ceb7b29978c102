"""A cheap guard on every built PDF: are the truth's letters all in the PDF's text layer?

Order-free (a multiset of letters and digits after NFKC, tatweel dropped), so it catches clipped
or missing text and stray extra text, not reading-order problems (those are the scorer's job).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

TOLERANCE = 0.03  # extra letters (producers add some)
MISSING_TOLERANCE = 0.01  # lost letters: one lost line in a long text must show
# Producers whose ToUnicode is wrong for some fonts (pages checked by eye: the glyphs are right):
# WeasyPrint maps glyphs shared by several clusters (tashkeel, hamza forms) to the wrong letters.
GARBLED_TOUNICODE = frozenset({"weasyprint"})  # fraction of letters; text-layer quirks (e.g. decomposed hamza) stay below it


def letters(text: str) -> Counter[str]:
    folded = unicodedata.normalize("NFKC", text)
    return Counter(c for c in folded if unicodedata.category(c)[0] in "LN" and c != "\u0640")


def pdf_text(pdf: Path) -> str:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        parts = []
        for page in doc:
            tp = page.get_textpage()
            parts.append(tp.get_text_range())
            tp.close()
            page.close()
        return "\n".join(parts)
    finally:
        doc.close()


def letter_gap(pdf: Path, truth: str) -> tuple[int, int, int]:
    """(letters of the truth missing from the PDF, extra letters in the PDF, letters in the truth)."""
    want, got = letters(truth), letters(pdf_text(pdf))
    return sum((want - got).values()), sum((got - want).values()), sum(want.values())


def problems(pdf: Path, truth: str, has_running_text: bool) -> tuple[str | None, str | None]:
    """(warning, note): letters missing from the text layer are a warning (truth or rendering is
    wrong); extra letters are only a note, since producers add some (LibreOffice maps kashida
    glyphs to stray characters, WeasyPrint garbles some fonts' ToUnicode)."""
    missing, extra, total = letter_gap(pdf, truth)
    if has_running_text:  # running header/footer letters are legitimately extra
        extra = 0
    warn = note = None
    if total and missing / total > MISSING_TOLERANCE:
        warn = f"{missing} of {total} truth letters missing from the text layer"
    if total and extra / total > TOLERANCE:
        note = f"{extra} extra letters in the text layer ({total} in the truth)"
    return warn, note

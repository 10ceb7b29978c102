"""PDFs rewritten by cairo: pdftocairo, or a PDF printed to a file from a viewer built on poppler.

cairo maps every glyph it writes. A glyph that had no text of its own in the PDF it was made from
(the mark of a cluster whose letter carries the whole cluster, as WeasyPrint maps it) goes into
an empty /ActualText, with a ToUnicode entry read from the font; the letter keeps the cluster's
text. Read naively, every such mark is said twice.
"""

from __future__ import annotations

import re
import unicodedata

from conftest import FIXTURES

import warraq
from bench.score import levenshtein as distance

REWRITTEN = FIXTURES / "cairo" / "weasyprint-scheherazade-vocalised.pdf"  # pdftocairo -pdf of the fixture
TRUTH = REWRITTEN.with_suffix(".txt")  # the original fixture's truth
# the same mark twice on one letter, or a hamza mark on a letter that has its hamza
SAID_TWICE = re.compile("([\u064b-\u0655])\\1|[أؤئ]\u0654|إ\u0655|آ\u0653")


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_a_cairo_rewrite_says_each_mark_once() -> None:
    got = _normal(warraq.extract(REWRITTEN).text())
    assert SAID_TWICE.search(got) is None, SAID_TWICE.search(got)


def test_a_cairo_rewrite_reads_close_to_the_original() -> None:
    # WeasyPrint also maps a glyph to the first cluster it drew it in; the original's font cmap
    # shows that, cairo's subset has none: a few marks of other words stay (2.3 % here)
    truth = _normal(TRUTH.read_text(encoding="utf-8"))
    got = _normal(warraq.extract(REWRITTEN).text())
    assert distance(got, truth) / len(truth) <= 0.03

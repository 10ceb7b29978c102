"""PDFs rewritten by another program: cairo (pdftocairo, or a PDF printed to a file from a
viewer built on poppler) and Ghostscript (pdfwrite: printing to a PDF file, "compressing" one).

cairo maps every glyph it writes. A glyph that had no text of its own in the PDF it was made from
(the mark of a cluster whose letter carries the whole cluster, as WeasyPrint maps it) goes into
an empty /ActualText, with a ToUnicode entry read from the font; the letter keeps the cluster's
text. Read naively, every such mark is said twice.

Ghostscript keeps the glyphs but may make their ToUnicode up: Arabic cut to one byte (ا as "'",
the comma U+060C as a control), two characters packed into one ideograph, Latin letters counted
up over runs of codes. The glyphs drawn must then say what they are. It also drops the fonts'
cmaps, which showed where the original's map was wrong (WeasyPrint's alef glyph says "أ" wherever
it is drawn): the outlines must show that too.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import FIXTURES

import warraq
from bench.score import levenshtein as distance
from warraq.fonts.doctor import _undotted
from warraq.fonts.recovered import Recovered
from warraq.fonts.shown import invented_texts

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


@pytest.mark.parametrize("name", sorted(p.stem for p in (FIXTURES / "ghostscript").glob("*.pdf")))
def test_a_ghostscript_rewrite_reads_what_its_glyphs_draw(name: str) -> None:
    pdf = FIXTURES / "ghostscript" / f"{name}.pdf"  # gs -sDEVICE=pdfwrite of the fixture
    truth = _normal(pdf.with_suffix(".txt").read_text(encoding="utf-8"))
    got = _normal(warraq.extract(pdf).text())
    assert distance(got, truth) / len(truth) <= 0.02, got[:200]


def test_made_up_maps_are_told_from_sound_ones() -> None:
    counted_up = {10: "ب", 11: "ÿ", 12: "ÿ", 13: "ÿ", 14: "Ā", 15: "Ā", 16: "Ā", 17: "Ę", 18: "f"}
    assert invented_texts(counted_up) == {"ÿ", "Ā", "Ę", "f"}
    cut_to_a_byte = {1: "'", 2: "D", 3: "\x0c", 4: "\x1f", 5: "\x1b", 6: "H"}
    assert invented_texts(cut_to_a_byte) == {"'", "D", "\x0c", "\x1f", "\x1b", "H"}
    packed = {1: "ق\u424e", 2: "ن\u4650", 3: "\u4e49", 4: "م", 5: "1"}
    assert invented_texts(packed) == {"ق\u424e", "ن\u4650", "\u4e49", "1"}
    # an Arabic font with its own Latin, one glyph per letter (two for an alternate "a")
    sound = {1: "ب", 2: "ت", 3: "a", 4: "a", 5: "b", 6: "c", 7: "é", 8: "\x00"}
    assert invented_texts(sound) == set()
    # a Latin font whose letters have alternates, and no Arabic
    assert invented_texts({1: "a", 2: "a", 3: "a", 4: "e", 5: "e", 6: "e"}) == set()


def test_a_dot_the_glyph_box_does_not_show_is_left_out() -> None:
    # KacstBook's ظ has the box of its ط: the box cannot tell them apart, the commoner is taken
    def read(letter: str) -> Recovered:
        return Recovered(letter, "outline", 0.9)

    assert _undotted({"ط": read("ط"), "ظ": read("ظ")}) == "ط"
    assert _undotted({"ب": read("ب"), "ت": read("ت")}) is None  # no member without dots
    assert _undotted({"ط": read("ط"), "ع": read("ع")}) is None  # not the same shape

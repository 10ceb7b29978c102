"""A watermark drawn at a slant across a page ("نسخة للمراجعة" over a two-column page, laid on
with qpdf --overlay) is read apart, as page furniture: the columns read as without it."""

from __future__ import annotations

import json

from conftest import FIXTURES

import warraq
from warraq.layout.turned import split_turned
from warraq.pdf.glyphs import Glyph

MARKED = FIXTURES / "watermark" / "chromium-notonaskh-2col.pdf"


def test_a_watermark_leaves_the_columns_as_they_read_without_it() -> None:
    assert warraq.extract(MARKED).text() == warraq.extract(FIXTURES / "chromium-notonaskh-2col.pdf").text()


def test_the_watermark_is_kept_in_json_as_furniture() -> None:
    pages = json.loads(warraq.extract(MARKED).to_json())["pages"]
    marks = [b for b in pages[0]["blocks"] if b["kind"] == "watermark"]
    assert [" ".join(line["text"] for line in b["lines"]) for b in marks] == ["نسخة للمراجعة"]


def _glyph(angle: float) -> Glyph:
    return Glyph("ب", "tounicode", 0, 0, 5, 10, 0, 10, 10.0, "F", 0, angle=angle)


def test_a_page_set_sideways_is_not_a_watermark() -> None:
    slanted, upright = [_glyph(0.78)] * 3, [_glyph(0.0)] * 10
    assert split_turned(upright + slanted) == (upright, slanted)
    assert split_turned(upright[:2] + slanted) == (upright[:2] + slanted, [])  # mostly turned: the page's own
    assert split_turned(upright) == (upright, [])

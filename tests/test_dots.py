"""Letters drawn as a dotless skeleton plus a glyph of dots (recent Noto Kufi under dvipdfmx):
the skeleton is mapped to a dotless letter, the dots to nothing; warraq puts the letter back."""

from __future__ import annotations

from pathlib import Path

from synthfont import Shapes, build_font, type0_pdf

import warraq
from warraq.arabic.chars import DOT_MARKS, compose_dots
from warraq.fonts.dots import dots_mark
from warraq.fonts.program import program_from_bytes

DOTLESS_BEH, BEH, TEH, YEH, ALEF = "\u066e", "\u0628", "\u062a", "\u064a", "\u0627"
# (x0, y0, x1, y1) rectangles of each glyph, and its advance, in units of a 1000-unit em
SHAPES: Shapes = {
    ".notdef": ([], 500),
    "skeleton": ([(0, 0, 500, 100)], 500),
    "alef": ([(0, 0, 100, 700)], 150),
    "dotbelow": ([(-56, -200, 56, -80)], 0),
    "twodotsabove": ([(-144, 580, -32, 700), (29, 580, 141, 700)], 0),
    "ring": ([(-80, 580, 80, 740), (-40, 620, 40, 700)], 0),      # a sukun: nested, not dots
    "period": ([(0, 0, 110, 110)], 250),                           # on the baseline, with room
    "centredot": ([(-56, -60, 56, 60)], 0),                        # ج's dot, placed in the bowl
}


def _font() -> bytes:
    return build_font(SHAPES, {0x066E: "skeleton", 0x0627: "alef"})


def _pdf(dst: Path) -> Path:
    """"بات" set right to left as skeleton+dot below, alef, skeleton+two dots above."""
    drawn = [("skeleton", 200), ("dotbelow", 205), ("alef", 197), ("skeleton", 186), ("twodotsabove", 191)]
    return type0_pdf(dst, SHAPES, _font(), {1: DOTLESS_BEH, 2: ALEF}, drawn)


def test_dots_glyphs_are_told_from_marks_and_signs_by_their_outline() -> None:
    prog = program_from_bytes(_font())
    assert prog is not None
    got = {name: dots_mark(prog, gid) for gid, name in enumerate(SHAPES)}
    assert got["dotbelow"] == DOT_MARKS[("below", 1)]
    assert got["twodotsabove"] == DOT_MARKS[("above", 2)]
    assert got["centredot"] == DOT_MARKS[("below", 1)]
    assert got["ring"] is None and got["period"] is None and got["skeleton"] is None
    assert got["alef"] is None and got[".notdef"] is None


def test_dots_go_back_on_their_skeleton() -> None:
    below, above2 = DOT_MARKS[("below", 1)], DOT_MARKS[("above", 2)]
    assert compose_dots(DOTLESS_BEH + below + ALEF + DOTLESS_BEH + above2) == BEH + ALEF + TEH
    assert compose_dots(DOTLESS_BEH + "\u064e" + DOT_MARKS[("below", 2)]) == YEH + "\u064e"  # a vowel stays
    assert compose_dots(ALEF + below) == ALEF            # dots that make no letter stand for nothing
    assert compose_dots(DOTLESS_BEH + "\u0654") == "\u0626"  # the tooth with hamza is yeh with hamza
    plain = "ٮ كتب الطالب 12 dots \u0323"              # no dotless skeleton under a placeholder
    assert compose_dots(plain) == plain.replace(" \u0323", " ")


def test_a_word_with_its_dots_drawn_apart_reads_whole(tmp_path: Path) -> None:
    doc = warraq.extract(_pdf(tmp_path / "dots.pdf"))
    assert doc.text().strip() == BEH + ALEF + TEH
    assert doc.pages[0].verdict.methods["dots"] == 2


def test_dots_a_writer_maps_to_a_letter_go_on_the_letter_they_dot(tmp_path: Path) -> None:
    # PowerPoint: one ToUnicode entry per glyph, from the glyph's first use, so a dotted letter's
    # skeleton says "ت" and the dots glyph drawn on it, raised a little, says "ر" (of "تر")
    shapes: Shapes = {**SHAPES, "raiseddots": ([(-120, 60, -20, 160), (20, 60, 120, 160), (-50, 180, 50, 280)], 0)}
    prog = program_from_bytes(build_font(shapes, {0x066E: "skeleton", 0x0627: "alef"}))
    assert prog is not None and dots_mark(prog, list(shapes).index("raiseddots")) == DOT_MARKS[("above", 3)]
    codes = {name: k for k, name in enumerate(shapes)}
    # the alef's entry contradicts the font's cmap, as PowerPoint's lam-alef entries do
    tounicode = {codes["skeleton"]: TEH, codes["raiseddots"]: "\u0631", codes["alef"]: "\u0644"}
    drawn = [("skeleton", 200), ("raiseddots", 205), ("alef", 197)]
    pdf = type0_pdf(tmp_path / "ppt.pdf", shapes, build_font(shapes, {0x066E: "skeleton", 0x0627: "alef"}),
                    tounicode, drawn)
    assert warraq.extract(pdf).text().strip() == "\u062b" + ALEF  # ث: the skeleton with three dots
    assert compose_dots(TEH + DOT_MARKS[("above", 3)]) == "\u062b"
    assert compose_dots("\u0634" + DOT_MARKS[("above", 3)]) == "\u0634"

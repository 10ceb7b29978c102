"""Which glyph was drawn, told by its ink box when the shown text cannot tell.

Several char codes may show one text: Chromium maps every glyph of a multi-glyph cluster to
U+0000 and leaves the text to /ActualText; PowerPoint maps its final lam-alef to "ل" like the
lam itself; a font without ToUnicode shows some char codes as ordinary characters. PDFium
reports each char's box from the glyph outline's control box (FreeType, 1/1000 em), so that box,
seen from the char's origin, picks the glyph among the candidates.
"""

from __future__ import annotations

from fontTools.pens.boundsPen import ControlBoundsPen

from warraq.fonts.program import FontProgram

#: (x min, y min, x max, y max) of a glyph's ink, 1/1000 em, relative to its origin.
Box = tuple[float, float, float, float]


def glyph_box(prog: FontProgram, gid: int) -> Box | None:
    """The control box of a glyph in 1/1000 em, as PDFium computes char boxes; None if empty."""
    if not 0 <= gid < len(prog.glyph_order):
        return None
    raw = prog.raw_glyf
    if raw is not None:  # TrueType: the box its 'glyf' entry stores, none for an empty glyph
        bounds = raw.bounds(gid)
    else:  # CFF: the outline drawn
        pen = ControlBoundsPen(prog.glyphset)
        bounds = pen.bounds if prog.draw(gid, pen) else None
    if bounds is None:
        return None
    scale = 1000.0 / prog.upem
    x0, y0, x1, y1 = bounds
    return (x0 * scale, y0 * scale, x1 * scale, y1 * scale)


def same_box(font_box: Box, seen: Box) -> bool:
    """Is `seen` (from PDFium) the box of a glyph whose outline has `font_box`?

    Measured on Amiri, Scheherazade and Noto Naskh: left, right and bottom agree to a unit,
    while PDFium's top comes out about 1.5 % further from the baseline than the outline's.
    """
    (fx0, fy0, fx1, fy1), (sx0, sy0, sx1, sy1) = font_box, seen
    lo, hi = sorted((fy1, 1.02 * fy1))
    return (abs(fx0 - sx0) <= 3 and abs(fx1 - sx1) <= 3 and abs(fy0 - sy0) <= 3
            and lo - 3 <= sy1 <= hi + 3)


def misfit(font_box: Box, seen: Box) -> float:
    """How far `seen` is from `font_box`, for glyphs that both pass `same_box` (ف and ق, ت and
    ن differ by a few units in height); the top is compared with and without PDFium's 1.5 %."""
    (fx0, fy0, fx1, fy1), (sx0, sy0, sx1, sy1) = font_box, seen
    return abs(fx0 - sx0) + abs(fx1 - sx1) + abs(fy0 - sy0) + min(abs(fy1 - sy1), abs(1.015 * fy1 - sy1))

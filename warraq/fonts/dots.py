"""Glyphs that are only the dots of a letter, drawn apart from its dotless skeleton.

Some fonts (recent Noto Kufi Arabic among them) draw ب ت ث ن ي as one skeleton glyph plus a
glyph of one, two or three dots placed by GPOS. Writers such as dvipdfmx map the skeleton to a
dotless letter (ٮ ڡ ں) and the dots to nothing, so the text loses its dots. A dots glyph is
recognised from its own outline (1-3 small, alike, separate blobs, above or below the baseline,
or a mark's dot on it) and reads as a combining placeholder; the letter is put back together
once the layout has attached the dots to their skeleton (`warraq.arabic.chars.compose_dots`).
"""

from __future__ import annotations

import struct

from fontTools.pens.recordingPen import DecomposingRecordingPen

from warraq.arabic.chars import DOT_MARKS
from warraq.fonts.program import FontProgram

_SMALLEST, _LARGEST = 0.03, 0.2  # a dot's width and height, in em
_GROUP = 0.8  # the most three such dots span, in em, either way


def dots_mark(prog: FontProgram, gid: int) -> str | None:
    """The placeholder mark for a glyph made only of dots, None for any other glyph."""
    if _cannot_be_dots(prog, gid):  # most glyphs asked about are letters: their stored box tells
        return None
    blobs = _blobs(prog, gid)
    if blobs is None or not 1 <= len(blobs) <= 3:
        return None
    em = float(prog.upem)
    sizes = []
    for x0, y0, x1, y1 in blobs:
        w, h = (x1 - x0) / em, (y1 - y0) / em
        if not (_SMALLEST <= w <= _LARGEST and _SMALLEST <= h <= _LARGEST and 0.5 <= w / h <= 2.0):
            return None
        sizes.append(w * h)
    if max(sizes) > 2 * min(sizes) or _touching(blobs):
        return None  # a ring (sukun), a hamza and its tail, a shadda: marks, not dots
    if all(y0 >= 0.25 * em for _, y0, _, _ in blobs):
        return DOT_MARKS[("above", len(blobs))]
    if all(y1 <= 0 for _, _, _, y1 in blobs):
        return DOT_MARKS[("below", len(blobs))]
    try:  # on the baseline: a full stop, unless it takes no room (a mark: the dot in ج's bowl)
        advance = prog.advance(gid)
    except Exception:
        return None
    if advance != 0:
        return None
    if all(y0 < 0 for _, y0, _, _ in blobs):
        return DOT_MARKS[("below", len(blobs))]
    # a mark a little above the baseline, which the writer raises where it draws it (PowerPoint)
    return DOT_MARKS[("above", len(blobs))] if all(y0 > 0 for _, y0, _, _ in blobs) else None


def _cannot_be_dots(prog: FontProgram, gid: int) -> bool:
    """Ruled out by the box a TrueType glyph stores: too large, or standing on the baseline
    while it takes room (the tests below, on the whole glyph)."""
    raw = prog.raw_glyf
    if raw is None or not 0 <= gid < len(prog.glyph_order):
        return False
    try:
        box = raw.bounds(gid)
    except (struct.error, IndexError):
        return False
    if box is None:
        return False
    em = prog.upem
    x0, y0, x1, y1 = box
    if x1 - x0 > _GROUP * em or y1 - y0 > _GROUP * em:
        return True
    if y0 >= 0.25 * em or y1 <= 0:
        return False
    try:
        return bool(prog.advance(gid) != 0)
    except Exception:
        return True


def _blobs(prog: FontProgram, gid: int) -> list[tuple[float, float, float, float]] | None:
    """The box of each contour, dots that are components of one dot included; None if the
    glyph cannot be drawn. TrueType outlines are read raw: fontTools would decompile them all."""
    raw = prog.raw_glyf
    if raw is not None and 0 <= gid < len(prog.glyph_order):
        found = raw.contour_boxes(gid)
        if found is not None:
            return found
    pen = DecomposingRecordingPen(prog.glyphset)
    return _contour_boxes(pen.value) if prog.draw(gid, pen) else None


def _contour_boxes(ops: list[tuple[str, tuple[tuple[float, float], ...]]]) -> list[tuple[float, float, float, float]]:
    """The control box of each contour of a recorded outline."""
    boxes = []
    points: list[tuple[float, float]] = []
    for op, args in [*ops, ("closePath", ())]:
        if op in ("moveTo", "closePath", "endPath") and points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
            points = []
        points.extend(p for p in args if p is not None)
    return boxes


def _touching(boxes: list[tuple[float, float, float, float]]) -> bool:
    return any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
               for k, a in enumerate(boxes) for b in boxes[k + 1:])

"""Text drawn at a slant across a page: a watermark ("نسخة للمراجعة", DRAFT) or a stamp.

Its glyphs lie on a slanted baseline, so the page's rows would take them one by one into the
lines they cross, and a watermark across a gutter would join two columns into one. They are read
apart: turned into their own frame, laid out like any text, and kept as a watermark block (page
furniture: in JSON, out of the body text). A page whose text is mostly turned (a table set
sideways) is left as it is.
"""

from __future__ import annotations

import math
from dataclasses import replace
from statistics import median

from warraq.arabic.bidi import Direction
from warraq.document import Block, union
from warraq.layout.assemble import strong_counts, to_block
from warraq.layout.blocks import build_blocks
from warraq.layout.lines import build_segments
from warraq.pdf.glyphs import Glyph

TURNED = math.radians(5)  # a baseline slanted more than this is not the page's
ASCENT, DESCENT = 0.8, 0.2  # em: a glyph's box in its own frame, from its origin


def split_turned(glyphs: list[Glyph]) -> tuple[list[Glyph], list[Glyph]]:
    """(the page's upright glyphs, the glyphs of a slanted minority); all upright if none."""
    turned = [g for g in glyphs if abs(g.angle) > TURNED]
    if not turned or 2 * len(turned) >= len(glyphs):
        return glyphs, []
    return [g for g in glyphs if abs(g.angle) <= TURNED], turned


def watermark_blocks(turned: list[Glyph], page_height: float, keep_tatweel: bool) -> list[Block]:
    """The slanted glyphs read in their own frame, as watermark blocks where they are drawn."""
    angle = median(g.angle for g in turned)
    cos, sin = math.cos(angle), math.sin(angle)
    placed = []  # (origin along the baseline, across it (down), glyph)
    for g in turned:
        x, y = g.ox, page_height - g.oy  # y up, as the angle is measured
        placed.append((x * cos + y * sin, page_height - (y * cos - x * sin), g))
    placed.sort(key=lambda p: (round(p[1] / max(p[2].size, 1.0)), p[0]))
    upright = []
    for k, (x, y, g) in enumerate(placed):
        size = max(g.size, 1.0)
        nxt = placed[k + 1] if k + 1 < len(placed) else None
        # a glyph reaches the next one's origin on its line (no box of its own survives the turn)
        same_line = nxt is not None and abs(nxt[1] - y) < 0.3 * size and 0 <= nxt[0] - x < 2 * size
        width = 0.0 if g.is_mark else (nxt[0] - x if same_line and nxt is not None else 0.5 * size)
        upright.append(replace(g, x0=x, x1=x + width, top=y - ASCENT * size, bottom=y + DESCENT * size,
                               ox=x, oy=y, ink=(x, x + width), angle=0.0))
    segments = build_segments(upright)
    if not segments:
        return []
    r, l_ = strong_counts(segments)
    direction: Direction = "rtl" if r >= l_ else "ltr"
    drawn = union([(g.x0, g.top, g.x1, g.bottom) for g in turned])
    blocks = []
    for raw in build_blocks(segments, direction, median(s.size for s in segments)):
        block = to_block(raw, direction, keep_tatweel)
        block.kind, block.bbox = "watermark", drawn  # its lines' boxes are in the text's own frame
        blocks.append(block)
    return blocks

"""Text drawn at a slant across a page: a watermark ("نسخة للمراجعة", DRAFT) or a stamp.

Its glyphs lie on a slanted baseline, so the page's rows would take them one by one into the
lines they cross, and a watermark across a gutter would join two columns into one. They are read
apart: turned into their own frame, laid out like any text, and kept as a watermark block (page
furniture: in JSON, out of the body text).

A page whose text is mostly turned (content set sideways by its drawing matrix, as a landscape
table on a portrait page, or LaTeX's sidewaystable) is read whole in the frame of its text, and
the boxes found there are turned back onto the page.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from statistics import median

from warraq.arabic.bidi import Direction
from warraq.document import BBox, Block, Page, union
from warraq.layout.assemble import strong_counts, to_block
from warraq.layout.blocks import build_blocks
from warraq.layout.lines import build_segments
from warraq.pdf.glyphs import Glyph

TURNED = math.radians(5)  # a baseline slanted more than this is not the page's
ASCENT, DESCENT = 0.8, 0.2  # em: a glyph's box in its own frame, from its origin


def page_turn(glyphs: list[Glyph]) -> float:
    """The angle most of a page's text is turned by (radians, counter-clockwise), else 0."""
    angles = [g.angle for g in glyphs if not g.is_space]
    turned = [a for a in angles if abs(a) > TURNED]
    return median(turned) if 2 * len(turned) > len(angles) else 0.0


@dataclass(frozen=True)
class Frame:
    """A page seen turned by -angle, so that text drawn at `angle` lies level: coordinates from
    the top-left, y down, like the page's own."""

    angle: float
    page_width: float
    page_height: float

    @cached_property
    def _turn(self) -> tuple[float, float]:
        return math.cos(self.angle), math.sin(self.angle)

    def _up(self, x: float, y: float) -> tuple[float, float]:
        """A page point (y down) turned, y up."""
        (cos, sin), up = self._turn, self.page_height - y
        return x * cos + up * sin, up * cos - x * sin

    @cached_property  # asked for every point: the page's corners are turned once
    def _bounds(self) -> BBox:
        return self.box((0.0, 0.0, self.page_width, self.page_height), self._up)

    @property
    def width(self) -> float:
        return self._bounds[2] - self._bounds[0]

    @property
    def height(self) -> float:
        return self._bounds[3] - self._bounds[1]

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A page point in the frame."""
        left, _, _, top = self._bounds
        fx, fy = self._up(x, y)
        return fx - left, top - fy

    def back(self, x: float, y: float) -> tuple[float, float]:
        """A frame point on the page."""
        left, _, _, top = self._bounds
        fx, fy = x + left, top - y
        cos, sin = self._turn
        return fx * cos - fy * sin, self.page_height - (fx * sin + fy * cos)

    def box(self, box: BBox, turn: Callable[[float, float], tuple[float, float]]) -> BBox:
        """The box around a box's corners turned (exact for quarter turns)."""
        corners = [turn(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
        return (min(c[0] for c in corners), min(c[1] for c in corners),
                max(c[0] for c in corners), max(c[1] for c in corners))

    def glyphs(self, glyphs: list[Glyph], ranks: dict[int, int]) -> tuple[list[Glyph], dict[int, int]]:
        """The glyphs as they lie in the frame, and their structure ranks (by id). PDFium's word
        breaks are left out: it reads a turned page as shown, and misses most of them; the gaps
        between glyphs show them."""
        out, moved = [], {}
        for g in glyphs:
            if g.source == "generated":
                continue
            x0, top, x1, bottom = self.box((g.x0, g.top, g.x1, g.bottom), self.point)
            ox, oy = self.point(g.ox, g.oy)
            out.append(replace(g, x0=x0, top=top, x1=x1, bottom=bottom, ox=ox, oy=oy, ink=(x0, x1),
                               angle=g.angle - self.angle))
            if id(g) in ranks:
                moved[id(out[-1])] = ranks[id(g)]
        return out, moved

    def put_back(self, page: Page) -> None:
        """Turn the boxes of a page laid out in the frame back onto the page."""
        for block in page.blocks:
            block.bbox = self.box(block.bbox, self.back)
            for line in block.lines:
                line.bbox = self.box(line.bbox, self.back)
                for word in line.words:
                    word.bbox = self.box(word.bbox, self.back)


def split_turned(glyphs: list[Glyph]) -> tuple[list[Glyph], list[Glyph]]:
    """(the page's upright glyphs, the glyphs of a slanted minority); all upright if none."""
    turned = [g for g in glyphs if abs(g.angle) > TURNED]
    if not turned or 2 * len(turned) >= len(glyphs):
        return glyphs, []
    return [g for g in glyphs if abs(g.angle) <= TURNED], turned


def watermark_blocks(turned: list[Glyph], width: float, height: float, keep_tatweel: bool) -> list[Block]:
    """The slanted glyphs of a page `width` by `height` read in their own frame, as watermark
    blocks where they are drawn."""
    frame = Frame(median(g.angle for g in turned), width, height)
    placed = [(*frame.point(g.ox, g.oy), g) for g in turned]  # (along the baseline, across it, glyph)
    placed.sort(key=lambda p: (round(p[1] / max(p[2].size, 1.0)), p[0]))
    upright = []
    for k, (x, y, g) in enumerate(placed):
        size = max(g.size, 1.0)
        nxt = placed[k + 1] if k + 1 < len(placed) else None
        # a glyph reaches the next one's origin on its line (no box of its own survives the turn)
        same_line = nxt is not None and abs(nxt[1] - y) < 0.3 * size and 0 <= nxt[0] - x < 2 * size
        reach = 0.0 if g.is_mark else (nxt[0] - x if same_line and nxt is not None else 0.5 * size)
        upright.append(replace(g, x0=x, x1=x + reach, top=y - ASCENT * size, bottom=y + DESCENT * size,
                               ox=x, oy=y, ink=(x, x + reach), angle=0.0))
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

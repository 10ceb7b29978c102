"""Glyphs -> clusters -> baseline rows -> line segments, with spaces recovered from gaps.

A segment is a run of clusters on one baseline with no gap wide enough to be a column gutter
or a table cell boundary. Segments are still in visual (left-to-right) order here; logical
order is decided per line once the block's direction is known.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from dataclasses import dataclass
from statistics import median

from warraq.pdf.glyphs import Glyph

#: A gap wider than this (in em) between two glyphs is a word space: letter gaps inside a word,
#: even after a non-joining letter, stay well below it.
SPACE_EM = 0.15


class Cluster:
    """A base glyph with the marks that ride on it: the unit of reordering."""

    __slots__ = ("glyph", "marks", "inserted_space", "uncertain", "x0", "x1")

    def __init__(self, glyph: Glyph, inserted_space: bool = False) -> None:
        self.glyph = glyph
        self.marks: list[Glyph] = []
        self.inserted_space = inserted_space
        self.uncertain = False  # a gap that may be an unmapped kashida rather than a word space
        # the pen position, where a glyph with a left side bearing really starts (glyphs do not
        # move once clustered, so the bounds are taken once)
        self.x0: float = glyph.ox if glyph.ox < glyph.x0 else glyph.x0
        self.x1: float = glyph.x1

    @property
    def text(self) -> str:
        if not self.marks:
            return self.glyph.text
        return unicodedata.normalize("NFC", self.glyph.text + "".join(m.text for m in self.marks))


@dataclass
class Segment:
    """A run of clusters on one baseline; bounds are computed once, segments do not change."""

    clusters: list[Cluster]  # visual order, left to right
    baseline: float
    size: float
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    char_count: int = 0

    def __post_init__(self) -> None:
        cs = self.clusters
        self.x0 = min([c.x0 for c in cs])
        self.x1 = max([c.x1 for c in cs])
        self.top = min([c.glyph.top for c in cs])
        self.bottom = max([c.glyph.bottom for c in cs])
        self.char_count = sum([len(c.glyph.text) for c in cs if not c.glyph.is_space])


def build_segments(glyphs: list[Glyph], gutter_em: float = 1.1) -> list[Segment]:
    """Group glyphs into baseline rows, split rows at wide gaps, recover spaces."""
    bases = [g for g in glyphs if g.text and not g.is_mark]
    marks = [g for g in glyphs if g.is_mark]
    rows = _rows(bases)
    _attach_marks(rows, marks)
    segments: list[Segment] = []
    for row in rows:
        # origins follow the pen; centres break ties where a kern puts two glyphs on one origin
        row.sort(key=lambda c: (round(c.glyph.ox, 1), c.x0 + c.x1, c.glyph.index))
        segments.extend(_split_row(row, gutter_em))
    return segments


def _rows(bases: list[Glyph]) -> list[list[Cluster]]:
    """Cluster glyphs around the page's baselines.

    Baselines are the most crowded y positions, taken greedily; every glyph then joins the
    nearest one. Chaining glyph to glyph instead would walk from one line into the next
    through raised ligature parts, dots and superscripts.
    """
    counts: dict[float, list[float]] = {}
    for g in bases:
        if not g.is_space:
            counts.setdefault(round(g.oy * 2) / 2, []).append(1.0 if 1.0 > g.size else g.size)
    peaks: list[tuple[float, float]] = []  # (y, size), sorted by y
    for y, sizes in sorted(counts.items(), key=lambda t: -len(t[1])):
        size = median(sizes)
        at = bisect.bisect_left(peaks, (y, 0.0))
        near = peaks[max(at - 1, 0): at + 1]
        if all(abs(y - py) > 0.6 * max(size, ps) for py, ps in near):
            peaks.insert(at, (y, size))
    rows: list[list[Cluster]] = [[] for _ in peaks]
    ys = [py for py, _ in peaks]
    last = len(ys) - 1
    if last < 0:
        return []
    for g in bases:
        oy = g.oy
        at = bisect.bisect_left(ys, oy)
        if at > last:
            at = last
        elif at > 0 and not abs(ys[at] - oy) < abs(ys[at - 1] - oy):  # a tie goes to the first
            at -= 1
        rows[at].append(Cluster(g))
    return [r for r in rows if r]


def _attach_marks(rows: list[list[Cluster]], marks: list[Glyph]) -> None:
    """Give each mark to the base glyph it sits on.

    Shapers position a mark from its base's origin, so a base with the very same origin wins;
    otherwise the base whose ink is centred closest under the mark's ink.
    """
    if not marks:
        return
    bases = sorted((c for row in rows for c in row if not c.glyph.is_space), key=lambda c: c.glyph.ox)
    near = _BaseIndex(bases)
    for m in marks:
        best = _closest(near.around(m), m, (m.ink[0] + m.ink[1]) / 2)
        if best is not None:
            best.marks.append(m)
        elif rows:  # an orphan mark keeps its place as a unit of its own
            rows[min(range(len(rows)), key=lambda r: abs(rows[r][0].glyph.oy - m.oy))].append(Cluster(m))


class _BaseIndex:
    """Base clusters by height band, each band in x order: the bases near a mark without a scan
    of the whole page (a window of a few ems in x alone spans every line of a column)."""

    def __init__(self, bases: list[Cluster]) -> None:
        self.bases = bases  # sorted by origin x
        self.xs = [c.glyph.ox for c in bases]
        self.top_size = max([c.glyph.size for c in bases], default=0.0)
        self.band = 1.2 * max(self.top_size, 1.0)
        self.bands: dict[int, tuple[list[float], list[int]]] | None = {}
        self.keys: list[int] = []
        if not all(map(math.isfinite, self.xs + [c.glyph.oy for c in bases] + [self.band])):
            self.bands = None  # absurd coordinates: plain x windows
            return
        for pos, c in enumerate(bases):
            xs, positions = self.bands.setdefault(math.floor(c.glyph.oy / self.band), ([], []))
            xs.append(c.glyph.ox)
            positions.append(pos)
        self.keys = sorted(self.bands)

    def around(self, m: Glyph) -> list[Cluster]:
        """Bases within a few ems of the mark in x, in x order, that may be close enough in y
        for `_closest` (a superset of those it accepts: it checks each one itself)."""
        reach = 3 * max(m.size, 1.0)  # only bases within a few ems can carry this mark
        lo, hi = m.ox - reach, m.ox + reach
        dy = 1.25 * max(m.size, self.top_size, 1.0) + 1.0
        if self.bands is None or not all(map(math.isfinite, (lo, hi, m.oy - dy, m.oy + dy))):
            return self.bases[bisect.bisect_left(self.xs, lo): bisect.bisect_right(self.xs, hi)]
        keys = self.keys
        first = bisect.bisect_left(keys, math.floor((m.oy - dy) / self.band))
        last = bisect.bisect_right(keys, math.floor((m.oy + dy) / self.band))
        found: list[int] = []
        for k in keys[first:last]:
            xs, positions = self.bands[k]
            found += positions[bisect.bisect_left(xs, lo): bisect.bisect_right(xs, hi)]
        found.sort()
        return [self.bases[p] for p in found]


def _closest(candidates: list[Cluster], m: Glyph, cx: float) -> Cluster | None:
    best: Cluster | None = None
    best_cost = float("inf")
    for c in candidates:
        dy = abs(c.glyph.oy - m.oy)
        if dy > 1.2 * max(m.size, c.glyph.size, 1.0):
            continue
        if abs(c.glyph.ox - m.ox) < 0.05 and dy < 0.05:
            return c
        lo, hi = c.glyph.ink
        outside = 0.0 if lo <= cx <= hi else min(abs(cx - lo), abs(cx - hi))
        cost = outside * 4 + abs(cx - (lo + hi) / 2) + dy
        if cost < best_cost:
            best, best_cost = c, cost
    return best


def _split_row(row: list[Cluster], gutter_em: float) -> list[Segment]:
    """Split a sorted row at gutters and put a space in every gap wider than a letter gap.

    Space glyphs are not units of their own: producers place them inconsistently (PDFium even
    reports some at the position of a neighbouring letter), while the gap a space leaves
    between two words is always there.
    """
    glyphs = [c for c in row if not c.glyph.is_space]
    sizes = [c.glyph.size for c in glyphs if c.glyph.size > 0]
    size = median(sizes) if sizes else 10.0
    # real space glyphs (with a font and a width) are word spaces for sure, even where a swash
    # of the next letter overhangs them and closes the gap
    spaces = sorted((c.x0 + c.x1) / 2 for c in row
                    if c.glyph.is_space and c.glyph.source != "generated" and c.glyph.font
                    and c.x1 - c.x0 > 0.05 * size)
    segments: list[Segment] = []
    current: list[Cluster] = []
    right = 0.0
    gutter, word_gap = gutter_em * size, SPACE_EM * size
    for c in glyphs:
        if current:
            gap = c.x0 - right
            prev = current[-1]
            drawn = False
            if spaces:
                at = bisect.bisect_left(spaces, (prev.x0 + prev.x1) / 2)
                drawn = at < len(spaces) and spaces[at] < (c.x0 + c.x1) / 2
            if gap > gutter:
                segments.append(_segment(current, size))
                current = []
            elif drawn or gap > word_gap:
                space = _space_between(prev, c)
                # a narrow gap inside Arabic with no space glyph in it may be a stretched word
                # or odd glyph boxes: the words on either side decide later
                space.uncertain = (not drawn and gap < 0.6 * size
                                   and _is_arabic(prev.glyph.text) and _is_arabic(c.glyph.text))
                current.append(space)
        right = (c.x1 if c.x1 > right else right) if current else c.x1
        current.append(c)
    if current:
        segments.append(_segment(current, size))
    return segments


def _is_arabic(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("AL", "R") for ch in text)


def _segment(clusters: list[Cluster], size: float) -> Segment:
    base = median([c.glyph.oy for c in clusters]) if clusters else 0.0
    return Segment(clusters, base, size)


def _space_between(a: Cluster, b: Cluster) -> Cluster:
    g = a.glyph
    space = Glyph(" ", "gap", a.x1, g.top, b.x0, g.bottom, a.x1, g.oy, g.size, g.font, g.index)
    return Cluster(space, inserted_space=True)

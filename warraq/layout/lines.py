"""Glyphs -> clusters -> baseline rows -> line segments, with spaces recovered from gaps.

A segment is a run of clusters on one baseline with no gap wide enough to be a column gutter
or a table cell boundary. Segments are still in visual (left-to-right) order here; logical
order is decided per line once the block's direction is known.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from statistics import median

from warraq.arabic.chars import DOT_PLACEHOLDERS, takes_dots
from warraq.layout import cascade
from warraq.layout.gaps import RIVER_EM, SPACE_EM, RowTests, never, never_river
from warraq.layout.markers import BULLET_GAP_EM, is_marker, lone_marker
from warraq.layout.spelling import VOWELS, carries, with_marks
from warraq.pdf.glyphs import Glyph
from warraq.pdf.rules import Rule


class Cluster:
    """A base glyph with the marks that ride on it: the unit of reordering."""

    __slots__ = ("glyph", "marks", "inserted_space", "uncertain", "x0", "x1")

    def __init__(self, glyph: Glyph, inserted_space: bool = False) -> None:
        self.glyph = glyph
        self.marks: list[Glyph] = []
        self.inserted_space = inserted_space
        self.uncertain = False  # a gap that may be an unmapped kashida rather than a word space
        # the pen position, where a glyph with a left side bearing really starts (glyphs do not
        # move once clustered, so the bounds are taken once); an /ActualText span's box is its
        # ink, its origin that of whichever of its glyphs came first
        self.x0: float = glyph.ox if glyph.ox < glyph.x0 and glyph.source != "actualtext" else glyph.x0
        self.x1: float = glyph.x1

    @property
    def text(self) -> str:
        if not self.marks:
            return self.glyph.text
        return unicodedata.normalize("NFC", with_marks(self.glyph, self.marks))


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
    #: (right-to-left letters, left-to-right letters), counted once when first asked for
    strong: tuple[int, int] | None = field(default=None, init=False, repr=False, compare=False)
    #: set in a cascading script (Nastaliq), whose words overlap: gaps do not show its spaces
    cascading: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        cs = self.clusters
        self.x0 = min([c.x0 for c in cs])
        self.x1 = max([c.x1 for c in cs])
        self.top = min([c.glyph.top for c in cs])
        self.bottom = max([c.glyph.bottom for c in cs])
        self.char_count = sum([len(c.glyph.text) for c in cs if not c.glyph.is_space])


def build_segments(glyphs: list[Glyph], gutter_em: float = 1.1, rules: list[Rule] | None = None) -> list[Segment]:
    """Group glyphs into baseline rows, split rows at wide gaps and drawn rules, recover spaces."""
    bases, marks = [], []
    for g in glyphs:
        if g.is_mark:
            marks.append(g)
        elif g.text:
            bases.append(g)
    rows, cascading = _rows(bases)
    _attach_marks(rows, marks)
    spans = any(g.source == "actualtext" for g in bases)
    for k, row in enumerate(rows):
        # a climbing word's letters overlap, pen origins included: their centres keep the order
        order = sorted(range(len(row)), key=lambda i: row[i].x0 + row[i].x1) if cascading else _pen_order(row)
        rows[k] = [row[i] for i in (_lam_before_alef(row, order) if spans else order)]
    segments: list[Segment] = []
    inks: dict[int, tuple[list[float], list[float]]] = {}  # per row, asked by river tests
    for k, row in enumerate(rows):
        tests = RowTests(rows, k, gutter_em, rules or [], inks)
        ruled = tests.ruled if rules else never
        meets = [] if cascading or all(c.glyph.oy == row[0].glyph.oy for c in row) else _beside(row)
        if meets:  # lines side by side on baselines apart part where they meet, as at a rule
            ruled = partial(_parted, ruled, meets)
        segments.extend(_split_row(row, gutter_em, tests.stretched, ruled, tests.river,
                                   unsure_em=gutter_em if cascading else UNSURE_EM))
    if cascading:
        for seg in segments:
            seg.cascading = True
    return segments


def _parted(ruled: Callable[[float, float], bool], meets: list[float], lo: float, hi: float) -> bool:
    return any(lo <= x <= hi for x in meets) or ruled(lo, hi)


def _pen_order(row: list[Cluster]) -> list[int]:
    """Positions of a row's clusters by origin to a tenth of a point (origins follow the pen),
    then by centre where a kern puts two glyphs on one origin, then in stream order.

    Rounding keeps the order of origins, and two that round alike lie within 0.1 pt: only runs
    of such origins (rare) are sorted by the full key, whose rounding costs more than the sort.
    """
    xs = [c.glyph.ox for c in row]
    order = sorted(range(len(row)), key=xs.__getitem__)
    if not math.isfinite(sum(xs)):  # no order of origins to start from
        return _by_key(row, list(range(len(row))))
    if all(xs[b] - xs[a] > 0.11 for a, b in zip(order, order[1:])):
        return order
    out, run = [], order[:1]
    for a, b in zip(order, order[1:]):
        if xs[b] - xs[a] > 0.11:
            out += _by_key(row, sorted(run)) if len(run) > 1 else run
            run = []
        run.append(b)
    return out + (_by_key(row, sorted(run)) if len(run) > 1 else run)


_ALEFS = frozenset("\u0622\u0623\u0625\u0627\u0671")


def _lam_before_alef(row: list[Cluster], order: list[int]) -> list[int]:
    """A lam-alef ligature drawn as one glyph mapped to its lam, with the alef and its hamza in
    /ActualText over the same place (LibreOffice, for "لإ"): the two origins differ by a mark's
    width, either way. Lam comes first in reading, so in left-to-right order the alef goes left."""
    out = list(order)
    for k in range(len(out) - 1):
        a, b = row[out[k]].glyph, row[out[k + 1]].glyph
        if a.text[:1] == "\u0644" and b.source == "actualtext" and b.text[:1] in _ALEFS:
            if min(a.x1, b.x1) - max(a.x0, b.x0) >= 0.6 * min(a.x1 - a.x0, b.x1 - b.x0):
                out[k], out[k + 1] = out[k + 1], out[k]
    return out


def _by_key(row: list[Cluster], positions: list[int]) -> list[int]:
    """Positions (in stream order) sorted by rounded origin, centre, then stream order."""
    keys = {i: (round(row[i].glyph.ox, 1), row[i].x0 + row[i].x1, row[i].glyph.index) for i in positions}
    return sorted(positions, key=keys.__getitem__)


def _rows(bases: list[Glyph]) -> tuple[list[list[Cluster]], bool]:
    """Cluster glyphs around the page's baselines; and is the page's script cascading?

    Baselines are the most crowded y positions, taken greedily; every glyph then joins the
    nearest one. Chaining glyph to glyph instead would walk from one line into the next
    through raised ligature parts, dots and superscripts.
    """
    counts: dict[float, list[float]] = {}
    halves: dict[float, float] = {}  # glyphs of a line share their baseline: one rounding each
    for g in bases:
        if not g.is_space:
            y = halves.get(g.oy)
            if y is None:
                y = halves[g.oy] = round(g.oy * 2) / 2
            sizes = counts.get(y)
            if sizes is None:
                sizes = counts[y] = []
            sizes.append(1.0 if 1.0 > g.size else g.size)
    # in a cascading script a word's letters climb from its baseline: their heights are no lines
    cascading = len(counts) > 1 and cascade.cascading(bases)
    peaks: list[tuple[float, float]] = []  # (y, size), sorted by y
    for y, sizes in sorted(counts.items(), key=lambda t: -len(t[1])):
        size = median(sizes)
        at = bisect.bisect_left(peaks, (y, 0.0))
        near = peaks[max(at - 1, 0): at + 1]
        if all(abs(y - py) > 0.6 * max(size, ps) for py, ps in near):
            peaks.insert(at, (y, size))
    if cascading:
        peaks = cascade.baselines(peaks, counts, cascade.spans(bases, halves))
    rows: list[list[Cluster]] = [[] for _ in peaks]
    ys = [py for py, _ in peaks]
    last = len(ys) - 1
    if last < 0:
        return [], cascading
    row_of: dict[float, int] = {}  # glyphs of a line share its baseline: one search per height
    heights = [0] * len(rows)  # how many heights each row took in
    at_row = []
    for g in bases:
        oy = g.oy
        known = row_of.get(oy)
        if known is None:
            at = bisect.bisect_left(ys, oy)
            if at > last:
                at = last
            elif at > 0 and not abs(ys[at] - oy) < abs(ys[at - 1] - oy):  # a tie goes to the first
                at -= 1
            known = row_of[oy] = at
            heights[at] += 1
        at_row.append(known)
    if cascading and len(peaks) > 1:
        cascade.follow_words(bases, at_row, ys)
    for g, k in zip(bases, at_row):
        rows[k].append(Cluster(g))
    return [part for r, n in zip(rows, heights) if r for part in (_two_lines(r) if n > 1 else (r,))], cascading


UNSURE_EM = 0.6  # a gap this narrow without a space glyph may be a stretched word or odd boxes
_MIN_LINE = 6  # glyphs of a line of its own, where a raised part or stacked letter has a few


def _two_lines(row: list[Cluster]) -> Sequence[list[Cluster]]:
    """A row split by baseline where it holds two lines one above the other (columns on
    different line grids: a line taller for its marks moves the lines under it), else the row
    itself."""
    heights, lines = _baselines(row)
    if len(heights) < 2:
        return [row]
    size = median([c.glyph.size for c in row])
    if not any(abs(ya - yb) >= 0.4 * size and min(a1, b1) - max(a0, b0) > 0.5 * min(a1 - a0, b1 - b0)
               for k, (ya, a0, a1) in enumerate(lines) for yb, b0, b1 in lines[k + 1:]):
        return [row]
    ys = sorted(y for y, _, _ in lines)
    parts: list[list[Cluster]] = [[] for _ in ys]
    for c in row:
        parts[min(range(len(ys)), key=lambda k: abs(ys[k] - c.glyph.oy))].append(c)
    return [p for p in parts if p]


def _beside(row: list[Cluster]) -> list[float]:
    """Where a row's lines side by side on baselines apart meet (x between them), if two or
    three runs of glyphs on baselines a twentieth of an em apart or more hold nearly all of its
    glyphs: a note set beside a paragraph in smaller type has lines on a grid of their own, and
    no word of a line leaves its baseline. (A superscript is a few glyphs; a text layer that
    gives each word a baseline of its own, as OCR's do, has many.)"""
    heights, lines = _baselines(row)
    if not 2 <= len(lines) <= 3 or sum(len(heights[y]) for y, _, _ in lines) < 0.9 * len(row):
        return []
    runs = sorted(lines, key=lambda line: line[1])  # left to right
    size = median([c.glyph.size for c in row])
    if not all(a1 < b0 and abs(ya - yb) >= 0.05 * size for (ya, _, a1), (yb, b0, _) in zip(runs, runs[1:])):
        return []
    return [(a1 + b0) / 2 for (_, _, a1), (_, b0, _) in zip(runs, runs[1:])]


def _baselines(row: list[Cluster]) -> tuple[dict[float, list[Cluster]], list[tuple[float, float, float]]]:
    """A row's clusters by baseline, and (baseline, left, right) of each baseline that holds a
    line's worth of them (_MIN_LINE)."""
    heights: dict[float, list[Cluster]] = {}
    for c in row:
        heights.setdefault(c.glyph.oy, []).append(c)
    lines = [(y, min(c.x0 for c in cs), max(c.x1 for c in cs)) for y, cs in heights.items() if len(cs) >= _MIN_LINE]
    return heights, lines


def _attach_marks(rows: list[list[Cluster]], marks: list[Glyph]) -> None:
    """Give each mark to the base glyph it sits on.

    Shapers position a mark from its base's origin, so a base with the very same origin wins;
    otherwise the base whose ink is centred closest under the mark's ink. Where the mark's ink
    overlaps two bases' ink (Amiri's lam over a wide final yeh or meem), the order in which the
    producer wrote marks and bases decides: learned from the page's clear cases, since some
    write each mark after its base and others before it, and kept to what spelling allows.
    """
    if not marks:
        return
    found = [c for row in rows for c in row if not c.glyph.is_space]
    xs = [c.glyph.ox for c in found]  # keys made in one pass, not by a Python call per cluster
    bases = [found[i] for i in sorted(range(len(found)), key=xs.__getitem__)]
    near = _BaseIndex(bases, banded=len(marks) * 200 >= len(bases))
    stream = sorted(bases, key=lambda c: c.glyph.index)
    order = [c.glyph.index for c in stream]
    choices = []  # per mark: its ranked bases, whether geometry settles it, its stream neighbours
    for m in marks:
        ranked = _ranked(near.around(m), m, (m.ink[0] + m.ink[1]) / 2)
        at = bisect.bisect_left(order, m.index)
        choices.append((m, ranked, _clear(ranked, m), stream[at - 1] if at > 0 else None,
                        stream[at] if at < len(stream) else None))
    after = sum(1 for _, ranked, clear, prev, _ in choices if clear and prev is ranked[0][1])
    before = sum(1 for _, ranked, clear, _, nxt in choices if clear and nxt is ranked[0][1])
    ordered = max(after, before) >= 10 and min(after, before) <= 0.05 * (after + before)
    moves = []  # (mark, the base it went to, the base it was written beside, its ink over both)
    for m, ranked, clear, prev, nxt in choices:
        best = ranked[0][1] if ranked else None
        if best is not None and m.text in DOT_PLACEHOLDERS and not takes_dots(best.glyph.text[-1:], m.text):
            # dots drawn apart go on a letter they make (Nastaliq's overlapping letters)
            reach = ranked[0][0] + 0.5 * max(m.size, 1.0)
            best = next((c for cost, c, _ in ranked if cost <= reach and takes_dots(c.glyph.text[-1:], m.text)), best)
        inside = [c for _, c, overlaps in ranked if overlaps]
        written = (prev if after > before else nxt) if ordered else None
        if ordered and not clear and len(inside) > 1:
            if written is not None and any(c is written for c in inside) and carries(written.glyph.text, m.text):
                best = written
        if best is not None:
            best.marks.append(m)
            if written is not None and written is not best and any(c is written for c in inside):
                moves.append((m, best, written))
        elif rows:  # an orphan mark keeps its place as a unit of its own
            rows[min(range(len(rows)), key=lambda r: abs(rows[r][0].glyph.oy - m.oy))].append(Cluster(m))
    _respell(moves)


def _respell(moves: list[tuple[Glyph, Cluster, Cluster]]) -> None:
    """A letter left with two vowels took one of another letter's: a vowel whose ink also lies
    over the letter the producer wrote it after (or before), which can carry it, goes there
    (Amiri's sukun on a narrow lam, drawn out over the meem below it)."""
    for m, base, written in moves:
        if m.text not in VOWELS or sum(g.text in VOWELS for g in base.marks) < 2:
            continue
        if carries(written.glyph.text, "".join(g.text for g in written.marks) + m.text):
            base.marks.remove(m)
            written.marks.append(m)


class _BaseIndex:
    """Base clusters by height band, each band in x order: the bases near a mark without a scan
    of the whole page (a window of a few ems in x alone spans every line of a column).

    For a page with a few marks (most have a handful among a thousand letters) the bands cost
    more to build than the plain x windows cost to scan: `banded` is False there.
    """

    def __init__(self, bases: list[Cluster], banded: bool = True) -> None:
        self.bases = bases  # sorted by origin x
        self.xs = [c.glyph.ox for c in bases]
        self.top_size = max([c.glyph.size for c in bases], default=0.0)
        self.band = 1.2 * max(self.top_size, 1.0)
        self.bands: dict[int, tuple[list[float], list[int]]] | None = {}
        self.keys: list[int] = []
        if not banded or not all(map(math.isfinite, self.xs + [c.glyph.oy for c in bases] + [self.band])):
            self.bands = None  # plain x windows (and for absurd coordinates)
            return
        bands = self.bands
        for pos, c in enumerate(bases):
            k = math.floor(c.glyph.oy / self.band)
            band = bands.get(k)
            if band is None:
                band = bands[k] = ([], [])
            band[0].append(c.glyph.ox)
            band[1].append(pos)
        self.keys = sorted(bands)

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


def _clear(ranked: list[tuple[float, Cluster, bool]], m: Glyph) -> bool:
    """Does geometry alone settle the mark's base: one candidate, or one far better?"""
    return bool(ranked) and (len(ranked) == 1 or ranked[1][0] > ranked[0][0] + 0.1 * max(m.size, 1.0))


def _ranked(candidates: list[Cluster], m: Glyph, cx: float) -> list[tuple[float, Cluster, bool]]:
    """(cost, base, whether the mark's ink overlaps its ink) of the bases that may carry a mark,
    best first; a base on the very same origin comes alone."""
    ranked = []
    mx, my, least = m.ox, m.oy, max(m.size, 1.0)
    left, right = m.ink
    for c in candidates:
        g = c.glyph
        dy = abs(g.oy - my)
        if dy > 1.2 * (g.size if g.size > least else least):  # the larger size, 1 pt at least
            continue
        if abs(g.ox - mx) < 0.05 and dy < 0.05:
            return [(0.0, c, True)]
        lo, hi = g.ink
        outside = 0.0 if lo <= cx <= hi else min(abs(cx - lo), abs(cx - hi))
        ranked.append((outside * 4 + abs(cx - (lo + hi) / 2) + dy, c, lo < right and left < hi))
    ranked.sort(key=_COST)  # stable: the first of equal costs, as before
    return ranked


_COST = itemgetter(0)


def _split_row(row: list[Cluster], gutter_em: float,
               stretched: Callable[[float, float], bool] = never,
               ruled: Callable[[float, float], bool] = never,
               river: Callable[[float, float, float], bool] = never_river,
               unsure_em: float = UNSURE_EM) -> list[Segment]:
    """Split a sorted row at gutters and put a space in every gap wider than a letter gap;
    one narrower than `unsure_em`, with no space glyph in it, is left to the lexicon.

    Space glyphs are not units of their own: producers place them inconsistently (PDFium even
    reports some at the position of a neighbouring letter), while the gap a space leaves
    between two words is always there.
    """
    glyphs = [c for c in row if not c.glyph.is_space]
    sizes = [c.glyph.size for c in glyphs if c.glyph.size > 0]
    size = median(sizes) if sizes else 10.0
    # real space glyphs (with a font and a width) are word spaces for sure, even where a swash
    # of the next letter overhangs them and closes the gap
    drawn_spaces = sorted(((c.x0 + c.x1) / 2, c.glyph.index) for c in row
                          if c.glyph.is_space and c.glyph.source != "generated" and c.glyph.font
                          and c.x1 - c.x0 > 0.05 * size)
    spaces = [x for x, _ in drawn_spaces]
    # PDFium's own word breaks (fontless spaces it puts between characters it finds apart,
    # measured with the font's real advances): stream positions
    breaks = sorted(c.glyph.index for c in row if c.glyph.is_space and not c.glyph.font)
    if any(c.glyph.is_space and c.glyph.font for c in row):
        breaks = []  # the producer draws its spaces: PDFium adds no breaks of its own there
    segments: list[Segment] = []
    current: list[Cluster] = []
    right = 0.0
    drawn = False
    any_rules = ruled is not never
    for i, c in enumerate(glyphs):
        x0, x1 = c.x0, c.x1
        if current:
            gap = x0 - right
            prev = current[-1]
            # gaps are measured in the type on either side: a row may hold a title and the
            # body text of the next column
            ps, cs = prev.glyph.size, c.glyph.size
            em = (cs if cs > ps else ps) if ps > 0 and cs > 0 else size
            if spaces:
                at = bisect.bisect_left(spaces, (prev.x0 + prev.x1) / 2)
                drawn = (at < len(spaces) and spaces[at] < (x0 + x1) / 2
                         and not _misplaced(drawn_spaces[at][1], prev.glyph, c.glyph))
            # a justified line stretches its spaces but keeps its type: a wide gap between two
            # sizes is a gutter (a heading of the next column level with this one's)
            alike = 0 < ps < 1.2 * cs and 0 < cs < 1.2 * ps
            # (a list's bullet or number a tab from its text is no column: markers.py)
            if (gap > 0 and any_rules and ruled(right, x0)) or ((
                    gap > gutter_em * em and not (alike and stretched(right, x0))) or (
                    gap > RIVER_EM * em and not drawn and river(right, x0, em))) and not (
                    gap < BULLET_GAP_EM * em and lone_marker(glyphs, i, current, gutter_em * em)):
                segments.append(_segment(current, size))
                current = []
            elif (drawn or gap > SPACE_EM * em) and not (
                    not drawn and gap < 0.6 * em and breaks and _contiguous(prev.glyph, c.glyph, breaks)):
                space = _space_between(prev, c)
                # a narrow gap inside Arabic with no space glyph in it may be a stretched word
                # or odd glyph boxes: the words on either side decide later
                space.uncertain = (not drawn and gap < unsure_em * em
                                   and _is_arabic(prev.glyph.text) and _is_arabic(c.glyph.text))
                current.append(space)
        right = (x1 if x1 > right else right) if current else x1
        current.append(c)
    if current:
        _part_glued_marker(current)
        segments.append(_segment(current, size))
    return segments


def _part_glued_marker(clusters: list[Cluster]) -> None:
    """Put a space between a list number at a row's right end and the Arabic letter it
    touches: LibreOffice's HTML import sets an item's number with no tab before its text
    ("1.ارتفعت"). Only a list's number stands there, right against a word, unless the word
    goes on with another number ("١٤-إبريل-١٤٣٤", a date)."""
    for n in (2, 3, 4):
        if n >= len(clusters) or clusters[-n].glyph.is_space:
            return
        before = clusters[-n - 1]
        if is_marker(clusters[-n:]) and _is_arabic(before.glyph.text) and not before.glyph.is_space:
            word = _word_before(clusters, len(clusters) - n)
            if not any(ch.isdigit() for c in word for ch in c.glyph.text):
                clusters.insert(len(clusters) - n, _space_between(before, clusters[-n]))
            return


def _word_before(clusters: list[Cluster], end: int) -> list[Cluster]:
    """The clusters left of position `end`, up to the nearest space."""
    start = end
    while start and not clusters[start - 1].glyph.is_space:
        start -= 1
    return clusters[start:end]


def _misplaced(space: int, a: Glyph, b: Glyph) -> bool:
    """Is a space glyph that lies between a and b on the page drawn elsewhere in the stream?
    Two letters written one right after the other (a ligature of two characters apart) have
    no space between them, wherever PDFium puts one (Word's trailing spaces: "ا لإعفاء")."""
    lo, hi = sorted((a.index, b.index))
    return hi - lo <= 2 and not lo < space < hi


def _contiguous(a: Glyph, b: Glyph, breaks: list[int]) -> bool:
    """Were two neighbouring glyphs drawn one right after the other, with no word break of
    PDFium's between them? Its breaks use the font's advances, which glyph boxes do not show
    (a letter after alef can start well clear of it)."""
    lo, hi = sorted((a.index, b.index))
    if hi - lo > 6 or a.font != b.font or not (_is_arabic(a.text) and _is_arabic(b.text)):
        return False  # only letters of one word: PDFium keeps no breaks around neutrals
    if a.source != "tounicode" or b.source != "tounicode":  # an ActualText span upsets PDFium's char order
        return False
    at = bisect.bisect_right(breaks, lo)
    return at == len(breaks) or breaks[at] > hi


def _is_arabic(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("AL", "R") for ch in text)


def _segment(clusters: list[Cluster], size: float) -> Segment:
    """A segment with its own type size: a heading may share its baseline with body text of
    the next column."""
    base = median([c.glyph.oy for c in clusters]) if clusters else 0.0
    own = [c.glyph.size for c in clusters if c.glyph.size > 0 and not c.glyph.is_space]
    return Segment(clusters, base, median(own) if own else size)


def _space_between(a: Cluster, b: Cluster) -> Cluster:
    g = a.glyph
    space = Glyph(" ", "gap", a.x1, g.top, b.x0, g.bottom, a.x1, g.oy, g.size, g.font, g.index)
    return Cluster(space, inserted_space=True)

"""Segments -> blocks (paragraphs, headings, tables) -> reading order of a page.

Reading order is a recursive XY-cut over blocks: a page is cut into horizontal bands where no
block straddles the cut, and a band into columns, right column first on a right-to-left page.
Table rows are recognised where several short segments share baselines and their gutters
line up from row to row; a table is read row by row, cells in the page's direction.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from operator import attrgetter
from statistics import median

from warraq.arabic.bidi import Direction
from warraq.layout.lines import Cluster, Segment
from warraq.layout.markers import BULLETS, is_number_mark
from warraq.layout.tables import Row, find_tables
from warraq.pdf.rules import Across


@dataclass
class RawBlock:
    segments: list[Segment]
    kind: str = "paragraph"
    rows: list[Row] | None = None  # table rows: cells in visual order, each its lines
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def x0(self) -> float:
        return min(s.x0 for s in self.segments)

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.segments)

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)

    @property
    def line_top(self) -> float:
        """Where the block's first line starts, for cutting a page into bands. A cascading
        script's font reaches up to three ems above its baseline, into the line above and the
        block above, so its lines are taken to start an em above their baseline."""
        return min(max(s.top, s.baseline - s.size) if s.cascading else s.top for s in self.segments)

    @property
    def size(self) -> float:
        return median(s.size for s in self.segments)


def build_blocks(segments: list[Segment], direction: Direction, body_size: float,
                 ranks: dict[int, int] | None = None, across: list[Across] | None = None) -> list[RawBlock]:
    """Blocks of a page in reading order; `ranks` (id(glyph) -> structure rank) of a tagged page
    reorders the blocks it covers; `across` are the page's horizontal rules."""
    tables, rest = find_tables(segments, across or [])
    blocks = [RawBlock([s for row in t for cell in row for s in cell], "table", t) for t in tables]
    blocks += _paragraphs(rest, body_size, _line_pitch(rest), direction)
    return structure_order(xy_order(blocks, direction), ranks or {})


def structure_order(blocks: list[RawBlock], ranks: dict[int, int]) -> list[RawBlock]:
    """Put the blocks the structure tree covers in its order, in the places they hold in the
    geometric order; blocks it does not cover (untagged furniture) keep theirs."""
    rank = {id(b): min((ranks[id(c.glyph)] for s in b.segments for c in s.clusters if id(c.glyph) in ranks),
                       default=None) for b in blocks}
    ranked = [b for b in blocks if rank[id(b)] is not None]
    if len(ranked) < 0.8 * len(blocks):
        return blocks  # tags on a few blocks only: not a statement about the page
    by_rank = sorted(ranked, key=lambda b: rank[id(b)] or 0)
    if any(_above(later, first) for k, first in enumerate(by_rank) for later in by_rank[k + 1:]):
        return blocks  # tags that read up a column follow drawing order (PowerPoint), not reading
    it = iter(by_rank)
    return [next(it) if rank[id(b)] is not None else b for b in blocks]


def _above(a: RawBlock, b: RawBlock) -> bool:
    """Is `a` wholly above `b` in the same column (their widths mostly overlapping)?"""
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return a.bottom <= b.top and overlap > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _line_pitch(segments: list[Segment]) -> float:
    """The distance between consecutive baselines of overlapping lines in a paragraph (0 if
    none): the shortest that is about as common as the commonest. Only lines under a line as
    wide as themselves are counted where two or more agree: such a line did not end a
    paragraph, while on a page of short paragraphs the commonest distance is the space
    between them.

    Fonts with tall ascenders (Noto Naskh, Amiri) set lines more than two ems apart, so the
    distance that still joins two lines into one paragraph is learnt from the page.
    """
    ordered = sorted(segments, key=lambda s: s.baseline)
    deltas: dict[float, int] = {}
    within: dict[float, int] = {}  # below a line as wide as the next
    for a, b in zip(ordered, ordered[1:]):
        d = b.baseline - a.baseline
        if 0.8 * a.size < d < 3.5 * a.size and min(a.x1, b.x1) > max(a.x0, b.x0):
            key = round(d * 2) / 2
            deltas[key] = deltas.get(key, 0) + 1
            if a.x1 - a.x0 >= 0.95 * (b.x1 - b.x0) and abs(a.size - b.size) <= 0.1 * a.size:
                within[key] = within.get(key, 0) + 1
    if within and max(within.values()) >= 2:
        deltas = within
    if not deltas:
        return 0.0
    most = max(deltas.values())
    return min(k for k, n in deltas.items() if n >= max(2, most / 2) or n == most)


def _paragraphs(segments: list[Segment], body_size: float, pitch: float = 0.0,
                direction: Direction = "rtl") -> list[RawBlock]:
    """Stack segments into paragraph blocks by overlap, spacing, size and line-end shape."""
    blocks: list[RawBlock] = []
    open_blocks: list[RawBlock] = []
    ordered = sorted(segments, key=lambda s: (s.baseline, -s.x1))
    for s in ordered:
        target = None
        for b in reversed(open_blocks):
            if _continues(b, s, pitch, direction, ordered):
                target = b
                break
        if target is None:
            b = RawBlock([s], "heading" if s.size >= 1.15 * body_size else "paragraph")
            blocks.append(b)
            open_blocks.append(b)
        else:
            target.segments.append(s)
        open_blocks = [b for b in open_blocks if s.top - b.bottom < 3 * body_size]
    return blocks


def _continues(b: RawBlock, s: Segment, pitch: float, direction: Direction = "rtl",
               page: list[Segment] | None = None) -> bool:
    if _opens_item(s) or (_numbered(s, direction) and _numbered(b.segments[0], direction)):
        return False  # a bulleted line, or the next numbered line of a list, starts an item of its own
    last = b.segments[-1]
    size = max(last.size, s.size, 1.0)
    if abs(last.size - s.size) > 0.12 * size:
        return False
    gap = s.baseline - last.baseline
    if gap <= 0.2 * size or gap > max(2.3 * size, 1.15 * pitch):
        return False
    overlap = min(last.x1, s.x1) - max(last.x0, s.x0)
    if overlap < 0.5 * min(last.x1 - last.x0, s.x1 - s.x0):
        return False
    if page and _over_columns(last, s, page):
        return False
    if len(b.segments) >= 2:
        # a paragraph's last line stops short of the block's width; the next line starts anew
        spacing = b.segments[-1].baseline - b.segments[-2].baseline
        if gap > 1.35 * spacing:
            return False
    width = b.x1 - b.x0 if len(b.segments) >= 2 else max(last.x1, s.x1) - min(last.x0, s.x0)
    short = last.x1 - last.x0 < 0.8 * width
    if len(b.segments) == 1:
        # a first line is short on the side where lines end too (not only by a first-line
        # indent): a paragraph of one line, followed by the next (a page of short paragraphs,
        # where the spacing between them is the only line pitch there is)
        short = short and (last.x0 - s.x0 if direction == "rtl" else s.x1 - last.x1) > 0.2 * width
    if short and width > 0:
        # unless the next line, a full one, opens with a word too wide for the room left (a long
        # URL): then the line was broken for want of room, not at the paragraph's end. Other
        # text on the line's baseline in that room means it was cut into pieces: no evidence.
        room = width - (last.x1 - last.x0)
        return (s.x1 - s.x0 >= 0.8 * width and _first_word_width(s, direction) + 0.3 * s.size > room
                and not _room_used(b, last, page or []))
    return True


def _over_columns(last: Segment, s: Segment, page: list[Segment]) -> bool:
    """Does the line above span the line of another column level with s (a title or byline
    over columns, not the line before s in its paragraph)?"""
    lo = bisect.bisect_left(page, s.baseline - 0.5 * s.size, key=_BASELINE)
    hi = bisect.bisect_right(page, s.baseline + 0.5 * s.size, key=_BASELINE)
    return any((o.x1 < s.x0 or o.x0 > s.x1) and o.x0 < last.x1 and last.x0 < o.x1 for o in page[lo:hi])


_BASELINE = attrgetter("baseline")  # `page` is sorted by it


def _room_used(b: RawBlock, last: Segment, page: list[Segment]) -> bool:
    """Does another segment on the baseline of `last` lie within the block's width?"""
    return any(o is not last and abs(o.baseline - last.baseline) < 0.5 * last.size
               and o.x1 > b.x0 and o.x0 < b.x1 for o in page)


def _opens_item(s: Segment) -> bool:
    """A line with a bullet glyph at either end (its start, whichever the line's direction)."""
    first = next((c for c in s.clusters if not c.glyph.text.isspace()), None)
    if first is None:  # asked for every block a line might continue: the ends, not the line
        return False
    last = next(c for c in reversed(s.clusters) if not c.glyph.text.isspace())
    return last is not first and (first.glyph.text in BULLETS or last.glyph.text in BULLETS)


def _numbered(s: Segment, direction: Direction) -> bool:
    """Does the line open with a list number ("1." "٣-" "(2)"), read in either order?"""
    return is_number_mark(_first_word(s, direction))


def _first_word_width(s: Segment, direction: Direction) -> float:
    """Width of the word at the start edge of a line: its right end in a right-to-left page."""
    word = _first_word(s, direction)
    return max(c.x1 for c in word) - min(c.x0 for c in word) if word else 0.0


def _first_word(s: Segment, direction: Direction) -> list[Cluster]:
    """The clusters of the word at a line's start edge, from that edge inwards."""
    clusters = s.clusters[::-1] if direction == "rtl" else s.clusters
    word: list[Cluster] = []
    for c in clusters:
        if c.glyph.text.isspace():
            if word:
                break
            continue
        word.append(c)
    return word


def xy_order(blocks: list[RawBlock], direction: Direction) -> list[RawBlock]:
    """Recursive XY-cut: bands top to bottom, columns in the page's direction."""
    if len(blocks) <= 1:
        return list(blocks)
    bands = _columns_under_titles(_cut(blocks, horizontal=True))
    cols = _columns(blocks)
    if len(bands) > 1 and not _prefer_columns(cols):
        runs = _framed_columns(bands, direction) if len(cols) == 1 else None
        runs = runs or _column_runs(bands)
        if len(runs) > 1:  # else all the bands read as columns: cut them so below
            return [b for run in runs for b in xy_order(run, direction)]
    if len(cols) > 1:
        if direction == "rtl":
            cols.reverse()
        return [b for col in cols for b in xy_order(col, direction)]
    if len(bands) > 1:
        return [b for band in bands for b in xy_order(band, direction)]
    return sorted(blocks, key=lambda b: (b.top, -b.x1 if direction == "rtl" else b.x0))


def _framed_columns(bands: list[list[RawBlock]], direction: Direction) -> list[list[RawBlock]] | None:
    """A title band above tall columns, or a band of footnotes below them, or both: each read
    on its own and the columns between them one after the other, in the page's direction
    (None if no such frame holds them)."""
    n = len(bands)
    for i, j in ((0, n - 1), (1, n), (1, n - 1)):
        if j - i < 1:
            continue
        middle = [b for band in bands[i:j] for b in band]
        cols = _columns(middle)
        if _prefer_columns(cols):
            return [*bands[:i], *(cols[::-1] if direction == "rtl" else cols), *bands[j:]]
    return None


def _columns(blocks: list[RawBlock]) -> list[list[RawBlock]]:
    """The blocks cut into columns, left to right, where no block straddles a cut, or past the
    one block that bridges two columns' gutter (`_parted_at_gutter`)."""
    cols = _cut(blocks, horizontal=False)
    return (_parted_at_gutter(blocks) or cols) if len(cols) == 1 else cols


def _parted_at_gutter(blocks: list[RawBlock]) -> list[list[RawBlock]] | None:
    """Two columns, left and right, with the block that bridges their gutter parted at it, if
    one does.

    A word too long for its column (a URL) runs into the next one, and its line then takes in
    the words beside it; or two columns' lines too close for a gutter run together: one block
    straddles the gutter, and neither cut finds the columns. Without it, the other blocks part
    into columns, each a third of the height or more; its lines are cut where the gutter
    runs, each glyph going to the side its centre is on.
    """
    if not 4 <= len(blocks) <= MAX_BRIDGED or min(b.x1 for b in blocks) >= max(b.x0 for b in blocks):
        return None  # (most pages: every block shares some width with every other)
    height = max(b.bottom for b in blocks) - min(b.top for b in blocks)
    for k, bridge in enumerate(blocks):
        rest = blocks[:k] + blocks[k + 1:]
        cols = _cut(rest, horizontal=False)
        if len(cols) != 2 or any(sum(b.bottom - b.top for b in col) < height / 3 for col in cols):
            continue
        left, right = max(b.x1 for b in cols[0]), min(b.x0 for b in cols[1])
        if not bridge.x0 < left < right < bridge.x1:
            continue
        gutter = (left + right) / 2
        crossing = [s for s in bridge.segments if s.x0 < gutter < s.x1]
        # two columns' lines run together leave the gutter white; a word too long for its
        # column bridges it on one of a block's lines, with the columns' blocks above and
        # below. A title above the columns, footnotes below them or a quotation between two
        # runs of them have lines across the gutter, and no white there.
        merged = all(not any(c.x0 < right and left < c.x1 for c in s.clusters if not c.glyph.is_space)
                     for s in crossing)
        overrun = 2 * len(crossing) <= len(bridge.segments) and all(
            any(b.top < bridge.top for b in col) and any(b.bottom > bridge.bottom for b in col) for col in cols)
        if not (merged or overrun):
            continue
        sides: tuple[list[Segment], list[Segment]] = ([], [])
        for seg in bridge.segments:
            on_left = [c.x0 + c.x1 < 2 * gutter for c in seg.clusters]
            for side, part in enumerate(([c for c, lt in zip(seg.clusters, on_left) if lt],
                                         [c for c, lt in zip(seg.clusters, on_left) if not lt])):
                if part:
                    sides[side].append(seg if len(part) == len(seg.clusters) else _part(seg, part))
        return [col + [RawBlock(segs, bridge.kind)] if segs else col for col, segs in zip(cols, sides)]
    return None


MAX_BRIDGED = 200  # blocks on a page: each is tried as the bridge, with a cut of the others


def _part(seg: Segment, clusters: list[Cluster]) -> Segment:
    """A segment of some of another's clusters, on its baseline."""
    part = Segment(clusters, seg.baseline, seg.size)
    part.cascading = seg.cascading
    return part


def _column_runs(bands: list[list[RawBlock]]) -> list[list[RawBlock]]:
    """Bands read one after another, save that the longest run of bands that splits into
    columns, one of which stacks paragraphs beside another's in some band, is read as one:
    such columns flow each on its own (a sidebar of short news beside an article under a
    title that spans both), where rows of cards, of a form or of a table's cells hold one
    block per column."""
    stacked = [_stacked(band) for band in bands]
    out: list[list[RawBlock]] = []
    i = 0
    while i < len(bands):
        j = i + 1
        if any(stacked[i:]):  # the longest run that holds such a band and splits into columns
            first = stacked.index(True, i)
            j = next((k for k in range(len(bands), max(i + 1, first), -1)
                      if len(_cut([b for band in bands[i:k] for b in band], horizontal=False)) > 1), i + 1)
        out.append([b for band in bands[i:j] for b in band])
        i = j
    return out


def _columns_under_titles(bands: list[list[RawBlock]]) -> list[list[RawBlock]]:
    """A band of one-line titles right on top of a band of text, both split along one gutter,
    is one band: each title is read with its column (cards side by side). A longer run of such
    bands is rows (a table drawn without rules, label beside text), read band by band."""
    runs = [[bands[0]]]
    for band in bands[1:]:
        above = runs[-1][-1]
        size = median(b.size for b in above + band)
        gap = min(b.top for b in band) - max(b.bottom for b in above)
        if gap <= size and _shared_gutter(above, band):
            runs[-1].append(band)
        else:
            runs.append([band])
    out = []
    for run in runs:
        titles = len(run) == 2 and all(len(b.segments) == 1 for b in run[0])
        out.extend([run[0] + run[1]] if titles else run)
    return out


def _shared_gutter(a: list[RawBlock], b: list[RawBlock]) -> bool:
    """Do two bands each split into the same number of columns, two or more, along gutters
    that overlap?"""
    ca, cb = _cut(a, horizontal=False), _cut(b, horizontal=False)
    if len(ca) < 2 or len(ca) != len(cb):
        return False
    return all(max(g.x1 for g in left) < min(g.x0 for g in right_b)
               and max(g.x1 for g in left_b) < min(g.x0 for g in right)
               for left, right, left_b, right_b in zip(ca, ca[1:], cb, cb[1:]))


def _prefer_columns(cols: list[list[RawBlock]]) -> bool:
    """Two tall columns beat horizontal cuts that only line up by chance between paragraphs."""
    if len(cols) < 2:
        return False
    blocks = [b for col in cols for b in col]
    height = max(b.bottom for b in blocks) - min(b.top for b in blocks)
    tall = [c for c in cols if max(b.bottom for b in c) - min(b.top for b in c) > 0.6 * height]
    return len(tall) >= 2


def _stacked(band: list[RawBlock]) -> bool:
    """Does one column of a band stack paragraphs (of two lines or more) beside another's?"""
    cols = _cut(band, horizontal=False)
    return len(band) > 2 and len(cols) > 1 and all(len(b.segments) > 1 for b in band) and any(
        len(_cut(col, horizontal=True)) > 1 for col in cols)


def _cut(blocks: list[RawBlock], horizontal: bool) -> list[list[RawBlock]]:
    """Split where no block straddles: along y when horizontal, else along x."""
    if horizontal:
        spans = sorted(((b.line_top, b.bottom, b) for b in blocks), key=lambda t: t[0])
    else:
        spans = sorted(((b.x0, b.x1, b) for b in blocks), key=lambda t: t[0])
    groups: list[list[RawBlock]] = []
    end = float("-inf")
    for lo, hi, b in spans:
        if groups and lo < end - 0.5:
            groups[-1].append(b)
        else:
            groups.append([b])
        end = max(end, hi) if len(groups[-1]) > 1 else hi
    return groups

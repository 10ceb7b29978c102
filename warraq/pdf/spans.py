"""Split boxes and /ActualText spans in PDFium's text page, and mark glyphs mapped to clusters.

PDFium gives each character of an /ActualText span (and of a presentation-form ligature it
decomposes itself) one share of a box, all with one origin: a split box. Its bidi pass may
reverse or shuffle those shares and put other characters between them, and it repeats the
span's text for every text object inside the span. LibreOffice maps a glyph to the first
cluster it drew it in and leaves the other clusters to /ActualText. Chromium draws each cluster
with marks as a span of single-glyph text objects, mark first: the span's extent and baseline
come from all of its objects (SpanBounds).
"""

from __future__ import annotations

import bisect
import ctypes
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

import pypdfium2.raw as pdfium_c

from warraq.arabic.chars import LIGATURES, is_mark
from warraq.pdf import pdfium as pf

if TYPE_CHECKING:
    from warraq.pdf.glyphs import Glyph

Box = tuple[float, float, float, float]


#: A character of PDFium's text page: (text, origin x, origin y, loose box (left, top, right,
#: bottom), text object address, map error, char index). A plain tuple: a page has thousands,
#: and a tuple costs a fraction of an object to make and to free.
Char = tuple[str, float, float, Box, int, bool, int]
# positions in a Char
U: Final = 0
OX: Final = 1
OY: Final = 2
BOX: Final = 3
OBJ: Final = 4

#: Letter sequences fonts draw as one glyph: Unicode's ligatures, and lam-lam-heh (the Allah
#: ligature without its alef, as in "لله").
_LIGATED = LIGATURES | {"\u0644\u0644\u0647"}


def _beside(box: Box, part: Box) -> bool:
    """Does `part` continue `box` on either side at the same height (a share of one split box)?"""
    return (part[1] == box[1] and part[3] == box[3] and part[2] > part[0] and box[2] > box[0]
            and (abs(part[0] - box[2]) < 1e-3 or abs(part[2] - box[0]) < 1e-3))


def gather_split_boxes(chars: list[Char]) -> list[Char]:
    """Bring the chars of one glyph or split box (same text object and origin, the same box
    or boxes side by side) together, wherever PDFium's reordering put them."""
    if _in_place(chars):
        return chars
    groups: list[list[Char]] = []
    at: dict[tuple[int, float, float], int] = {}
    for ch in chars:
        key = (ch[OBJ], ch[OX], ch[OY])
        k = at.get(key)
        if k is not None and (ch[BOX] == groups[k][-1][BOX] or any(_beside(o[BOX], ch[BOX]) for o in groups[k])):
            groups[k].append(ch)
            continue
        at[key] = len(groups)
        groups.append([ch])
    if len(groups) == len(chars):
        return chars
    # One glyph's shares may come as two runs, another glyph between them, when the share that
    # joins them comes after the first share of the second run (Chromium's Allah ligature with
    # its marks: "لل", the alef, then "ّ َ ه ُ"): runs of one object and origin whose boxes
    # tile one span together, none repeated, are one split box.
    first: dict[tuple[int, float, float], list[Char]] = {}
    kept: list[list[Char]] = []
    for g in groups:
        key = (g[0][OBJ], g[0][OX], g[0][OY])
        run = first.get(key)
        if run is not None and _tile(run, g):
            run.extend(g)
            continue
        first[key] = g
        kept.append(g)
    return [ch for g in kept for ch in g]


def _tile(a: list[Char], b: list[Char]) -> bool:
    """Do two runs' boxes, none shared, tile one span side by side at one height?"""
    boxes_a, boxes_b = {ch[BOX] for ch in a}, {ch[BOX] for ch in b}
    return not boxes_a & boxes_b and len({(p[1], p[3]) for p in boxes_a | boxes_b}) == 1 and _tiled(boxes_a | boxes_b)


def _tiled(boxes: set[Box]) -> bool:
    """Do these boxes lie side by side, each touching the next, none empty?"""
    parts = sorted(boxes)
    return all(p[2] > p[0] for p in parts) and all(abs(x[2] - y[0]) < 1e-3 for x, y in zip(parts, parts[1:]))


def _in_place(chars: list[Char]) -> bool:
    """Does no char share its text object and origin with an earlier one other than the char
    right before it? Then every glyph or split box already lies together (the common case,
    told without building the groups)."""
    seen: set[tuple[int, float, float]] = set()
    add = seen.add
    prev = None
    for ch in chars:
        key = (ch[OBJ], ch[OX], ch[OY])
        if key != prev:
            if key in seen:
                return False
            add(key)
            prev = key
    return True


def split_run(chars: list[Char], i: int) -> int:
    """The end of a split box starting at chars[i] (i + 1 if there is none): chars of one text
    object and origin whose boxes, at one height, tile a span side by side in any order."""
    _, ox, oy, box, obj = chars[i][:5]
    j = i + 1
    while (j < len(chars) and chars[j][OBJ] == obj and chars[j][OX] == ox and chars[j][OY] == oy
           and chars[j][BOX][1] == box[1] and chars[j][BOX][3] == box[3]):
        j += 1
    if j == i + 1:
        return j
    parts = {ch[BOX] for ch in chars[i:j]}
    return j if len(parts) > 1 and _tiled(parts) else i + 1


def span_text(group: list[Char]) -> str:
    """The text of a split box: its parts read in their script's direction, then Arabic
    settles what the order of the shares cannot: a mark follows its base, and a ligature's
    letters come in the order Unicode encodes them."""
    dirs = {unicodedata.bidirectional(ch[U]) for ch in group}
    if dirs & {"L", "EN", "AN"}:
        rtl = bool(dirs & {"R", "AL"})
        return "".join(ch[U] for ch in (group if rtl else sorted(group, key=lambda ch: ch[BOX][0])))
    text = "".join(ch[U] for ch in sorted(group, key=lambda ch: -ch[BOX][0]))
    skeleton = "".join(ch for ch in text if not is_mark(ch))
    if (is_mark(text[0]) and skeleton) or (skeleton not in _LIGATED and skeleton[::-1] in _LIGATED):
        return text[::-1]
    return text


def drop_repeated_spans(glyphs: list[Glyph], spans: set[int]) -> None:
    """Spans (ids in `spans`) that say the same over the same place are one /ActualText that
    PDFium repeated per text object (LibreOffice draws a mark stack "ُّ" as two); the widest
    box (the letters', not a mark's) stays."""
    seen: dict[str, list[Glyph]] = {}
    for g in glyphs:
        if id(g) not in spans:
            continue
        same = seen.setdefault(g.text, [])
        for k, h in enumerate(same):
            if (abs(h.oy - g.oy) < 0.5 * max(g.size, 1.0)
                    and min(g.x1, h.x1) - max(g.x0, h.x0) > 0.5 * min(g.x1 - g.x0, h.x1 - h.x0)):
                drop = g if g.x1 - g.x0 <= h.x1 - h.x0 else h
                same[k] = h if drop is g else g
                drop.text, drop.source, drop.is_mark = "", "cluster", False
                break
        else:
            same.append(g)


def split_cluster_marks(glyphs: list[Glyph], spans: set[int], ink: Callable[[Glyph], tuple[float, float]],
                        em_box: Callable[[Glyph], Box | None]) -> None:
    """A mark glyph mapped to a whole cluster ("بّ" on a shadda, "أ" on a hamza) says only its
    marks when a letter glyph lies under it: it is LibreOffice's first-cluster mapping seen
    without /ActualText. (`em_box`: the glyph's ink box from its origin in 1/1000 em.)

    /ActualText spans look alike, but PDFium drops the letter glyphs under them: a span of
    several chars is a split box (skipped); a single precomposed letter ("أ") is only taken
    apart over a glyph that says its own base letter (the alef under the hamza).
    """
    found = []
    for h in glyphs:
        split = _marks_and_letters(h.text)
        if split is not None and id(h) not in spans:
            box = em_box(h)
            if box is not None and (box[1] >= 200 or box[3] <= 0):  # its ink lies above or below letters
                found.append((h, *split))
    if not found:
        return
    bases = sorted((g for g in glyphs if g.text and not g.is_mark), key=lambda g: g.x0)
    starts = [g.x0 for g in bases]
    for h, marks, letters in found:
        lo, hi = ink(h)
        for g in bases[bisect.bisect_left(starts, lo - 2 * h.size): bisect.bisect_right(starts, hi)]:
            if (g is h or abs(g.oy - h.oy) > 0.5 * max(h.size, 1.0) or g.x1 < lo
                    or (len(h.text) == 1 and g.text != letters)):
                continue
            glo, ghi = ink(g)
            if min(hi, ghi) - max(lo, glo) > 0.5 * min(hi - lo, ghi - glo):
                h.text, h.is_mark = unicodedata.normalize("NFC", marks), True
                break


@lru_cache(maxsize=8192)
def _marks_and_letters(text: str) -> tuple[str, str] | None:
    """The marks and the letters of a text that has both, apart (NFD), else None."""
    parts = unicodedata.normalize("NFD", text)
    marks = "".join(ch for ch in parts if is_mark(ch))
    if not marks or len(marks) >= len(parts):
        return None
    return marks, "".join(ch for ch in parts if not is_mark(ch))


class SpanBounds:
    """/ActualText spans of a page: runs of page objects inside one marked-content span.

    PDFium gives a span's text the box of its first glyph only (Chromium draws a cluster's
    mark first, then its letter, each as a text object of its own). Once every report of a
    span has the span's whole box, drop_repeated_spans says it once.
    """

    def __init__(self, textpage: Any) -> None:
        page = getattr(getattr(textpage, "page", None), "raw", None)
        count = pf.count_objects(page) if page is not None else 0
        self._objects: list[int] = [pf.page_object(page, k) or 0 for k in range(count)]
        self._index = {a: k for k, a in enumerate(self._objects)}
        self._marks: dict[int, int] = {}  # object index -> its /ActualText mark, looked up on demand
        self._runs: dict[int, list[int]] = {}
        self._found: dict[int, tuple[Box, tuple[float, float]] | None] = {}  # by id of a run in _runs

    def _mark(self, k: int) -> int:
        if k not in self._marks:
            self._marks[k] = _actualtext_mark(self._objects[k]) if 0 <= k < len(self._objects) else 0
        return self._marks[k]

    def _run(self, obj: int) -> list[int]:
        """The objects of the span holding `obj`: its neighbours under the same mark."""
        if obj in self._runs:
            return self._runs[obj]
        k = self._index.get(obj)
        mark = self._mark(k) if k is not None else 0
        run: list[int] = []
        if k is not None and mark:
            lo, hi = k, k
            while lo > k - 4 and self._mark(lo - 1) == mark:
                lo -= 1
            while hi < k + 4 and self._mark(hi + 1) == mark:
                hi += 1
            run = self._objects[lo: hi + 1]
        for a in run or [obj]:
            self._runs[a] = run
        return run

    def bounds(self, obj: int) -> tuple[tuple[float, float, float, float], tuple[float, float]] | None:
        """(left, top, right, bottom) of the span holding text object `obj`, and the origin of
        its tallest glyph (the letter: a mark drawn first may sit off the baseline)."""
        run = self._run(obj)
        if not run:
            return None
        if id(run) not in self._found:  # each glyph of a span asks: its objects are read once
            self._found[id(run)] = _span_bounds(run)
        return self._found[id(run)]


def _span_bounds(run: list[int]) -> tuple[Box, tuple[float, float]] | None:
    boxes = [(b, a) for a in run if (b := _bounds(a)) is not None]
    if len(boxes) < 2:
        return None  # one object may draw a whole line: its bounds say nothing of the span
    box = (min(b[0] for b, _ in boxes), max(b[1] for b, _ in boxes),
           max(b[2] for b, _ in boxes), min(b[3] for b, _ in boxes))
    return box, _origin(max(boxes, key=lambda ba: ba[0][1] - ba[0][3])[1])


def _bounds(address: int) -> tuple[float, float, float, float] | None:
    box = (ctypes.c_float * 4)()  # left, bottom, right, top
    step = ctypes.sizeof(ctypes.c_float)
    if not pf.object_bounds(address, *(ctypes.byref(box, k * step) for k in range(4))):
        return None
    return box[0], box[3], box[2], box[1]


def _origin(address: int) -> tuple[float, float]:
    m = pdfium_c.FS_MATRIX()
    pf.object_matrix(address, ctypes.byref(m))
    return m.e, m.f


def _actualtext_mark(address: int) -> int:
    """The address of a text object's innermost /ActualText content mark, 0 if none."""
    if not address or pf.object_type(address) != pdfium_c.FPDF_PAGEOBJ_TEXT:
        return 0
    length = ctypes.c_ulong()
    for k in reversed(range(pf.count_marks(address))):
        mark = pf.get_mark(address, k)
        if pf.mark_string(mark, b"ActualText", None, 0, ctypes.byref(length)):
            return mark or 0
    return 0

"""Split boxes and /ActualText spans in PDFium's text page, and mark glyphs mapped to clusters.

PDFium gives each character of an /ActualText span (and of a presentation-form ligature it
decomposes itself) one share of a box, all with one origin: a split box. Its bidi pass may
reverse or shuffle those shares and put other characters between them, and it repeats the
span's text for every text object inside the span. LibreOffice maps a glyph to the first
cluster it drew it in and leaves the other clusters to /ActualText.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from warraq.arabic.chars import LIGATURES, is_mark

if TYPE_CHECKING:
    from warraq.pdf.glyphs import Glyph

Box = tuple[float, float, float, float]


class _Char(Protocol):
    u: str
    ox: float
    oy: float
    box: Box  # loose box: left, top, right, bottom
    obj: int


C = TypeVar("C", bound=_Char)

#: Letter sequences fonts draw as one glyph: Unicode's ligatures, and lam-lam-heh (the Allah
#: ligature without its alef, as in "لله").
_LIGATED = LIGATURES | {"\u0644\u0644\u0647"}


def _beside(box: Box, part: Box) -> bool:
    """Does `part` continue `box` on either side at the same height (a share of one split box)?"""
    return (part[1] == box[1] and part[3] == box[3] and part[2] > part[0] and box[2] > box[0]
            and (abs(part[0] - box[2]) < 1e-3 or abs(part[2] - box[0]) < 1e-3))


def gather_split_boxes(chars: list[C]) -> list[C]:
    """Bring the chars of one glyph or split box (same text object and origin, the same box
    or boxes side by side) together, wherever PDFium's reordering put them."""
    groups: list[list[C]] = []
    at: dict[tuple[int, float, float], int] = {}
    for ch in chars:
        key = (ch.obj, ch.ox, ch.oy)
        k = at.get(key)
        if k is not None and (ch.box == groups[k][-1].box or any(_beside(o.box, ch.box) for o in groups[k])):
            groups[k].append(ch)
            continue
        at[key] = len(groups)
        groups.append([ch])
    return chars if len(groups) == len(chars) else [ch for g in groups for ch in g]


def split_run(chars: list[C], i: int) -> int:
    """The end of a split box starting at chars[i] (i + 1 if there is none): chars of one text
    object and origin whose boxes, at one height, tile a span side by side in any order."""
    c = chars[i]
    j = i + 1
    while (j < len(chars) and chars[j].obj == c.obj and chars[j].ox == c.ox and chars[j].oy == c.oy
           and chars[j].box[1] == c.box[1] and chars[j].box[3] == c.box[3]):
        j += 1
    if j == i + 1:
        return j
    parts = sorted({ch.box for ch in chars[i:j]})
    tiled = all(b[2] > b[0] for b in parts) and all(abs(a[2] - b[0]) < 1e-3 for a, b in zip(parts, parts[1:]))
    return j if len(parts) > 1 and tiled else i + 1


def span_text(group: list[C]) -> str:
    """The text of a split box: its parts read in their script's direction, then Arabic
    settles what the order of the shares cannot: a mark follows its base, and a ligature's
    letters come in the order Unicode encodes them."""
    dirs = {unicodedata.bidirectional(ch.u) for ch in group}
    if dirs & {"L", "EN", "AN"}:
        rtl = bool(dirs & {"R", "AL"})
        return "".join(ch.u for ch in (group if rtl else sorted(group, key=lambda ch: ch.box[0])))
    text = "".join(ch.u for ch in sorted(group, key=lambda ch: -ch.box[0]))
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
        parts = unicodedata.normalize("NFD", h.text)
        marks = "".join(ch for ch in parts if is_mark(ch))
        if marks and len(marks) < len(parts) and id(h) not in spans:
            box = em_box(h)
            if box is not None and (box[1] >= 200 or box[3] <= 0):  # its ink lies above or below letters
                found.append((h, marks, "".join(ch for ch in parts if not is_mark(ch))))
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

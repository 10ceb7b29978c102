"""PDFium's tight char boxes, read as a glyph's drawn shape.

The box itself is turned back for a turned char. Seen from the char's origin in 1/1000 em, it
says which glyph of the font was drawn. It also gives the ink's horizontal extent, and whether
the glyph is a justification kashida's bar.
"""

from __future__ import annotations

import ctypes
import math
from typing import TYPE_CHECKING, Any

from warraq.pdf import pdfium as pf

if TYPE_CHECKING:
    from warraq.pdf.glyphs import Glyph


class BoxProbe:
    """PDFium's tight char boxes of one text page, read through one reused buffer."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self._buf = (ctypes.c_double * 4)()
        step = ctypes.sizeof(ctypes.c_double)
        self._args = tuple(ctypes.byref(self._buf, k * step) for k in range(4))
        self.turned: dict[int, tuple[float, float, float]] = {}  # index -> (angle, origin) of a turned char

    def box(self, index: int) -> tuple[float, float, float, float] | None:
        """(left, right, bottom, top) of a char's drawn shape, None if PDFium has none; a turned
        char's turned back about its origin (exact for a quarter turn)."""
        buf = self._buf
        if not pf.char_box(self._raw, index, *self._args) or buf[1] <= buf[0]:
            return None
        turn = self.turned.get(index)
        if turn is None:
            return buf[0], buf[1], buf[2], buf[3]
        angle, ox, oy = turn
        cos, sin = math.cos(angle), math.sin(angle)
        xs, ys = [], []
        for x in (buf[0], buf[1]):
            for y in (buf[2], buf[3]):
                xs.append(ox + (x - ox) * cos + (y - oy) * sin)
                ys.append(oy + (y - oy) * cos - (x - ox) * sin)
        return min(xs), max(xs), min(ys), max(ys)

    def set_ink(self, glyphs: list[Glyph]) -> None:
        """Each glyph's ink extent from its tight box (its loose box where there is none)."""
        raw, buf, args, char_box = self._raw, self._buf, self._args, pf.char_box
        for g in glyphs:
            found = char_box(raw, g.index, *args) and not buf[1] <= buf[0]
            g.ink = (buf[0], buf[1]) if found else (g.x0, g.x1)


def em_box(probe: BoxProbe, index: int, ox: float, oy: float,
           size: float) -> tuple[float, float, float, float] | None:
    """A char's box seen from its origin, in 1/1000 em: which glyph of the font was drawn."""
    box = probe.box(index) if size > 0 else None
    if box is None:
        return None
    k = 1000.0 / size
    return ((box[0] - ox) * k, (box[2] - oy) * k, (box[1] - ox) * k, (box[3] - oy) * k)


def ink_span(probe: BoxProbe, index: int, left: float, right: float) -> tuple[float, float]:
    """Horizontal extent of a glyph's ink (for marks, whose advance boxes point elsewhere)."""
    box = probe.box(index)
    return (box[0], box[1]) if box is not None else (left, right)


def kashida_shape(box: tuple[float, float, float, float] | None, baseline: float, size: float,
                  raised: bool = False, stub: bool = False) -> bool:
    """An unmapped glyph (tight box `box`) drawn as a thin bar on the baseline is a justification
    kashida.

    LibreOffice and others draw kashida with a glyph their ToUnicode leaves out. A hyphen or
    dash sits higher, an underscore lower; only the joining stroke lies on the baseline. Some
    fonts join their letters higher, with short stubs (Word's Arial: a sixth of an em up, one
    and a half times as wide as high): such a bar counts where it is `raised`, known to sit
    between Arabic letters. Its shortest stub (Word's Arial Bold) is barely wider than high:
    a `stub` must also touch those letters (`glyphs._settle_kashida`).
    """
    if box is None:
        return False
    left, right, bottom, top = box
    height, width = top - bottom, right - left
    ratio = 1.0 if stub else 1.5 if raised else 2.0
    return (0 < height < 0.15 * size and width > 0.12 * size and width > ratio * height
            and -0.12 * size < bottom - baseline < (0.25 if raised else 0.12) * size)

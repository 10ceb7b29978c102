"""Ruling lines of a page: the strokes that separate a ruled table's cells.

Cell text can sit closer to its neighbour than any gutter (right-aligned numbers against a
left-aligned cell), but a drawn rule between them is a cell boundary whatever the gap; and a
cell's wrapped lines lie between the same two horizontal rules, however they are spaced.
"""

from __future__ import annotations

import ctypes
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from warraq.pdf import pdfium as pf

_THIN = 2.0  # points: wider than this is a shape, not a rule
_TALL = 6.0  # points: shorter than this is an underline's end or a dot


class Rule(NamedTuple):
    x: float
    top: float  # top-left page coordinates, like glyphs
    bottom: float


class Across(NamedTuple):
    """A horizontal rule."""

    y: float  # top-left page coordinates, like glyphs
    left: float
    right: float


def ruling_lines(page: Any, page_height: float) -> tuple[list[Rule], list[Across]]:
    """Thin tall and thin wide path objects of the page (its own objects, not those inside
    forms), each sorted."""
    raw = getattr(page, "raw", page)
    box = (ctypes.c_float * 4)()  # left, bottom, right, top
    step = ctypes.sizeof(ctypes.c_float)
    corners = [ctypes.byref(box, k * step) for k in range(4)]
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    rules: list[Rule] = []
    across: list[Across] = []
    for k in range(pf.count_objects(raw)):
        obj = pf.page_object(raw, k)
        if pf.object_type(obj) != path:
            continue
        if not pf.object_bounds(obj, *corners):
            continue
        left, bottom, right, top = box
        if right - left <= _THIN and top - bottom >= _TALL:
            rules.append(Rule((left + right) / 2, page_height - top, page_height - bottom))
        elif top - bottom <= _THIN and right - left >= _TALL:
            across.append(Across(page_height - (top + bottom) / 2, left, right))
    return sorted(rules), _joined(sorted(across))


def _joined(across: list[Across]) -> list[Across]:
    """Horizontal rules drawn piece by piece (a cell's border each) joined where they meet."""
    out: list[Across] = []
    for a in across:
        last = out[-1] if out else None
        if last is not None and abs(a.y - last.y) <= 0.5 and a.left <= last.right + 1.0:
            out[-1] = Across(last.y, last.left, max(last.right, a.right))
        else:
            out.append(a)
    return out

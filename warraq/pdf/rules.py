"""Ruling lines of a page: the vertical strokes that separate a ruled table's cells.

Cell text can sit closer to its neighbour than any gutter (right-aligned numbers against a
left-aligned cell), but a drawn rule between them is a cell boundary whatever the gap.
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


def vertical_rules(page: Any, page_height: float) -> list[Rule]:
    """Thin tall path objects of the page (its own objects, not those inside forms)."""
    raw = getattr(page, "raw", page)
    box = (ctypes.c_float * 4)()  # left, bottom, right, top
    step = ctypes.sizeof(ctypes.c_float)
    corners = [ctypes.byref(box, k * step) for k in range(4)]
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    rules: list[Rule] = []
    for k in range(pf.count_objects(raw)):
        obj = pf.page_object(raw, k)
        if pf.object_type(obj) != path:
            continue
        if not pf.object_bounds(obj, *corners):
            continue
        left, bottom, right, top = box
        if right - left <= _THIN and top - bottom >= _TALL:
            rules.append(Rule((left + right) / 2, page_height - top, page_height - bottom))
    return sorted(rules)

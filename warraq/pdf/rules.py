"""Ruling lines of a page: the vertical strokes that separate a ruled table's cells.

Cell text can sit closer to its neighbour than any gutter (right-aligned numbers against a
left-aligned cell), but a drawn rule between them is a cell boundary whatever the gap.
"""

from __future__ import annotations

import ctypes
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

_THIN = 2.0  # points: wider than this is a shape, not a rule
_TALL = 6.0  # points: shorter than this is an underline's end or a dot


class Rule(NamedTuple):
    x: float
    top: float  # top-left page coordinates, like glyphs
    bottom: float


def vertical_rules(page: Any, page_height: float) -> list[Rule]:
    """Thin tall path objects of the page (its own objects, not those inside forms)."""
    raw = getattr(page, "raw", page)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    rules: list[Rule] = []
    for k in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        if right.value - left.value <= _THIN and top.value - bottom.value >= _TALL:
            rules.append(Rule((left.value + right.value) / 2, page_height - top.value, page_height - bottom.value))
    return sorted(rules)

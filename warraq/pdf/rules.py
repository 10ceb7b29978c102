"""Thin objects of a page: the ruling lines of tables, and text objects drawn as bars.

Cell text can sit closer to its neighbour than any gutter (right-aligned numbers against a
left-aligned cell), but a drawn rule between them is a cell boundary whatever the gap; and a
cell's wrapped lines lie between the same two horizontal rules, however they are spaced.
A text object as flat as a rule is a kashida glyph (silentbars.py).
"""

from __future__ import annotations

import ctypes
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from warraq.pdf import pdfium as pf

_THIN = 2.0  # points: wider than this is a shape, not a rule
_TALL = 6.0  # points: shorter than this is an underline's end or a dot
_FLAT = 4.0  # points: a text object no taller than this may be a kashida bar (a 25-point font's)


class Rule(NamedTuple):
    x: float
    top: float  # top-left page coordinates, like glyphs
    bottom: float


class Across(NamedTuple):
    """A horizontal rule."""

    y: float  # top-left page coordinates, like glyphs
    left: float
    right: float


class Bar(NamedTuple):
    """A text object no taller than a kashida stroke (_FLAT): maybe one (silentbars.py)."""

    x0: float
    top: float  # top-left page coordinates, like glyphs
    x1: float
    bottom: float


class ThinObjects(NamedTuple):
    rules: list[Rule]
    across: list[Across]
    bars: list[Bar]


def thin_objects(page: Any, page_height: float, bars: bool = True) -> ThinObjects:
    """Thin tall and thin wide path objects of the page (its own objects, not those inside
    forms), each sorted, and its flat text objects if `bars` (their boxes cost a call each)."""
    raw = getattr(page, "raw", page)
    box = (ctypes.c_float * 4)()  # left, bottom, right, top
    step = ctypes.sizeof(ctypes.c_float)
    corners = [ctypes.byref(box, k * step) for k in range(4)]
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    text = pdfium_c.FPDF_PAGEOBJ_TEXT if bars else -1  # -1: no object's type
    rules: list[Rule] = []
    across: list[Across] = []
    flat: list[Bar] = []
    for k in range(pf.count_objects(raw)):
        obj = pf.page_object(raw, k)
        kind = pf.object_type(obj)
        if kind != path and kind != text:
            continue
        if not pf.object_bounds(obj, *corners):
            continue
        left, bottom, right, top = box
        if kind == text:
            if 0 < top - bottom <= _FLAT and right - left > top - bottom:
                flat.append(Bar(left, page_height - top, right, page_height - bottom))
        elif right - left <= _THIN and top - bottom >= _TALL:
            rules.append(Rule((left + right) / 2, page_height - top, page_height - bottom))
        elif top - bottom <= _THIN and right - left >= _TALL:
            across.append(Across(page_height - (top + bottom) / 2, left, right))
        elif right - left >= _TALL and top - bottom >= _TALL and _outlined_box(obj, left, bottom, right, top):
            # a cell drawn as a stroked rectangle (fpdf2, ReportLab): its four sides are rules
            top_y, bottom_y = page_height - top, page_height - bottom
            rules += [Rule(left, top_y, bottom_y), Rule(right, top_y, bottom_y)]
            across += [Across(top_y, left, right), Across(bottom_y, left, right)]
    return ThinObjects(sorted(rules), _joined(sorted(across)), flat)


def _outlined_box(obj: Any, left: float, bottom: float, right: float, top: float) -> bool:
    """Is a path object a rectangle that is stroked and not filled (a box's outline)? Its four
    or five points (a closing one) all lie on corners of its bounds."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    n = pf.count_path_segments(obj)
    if not 4 <= n <= 5 or not pf.path_draw_mode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    if fill.value != 0 or not stroke.value:
        return False
    m = pdfium_c.FS_MATRIX()
    if not pf.object_matrix(obj, ctypes.byref(m)):
        return False
    x, y = ctypes.c_float(), ctypes.c_float()
    tol = _THIN  # the bounds take in half the stroke's width
    for k in range(n):
        if not pf.segment_point(pf.path_segment(obj, k), ctypes.byref(x), ctypes.byref(y)):
            return False
        px, py = m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f
        if min(abs(px - left), abs(px - right)) > tol or min(abs(py - bottom), abs(py - top)) > tol:
            return False
    return True


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

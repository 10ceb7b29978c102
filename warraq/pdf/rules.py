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
_SAME = 0.1  # points: coordinates this close are one


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
            continue
        # a thin path is a rule itself; a box drawn as a path gives its sides
        big = right - left >= _TALL and top - bottom >= _TALL
        for x0, y0, x1, y1 in _box_sides(obj, left, bottom, right, top) if big else [(left, bottom, right, top)]:
            if x1 - x0 <= _THIN and y1 - y0 >= _TALL:
                rules.append(Rule((x0 + x1) / 2, page_height - y1, page_height - y0))
            elif y1 - y0 <= _THIN and x1 - x0 >= _TALL:
                across.append(Across(page_height - (y0 + y1) / 2, x0, x1))
    return ThinObjects(sorted(rules), _joined(sorted(across)), flat)


Side = tuple[float, float, float, float]  # left, bottom, right, top in PDF page space


def _box_sides(obj: Any, left: float, bottom: float, right: float, top: float) -> list[Side]:
    """The sides of a box a path object draws, as thin rectangles: a rectangle stroked and not
    filled (a cell's outline: fpdf2, ReportLab) gives its four; two rectangles one inside the
    other, filled between them (a border as WeasyPrint draws it), the sides where they are
    apart by no more than a rule's width. Any other path gives none."""
    n = pf.count_path_segments(obj)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if n not in (4, 5, 8, 10) or not pf.path_draw_mode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return []
    shapes = _rectangles(obj, n)
    if len(shapes) == 1 and n <= 5 and fill.value == 0 and stroke.value:
        x0, y0, x1, y1 = shapes[0]
        if max(abs(x0 - left), abs(x1 - right), abs(y0 - bottom), abs(y1 - top)) > _THIN:
            return []  # the bounds take in half the stroke's width
        return [(left, bottom, left, top), (right, bottom, right, top), (left, top, right, top),
                (left, bottom, right, bottom)]
    if len(shapes) != 2 or n < 8 or fill.value == 0:
        return []
    (ox0, oy0, ox1, oy1), (ix0, iy0, ix1, iy1) = sorted(shapes, key=lambda r: (r[2] - r[0]) * (r[3] - r[1]), reverse=True)
    if not (ox0 <= ix0 and oy0 <= iy0 and ix1 <= ox1 and iy1 <= oy1):
        return []
    sides = [(ox0, oy0, ix0, oy1), (ix1, oy0, ox1, oy1), (ox0, iy1, ox1, oy1), (ox0, oy0, ox1, iy0)]
    return [sd for sd in sides if 0 < min(sd[2] - sd[0], sd[3] - sd[1]) <= _THIN]


def _rectangles(obj: Any, n: int) -> list[Side]:
    """The upright rectangles a path's subpaths draw ([] if any subpath is not one)."""
    m = pdfium_c.FS_MATRIX()
    if not pf.object_matrix(obj, ctypes.byref(m)):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    p_x, p_y = ctypes.byref(x), ctypes.byref(y)
    subpaths: list[list[tuple[float, float]]] = []
    for k in range(n):
        seg = pf.path_segment(obj, k)
        if not pf.segment_point(seg, p_x, p_y):
            return []
        point = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        if pf.segment_type(seg) == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([])
        subpaths[-1].append(point)
    out = []
    for pts in subpaths:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        # every point on a corner (a closing point repeats the first)
        if not 4 <= len(pts) <= 5 or any(min(abs(px - x0), abs(px - x1)) > _SAME or min(abs(py - y0), abs(py - y1)) > _SAME
                                          for px, py in pts):
            return []
        out.append((x0, y0, x1, y1))
    return out


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

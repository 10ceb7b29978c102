"""What a glyph takes from its PDFium text object: font name and handle, size, render mode,
artifact flag, clip, whether it lies in an empty /ActualText and the slant of its baseline; and
the embedded font program behind a font handle."""

from __future__ import annotations

import ctypes
import math
from typing import Any

import pypdfium2.raw as pdfium_c

from warraq.pdf import pdfium as pf

#: (font name, size in page space, render mode, artifact, PDFium font handle address, clip, unspoken,
#: angle of the baseline in radians, counter-clockwise)
ObjectInfo = tuple[str, float, int, bool, int, "tuple[float, float, float, float] | None", bool, float]

# What a marked-content item says of the objects inside it
_PLAIN, _ARTIFACT, _SPOKEN, _UNSPOKEN = range(4)  # _SPOKEN/_UNSPOKEN: a non-empty/empty /ActualText


class FontNames:
    """Font name, size, render mode, artifact flag, clip and empty /ActualText per PDFium text
    object, looked up once."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self.known: dict[int, ObjectInfo] = {}  # by object address
        self._names: dict[int, str] = {}
        self._mark_kinds: dict[int, int] = {}  # a marked-content item is shared by its objects
        self._matrix = (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
        self._p_matrix = ctypes.byref(self._matrix)
        self._name = (ctypes.c_ushort * 32)()  # a mark's name, UTF-16
        self._name_size = ctypes.c_ulong()
        self._p_name_size = ctypes.byref(self._name_size)

    def info(self, obj: int, index: int) -> ObjectInfo:
        """What a glyph takes from its text object `obj` (the first char asked for gives the size)."""
        hit = self.known.get(obj)
        if hit is not None:
            return hit
        # PDFium's font size leaves out the CTM; the char matrix carries it
        size = pf.font_size(self._raw, index)
        # a space PDFium made has no matrix of its own (it reports the identity)
        scaled = pf.is_generated(self._raw, index) != 1 and bool(pf.char_matrix(self._raw, index, self._p_matrix))
        angle = 0.0
        if scaled:
            a, b, c, d, _, _ = self._matrix  # one pass over the C array, not four lookups
            size *= abs(a * d - b * c) ** 0.5
            if b:  # most text is upright
                angle = math.atan2(b, a)
        result: ObjectInfo
        if not obj:
            result = ("", size, 0, False, 0, None, False, angle)
        else:
            address = pf.object_font(obj) or 0
            name = self._names.get(address)
            if name is None:
                name = self._names[address] = _font_name(address)
            # inside /Artifact marked content: headers, footers, page numbers. Inside an empty
            # /ActualText (the innermost decides): a glyph that had no text of its own where the
            # PDF was made from (cairo rewriting a PDF whose cluster's text its first glyph
            # carries), whose ToUnicode entry cairo read from the font; PDFium reads that entry
            artifact = unspoken = False
            for i in range(pf.count_marks(obj)):
                mark = pf.get_mark(obj, i) or 0
                kind = self._mark_kinds.get(mark)
                if kind is None:
                    kind = self._mark_kinds[mark] = self._mark_kind(mark)
                if kind == _ARTIFACT:
                    artifact = True
                elif kind != _PLAIN:
                    unspoken = kind == _UNSPOKEN
            path = pf.clip_path(obj)
            clip = _clip(path) if path and pf.count_clip_paths(path) > 0 else None
            result = (name, size, pf.render_mode(obj), artifact, address, clip, unspoken, angle)
        if scaled:  # else the object's next char gives its size
            self.known[obj] = result
        return result

    def _mark_kind(self, mark: int) -> int:
        buf, size = self._name, self._name_size
        # "Artifact" is 16 bytes of UTF-16 and a terminator: a shorter name (most are a tagged
        # PDF's "Span", "P"...) is not it, nor is one too long to be copied
        if (pf.mark_name(mark, buf, ctypes.sizeof(buf), self._p_name_size)
                and 18 <= size.value <= ctypes.sizeof(buf)
                and bytes(buf)[: size.value - 2].decode("utf-16-le", "ignore") == "Artifact"):
            return _ARTIFACT
        if not pf.mark_string(mark, b"ActualText", None, 0, self._p_name_size):
            return _PLAIN
        return _UNSPOKEN if size.value <= 2 else _SPOKEN  # the length counts a UTF-16 terminator


def _clip(path: int) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) of the first path of a text object's clip path."""
    xs, ys = [], []
    x, y = ctypes.c_float(), ctypes.c_float()
    p_x, p_y = ctypes.byref(x), ctypes.byref(y)
    for k in range(pf.count_clip_segments(path, 0)):
        if pf.segment_point(pf.clip_segment(path, 0, k), p_x, p_y):
            xs.append(x.value)
            ys.append(y.value)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _font_name(address: int) -> str:
    if not address:
        return ""
    font = ctypes.cast(ctypes.c_void_p(address), pdfium_c.FPDF_FONT)
    getter = getattr(pdfium_c, "FPDFFont_GetBaseFontName", None) or pdfium_c.FPDFFont_GetFontName
    size = getter(font, None, 0)
    if size <= 0:
        return ""
    buf = ctypes.create_string_buffer(size)
    getter(font, buf, size)
    return buf.value.decode("utf-8", "replace")


def clipped_away(clip: tuple[float, float, float, float] | None, box: tuple[float, float, float, float]) -> bool:
    """Is most of a glyph's box (left, top, right, bottom) outside its clip rectangle?"""
    if clip is None:
        return False
    left, top, right, bottom = box
    w = max(0.0, min(right, clip[2]) - max(left, clip[0]))
    h = max(0.0, min(top, clip[3]) - max(bottom, clip[1]))
    area = (right - left) * (top - bottom)
    return area > 0 and w * h < 0.5 * area


def font_program(handle: int) -> bytes | None:
    """The embedded font program of a PDFium font handle (for telling same-named fonts apart)."""
    if not handle:
        return None
    font = ctypes.cast(ctypes.c_void_p(handle), pdfium_c.FPDF_FONT)
    size = ctypes.c_size_t()
    if not pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) or not size.value:
        return None
    buf = (ctypes.c_uint8 * size.value)()
    if not pdfium_c.FPDFFont_GetFontData(font, buf, size.value, ctypes.byref(size)):
        return None
    return bytes(buf)

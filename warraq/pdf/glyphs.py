"""Glyph records from PDFium's text page.

PDFium (through pypdfium2) interprets the content stream: text state, TJ spacing, CTM, Form
XObjects, marked content and /ActualText. Its own *ordering* of characters is not used: it
reorders each line with a simplified bidi pass and reverses the characters of multi-character
mappings inside right-to-left runs. We take each character's text and geometry, undo that
reversal inside glyphs, and let warraq's layout decide the order from geometry.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pypdfium2.raw as pdfium_c

from warraq.arabic.chars import LIGATURES, TATWEEL, is_mark

#: Text of a glyph whose mapping is missing and could not be recovered.
UNMAPPED = "\ufffd"

# Characters PDFium writes between lines; never glyphs.
_GENERATED = frozenset("\r\n\x02\ufffe")


def _lean(fn: Any, restype: Any, argtypes: list[Any] | None = None) -> Any:
    """A PDFium function bound without pypdfium2's argument conversion, which costs twice the call
    itself; it takes a c_void_p handle, C ints and byref() pointers (`argtypes` for the others).
    Used for the per-char calls."""
    f = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    f.restype = restype
    f.argtypes = argtypes
    return f


_count_chars = _lean(pdfium_c.FPDFText_CountChars, ctypes.c_int)
_get_unicode = _lean(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_is_generated = _lean(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_map_error = _lean(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.c_int)
_loose_box = _lean(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_char_origin = _lean(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
_char_box = _lean(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
_text_object = _lean(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)  # a plain address: identity checks
_font_size = _lean(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_char_matrix = _lean(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_object_font = _lean(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
_render_mode = _lean(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int)
_count_marks = _lean(pdfium_c.FPDFPageObj_CountMarks, ctypes.c_int)
_get_mark = _lean(pdfium_c.FPDFPageObj_GetMark, ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_ulong])
_mark_name = _lean(pdfium_c.FPDFPageObjMark_GetName, ctypes.c_int,
                   [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p])


@lru_cache(maxsize=8192)
def _all_marks(text: str) -> bool:
    return bool(text) and all(is_mark(c) for c in text)


@dataclass(slots=True)
class Glyph:
    """One drawn glyph (or /ActualText span) with its text and where that text came from."""

    text: str
    source: str  # "tounicode" | "unmapped" | "font-cmap" | "glyph-name" | "gsub" | "outline" | "ocr"
    x0: float  # loose box, top-left origin, points
    top: float
    x1: float
    bottom: float
    ox: float  # origin on the baseline
    oy: float
    size: float
    font: str
    index: int  # first PDFium char index (stream order)
    render_mode: int = 0
    artifact: bool = False  # inside /Artifact marked content: page furniture in a tagged PDF
    is_mark: bool = False  # all of its text is combining marks: it rides on a base glyph
    is_space: bool = False
    ink: tuple[float, float] = (0.0, 0.0)  # horizontal extent of the drawn shape

    def __post_init__(self) -> None:
        self.is_mark = _all_marks(self.text)
        self.is_space = self.text.isspace()


#: A PDFium character: (text, origin x, origin y, loose box [left, top, right, bottom], text
#: object address, map error, char index). Plain tuples: a page has thousands.
_Char = tuple[str, float, float, list[float], int, bool, int]

#: resolve(font name, PDFium font handle address, text, map error) -> (text, source) or None
FontResolver = Callable[[str, int, str, bool], "tuple[str, str] | None"]


def page_glyphs(textpage: object, page_height: float, resolve: FontResolver | None = None) -> list[Glyph]:
    """All glyphs of a page. `resolve(font, handle, text, map_error)` may replace a character's text."""
    raw = ctypes.cast(textpage.raw, ctypes.c_void_p)  # type: ignore[attr-defined]
    chars = _page_chars(raw)
    fonts = _FontNames(raw)
    known = fonts.cache.get
    glyphs: list[Glyph] = []
    i, n = 0, len(chars)
    while i < n:
        j = i + 1
        c = chars[i]
        _, ox, oy, box, obj, err, index = c
        # one glyph mapped to several characters: PDFium repeats the same origin and box
        while j < n and chars[j][4] == obj and chars[j][1] == ox and chars[j][2] == oy and chars[j][3] == box:
            j += 1
        text = c[0] if j == i + 1 else "".join(ch[0] for ch in chars[i:j])
        if j > i + 1 and _reversed_by_pdfium(text, chars, i, j):
            text = text[::-1]
        font, size, mode, artifact, handle = known(obj) or fonts.info(obj, index)
        source = "unmapped" if err else "tounicode"
        if text == " " and _is_generated(raw, index) == 1:
            source = "generated"  # PDFium's own word break: evidence for spacing, not a glyph
        fixed = resolve(font, handle, text, err) if resolve is not None else None
        if fixed is not None:
            text, source = fixed
        elif err:
            if _kashida_shape(raw, index, oy, size):
                text, source = TATWEEL, "kashida-shape"
            else:
                text = UNMAPPED  # PDFium shows the raw char code here: visible, never plausible garbage
        elif len(text) == 1 and text in _KASHIDA_ALIASES and _kashida_shape(raw, index, oy, size):
            text, source = TATWEEL, "kashida-shape"  # a kashida glyph mapped to some ASCII sign
        left, top, right, bottom = box
        glyph = Glyph(text, source, left, page_height - top, right, page_height - bottom,
                      ox, page_height - oy, size, font, index, mode, artifact)
        glyph.ink = (left, right)
        glyphs.append(glyph)
        i = j
    if any(g.is_mark for g in glyphs):  # ink decides which base carries a mark; only then ask
        _ink_spans(raw, glyphs)
    _drop_cluster_duplicates(glyphs)
    return glyphs


def _page_chars(raw: Any) -> list[_Char]:
    """PDFium's characters of a page, without the line breaks and hyphens it generates."""
    get_u, loose, origin, get_obj, map_err = _get_unicode, _loose_box, _char_origin, _text_object, _map_error
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    xy = (ctypes.c_double * 2)()
    p_rect, p_x, p_y = ctypes.byref(rect), ctypes.byref(xy), ctypes.byref(xy, ctypes.sizeof(ctypes.c_double))
    chars: list[_Char] = []
    append = chars.append
    for i in range(_count_chars(raw)):
        u = chr(get_u(raw, i))
        # "\r", "\n" and "\x02" are PDFium's line breaks and hyphens, unless a font without
        # ToUnicode really has glyphs with those codes
        if u in _GENERATED and (_is_generated(raw, i) == 1 or not map_err(raw, i)):
            continue
        loose(raw, i, p_rect)
        origin(raw, i, p_x, p_y)
        ox, oy = xy
        append((u, ox, oy, rect[:], get_obj(raw, i) or 0, map_err(raw, i) == 1, i))
    return chars


def _drop_cluster_duplicates(glyphs: list[Glyph]) -> None:
    """Silence recovered glyphs whose text a neighbouring glyph's mapping already carries.

    Producers map the text of a multi-glyph cluster (alef + hamza, a shadda + fatha stack) onto
    one glyph and leave the others empty; recovering those others from the font would say the
    same letters twice.
    """
    for k, g in enumerate(glyphs):
        if g.source in ("tounicode", "kashida-shape") or not g.text:
            continue
        # an unmapped glyph inside such a cluster is taken as one of its silent members
        own = Counter() if g.source == "unmapped" else Counter(unicodedata.normalize("NFD", g.text))
        for h in glyphs[max(k - 8, 0): k + 9]:
            if h is g or h.source != "tounicode" or len(h.text) < 2 or abs(h.oy - g.oy) > max(g.size, 1.0):
                continue
            near = h.x0 - 0.3 * g.size <= (g.x0 + g.x1) / 2 <= h.x1 + 0.3 * g.size
            if near and not own - Counter(unicodedata.normalize("NFD", h.text)):
                g.text, g.source, g.is_mark = "", "cluster", False
                break


def _ink_spans(raw: Any, glyphs: list[Glyph]) -> None:
    """Horizontal extent of each glyph's ink (for marks, whose advance boxes point elsewhere)."""
    box = (ctypes.c_double * 4)()  # left, right, bottom, top
    step = ctypes.sizeof(ctypes.c_double)
    p_left, p_right, p_bottom, p_top = (ctypes.byref(box, k * step) for k in range(4))
    for g in glyphs:
        if _char_box(raw, g.index, p_left, p_right, p_bottom, p_top):
            left, right = box[0], box[1]
            if right > left:
                g.ink = (left, right)
                continue
        g.ink = (g.x0, g.x1)


def _tight_box(raw: Any, index: int) -> tuple[float, float, float, float] | None:
    """(left, right, bottom, top) of a char's drawn shape, None if PDFium has none."""
    box = (ctypes.c_double * 4)()
    step = ctypes.sizeof(ctypes.c_double)
    if not _char_box(raw, index, *(ctypes.byref(box, k * step) for k in range(4))):
        return None
    return box[0], box[1], box[2], box[3]


#: Characters that producers (LibreOffice with some fonts) wrongly give their kashida glyphs;
#: the shape test keeps real letters and signs, none of which is a bare bar on the baseline.
_KASHIDA_ALIASES = frozenset(  # any ASCII but "_", which hashtags and handles use at the baseline
    chr(c) for c in range(0x21, 0x7F) if chr(c) != "_"
)


def _kashida_shape(raw: Any, index: int, baseline: float, size: float) -> bool:
    """An unmapped glyph drawn as a thin bar on the baseline is a justification kashida.

    LibreOffice and others draw kashida with a glyph their ToUnicode leaves out. A hyphen or
    dash sits higher, an underscore lower; only the joining stroke lies on the baseline.
    """
    box = _tight_box(raw, index)
    if box is None:
        return False
    left, right, bottom, top = box
    height, width = top - bottom, right - left
    return (0 < height < 0.15 * size and width > 0.12 * size and width > 2 * height
            and abs(bottom - baseline) < 0.12 * size)


def _reversed_by_pdfium(text: str, chars: list[_Char], i: int, j: int) -> bool:
    """Did PDFium's bidi pass reverse the characters of this one glyph's mapping?

    PDFium reverses right-to-left segments character by character. A mapping with a strong
    right-to-left letter and no left-to-right one sits in such a segment; a neutral one (a
    space, punctuation) follows the glyphs around it, whose x runs backwards in that case.
    """
    if is_mark(text[0]) and not is_mark(text[-1]):
        return True  # a mark can only follow its base letter
    if is_mark(text[-1]) and not is_mark(text[0]):
        return False
    if text in LIGATURES:
        return False  # PDFium's own decomposition of a presentation-form ligature: in order
    if text[::-1] in LIGATURES:
        return True
    dirs = {_pdfium_direction(ch) for ch in text} - {None}
    if dirs == {"R"}:
        return True
    if dirs:
        return False
    before = chars[i - 1][1] if i > 0 else None
    after = chars[j][1] if j < len(chars) else None
    here = chars[i][1]
    return (before is not None and before > here) or (after is not None and after < here)


def _pdfium_direction(ch: str) -> str | None:
    cls = unicodedata.bidirectional(ch)
    if cls in ("R", "AL"):
        return "R"
    if cls in ("L", "EN", "AN"):
        return "L"
    return None


class _FontNames:
    """Font name, size, render mode and artifact flag per PDFium text object, looked up once."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self.cache: dict[int, tuple[str, float, int, bool, int]] = {}
        self._names: dict[int, str] = {}
        self._artifact_marks: dict[int, bool] = {}  # a marked-content item is shared by its objects
        self._matrix = pdfium_c.FS_MATRIX()
        self._p_matrix = ctypes.byref(self._matrix)

    def info(self, obj: int, index: int) -> tuple[str, float, int, bool, int]:
        """(font name, size in page space, render mode, artifact, PDFium font handle address)."""
        hit = self.cache.get(obj)
        if hit is not None:
            return hit
        # PDFium's font size leaves out the CTM; the char matrix carries it
        matrix = self._matrix
        size = _font_size(self._raw, index)
        if _char_matrix(self._raw, index, self._p_matrix):
            size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        if not obj:
            result = ("", size, 0, False, 0)
        else:
            handle = ctypes.c_void_p(obj)
            address = _object_font(handle) or 0
            name = self._names.get(address)
            if name is None:
                name = self._names[address] = _font_name(address)
            result = (name, size, _render_mode(handle), self._is_artifact(handle), address)
        self.cache[obj] = result
        return result

    def _is_artifact(self, obj: Any) -> bool:
        """Is this page object inside /Artifact marked content (headers, footers, page numbers)?"""
        for i in range(_count_marks(obj)):
            mark = _get_mark(obj, i) or 0
            hit = self._artifact_marks.get(mark)
            if hit is None:
                hit = self._artifact_marks[mark] = _mark_is_artifact(mark)
            if hit:
                return True
        return False


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


def _mark_is_artifact(mark: int) -> bool:
    size = ctypes.c_ulong()
    buf = (ctypes.c_ushort * 32)()
    if _mark_name(ctypes.c_void_p(mark), buf, ctypes.sizeof(buf), ctypes.byref(size)):
        return bytes(buf)[: max(size.value - 2, 0)].decode("utf-16-le", "ignore") == "Artifact"
    return False


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

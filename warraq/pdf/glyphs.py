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
from functools import lru_cache, partial
from typing import Any

import pypdfium2.raw as pdfium_c

from warraq.arabic.chars import LIGATURES, TATWEEL, is_mark
from warraq.pdf.spans import (
    drop_repeated_spans,
    gather_split_boxes,
    span_text,
    split_cluster_marks,
    split_run,
)

#: Text of a glyph whose mapping is missing and could not be recovered.
UNMAPPED = "\ufffd"

# Characters PDFium writes between lines; never glyphs.
_GENERATED = frozenset("\r\n\x02\ufffe")


def _object_address_fn() -> Callable[[object, int], int | None]:
    """FPDFText_GetTextObject returning a plain address: identity checks without ctypes casts."""
    try:
        from pypdfium2_raw.bindings import _libs

        fn = _libs["pdfium"]["FPDFText_GetTextObject"]  # a fresh function object, not pypdfium2's
        fn.argtypes = [pdfium_c.FPDF_TEXTPAGE, ctypes.c_int]
        fn.restype = ctypes.c_void_p
        return fn  # type: ignore[no-any-return]
    except Exception:  # an unusual pypdfium2 build: fall back to casting
        get = pdfium_c.FPDFText_GetTextObject
        return lambda tp, i: ctypes.cast(get(tp, i), ctypes.c_void_p).value


_object_address = _object_address_fn()


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


@dataclass(slots=True)
class _Char:
    u: str
    ox: float
    oy: float
    box: tuple[float, float, float, float]
    obj: int
    err: bool
    index: int


#: The drawn glyph's ink box relative to its origin in 1/1000 em, computed only when asked for.
ShapeProbe = Callable[[], "tuple[float, float, float, float] | None"]
#: resolve(font name, PDFium font handle address, text, map error, shape) -> (text, source) or None
FontResolver = Callable[[str, int, str, bool, ShapeProbe], "tuple[str, str] | None"]


def page_glyphs(textpage: object, page_height: float, resolve: FontResolver | None = None) -> list[Glyph]:
    """All glyphs of a page. `resolve(font, handle, text, map_error)` may replace a character's text."""
    raw = textpage.raw  # type: ignore[attr-defined]
    n = pdfium_c.FPDFText_CountChars(raw)
    rect = pdfium_c.FS_RECTF()
    x = ctypes.c_double()
    y = ctypes.c_double()
    get_u = pdfium_c.FPDFText_GetUnicode
    loose = pdfium_c.FPDFText_GetLooseCharBox
    origin = pdfium_c.FPDFText_GetCharOrigin
    get_obj = _object_address
    generated = pdfium_c.FPDFText_IsGenerated
    map_err = pdfium_c.FPDFText_HasUnicodeMapError
    fonts = _FontNames()
    chars: list[_Char] = []
    for i in range(n):
        u = chr(get_u(raw, i))
        # "\r", "\n" and "\x02" are PDFium's line breaks and hyphens, unless a font really has
        # glyphs with those codes (no ToUnicode, or one that leaves them out): those have a text object
        if u in _GENERATED and (generated(raw, i) == 1 or not get_obj(raw, i)):
            continue
        loose(raw, i, rect)
        origin(raw, i, x, y)
        chars.append(
            _Char(u, x.value, y.value, (rect.left, rect.top, rect.right, rect.bottom),
                  get_obj(raw, i) or 0, map_err(raw, i) == 1, i)
        )
    chars = gather_split_boxes(chars)
    glyphs: list[Glyph] = []
    spans: set[int] = set()
    i = 0
    while i < len(chars):
        c = chars[i]
        # one glyph mapped to several characters: PDFium repeats the same origin and box; it
        # splits the box of an /ActualText span or of a ligature it decomposed itself
        j = split_run(chars, i)
        while (j < len(chars) and chars[j].obj == c.obj and chars[j].ox == c.ox and chars[j].oy == c.oy
               and chars[j].box == c.box):
            j += 1
        group = chars[i:j]
        box = c.box
        if j > i + 1:
            box = (min(ch.box[0] for ch in group), c.box[1], max(ch.box[2] for ch in group), c.box[3])
        text = "".join(ch.u for ch in group)
        if box != c.box:
            text = span_text(group)
        elif len(group) > 1 and _reversed_by_pdfium(text, chars, i, j):
            text = text[::-1]
        font, size, mode, artifact, handle = fonts.info(c.obj, raw, c.index)
        source = "unmapped" if c.err else "tounicode"
        # PDFium's own word breaks (flagged, or zero-width ones it puts at wide TJ kerning) are
        # evidence for spacing, not glyphs, and have no char code to recover
        if text == " " and (generated(raw, c.index) == 1 or box[2] == box[0]):
            source = "generated"
        fixed = None
        if resolve is not None and source != "generated":
            fixed = resolve(font, handle, text, c.err, partial(_em_box, raw, c.index, c.ox, c.oy, size))
        if fixed is not None and fixed[1] != "unmapped":
            text, source = fixed
        elif c.err or fixed is not None:  # a char code nothing could read
            if _kashida_shape(raw, c.index, c.oy, size):
                text, source = TATWEEL, "kashida-shape"
            else:  # PDFium shows the raw char code here: visible, never plausible garbage
                text, source = UNMAPPED, "unmapped"
        elif len(text) == 1 and text in _KASHIDA_ALIASES and _kashida_shape(raw, c.index, c.oy, size):
            text, source = TATWEEL, "kashida-shape"  # a kashida glyph mapped to some ASCII sign
        left, top, right, bottom = box
        glyph = Glyph(text, source, left, page_height - top, right, page_height - bottom,
                      c.ox, page_height - c.oy, size, font, c.index, mode, artifact=artifact)
        glyph.ink = (left, right)
        if box != c.box:
            spans.add(id(glyph))  # the parts of a split box are its ink already
        glyphs.append(glyph)
        i = j
    drop_repeated_spans(glyphs, spans)
    split_cluster_marks(glyphs, spans, lambda g: _ink_span(raw, g.index, g.x0, g.x1),
                        lambda g: _em_box(raw, g.index, g.ox, page_height - g.oy, g.size))
    if any(g.is_mark for g in glyphs):  # ink decides which base carries a mark; only then ask
        for g in glyphs:
            if id(g) not in spans:
                g.ink = _ink_span(raw, g.index, g.x0, g.x1)
    _drop_cluster_duplicates(glyphs, spans)
    return glyphs


def _drop_cluster_duplicates(glyphs: list[Glyph], spans: set[int]) -> None:
    """Silence recovered glyphs whose text a neighbouring glyph's mapping already carries.

    Producers map the text of a multi-glyph cluster (alef + hamza, a shadda + fatha stack) onto
    one glyph and leave the others empty; recovering those others from the font would say the
    same letters twice. An /ActualText span (a split box) carries nothing for its neighbours:
    PDFium drops the glyphs it covers.
    """
    for k, g in enumerate(glyphs):
        if g.source in ("tounicode", "kashida-shape") or not g.text:
            continue
        # an unmapped glyph inside such a cluster is taken as one of its silent members
        own = Counter() if g.source == "unmapped" else Counter(unicodedata.normalize("NFD", g.text))
        for h in glyphs[max(k - 8, 0): k + 9]:
            if (h is g or h.source != "tounicode" or len(h.text) < 2 or id(h) in spans
                    or abs(h.oy - g.oy) > max(g.size, 1.0)):
                continue
            near = h.x0 - 0.3 * g.size <= (g.x0 + g.x1) / 2 <= h.x1 + 0.3 * g.size
            carried = not own - Counter(unicodedata.normalize("NFD", h.text))
            # a ligature glyph draws its letters itself; only its marks may come separately
            if near and carried and (h.text not in LIGATURES or all(is_mark(ch) for ch in own)):
                g.text, g.source, g.is_mark = "", "cluster", False
                break


def _em_box(raw: Any, index: int, ox: float, oy: float, size: float) -> tuple[float, float, float, float] | None:
    """A char's box seen from its origin, in 1/1000 em: which glyph of the font was drawn."""
    l_, r_, b_, t_ = (ctypes.c_double() for _ in range(4))
    if size <= 0 or not pdfium_c.FPDFText_GetCharBox(raw, index, l_, r_, b_, t_) or r_.value <= l_.value:
        return None
    k = 1000.0 / size
    return ((l_.value - ox) * k, (b_.value - oy) * k, (r_.value - ox) * k, (t_.value - oy) * k)


def _ink_span(raw: Any, index: int, left: float, right: float) -> tuple[float, float]:
    """Horizontal extent of a glyph's ink (for marks, whose advance boxes point elsewhere)."""
    l_, r_, b_, t_ = (ctypes.c_double() for _ in range(4))
    if pdfium_c.FPDFText_GetCharBox(raw, index, l_, r_, b_, t_) and r_.value > l_.value:
        return l_.value, r_.value
    return left, right


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
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if not pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top):
        return False
    height, width = top.value - bottom.value, right.value - left.value
    return (0 < height < 0.15 * size and width > 0.12 * size and width > 2 * height
            and abs(bottom.value - baseline) < 0.12 * size)


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
    before = chars[i - 1].ox if i > 0 else None
    after = chars[j].ox if j < len(chars) else None
    here = chars[i].ox
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

    def __init__(self) -> None:
        self._cache: dict[int, tuple[str, float, int, bool, int]] = {}
        self._names: dict[int, str] = {}

    def info(self, obj: int, raw: object, index: int) -> tuple[str, float, int, bool, int]:
        """(font name, size in page space, render mode, artifact, PDFium font handle address)."""
        hit = self._cache.get(obj)
        if hit is not None:
            return hit
        # PDFium's font size leaves out the CTM; the char matrix carries it
        matrix = pdfium_c.FS_MATRIX()
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
            size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        if not obj:
            result = ("", size, 0, False, 0)
        else:
            handle = ctypes.cast(ctypes.c_void_p(obj), pdfium_c.FPDF_PAGEOBJECT)
            font = pdfium_c.FPDFTextObj_GetFont(handle)
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(handle)
            address = ctypes.cast(font, ctypes.c_void_p).value or 0
            result = (self._font_name(font), size, int(mode), _is_artifact(handle), address)
        self._cache[obj] = result
        return result

    def _font_name(self, font: Any) -> str:
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        name = self._names.get(key)
        if name is None:
            name = ""
            if key:
                getter = getattr(pdfium_c, "FPDFFont_GetBaseFontName", None) or pdfium_c.FPDFFont_GetFontName
                size = getter(font, None, 0)
                if size > 0:
                    buf = ctypes.create_string_buffer(size)
                    getter(font, buf, size)
                    name = buf.value.decode("utf-8", "replace")
            self._names[key] = name
        return name


def _is_artifact(obj: Any) -> bool:
    """Is this page object inside /Artifact marked content (headers, footers, page numbers)?"""
    count = pdfium_c.FPDFPageObj_CountMarks(obj)
    for i in range(max(count, 0)):
        mark = pdfium_c.FPDFPageObj_GetMark(obj, i)
        size = ctypes.c_ulong()
        buf = (ctypes.c_ushort * 32)()
        if pdfium_c.FPDFPageObjMark_GetName(mark, buf, ctypes.sizeof(buf), ctypes.byref(size)):
            name = bytes(buf)[: max(size.value - 2, 0)].decode("utf-16-le", "ignore")
            if name == "Artifact":
                return True
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

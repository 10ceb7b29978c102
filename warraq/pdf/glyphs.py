"""Glyph records from PDFium's text page.

PDFium (through pypdfium2) interprets the content stream: text state, TJ spacing, CTM, Form
XObjects, marked content and /ActualText. Its own *ordering* of characters is not used: it
reorders each line with a simplified bidi pass and reverses the characters of multi-character
mappings inside right-to-left runs. We take each character's text and geometry, undo that
reversal inside glyphs, and let warraq's layout decide the order from geometry.
"""

from __future__ import annotations

import bisect
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
    spans: set[int] = set()  # ids of glyphs whose box is a span's or a split box: their ink
    bounds: _SpanBounds | None = None
    said: set[tuple[int, str]] = set()
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
        box, oy = c.box, c.oy
        if j > i + 1:
            box = (min(ch.box[0] for ch in group), c.box[1], max(ch.box[2] for ch in group), c.box[3])
        text = "".join(ch.u for ch in group)
        if box != c.box:
            text = span_text(group)
        elif len(group) > 1 and _reversed_by_pdfium(text, chars, i, j):
            text = text[::-1]
        spanned = False
        # an /ActualText span of a cluster with marks (Chromium draws the mark first, each glyph
        # an object of its own): PDFium gives it the first object's box and baseline only
        if len(group) > 1 and (box != c.box or any(is_mark(ch) for ch in text)):
            bounds = bounds or _SpanBounds(textpage)
            span = bounds.span(c.obj)
            key = (span or 0, unicodedata.normalize("NFC", text))
            if span is not None and key in said:
                i = j
                continue  # PDFium said this span's text once already, from another object
            said.add(key)
            found = bounds.bounds(c.obj)
            if found:  # the letter's baseline; x stays the span's pen position, which orders it
                box, oy, spanned = found[0], found[1][1], True
        font, size, mode, artifact, handle = fonts.info(c.obj, raw, c.index)
        source = "actualtext" if spanned else "unmapped" if c.err else "tounicode"
        # PDFium's own word breaks (flagged, or zero-width ones it puts at wide TJ kerning) are
        # evidence for spacing, not glyphs, and have no char code to recover
        if text == " " and (generated(raw, c.index) == 1 or box[2] == box[0]):
            source = "generated"
        fixed = None
        if resolve is not None and source not in ("generated", "actualtext"):
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
        i = j
        if _clipped_away(fonts.clip(c.obj), box):
            continue  # drawn outside its clip (a line Chromium carried over to the next page)
        left, top, right, bottom = box
        glyph = Glyph(text, source, left, page_height - top, right, page_height - bottom,
                      c.ox, page_height - oy, size, font, c.index, mode, artifact=artifact)
        glyph.ink = (left, right)
        if box != c.box:
            spans.add(id(glyph))  # the parts of a split box, or a span's objects, are its ink
        glyphs.append(glyph)
    drop_repeated_spans(glyphs, spans)
    split_cluster_marks(glyphs, spans, lambda g: _ink_span(raw, g.index, g.x0, g.x1),
                        lambda g: _em_box(raw, g.index, g.ox, page_height - g.oy, g.size))
    if any(g.is_mark for g in glyphs):  # ink decides which base carries a mark; only then ask
        for g in glyphs:
            if id(g) not in spans:
                g.ink = _ink_span(raw, g.index, g.x0, g.x1)
    _drop_cluster_duplicates(glyphs, spans)
    return glyphs


class _SpanBounds:
    """/ActualText spans of a page: runs of page objects inside one marked-content span.

    PDFium gives a span's text the box of its first glyph only (Chromium draws a cluster's
    mark first, then its letter, each as a text object of its own), and for some spans it
    reports the text once more at a later object of the same span.
    """

    def __init__(self, textpage: Any) -> None:
        self._run: dict[int, list[int]] = {}  # object address -> the objects of its span
        page = getattr(getattr(textpage, "page", None), "raw", None)
        if page is None:
            return
        run: list[int] = []
        last = 0
        for k in range(pdfium_c.FPDFPage_CountObjects(page)):
            address = ctypes.cast(pdfium_c.FPDFPage_GetObject(page, k), ctypes.c_void_p).value or 0
            mark = _actualtext_mark(address)
            if not mark or mark != last:
                run = []
            if mark:
                run.append(address)
                self._run[address] = run
            last = mark

    def span(self, obj: int) -> int | None:
        """An id of the span holding text object `obj` (None outside spans and forms)."""
        run = self._run.get(obj)
        return id(run) if run else None

    def bounds(self, obj: int) -> tuple[tuple[float, float, float, float], tuple[float, float]] | None:
        """(left, top, right, bottom) of the span holding text object `obj`, and the origin of
        its tallest glyph (the letter: a mark drawn first may sit off the baseline)."""
        run = self._run.get(obj, [])
        boxes = [(b, a) for a in run if (b := _bounds(a)) is not None]
        if len(boxes) < 2:
            return None  # one object may draw a whole line: its bounds say nothing of the span
        box = (min(b[0] for b, _ in boxes), max(b[1] for b, _ in boxes),
               max(b[2] for b, _ in boxes), min(b[3] for b, _ in boxes))
        return box, _origin(max(boxes, key=lambda ba: ba[0][1] - ba[0][3])[1])


def _handle(address: int) -> Any:
    return ctypes.cast(ctypes.c_void_p(address), pdfium_c.FPDF_PAGEOBJECT)


def _bounds(address: int) -> tuple[float, float, float, float] | None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(_handle(address), left, bottom, right, top):
        return None
    return left.value, top.value, right.value, bottom.value


def _origin(address: int) -> tuple[float, float]:
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(_handle(address), m)
    return m.e, m.f


def _actualtext_mark(address: int) -> int:
    """The address of a text object's innermost /ActualText content mark, 0 if none."""
    h = _handle(address)
    if not address or pdfium_c.FPDFPageObj_GetType(h) != pdfium_c.FPDF_PAGEOBJ_TEXT:
        return 0
    length = ctypes.c_ulong()
    for k in reversed(range(pdfium_c.FPDFPageObj_CountMarks(h))):
        mark = pdfium_c.FPDFPageObj_GetMark(h, k)
        if pdfium_c.FPDFPageObjMark_GetParamStringValue(mark, b"ActualText", None, 0, ctypes.byref(length)):
            return ctypes.cast(mark, ctypes.c_void_p).value or 0
    return 0


def _drop_cluster_duplicates(glyphs: list[Glyph], spans: set[int]) -> None:
    """Reconcile recovered glyphs with the mapping of the glyph they sit on.

    Producers map the text of a multi-glyph cluster (alef + hamza, a shadda + fatha stack) onto
    one glyph and leave the others empty; recovering those others from the font would say the
    same letters twice, so they are silenced. Some producers (WeasyPrint with some fonts) map a
    glyph id to the text of the first cluster it appeared in: a plain letter then carries marks
    of another word. A recovered mark its carrier does not contain exposes that, and the marks
    actually drawn replace the carrier's. Nearness is geometric: some producers draw a word's
    marks after all of its letters, far from their base in stream order. An /ActualText span
    carries nothing for its neighbours: PDFium drops the glyphs it covers.
    """
    def _carrier(h: Glyph) -> bool:
        return h.source == "tounicode" and len(h.text) > 1 and id(h) not in spans

    if not any(_carrier(h) for h in glyphs):
        return
    # what a glyph may sit on: letters, and mark glyphs mapped to a stack of marks
    bases = sorted((h for h in glyphs if h.text and not h.is_space and (not h.is_mark or len(h.text) > 1)),
                   key=lambda h: h.x0)
    starts = [h.x0 for h in bases]
    widest = max(h.x1 - h.x0 for h in bases)
    riders: dict[int, tuple[Glyph, list[Glyph]]] = {}
    for g in glyphs:
        if g.source in ("tounicode", "kashida-shape") or not g.text:
            continue
        cx, reach = (g.x0 + g.x1) / 2, 0.3 * g.size
        lo = bisect.bisect_left(starts, cx - reach - widest)
        near = [h for h in bases[lo: bisect.bisect_right(starts, cx + reach)]
                if h is not g and abs(h.oy - g.oy) <= max(g.size, 1.0) and h.x0 - reach <= cx <= h.x1 + reach]
        if not near:
            continue
        # the base it sits on: containing its centre first, then the closest centre
        near.sort(key=lambda h: (not h.x0 <= cx <= h.x1, abs((h.x0 + h.x1) / 2 - cx)))
        if _carrier(near[0]):
            riders.setdefault(id(near[0]), (near[0], []))[1].append(g)
        elif any(_carrier(h) and (g.source == "unmapped" or (h.is_mark and _within(g, h))) for h in near):
            # an unmapped glyph by a cluster, or a mark that a stack of marks drawn as one
            # glyph (shadda + fatha) already says
            g.text, g.source, g.is_mark = "", "cluster", False
    for h, group in riders.values():
        have = Counter(unicodedata.normalize("NFD", h.text))
        drawn = [g for g in group if g.source != "unmapped" and g.is_mark]
        drawn_marks = sum((Counter(unicodedata.normalize("NFD", g.text)) for g in drawn), Counter())
        own_marks = Counter({ch: n for ch, n in have.items() if is_mark(ch)})
        complete = all(g.source != "unmapped" for g in group)  # every rider could be read
        stale = bool(drawn_marks - own_marks) or (complete and bool(drawn) and own_marks != drawn_marks)
        letters = unicodedata.normalize(
            "NFC", "".join(ch for ch in unicodedata.normalize("NFD", h.text) if not is_mark(ch)))
        if stale and letters:
            h.text = letters  # keep the marks really drawn over it instead
            group = [g for g in group if g not in drawn]
        for g in group:
            if _within(g, h):
                g.text, g.source, g.is_mark = "", "cluster", False


def _within(g: Glyph, h: Glyph) -> bool:
    """Does `h`'s mapping already say all of `g`'s text? An unmapped glyph next to a
    several-character mapping is taken as one of that cluster's silent members."""
    if g.source == "unmapped":
        return True
    own = Counter(unicodedata.normalize("NFD", g.text))
    if h.text in LIGATURES and not all(is_mark(ch) for ch in own):
        return False  # a ligature glyph draws its letters itself; only its marks come apart
    return not own - Counter(unicodedata.normalize("NFD", h.text))


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
        self._clips: dict[int, tuple[float, float, float, float] | None] = {}

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

    def clip(self, obj: int) -> tuple[float, float, float, float] | None:
        """(left, bottom, right, top) of the first clip path of a text object, if it has one."""
        if obj not in self._clips:
            found = None
            path = pdfium_c.FPDFPageObj_GetClipPath(_handle(obj)) if obj else None
            if path and pdfium_c.FPDFClipPath_CountPaths(path) > 0:
                xs, ys = [], []
                x, y = ctypes.c_float(), ctypes.c_float()
                for k in range(pdfium_c.FPDFClipPath_CountPathSegments(path, 0)):
                    if pdfium_c.FPDFPathSegment_GetPoint(pdfium_c.FPDFClipPath_GetPathSegment(path, 0, k), x, y):
                        xs.append(x.value)
                        ys.append(y.value)
                if xs:
                    found = (min(xs), min(ys), max(xs), max(ys))
            self._clips[obj] = found
        return self._clips[obj]

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


def _clipped_away(clip: tuple[float, float, float, float] | None, box: tuple[float, float, float, float]) -> bool:
    """Is most of a glyph's box (left, top, right, bottom) outside its clip rectangle?"""
    if clip is None:
        return False
    left, top, right, bottom = box
    w = max(0.0, min(right, clip[2]) - max(left, clip[0]))
    h = max(0.0, min(top, clip[3]) - max(bottom, clip[1]))
    area = (right - left) * (top - bottom)
    return area > 0 and w * h < 0.5 * area


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

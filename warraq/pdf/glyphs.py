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
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from warraq.arabic.chars import (
    DOTTED_LETTERS,
    LAM_ALEF_PARTNERS,
    LIGATURES,
    TATWEEL,
    is_arabic_letter,
    is_mark,
    skeleton,
)
from warraq.pdf import pdfium as pf
from warraq.pdf.inkbox import BoxProbe, em_box, ink_span, kashida_shape
from warraq.pdf.objects import FontNames, clipped_away
from warraq.pdf.spans import (
    BOX,
    OBJ,
    OX,
    OY,
    Char,
    SpanBounds,
    U,
    drop_repeated_spans,
    gather_split_boxes,
    span_text,
    split_cluster_marks,
    split_run,
)

#: Text of a glyph whose mapping is missing and could not be recovered.
UNMAPPED = "\ufffd"
_ASK = ("", "")  # a page's font resolver not asked yet (told apart by identity)

# Characters PDFium writes between lines; never glyphs.
_GENERATED = frozenset("\r\n\x02\ufffe")


@lru_cache(maxsize=8192)
def _all_marks(text: str) -> bool:
    return bool(text) and all(is_mark(c) for c in text)


@dataclass(slots=True)
class Glyph:
    """One drawn glyph (or /ActualText span) with its text and where that text came from."""

    text: str
    source: str  # "tounicode", "unmapped", a recovery method ("font-cmap", "outline"...): docs/json-schema.md
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
    ink: tuple[float, float] = (0.0, 0.0)  # horizontal extent of the drawn shape (near marks; else the box)
    angle: float = 0.0  # of the baseline, radians counter-clockwise: a watermark's is slanted

    def __post_init__(self) -> None:
        self.is_mark = _all_marks(self.text)
        self.is_space = self.text.isspace()


#: The drawn glyph's ink box relative to its origin in 1/1000 em, computed only when asked for.
ShapeProbe = Callable[[], "tuple[float, float, float, float] | None"]
#: resolve(font name, PDFium font handle address, text, map error, shape) -> (text, source) or None;
#: a pure function of its arguments and of the shape's box rounded to whole units: page_glyphs
#: asks it once per (font, handle, text, map error) on a page, and where it called `shape`, once
#: per rounded box as well
FontResolver = Callable[[str, int, str, bool, ShapeProbe], "tuple[str, str] | None"]
#: sound(font name) -> texts that resolve leaves as they are for that font's glyphs without a map
#: error, known beforehand (a sound font's mapping): page_glyphs does not ask about those
SoundTexts = Callable[[str], Collection[str]]


def page_glyphs(textpage: object, page_height: float, resolve: FontResolver | None = None,
                sound: SoundTexts | None = None) -> list[Glyph]:
    """All glyphs of a page. `resolve(font, handle, text, map_error, shape)` may replace a glyph's text."""
    raw = ctypes.cast(textpage.raw, ctypes.c_void_p)  # type: ignore[attr-defined]
    chars = gather_split_boxes(_page_chars(raw))
    objects = FontNames(raw)
    known = objects.known  # most glyphs share their text object with the glyph before
    probe = BoxProbe(raw)
    fixes = _Memo(resolve, probe, sound) if resolve is not None else None
    # the answers known for the current font (its handle gives its name): one lookup per glyph
    fixed_before: dict[str, tuple[str, str] | None] = {}
    fixed_font = -1
    glyphs: list[Glyph] = []
    bars: dict[int, tuple[bool, bool, bool]] = {}  # glyph position -> what `bar` says below
    spans: set[int] = set()  # ids of glyphs whose box is a span's or a split box: their ink
    bounds: SpanBounds | None = None
    unread: list[int] = []  # positions of glyphs whose text the font program gave
    hollow: list[int] = []  # positions of mapped letters drawn with no width
    n = len(chars)
    i = 0
    while i < n:
        c = chars[i]
        text, ox, oy, box, obj, err, index = c
        char_box, char_oy = box, oy
        spanned = False
        j = i + 1
        # most chars are glyphs of their own: only a neighbour of the same object and origin
        # can be part of the same glyph or split box
        if j < n and chars[j][OBJ] == obj and chars[j][OX] == ox and chars[j][OY] == oy:
            # one glyph mapped to several characters: PDFium repeats the same origin and box;
            # it splits the box of an /ActualText span or of a ligature it decomposed itself
            j = split_run(chars, i)
            while (j < n and chars[j][OBJ] == obj and chars[j][OX] == ox and chars[j][OY] == oy
                   and chars[j][BOX] == box):
                j += 1
            if j > i + 1:
                group = chars[i:j]
                box = (min(ch[BOX][0] for ch in group), box[1], max(ch[BOX][2] for ch in group), box[3])
                text = "".join(ch[U] for ch in group)
                if box != char_box:
                    text = span_text(group)
                elif text in _DECOMPOSED:
                    text = _DECOMPOSED[text]
                elif _reversed_by_pdfium(text, chars, i, j):
                    text = text[::-1]
                # an /ActualText span of a cluster with marks (Chromium draws the mark first, each
                # glyph an object of its own): PDFium gives it the first object's box and baseline
                if box != char_box or any(is_mark(ch) for ch in text):
                    bounds = bounds or SpanBounds(textpage)
                    found = bounds.bounds(obj)
                    if found:  # the letter's baseline; x stays the span's pen position, which orders it
                        box, oy, spanned = found[0], found[1][1], True
        elif text == "\u0644" and j < n and _lam_alef_apart(c, chars[j]):  # a lam: few chars pay for the call
            j = i + 2
            box = (min(box[0], chars[j - 1][BOX][0]), box[1], max(box[2], chars[j - 1][BOX][2]), box[3])
            text += chars[j - 1][U]
        start, i = i, j
        font, size, mode, artifact, handle, clip, unspoken, angle = known.get(obj) or objects.info(obj, index)
        if angle:  # its shape is read level, as if its baseline were the page's
            probe.turned[index] = (angle, ox, oy)
        fixed = None
        if spanned:
            source = "actualtext"
        elif unspoken and not err and _all_marks(text):
            # a mark the PDF it was made from gave no text: its cluster's letter may say it
            source = "empty-actualtext"
        # PDFium's own word breaks (flagged, or zero-width ones it puts at wide TJ kerning) are
        # evidence for spacing, not glyphs, and have no char code to recover
        elif text == " " and (pf.is_generated(raw, index) == 1 or box[2] == box[0]):
            source = "generated"
            angle = glyphs[-1].angle if glyphs else 0.0  # a word break between slanted words is slanted
        else:
            source = "unmapped" if err else "tounicode"
            if fixes is not None:
                if handle != fixed_font:
                    fixed_before, fixed_font = fixes.known(handle, font, False), handle
                fixed = (fixes.known(handle, font, True) if err else fixed_before).get(text, _ASK)
                if fixed is _ASK:
                    fixed = fixes.resolve(font, handle, text, err, index, ox, oy, size)
        bar = None  # (a bar on the baseline, one a little above it, a short stub): maybe a kashida
        if fixed is not None and fixed[1] != "unmapped":
            text, source = fixed
        elif err or fixed is not None:  # a char code nothing could read
            # PDFium shows the raw char code here: visible, never plausible garbage
            text, source = UNMAPPED, "unmapped"
            shape = probe.box(index)
            if kashida_shape(shape, char_oy, size, raised=True):
                bar = (kashida_shape(shape, char_oy, size), True, False)
            elif kashida_shape(shape, char_oy, size, raised=True, stub=True):
                bar = (False, False, True)
        elif (len(text) == 1 and (text in _KASHIDA_ALIASES or _all_marks(text))
              and kashida_shape(probe.box(index), char_oy, size)):
            # a kashida glyph mapped to some ASCII sign, or to a vowel (LibreOffice maps a glyph
            # to the first cluster it drew it in): a mark never lies as a bar on the baseline
            bar = (True, False, False)
        elif (text in _NEVER_FLAT and source == "tounicode"
              and ((start and chars[start - 1][U] == text) or (j < n and chars[j][U] == text))
              and kashida_shape(probe.box(index), char_oy, size)):
            # a joining stroke the shaper added to a letter (Amiri's lam before a kaf), mapped
            # like the letter by a writer that gives every glyph of a cluster its text
            # (WeasyPrint): the char beside it says the same letter, which is never so flat
            bar = (True, False, False)
        if clip is not None and clipped_away(clip, box):
            continue  # drawn outside its clip (a line Chromium carried over to the next page)
        left, top, right, bottom = box
        glyph = Glyph(text, source, left, page_height - top, right, page_height - bottom,
                      ox, page_height - oy, size, font, index, mode, artifact, False, False, (left, right), angle)
        if box != char_box:
            spans.add(id(glyph))  # the parts of a split box, or a span's objects, are its ink
        if bar is not None:
            bars[len(glyphs)] = bar
        elif fixed is not None and source not in ("unmapped", "tounicode"):
            unread.append(len(glyphs))
        if left == right and source == "tounicode" and text and is_arabic_letter(text[0]):
            hollow.append(len(glyphs))
        glyphs.append(glyph)
    if bars:
        _settle_kashida(glyphs, bars)
    shown: set[int] = set()
    # both look for a mapped glyph beside a recovered one: none on a page without a mapping
    if unread and any(g.source == "tounicode" for g in glyphs):
        _silence_kashida_carried(glyphs, unread, probe, page_height)
        shown = _silence_split_letters(glyphs, unread)
    if hollow:
        _silence_hollow_letters(glyphs, hollow, shown)
    if spans:
        drop_repeated_spans(glyphs, spans)
    split_cluster_marks(glyphs, spans, lambda g: ink_span(probe, g.index, g.x0, g.x1),
                        lambda g: em_box(probe, g.index, g.ox, page_height - g.oy, g.size))
    marks = [g for g in glyphs if g.is_mark]
    if marks:  # ink decides which base carries a mark; only then ask
        probe.set_ink(_near_marks([g for g in glyphs if id(g) not in spans], marks))
    _drop_cluster_duplicates(glyphs, spans)
    return glyphs


def _near_marks(glyphs: list[Glyph], marks: list[Glyph]) -> list[Glyph]:
    """The glyphs whose ink the layout may read: the marks, and the glyphs near enough to carry
    one (lines._attach_marks looks 3 em to either side and 1.2 em up or down, in the larger of
    the two sizes). Most pages have a few marks among a thousand letters; where marks are
    many, or a coordinate is not finite, all glyphs are taken."""
    ys = [g.oy for g in glyphs]
    sizes = [g.size for g in glyphs]
    if (len(marks) * 8 > len(glyphs)
            or not math.isfinite(sum(ys) + sum([g.ox for g in glyphs]) + sum(sizes)
                                 + sum([m.ox + m.oy + m.size for m in marks]))):
        return glyphs
    order = sorted(range(len(glyphs)), key=ys.__getitem__)
    ys = [ys[k] for k in order]
    top = max(sizes, default=0.0)
    near: set[int] = set()
    for m in marks:  # a margin of a point over what the layout asks
        dx, dy = 3 * max(m.size, 1.0) + 1.0, 1.2 * max(m.size, top, 1.0) + 1.0
        near.update(k for k in order[bisect.bisect_left(ys, m.oy - dy): bisect.bisect_right(ys, m.oy + dy)]
                    if abs(glyphs[k].ox - m.ox) <= dx)
    return [glyphs[k] for k in sorted(near)]


def _page_chars(raw: Any) -> list[Char]:
    """PDFium's characters of a page, without the line breaks and hyphens it generates."""
    get_u, loose, origin, get_obj, map_err = pf.get_unicode, pf.loose_box, pf.char_origin, pf.text_object, pf.map_error
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    xy = (ctypes.c_double * 2)()
    p_rect, p_x, p_y = ctypes.byref(rect), ctypes.byref(xy), ctypes.byref(xy, ctypes.sizeof(ctypes.c_double))
    chars: list[Char] = []
    append = chars.append
    for i in range(pf.count_chars(raw)):
        u = chr(get_u(raw, i))
        # "\r", "\n" and "\x02" are PDFium's line breaks and hyphens, unless a font really has
        # glyphs with those codes (no ToUnicode, or one that leaves them out): those have a text object
        obj = get_obj(raw, i) or 0
        if u in _GENERATED and (pf.is_generated(raw, i) == 1 or not obj):
            continue
        loose(raw, i, p_rect)
        origin(raw, i, p_x, p_y)
        append((u, xy[0], xy[1], (rect[0], rect[1], rect[2], rect[3]), obj, map_err(raw, i) == 1, i))
    return chars


SPLIT_REACH = 16  # glyphs apart in the stream: a shaper may write a letter's dots after its neighbours


def _silence_hollow_letters(glyphs: list[Glyph], hollow: list[int], shown: set[int]) -> None:
    """Silence a mapped letter drawn with no width that no shape drawn with it shows.

    Noto Nastaliq Urdu places zero-width glyphs between some letters. fpdf2 may give one of
    them its cluster's letter (the letter's shape, read from the font, then says it: `shown`);
    WeasyPrint maps a glyph to the first cluster it drew it in, so the same glyph says ل
    between the letters of every word it joins ("ملن" for من). A page whose letters all lack
    width (a font without outlines) keeps them.
    """
    letters = sum(1 for g in glyphs if g.text and not g.is_space and not g.is_mark)
    if len(hollow) > HOLLOW_SHARE * letters:
        return
    for k in hollow:
        if k not in shown:
            glyphs[k].text, glyphs[k].source = "", "cluster"


HOLLOW_SHARE = 0.2


def _silence_split_letters(glyphs: list[Glyph], unread: list[int]) -> set[int]:
    """Silence a letter read from the font that is another piece of a letter mapped beside it.

    Some fonts (Noto Nastaliq Urdu) draw a letter as its dotless skeleton and a glyph of its
    dots, or as a zero-width anchor and the shape. Writers that give a cluster's text to one of
    its glyphs (fpdf2, WeasyPrint) map one piece to the letter and the other to nothing, which
    its outline then reads as the skeleton ("يى" for ي). The pieces are written a few glyphs
    apart at most and lie over each other, on different origins; two letters of a word do not
    (Amiri's final ى tucks under the ت before it, but on the same baseline). Gives the mapped
    letters drawn with no width whose shape was found this way.
    """
    # a skeleton glyph has no dots: a letter with its dots is a letter
    found = [k for k in unread if len(glyphs[k].text) == 1 and glyphs[k].text not in DOTTED_LETTERS
             and not glyphs[k].is_mark and not glyphs[k].is_space]
    shown: set[int] = set()  # mapped letters drawn with no width whose shape was found
    if not found:
        return shown
    mapped = [j for j, h in enumerate(glyphs) if h.source == "tounicode" and len(h.text) == 1 and not h.is_space]
    for k in found:
        g = glyphs[k]
        shape = skeleton(g.text)
        lo = bisect.bisect_left(mapped, k - SPLIT_REACH)
        for j in mapped[lo: bisect.bisect_right(mapped, k + SPLIT_REACH)]:
            h = glyphs[j]
            if h.font != g.font or skeleton(h.text) != shape or abs(h.oy - g.oy) > h.size:
                continue
            narrow = min(g.x1 - g.x0, h.x1 - h.x0)
            if (min(g.x1, h.x1) - max(g.x0, h.x0) >= 0.7 * narrow
                    and (narrow == 0 or abs(h.oy - g.oy) > 0.02 * h.size)):
                g.text, g.source = "", "cluster"
                if h.x1 == h.x0:
                    shown.add(j)
                break
    return shown


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
    carriers = [h for h in glyphs if h.source == "tounicode" and len(h.text) > 1 and id(h) not in spans]
    if not carriers:
        return
    carrier_ids = {id(h) for h in carriers}
    # PDFium's word breaks (" ") can only be silenced by a carrier that says a space
    spaced = any(" " in h.text for h in carriers)
    loose = [g for g in glyphs if g.text and g.source != "tounicode" and g.source != "kashida-shape"
             and (spaced or g.source != "generated")]
    if not loose:
        return
    # what a glyph may sit on: letters, and mark glyphs mapped to a stack of marks
    bases = sorted((h for h in glyphs if h.text and not h.is_space and (not h.is_mark or len(h.text) > 1)),
                   key=lambda h: h.x0)
    starts = [h.x0 for h in bases]
    widest = max(h.x1 - h.x0 for h in bases)
    riders: dict[int, tuple[Glyph, list[Glyph]]] = {}
    for g in loose:
        cx, reach = (g.x0 + g.x1) / 2, 0.3 * g.size
        lo = bisect.bisect_left(starts, cx - reach - widest)
        near = [h for h in bases[lo: bisect.bisect_right(starts, cx + reach)]
                if h is not g and abs(h.oy - g.oy) <= max(g.size, 1.0) and h.x0 - reach <= cx <= h.x1 + reach]
        if not near:
            continue
        # the base it sits on: containing its centre first, then the closest centre
        near.sort(key=lambda h: (not h.x0 <= cx <= h.x1, abs((h.x0 + h.x1) / 2 - cx)))
        if id(near[0]) in carrier_ids:
            riders.setdefault(id(near[0]), (near[0], []))[1].append(g)
        elif any(id(h) in carrier_ids and (g.source == "unmapped" or (h.is_mark and _within(g, h))) for h in near):
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


CONNECTOR = 0.4  # em: the longest kashida a font draws inside a cluster (Amiri's: 0.16-0.25)


def _silence_kashida_carried(glyphs: list[Glyph], unread: list[int], probe: BoxProbe, page_height: float) -> None:
    """Silence a letter read from the font whose neighbour is a short kashida mapped to that
    same letter.

    Writers that shape with HarfBuzz give a cluster's text to one of its glyphs (fpdf2,
    WeasyPrint). Amiri draws ل before ك, and خ after ل, as the letter and a short kashida; the
    kashida's code reads as the letter and the letter's own code as nothing (or, damaged, as a
    private-use code), so its outline would say it twice ("اللكتاب"). A short bar on the
    baseline tells the kashida from a real doubled letter (الله), a flat medial seen (تأسست)
    included: its teeth are as low, but twice as wide.
    """
    for k in unread:
        g = glyphs[k]
        if len(g.text) != 1 or g.is_mark or g.is_space:
            continue
        for h in (glyphs[j] for j in (k - 1, k + 1) if 0 <= j < len(glyphs)):
            if h.source != "tounicode" or h.text != g.text or h.font != g.font:
                continue
            box = probe.box(h.index)
            if (box is not None and box[1] - box[0] < CONNECTOR * h.size
                    and kashida_shape(box, page_height - h.oy, h.size, raised=True)):
                g.text, g.source = "", "cluster"
                break


def _within(g: Glyph, h: Glyph) -> bool:
    """Does `h`'s mapping already say all of `g`'s text? An unmapped glyph next to a
    several-character mapping is taken as one of that cluster's silent members."""
    if g.source == "unmapped":
        return True
    own = Counter(unicodedata.normalize("NFD", g.text))
    if h.text in LIGATURES and not all(is_mark(ch) for ch in own):
        return False  # a ligature glyph draws its letters itself; only its marks come apart
    return not own - Counter(unicodedata.normalize("NFD", h.text))


class _Memo:
    """A page's font resolver asked once per font and text, and where the drawn glyph decides,
    once per rounded shape: most glyphs repeat a few texts drawn by a few glyphs."""

    def __init__(self, resolve: FontResolver, probe: BoxProbe, sound: SoundTexts | None = None) -> None:
        self._resolve = resolve
        self._probe = probe
        self._sound = sound
        self._known: dict[tuple[int, str, bool], dict[str, tuple[str, str] | None]] = {}
        self._by_shape: dict[tuple[int, str, str, bool], dict[tuple[int, ...] | None, tuple[str, str] | None]] = {}

    def known(self, handle: int, font: str, err: bool) -> dict[str, tuple[str, str] | None]:
        """Text -> the answer for a font's glyphs where the drawn shape did not matter."""
        key = (handle, font, err)
        hit = self._known.get(key)
        if hit is None:
            hit = self._known[key] = dict.fromkeys(self._sound(font)) if self._sound and not err else {}
        return hit

    def resolve(self, font: str, handle: int, text: str, err: bool, index: int, ox: float, oy: float,
                size: float) -> tuple[str, str] | None:
        known = self.known(handle, font, err)
        if text in known:
            return known[text]
        key = (handle, font, text, err)
        by_shape = self._by_shape.get(key)
        if by_shape is not None:  # this text's reading depends on the glyph drawn
            box = em_box(self._probe, index, ox, oy, size)
            at = _rounded(box)
            if at not in by_shape:
                by_shape[at] = self._resolve(font, handle, text, err, lambda: box)
            return by_shape[at]
        seen: list[tuple[float, float, float, float] | None] = []

        def shape() -> tuple[float, float, float, float] | None:
            if not seen:
                seen.append(em_box(self._probe, index, ox, oy, size))
            return seen[0]

        fixed = self._resolve(font, handle, text, err, shape)
        if seen:
            self._by_shape[key] = {_rounded(seen[0]): fixed}
        else:
            known[text] = fixed
        return fixed


def _rounded(box: tuple[float, float, float, float] | None) -> tuple[int, ...] | None:
    return None if box is None else (round(box[0]), round(box[1]), round(box[2]), round(box[3]))


#: Letters tall or hanging low in every form, unlike the teeth of a medial seen ("المؤسسات")
_NEVER_FLAT = frozenset("\u0627\u0623\u0625\u0622\u0644\u0643\u0637\u0638\u062d\u062c\u062e")

#: Characters that producers (LibreOffice with some fonts) wrongly give their kashida glyphs;
#: the shape test keeps real letters and signs, none of which is a bare bar on the baseline.
_KASHIDA_ALIASES = frozenset(  # any ASCII but "_", which hashtags and handles use at the baseline
    chr(c) for c in range(0x21, 0x7F) if chr(c) != "_"
)


def _settle_kashida(glyphs: list[Glyph], bars: dict[int, tuple[bool, bool, bool]]) -> None:
    """Bars shaped like a kashida are one where their neighbours, as read now (recovered glyphs
    included), allow it: never beside a digit or an ASCII sign; a raised bar only between Arabic
    letters; a short stub only where it also touches both, as the join it is. A run of bars is
    one stretched join."""
    for k in sorted(bars):
        on_baseline, raised, stub = bars[k]
        before = glyphs[k - 1].text if k else ""
        after = TATWEEL if k + 1 in bars else glyphs[k + 1].text if k + 1 < len(glyphs) else ""
        joins = _joins(before, after)
        if stub and joins == 2:
            raised = all(0 <= j < len(glyphs) and _touch(glyphs[k], glyphs[j]) for j in (k - 1, k + 1))
        if joins and (on_baseline or (raised and joins == 2)):
            g = glyphs[k]
            g.text, g.source, g.is_mark, g.is_space = TATWEEL, "kashida-shape", False, False


def _touch(a: Glyph, b: Glyph) -> bool:
    """Do two glyphs' boxes meet on the line, give or take a twentieth of an em?"""
    tol = 0.05 * max(a.size, b.size)
    return a.x0 <= b.x1 + tol and b.x0 <= a.x1 + tol


def _joins(before: str, after: str) -> int:
    """Could a bar between these texts be a kashida? 0: no, a digit, a Latin letter or an ASCII
    sign is beside it (a hyphen in 2020-2024, a minus in -3.75%); 2: an Arabic letter or kashida
    is on either side; 1: otherwise (a kashida may end a text object, its neighbours then being
    spaces or marks)."""
    ends = (before[-1:], after[:1])
    if any(ch and (ch.isdigit() or (ch.isascii() and not ch.isspace())) for ch in ends):
        return 0
    return 2 if all(ch and (ch == TATWEEL or is_arabic_letter(ch)) for ch in ends) else 1


def _lam_alef_apart(a: Char, b: Char) -> bool:
    """Are a lam and the char after it the lam and alef of one lam-alef glyph, which PDFium gave
    boxes and origins a hair apart (LibreOffice; most often in a left-to-right paragraph)?
    Ordered by x they may swap. A lam and an alef drawn as glyphs of their own (dvipdfmx)
    overlap too, but each has its own origin, an alef's advance apart."""
    if b[U] not in LAM_ALEF_PARTNERS or a[OBJ] != b[OBJ] or a[OY] != b[OY]:
        return False
    (x0, _, x1, _), (y0, _, y1, _) = a[BOX], b[BOX]
    narrower = min(x1 - x0, y1 - y0)
    return (narrower > 0 and abs(a[OX] - b[OX]) <= 0.2 * narrower
            and min(x1, y1) - max(x0, y0) >= 0.8 * narrower)


def _decompositions() -> dict[str, str]:
    """What PDFium shows for a character it writes in its compatibility form, one glyph's
    several characters (a fraction as "1/8", "…" as "...", "™" as "TM"), by the character:
    signs of Latin-1, punctuation, letterlike symbols and number forms. Forms with combining
    marks are left out (a letter and its mark are a cluster), and so are the enclosed digits
    ("1." "(1)") and unit squares ("km"), which a glyph's own mapping may well say."""
    found: dict[str, str] = {}
    for cp in [*range(0xA0, 0x100), *range(0x2000, 0x2190)]:
        ch = chr(cp)
        parts = unicodedata.normalize("NFKD", ch)
        if len(parts) > 1 and not any(unicodedata.combining(c) for c in parts):
            for shown in (parts, parts.replace("\u2044", "/")):  # PDFium writes a fraction with "/"
                found.setdefault(shown, ch)
    return found


_DECOMPOSED = _decompositions()


def _reversed_by_pdfium(text: str, chars: list[Char], i: int, j: int) -> bool:
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
    before = chars[i - 1][OX] if i > 0 else None
    after = chars[j][OX] if j < len(chars) else None
    here = chars[i][OX]
    return (before is not None and before > here) or (after is not None and after < here)


def _pdfium_direction(ch: str) -> str | None:
    cls = unicodedata.bidirectional(ch)
    if cls in ("R", "AL"):
        return "R"
    if cls in ("L", "EN", "AN"):
        return "L"
    return None

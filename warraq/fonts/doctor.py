"""Per-font diagnosis and per-glyph recovery of text that the PDF's mapping lost or garbled.

What PDFium reports (measured with pypdfium2 on damaged PDFs, see tests/test_fonts_pdfium.py):
- A Type0/Identity-H font without ToUnicode: every char has FPDFText_HasUnicodeMapError set and
  its "unicode" is the 2-byte char code (= CID); PDFium does not look at the embedded cmap.
- A simple font without ToUnicode: text comes from /Encoding glyph names (AGL), map error unset.
- A glyph mapped to several characters: one char per character, same origin and box.
- FPDFFont_GetBaseFontName includes the subset tag ("ABCDEF+Amiri-Regular").
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pikepdf

from warraq.arabic.chars import DOT_PLACEHOLDERS, skeleton
from warraq.fonts.diagnosis import Diagnosis
from warraq.fonts.dots import dots_mark
from warraq.fonts.glyphtext import GlyphText, glyph_texts
from warraq.fonts.names import fold_presentation, text_from_name
from warraq.fonts.outline import ReferenceIndex, blank_text, full_signature, signature
from warraq.fonts.program import (
    FontProgram,
    code_to_gid_fn,
    differences,
    encoding_names,
    load_program,
    program_from_bytes,
    program_hash,
    truetype_data,
)
from warraq.fonts.recovered import UNMAPPED, Recovered, ShapeProbe
from warraq.fonts.sfnt import SfntFacts, read_facts
from warraq.fonts.shapes import Box, glyph_box, misfit, same_box
from warraq.fonts.shown import (
    MIRRORED,
    SHOWN_CODES,
    bad_char,
    fold,
    is_arabic,
    pdfium_texts,
)
from warraq.fonts.symbols import symbol_text
from warraq.fonts.tounicode import canonical, parse_tounicode

if TYPE_CHECKING:
    from warraq.ocr import OcrEngine

# Blocks real text of Arabic and Latin documents is written in (see FontRecovery._in_own_cmap).
_COMMON_TEXT = ((0x20, 0x7E), (0xA0, 0x17F), (0x0600, 0x06FF), (0x2000, 0x206F), (0xFB50, 0xFDFF),
                (0xFE70, 0xFEFF))




@dataclass(frozen=True)
class _Choice:
    """Several glyphs could be behind one shown text: the drawn box decides, else `fallback`."""

    candidates: tuple[tuple[int, Recovered | None], ...]  # (gid, its reading; None: the shown text)
    fallback: Recovered | None
    anywhere: bool = False  # no candidate has the box: look through every code of the font


class FontRecovery:
    """One PDF font: what is wrong with its mapping, and the text of each of its glyphs."""

    def __init__(self, name: str, font: pikepdf.Dictionary, index: ReferenceIndex,
                 ocr: OcrEngine | None = None) -> None:
        self.name = name
        self.subtype = str(font.get("/Subtype", ""))
        self.stats: Counter[str] = Counter()  # method -> distinct glyphs recovered
        self.notes: set[str] = set()  # found while resolving, not in the mapping: no suspicion
        self._index = index
        self._ocr = ocr
        self._font = font
        # a TrueType font is diagnosed from its raw cmaps, inflated only that far; fontTools
        # loads it (from the stream's bytes kept here: the PDF may be closed by then) only when
        # a glyph's text must be recovered, which most fonts of clean documents never need. A
        # simple font whose codes may go through glyph names is read by fontTools at once.
        simple = self.subtype == "/TrueType"
        self._data = truetype_data(font) if simple or self.subtype == "/Type0" else None
        self._facts = read_facts(self._data.upto, simple) if self._data is not None else None
        self._program: FontProgram | None = None
        self._loaded = False
        self._hash: str | None = None
        if self._facts is None or (simple and self._facts.named):
            self._data = self._facts = None
            self._hash = program_hash(font) or ""
            self._program = self._prog  # loaded now, while the PDF is open
        prog = None if self._facts is not None else self._prog
        num_glyphs = self._facts.num_glyphs if self._facts is not None else None
        self._gid_of: Callable[[int], int | None] = code_to_gid_fn(font, prog, num_glyphs, self._facts)
        self._names = encoding_names(font, prog) if self.subtype != "/Type0" else {}
        self._differences = differences(font)
        tu = font.get("/ToUnicode")
        self._tounicode: dict[int, str] | None = None
        if isinstance(tu, pikepdf.Stream):
            try:
                self._tounicode = canonical(parse_tounicode(tu.read_bytes()))
            except Exception:
                self._tounicode = {}
        self._own: dict[int, GlyphText] | None = None
        self._outline: dict[int, tuple[str, float, str] | None] | None = None
        self._by_gid: dict[int, Recovered | None] = {}
        self._cache: dict[tuple[str, bool], Recovered | _Choice | None] = {}
        self._by_text: dict[str, list[int]] | None = None
        self._compat: dict[str, str] | None = None  # mapping -> its compatibility form
        self._shown: set[str] | None = None
        self._boxes: dict[int, Box | None] = {}
        self._picked: dict[tuple[str, bool, int, int, int, int], Recovered | None] = {}
        self._shown_as = pdfium_texts(self._names, self._tounicode)
        found = Diagnosis(self.subtype, font, self._tounicode, self._names, self._differences, self._shown_as,
                          self._gid_of, self._cmap_gids, self._outline_of, lambda: self._prog)
        self.problems = found.problems
        self._override, self._contested, self._legacy = found.override, found.contested, found.legacy
        self._own = found.own
        self._codes_only = any(p.startswith(("no ToUnicode", "empty ToUnicode")) for p in self.problems)

    # -- diagnosis -------------------------------------------------------------------------

    @property
    def suspect(self) -> bool:
        return bool(self.problems)

    def shows(self, text: str) -> bool:
        """Could PDFium have shown `text` for one of this font's codes through its mapping?

        A Type0 font with a ToUnicode shows that map's texts, /ActualText, or, for a code the
        map leaves out, the code itself as a char ("{" for fpdf2's lam-alef). Other fonts also
        show their encoding's glyph names, so what they show is taken at its word.
        """
        if self.subtype != "/Type0" or not self._tounicode:
            return True
        if self._shown is None:  # PDFium shows presentation forms as the letters they stand for
            self._shown = set(map(fold_presentation, set(self._shown_as.values())))
        return fold_presentation(unicodedata.normalize("NFC", text) if len(text) > 1 else text) in self._shown

    def shown_texts(self) -> set[str]:
        """Texts shows() is true of: what the font's mapping gives its codes (for a Type0 font,
        its ToUnicode's texts in canonical order), and, as PDFium shows them, presentation
        forms among them as the letters they stand for."""
        texts = set(self._shown_as.values())
        folded = set(map(fold_presentation, texts)) - texts
        return texts | {t for t in folded if self.shows(t)}

    @property
    def _prog(self) -> FontProgram | None:
        if not self._loaded:
            self._loaded = True
            if self._data is not None:
                data = self._data.full()
                self._program = program_from_bytes(data) if data is not None else None
            elif self.subtype != "/Type3":
                self._program = load_program(self._font)
        return self._program

    @property
    def program_hash(self) -> str | None:
        """sha1 of the embedded program (tells apart fonts that share a name), on first use."""
        if self._hash is None:
            data = self._data.full() if self._data is not None else None
            self._hash = hashlib.sha1(data).hexdigest() if data is not None else ""
        return self._hash or None

    def _cmap_gids(self) -> dict[int, int]:
        """Unicode -> glyph id through the embedded program's own cmap."""
        if self._facts is None:
            prog = self._prog
            cmap = {} if prog is None else {u: gid for u, name in prog.cmap.items()
                                            if (gid := prog.gid_of.get(name)) is not None}
            self._facts = SfntFacts(len(prog.glyph_order) if prog is not None else 0, cmap)
        return self._facts.cmap

    @property
    def _reverse(self) -> dict[str, list[int]]:
        """Shown text -> the codes that show it; asked only when a glyph is resolved."""
        if self._by_text is None:
            self._by_text = {}
            for code, text in self._shown_as.items():
                self._by_text.setdefault(text, []).append(code)
        return self._by_text

    # -- recovery -------------------------------------------------------------------------

    def _own_texts(self) -> dict[int, GlyphText]:
        if self._own is None:
            # a legacy font's glyph names are the Latin ones that garbled its text
            self._own = glyph_texts(self._prog, trust_names=True) if self._prog is not None else {}
            if self._legacy:
                self._own = {g: t for g, t in self._own.items() if is_arabic(t.text) or t.text.isspace()}
        return self._own

    def resolve(self, text: str, map_error: bool, shape: ShapeProbe | None = None) -> Recovered | None:
        """Corrected text for one glyph PDFium showed as `text`, or None if it is fine.

        `shape` (optional) gives the drawn glyph's ink box; it is asked only when several
        glyphs that read differently could be behind `text`, and picks the one drawn.
        """
        if len(text) > 1 and text not in self._reverse:
            text = self._as_mapped(text)
        key = (unicodedata.normalize("NFC", text) if len(text) > 1 else text, map_error)
        if key not in self._cache:
            self._cache[key] = self._resolve(*key)
        hit = self._cache[key]
        if not isinstance(hit, _Choice):
            return hit
        box = shape() if shape is not None else None
        return hit.fallback if box is None else self._pick(key, hit, box)

    def _as_mapped(self, text: str) -> str:
        """The mapping behind a text PDFium showed reordered: it runs its bidi pass over a
        mapping that mixes directions ("h يبيبَح" for WeasyPrint's "حَبيبي h"), reverses a
        mapping in a right-to-left run ("傆ِ" for a made-up map's "ِ傆"), and shows some
        characters in their compatibility form (the Kangxi radical U+2F50 as U+6BB3)."""
        if self._compat is None:
            self._compat = {t: unicodedata.normalize("NFKC", t) for t in self._reverse}
        dirs = {unicodedata.bidirectional(c) for c in text}
        if "L" in dirs and dirs & {"R", "AL"}:
            chars = sorted(text)
            same = [t for t, seen in self._compat.items() if chars in (sorted(t), sorted(seen))]
            return same[0] if len(same) == 1 else text
        backward = text[::-1]
        return next((t for t, seen in self._compat.items() if seen in (text, backward) or t == backward), text)

    def _pick(self, key: tuple[str, bool], choice: _Choice, box: Box) -> Recovered | None:
        """The reading of the glyphs whose outline has this box, else the fallback."""
        at = (key[0], key[1], round(box[0]), round(box[1]), round(box[2]), round(box[3]))
        if at not in self._picked:
            fits = [(m, r) for gid, r in choice.candidates if (m := self._misfit(gid, box)) is not None]
            if choice.anywhere and not fits:
                # PDFium showed the code some other way (measured: "£" for 0xC1): try them all
                fits = [(m, r) for code in range(256) if (gid := self._gid_of(code)) is not None
                        and (m := self._misfit(gid, box)) is not None and (r := self.resolve_code(code)) is not None]
            # glyphs told apart only by their dots differ in height by a few units: the closest wins
            best = min((m for m, _ in fits), default=0.0)
            readings = {r.text if r is not None else key[0]: r for m, r in fits if m < best + 1.0}
            if len(readings) > 1 and (plain := _undotted(readings)) is not None:
                readings = {plain: readings[plain]}
            self._picked[at] = next(iter(readings.values())) if len(readings) == 1 else choice.fallback
        return self._picked[at]

    def _misfit(self, gid: int, box: Box) -> float | None:
        """How far a drawn box is from this glyph's outline box; None if it is another glyph."""
        own = self._glyph_box(gid)
        return misfit(own, box) if own is not None and same_box(own, box) else None

    def _glyph_box(self, gid: int) -> Box | None:
        if gid not in self._boxes:
            self._boxes[gid] = glyph_box(self._prog, gid) if self._prog is not None else None
        return self._boxes[gid]

    def resolve_code(self, code: int) -> Recovered | None:
        """Text of a char code from the font program alone (for engines that know the code)."""
        gid = self._gid_of(code)
        if gid is None:
            name = self._names.get(code)
            hit = text_from_name(name) if name and not self._legacy else None  # legacy names lie
            return Recovered(hit[0], "glyph-name", hit[1]) if hit else None
        return self._glyph(gid)

    def _resolve(self, text: str, map_error: bool) -> Recovered | _Choice | None:
        codes = self._reverse.get(text) if len(text) == 1 and bad_char(text) else None
        if codes and all(self._gid_of(c) == 0 for c in codes):
            # a writer that found no glyph for a char draws the font's .notdef box (wkhtmltopdf:
            # code 0, mapped to U+0000): the char is not in the PDF, and OCR reads only boxes.
            # (mPDF draws .notdef for chars its subset left out, but ToUnicode still says them)
            self.notes.add("draws .notdef boxes where the font had no glyph: their text is not in the PDF")
            return UNMAPPED
        if self._codes_only and self.subtype == "/Type0" and len(text) == 1 and not map_error:
            # unflagged: PDFium read it through the embedded cmap, or it shows the char code
            guess = None if self._in_own_cmap(text) else self._as_code(text, False)
            return self._code_choice(text, False, guess, self._cmap_glyphs(text))
        codes = self._codes_of(text, map_error)
        # without any mapping PDFium shows the code itself, but flags only some of them
        if codes and (map_error or self._codes_only):
            return self._code_choice(text, map_error, self._as_code(text, map_error), [])
        tu = self._tounicode
        # a code ToUnicode leaves out or maps to nothing (WeasyPrint, for some ligatures); PDFium
        # mirrors a bracket's code in a right-to-left run, so "{" may be code 0x7D (fpdf2's lam-alef)
        mirror = MIRRORED.get(text)
        maybe = codes + self._codes_of(mirror, map_error) if mirror else codes
        left_out = tu is not None and any(not tu.get(c) for c in maybe)
        if left_out and not self._legacy and (self.subtype != "/Type0" or text not in self._reverse
                                              or (self.suspect and self._other_glyph(text))):
            # a code ToUnicode leaves out (zero-width marks too) shows as the char with its
            # number; real text (another code's mapping, or /ActualText) may look the same
            shown = [g for c in self._reverse.get(text, []) if (g := self._gid_of(c)) is not None]
            control = any(bad_char(c) or unicodedata.category(c) == "Cc" for c in text)
            # a CID shows as an arbitrary char (U+02C3 for CID 707): real text of a Type0 font
            # falls where text does, or in the font's own cmap
            maybe_real = bool(shown) or (self.subtype == "/Type0" and not control and self._in_own_cmap(text))
            return self._code_choice(text, False, None if maybe_real else self._as_code(text, False), shown)
        if text in self._contested:  # several glyphs show this letter but read differently
            choice = self._choice(text, None)
            readings = {r for _, r in choice.candidates}
            # or a made-up map's text, which every glyph behind it reads the same other way
            return choice if len(readings) != 1 else _Choice(choice.candidates, readings.pop())
        if len(text) > 1 and self.suspect and self.subtype != "/Type0" and text in self._reverse:
            # LibreOffice maps a glyph to the first cluster it drew it in ("ِّ" on the shadda)
            # and leaves the rest to /ActualText: the glyph, when drawn, says what it shows
            parts = self._choice(text, None, parts=True)
            if any(r is not None for _, r in parts.candidates):
                return parts
        if self._dots_behind(text):  # PowerPoint maps a glyph of dots to a letter
            return self._choice(text, None)
        if not (map_error or any(bad_char(c) for c in text) or self._legacy or text in self._override):
            return None
        if (sign := symbol_text(self.name, text)) is not None:  # a symbol font's own code
            return Recovered(sign, "symbol-encoding", 0.95)
        found = [r for r in (self.resolve_code(c) for c in self._reverse.get(text, [])) if r is not None]
        if not found:  # the drawn box may still tell which glyph of a simple font this is
            return _Choice((), UNMAPPED, anywhere=self.subtype != "/Type0")
        if len({r.text for r in found}) > 1:  # several glyphs behind one shown text (U+0000, U+FFFD...)
            return self._choice(text, UNMAPPED)
        best = max(found, key=lambda r: r.confidence)
        return None if fold(best.text) == fold(text) else best

    def _other_glyph(self, text: str) -> bool:
        """Is the code PDFium shows as `text` when ToUnicode leaves it out another glyph than
        the ones ToUnicode maps to `text`? fpdf2 gives a cluster's text to one of its glyphs
        and leaves out the other, whose low code then shows as ASCII ("@" for the alef of an
        alef-and-hamza pair) beside the real "@" of an e-mail address."""
        if len(text) != 1 or ord(text) >= 0x80 or is_arabic(text):
            return False  # fpdf2's codes start low: a left-out one shows as ASCII
        gid = self._gid_of(ord(text))
        if gid is None or gid == 0 or any(self._gid_of(c) == gid for c in self._reverse.get(text, [])):
            return False
        own = self._glyph(gid)  # an Arabic letter's glyph behind an ASCII sign
        return own is not None and is_arabic(own.text)

    def _as_code(self, text: str, map_error: bool) -> Recovered:
        codes = self._codes_of(text, map_error)
        return (self.resolve_code(codes[0]) if codes else None) or UNMAPPED

    def _dots_behind(self, text: str) -> bool:
        """Is one of the glyphs a font whose ToUnicode contradicts its cmap shows as a letter
        only dots? The letter's other glyph already says the letter; the layout puts the dots
        on it (chars.compose_dots)."""
        if not (self.subtype == "/Type0" and len(text) == 1 and "\u0621" <= text <= "\u064a"
                and any(p.startswith("ToUnicode contradicts") for p in self.problems)) or self._prog is None:
            return False
        cmap = set(self._cmap_gids().values())
        gids = [g for c in self._reverse.get(text, []) if (g := self._gid_of(c)) is not None and g not in cmap]
        # dots drawn as one shape (Nastaliq's two dots) are known by the reference font's GSUB
        return any(dots_mark(self._prog, g) is not None or _is_dots(self._glyph(g)) for g in gids)

    def _choice(self, text: str, fallback: Recovered | None, parts: bool = False) -> _Choice:
        """The glyphs of every code that shows `text`, with what each reads (None: `text` itself;
        with `parts`, a reading counts only when it is a proper part of `text`). PDFium mirrors a
        bracket in a right-to-left run: the codes mapped to its mirror image show it too."""
        candidates = []
        whole = Counter(unicodedata.normalize("NFD", text))
        mirror = MIRRORED.get(text, text)
        codes = self._reverse.get(text, []) + (self._reverse.get(mirror, []) if mirror != text else [])
        for code in codes:
            gid = self._gid_of(code)
            rec = self.resolve_code(code)
            if gid is not None and rec is not None:
                part = Counter(unicodedata.normalize("NFD", rec.text))
                keep = part < whole if parts else fold(rec.text) not in (fold(text), mirror)
                candidates.append((gid, rec if keep else None))
        return _Choice(tuple(candidates), fallback)

    def _code_choice(self, text: str, map_error: bool, guess: Recovered | None,
                     real: list[int]) -> Recovered | _Choice | None:
        """A char that may be its own char code, or real text if one of the glyphs `real` was
        drawn. PDFium mirrors brackets in right-to-left runs, codes included, so the mirrored
        char's code is a candidate too. The drawn box decides among them."""
        candidates: list[tuple[int, Recovered | None]] = [(gid, None) for gid in real]
        for shown in dict.fromkeys((text, MIRRORED.get(text, text))):
            for code in self._codes_of(shown, map_error):
                gid, rec = self._gid_of(code), self.resolve_code(code)
                if gid is not None and rec is not None:
                    candidates.append((gid, rec))
        if all(r is None or r.text == text for _, r in candidates):
            return guess
        anywhere = self.subtype != "/Type0"
        if not anywhere and all(r == guess for _, r in candidates):
            return guess  # the box would pick among readings that all agree (no ToUnicode at all)
        return _Choice(tuple(candidates), guess, anywhere=anywhere)

    def _cmap_glyphs(self, text: str) -> list[int]:
        """The glyphs the embedded cmap gives a char and its mirror image (PDFium's reading)."""
        cmap = self._cmap_gids()
        return [cmap[u] for ch in dict.fromkeys((text, MIRRORED.get(text, text))) if (u := ord(ch)) in cmap]

    def _codes_of(self, text: str, map_error: bool) -> list[int]:
        """The char codes PDFium may show as `text` where it has no mapping: the code itself
        (flagged chars, Type0 fonts), or a byte through a single-byte encoding."""
        if self.subtype == "/Type0" or map_error:
            return [ord(text)] if len(text) == 1 else []
        return SHOWN_CODES.get(text, [])

    def _in_own_cmap(self, text: str) -> bool:
        """Is an unflagged char of a font without ToUnicode real text rather than a char code?

        PDFium shows real text there when it comes from /ActualText (Chromium wraps clusters
        with marks in it) or through the embedded cmap; otherwise it shows the code, flagged
        or not. Codes of a retained-gid subset land all over Unicode (Thaana, Mandaic,
        Ethiopic...), real text of an Arabic document lands in a few common blocks.
        """
        u = ord(text)
        if u in self._cmap_gids():
            return True
        return any(lo <= u <= hi for lo, hi in _COMMON_TEXT)

    def _glyph(self, gid: int) -> Recovered | None:
        if gid in self._by_gid:
            return self._by_gid[gid]
        own = self._own_texts().get(gid)
        rec: Recovered | None = None
        if own is not None:
            rec = Recovered(own.text, own.method, own.confidence)
        else:
            hit = self._outline_of(gid)
            if hit is not None:
                rec = Recovered(hit[0], "outline", round(hit[1], 3))
            elif self._prog is not None and (blank := blank_text(self._prog, gid)) is not None:
                # no contours: a space if it takes room; if not, a joiner that shows nothing
                # (Noto Nastaliq Urdu's zero-width glyphs between letters)
                rec = Recovered(blank, "outline", 0.8)
            elif self._prog is not None and (dots := dots_mark(self._prog, gid)) is not None:
                rec = Recovered(dots, "dots", 0.8)
            elif self._ocr is not None and self._prog is not None and not self._legacy:
                # (a legacy font's glyphs are a whole script's contextual forms, which OCR reads
                # poorly one by one: its pages go to OCR whole)
                from warraq.fonts.glyph_ocr import ocr_glyph

                rec = ocr_glyph(self._prog, gid, self._ocr)
        if rec is not None:
            self.stats[rec.method] += 1
        self._by_gid[gid] = rec
        return rec

    def _outline_of(self, gid: int) -> tuple[str, float, str] | None:
        """Outline match of one glyph, hashed when first asked for: a clean document asks for a
        few glyphs of a font at most (a kashida, a code its ToUnicode leaves out)."""
        if self._outline is None:
            self._outline = {}
        if gid not in self._outline:
            prog = self._prog
            sig = signature(prog, gid) if prog is not None else None
            self._outline[gid] = (self._index.lookup(self.name, sig, lambda: full_signature(prog, gid))
                                  if sig and prog is not None else None)
        return self._outline[gid]


def _undotted(readings: dict[str, Recovered | None]) -> str | None:
    """Of letters told apart only by dots that the box does not show (KacstBook's ظ has the box
    of its ط), the one without dots: the commoner of each pair (ط ظ, ص ض, ع غ, د ذ, ر ز, س ش)."""
    shapes = {skeleton(t) for t in readings}
    plain = next(iter(shapes))
    return plain if len(shapes) == 1 and plain in readings else None


def _is_dots(rec: Recovered | None) -> bool:
    """Is a glyph's reading the placeholder of a glyph of dots (fonts/dots.py)?"""
    return rec is not None and rec.text in DOT_PLACEHOLDERS

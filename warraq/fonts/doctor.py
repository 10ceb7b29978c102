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
from fontTools import agl

from warraq.fonts.glyphtext import GlyphText, glyph_texts, text_rank
from warraq.fonts.names import fold_presentation, text_from_name
from warraq.fonts.outline import ReferenceIndex, signature
from warraq.fonts.program import (
    FontProgram,
    cid_to_gid_set,
    code_to_gid_fn,
    differences,
    encoding_names,
    load_program,
)
from warraq.fonts.tounicode import parse_tounicode

if TYPE_CHECKING:
    from warraq.ocr import OcrEngine

DOTLESS = frozenset("\u066e\u066f\u06a1\u06ba")
_LATIN_SUPPLEMENT = range(0x00A0, 0x0250)
# Blocks real text of Arabic and Latin documents is written in (see FontRecovery._in_own_cmap).
_COMMON_TEXT = ((0x20, 0x7E), (0xA0, 0x17F), (0x0600, 0x06FF), (0x2000, 0x206F), (0xFB50, 0xFDFF),
                (0xFE70, 0xFEFF))


@dataclass(frozen=True)
class Recovered:
    """The text recovered for one glyph, how, and how sure."""

    text: str          # logical text (may be several chars, e.g. "لا")
    method: str        # "tounicode" | "font-cmap" | "glyph-name" | "gsub" | "outline" | "ocr" | "unmapped"
    confidence: float  # 0..1


UNMAPPED = Recovered("\ufffd", "unmapped", 0.0)


def bad_char(ch: str) -> str | None:
    """Why a mapped character cannot be the text of a glyph, or None."""
    u = ord(ch)
    if ch == "\ufffd":
        return "U+FFFD"
    if 0xE000 <= u <= 0xF8FF or u >= 0xF0000:
        return "private use"
    if unicodedata.category(ch) in ("Cc", "Cs", "Cn") and ch not in "\t\n\r":
        return "control"
    return None


def _simple_code(text: str) -> bool:
    """Can an unflagged char of a simple font be its code (ASCII, or MacRoman above 0x7F)?

    Anything else (an Arabic letter) is real text from /ActualText, which LibreOffice puts
    around clusters drawn with several glyphs (alef + hamza).
    """
    if ord(text) < 0x80:
        return True
    try:
        text.encode("mac_roman")
    except UnicodeEncodeError:
        return False
    return True


def program_hash(font: pikepdf.Dictionary) -> str | None:
    """sha1 of the embedded font program as PDFium's FPDFFont_GetFontData returns it (decoded)."""
    desc = font.DescendantFonts[0] if "/DescendantFonts" in font else font
    fd = desc.get("/FontDescriptor")
    if not isinstance(fd, pikepdf.Dictionary):
        return None
    for key in ("/FontFile2", "/FontFile3", "/FontFile"):
        stream = fd.get(key)
        if isinstance(stream, pikepdf.Stream):
            try:
                return hashlib.sha1(stream.read_bytes()).hexdigest()
            except Exception:
                return None
    return None


def _widths(font: pikepdf.Dictionary) -> dict[int, float]:
    out: dict[int, float] = {}
    try:
        if font.get("/Subtype") == "/Type0":
            w = list(font.DescendantFonts[0].get("/W", []))
            i = 0
            while i + 1 < len(w):
                first = int(w[i])
                if isinstance(w[i + 1], pikepdf.Array):
                    for k, v in enumerate(w[i + 1]):
                        out[first + k] = float(v)
                    i += 2
                elif i + 2 < len(w):
                    for c in range(first, int(w[i + 1]) + 1):
                        out[c] = float(w[i + 2])
                    i += 3
                else:
                    break
        else:
            first = int(font.get("/FirstChar", 0))
            for k, v in enumerate(font.get("/Widths", [])):
                out[first + k] = float(v)
    except (ValueError, TypeError, AttributeError):
        pass
    return out


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _is_arabic(text: str) -> bool:
    return any(0x0600 <= ord(c) <= 0x06FF or 0xFB50 <= ord(c) <= 0xFEFF for c in text)


class FontRecovery:
    """One PDF font: what is wrong with its mapping, and the text of each of its glyphs."""

    def __init__(self, name: str, font: pikepdf.Dictionary, index: ReferenceIndex,
                 ocr: OcrEngine | None = None) -> None:
        self.name = name
        self.subtype = str(font.get("/Subtype", ""))
        self.problems: list[str] = []
        self.stats: Counter[str] = Counter()  # method -> distinct glyphs recovered
        self._index = index
        self._ocr = ocr
        self._prog: FontProgram | None = load_program(font) if self.subtype != "/Type3" else None
        self._gid_of: Callable[[int], int | None] = code_to_gid_fn(font, self._prog)
        self._font = font
        self.program_hash = program_hash(font)
        self._names = encoding_names(font, self._prog) if self.subtype != "/Type0" else {}
        self._differences = differences(font)
        tu = font.get("/ToUnicode")
        self._tounicode: dict[int, str] | None = None
        if isinstance(tu, pikepdf.Stream):
            try:
                self._tounicode = parse_tounicode(tu.read_bytes())
            except Exception:
                self._tounicode = {}
        self._own: dict[int, GlyphText] | None = None
        self._outline: dict[int, tuple[str, float, str]] | None = None
        self._by_gid: dict[int, Recovered | None] = {}
        self._cache: dict[tuple[str, bool], Recovered | None] = {}
        self._reverse: dict[str, list[int]] = {}
        self._override: set[str] = set()
        self._contested: set[str] = set()
        self._ambiguous: set[str] | None = None
        self._widths: dict[int, float] | None = None
        self._legacy = False
        self._diagnose()
        self._codes_only = any(p.startswith(("no ToUnicode", "empty ToUnicode")) for p in self.problems)

    # -- diagnosis -------------------------------------------------------------------------

    @property
    def suspect(self) -> bool:
        return bool(self.problems)

    def _diagnose(self) -> None:
        shown = self._pdfium_texts()
        for code, text in shown.items():
            self._reverse.setdefault(text, []).append(code)
        tu = self._tounicode
        if self.subtype == "/Type0":
            if tu is None:
                self.problems.append("no ToUnicode")
            elif not tu:
                self.problems.append("empty ToUnicode")
        elif self.subtype == "/Type3" and not tu:
            if any(text_from_name(n) for n in self._names.values()):
                self.problems.append("Type3 without ToUnicode: text from glyph names")
            else:
                self.problems.append("Type3 without glyph names or ToUnicode")
        if tu:
            self._check_tounicode(tu)
        if tu is None and self.subtype in ("/Type1", "/TrueType", "/MMType1"):
            if not self._names:
                self.problems.append("no ToUnicode and no encoding: codes only")
            else:
                self._check_legacy(shown)

    def _pdfium_texts(self) -> dict[int, str]:
        """Code -> the text PDFium shows for it (ToUnicode, else the encoding's glyph name)."""
        shown: dict[int, str] = {}
        for code, name in self._names.items():
            uni = agl.toUnicode(name) if name else ""
            if uni:
                shown[code] = uni
        if self._tounicode:
            shown.update(self._tounicode)
        return shown

    def _check_tounicode(self, tu: dict[int, str]) -> None:
        why: Counter[str] = Counter()
        for code, text in tu.items():
            if text == "\x00" and code == 0:
                continue  # .notdef mapped to U+0000 by many writers: never drawn as text
            reasons = {bad_char(c) for c in text} - {None}
            why.update(r for r in reasons if r)
            if any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in text):
                why["presentation form"] += 1
            if any(c in DOTLESS for c in text):
                why["dotless letter"] += 1
        for reason, n in sorted(why.items()):
            if reason == "presentation form":
                continue  # folded later by the engine: a hint, not an error
            self.problems.append(f"ToUnicode maps {n} codes to {reason}")
        wrong = self._contradictions(tu)
        if wrong:
            self.problems.append(f"ToUnicode contradicts the font's cmap for {wrong} glyphs")

    def _contradictions(self, tu: dict[int, str]) -> int:
        """Codes whose ToUnicode text differs from what the embedded cmap says of their glyph.

        Only the cmap is read here (no names, no GSUB), so that clean documents stay cheap.
        """
        prog = self._prog
        if prog is None or not prog.cmap:
            return 0
        by_gid: dict[int, str] = {}
        for u, name in sorted(prog.cmap.items(), key=lambda kv: text_rank(fold_presentation(chr(kv[0])))):
            gid = prog.gid_of.get(name)
            if gid is not None and gid not in by_gid:
                by_gid[gid] = fold_presentation(chr(u))
        per_text: dict[str, set[str]] = {}
        wrong = 0
        for code, text in tu.items():
            gid = self._gid_of(code)
            own = by_gid.get(gid) if gid is not None else None
            if own is None or not text or bad_char(text[0]):
                per_text.setdefault(text, set()).add(text)  # unknown: counts as agreeing
                continue
            per_text.setdefault(text, set()).add(_fold(own))
            if _fold(own) != _fold(text) and (_is_arabic(own) or _is_arabic(text)):
                wrong += 1
        # a shown text is corrected only when every glyph that shows it reads the same other way
        self._override = {t for t, owns in per_text.items() if len(owns) == 1 and _fold(t) not in owns}
        # several glyphs show this text but read differently (PowerPoint's final lam-alef shows
        # "ل"): only the glyph's advance width can tell which one was drawn
        self._contested = {t for t, owns in per_text.items() if len(owns) > 1 and owns != {_fold(t)}}
        return wrong

    def _check_legacy(self, shown: dict[int, str]) -> None:
        """An 8-bit font whose glyphs are Arabic but whose encoding reads as Latin."""
        latin_over_arabic = 0
        if self._prog is not None:
            own = self._own_texts()
            for code, text in shown.items():
                gid = self._gid_of(code)
                if (gid is not None and gid in own and _is_arabic(own[gid].text)
                        and not _is_arabic(text) and not text.isspace()):
                    latin_over_arabic += 1
        # /Differences putting Latin symbols on control codes or on ASCII positions: a DTP hack
        shuffled = sum(1 for c, name in self._differences.items()
                       if (uni := agl.toUnicode(name)) and len(uni) == 1 and not _is_arabic(uni)
                       and (c < 0x20 or (c < 0x80 and ord(uni) in _LATIN_SUPPLEMENT)))
        if latin_over_arabic >= 3:
            self.problems.append(f"legacy 8-bit encoding: Latin text for an Arabic font "
                                 f"({latin_over_arabic} Arabic glyphs)")
            self._legacy = True
            self._own = None  # recomputed without the Latin glyph names
        elif shuffled >= 5:
            self.problems.append(f"legacy 8-bit encoding: {shuffled} codes remapped to Latin symbols")
            self._legacy = True
            self._own = None

    # -- recovery -------------------------------------------------------------------------

    def _own_texts(self) -> dict[int, GlyphText]:
        if self._own is None:
            # a legacy font's glyph names are the Latin ones that garbled its text
            self._own = glyph_texts(self._prog, trust_names=True) if self._prog is not None else {}
            if self._legacy:
                self._own = {g: t for g, t in self._own.items() if _is_arabic(t.text) or t.text.isspace()}
        return self._own

    def resolve(self, text: str, map_error: bool, advance: float | None = None) -> Recovered | None:
        """Corrected text for one glyph PDFium showed as `text`, or None if it is fine.

        `advance` (optional) is the glyph's advance in 1/1000 em; it picks the glyph among
        several that share one shown text (a contested or U+FFFD mapping).
        """
        if advance is not None and (text in self._contested or text in self._reverse_ambiguous()):
            return self._resolve_by_width(text, advance)
        key = (text, map_error)
        if key not in self._cache:
            self._cache[key] = self._resolve(text, map_error)
        return self._cache[key]

    def _reverse_ambiguous(self) -> set[str]:
        if self._ambiguous is None:  # asked once per glyph: built once per font
            self._ambiguous = {t for t, codes in self._reverse.items()
                               if len(codes) > 1 and any(bad_char(c) for c in t)}
        return self._ambiguous

    def _resolve_by_width(self, text: str, advance: float) -> Recovered | None:
        widths = self._code_widths()
        codes = [c for c in self._reverse.get(text, []) if abs(widths.get(c, -1e9) - advance) <= 0.02 * max(advance, 50)]
        found = {r.text: r for r in (self.resolve_code(c) for c in codes) if r is not None}
        if len(found) != 1:
            return None if text in self._contested else UNMAPPED
        rec = next(iter(found.values()))
        return None if _fold(rec.text) == _fold(text) else rec

    def _code_widths(self) -> dict[int, float]:
        """Advance widths per code from /W (Type0) or /FirstChar + /Widths (simple fonts)."""
        if self._widths is None:
            self._widths = _widths(self._font)
        return self._widths

    def resolve_code(self, code: int) -> Recovered | None:
        """Text of a char code from the font program alone (for engines that know the code)."""
        gid = self._gid_of(code)
        if gid is None:
            name = self._names.get(code)
            hit = text_from_name(name) if name and not self._legacy else None  # legacy names lie
            return Recovered(hit[0], "glyph-name", hit[1]) if hit else None
        return self._glyph(gid)

    def _resolve(self, text: str, map_error: bool) -> Recovered | None:
        # without any mapping PDFium shows the code itself, but flags only some of them
        # PDFium reads glyphs in the embedded cmap through it (unflagged); the rest shows the code
        as_code = len(text) == 1 and (map_error or (self._codes_only and (
            _simple_code(text) if self.subtype != "/Type0" else not self._in_own_cmap(text))))
        bad = as_code or map_error or any(bad_char(c) for c in text) or self._legacy or text in self._override
        if not bad:
            return None
        codes = [self._code_of(text, map_error)] if as_code else self._reverse.get(text, [])
        found = [r for r in (self.resolve_code(c) for c in codes) if r is not None]
        if not found:
            return UNMAPPED
        if len({r.text for r in found}) > 1:
            return UNMAPPED  # several glyphs behind one shown text (U+FFFD...), read differently
        best = max(found, key=lambda r: r.confidence)
        if not as_code and _fold(best.text) == _fold(text):
            return None
        return best

    def _code_of(self, text: str, map_error: bool) -> int:
        """The char code behind a shown char. A simple TrueType font read through its (1,0)
        cmap shows unflagged codes >= 0x80 decoded as MacRoman ("Ä" for 0x80), measured."""
        u = ord(text)
        if self.subtype == "/Type0" or map_error or u < 0x80:
            return u
        try:
            return text.encode("mac_roman")[0]
        except UnicodeEncodeError:
            return u

    def _in_own_cmap(self, text: str) -> bool:
        """Is an unflagged char of a font without ToUnicode real text rather than a char code?

        PDFium shows real text there when it comes from /ActualText (Chromium wraps clusters
        with marks in it) or through the embedded cmap; otherwise it shows the code, flagged
        or not. Codes of a retained-gid subset land all over Unicode (Thaana, Mandaic,
        Ethiopic...), real text of an Arabic document lands in a few common blocks.
        """
        u = ord(text)
        if self._prog is not None and u in self._prog.cmap:
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
            elif self._prog is not None and self._is_blank(gid):
                rec = Recovered(" ", "outline", 0.8)  # no contours but an advance: a space
            elif self._ocr is not None and self._prog is not None:
                from warraq.fonts.glyph_ocr import ocr_glyph

                rec = ocr_glyph(self._prog, gid, self._ocr)
        if rec is not None:
            self.stats[rec.method] += 1
        self._by_gid[gid] = rec
        return rec

    def _outline_of(self, gid: int) -> tuple[str, float, str] | None:
        """Outline match of one glyph: from the batch of the font's glyphs, else on its own."""
        table = self._outlines()
        if gid in table or self._prog is None:
            return table.get(gid)
        sig = signature(self._prog, gid)
        hit = self._index.lookup(self.name, {gid: sig}).get(gid) if sig else None
        if hit is not None:
            table[gid] = hit
        return hit

    def _is_blank(self, gid: int) -> bool:
        prog = self._prog
        if prog is None or signature(prog, gid) is not None or not 0 < gid < len(prog.glyph_order):
            return False
        try:
            return bool(prog.glyphset[prog.glyph_order[gid]].width > 0)
        except Exception:
            return False

    def _used_gids(self) -> list[int]:
        """Glyphs the PDF can draw: those of its codes, else every glyph but .notdef."""
        assert self._prog is not None
        codes = set(self._reverse_codes())
        if codes:
            gids = {self._gid_of(c) for c in codes}
        else:
            gids = set(range(1, len(self._prog.glyph_order)))
            c2g = cid_to_gid_set(self._font)
            if c2g is not None:
                gids &= c2g
        return sorted(g for g in gids if g)

    def _reverse_codes(self) -> list[int]:
        return [c for codes in self._reverse.values() for c in codes]

    def _outlines(self) -> dict[int, tuple[str, float, str]]:
        """Outline matches for every glyph the embedded tables leave unexplained, looked up once."""
        if self._outline is None:
            self._outline = {}
            prog = self._prog
            if prog is not None:
                own = self._own_texts()
                used = [g for g in self._used_gids() if g not in own]
                if len(used) > 1000:
                    return self._outline  # a big font (retained gids): match glyph by glyph
                sigs = {g: s for g in used if (s := signature(prog, g)) is not None}
                if sigs:
                    self._outline = self._index.lookup(self.name, sigs)
        return self._outline

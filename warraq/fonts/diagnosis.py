"""What is wrong with a font's mapping: the problems `warraq check` reports for it, and which
of the texts its ToUnicode shows its own glyphs contradict (doctor.FontRecovery acts on both).

Read once, when the font is first met, and as cheaply as a clean document allows: the font
program's cmap is read, its names, GSUB and outlines only for the few glyphs in doubt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pikepdf

from warraq.fonts.glyphtext import GlyphText, cmap_texts, glyph_texts
from warraq.fonts.legacy import MIN_SHUFFLED, shuffled, spells_latin_names
from warraq.fonts.names import text_from_name
from warraq.fonts.program import FontProgram
from warraq.fonts.shown import (
    bad_char,
    fold,
    invented_texts,
    is_arabic,
    marks_added,
    odd_mappings,
    odd_sign,
    part_of,
)

MIN_ARABIC = 10  # codes mapped to Arabic: an Arabic font
DENIED = 2  # glyphs mapped to no Arabic whose outlines are Arabic letters: a made-up map


class Diagnosis:
    """One font's problems, the shown texts its glyphs contradict, and whether it is legacy."""

    def __init__(self, subtype: str, font: pikepdf.Dictionary, tounicode: dict[int, str] | None,
                 names: dict[int, str], differences: dict[int, str], shown: dict[int, str],
                 gid_of: Callable[[int], int | None], cmap_gids: Callable[[], dict[int, int]],
                 outline_of: Callable[[int], tuple[str, float, str] | None],
                 program: Callable[[], FontProgram | None]) -> None:
        self.subtype = subtype
        self._font = font
        self._tounicode = tounicode
        self._names = names
        self._differences = differences
        self._shown_as = shown  # code -> the text PDFium shows for it
        self._gid_of = gid_of
        self._cmap_gids = cmap_gids
        self._outline_of = outline_of
        self._program = program
        self.problems: list[str] = []
        # shown texts that every glyph showing them reads the same other way: corrected
        self.override: set[str] = set()
        # shown texts whose glyphs read differently: the drawn glyph's box tells which
        self.contested: set[str] = set()
        self.legacy = False  # a pre-Unicode 8-bit Arabic font: its names and encoding lie
        self.own: dict[int, GlyphText] | None = None  # the glyphs' own texts, if read here
        self._diagnose()

    def _diagnose(self) -> None:
        shown = self._shown_as
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
            if self.subtype in ("/Type1", "/TrueType", "/MMType1"):
                self._check_gaps(tu)
                self._check_legacy_tounicode(tu)
        if tu is None and self.subtype in ("/Type1", "/TrueType", "/MMType1"):
            if not self._names:
                self.problems.append("no ToUnicode and no encoding: codes only")
            else:
                self._check_legacy(shown)

    def _check_gaps(self, tu: dict[int, str]) -> None:
        """Codes a simple font gives a width but ToUnicode leaves out. PDFium shows such a code
        as the character with its number (LibreOffice leaves out the glyphs it only draws
        inside /ActualText clusters, so without /ActualText "ت" shows as "$"). Zero-width
        codes (marks, or codes the font does not use) are looked at only when resolving."""
        try:
            first = int(self._font.get("/FirstChar", 0))
            widths = [float(w) for w in self._font.get("/Widths", [])]
        except (TypeError, ValueError):
            return
        gaps = sum(1 for k, w in enumerate(widths) if w > 0 and first + k not in tu)
        if gaps:
            self.problems.append(f"ToUnicode leaves out {gaps} codes of the font")

    def _check_tounicode(self, tu: dict[int, str]) -> None:
        if tu.get(0) == "\x00":  # .notdef mapped to U+0000 by many writers: never drawn as text
            tu = {code: text for code, text in tu.items() if code}
        self.problems += [f"ToUnicode maps {n} codes to {reason}" for reason, n in sorted(odd_mappings(tu).items())]
        wrong = self._contradictions(tu)
        if wrong:
            self.problems.append(f"ToUnicode contradicts the font's cmap for {wrong} glyphs")
        invented = invented_texts(tu)
        if not invented and self.subtype == "/Type0" and not self._cmap_gids():
            invented = self._denied_by_outlines(tu)
        if invented:  # the glyph drawn says what each of them is
            codes = sum(1 for t in tu.values() if t in invented)
            self.problems.append(f"ToUnicode made up: {codes} glyphs show no Arabic")
            self.contested |= invented

    def _denied_by_outlines(self, tu: dict[int, str]) -> set[str]:
        """The texts of an Arabic font's map that show no Arabic, where the font has no cmap to
        check them against and the outlines of DENIED of their glyphs are Arabic letters (a map
        Ghostscript cut to one byte for some glyphs only: "'" for ا, "G" for ك); else nothing."""
        if sum(1 for t in tu.values() if is_arabic(t)) < MIN_ARABIC:
            return set()
        others = {code: t for code, t in tu.items() if t.strip(" \t\n\r\u00a0") and not is_arabic(t)}
        denied = 0
        for code in others:
            gid = self._gid_of(code)
            hit = self._outline_of(gid) if gid else None
            denied += hit is not None and is_arabic(hit[0])
            if denied >= DENIED:
                return set(others.values())
        return set()

    def _contradictions(self, tu: dict[int, str]) -> int:
        """Codes whose ToUnicode text differs from what the embedded cmap says of their glyph.

        Only the cmap is read here (no names, no GSUB), so that clean documents stay cheap. A
        Type0 font without a cmap (one rewritten by cairo or Ghostscript) has only its odd
        readings checked, by the glyph's own names, GSUB and outline (`_odd_readings`).
        """
        cmap = self._cmap_gids()
        if not cmap and self.subtype != "/Type0":
            return 0
        by_gid = cmap_texts(cmap)
        # what each code's glyph reads as: a sound font's glyphs read as they are shown
        gids = list(map(self._gid_of, tu))
        owns = [by_gid.get(g) if g is not None else None for g in gids]
        agree: set[str] = set()  # shown texts that some glyph reads the same way
        other: dict[str, set[str]] = {}  # shown text -> the other readings of its glyphs
        wrong = 0
        odd: list[tuple[int, str]] = []
        for gid, text, own in zip(gids, tu.values(), owns):
            if own == text or _same_digit(own, text) or _allah_ligature(own, text):
                agree.add(text)
                continue
            if own is None and gid is not None and (odd_sign(text) or marks_added(text)):
                # a sign, or a letter with marks, shown for a glyph the cmap does not reach
                odd.append((gid, text))
                continue
            if own is None or not text or bad_char(text[0]):
                reading = text  # nothing to compare with: counts as agreeing
            else:
                reading = fold(own)
                if reading != fold(text) and (is_arabic(own) or is_arabic(text)):
                    wrong += 1
            if reading == fold(text):
                agree.add(text)
            else:
                other.setdefault(text, set()).add(reading)
        if odd:
            wrong += self._odd_readings(tu, odd, agree, other)
        # a shown text is corrected only when every glyph that shows it reads the same other way
        self.override = {t for t, owns in other.items() if len(owns) == 1 and t not in agree}
        # several glyphs show this text but read differently (PowerPoint's final lam-alef shows
        # "ل"): only the drawn glyph's box can tell which one it was
        self.contested = {t for t, owns in other.items() if len(owns) > 1 or t in agree}
        return wrong

    def _odd_readings(self, tu: dict[int, str], odd: list[tuple[int, str]], agree: set[str],
                      other: dict[str, set[str]]) -> int:
        """Read the names and GSUB of glyphs the cmap does not reach that show a sign or a letter
        with marks: a ligature or a contextual form behind a sign; or a letter glyph that a
        writer mapped to its first cluster, marks drawn by other glyphs included (WeasyPrint's
        alef reads "أ" wherever it is drawn, with or without the hamza glyph, which maps to
        nothing). The latter only where marks are drawn apart. Adds their readings; gives
        how many read otherwise than shown."""
        unnamed = "" in tu.values()  # a glyph mapped to nothing may be any mark
        apart = {c for t in tu.values() if t and marks_added(" " + t) for c in t}
        odd = [(gid, text) for gid, text in odd
               if odd_sign(text) or unnamed or not apart.isdisjoint(unicodedata.normalize("NFD", text)[1:])]
        if not odd:
            return 0
        # the texts of these few glyphs alone, unless every glyph's is known already
        prog = self._program()
        texts = glyph_texts(prog, only={gid for gid, _ in odd}) if prog is not None else {}
        wrong = 0
        for gid, text in odd:
            found = texts.get(gid)
            if found is None and (hit := self._outline_of(gid)) is not None:
                found = GlyphText(hit[0], "outline", hit[1])  # as drawn in the installed font
            own_text = found.text if found is not None and is_arabic(found.text) else text
            if not odd_sign(text) and not part_of(own_text, text):
                own_text = text  # a contextual form of the whole letter: nothing drawn apart
            if fold(own_text) == fold(text):
                agree.add(text)
            else:
                other.setdefault(text, set()).add(fold(own_text))
            wrong += own_text != text
        return wrong

    def _check_legacy(self, shown: dict[int, str]) -> None:
        """An 8-bit font whose glyphs are Arabic but whose encoding reads as Latin."""
        latin_over_arabic = 0
        prog = self._program()
        if prog is not None:
            own = self.own = glyph_texts(prog, trust_names=True)
            for code, text in shown.items():
                gid = self._gid_of(code)
                if (gid is not None and gid in own and is_arabic(own[gid].text)
                        and not is_arabic(text) and not text.isspace()):
                    latin_over_arabic += 1
        if latin_over_arabic >= 3:
            self.problems.append(f"legacy 8-bit encoding: Latin text for an Arabic font "
                                 f"({latin_over_arabic} Arabic glyphs)")
        elif (codes := shuffled(self._differences)) >= MIN_SHUFFLED:
            self.problems.append(f"legacy 8-bit encoding: {codes} codes remapped to Latin symbols")
        else:
            return
        self.legacy = True
        self.own = None  # recomputed without the Latin glyph names

    def _check_legacy_tounicode(self, tu: dict[int, str]) -> None:
        """A legacy font (Mac-era Yakoot, Beirut) re-encoded by a subsetter that wrote its
        ToUnicode from the Latin glyph names (fonts/legacy.py)."""
        if shuffled(self._differences) >= MIN_SHUFFLED and spells_latin_names(tu):
            self.problems.append(f"legacy 8-bit encoding: ToUnicode spells the Latin names of {len(tu)} glyphs")
            self.legacy = True


_ARABIC_DIGITS = frozenset(map(chr, [*range(0x660, 0x66A), *range(0x6F0, 0x6FA)]))


def _allah_ligature(own: str | None, text: str) -> bool:
    """Is the glyph the ligature of Allah (U+FDF2, "الله" in Unicode) shown as "لله"? Fonts form
    it from lam, lam and heh alone, the alef before it a glyph of its own ("العبدالله", "لله"):
    the text is the cluster the glyph drew."""
    return own is not None and fold(own) == "\u0627\u0644\u0644\u0647" and fold(text) == "\u0644\u0644\u0647"


def _same_digit(own: str | None, text: str) -> bool:
    """Are these the Arabic-Indic and the Persian form of one digit? A font may draw both with
    one glyph (Noto Naskh's six), which its cmap gives one of them: the text says which the
    writer typed."""
    return (own is not None and own in _ARABIC_DIGITS and text in _ARABIC_DIGITS
            and unicodedata.decimal(own) == unicodedata.decimal(text))

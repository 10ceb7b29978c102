"""What PDFium shows for a font's char codes, and which shown texts a mapping cannot mean.

The font doctor (doctor.py) asks these of every ToUnicode entry and of every suspect char:
a character no glyph can stand for (private use, U+FFFD, a control), a dotless letter, a lone
sign where a ligature was meant, a letter whose marks other glyphs draw; and how PDFium shows a
code it has no mapping for (mirrored in right-to-left runs, or a byte through a single-byte
encoding).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from fontTools import agl
from fontTools.encodings.MacRoman import MacRoman

from warraq.arabic.chars import MIRROR

#: Dotless letters a mapping shows where the glyph drawn has its dots apart or lost them.
DOTLESS = frozenset("\u066e\u066f\u06a1\u06ba\u08bb\u08bc\u08bd")


@lru_cache(maxsize=65536)
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


def odd_mappings(tu: dict[int, str]) -> Counter[str]:
    """How many codes the map gives each kind of char no glyph can stand for, or a dotless letter."""
    odd = {c for c in set("".join(tu.values())) if bad_char(c) or c in DOTLESS}
    why: Counter[str] = Counter()
    if odd:  # counted per code only when found, over the codes that have one
        for text in tu.values():
            if odd.isdisjoint(text):
                continue
            why.update({r for c in text if (r := bad_char(c))})
            if any(c in DOTLESS for c in text):
                why["dotless letter"] += 1
    return why


SHARED_BY = 3  # glyphs that show one Latin letter: more is no font's alternates
PACKED = 2  # codes of an Arabic font mapped to ideographs or Hangul: two chars packed into one
CUT_CONTROLS = 3  # codes mapped to C0 controls: a map of Arabic text cut to one byte


def invented_texts(tu: dict[int, str]) -> set[str]:
    """The texts of a ToUnicode that Ghostscript made up, which the glyphs drawn must confirm.

    Ghostscript rewriting a PDF (pdfwrite: printing to a PDF file, "compressing" one) may keep a
    font's glyphs but not their mapping. Seen: an Arabic font's map invented as runs of codes
    counting up through U+00FE..U+0125 (ten glyphs say "ÿ", others "Ę"), with its digits read
    as "f" for ٦ (U+0666 cut to a byte); or a whole map cut to one byte (ا as "'", ل as "D", the
    Arabic comma U+060C as the control U+000C), two chars packed into one (قَ as U+424E "䉎",
    the low bytes of U+0642 and U+064E). A font's own Latin has one glyph per letter, or two or
    three with alternates, no control is any glyph's text, and an Arabic font has no ideographs.
    Gives the texts of such a map that are not Arabic throughout (Latin letters and signs,
    controls, ideographs), else nothing.
    """
    controls = sum(1 for t in tu.values() if len(t) == 1 and ord(t) < 0x20 and t not in "\t\n\r")
    if controls < CUT_CONTROLS:
        if not any(is_arabic(t) for t in tu.values()):
            return set()
        latin = Counter(t for t in tu.values() if len(t) == 1 and not is_arabic(t)
                        and unicodedata.category(t).startswith("L"))
        packed = sum(1 for t in tu.values() if any(_east_asian(c) for c in t))
        if sum(n >= SHARED_BY for n in latin.values()) < 2 and packed < PACKED:
            return set()
    return {t for t in tu.values() if t.strip(" \t\n\r\u00a0") and not all(map(is_arabic, t))}


def _east_asian(ch: str) -> bool:
    """CJK radicals, syllabaries, ideographs, Yi and Hangul: what two bytes packed into one
    UTF-16 unit mostly land on."""
    return 0x2E80 <= ord(ch) <= 0xA4CF or 0xAC00 <= ord(ch) <= 0xD7AF


#: What PDFium's bidi pass may have turned a char into inside a right-to-left run.
MIRRORED = {**MIRROR, "\u201c": "\u201d", "\u201d": "\u201c", "\u2018": "\u2019", "\u2019": "\u2018"}


def _shown_codes() -> dict[str, list[int]]:
    """How PDFium may show a code of a simple font that it has no mapping for: the code read
    through MacRoman (a (1,0) cmap: "Ä" for 0x80, "¤" for 0xDB as before the euro), WinAnsi or
    Latin-1 ("×" for 0xD7), possibly in compatibility form ("TM" for "™", " " for a no-break
    space). Measured on LibreOffice subsets without ToUnicode."""
    tables = ([agl.toUnicode(name) for name in MacRoman],
              [bytes([b]).decode("cp1252", "ignore") for b in range(256)],
              [chr(b) for b in range(256)])
    out: dict[str, list[int]] = {}
    for chars in tables:
        for code, ch in enumerate(chars):
            ch = chr(code) if code < 0x80 else ch
            spelled = unicodedata.normalize("NFKC", ch)
            for shown in dict.fromkeys((ch, spelled, spelled.strip())):
                if shown and code not in out.setdefault(shown, []):
                    out[shown].append(code)
    return out


#: Shown text -> the codes of a simple font behind it, likeliest first. Anything else (an
#: Arabic letter) is real text from /ActualText, which LibreOffice puts around clusters drawn
#: with several glyphs (alef + hamza).
SHOWN_CODES = _shown_codes()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Compatibility forms folded, for comparing what a mapping and a font say."""
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)
def marks_added(text: str) -> bool:
    """A letter with combining marks ("أ" is alef and hamza above), or marks alone after a space."""
    parts = unicodedata.normalize("NFD", text)
    return len(parts) > 1 and all(unicodedata.category(c) == "Mn" for c in parts[1:])


def part_of(own: str, shown: str) -> bool:
    """Is `own` the letter of `shown` without some of its marks ("ا" of "أ")?"""
    a, b = Counter(unicodedata.normalize("NFD", own)), Counter(unicodedata.normalize("NFD", shown))
    return a < b


@lru_cache(maxsize=4096)
def odd_sign(text: str) -> bool:
    """A lone modifier letter or ASCII sign: what some writers (WeasyPrint, fpdf2) put in
    ToUnicode for an Arabic ligature or contextual form they could not name."""
    return len(text) == 1 and (unicodedata.category(text) in ("Sk", "Lm") or text in "<>;^`|~\\{}[]")


def is_arabic(text: str) -> bool:
    """Has the text an Arabic letter or presentation form?"""
    return any(0x0600 <= ord(c) <= 0x06FF or 0xFB50 <= ord(c) <= 0xFEFF for c in text)


def pdfium_texts(names: dict[int, str], tounicode: dict[int, str] | None) -> dict[int, str]:
    """Code -> the text PDFium shows for it: ToUnicode's, else the encoding's glyph name's."""
    shown = {code: uni for code, name in names.items() if name and (uni := agl.toUnicode(name))}
    if tounicode:
        shown.update(tounicode)
    return shown

"""Character-level Arabic rules: presentation-form folding, marks, tatweel, bidi classes, mirroring.

Everything here works per character with Unicode data, never with hand-written code-point ranges
for direction (those misfile Arabic-Indic digits) and never with NFKC on a whole string (which also
rewrites ligatures such as "ﬁ", superscripts and full-width forms that are not ours to touch).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

TATWEEL = "\u0640"
# The alefs a lam joins into one lam-alef ligature, in every Arabic font.
LAM_ALEF_PARTNERS = frozenset("\u0627\u0623\u0625\u0622")

# Bidi controls that pdftotext and others inject; never part of faithful text.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Bidi_Mirroring_Glyph pairs for the brackets and quotes that occur in Arabic text.
_MIRROR_PAIRS = "()[]{}<>«»‹›⁅⁆⁽⁾₍₎⟨⟩⟪⟫〈〉《》「」『』【】〔〕"
MIRROR = {a: b for a, b in zip(_MIRROR_PAIRS[::2], _MIRROR_PAIRS[1::2])}
MIRROR.update({b: a for a, b in list(MIRROR.items())})
OPENING = frozenset(_MIRROR_PAIRS[::2])

_PRESENTATION_BLOCKS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def is_presentation_form(ch: str) -> bool:
    """True for Arabic Presentation Forms-A/B code points."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _PRESENTATION_BLOCKS)


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """Fold one presentation-form code point to its base letters; other characters unchanged.

    Only the compatibility decomposition of this one character is used, so U+FEFB becomes
    "لا" and U+FDF2 becomes "الله" while "ﬁ" or "²" elsewhere in the text stay as they are.
    """
    if not is_presentation_form(ch):
        return ch
    decomp = unicodedata.decomposition(ch)
    if not decomp:
        return ch  # unassigned or a non-decomposable form (e.g. U+FEFF BOM): keep
    parts = decomp.split()
    if parts[0].startswith("<"):
        parts = parts[1:]
    return "".join(chr(int(p, 16)) for p in parts)


def fold_presentation_forms(text: str) -> str:
    """Fold presentation forms per character; leave everything else alone."""
    if not text or max(text) < "\ufb50":
        return text
    return "".join(fold_char(c) for c in text)


# Placeholders for a glyph that is only the dots of a letter (warraq/fonts/dots.py): combining
# marks of other scripts, which stand in until the dots are put back on their skeleton.
DOT_MARKS = {("above", 1): "\u0307", ("above", 2): "\u0308", ("above", 3): "\u20db",
             ("below", 1): "\u0323", ("below", 2): "\u0324", ("below", 3): "\u20e8"}
_DOT_COUNT = {mark: (n, 0) if side == "above" else (0, n) for (side, n), mark in DOT_MARKS.items()}
DOT_PLACEHOLDERS = frozenset(DOT_MARKS.values())
# A dotless skeleton and its dots (above, below) -> the letter; Persian and Urdu letters too.
_DOTTED = {
    ("\u066e", 0, 1): "\u0628", ("\u066e", 2, 0): "\u062a", ("\u066e", 3, 0): "\u062b",
    ("\u066e", 1, 0): "\u0646", ("\u066e", 0, 2): "\u064a", ("\u066e", 0, 3): "\u067e",
    ("\u06ba", 1, 0): "\u0646", ("\u0649", 0, 2): "\u064a", ("\u06cc", 0, 2): "\u064a",
    ("\u062d", 0, 1): "\u062c", ("\u062d", 1, 0): "\u062e", ("\u062d", 0, 3): "\u0686",
    ("\u062f", 1, 0): "\u0630", ("\u0631", 1, 0): "\u0632", ("\u0631", 3, 0): "\u0698",
    ("\u0633", 3, 0): "\u0634", ("\u0635", 1, 0): "\u0636", ("\u0637", 1, 0): "\u0638",
    ("\u0639", 1, 0): "\u063a", ("\u06a1", 1, 0): "\u0641", ("\u06a1", 2, 0): "\u0642",
    ("\u06a1", 3, 0): "\u06a4", ("\u066f", 2, 0): "\u0642", ("\u0647", 2, 0): "\u0629",
    ("\u08bb", 1, 0): "\u0641", ("\u08bc", 2, 0): "\u0642", ("\u08bd", 1, 0): "\u0646",
}
_TOOTH_HAMZA = "\u066e\u0654"  # a dotless tooth with hamza above is how ئ is written inside a word


# letter -> the dotless shape it is drawn on; also the other dotless forms a skeleton glyph
# reads as (yeh's, noon's and qaf's)
SKELETONS: dict[str, str] = {"\u0628": "\u066e", "\u062a": "\u066e", "\u062b": "\u066e", "\u0646": "\u066e",
                             "\u064a": "\u066e", "\u062c": "\u062d", "\u062e": "\u062d", "\u0630": "\u062f",
                             "\u0632": "\u0631", "\u0634": "\u0633", "\u0636": "\u0635", "\u0638": "\u0637",
                             "\u063a": "\u0639", "\u0641": "\u06a1", "\u0642": "\u06a1", "\u0629": "\u0647",
                             "\u0649": "\u066e", "\u06cc": "\u066e", "\u06ba": "\u066e", "\u08bd": "\u066e",
                             "\u066f": "\u06a1", "\u08bb": "\u06a1", "\u08bc": "\u06a1"}
_DOTS_OF = {letter: (above, below) for (_, above, below), letter in _DOTTED.items()}
DOTTED_LETTERS = frozenset(_DOTS_OF)  # letters whose dots tell them from their skeleton


def dots_between(letter: str, shape: str) -> str | None:
    """The placeholder mark of the dots that make a dotless `shape` the `letter` ("ٮ", "ت":
    two above), None if they are not such a pair."""
    dots = _DOTS_OF.get(letter)
    if dots is None or shape in _DOTS_OF or skeleton(shape) != skeleton(letter) or all(dots):
        return None
    return DOT_MARKS[("above", dots[0])] if dots[0] else DOT_MARKS[("below", dots[1])]


def takes_dots(letter: str, mark: str) -> bool:
    """Do the dots a placeholder mark stands for make a letter on this one (or its skeleton)?"""
    counts = _DOT_COUNT.get(mark)
    return counts is not None and ((letter, *counts) in _DOTTED or (skeleton(letter), *counts) in _DOTTED)


def skeleton(ch: str) -> str:
    """The dotless shape a letter is drawn on (ب ت ث ن ي ى -> ٮ), the character itself for others."""
    return SKELETONS.get(ch, ch)


def compose_dots(text: str) -> str:
    """Put dots drawn as glyphs of their own back on their skeleton: "ٮ" + one dot below -> "ب"
    (and a dotless tooth with hamza, which such fonts also leave, is "ئ").

    Dots that make no letter with the base they sit on are dropped: they stand for no character.
    """
    if _TOOTH_HAMZA in text:
        text = text.replace(_TOOTH_HAMZA, "\u0626")
    if not any(c in _DOT_COUNT for c in text):
        return text
    out: list[str] = []
    base = -1  # index in `out` of the letter the marks that follow belong to
    above = below = 0
    for ch in [*text, ""]:
        counts = _DOT_COUNT.get(ch)
        if counts is not None:
            above, below = above + counts[0], below + counts[1]
            continue
        if ch and is_mark(ch):
            out.append(ch)
            continue
        if base >= 0 and (above or below):
            # a dotted letter whose dots were drawn apart after all (PowerPoint maps its skeleton
            # to the letter it first drew): the drawn dots on its skeleton
            out[base] = _DOTTED.get((out[base], above, below)) or _DOTTED.get(
                (skeleton(out[base]), above, below), out[base])
        above = below = 0
        base = len(out)
        out.append(ch)
    return "".join(out)


def is_mark(ch: str) -> bool:
    """Combining marks (tashkeel, superscript alef, Quranic signs) that ride on a base letter."""
    return unicodedata.category(ch) in ("Mn", "Me")


def is_arabic_letter(ch: str) -> bool:
    """A strong right-to-left letter of the Arabic script (class AL)."""
    return unicodedata.bidirectional(ch) == "AL" and unicodedata.category(ch).startswith("L")


def strong_direction(text: str) -> str | None:
    """'rtl' or 'ltr' for the first strong character of text, None if it has none."""
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in ("R", "AL"):
            return "rtl"
        if cls == "L":
            return "ltr"
    return None


def strip_bidi_controls(text: str) -> str:
    """Remove explicit bidi formatting characters."""
    if BIDI_CONTROLS.isdisjoint(text):
        return text
    return "".join(c for c in text if c not in BIDI_CONTROLS)


def remove_kashida(text: str) -> str:
    """Remove justification tatweel.

    Tatweel between two letters that join is stretching; a tatweel ending a letter alone (the
    abbreviation "هـ" after a Hijri year) is a real character and stays, and so does a run of
    tatweel standing between spaces, which a writer typed as a dash ("ب ـ لا يجوز").
    """
    if TATWEEL not in text:
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == TATWEEL:
            if _standing_alone(text, i):
                out.append(ch)
                continue
            prev = _nearest_non_tatweel(text, i, -1)
            nxt = _nearest_non_tatweel(text, i, 1)
            if prev is not None and nxt is not None and is_arabic_letter(prev) and is_arabic_letter(nxt):
                continue
            if prev is None or not is_arabic_letter(prev):
                continue  # stray kashida glyph with nothing to stretch
            # letter followed by tatweel at word end: "هـ", keep exactly one
            if out and out[-1] == TATWEEL:
                continue
        out.append(ch)
    return "".join(out)


def _standing_alone(text: str, i: int) -> bool:
    """Is the tatweel at i part of a run with a space or the text's edge on both sides? Marks
    after the run count with it: "ـَ" shows a fatha on its own."""
    a = b = i
    while a > 0 and text[a - 1] == TATWEEL:
        a -= 1
    while b + 1 < len(text) and (text[b + 1] == TATWEEL or is_mark(text[b + 1])):
        b += 1
    return (a == 0 or text[a - 1].isspace()) and (b + 1 == len(text) or text[b + 1].isspace())


def _nearest_non_tatweel(text: str, i: int, step: int) -> str | None:
    j = i + step
    while 0 <= j < len(text):
        ch = text[j]
        if ch != TATWEEL and not is_mark(ch):
            return ch
        j += step
    return None


#: Letter sequences that Unicode encodes as one presentation-form ligature (لا, لأ, لج, الله ...),
#: the words of a phrase ligature among them with their spaces ("صلى الله عليه وسلم" of U+FDFA).
LIGATURES: frozenset[str] = frozenset(
    seq
    for lo, hi in _PRESENTATION_BLOCKS
    for seq in (fold_char(chr(cp)) for cp in range(lo, hi + 1))
    if len(seq) > 1 and all(is_arabic_letter(c) or c == " " for c in seq)
)

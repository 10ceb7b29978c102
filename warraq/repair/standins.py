"""A digit or Latin letter that a font's bad ToUnicode gave to shadda: "الش2ُرْفَةِ" for "الشُّرْفَةِ".

No vowel mark is ever written on a digit or a Latin letter. Where one such character keeps
sitting inside Arabic words right before a vowel, and almost never stands anywhere else, it is
a mark glyph's stand-in (WeasyPrint writes KacstBook's shadda as "2"), and the one mark that is
written before a vowel on the same letter is shadda. Every tool reading such a PDF inherits the
stand-in, so it is repaired across the whole document or not at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

SHADDA = "\u0651"
MIN_SEEN = 3     # stand-ins before a vowel: fewer is no pattern
INSIDE = 0.8     # share of the character's occurrences that must fall inside Arabic words
_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_MARKS = "\u064b-\u0652\u0670"
_VOWELS = "\u064b-\u0650"  # tanween, fatha, damma, kasra
# after a letter (or its marks) of a word, before a vowel, a tool's stray space between them
_BEFORE_VOWEL_RE = re.compile(f"(?<=[{_LETTER}{_MARKS}])([0-9A-Za-z])(?= ?[{_VOWELS}])")
_AFTER_LETTER_RE = re.compile(f"(?<=[{_LETTER}{_MARKS}])([0-9A-Za-z])")


def shadda_standins(texts: Sequence[str]) -> frozenset[str]:
    """The characters that stand for shadda throughout these texts (a document)."""
    joined = "\n".join(texts)
    seen = Counter(_BEFORE_VOWEL_RE.findall(joined))
    if not seen:
        return frozenset()
    inside = Counter(_AFTER_LETTER_RE.findall(joined))
    return frozenset(ch for ch, n in seen.items() if n >= MIN_SEEN and inside[ch] >= INSIDE * joined.count(ch))


def restore_shadda(text: str, standins: frozenset[str]) -> str:
    """The text with each stand-in inside a word read as shadda, in canonical order among the
    letter's marks (a vowel before shadda)."""
    if not standins or not any(ch in text for ch in standins):
        return text
    chars = re.escape("".join(sorted(standins)))
    pattern = re.compile(f"(?<=[{_LETTER}])([{_MARKS}]*)[{chars}](?: (?=[{_MARKS}]))?([{_MARKS}]*)")
    return pattern.sub(lambda m: "".join(sorted(m.group(1) + SHADDA + m.group(2), key=unicodedata.combining)), text)

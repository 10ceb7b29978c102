"""Small text helpers shared by the repair rules: clusters, word cores, character classes."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from warraq.arabic.chars import BIDI_CONTROLS, TATWEEL

PUA_RE = re.compile("[\ue000-\uf8ff]")
# The marks a tool may set apart from their letter: harakat, tanween, shadda, sukun, dagger alef
MARKS = "".join(map(chr, range(0x064B, 0x0653))) + "\u0670"
MARK_CLASS = f"[{MARKS}]"
SENTENCE_STOPS = ".؟!"
LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"  # the letters a glyph may stand for
# Punctuation that opens a phrase before its word, and that closes one after it
OPENING_PUNCT = "«(\"'[{“"
CLOSING_PUNCT = "،,.:;؛!?؟…»)\"']}”"
EDGE_PUNCT = OPENING_PUNCT + CLOSING_PUNCT
ARABIC_WORD_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670]+")  # letters and marks
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
# Anything a clean line should not contain: PUA, bidi controls, presentation forms, tatweel.
SUSPECT_RE = re.compile(
    "[\ue000-\uf8ff\ufb50-\ufdff\ufe70-\ufefc" + "".join(sorted(BIDI_CONTROLS)) + TATWEEL + "]"
)
_CORE_RE = re.compile(r"^([^\w\u0640\ue000-\uf8ff]*)(.*?)([^\w\u0640\ue000-\uf8ff]*)$", re.S)


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER_RE.search(text) is not None


def is_pua(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


def clusters(text: str, marks_before: bool = False) -> list[str]:
    """A base character with its marks; a presentation form stays one cluster.

    Marks normally follow their base. In a line reversed code point by code point they come
    before it, and `marks_before` groups them with the base that follows.
    """
    if marks_before:
        return [c[::-1] for c in clusters(text[::-1])][::-1]
    out: list[str] = []
    for ch in text:
        if out and unicodedata.category(ch) in ("Mn", "Me") and not out[-1].isspace():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def marks_lead(text: str, default: bool = False) -> bool:
    """Do marks precede their base letters here (a line reversed per code point)?

    Words that begin with a mark say yes, words that end with one say no; a line with neither
    takes the default (the verdict of the document's other visual lines).
    """
    starts = ends = 0
    for token in text.split():
        starts += unicodedata.category(token[0]) == "Mn"
        ends += unicodedata.category(token[-1]) == "Mn"
    return starts > ends if starts != ends else default


@lru_cache(maxsize=100_000)
def split_core(token: str) -> tuple[str, str, str]:
    """(leading punctuation, word core, trailing punctuation) of a space-free token."""
    m = _CORE_RE.match(token)
    assert m is not None
    return m.group(1), m.group(2), m.group(3)


_ARABIC_CORE_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc\u0610-\u061a"
                             "\u064b-\u065f\u0670\u06d6-\u06ed\u0640\ue000-\uf8ff]+")


@lru_cache(maxsize=100_000)
def arabic_core(token: str) -> str:
    """The word core of a token if it is an Arabic word, else ''."""
    core = split_core(token)[1]
    if not core or not _ARABIC_CORE_RE.fullmatch(core) or not _ARABIC_LETTER_RE.search(core):
        return ""
    return core

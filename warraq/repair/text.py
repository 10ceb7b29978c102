"""Small text helpers shared by the repair rules: clusters, word cores, character classes."""

from __future__ import annotations

import re
import unicodedata

from warraq.arabic.chars import BIDI_CONTROLS, TATWEEL, is_presentation_form

PUA_RE = re.compile("[\ue000-\uf8ff]")
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


def clusters(text: str) -> list[str]:
    """A base character with the marks that follow it; a presentation form stays one cluster."""
    out: list[str] = []
    for ch in text:
        if out and unicodedata.category(ch) in ("Mn", "Me") and not out[-1].isspace():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def split_core(token: str) -> tuple[str, str, str]:
    """(leading punctuation, word core, trailing punctuation) of a space-free token."""
    m = _CORE_RE.match(token)
    assert m is not None
    return m.group(1), m.group(2), m.group(3)


def arabic_core(token: str) -> str:
    """The word core of a token if it is an Arabic word, else ''."""
    core = split_core(token)[1]
    if not core or not _ARABIC_LETTER_RE.search(core):
        return ""
    for c in core:
        if not (_ARABIC_LETTER_RE.match(c) or unicodedata.category(c) == "Mn" or c == TATWEEL or is_pua(c)):
            return ""
    return core


def reverse_clusters(word: str) -> str:
    return "".join(reversed(clusters(word)))


def has_presentation_forms(text: str) -> bool:
    return any(is_presentation_form(c) for c in text)

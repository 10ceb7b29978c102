"""Rule 3 for glyphs a tool could not name: "(cid:N)" that stands for a justification kashida.

pdfminer.six writes "(cid:N)" for a glyph without a Unicode mapping. LibreOffice draws its
justification kashidas as such glyphs, so justified words come out as "أس(cid:5)(cid:5)عار".
A code stretches words when taking it out of the words it sits in leaves known words; one that
stands for a letter leaves fragments and stays, visible, as the tool wrote it. One font drew
the whole document, so each code is decided once, from all its words.
"""

from __future__ import annotations

import re

from warraq.repair.model import UNKNOWN, logp

_LETTER = "[\u0621-\u064a\u0671-\u06d3]"
_MARK = "[\u064b-\u065f\u0670]"
_CID = r"\(cid:(\d+)\)"
_INNER_RE = re.compile(f"(?<={_LETTER}|{_MARK})(?:{_CID})+(?={_LETTER})")
_WORD_RE = re.compile(f"(?:{_LETTER}|{_MARK}|{_CID})+")
_CODE_RE = re.compile(_CID)
MIN_WORDS = 2
MIN_SHARE = 0.6  # of a code's words that must be known without it


def stretchers(text: str) -> frozenset[str]:
    """The codes (N of "(cid:N)") that stand for kashida in this document."""
    if "(cid:" not in text:
        return frozenset()
    words: dict[str, set[str]] = {}
    for m in _WORD_RE.finditer(text):
        word = m.group()
        inner = {c for run in _INNER_RE.finditer(word) for c in _CODE_RE.findall(run.group())}
        for code in inner:
            words.setdefault(code, set()).add(_CODE_RE.sub("", word))
    found = set()
    for code, ws in words.items():
        known = sum(logp(w) > UNKNOWN for w in ws)
        if known >= MIN_WORDS and known >= MIN_SHARE * len(ws):
            found.add(code)
    return frozenset(found)


def remove(line: str, codes: frozenset[str]) -> str:
    """Drop the stretcher codes that sit inside Arabic words (elsewhere they may mean something)."""
    if not codes or "(cid:" not in line:
        return line

    def drop(m: re.Match[str]) -> str:
        runs = re.findall(r"\(cid:\d+\)", m.group())
        return "".join(r for r in runs if r[5:-1] not in codes)

    return _INNER_RE.sub(drop, line)

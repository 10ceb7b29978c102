"""Glyph codes that add nothing: "(cid:N)" for a mark drawn apart from a letter that has it.

Some fonts draw a hamza or another mark as a glyph of its own next to a letter whose mapping
already carries it (fpdf2 with Scheherazade: "(cid:29)إطلاق", "أن(cid:10) الدولية"), and a
tool writes the unmapped glyph as "(cid:N)". Such a code sits at the edge of a known word, or
between two known words where it hid the space ("إلى(cid:10)أين"), or inside a word that is
known without it. One font drew the document, so each code is decided once from all the places
it stands: a code that stands for a letter leaves unknown words in some of them and stays
visible. Words are looked up either way round (the line may still be in visual order).
"""

from __future__ import annotations

import re

from warraq.repair.cid import CID_RE, CID_RUN_RE
from warraq.repair.model import UNKNOWN, logp
from warraq.repair.text import LETTERS

_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670]")  # a letter or mark
_AFTER_RE = re.compile(_LETTER_RE.pattern + "*")
MIN_PLACES = 3   # places a code must show itself silent in
MIN_SHARE = 0.8  # of the places that tell (a code between two spaces tells nothing)


def _lp(word: str) -> float:
    return max(logp(word), logp(word[::-1]))


def _known(word: str) -> bool:
    return _lp(word) > UNKNOWN


def _word(piece: str) -> bool:
    return len(piece) >= 2 and _known(piece)


def _apart(left: str, right: str) -> bool:
    """Are the two pieces two words rather than one (the code hid a space)?"""
    return _word(left) and _word(right) and _lp(left) + _lp(right) > _lp(left + right)


def _places(text: str) -> list[tuple[re.Match[str], str, str]]:
    """Each run of codes with the Arabic word glued to it on either side ('' if none)."""
    out = []
    for m in CID_RUN_RE.finditer(text):
        start = m.start()
        while start and _LETTER_RE.match(text, start - 1):
            start -= 1
        after = _AFTER_RE.match(text, m.end())
        out.append((m, text[start:m.start()], after.group() if after else ""))
    return out


def _silent_here(left: str, right: str) -> bool | None:
    """Does taking the codes out read at least as well as any letter in their place? None
    where nothing is glued to them. The web's word list holds most fragments, so a code is
    only silent where no letter makes a likelier word ("الوف(cid:7)" is "الوفد")."""
    if not left and not right:
        return None
    if left and right:
        without = max(_lp(left + right), _lp(left) + _lp(right) if _apart(left, right) else UNKNOWN)
    else:
        without = _lp(left or right) if len(left or right) >= 2 else UNKNOWN
    return without > UNKNOWN and without >= max(_lp(left + c + right) for c in LETTERS)


def silent_codes(text: str) -> frozenset[str]:
    """The "(cid:N)" codes of a document that stand for nothing the text lacks."""
    if "(cid:" not in text:
        return frozenset()
    votes: dict[str, list[int]] = {}
    for m, left, right in _places(text):
        said = _silent_here(left, right)
        if said is None:
            continue
        for code in set(CID_RE.findall(m.group())):
            votes.setdefault(code, [0, 0])[0 if said else 1] += 1
    return frozenset(code for code, (yes, no) in votes.items()
                     if yes >= MIN_PLACES and yes >= MIN_SHARE * (yes + no))


def drop(line: str, codes: frozenset[str]) -> str:
    """The line without its runs of silent codes; a run between two words that are only known
    apart leaves a space, and one between two spaces leaves one of them."""
    if not codes or "(cid:" not in line:
        return line
    out, pos = [], 0
    for m, left, right in _places(line):
        if not set(CID_RE.findall(m.group())) <= codes:
            continue
        out.append(line[pos:m.start()])
        if left and right and _apart(left, right):
            out.append(" ")
        pos = m.end()
        if line[pos:pos + 1] == " " and (not line[:m.start()] or line[m.start() - 1] == " "):
            pos += 1
    out.append(line[pos:])
    return "".join(out)

"""Letters of a script the text does not use, standing for glyphs a tool could not name.

PyMuPDF writes a glyph without a Unicode mapping as the character whose code is the glyph's
number, so a font's mark and ligature glyphs, numbered in the hundreds or thousands, come out
as Cyrillic, Greek or accented letters inside Arabic words ("пاكبر" for "أكبر", "بط Юًلا" for
"بطلًا"). Such a letter never stands beside a Latin one, nor in a run of three letters of other
scripts (a word); two stand-ins may touch ("дيق гйدم"), and the same few recur through the
document. They are taken out: what they stood for is lost either way, and left in they pass
for left-to-right runs that the ordering rules would move.
"""

from __future__ import annotations

import re
from collections import Counter

from warraq.repair.model import known

MIN_SEEN = 3  # stand-ins in the document: fewer is no pattern
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_CANDIDATE_RE = re.compile(f"[^\x00-\x7f{_ARABIC}]")
_ARABIC_RE = re.compile(f"[{_ARABIC}]")
FOREIGN_WORD = 3  # letters of another script in a row: a word, not stand-ins


def standins(text: str) -> frozenset[str]:
    """The letters of another script that stand for glyphs throughout this text."""
    seen: Counter[str] = Counter()
    glued: Counter[str] = Counter()
    spoiled: set[str] = set()
    for m in _CANDIDATE_RE.finditer(text):
        ch = m.group()
        if not ch.isalpha():
            continue
        i = m.start()
        beside = text[i - 1:i] + text[i + 1:i + 2]
        # writing: a Latin word ("Zürich") or a foreign one; two stand-ins may touch ("дيق гйدم")
        if any(c.isascii() and c.isalpha() for c in beside) or _foreign_run(text, i) >= FOREIGN_WORD:
            spoiled.add(ch)
        elif _ARABIC_RE.search(text[max(0, i - 2):i] + text[i + 1:i + 3]):  # a space may stand between
            seen[ch] += 1
            glued[ch] += _ARABIC_RE.search(beside) is not None
    kept = [ch for ch in seen if ch not in spoiled]
    # writing sets a symbol apart ("الزاوية θ"); a tool's stand-ins touch the words they are in
    return frozenset(kept) if sum(glued[ch] for ch in kept) >= MIN_SEEN else frozenset()


def _foreign_run(text: str, i: int) -> int:
    """Length of the run of non-Arabic letters around text[i]."""
    start, end = i, i + 1
    while start and text[start - 1].isalpha() and not _ARABIC_RE.match(text[start - 1]):
        start -= 1
    while end < len(text) and text[end].isalpha() and not _ARABIC_RE.match(text[end]):
        end += 1
    return end - start


def drop(line: str, letters: frozenset[str]) -> str:
    """The line without the stand-in letters. A tool often set one apart with spaces, and it may
    stand inside a word ("صبا Юحا", "ا Ù لكهربائية") or between two ("، Ù لكنها"): the pieces
    around it become one word again where the word list knows the whole."""
    if not letters or not any(ch in line for ch in letters):
        return line
    chars = re.escape("".join(sorted(letters)))

    def mend(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        whole = _WORD_END_RE.search(left), _WORD_START_RE.match(right)
        if whole[0] and whole[1] and known(whole[0].group() + whole[1].group()):
            return left + right
        return left + " " + right if left and right else left + right

    return re.sub(f"(\\S*) ?[{chars}]+ ?(\\S*)", mend, line)


_WORD_END_RE = re.compile("[\u0621-\u064a\u064b-\u0652]+$")
_WORD_START_RE = re.compile("^[\u0621-\u064a\u064b-\u0652]+")

"""NUL characters a tool wrote for glyphs it could not map (Chromium's marked clusters).

Chromium maps the glyphs of a cluster that carries marks to U+0000, and some fonts draw a
ligature as a letter plus a piece with no text of its own ("ال\\0كهربائية"). A NUL inside an
Arabic word is therefore either a letter or nothing. The word model decides which: a NUL next
to a mark carried one, so it is a letter ("شهر\\0ًا" is "شهريًا", not "شهرًا"); elsewhere
nothing wins when the word without it is listed. Words with more than one NUL are left to the
control-character rule, which drops them: too many readings, too little evidence.
"""

from __future__ import annotations

import re

from warraq.repair.model import UNKNOWN, known, logp
from warraq.repair.text import LETTERS, MARK_CLASS

MARGIN = 1.0  # log10: the chosen letter must make a word ten times likelier than any other
_MARK = re.compile(MARK_CLASS)
# A word with a NUL: Arabic letters and marks around it.
_WORD_RE = re.compile("[\u0621-\u064a\u064b-\u0652\u0670]*\x00[\u0621-\u064a\u064b-\u0652\u0670\x00]*")
_GAP_RE = re.compile("(?<=[\u064b-\u0652\u0670]) (?=\x00)")
_LETTER_RE = re.compile("[\u0621-\u064a]")


def resolve(line: str, backwards: bool) -> str:
    """`line` with each NUL inside an Arabic word replaced by the letter the model picks, or kept.

    `backwards`: the line is in display order (read its words reversed). A NUL the model
    cannot settle is kept for the control-character rule.
    """
    if "\x00" not in line:
        return line
    if backwards:  # the gap a mark glyph leaves ("اً \0رهش"), which the visual rule drops too
        line = _GAP_RE.sub("", line)
    return _WORD_RE.sub(lambda m: _fill(m.group(), backwards), line)


def _fill(token: str, backwards: bool) -> str:
    if token.count("\x00") != 1:
        return token
    k = token.index("\x00")
    before, after = token[:k], token[k + 1:]
    if not _LETTER_RE.search(before + after):
        return token

    def word(letter: str) -> str:
        w = before + letter + after
        return w[::-1] if backwards else w  # marks do not count in the model, order of letters does

    marked = bool(_MARK.match(after[:1]) or _MARK.fullmatch(before[-1:]))
    if not marked and known(word("")):
        return before + after
    if len(_LETTER_RE.findall(token)) < 3:
        return token  # a fragment: some letter always makes a listed word of it
    scores = sorted(((logp(word(c)), c) for c in LETTERS), reverse=True)
    (best, letter), (second, _) = scores[0], scores[1]
    if best > UNKNOWN and best - second >= MARGIN:
        return before + letter + after
    return token

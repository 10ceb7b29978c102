"""Text a tool put on the wrong line, in documents that read backwards (pdfminer.six, pdfplumber).

- A fathatan whose glyph sits higher than its line (an old font draws it over the alef that
  follows it) becomes a line of its own under the line it belongs to. It goes back on the one
  word of that line that spelling lets take it: an indefinite word ending in a bare alef.
- pdfminer.six sorts the text boxes of a list by a key that puts a short line after a long one
  below it, so a one-line item comes after the first line of the next item and before that
  item's last line. A list item that breaks off mid-sentence, then a whole item, then a line
  with no bullet that ends the sentence, is put back as whole item, broken item, its end.
Clean documents never read backwards, so clean text never meets these rules.
"""

from __future__ import annotations

import re

from warraq.repair.model import known
from warraq.repair.text import SENTENCE_STOPS

FATHATAN = "\u064b"
BULLETS = "•◦▪‣●"
# A word ending in a bare alef that may carry tanween: not definite, not a pronoun suffix
# (ها نا), a plural verb (وا), nor a particle (كما إذا لذا ماذا).
_ALEF_WORD_RE = re.compile("(?<![\u0621-\u064a\u064b-\u0652])[\u0621-\u064a]{2,}\u0627(?![\u0621-\u064a\u064b-\u0652])")
_NO_TANWEEN_END_RE = re.compile("(?:ها|نا|وا|ما|ذا)$")


def tanween_home(line: str) -> str | None:
    """`line` (logical order) with a stray fathatan put on its one candidate word, else None."""
    spots = [m for m in _ALEF_WORD_RE.finditer(line)
             if not m.group().startswith("ال") and not _NO_TANWEEN_END_RE.search(m.group())
             and known(m.group())]
    if len(spots) != 1:
        return None
    end = spots[0].end() - 1  # before the final alef, as the standard spelling "حكرًا" has it
    return line[:end] + FATHATAN + line[end:]


def is_lone_tanween(line: str) -> bool:
    return line.strip() == FATHATAN


def marks_only(line: str) -> bool:
    """Is the line nothing but Arabic marks (and spaces)?"""
    return _MARKS_ONLY_RE.fullmatch(line) is not None


_MARKS_ONLY_RE = re.compile("[ \t]*(?:[\u064b-\u065f\u0670][ \t]*)+")


def _item(visual: str) -> bool:
    """Does a line in display order open a list item (a bullet at its right end)?"""
    s = visual.rstrip()
    return len(s) > 2 and s[-1] in BULLETS and s[-2].isspace()


def _finished(visual: str) -> bool:
    """Does a line in display order end a sentence (the stop at its left end)?"""
    return visual.lstrip()[:1] in SENTENCE_STOPS


def list_swaps(lines: list[str]) -> list[tuple[int, int]]:
    """Pairs (broken item, whole item) of line indices to swap, from lines in display order.

    The broken item must be a long line (a wrapped one fills its width) and longer than the
    whole item, or the pattern is a list without stops followed by a new paragraph.
    """
    filled = [i for i, t in enumerate(lines) if t.strip()]
    if len(filled) < 3:
        return []
    lengths = sorted(len(lines[i].strip()) for i in filled)
    full = lengths[int(0.9 * (len(lengths) - 1))]
    swaps = []
    for a, b, c in zip(filled, filled[1:], filled[2:]):
        y, x, z = lines[a].strip(), lines[b].strip(), lines[c].strip()
        if (_item(y) and not _finished(y) and _item(x) and _finished(x) and not _item(z) and _finished(z)
                and len(y) > len(x) and len(y) >= 0.75 * full):
            swaps.append((a, b))
    return swaps

"""Rule 2 where the cuts are marked: a line cut at its kashidas, the pieces written last-first.

LibreOffice stretches a justified line with kashida glyphs, each drawn on its own. Some tools
(pypdf) end a piece of text at each of them and write a right-to-left stretch of the line with
its pieces in reverse order, the kashida glyph's stand-in character at every cut:
"ه**اطئ تغطي**ورة لش**وكانت صاحبة الفكرة" for "وكانت صاحبة الفكرة ... صورة لشاطئ تغطيه".
A Latin or digit run ends such a stretch ("منص**ابة إماراتي**ا ش ... **تحXبر الحملات**دة من
أك** إلى واح"): the stretches themselves stay in order. A kashida sits inside a word, so the
pieces join without a space. cid.py removes the same stand-ins where the words around them are
already whole; here they are not, and the line is taken only where turning its pieces round
reads clearly better than leaving it (word frequencies, as in segments.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from warraq.repair.cid import CODE
from warraq.repair.model import UNKNOWN, logp

MIN_LINES = 2     # lines of a document that must read better turned
MIN_GAIN = 6.0  # log10 units the turned line must gain: its fragments must clearly make words
_WRITING = "0-9<>/.:%()\\[\\]|+=#@_!?'“”‘’„•·…–—\x00-"


@lru_cache(maxsize=64)
def _cut_re(letters: frozenset[str]) -> re.Pattern[str]:
    """A stand-in run between a letter or space and another: no letter of any script (a tool's
    stand-in for a letter or mark, or a Latin run) but the document's `letters` (foreign.py), no
    digit, no NUL (nul.py), no sign or quote that writing sets between words ("يوليو/تموز",
    "ص.ب", "“الخوارزميات”")."""
    also = f"[{re.escape(''.join(sorted(letters)))}]|" if letters else ""
    return re.compile(f"(?<=[\u0621-\u064a\u064b-\u065f ])(?:{also}(?![^\\W\\d_]|[{_WRITING}])(?:{CODE}))+"
                      "(?=[\u0621-\u064a ])")


_LTR_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.,:/%@_ -]*[A-Za-z0-9,%])?")
_WORD_RE = re.compile("[\u0621-\u064a\u064b-\u065f\u0670]+")


def turn(line: str, letters: frozenset[str] = frozenset()) -> str | None:
    """The line with the pieces of each right-to-left stretch put back in order, or None."""
    cut = _cut_re(letters)
    if cut.search(line) is None:
        return None
    out, pos = [], 0
    for m in _LTR_RE.finditer(line):
        out.append(_turn_stretch(line[pos:m.start()], cut))
        out.append(m.group())
        pos = m.end()
    out.append(_turn_stretch(line[pos:], cut))
    turned = "".join(out)
    return turned if _logp(turned) >= _logp(cut.sub(" ", line)) + MIN_GAIN else None


def turn_all(lines: list[str], letters: frozenset[str] = frozenset()) -> list[str | None]:
    """`turn` for each line of a document, or nothing where fewer than MIN_LINES turn: one
    tool wrote the whole document, and a line alone is no pattern ("الن,اتج المحلي")."""
    turned = [turn(line, letters) for line in lines]
    return turned if sum(t is not None for t in turned) >= MIN_LINES else [None] * len(lines)


def _turn_stretch(stretch: str, cut: re.Pattern[str]) -> str:
    """The pieces in reverse order. A stop before the first piece or after the last is the
    stretch's own end, drawn at its far left ("...ذا ليس المش**ه!" -> "هذا ليس المش...!",
    ".ازلهم$نين في من$..." -> "...نين في منازلهم."): it ends the turned stretch."""
    space = stretch[:len(stretch) - len(stretch.lstrip(" "))]
    rest = stretch[len(space):]
    stop = rest[:len(rest) - len(rest.lstrip(_STOPS))]
    body = rest[len(stop):].rstrip(_STOPS + " ")
    pieces = cut.split(body)
    # a kashida is inside a word: a space at a cut is the tool's, except at the stretch's ends
    inner = [p.lstrip(" ") if k < len(pieces) - 1 else p for k, p in enumerate(pieces)]
    inner = [p.rstrip(" ") if k else p for k, p in enumerate(inner)]
    return space + "".join(reversed(inner)) + stop + rest[len(stop) + len(body):]


_STOPS = ".!?؟:،,؛;"


def _logp(text: str) -> float:
    """The words' log10 frequency: fragments cost more than the whole words they come from,
    and a word the list does not know twice the rarest (two words glued must not pay off)."""
    return sum(lp if (lp := logp(w)) > UNKNOWN else 2 * UNKNOWN for w in _WORD_RE.findall(text))

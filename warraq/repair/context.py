"""Rule 2, continued: choosing among a line's tied reorderings from what surrounds them.

A unigram list sees no word pairs, so segments.py cannot place a cut between words or the seam
where the original line's end met its start: such readings tie. Two things it cannot see can:

- word pairs. A fake pair (a seam or a cut) is two words that met by chance; a restored pair
  is running text. pairs.py scores how much likelier a pair is in running text; a few pairs
  never occur at all (punctuation facing the wrong way, a preposition before another or before
  a clause opened by و/ف).
- the line's place in its paragraph. The last word of a line runs on into the next line, so the
  pair across a line break is running text too, and a paragraph's last line ends a sentence.
  Lines are filled greedily, so a line's first word did not fit at the end of the line above.

Scores are log10 likelihood ratios (running text against a chance pair). They choose among
readings segments.py found about equally good; whether a line moves at all stays with the word
evidence, whose bar is lower only in a document that shows the damage beyond doubt on other
lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from warraq.arabic.chars import TATWEEL
from warraq.repair.glued import glued_readings, shows_a_seam
from warraq.repair.model import logp, word_key
from warraq.repair.pairs import pair_logratio
from warraq.repair.segments import (
    ATTACHES_LEFT,
    MAX_READINGS,
    MIN_SCORE,
    MIN_SCORE_DAMAGED,
    SegmentFix,
    free_readings,
    readings,
    reads_otherwise_when_cut,
)
from warraq.repair.text import EDGE_PUNCT

_SENTENCE_END_RE = re.compile("[.!?؟…:][»)\"']*$")
_MARKER_RE = re.compile(r"^(#+|[-*•>]|[0-9\u0660-\u0669]{1,2}[.)])(\s|$)")
_OPENING = frozenset("([{«")
PREPOSITIONS = frozenset("في من إلى الى على عن مع حتى منذ".split())
# Words that open a phrase and are followed by its head: a clause opened by و/ف cannot come next
GOVERNORS = PREPOSITIONS | frozenset("أن بأن لأن إن لن لم قد سوف الذي التي الذين هذا هذه كل بعض أي لدى "
                                     "عند بين خلال حول نحو عبر".split())

CONFLICT = -1.5         # never side by side: punctuation facing a space, في من, في وقال
PAIR_WEIGHT = 0.3       # pairs.py's features overlap (a word and its letters), so its log-odds
                        # overstate the evidence; this share ranks readings best (bench/texts)
PARAGRAPH_END = 1.0     # a paragraph's last line ends a sentence (on top of segments.SENTENCE_END)
SHORT_LINE = 0.85       # shorter than this share of the document's line width: a paragraph's last
CLEAR_SCORE = 8.0       # a reading this sure shows the document has the damage ...
CLEAR_LINES = 3         # ... and this many such lines let weaker readings through (MIN_SCORE_DAMAGED)
GLUED_MARGIN = 1.0      # a line reads clearly with cuts no space shows only this much better than without
GLUED_TRIES = 10        # lines showing a seam tried before a document is taken not to glue its cuts
WRAP_STEP = 0.3         # per character of room left: a first word that would have fitted above ...
WRAP_MAX = 1.5          # ... costs at most this (widths are counted in characters, not glyph widths)


@lru_cache(maxsize=200_000)  # a document's readings share most of their word pairs
def pair_score(a: str, b: str) -> float:
    """How much more a..b reads like running text than like two words that met by chance."""
    if a[-1:] in _OPENING or b[:1] in ATTACHES_LEFT:
        return CONFLICT
    wa, wb = _word(a), _word(b)
    if wa in GOVERNORS and a[-1:] not in EDGE_PUNCT and (
            conjunction(wb) or (wa in PREPOSITIONS and wb in PREPOSITIONS)):
        return CONFLICT
    return PAIR_WEIGHT * pair_logratio(a, b)


def _word(token: str) -> str:
    """The token without tashkeel, tatweel and the punctuation around it."""
    return word_key(token).strip(EDGE_PUNCT)


def conjunction(word: str) -> bool:
    """Is the word و/ف plus a word the list knows better than the whole (والكهرباء, فقال)?"""
    return len(word) > 2 and word[0] in "وف" and logp(word[1:]) > logp(word)


def line_score(tokens: Sequence[str]) -> float:
    return sum(pair_score(a, b) for a, b in zip(tokens, tokens[1:]))


def choose(lines: Sequence[str], eligible: Sequence[bool]) -> list[SegmentFix | None]:
    """Each eligible line's reordering (None to keep it), chosen with its neighbours in view.

    Lines are a chain: a reading's score is its own (segments.py) plus its word pairs, the pair
    its first word makes with the line above, whether that word would have fitted on the line
    above (`wrap_score`), and the sentence end a paragraph's last line needs. The best chain is
    found by dynamic programming over the lines' readings.
    """
    ends = _paragraph_ends(lines)
    options = _options(lines, eligible, ends)
    width = _width(lines, 0.8)
    # room each option leaves at its line's end: a next first word longer than it did not fit
    rooms = [[width - 1 - _length(fix.text if fix else text) for fix, _ in opts] for opts, text in zip(options, lines)]
    # best[k][o]: score of the best chain ending in option o of line k, and the option before it
    best: list[list[tuple[float, int]]] = []
    for k, opts in enumerate(options):
        row = []
        if k:  # the line above's options: the best chain's score, last word and room left
            ends_above = [(score, toks[-1], room) for (score, _), (_, toks), room
                          in zip(best[k - 1], options[k - 1], rooms[k - 1])]
        for fix, toks in opts:
            # the line as it is has word pairs too: a reading gains only where it differs (a line
            # with one option adds the same to every chain)
            own = (line_score(toks) if len(opts) > 1 else 0.0) + (fix.gain if fix is not None else 0.0)
            if ends[k] and (_SENTENCE_END_RE.search(toks[-1]) or toks[0].startswith("#")):
                own += PARAGRAPH_END
            if k == 0 or ends[k - 1] or not lines[k - 1].strip():
                row.append((own, -1))
                continue
            first = toks[0]
            flen = _length(first)
            top, arg = max((score + pair_score(last, first) + _fitted(room, flen), p)
                           for p, (score, last, room) in enumerate(ends_above))
            row.append((own + top, arg))
        best.append(row)
    chosen: list[SegmentFix | None] = []
    o = -1
    for k in range(len(lines) - 1, -1, -1):
        if o < 0:  # the chain starts again here
            o = max(range(len(best[k])), key=lambda i: best[k][i][0])
        chosen.append(options[k][o][0])
        o = best[k][o][1]
    return chosen[::-1]


def _options(lines: Sequence[str], eligible: Sequence[bool],
             ends: Sequence[bool]) -> list[list[tuple[SegmentFix | None, list[str]]]]:
    """Each line's readings with their tokens, or the line as it is.

    A reading must reach MIN_SCORE, or only MIN_SCORE_DAMAGED where CLEAR_LINES other lines of
    the document show the damage beyond doubt; there, a line with no word evidence may still
    move where its markers or sentence ends show it is out of order (segments.free_readings).
    """
    found = [readings(text) if ok else () for text, ok in zip(lines, eligible)]
    read: Callable[[str, bool], tuple[SegmentFix, ...]] = readings
    if _glued(lines, eligible, found):  # cuts with no space, shown on several lines
        read = _read_glued
        found = [read(text, False) if ok else () for text, ok in zip(lines, eligible)]
    clear = sum(bool(f) and f[0].gain >= CLEAR_SCORE for f in found)
    damaged = clear >= CLEAR_LINES
    floor = MIN_SCORE_DAMAGED if damaged else MIN_SCORE
    if damaged:  # a lone و here is more likely a word's first letter cut off than set apart
        found = [read(text, True) if ok and reads_otherwise_when_cut(text) else f
                 for text, ok, f in zip(lines, eligible, found)]
    out: list[list[tuple[SegmentFix | None, list[str]]]] = []
    for text, fixes, ok, end in zip(lines, found, eligible, ends):
        opts: list[tuple[SegmentFix | None, list[str]]] = [(f, f.text.split(" ")) for f in fixes if f.gain >= floor]
        if damaged and ok and not fixes:
            opts = [(f, f.text.split(" ")) for f in free_readings(text, end)]
            if opts:
                opts.append((None, text.split(" ")))
        out.append(opts or [(None, text.split(" "))])
    return out


def _glued(lines: Sequence[str], eligible: Sequence[bool], found: Sequence[tuple[SegmentFix, ...]]) -> bool:
    """Do CLEAR_LINES lines read clearly with cuts inside tokens (glued.py), better than with
    the spaces they have? A tool that glues the pieces of cut lines does it on most of the
    lines it cuts: if the first GLUED_TRIES lines that show a seam read no better so, none is
    read on (a clean text's unknown words show seams too)."""
    seams = [k for k, (text, ok) in enumerate(zip(lines, eligible)) if ok and shows_a_seam(text)]
    if len(seams) < CLEAR_LINES:
        return False
    clear = 0
    for tried, k in enumerate(seams):
        if not clear and tried >= GLUED_TRIES:
            return False
        spaced = found[k][0].gain if found[k] else 0.0
        clear += bool(glued_readings(lines[k], least=max(CLEAR_SCORE, spaced + GLUED_MARGIN)))
        if clear >= CLEAR_LINES:
            return True
    return False


def _read_glued(text: str, shown_cut: bool = False) -> tuple[SegmentFix, ...]:
    """A line's readings with a space at each cut and without, best first; as with `readings`,
    none below MIN_SCORE_DAMAGED, which no document lets through (a line with none may still
    be rotated in a damaged document: `free_readings`)."""
    both = readings(text, shown_cut) + glued_readings(text, shown_cut, least=MIN_SCORE_DAMAGED)
    return tuple(sorted(both, key=lambda f: -f.gain))[:MAX_READINGS]


def _paragraph_ends(lines: Sequence[str]) -> list[bool]:
    """Lines that end a paragraph: followed by a blank line, a heading or list item, or short."""
    width = _width(lines, 0.8)
    out = []
    for k, text in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        # short, and the next line's first word would have fitted at its end
        short = _length(text) < SHORT_LINE * width and width - 1 - _length(text) >= _length(nxt.split(" ")[0])
        out.append(bool(text.strip()) and (not nxt.strip() or bool(_MARKER_RE.match(nxt)) or short))
    return out


def wrap_score(above: int, first: str, width: int) -> float:
    """Lines are filled greedily: a first word that would have fitted on the line above is unlikely."""
    return _fitted(width - 1 - above, _length(first))


def _fitted(room: int, length: int) -> float:
    """The cost of a first word `length` characters long where the line above had `room` left."""
    return 0.0 if room < length else -min(WRAP_MAX, WRAP_STEP * (room - length + 1))


def _length(text: str) -> int:
    """A line's length without kashida, which stretches a line only to justify it."""
    return len(text.replace(TATWEEL, ""))


def _width(lines: Sequence[str], share: float) -> int:
    lengths = sorted(_length(t) for t in lines if t.strip())
    return lengths[int(share * (len(lengths) - 1))] if lengths else 0

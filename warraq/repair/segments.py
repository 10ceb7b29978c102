"""Rule 2: a justified line whose pieces were written last-first.

A producer cut the line into 2-4 pieces, after a letter that does not join to the left or at a
kashida, and a tool wrote the pieces in reverse order with a space at each cut. For damaged
tokens d[0..n-1] and cuts g1 < ... < gm, the pieces are Q1 = d[0:g1], ..., and the original is
Q(m+1) ... Q1. At each junction the last token of one piece meets the first token of the next:
a mid-word cut rejoins without a space, a cut between words keeps one space.

Scoring uses only the junctions: joining a and b gains logp(ab) - logp(a) - logp(b), which is
large when two fragments make a real word (جد + يدة -> جديدة) and negative for two words. Each
cut costs a fixed penalty, so the identity (no cut) wins unless the fragments speak clearly.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from warraq.arabic.chars import TATWEEL
from warraq.repair.model import NON_JOINING, logp
from warraq.repair.text import arabic_core, split_core

CUT_PENALTY = 2.5
MIN_JOIN_GAIN = 3.0
MAX_CUTS = 3
MIN_JOINED = -8.0
MAX_TOKENS = 40


@dataclass(frozen=True)
class SegmentFix:
    """The chosen reordering of one line."""

    text: str
    cuts: tuple[int, ...]
    joins: int
    gain: float


def _cuttable_end(token: str) -> bool:
    """Could a piece end inside a word here? (after a non-joining letter, or at a kashida)"""
    return bool(token) and (token[-1] in NON_JOINING or token[-1] == TATWEEL)


def join_gain(left: str, right: str) -> float:
    """How much better left+right reads as one word than as two (log10 units; 0 if not joinable)."""
    lcore, rcore = _left_core(left), _right_core(right)
    if not lcore or not rcore:
        return 0.0
    return _core_gain(lcore, rcore)


def _left_core(token: str) -> str:
    """The Arabic core of a token that can end a piece mid-word ('' if it cannot)."""
    pre, core, post = split_core(token)
    if post or not core or not arabic_core(token):
        return ""
    return core if _cuttable_end(core) else ""


def _right_core(token: str) -> str:
    """The Arabic core of a token that can start a piece mid-word ('' if it cannot)."""
    pre, core, _ = split_core(token)
    if pre or not core or not arabic_core(token):
        return ""
    return core


def _core_gain(lcore: str, rcore: str) -> float:
    joined = logp(lcore + rcore)
    if joined < MIN_JOINED:  # the rarest listed words are mostly typos of the web ("هذالعرض")
        return 0.0
    return joined - _left_logp(lcore) - logp(rcore)


def _left_logp(core: str) -> float:
    """A lone "و" or "ا" ending a piece is a cut-off prefix, not the conjunction: rate it low."""
    return min(logp(core), -8.0) if len(core) == 1 else logp(core)


def find_segments(line: str) -> SegmentFix | None:
    """The best reordering of a line with reversed pieces, or None if the line reads as it is."""
    tokens = line.split(" ")
    n = len(tokens)
    if n < 2 or n > MAX_TOKENS or "" in tokens:
        return None
    lefts = [(i, c) for i, c in enumerate(map(_left_core, tokens)) if c]
    if not lefts:
        return None
    rights = [(j, c) for j, c in enumerate(map(_right_core, tokens)) if c]
    gains: dict[tuple[int, int], float] = {}
    for i, lc in lefts:
        for j, rc in rights:
            if i != j:
                g = _core_gain(lc, rc)
                if g >= MIN_JOIN_GAIN:
                    gains[(i, j)] = g
    if not gains:
        return None
    best: tuple[float, tuple[int, ...]] = (0.0, ())
    for cuts in sorted(_candidates(gains, n), key=lambda c: (len(c), c)):
        score = _score(cuts, n, gains) - CUT_PENALTY * len(cuts)
        if score <= 0.0:
            continue
        score += _edge_prior(tokens, cuts)
        if score > best[0] + 1e-9:
            best = (score, cuts)
    if not best[1]:
        return None
    return _apply(tokens, best[1], gains, best[0])


_FINAL = tuple(".!?؟…:")


def _edge_prior(tokens: list[str], cuts: tuple[int, ...]) -> float:
    """Where the original line began and ended: no word pair evidence, so weak hints only.

    One cut of the damaged line is the seam between the original line's end and its start;
    sentence-final punctuation likes to be at the end; a restored line should not start with
    punctuation; otherwise pieces of similar length are slightly preferred.
    """
    n = len(tokens)
    end, start = tokens[cuts[0] - 1], tokens[cuts[-1]]
    bonus = 0.0
    if end.endswith(_FINAL):
        bonus += 0.4
    if start[:1] in "،,.:;؛)]»":
        bonus -= 0.4
    bounds = (0, *cuts, n)
    sizes = [b - a for a, b in zip(bounds, bounds[1:])]
    return bonus - 0.01 * (max(sizes) - min(sizes))


def _candidates(gains: dict[tuple[int, int], float], n: int) -> set[tuple[int, ...]]:
    """Cut sets worth scoring: cuts next to a joinable fragment, plus at most one free cut.

    A junction (i, j) only exists if a cut falls right after token i and another right before
    token j, so the useful cuts are those; the one cut that is the original line's edges has no
    fragment beside it and may fall anywhere.
    """
    pinned = sorted({p for i, j in gains for p in (i + 1, j) if 0 < p < n})
    out: set[tuple[int, ...]] = set()
    for m in range(0, min(MAX_CUTS, len(pinned)) + 1):
        for sub in combinations(pinned, m):
            if sub:
                out.add(sub)
            if m < MAX_CUTS:
                for free in range(1, n):
                    if free not in sub:
                        out.add(tuple(sorted((*sub, free))))
    return out


def _junctions(cuts: tuple[int, ...], n: int) -> list[tuple[int, int]]:
    """(left token, right token) at each junction of the restored line."""
    g = (0, *cuts, n)
    return [(g[j + 1] - 1, g[j - 1]) for j in range(1, len(cuts) + 1)]


def _score(cuts: tuple[int, ...], n: int, gains: dict[tuple[int, int], float]) -> float:
    return sum(gains.get(pair, 0.0) for pair in _junctions(cuts, n))


def _apply(tokens: list[str], cuts: tuple[int, ...], gains: dict[tuple[int, int], float], gain: float) -> SegmentFix:
    g = (0, *cuts, len(tokens))
    spans = [(g[j], g[j + 1]) for j in range(len(g) - 1)][::-1]  # restored order
    out = " ".join(tokens[spans[0][0]:spans[0][1]])
    joins = 0
    for (_, prev_end), (start, end) in zip(spans, spans[1:]):
        piece = " ".join(tokens[start:end])
        if gains.get((prev_end - 1, start), 0.0) > 0:
            out += piece
            joins += 1
        else:
            out += " " + piece
    return SegmentFix(out, cuts, joins, gain)

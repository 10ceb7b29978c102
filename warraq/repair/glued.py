"""Rule 2, where a tool wrote the pieces of a cut line back to back with no space at a cut.

Most tools put a space at each cut ("يفية يدة لدعم ... الر أعلنت"), and segments.py reads such
lines. Some write the pieces straight on ("يفيةيدة لدعم ... الرأعلنت"): a cut then falls inside a
token, and the token is no word. Such a token is split where its parts read better ("الر" +
"أعلنت"), or where a sign that ends a sentence or a percentage runs into a letter ("35%في"), and
the line is read as if a space stood there, on condition that the reading cuts there. Each such
cut costs GLUE_CUT more than a cut a space shows. Only a document in which several lines read
clearly this way, better than with the spaces they have, is read so (context.py): a clean text's
unknown words would otherwise be split into fragments that happen to join elsewhere.
"""

from __future__ import annotations

import itertools
import math
import re
from functools import lru_cache

from warraq.arabic.chars import is_mark
from warraq.repair.model import UNKNOWN, logp
from warraq.repair.segments import (
    CUT_PENALTY,
    MAX_CUES,
    MAX_CUTS,
    MAX_READINGS,
    MAX_TOKENS,
    READING_MARGIN,
    SegmentFix,
    pair_gains,
    readings,
)

GLUE_CUT = 0.5          # log10: what a cut that no space shows costs on top of a cut's penalty
WORDS_APART = -7.0      # log10: a token parted into two words both commoner than this gains the
                        # margin of the rarer one (an unknown token that is two words is a seam)
SPLIT_FLOOR = -9.0      # a part the list does not know scores this when splits are ranked
MAX_SPLITS = 2          # split points tried per token
MAX_GLUED = 3           # tokens tried, the likeliest splits first
MAX_PARTED = 40         # letters: two words run together are shorter (every split point is looked up)
# a sign that ends a sentence (or a percentage) run into a letter or, after a word, into a digit;
# a letter run into a heading marker
_SEAM_RE = re.compile("(?<=[.!?؟،:؛%»)])(?=[\u0621-\u064a])|(?<=[\u0621-\u064a][.!?؟،:؛])(?=[0-9\u0660-\u0669])"
                      "|(?<=[\u0621-\u064a\u064b-\u0652])(?=#)")
_EDGE = ".!?؟،:؛%»)«(\"'"
_WORD_RE = re.compile("[\u0621-\u064a\u064b-\u0652\u0670]+")


@lru_cache(maxsize=50_000)
def _splits(token: str) -> tuple[tuple[float, int], ...]:
    """Where a token may hold a cut with no space: (score, position), likeliest first."""
    seam = _SEAM_RE.search(token)
    if seam is not None and 0 < seam.start() < len(token):
        return ((0.0, seam.start()),)
    core = token.strip(_EDGE)
    if not 3 <= len(core) <= MAX_PARTED or not _WORD_RE.fullmatch(core) or logp(core) > UNKNOWN:
        return ()
    start = token.index(core)
    found = []
    for k in range(1, len(core)):
        if is_mark(core[k]):
            continue
        left, right = logp(core[:k]), logp(core[k:])
        if left > UNKNOWN or right > UNKNOWN:  # one part at least a listed word (or word part)
            found.append((max(left, SPLIT_FLOOR) + max(right, SPLIT_FLOOR), start + k))
    found.sort(reverse=True)
    return tuple(found[:MAX_SPLITS])


def _parted(tokens: list[str], at: dict[int, int]) -> tuple[list[str], list[int], float]:
    """The tokens with those in `at` parted at the given places, the positions of the parts
    that start a piece, and what the partings add to a reading: the gain of tokens parted into
    two words less GLUE_CUT each."""
    spaced: list[str] = []
    cuts = []
    bonus = 0.0
    for i, t in enumerate(tokens):
        if i in at:
            spaced.append(t[:at[i]])
            cuts.append(len(spaced))
            spaced.append(t[at[i]:])
            bonus += max(0.0, min(logp(spaced[-2]), logp(spaced[-1])) - WORDS_APART)
        else:
            spaced.append(t)
    return spaced, cuts, bonus - GLUE_CUT * len(cuts)


def _bound(gains: dict[tuple[int, int], float], n: int, fewest: int) -> float:
    """The most a reading of n tokens with `fewest` cuts or more can score from junctions that
    rejoin words (segments._scored): one cut joins the last token to the first; two join the
    last token and the first to others; a third adds one junction anywhere."""
    first = max((g for (_, j), g in gains.items() if j == 0), default=0.0)
    last = max((g for (i, _), g in gains.items() if i == n - 1), default=0.0)
    scores = (gains.get((n - 1, 0), 0.0) - CUT_PENALTY, first + last - 2 * CUT_PENALTY,
              first + last + max(gains.values(), default=0.0) - 3 * CUT_PENALTY)
    return max(scores[fewest - 1:])


def shows_a_seam(line: str) -> bool:
    """Has the line a token that is two words, or a sentence's end run into a letter? (Where
    no line has one, a document's lines are not worth reading with cuts inside tokens.)"""
    for token in line.split(" "):
        splits = _splits(token)
        if splits and (splits[0][0] == 0.0 or splits[0][0] > 2 * WORDS_APART):
            return True
    return False


@lru_cache(maxsize=20_000)
def glued_readings(line: str, shown_cut: bool = False, least: float | None = None) -> tuple[SegmentFix, ...]:
    """Reorderings of a line that cut inside tokens where no space shows the cut, best first
    (within READING_MARGIN of the best); each cut inside a token costs GLUE_CUT. With `least`,
    only readings that score that much (the test of a whole document, context._glued). Words
    cut twice are not searched for, so that what the words a parting rejoins can score bounds
    its readings: a parting is not read at all where that bound falls short."""
    tokens = line.split(" ")
    if "" in tokens or len(tokens) > MAX_TOKENS:
        return ()
    spots = sorted(((s, i) for i, t in enumerate(tokens) if (s := _splits(t))), key=lambda si: -si[0][0][0])
    # every way of parting the glued tokens, with the most the words it rejoins can score:
    # read the likeliest first, and none that cannot come within READING_MARGIN of the best
    variants = []
    for n in range(1, MAX_CUTS + 1):
        for chosen in itertools.combinations(spots[:MAX_GLUED], n):
            for ks in itertools.product(*[[k for _, k in splits] for splits, _ in chosen]):
                spaced, cuts, extra = _parted(tokens, dict(zip([i for _, i in chosen], ks)))
                top = _bound(pair_gains(spaced, shown_cut)[2], len(spaced), len(cuts)) + MAX_CUES + extra
                variants.append((top, spaced, cuts, extra))
    variants.sort(key=lambda v: -v[0])
    found: list[SegmentFix] = []
    least = -math.inf if least is None else least
    floor = least
    for top, spaced, cuts, extra in variants:
        if top < floor:
            break
        for r in readings(" ".join(spaced), shown_cut, chains=False):
            if set(cuts) <= set(r.cuts) and r.gain + extra >= least:
                found.append(SegmentFix(r.text, r.cuts, r.joins, r.gain + extra))
                floor = max(floor, r.gain + extra - READING_MARGIN)
    if not found:
        return ()
    found.sort(key=lambda f: -f.gain)
    best, seen, kept = found[0].gain, set(), []
    for f in found:
        if f.gain >= best - READING_MARGIN and f.text not in seen:
            seen.add(f.text)
            kept.append(f)
    return tuple(kept[:MAX_READINGS])

"""The Arabic word model used to score repairs: wordfreq's Arabic list, loaded lazily and once.

Scores are log10 relative frequencies. Words missing from the list get a flat floor below the
rarest listed word, so "a real word" always beats "a fragment". Lookups ignore tashkeel and
tatweel (the list has neither); hamza spellings are kept as the list keeps them.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

UNKNOWN = -11.0          # below the rarest listed word (about 1e-8)


_FREQS: dict[str, float] | None = None


def _freqs() -> dict[str, float]:
    global _FREQS
    if _FREQS is None:  # asked for every word not scored yet: load and keep it once
        from warraq.arabic.lexicon import frequencies

        _FREQS = frequencies()
    return _FREQS


def warm() -> None:
    """Load the word list and the pair model now (benchmarks call this so load time is not
    counted per line)."""
    from warraq.repair.pairs import model

    _freqs()
    model()


_STRIP_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def word_key(word: str) -> str:
    """The lookup form: without tashkeel and tatweel (the list has neither)."""
    return _STRIP_RE.sub("", word)


@lru_cache(maxsize=200_000)
def logp(word: str) -> float:
    """log10 relative frequency of an Arabic word; UNKNOWN if not listed."""
    f = _freqs().get(word_key(word))
    return math.log10(f) if f else UNKNOWN


def listed() -> dict[str, float]:
    """The word list by lookup form (`word_key`), for a membership test before many lookups."""
    return _freqs()


def known(word: str) -> bool:
    return logp(word) > UNKNOWN


CONJUNCTION = -1.0  # log10: a word behind و or ف, for one the list leaves out ("ولطالب")


def logp_conj(word: str) -> float:
    """logp, or that of the word without a leading و/ف (the list lacks many such forms)."""
    lp = logp(word)
    if len(word) > 3 and word[0] in "وف":
        lp = max(lp, logp(word[1:]) + CONJUNCTION)
    return lp


# Letters that do not join to the following letter: a justified line may be cut after them.
NON_JOINING = frozenset("اأإآٱدذرزوؤةء")


_TOKEN_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0640]+")


def is_debris(line: str) -> bool:
    """Is most of the line's Arabic no words at all (glyphs a tool tore apart)?"""
    runs = _TOKEN_RE.findall(line)
    if len(runs) < 3:
        return False
    bad = sum(1 for r in runs if len(word_key(r)) < 2 or logp(r) <= UNKNOWN)
    return bad > len(runs) / 2

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


def _freqs() -> dict[str, float]:
    from warraq.arabic.lexicon import frequencies

    return frequencies()


def warm() -> None:
    """Load the word list now (benchmarks call this so load time is not counted per line)."""
    _freqs()


_STRIP_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def _key(word: str) -> str:
    """The lookup form: without tashkeel and tatweel (the list has neither)."""
    return _STRIP_RE.sub("", word)


@lru_cache(maxsize=200_000)
def logp(word: str) -> float:
    """log10 relative frequency of an Arabic word; UNKNOWN if not listed."""
    f = _freqs().get(_key(word))
    return math.log10(f) if f else UNKNOWN


def known(word: str) -> bool:
    return logp(word) > UNKNOWN


# Letters that do not join to the following letter: a justified line may be cut after them.
NON_JOINING = frozenset("اأإآٱدذرزوؤةء")

"""The Arabic word model used to score repairs: wordfreq's Arabic list, loaded lazily and once.

Scores are log10 relative frequencies. Words missing from the list get a floor below the
rarest listed word, so "a real word" always beats "a fragment". Lookups ignore tashkeel and
tatweel, and fold alef variants only as a fallback (the list itself keeps hamza spellings).
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

UNKNOWN = -11.0          # below the rarest listed word (about 1e-8)
_FREQ: dict[str, float] | None = None


def _freqs() -> dict[str, float]:
    global _FREQ
    if _FREQ is None:
        try:
            import wordfreq

            _FREQ = wordfreq.get_frequency_dict("ar")
        except Exception:  # no data installed: every word is unknown, repairs become conservative
            _FREQ = {}
    return _FREQ


def warm() -> None:
    """Load the word list now (benchmarks call this so load time is not counted per line)."""
    _freqs()


def _key(word: str) -> str:
    if not any(unicodedata.category(c) == "Mn" or c == "\u0640" for c in word):
        return word
    return "".join(c for c in word if unicodedata.category(c) != "Mn" and c != "\u0640")


@lru_cache(maxsize=200_000)
def logp(word: str) -> float:
    """log10 relative frequency of an Arabic word; UNKNOWN if not listed."""
    f = _freqs().get(_key(word))
    return math.log10(f) if f else UNKNOWN


def known(word: str) -> bool:
    return logp(word) > UNKNOWN


# Letters that do not join to the following letter: a justified line may be cut after them.
NON_JOINING = frozenset("اأإآٱدذرزوؤةءى") - frozenset("ى")


def is_arabic_word(token: str) -> bool:
    """A token made of Arabic letters (and marks/tatweel) only."""
    return bool(token) and all(
        unicodedata.bidirectional(c) == "AL" and not c.isdigit() or unicodedata.category(c) == "Mn"
        for c in token
    ) and any(unicodedata.category(c).startswith("L") for c in token)

"""Arabic word frequencies (from the wordfreq package's bundled data), loaded once, lazily."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_DICT: dict[str, float] | None = None


def _freqs() -> dict[str, float]:
    global _DICT
    if _DICT is None:
        try:
            import wordfreq

            _DICT = wordfreq.get_frequency_dict("ar")
        except Exception:  # no data: every decision falls back to geometry alone
            _DICT = {}
    return _DICT


def _key(word: str) -> str:
    return "".join(c for c in word if unicodedata.category(c) != "Mn" and c != "\u0640")


@lru_cache(maxsize=65536)
def frequency(word: str) -> float:
    """Relative frequency of a word in Arabic text (0.0 if unknown)."""
    return _freqs().get(_key(word), 0.0)


def prefer_joined(left: str, right: str) -> bool:
    """Is left+right one word stretched apart, rather than two words?

    A unigram model compares the two readings: the joined word against the two words
    occurring side by side.
    """
    joined = frequency(left + right)
    return joined > 0.0 and joined > frequency(left) * frequency(right)

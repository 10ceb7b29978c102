"""Arabic word frequencies (from the wordfreq package's bundled data), loaded once, lazily."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_DICT: dict[str, float] | None = None


def frequencies() -> dict[str, float]:
    """Word -> relative frequency for Arabic (empty if the data is missing)."""
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
    return frequencies().get(_key(word), 0.0)


def prefer_joined(left: str, right: str) -> bool:
    """Is left+right one word pulled apart (by kashida or odd glyph boxes) rather than two words?

    Only a fragment can be half of a split word, so one side must be rare on its own; the
    joined word must then be far likelier than the two pieces side by side (a unigram model,
    with a wide margin so that real pairs such as "لا بد" stay apart).
    """
    joined = frequency(left + right)
    if joined <= 0.0:
        return False
    a, b = frequency(left), frequency(right)
    return min(a, b) < FRAGMENT and joined > MARGIN * a * b


FRAGMENT = 1e-5  # rarer than this on its own: may be a piece of a word
MARGIN = 1000.0

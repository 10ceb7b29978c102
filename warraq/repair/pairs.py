"""Word pairs: how much more two adjacent words read like running Arabic than two that met by chance.

A unigram list cannot see where a line was cut between words: a seam joins two words that met by
chance, a restored pair is running text. This model tells them apart from features of the two
words: the word itself if it is among the commonest, its first and last letters and letter
pairs, the article, a leading conjunction, tanween, the punctuation around it. A logistic
regression over every feature of the left word crossed with every feature of the right one is
trained (scripts/train_pairs.py) on pairs of adjacent words against pairs of words drawn at
random from the whole corpus, so its log-odds is a log likelihood ratio. The training text is
original prose in many genres written for this project (data/pair-corpus/), none of it the
benchmark's.

The weights ship with the package and load lazily, once, on the first pair asked about.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from warraq.repair.model import logp, word_key
from warraq.repair.text import CLOSING_PUNCT, OPENING_PUNCT

MODEL_FILE = "wordpairs.json.gz"
_TRAIL_CLASS = {**dict.fromkeys(".!?؟…", "."), **dict.fromkeys("،,", "،"), **dict.fromkeys(":;؛", ":")}
_DEFINITE_RE = re.compile("^([وف]?[بكل]?ال|[وف]?لل)")
_DIGIT_RE = re.compile("[0-9\u0660-\u0669]")
_ARABIC_RE = re.compile("[\u0621-\u064a]")


def token_features(token: str, common: frozenset[str]) -> tuple[str, ...]:
    """The features of one token; `common` is the model's list of words known by themselves."""
    out = []
    core = token.lstrip(OPENING_PUNCT)
    if len(core) < len(token):
        out.append("B:" + token[0])
    bare = core.rstrip(CLOSING_PUNCT)
    out.append("E:" + (_TRAIL_CLASS.get(core[len(bare)], "»") if len(bare) < len(core) else "-"))
    word = word_key(bare)
    if not word:
        return tuple(out)
    if _DIGIT_RE.search(word):
        return (*out, "NUM")
    if not _ARABIC_RE.search(word):
        return (*out, "LAT")
    if word in common:
        out.append("W:" + word)
    out += ["F:" + word[0], "L:" + word[-1]]
    if len(word) > 2:
        out += ["F2:" + word[:2], "L2:" + word[-2:]]
        if word[0] in "وف" and logp(word[1:]) > logp(word):
            out.append("CONJ")
    if _DEFINITE_RE.match(word):
        out.append("DEF")
    if bare.endswith(("ًا", "اً", "ً")):
        out.append("TAN")
    return tuple(out)


@dataclass(frozen=True, eq=False)  # hashed by identity: a key of the feature cache
class PairModel:
    common: frozenset[str]
    bias: float                 # natural-log odds of a pair with no known crossed feature
    weights: dict[str, dict[str, float]]   # left feature -> right feature -> natural-log odds

    def logratio(self, a: str, b: str) -> float:
        """log10 of how much likelier a..b is in running text than as a chance pair."""
        fb = self.features(b)
        z = self.bias
        for x in self.features(a):
            row = self.weights.get(x)
            if row:
                z += sum(row.get(y, 0.0) for y in fb)
        return z / math.log(10)

    def features(self, token: str) -> tuple[str, ...]:
        return _features(self, token)


@lru_cache(maxsize=50_000)
def _features(model: PairModel, token: str) -> tuple[str, ...]:
    return token_features(token, model.common)


_MODEL: PairModel | None = None


def model() -> PairModel:
    """The shipped model, loaded on first use (an empty one if the file is missing)."""
    global _MODEL
    if _MODEL is None:
        try:
            raw = resources.files("warraq.repair").joinpath("data").joinpath(MODEL_FILE).read_bytes()
            data = json.loads(gzip.decompress(raw))
            _MODEL = PairModel(frozenset(data["common"]), float(data["bias"]), data["weights"])
        except (OSError, ValueError, KeyError):  # a broken install: pairs stay neutral
            _MODEL = PairModel(frozenset(), 0.0, {})
    return _MODEL


def pair_logratio(a: str, b: str) -> float:
    return model().logratio(a, b)

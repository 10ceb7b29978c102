"""Word pairs: how much more two adjacent words read like running Arabic than two that met by chance.

A unigram list cannot see where a line was cut between words: a seam joins two words that met by
chance, a restored pair is running text. This model tells them apart from features of the two
words: the word itself if it is among the commonest, its stem without the article or a leading
conjunction or preposition, that stem without an ending, its first and last one to three
letters, the article, a leading conjunction, tanween, the punctuation around it. A logistic
regression over every feature of the left word crossed with every feature of the right one is
trained (scripts/train_pairs.py) on pairs of adjacent words against pairs of words drawn at
random from the whole corpus, so its log-odds is a log likelihood ratio. The training text is
original prose in many genres written for this project (data/pair-corpus/), none of it the
benchmark's.

Stems crossed with stems are millions of features, so they are hashed into a fixed table of
one-byte weights: a small file, loaded in a blink, where features that share a slot (mostly
rare ones) cost little. It ships with the package and loads lazily, once, on the first pair
asked about.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from warraq.repair.model import logp, word_key
from warraq.repair.text import CLOSING_PUNCT, OPENING_PUNCT

MODEL_FILE = "wordpairs.bin.gz"   # a JSON header line, then the table as signed bytes
_MIX = 0x9E3779B1                  # spreads a left feature's code before it meets a right one
_TRAIL_CLASS = {**dict.fromkeys(".!?؟…", "."), **dict.fromkeys("،,", "،"), **dict.fromkeys(":;؛", ":")}
_DEFINITE_RE = re.compile("^([وف]?[بكل]?ال|[وف]?لل)")
_DIGIT_RE = re.compile("[0-9\u0660-\u0669]")
_ARABIC_RE = re.compile("[\u0621-\u064a]")
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")  # longest first
_ENDINGS = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ات", "ون", "ين", "ان", "ية", "ة", "ه", "ك", "ي")


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
    out.append("S:" + stem(word))
    out += ["F:" + word[0], "L:" + word[-1]]
    if len(word) > 2:
        out += ["F2:" + word[:2], "L2:" + word[-2:]]
        if word[0] in "وف" and logp(word[1:]) > logp(word):
            out.append("CONJ")
    if _DEFINITE_RE.match(word):
        out.append("DEF")
    if bare.endswith(("ًا", "اً", "ً")):
        out.append("TAN")
    if len(word) > 3:
        out += ["F3:" + word[:3], "L3:" + word[-3:]]
    out.append("R:" + root_ish(word))
    return tuple(out)


def stem(word: str) -> str:
    """The word without its article or one leading conjunction or preposition, if 3 letters stay."""
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic):]
    return word


def root_ish(word: str) -> str:
    """The stem without one ending (a pronoun, a plural or the feminine), if 3 letters stay."""
    core = stem(word)
    for ending in _ENDINGS:
        if core.endswith(ending) and len(core) - len(ending) >= 3:
            return core[:-len(ending)]
    return core


def feature_code(feature: str) -> int:
    """A feature's 32-bit code, the same in every process (str hashes are salted per run)."""
    return zlib.crc32(feature.encode("utf-8"))


def slot(left: int, right: int, mask: int) -> int:
    """The table slot of a left feature code crossed with a right one."""
    return ((left * _MIX) ^ right) & mask


@dataclass(frozen=True, eq=False)  # hashed by identity: a key of the feature cache
class PairModel:
    common: frozenset[str]
    bias: float                 # natural-log odds of a pair with no known crossed feature
    scale: float                # natural-log odds of one step of a table byte
    table: array[int]           # signed bytes, indexed by `slot`; its length is a power of two

    def logratio(self, a: str, b: str) -> float:
        """log10 of how much likelier a..b is in running text than as a chance pair."""
        table, rights = self.table, self.codes(b)[1]
        z = sum([table[x ^ y] for x in self.codes(a)[0] for y in rights])
        return (self.bias + self.scale * z) / math.log(10)

    def codes(self, token: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The token's feature codes as a left word (spread and masked) and as a right word."""
        return _codes(self, token)


@lru_cache(maxsize=50_000)
def _codes(model: PairModel, token: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return token_codes(token, model.common, len(model.table) - 1)


def token_codes(token: str, common: frozenset[str], mask: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A token's feature codes as a left word and as a right word: `slot` is left ^ right."""
    codes = [feature_code(f) for f in token_features(token, common)]
    return tuple(slot(c, 0, mask) for c in codes), tuple(c & mask for c in codes)


_MODEL: PairModel | None = None


def model() -> PairModel:
    """The shipped model, loaded on first use (an empty one if the file is missing)."""
    global _MODEL
    if _MODEL is None:
        try:
            raw = resources.files("warraq.repair").joinpath("data").joinpath(MODEL_FILE).read_bytes()
            _MODEL = read_model(gzip.decompress(raw))
        except (OSError, ValueError, KeyError, EOFError):  # a broken install: pairs stay neutral
            _MODEL = PairModel(frozenset(), 0.0, 0.0, array("b", [0]))
    return _MODEL


def read_model(raw: bytes) -> PairModel:
    head, _, body = raw.partition(b"\n")
    data = json.loads(head)
    table = array("b", body)
    if len(table) & (len(table) - 1) or not table:
        raise ValueError("the pair table's length is not a power of two")
    return PairModel(frozenset(data["common"]), float(data["bias"]), float(data["scale"]), table)


def write_model(common: frozenset[str], bias: float, scale: float, table: array[int]) -> bytes:
    head = json.dumps({"common": sorted(common), "bias": round(bias, 4), "scale": scale},
                      ensure_ascii=False, separators=(",", ":"))
    return head.encode("utf-8") + b"\n" + table.tobytes()


def pair_logratio(a: str, b: str) -> float:
    return model().logratio(a, b)

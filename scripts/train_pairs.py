"""Train the word-pair model of `warraq repair` (warraq/repair/pairs.py) from data/pair-corpus/.

Positives are the adjacent word pairs of each paragraph; negatives are pairs of words drawn at
random from the whole corpus (NEGATIVES per positive). A logistic regression over crossed
features, hashed into a table of SIZE slots, is fitted by plain stochastic gradient descent with
a fixed seed, so the same corpus always gives the same file. Each weight is stored as one signed
byte of SCALE steps; weights smaller than half a step are left at zero.

    .venv/bin/python scripts/train_pairs.py      # writes warraq/repair/data/wordpairs.bin.gz
"""

from __future__ import annotations

import gzip
import math
import random
import re
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warraq.repair.model import listed  # noqa: E402
from warraq.repair.pairs import MODEL_FILE, token_codes, write_model  # noqa: E402

CORPUS = ROOT / "data" / "pair-corpus"
OUT = ROOT / "warraq" / "repair" / "data" / MODEL_FILE
COMMON = 1000      # the commonest words are features by themselves
NEGATIVES = 2
EPOCHS = 6
RATE = 0.05
DECAY = 0.07       # L2 shrinkage of a weight each time it is updated
SIZE = 1 << 23     # table slots: most crossed features are rare, and those sharing a slot cost little
SCALE = 0.05       # natural-log odds per step of a stored byte (|weight| < 6.4 fits)
SEED = 13


def common_words() -> frozenset[str]:
    arabic = re.compile("^[\u0621-\u064a]+$")
    ranked = sorted((w for w in listed() if arabic.match(w)), key=lambda w: (-listed()[w], w))
    return frozenset(ranked[:COMMON])


def train(paragraphs: list[list[str]], common: frozenset[str]) -> tuple[float, list[float]]:
    rng = random.Random(SEED)
    mask = SIZE - 1
    codes: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def crossed(a: str, b: str) -> array[int]:
        for t in (a, b):
            if t not in codes:
                codes[t] = token_codes(t, common, mask)
        return array("i", [x ^ y for x in codes[a][0] for y in codes[b][1]])

    tokens = [t for p in paragraphs for t in p]
    data = [(crossed(a, b), 1.0) for p in paragraphs for a, b in zip(p, p[1:])]
    positives = len(data)
    for _ in range(NEGATIVES * positives):
        data.append((crossed(rng.choice(tokens), rng.choice(tokens)), 0.0))
    weights = [0.0] * SIZE
    bias = 0.0
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for x, y in data:
            z = max(-30.0, min(30.0, bias + sum(weights[k] for k in x)))
            g = 1.0 / (1.0 + math.exp(-z)) - y
            bias -= RATE * g
            for k in x:
                weights[k] -= RATE * (g + DECAY * weights[k])
    # the negatives outnumber the positives NEGATIVES to one: remove that prior from the odds
    return bias + math.log(NEGATIVES), weights


def main() -> int:
    paragraphs = [line.split() for f in sorted(CORPUS.glob("*.txt"))
                  for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    common = common_words()
    bias, weights = train(paragraphs, common)
    table = array("b", [max(-127, min(127, round(w / SCALE))) for w in weights])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(write_model(common, bias, SCALE, table), mtime=0))
    words = sum(len(p) for p in paragraphs)
    used = sum(1 for q in table if q)
    print(f"{words} words, {used} of {SIZE} weights set -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the word-pair model of `warraq repair` (warraq/repair/pairs.py) from data/pair-corpus/.

Positives are the adjacent word pairs of each paragraph; negatives are pairs of words drawn at
random from the whole corpus (NEGATIVES per positive). A logistic regression over crossed
features is fitted by plain stochastic gradient descent with a fixed seed, so the same corpus
always gives the same file. Weights too small to matter are dropped to keep the file small.

    .venv/bin/python scripts/train_pairs.py      # writes warraq/repair/data/wordpairs.json.gz
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warraq.repair.model import listed  # noqa: E402
from warraq.repair.pairs import MODEL_FILE, token_features  # noqa: E402

CORPUS = ROOT / "data" / "pair-corpus"
OUT = ROOT / "warraq" / "repair" / "data" / MODEL_FILE
COMMON = 1000      # the commonest words are features by themselves
NEGATIVES = 2
EPOCHS = 6
RATE = 0.05
DECAY = 0.07       # L2 shrinkage of a weight each time it is updated
PRUNE = 0.1        # weights below this (natural-log odds) are left out of the file
SEED = 13


def common_words() -> frozenset[str]:
    arabic = re.compile("^[\u0621-\u064a]+$")
    ranked = sorted((w for w in listed() if arabic.match(w)), key=lambda w: (-listed()[w], w))
    return frozenset(ranked[:COMMON])


def train(paragraphs: list[list[str]], common: frozenset[str]) -> tuple[float, dict[str, dict[str, float]]]:
    rng = random.Random(SEED)
    feats: dict[str, tuple[str, ...]] = {}

    def crossed(a: str, b: str) -> list[str]:
        fa = feats.get(a) or feats.setdefault(a, token_features(a, common))
        fb = feats.get(b) or feats.setdefault(b, token_features(b, common))
        return [x + "|" + y for x in fa for y in fb]

    tokens = [t for p in paragraphs for t in p]
    data = [(crossed(a, b), 1.0) for p in paragraphs for a, b in zip(p, p[1:])]
    positives = len(data)
    for _ in range(NEGATIVES * positives):
        data.append((crossed(rng.choice(tokens), rng.choice(tokens)), 0.0))
    weights: dict[str, float] = defaultdict(float)
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
    nested: dict[str, dict[str, float]] = {}
    for k, v in sorted(weights.items()):
        if abs(v) >= PRUNE:
            left, right = k.split("|", 1)
            nested.setdefault(left, {})[right] = round(v, 3)
    return bias + math.log(NEGATIVES), nested


def main() -> int:
    paragraphs = [line.split() for f in sorted(CORPUS.glob("*.txt"))
                  for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    common = common_words()
    bias, weights = train(paragraphs, common)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"common": sorted(common), "bias": round(bias, 4), "weights": weights},
                      ensure_ascii=False, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    words = sum(len(p) for p in paragraphs)
    count = sum(len(row) for row in weights.values())
    print(f"{words} words, {count} weights -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

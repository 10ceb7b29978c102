"""What font recovery costs: warraq with and without it, on clean and on ToUnicode-less PDFs.

    python -m bench.recovery_cost [--every K]

Same process, the two settings alternating per file, best of three runs each, on every K-th PDF
of the built corpus (bench/.cache/corpus) and its no-tounicode twin. Prints the added time in %.
Not part of `bench.run` yet: issue 4 asks for nothing measurable on clean files and at most 30 %
on damaged ones.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import warraq

CORPUS = Path(__file__).resolve().parent / ".cache" / "corpus"


def _best(path: Path, recover: bool, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        warraq.extract(path, recover=recover).text()
        best = min(best, time.perf_counter() - t0)
    return best


def measure(every: int = 4) -> dict[str, float]:
    """Added time in % per kind ('clean', 'no-tounicode')."""
    base = json.loads((CORPUS / "manifest.json").read_text())[::every]
    damaged = {e["base"]: e for e in json.loads((CORPUS / "damaged" / "manifest.json").read_text())
               if e["damage"] == "no-tounicode"}
    out: dict[str, float] = {}
    for kind in ("clean", "no-tounicode"):
        on = off = 0.0
        for e in base:
            path = CORPUS / e["pdf"] if kind == "clean" else CORPUS / "damaged" / damaged[e["id"]]["pdf"]
            warraq.extract(path).text()  # warm: fonts indexed, word list loaded
            on += _best(path, True)
            off += _best(path, False)
        out[kind] = 100 * (on / off - 1)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    every = int(args[args.index("--every") + 1]) if "--every" in args else 4
    for kind, added in measure(every).items():
        print(f"{kind}: recovery adds {added:.0f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""CLI: python -m bench.corpus build [--quick] [--out DIR] [--texts DIR] | fixtures [--out DIR]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="render the corpus into bench/.cache/corpus")
    b.add_argument("--quick", action="store_true", help="about 10 representative PDFs")
    b.add_argument("--out", type=Path, default=None, help="corpus directory")
    b.add_argument("--texts", type=Path, default=None, help="folder of NN-slug.md texts")
    f = sub.add_parser("fixtures", help="write the small test fixtures into tests/fixtures")
    f.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.cmd == "build":
        from .build import DEFAULT_OUT, DEFAULT_TEXTS, build

        n = build(args.out or DEFAULT_OUT, args.texts or DEFAULT_TEXTS, args.quick)
        return 0 if n else 1
    from .fixtures import DEFAULT_OUT as FIX_OUT
    from .fixtures import write_fixtures

    return 0 if write_fixtures(args.out or FIX_OUT) else 1


if __name__ == "__main__":
    sys.exit(main())

"""`warraq repair FILE… [-o OUT] [--report REPORT.json]`: the CLI hook called by warraq/cli.py.

Reads UTF-8 text (stdin when no FILE or "-"), writes the repaired text to stdout or OUT, and with
--report a JSON log of every change. A file that cannot be read is reported in one line and the
others still go through (exit 1, partial); if every input fails the exit code is 3 (bad input).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from warraq.errors import ExitCode


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the `repair` sub-command."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "repair", help="repair Arabic text that another tool broke (text in, text out)")
    p.add_argument("files", nargs="*", default=[], help="UTF-8 text files; none or '-' reads stdin")
    p.add_argument("-o", "--output", type=Path,
                   help="output file (several inputs are concatenated, or a directory if it exists)")
    p.add_argument("--report", type=Path, help="write a JSON log of every change to this file")
    p.set_defaults(run=run)
    return p


def _read(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        return data.decode("utf-8")
    return Path(name).read_bytes().decode("utf-8")


def run(args: argparse.Namespace) -> int:
    """Repair every input; returns an ExitCode value."""
    from warraq.repair import repair

    names = [str(f) for f in args.files] or ["-"]
    failures = 0
    outputs: list[tuple[str, str]] = []
    reports: list[dict[str, Any]] = []
    for name in names:
        try:
            text = _read(name)
        except UnicodeDecodeError as exc:
            sys.stderr.write(f"warraq: {name}: not UTF-8 text (byte {exc.start})\n")
            failures += 1
            continue
        except OSError as exc:
            sys.stderr.write(f"warraq: {name}: cannot read ({exc.strerror or exc.__class__.__name__})\n")
            failures += 1
            continue
        result = repair(text)
        outputs.append((name, result.text))
        reports.append({"file": name, **result.report()})
    try:
        _write(outputs, args.output)
        if args.report is not None:
            doc: Any = reports[0] if len(names) == 1 and reports else {"files": reports}
            args.report.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        sys.stderr.write(f"warraq: cannot write output ({exc.strerror or exc.__class__.__name__})\n")
        return int(ExitCode.BAD_INPUT)
    if failures == 0:
        return int(ExitCode.OK)
    return int(ExitCode.PARTIAL if outputs else ExitCode.BAD_INPUT)


def _write(outputs: list[tuple[str, str]], target: Path | None) -> None:
    if target is None:
        stream = sys.stdout
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
        for _, text in outputs:
            stream.write(text)
        stream.flush()
        return
    if target.is_dir():
        for name, text in outputs:
            stem = "stdin" if name == "-" else Path(name).name
            (target / stem).write_text(text, encoding="utf-8")
        return
    target.write_text("".join(text for _, text in outputs), encoding="utf-8")

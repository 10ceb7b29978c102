"""`warraq check`: a trust verdict per page and per font, usable as a gate in pipelines.

PDFs are extracted with glyph recovery and judged by where each glyph's text came from;
text files are judged by the repair detector (visual order, reversed segments, PUA, ...).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from warraq.errors import ExitCode, WarraqError

_RANK = {"clean": 0, "repaired": 1, "needs-ocr": 2}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("check", help="say whether the text of PDFs (or text files) can be trusted")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("-f", "--format", choices=("txt", "json"), default="txt")
    p.add_argument("--fail-on", choices=("needs-ocr", "repaired"),
                   help="exit 5 if any page is at least this bad")
    common(p)
    p.set_defaults(run=run)


def check_pdf(path: Path, opts: dict[str, object]) -> dict[str, Any]:
    """The verdict report of one PDF."""
    from warraq.extract import extract

    doc = extract(path, **opts)
    pages = [
        {
            "page": p.number,
            "verdict": p.verdict.verdict,
            "confidence": p.verdict.confidence,
            "reasons": p.verdict.reasons,
            "methods": dict(p.verdict.methods),
        }
        for p in doc.pages
    ]
    fonts: dict[str, list[str]] = {}
    for p in doc.pages:
        for r in p.verdict.reasons:
            name, _, problem = r.partition(": ")
            if problem:
                fonts.setdefault(name, [])
                if problem not in fonts[name]:
                    fonts[name].append(problem)
    return {"file": str(path), "verdict": doc.verdict, "pages": pages, "fonts": fonts}


def check_text(path: Path) -> dict[str, Any]:
    """The verdict report of one text file, from the repair detector."""
    from warraq.repair import detect

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise WarraqError(f"{path}: cannot read as UTF-8 text ({exc.__class__.__name__})") from None
    verdicts = detect(text)
    broken = [v for v in verdicts if getattr(v, "kind", "clean") != "clean"]
    verdict = "clean" if not broken else "repaired"
    return {
        "file": str(path),
        "verdict": verdict,
        "lines": len(verdicts),
        "damaged_lines": len(broken),
        "kinds": sorted({str(v.kind) for v in broken}),
    }


def run(args: argparse.Namespace) -> int:
    from warraq.cli import pdf_options

    opts = pdf_options(args)
    reports: list[dict[str, Any]] = []
    worst_exit = ExitCode.OK
    for path in args.files:
        try:
            is_pdf = path.is_file() and path.open("rb").read(1024).find(b"%PDF-") >= 0
            reports.append(check_pdf(path, opts) if is_pdf or path.suffix.lower() == ".pdf" else check_text(path))
        except WarraqError as exc:
            sys.stderr.write(f"warraq: {exc}\n")
            reports.append({"file": str(path), "verdict": "error", "error": str(exc)})
            worst_exit = max(worst_exit, ExitCode.PARTIAL if len(args.files) > 1 else exc.exit_code)
        except OSError as exc:
            sys.stderr.write(f"warraq: {path}: {exc.strerror or exc}\n")
            reports.append({"file": str(path), "verdict": "error", "error": str(exc)})
            worst_exit = max(worst_exit, ExitCode.PARTIAL if len(args.files) > 1 else ExitCode.BAD_INPUT)
    out = sys.stdout
    if args.format == "json":
        out.write(json.dumps(reports, ensure_ascii=False, indent=1) + "\n")
    else:
        for r in reports:
            out.write(_describe(r))
    if args.fail_on:
        limit = _RANK[args.fail_on]
        if any(_RANK.get(r["verdict"], -1) >= limit for r in reports):
            return int(ExitCode.GATE)
    return int(worst_exit)


def _describe(r: dict[str, Any]) -> str:
    lines = [f"{r['file']}: {r['verdict']}"]
    if "error" in r:
        return lines[0] + f" ({r['error']})\n"
    for p in r.get("pages", []):
        if p["verdict"] != "clean" or p["reasons"]:
            why = "; ".join(p["reasons"]) or ", ".join(f"{k} {v}" for k, v in p["methods"].items())
            lines.append(f"  page {p['page']}: {p['verdict']} (confidence {p['confidence']}): {why}")
    for name, problems in r.get("fonts", {}).items():
        lines.append(f"  font {name}: {'; '.join(problems)}")
    if "damaged_lines" in r:
        lines.append(f"  {r['damaged_lines']} of {r['lines']} lines damaged: {', '.join(r['kinds']) or '-'}")
    return "\n".join(lines) + "\n"

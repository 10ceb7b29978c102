"""Command line: thin argument parsing around the API, errors mapped to exit codes.

Exit codes (see README): 0 ok, 1 partial (a page or file failed, the rest came out),
2 usage, 3 bad input (not a PDF, damaged, no pages), 4 encrypted / wrong password,
5 `check --fail-on` gate tripped, 70 internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from warraq.errors import ExitCode, WarraqError

if TYPE_CHECKING:
    from warraq.document import Page


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with our exit code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"warraq: {message} (see warraq --help)\n")
        raise SystemExit(ExitCode.USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="warraq", description="Faithful logical-order text from Arabic PDFs.")
    from warraq import __version__

    parser.add_argument("--version", action="version", version=f"warraq {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    ex = sub.add_parser("extract", help="extract text from PDFs")
    ex.add_argument("files", nargs="+", type=Path)
    ex.add_argument("-o", "--output", type=Path, help="output file (one input) or directory (several)")
    ex.add_argument("-f", "--format", choices=("txt", "md", "json"), default="txt")
    _common_pdf_options(ex)
    ex.add_argument("--keep-tatweel", action="store_true", help="keep tatweel (U+0640) characters")
    ex.add_argument("--keep-lines", action="store_true", help="keep the PDF's line breaks inside paragraphs")
    from warraq.check import add_parser as add_check

    add_check(sub, _common_pdf_options)
    try:
        from warraq.repair.command import add_parser as add_repair
    except ImportError:  # repair not installed in this build
        pass
    else:
        add_repair(sub)
    return parser


def _common_pdf_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pages", help="pages to read, e.g. 1-3,7")
    p.add_argument("--password", help="password of an encrypted PDF")
    p.add_argument("--ocr", choices=("auto", "never", "always"), default="auto",
                   help="OCR pages without a usable text layer (default auto)")
    p.add_argument("--font-dir", action="append", type=Path, default=[],
                   help="extra directory of reference fonts for glyph recovery")
    p.add_argument("--no-recover", action="store_true", help="do not recover unmapped glyphs from fonts")


def pdf_options(args: argparse.Namespace, **extra: object) -> dict[str, object]:
    from warraq.options import parse_pages

    opts: dict[str, object] = {
        "pages": parse_pages(args.pages) if args.pages else None,
        "password": args.password,
        "ocr": args.ocr,
        "font_dirs": tuple(args.font_dir),
        "recover": not args.no_recover,
    }
    opts.update(extra)
    return opts


def run_extract(args: argparse.Namespace) -> int:
    from warraq.extract import Extraction, no_text_message, unread
    from warraq.options import Options
    from warraq.progress import Progress
    from warraq.render.stream import write_pages

    files: list[Path] = args.files
    opts = Options(**pdf_options(args, keep_tatweel=args.keep_tatweel))  # type: ignore[arg-type]
    several = len(files) > 1
    if several and args.output is not None:
        args.output.mkdir(parents=True, exist_ok=True)
    worst = ExitCode.OK
    progress = Progress(len(files))
    for path in files:
        progress.step(path.name)
        try:
            with Extraction(path, opts) as ex, _open_output(path, args, several) as out:
                pages = write_pages(ex.pages(), args.format, out, path=str(path), metadata=ex.metadata,
                                    keep_lines=args.keep_lines)
        except WarraqError as exc:
            progress.clear()
            sys.stderr.write(f"warraq: {exc}\n")
            worst = _combine(worst, exc.exit_code, several)
            continue
        except BrokenPipeError:  # the reader went away (| head): nothing more to say
            return int(worst)
        except OSError as exc:  # an output that cannot be written
            progress.clear()
            sys.stderr.write(f"warraq: {exc.filename or path}: {exc.strerror or exc}\n")
            worst = _combine(worst, ExitCode.BAD_INPUT, several)
            continue
        progress.clear()
        empty = [p for p in pages if unread(p)]
        for p in empty:
            sys.stderr.write(f"warraq: {path}: {no_text_message(p)}\n")
        if empty:
            worst = _combine(worst, ExitCode.PARTIAL, several)
        summary = _trust_summary(pages)
        if summary:
            sys.stderr.write(f"warraq: {path}: {summary}\n")
    progress.clear()
    return int(worst)


def _trust_summary(pages: list[Page]) -> str:
    counts: dict[str, int] = {}
    for p in pages:
        counts[p.verdict.verdict] = counts.get(p.verdict.verdict, 0) + 1
    if set(counts) <= {"clean"}:
        return ""
    return ", ".join(f"{n} page(s) {v}" for v, n in sorted(counts.items())) + " (warraq check for details)"


def _combine(worst: ExitCode, new: ExitCode, several: bool) -> ExitCode:
    """With several files, one bad file makes the run partial, not failed."""
    if several and new != ExitCode.OK:
        new = ExitCode.PARTIAL
    return max(worst, new)


@contextmanager
def _open_output(path: Path, args: argparse.Namespace, several: bool) -> Iterator[TextIO]:
    """stdout, the -o file, or DIR/NAME.FORMAT with several inputs."""
    out: Path | None = args.output
    if out is None:
        stream = sys.stdout
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
        yield stream
        stream.flush()
        return
    target = out / (path.stem + "." + args.format) if several else out
    with target.open("w", encoding="utf-8") as fh:
        yield fh


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return int(ExitCode.USAGE)
    try:
        if args.command == "extract":
            return run_extract(args)
        return int(args.run(args))
    except WarraqError as exc:
        sys.stderr.write(f"warraq: {exc}\n")
        return int(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("warraq: interrupted\n")
        return 130
    except BrokenPipeError:
        return int(ExitCode.OK)
    except Exception as exc:  # a bug: still one line, with where to report it
        sys.stderr.write(f"warraq: internal error: {exc.__class__.__name__}: {exc}\n")
        return int(ExitCode.INTERNAL)


if __name__ == "__main__":
    sys.exit(main())

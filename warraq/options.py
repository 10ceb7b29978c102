"""One frozen, validated options object for extraction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from warraq.errors import ExitCode, WarraqError

OcrMode = Literal["auto", "never", "always"]


class OptionsError(WarraqError):
    """An option has a value warraq cannot use."""

    exit_code = ExitCode.USAGE


@dataclass(frozen=True)
class Options:
    pages: tuple[int, ...] | None = None  # 1-based page numbers; None = all
    password: str | None = None
    keep_tatweel: bool = False
    ocr: OcrMode = "auto"
    recover: bool = True  # recover unmapped / suspect glyphs from the embedded fonts
    font_dirs: tuple[Path, ...] = field(default_factory=tuple)
    workers: int = 0  # worker processes for long documents; 0 = one per core, 1 = in-process

    def __post_init__(self) -> None:
        # the API takes what a caller would naturally pass: "1-3,7", 5, a list; a path or a list of them
        object.__setattr__(self, "pages", _page_numbers(self.pages))
        dirs = (self.font_dirs,) if isinstance(self.font_dirs, (str, Path)) else self.font_dirs
        object.__setattr__(self, "font_dirs", tuple(Path(d) for d in dirs))
        if self.ocr not in ("auto", "never", "always"):
            raise OptionsError(f"--ocr must be auto, never or always, not {self.ocr!r}")
        if not isinstance(self.workers, int) or self.workers < 0:
            raise OptionsError("workers must be 0 (automatic) or more")
        if self.pages is not None and any(p < 1 for p in self.pages):
            raise OptionsError("page numbers start at 1")


def _page_numbers(pages: object) -> tuple[int, ...] | None:
    if pages is None:
        return None
    if isinstance(pages, str):
        return parse_pages(pages)
    items = (pages,) if isinstance(pages, int) else tuple(pages) if isinstance(pages, Iterable) else ()
    numbers = tuple(p for p in items if isinstance(p, int) and not isinstance(p, bool))
    if not numbers or len(numbers) != len(items):
        raise OptionsError(f"pages must be page numbers or a list such as '1-3,7', not {pages!r}")
    return numbers


def parse_pages(spec: str) -> tuple[int, ...]:
    """'1-3,7' -> (1, 2, 3, 7)."""
    out: list[int] = []
    try:
        for part in spec.split(","):
            part = part.strip()
            if not part:
                continue
            if "-" in part:
                a, b = part.split("-", 1)
                lo, hi = int(a), int(b)
                if hi < lo:
                    raise ValueError
                out.extend(range(lo, hi + 1))
            else:
                out.append(int(part))
    except ValueError:
        raise OptionsError(f"bad page list {spec!r}: use e.g. 1-3,7") from None
    if not out or min(out) < 1:
        raise OptionsError(f"bad page list {spec!r}: pages start at 1")
    return tuple(dict.fromkeys(out))

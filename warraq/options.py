"""One frozen, validated options object for extraction."""

from __future__ import annotations

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
        if self.ocr not in ("auto", "never", "always"):
            raise OptionsError(f"--ocr must be auto, never or always, not {self.ocr!r}")
        if self.workers < 0:
            raise OptionsError("workers must be 0 (automatic) or more")
        if self.pages is not None and any(p < 1 for p in self.pages):
            raise OptionsError("page numbers start at 1")


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

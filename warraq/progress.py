"""A one-line progress bar on a terminal; silent in pipes and files."""

from __future__ import annotations

import sys


class Progress:
    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.active = total > 1 and sys.stderr.isatty()

    def step(self, label: str) -> None:
        if not self.active:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {label[:40]:<40}")
        sys.stderr.flush()
        self.done += 1

    def clear(self) -> None:
        if self.active:
            sys.stderr.write("\r" + " " * 90 + "\r")
            sys.stderr.flush()

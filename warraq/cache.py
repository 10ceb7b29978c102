"""Where warraq keeps what it builds once and reuses: ~/.cache/warraq (or $XDG_CACHE_HOME/warraq),
and the two ways its sorted binary tables (the word list, the outline table) are used."""

from __future__ import annotations

import os
import threading
from array import array
from pathlib import Path


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warraq"


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file of this process and thread, then rename: readers, other
    processes included, never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def find_packed(data: bytes, offsets: array[int], count: int, key: bytes) -> int | None:
    """Index of `key` among `count` byte strings kept sorted in one buffer (string k is
    data[offsets[k]: offsets[k + 1]]), by bisection; None if it is not there."""
    lo, hi = 0, count
    while lo < hi:  # bisect_left over the strings
        mid = (lo + hi) // 2
        if data[offsets[mid]: offsets[mid + 1]] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < count and data[offsets[lo]: offsets[lo + 1]] == key else None

"""Where warraq keeps what it builds once and reuses: ~/.cache/warraq (or $XDG_CACHE_HOME/warraq)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warraq"

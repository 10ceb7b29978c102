"""Pausing the cyclic garbage collector around work that makes many short-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused (unless it is already), also as a decorator.

    Building a page, unpickling one from a worker, or repairing a document makes tens of
    thousands of small objects that reference counting frees on its own; the collector's passes
    over them and over the pages kept so far cost a fifth of the extraction time. The few cycles
    a page leaves behind (fontTools tables) go at the first pass after it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

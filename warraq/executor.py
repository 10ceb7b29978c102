"""Run the pure per-page function in local worker processes, results in page order.

Each worker opens the PDF once (PDFium handles cannot cross processes); the parent keeps only
the page objects it has not yet passed on. One process is used for short documents, where
starting workers costs more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import current_process, get_context
from pathlib import Path
from typing import Any

from warraq.document import Page
from warraq.gcpause import gc_paused
from warraq.options import Options

_STATE: dict[str, Any] = {}
MIN_PAGES_PER_WORKER = 6


def worker_count(requested: int, pages: int) -> int:
    """Processes to use: `requested`, or one per core for long documents (0 = automatic).

    A daemonic process (a worker of the caller's own multiprocessing pool) may not start
    processes of its own, so it extracts in-process.
    """
    if current_process().daemon:
        return 1
    if requested:
        return requested
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, pages // MIN_PAGES_PER_WORKER))


def _init(path: str, opts: Options) -> None:
    from warraq.extract import open_page_source

    _STATE["source"] = open_page_source(path, opts)


def _work(numbers: list[int]) -> list[Page]:
    from warraq.extract import extract_page

    doc, recoverer, opts = _STATE["source"]
    return [extract_page(doc, n - 1, opts, recoverer) for n in numbers]


def chunk_size(pages: int, workers: int) -> int:
    """Pages per task: a few neighbours go to one worker, which then reads each font (fonts change
    with a document's sections) once instead of every worker; small enough to keep the workers
    evenly busy up to the last page."""
    return max(1, min(4, pages // (workers * 8)))


def parallel_pages(path: str | Path, opts: Options, numbers: Sequence[int], workers: int) -> Iterator[Page]:
    """Pages in order, computed by `workers` processes with at most a few pages in flight each."""
    ctx = get_context("fork") if hasattr(os, "fork") else get_context("spawn")
    size = chunk_size(len(numbers), workers)
    chunks = iter([list(numbers[k: k + size]) for k in range(0, len(numbers), size)])
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(str(path), opts)) as pool:
        pending: list[Future[list[Page]]] = []
        window = workers * 3
        for chunk in chunks:
            pending.append(pool.submit(_work, chunk))
            if len(pending) >= window:
                break
        while pending:
            with gc_paused():  # results are unpickled meanwhile: thousands of objects per page
                pages = pending.pop(0).result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.submit(_work, nxt))
            yield from pages




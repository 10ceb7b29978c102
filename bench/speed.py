"""Speed and memory: every tool on the same long PDF, in the same run.

A long document is made by concatenating corpus PDFs with qpdf until it has at least N pages.
Each tool extracts it in a fresh process (the same driver as the accuracy run); pages/s uses the
driver's own timing of the extraction (interpreter start-up and imports excluded, reported apart
as wall time). Peak RSS is the child's VmHWM (/proc/PID/status), read by the driver itself after
the extraction (or polled, for CLI tools): os.wait4's ru_maxrss is not usable, because Linux
carries the parent's high-water mark over fork+exec (a 15 MB pdftotext showed the bench's own
300 MB). Ratios are given against pypdfium2's raw get_text_range and against pdfminer.six.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bench.peers import TOOLS, Tool, run_tool


def page_count(pdf: Path) -> int:
    """Number of pages (qpdf), 0 if unreadable."""
    try:
        p = subprocess.run(["qpdf", "--show-npages", str(pdf)], capture_output=True, text=True,
                           timeout=60)
        return int(p.stdout.strip() or 0)
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return 0


def concat(pdfs: list[Path], min_pages: int, out: Path) -> int:
    """Write `out` from `pdfs` (cycled in order) with at least `min_pages` pages; returns pages."""
    if not shutil.which("qpdf"):
        raise RuntimeError("qpdf is not installed (apt install qpdf)")
    counts = [(p, page_count(p)) for p in pdfs]
    counts = [(p, n) for p, n in counts if n > 0]
    if not counts:
        raise RuntimeError("no readable PDF to concatenate")
    chosen, total = [], 0
    while total < min_pages:
        for p, n in counts:
            chosen.append(p)
            total += n
            if total >= min_pages:
                break
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = ["qpdf", "--empty", "--pages", *map(str, chosen), "--", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode not in (0, 3):  # 3 = success with warnings
        raise RuntimeError(f"qpdf failed: {proc.stderr.strip()[-300:]}")
    return page_count(out)


REPEAT_UNDER = 30.0  # seconds: tools faster than this run `rounds` times, the best run kept


def measure(tools: list[Tool], pdf: Path, pages: int, *, timeout: float,
            use_venv: bool = True, rounds: int = 1) -> dict[str, dict[str, Any]]:
    """Run each tool over `pdf`; pages/s, seconds, wall, peak RSS (MB), status.

    With several rounds the tools take turns (round-robin, so that every tool meets the same
    moments of a noisy machine) and each keeps its fastest run; a tool slower than
    REPEAT_UNDER seconds runs once.
    """
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        for k in range(rounds):
            for t in tools:
                seen = out.get(t.name)
                if seen is not None and (seen["status"] != "ok" or seen["secs"] > REPEAT_UNDER):
                    continue
                r = run_tool(t, [pdf], Path(tmp) / f"{t.name}-{k}", timeout=timeout, use_venv=use_venv)
                it = r.items[str(pdf)]
                if seen is not None and not (it.status == "ok" and it.secs < seen["secs"]):
                    continue
                out[t.name] = {
                    "status": it.status,
                    "err": it.err,
                    "secs": it.secs,
                    "wall": r.wall,
                    "pages_per_s": pages / it.secs if it.status == "ok" and it.secs > 0 else None,
                    "rss_mb": r.max_rss_kb / 1024 if r.max_rss_kb else None,
                    # a timeout still bounds the throughput from above
                    "below": pages / timeout if it.status == "timeout" else None,
                }
    return out


def ratios(res: dict[str, dict[str, Any]], base: str) -> dict[str, float | None]:
    """Throughput of each tool divided by that of `base` (None if either is missing)."""
    b = (res.get(base) or {}).get("pages_per_s")
    return {k: (v["pages_per_s"] / b if v["pages_per_s"] and b else None) for k, v in res.items()}


def run(pdfs: list[Path], work: Path, tools: list[str], *, pages: int = 200,
        mem_pages: int = 500, timeout: float = 240.0, use_venv: bool = True) -> dict[str, Any]:
    """The speed run (>= `pages` pages, every tool) and the memory run (>= `mem_pages` pages).

    The memory run includes only tools whose speed-run throughput predicts they finish within the
    timeout (the others are listed as skipped, with the prediction), to keep the bench short.
    """
    sel = [TOOLS[t] for t in tools if t in TOOLS]
    result: dict[str, Any] = {}
    long_pdf = work / f"long-{pages}.pdf"
    n = concat(pdfs, pages, long_pdf)
    speed = measure(sel, long_pdf, n, timeout=timeout, use_venv=use_venv, rounds=3)
    result["speed"] = {"pages": n, "tools": speed,
                       "vs_pypdfium2": ratios(speed, "pypdfium2"),
                       "vs_pdfminer": ratios(speed, "pdfminer.six")}
    if mem_pages:
        mem_pdf = work / f"long-{mem_pages}.pdf"
        m = concat(pdfs, mem_pages, mem_pdf)
        fast, skipped = [], {}
        for t in sel:
            pps = speed[t.name]["pages_per_s"]
            if pps and m / pps < timeout * 0.8:
                fast.append(t)
            else:
                skipped[t.name] = (f"predicted {m / pps:.0f} s" if pps
                                   else f"speed run: {speed[t.name]['status']}")
        mem = measure(fast, mem_pdf, m, timeout=timeout, use_venv=use_venv)
        result["memory"] = {"pages": m, "tools": mem, "skipped": skipped}
    return result

"""The extraction tools of the benchmark (warraq and its peers) and the protocol to run them.

Every tool runs in its own process: a Python tool in its own venv (bench/venvs.py) through the
batch driver of bench/peers/drivers.py, a CLI tool (pdftotext) as its own command per PDF. One
process handles a whole list of PDFs (no interpreter start-up per PDF); the parent watches the
driver's event log and kills it when one PDF takes longer than the timeout, records that PDF as
`timeout` (or `crash` if the process died), and restarts the batch after it. Nothing a tool does
stops the benchmark.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.peers import drivers


@dataclass(frozen=True)
class Tool:
    """One extraction tool. `packages` empty + `setup` = runs in the main interpreter."""

    name: str
    setup: str | None = None  # python snippet defining extract(path) -> str
    packages: tuple[str, ...] = ()  # pip packages of its venv
    venv: str | None = None  # venv name (defaults to the tool name)
    cli: tuple[str, ...] | None = None  # command with {pdf} and {out}
    dists: tuple[str, ...] = ()  # distributions whose versions are reported
    note: str = ""


TOOLS: dict[str, Tool] = {
    t.name: t
    for t in [
        Tool("warraq", drivers.WARRAQ, dists=("warraq",), note="warraq.extract(path).text()"),
        Tool("pypdfium2", drivers.PYPDFIUM2, ("pypdfium2",), dists=("pypdfium2",),
             note="textpage.get_text_range() per page"),
        Tool("pdfminer.six", drivers.PDFMINER, ("pdfminer.six",), venv="pdfminer",
             dists=("pdfminer.six",), note="high_level.extract_text"),
        Tool("pdfplumber", drivers.PDFPLUMBER, ("pdfplumber",), dists=("pdfplumber",),
             note="page.extract_text()"),
        Tool("pypdf", drivers.PYPDF, ("pypdf",), dists=("pypdf",), note="page.extract_text()"),
        Tool("pymupdf", drivers.PYMUPDF, ("pymupdf",), dists=("pymupdf",),
             note="page.get_text()"),
        Tool("pdftotext", cli=("pdftotext", "-enc", "UTF-8", "{pdf}", "{out}"),
             note="poppler CLI, default (reading-order) mode"),
        Tool("qalam", drivers.QALAM, ("qalam",), dists=("qalam",), note="qalam.extract_text"),
        Tool("pdf-rtldoc", drivers.RTLDOC, ("pdf-rtldoc",), dists=("pdf-rtldoc", "pymupdf"),
             note="rtldoc pipeline.parse_page, block text without Markdown markup"),
        Tool("arafix", drivers.ARAFIX, ("arafix[pdf]",), venv="arafix-pdf",
             dists=("arafix", "pymupdf"), note="arafix.read (the [pdf] extra)"),
        Tool("harfix", drivers.HARFIX, ("harfix",), dists=("harfix", "pdfminer.six"),
             note="pdfminer.six extract_text + harfix.repair_text (harfix has no extractor)"),
    ]
}

# Tools that need neither a venv nor the network (the --smoke set).
SMOKE_TOOLS = ("warraq", "pypdfium2")
# The long poles: started first when tools run in parallel.
SLOW_TOOLS = ("warraq", "pdf-rtldoc")


@dataclass
class ItemResult:
    """Outcome of one tool on one PDF."""

    status: str  # ok | error | timeout | crash | unavailable
    out: Path | None = None
    secs: float = 0.0
    err: str = ""


@dataclass
class RunResult:
    """Outcome of one tool on a list of PDFs."""

    tool: str
    items: dict[str, ItemResult] = field(default_factory=dict)  # key: str(pdf)
    wall: float = 0.0
    max_rss_kb: int = 0
    error: str = ""  # why the tool could not run at all (venv failed, ...)


class ToolUnavailable(RuntimeError):
    """The tool could not be prepared (venv/pip failure, missing binary)."""


def python_for(tool: Tool, use_venv: bool = True) -> str:
    """Interpreter that runs `tool` (its venv's python, or this one)."""
    if not tool.packages or not use_venv:
        return sys.executable
    from bench.venvs import VenvError, ensure_venv

    try:
        return str(ensure_venv(tool.venv or tool.name, list(tool.packages)))
    except VenvError as exc:
        raise ToolUnavailable(str(exc)) from None


def run_tool(
    tool: Tool,
    pdfs: list[Path],
    out_dir: Path,
    *,
    timeout: float = 60.0,
    use_venv: bool = True,
) -> RunResult:
    """Extract every PDF with `tool` into out_dir/<stem>.txt; never raises for tool failures."""
    out_dir.mkdir(parents=True, exist_ok=True)
    items = [(str(p), str(out_dir / f"{p.stem}.txt")) for p in pdfs]
    res = RunResult(tool.name)
    t0 = time.perf_counter()
    try:
        if tool.cli:
            if not shutil.which(tool.cli[0]):
                raise ToolUnavailable(f"{tool.cli[0]} not on PATH")
            _run_cli(tool, items, timeout, res)
        else:
            _run_python(python_for(tool, use_venv), tool.setup or "", items, timeout, res)
    except ToolUnavailable as exc:
        res.error = str(exc)
        for pdf, _ in items:
            res.items[pdf] = ItemResult("unavailable", err=res.error[:300])
    res.wall = time.perf_counter() - t0
    return res


def _hwm_kb(pid: int) -> int:
    """VmHWM (peak RSS since exec) of a live process, 0 if unreadable."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _wait(proc: subprocess.Popen[bytes], deadline: float | None) -> tuple[int | None, int]:
    """Poll until exit or deadline; returns (exit status or None if killed, peak RSS kB).

    Peak RSS is VmHWM polled while the process runs (wait4's ru_maxrss would include the
    bench's own high-water mark, which Linux carries over fork+exec).
    """
    hwm = 0
    while True:
        hwm = max(hwm, _hwm_kb(proc.pid))
        pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, hwm
        if deadline is not None and time.monotonic() > deadline:
            _kill(proc)
            os.wait4(proc.pid, 0)
            return None, hwm
        time.sleep(0.01)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill the tool's whole process group (it may have spawned helpers)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _run_cli(tool: Tool, items: list[tuple[str, str]], timeout: float, res: RunResult) -> None:
    assert tool.cli is not None
    for pdf, out in items:
        cmd = [a.format(pdf=pdf, out=out) for a in tool.cli]
        t0 = time.perf_counter()
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                    start_new_session=True)
            code, rss = _wait(proc, time.monotonic() + timeout)
            err.seek(0)
            msg = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
        res.max_rss_kb = max(res.max_rss_kb, rss)
        secs = time.perf_counter() - t0
        if code is None:
            res.items[pdf] = ItemResult("timeout", secs=secs, err=f"> {timeout:.0f}s")
        elif code != 0 or not Path(out).exists():
            res.items[pdf] = ItemResult("error", secs=secs, err=f"exit {code}: {' '.join(msg)}"[:300])
        else:
            res.items[pdf] = ItemResult("ok", Path(out), secs)


def _run_python(
    python: str, setup: str, items: list[tuple[str, str]], timeout: float, res: RunResult
) -> None:
    """Run the batch driver; on timeout or crash, record the PDF at fault and resume after it."""
    with tempfile.TemporaryDirectory(prefix="bench-peer-") as tmp:
        driver = Path(tmp) / "driver.py"
        driver.write_text(drivers.DRIVER.format(setup=setup), encoding="utf-8")
        todo = list(items)
        while todo:
            todo = _one_batch(python, driver, Path(tmp), todo, timeout, res)


def _one_batch(
    python: str, driver: Path, tmp: Path, todo: list[tuple[str, str]], timeout: float,
    res: RunResult,
) -> list[tuple[str, str]]:
    """Run one driver process over `todo`; return the items still to do after a kill/crash."""
    log, job = tmp / "events.jsonl", tmp / "job.json"
    log.write_text("", encoding="utf-8")
    job.write_text(json.dumps({"items": todo, "log": str(log)}), encoding="utf-8")
    errf = tmp / "stderr.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2]) if python == sys.executable else ""
    with open(errf, "wb") as err:
        proc = subprocess.Popen([python, str(driver), str(job)], stdout=subprocess.DEVNULL,
                                stderr=err, env=env, start_new_session=True)
    started: dict[int, float] = {}
    done: dict[int, float] = {}
    launch, pos, code = time.monotonic(), 0, None
    while True:
        pos = _read_events(log, pos, todo, started, done, res)
        current = [i for i in started if i not in done]
        # Start-up (imports) gets 60 s extra; then each PDF gets `timeout` seconds.
        ref = started[current[0]] if current else max(done.values(), default=launch + 60.0)
        res.max_rss_kb = max(res.max_rss_kb, _hwm_kb(proc.pid))
        pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            break
        if time.monotonic() - ref > timeout:
            _kill(proc)
            os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    _read_events(log, pos, todo, started, done, res)
    tail = " | ".join(errf.read_text("utf-8", "replace").strip().splitlines()[-2:])[:300]
    current = [i for i in started if i not in done]
    if current:  # killed on timeout, or died on this PDF
        i = current[0]
        kind = "timeout" if code is None else "crash"
        why = f"> {timeout:.0f}s" if code is None else f"exit {code}: {tail}"
        res.items[todo[i][0]] = ItemResult(kind, secs=time.monotonic() - started[i], err=why)
        return todo[i + 1:]
    if not started or len(done) < len(todo):  # failed before the first/next PDF (e.g. import)
        first = max(done, default=-1) + 1
        why = f"exit {code}: {tail}" if code is not None else "start-up timeout"
        for pdf, _ in todo[first:]:
            res.items[pdf] = ItemResult("crash", err=why[:300])
    return []


def _read_events(
    log: Path, pos: int, todo: list[tuple[str, str]], started: dict[int, float],
    done: dict[int, float],
    res: RunResult,
) -> int:
    """Consume new complete lines of the driver's event log; returns the new file offset."""
    with open(log, encoding="utf-8") as f:
        f.seek(pos)
        chunk = f.read()
    end = chunk.rfind("\n") + 1
    for line in chunk[:end].splitlines():
        ev = json.loads(line)
        i = ev["i"]
        if ev["ev"] == "start":
            started[i] = time.monotonic()
        else:
            done[i] = time.monotonic()
            res.max_rss_kb = max(res.max_rss_kb, int(ev.get("hwm_kb") or 0))
            pdf, out = todo[i]
            ok = ev["status"] == "ok"
            res.items[pdf] = ItemResult(ev["status"], Path(out) if ok else None, ev["secs"],
                                        ev.get("err", ""))
    return pos + len(chunk[:end].encode("utf-8"))


def versions(tools: list[Tool], use_venv: bool = True) -> dict[str, str]:
    """Version string of each tool (from its own venv), or why it is unavailable."""
    out: dict[str, str] = {}
    for t in tools:
        if t.cli:
            try:
                p = subprocess.run([t.cli[0], "-v"], capture_output=True, text=True, timeout=20)
                out[t.name] = (p.stderr or p.stdout).strip().splitlines()[0]
            except (OSError, IndexError, subprocess.TimeoutExpired) as exc:
                out[t.name] = f"unavailable ({exc})"
            continue
        try:
            py = python_for(t, use_venv)
        except ToolUnavailable as exc:
            out[t.name] = f"unavailable: {str(exc)[:120]}"
            continue
        from bench.venvs import installed_versions

        v = installed_versions(Path(py), list(t.dists))
        out[t.name] = ", ".join(f"{d} {v[d]}" for d in t.dists if d in v) or "?"
    return out

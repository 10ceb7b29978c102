"""Cached per-peer virtualenvs under bench/.cache/venvs/<name>.

Each peer gets its own venv because several of them pull heavy or conflicting dependencies
(PyMuPDF, onnxruntime). A venv is built once with `python -m venv` + `pip install` and reused while
its package list is unchanged. A failed install is remembered (so a full bench run does not retry a
broken package for every PDF) and raised as `VenvError` with the tail of pip's output.

    from bench.venvs import ensure_venv
    python = ensure_venv("pdfminer", ["pdfminer.six"])   # -> Path to the venv's python
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent / ".cache" / "venvs"
OK_MARK = ".bench-ok.json"
FAIL_MARK = ".bench-failed.json"


class VenvError(RuntimeError):
    """A venv could not be created or its packages could not be installed."""


def venv_dir(name: str) -> Path:
    """Directory of the named venv (it may not exist yet)."""
    if not name or "/" in name or name.startswith("."):
        raise ValueError(f"bad venv name: {name!r}")
    return ROOT / name


def _python_of(vdir: Path) -> Path:
    return vdir / "bin" / "python"


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def ensure_venv(
    name: str,
    packages: list[str],
    *,
    retry_failed: bool = False,
    timeout: float = 900.0,
) -> Path:
    """Return the python of venv `name` with `packages` installed, creating it if needed.

    Raises VenvError if venv creation or pip fails (also on later calls, from the cached failure
    record, unless `retry_failed`). Safe to call concurrently from several processes (file lock).
    """
    vdir = venv_dir(name)
    ROOT.mkdir(parents=True, exist_ok=True)
    want = {"packages": list(packages), "python": sys.version.split()[0]}
    with open(ROOT / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ok = _read_json(vdir / OK_MARK)
        if ok and ok.get("packages") == want["packages"] and _python_of(vdir).exists():
            return _python_of(vdir)
        failed = _read_json(ROOT / f"{name}{FAIL_MARK}")
        if failed and failed.get("packages") == want["packages"] and not retry_failed:
            raise VenvError(f"venv {name}: {failed.get('error', 'install failed earlier')}")
        return _build(vdir, name, want, timeout)


def _build(vdir: Path, name: str, want: dict[str, Any], timeout: float) -> Path:
    """Create the venv from scratch and pip-install the packages; record success or failure."""
    if vdir.exists():
        shutil.rmtree(vdir)
    fail_path = ROOT / f"{name}{FAIL_MARK}"
    try:
        _run([sys.executable, "-m", "venv", str(vdir)], timeout=120)
        py = _python_of(vdir)
        if want["packages"]:
            _run([str(py), "-m", "pip", "install", "--quiet", *want["packages"]], timeout=timeout)
    except VenvError as exc:
        fail_path.write_text(json.dumps({**want, "error": str(exc)}, ensure_ascii=False), "utf-8")
        shutil.rmtree(vdir, ignore_errors=True)
        raise VenvError(f"venv {name}: {exc}") from None
    fail_path.unlink(missing_ok=True)
    (vdir / OK_MARK).write_text(json.dumps(want), encoding="utf-8")
    return py


def _run(cmd: list[str], timeout: float) -> None:
    """Run a build step; turn any failure into a VenvError carrying the last lines of output."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        raise VenvError(f"timed out after {timeout:.0f}s: {' '.join(cmd[-3:])}") from None
    except OSError as exc:
        raise VenvError(f"cannot run {cmd[0]}: {exc}") from None
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-6:]
        raise VenvError(f"`{' '.join(cmd[2:5])} ...` exited {proc.returncode}: " + " | ".join(tail))


def installed_versions(python: Path, dists: list[str]) -> dict[str, str]:
    """Versions of the given distributions inside a venv (missing ones are omitted)."""
    code = (
        "import json, sys\nfrom importlib import metadata as m\nout = {}\n"
        "for d in sys.argv[1:]:\n"
        "    try: out[d] = m.version(d)\n"
        "    except Exception: pass\n"
        "print(json.dumps(out))"
    )
    try:
        proc = subprocess.run(
            [str(python), "-c", code, *dists], capture_output=True, text=True, timeout=60
        )
        data = json.loads(proc.stdout or "{}")
        return {str(k): str(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError, subprocess.TimeoutExpired):
        return {}


if __name__ == "__main__":  # python -m bench.venvs NAME PKG...
    if len(sys.argv) < 2:
        sys.exit("usage: python -m bench.venvs NAME [PKG...]")
    try:
        print(ensure_venv(sys.argv[1], sys.argv[2:], retry_failed=True))
    except VenvError as e:
        sys.exit(str(e))

"""Quality gates from day one: ruff over the code and mypy --strict over the package."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *cmd], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean() -> None:
    proc = _run("ruff", "check", "warraq", "tests", "bench", "--exclude", "bench/.cache")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]


def test_mypy_strict_is_clean() -> None:
    proc = _run("mypy", "warraq")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]

"""`warraq repair` on the command line: text in, text out, a JSON report, one-line errors."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from warraq.errors import ExitCode
from warraq.repair import command

BROKEN = "وزارة الخارجيـــة\n"
FIXED = "وزارة الخارجية\n"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="warraq")
    sub = parser.add_subparsers(dest="command")
    command.add_parser(sub)
    args = parser.parse_args(["repair", *argv])
    code = args.run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_repair_file_to_stdout_with_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(BROKEN, encoding="utf-8")
    report = tmp_path / "r.json"
    code, out, err = _run([str(src), "--report", str(report)], capsys)
    assert (code, out, err) == (ExitCode.OK, FIXED, "")
    log = json.loads(report.read_text(encoding="utf-8"))
    assert log["changes"] == [{"line": 1, "rule": "kashida", "before": "وزارة الخارجيـــة",
                               "after": "وزارة الخارجية", "confidence": 0.95}]


def test_repair_stdin_to_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BROKEN.encode("utf-8"))))
    out_file = tmp_path / "out.txt"
    code, out, _ = _run(["-", "-o", str(out_file)], capsys)
    assert code == ExitCode.OK and out == ""
    assert out_file.read_text(encoding="utf-8") == FIXED


def test_bad_inputs_do_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BROKEN, encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\xe9\n".encode("latin-1"))
    code, out, err = _run([str(latin1), str(tmp_path / "missing.txt"), str(good)], capsys)
    assert code == ExitCode.PARTIAL
    assert out == FIXED
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "latin1.txt" in lines[0] and "missing.txt" in lines[1]
    assert "Traceback" not in err


def test_only_bad_input_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    code, out, err = _run([str(bad)], capsys)
    assert code == ExitCode.BAD_INPUT and out == "" and len(err.strip().splitlines()) == 1

"""`warraq check`: verdicts per page and exit codes as a pipeline gate."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOT, with_extra_page

from warraq.cli import main
from warraq.errors import ExitCode

SAMPLE = ROOT / "examples" / "sample.pdf"


def _with_scanned_page(tmp_path: Path) -> Path:
    return with_extra_page(SAMPLE, tmp_path / "with-scan.pdf", image=True)


def test_clean_pdf_passes_the_gate(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(SAMPLE), "--fail-on", "repaired"])
    out = capsys.readouterr().out
    assert code == ExitCode.OK
    assert out.startswith(f"{SAMPLE}: clean")


def test_page_without_text_needs_ocr_and_trips_the_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--ocr", "never", "-f", "json", "--fail-on", "needs-ocr", str(_with_scanned_page(tmp_path))])
    report = json.loads(capsys.readouterr().out)[0]
    assert code == ExitCode.GATE
    assert report["verdict"] == "needs-ocr"
    assert [p["verdict"] for p in report["pages"]] == ["clean", "needs-ocr"]
    assert "no text layer" in report["pages"][1]["reasons"]


def test_a_blank_page_is_clean_and_passes_the_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # nothing drawn, nothing to read: a separator page is no page that needs OCR
    blank = with_extra_page(SAMPLE, tmp_path / "with-blank.pdf", image=False)
    code = main(["check", "-f", "json", "--fail-on", "needs-ocr", str(blank)])
    report = json.loads(capsys.readouterr().out)[0]
    assert code == ExitCode.OK
    assert [p["verdict"] for p in report["pages"]] == ["clean", "clean"]
    assert report["pages"][1]["reasons"] == ["blank page"]


def test_without_gate_a_needs_ocr_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--ocr", "never", str(_with_scanned_page(tmp_path))])
    capsys.readouterr()
    assert code == ExitCode.OK


def test_unmapped_glyphs_are_never_confident_garbage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without ToUnicode and without recovery, a page is needs-ocr and shows U+FFFD, not codes."""
    stripped = tmp_path / "no-tounicode.pdf"
    with pikepdf.open(SAMPLE) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                if "/ToUnicode" in font:
                    del font["/ToUnicode"]
        pdf.save(stripped)
    code = main(["extract", "--no-recover", "--ocr", "never", "-f", "json", str(stripped)])
    doc = json.loads(capsys.readouterr().out)
    assert code == ExitCode.OK
    page = doc["pages"][0]
    assert page["verdict"]["verdict"] == "needs-ocr"
    text = " ".join(b["text"] for b in page["blocks"])
    letters = [c for c in text if not c.isspace()]
    assert letters and all(c == "\ufffd" for c in letters)


def test_check_bad_file_in_batch_is_partial(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf", encoding="utf-8")
    code = main(["check", str(bad), str(SAMPLE)])
    out, err = capsys.readouterr()
    assert code == ExitCode.PARTIAL
    assert "not a PDF" in err and "Traceback" not in err
    assert f"{SAMPLE}: clean" in out


def test_born_digital_fixtures_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """PDFium's own word breaks and the producers' mappings are no reason for distrust."""
    fixture = ROOT / "tests" / "fixtures" / "chromium-amiri-notice.pdf"
    code = main(["check", "-f", "json", str(fixture)])
    report = json.loads(capsys.readouterr().out)[0]
    assert code == ExitCode.OK
    assert report["verdict"] == "clean"

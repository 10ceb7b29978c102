"""The command line: every kind of bad input gets one line on stderr and a documented exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOT, with_extra_page

from warraq.cli import main
from warraq.errors import ExitCode

SAMPLE = ROOT / "examples" / "sample.pdf"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "expected a message on stderr"
    assert not any("Traceback" in line for line in lines)
    return lines[0]


def test_extract_sample_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SAMPLE))
    assert code == ExitCode.OK
    assert "الورّاق: نسخة أمينة من النص" in out
    assert "https://library.example.org" in out


def test_not_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_text("just some text", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(bad))
    assert code == ExitCode.BAD_INPUT
    assert out == ""
    assert "not a PDF" in one_line(err)


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.pdf"))
    assert code == ExitCode.BAD_INPUT
    assert "no such file" in one_line(err)


def test_truncated_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = SAMPLE.read_bytes()
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(data[: len(data) // 3])
    code, _, err = run(capsys, "extract", str(bad))
    assert code == ExitCode.BAD_INPUT
    assert "damaged" in one_line(err)


def test_damaged_xref_is_repaired_or_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = SAMPLE.read_bytes()
    cut = data.rfind(b"startxref")
    bad = tmp_path / "xref.pdf"
    bad.write_bytes(data[:cut] + b"startxref\n999999\n%%EOF\n")
    code, out, err = run(capsys, "extract", str(bad))
    # PDFium rebuilds a broken cross-reference table by scanning objects; either the text comes
    # out whole or the file is refused in one line, never a half answer
    if code == ExitCode.OK:
        assert "الورّاق" in out
    else:
        assert code == ExitCode.BAD_INPUT and one_line(err)


def _encrypted(tmp_path: Path) -> Path:
    target = tmp_path / "locked.pdf"
    with pikepdf.open(SAMPLE) as pdf:
        pdf.save(target, encryption=pikepdf.Encryption(owner="owner-pw", user="secret", R=6))
    return target


def test_encrypted_without_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", str(_encrypted(tmp_path)))
    assert code == ExitCode.ENCRYPTED
    assert "--password" in one_line(err)


def test_encrypted_wrong_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", str(_encrypted(tmp_path)), "--password", "guess")
    assert code == ExitCode.ENCRYPTED
    assert "wrong password" in one_line(err)


def test_encrypted_right_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(_encrypted(tmp_path)), "--password", "secret")
    assert code == ExitCode.OK
    assert "الورّاق" in out


def test_zero_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.pdf"
    pikepdf.new().save(empty)
    code, _, err = run(capsys, "extract", str(empty))
    assert code == ExitCode.BAD_INPUT
    assert "no pages" in one_line(err)


def test_page_without_text_layer_is_partial(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed = with_extra_page(SAMPLE, tmp_path / "mixed.pdf", image=True)
    code, out, err = run(capsys, "extract", "--ocr", "never", str(mixed))
    assert code == ExitCode.PARTIAL
    assert "الورّاق" in out  # the good page still comes out
    assert "page 2 has no text layer (needs OCR)" in err


def test_a_blank_page_is_no_missing_text_layer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(with_extra_page(SAMPLE, tmp_path / "blank.pdf", image=False)))
    assert code == ExitCode.OK and "الورّاق" in out and "needs OCR" not in err


def test_a_page_too_damaged_to_load_is_partial(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    two = tmp_path / "two.pdf"
    with pikepdf.open(SAMPLE) as pdf:
        pdf.pages.append(pdf.pages[0])
        pdf.save(two)
    extraction = sys.modules["warraq.extract"]
    real = extraction.load_page  # PDFium refuses page 2, as it does some spliced files'
    monkeypatch.setattr(extraction, "load_page", lambda doc, i: None if i == 1 else real(doc, i))
    code, out, err = run(capsys, "extract", str(two))
    assert code == ExitCode.PARTIAL
    assert "الورّاق" in out
    assert err.splitlines()[0].endswith("page 2 cannot be read (damaged)")


def test_bad_file_does_not_stop_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "a.pdf"
    bad.write_bytes(b"%PDF-1.7\nbroken")
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "extract", str(bad), str(SAMPLE), "-o", str(out_dir))
    assert code == ExitCode.PARTIAL
    assert "a.pdf" in one_line(err)
    assert "الورّاق" in (out_dir / "sample.txt").read_text(encoding="utf-8")


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", str(SAMPLE), "--pages", "3-1")
    assert code == ExitCode.USAGE
    assert "page list" in one_line(err)


def test_pages_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    two = tmp_path / "two.pdf"
    with pikepdf.open(SAMPLE) as pdf:
        pdf.add_blank_page(page_size=(420, 595))
        pdf.save(two)
    code, out, _ = run(capsys, "extract", str(two), "--pages", "1")
    assert code == ExitCode.OK
    assert "الورّاق" in out


def test_json_output_has_structure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "-f", "json", str(SAMPLE))
    assert code == ExitCode.OK
    doc = json.loads(out)
    page = doc["pages"][0]
    block = page["blocks"][0]
    line = block["lines"][0]
    assert line["direction"] == "rtl"
    assert len(line["bbox"]) == 4 and all(isinstance(v, float) for v in line["bbox"])
    assert line["words"][0]["text"]
    assert sum(line["sources"].values()) > 0
    assert page["verdict"]["verdict"] == "clean"


def test_markdown_keeps_heading_on_its_own_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "-f", "md", str(SAMPLE))
    assert code == ExitCode.OK
    assert out.splitlines()[0] == "## الورّاق: نسخة أمينة من النص"


def test_api_takes_pages_as_a_caller_writes_them() -> None:
    import warraq
    from warraq.options import Options, OptionsError

    assert Options(pages="1-3,7").pages == (1, 2, 3, 7)
    assert Options(pages=2).pages == (2,)
    assert Options(pages=[3, 1]).pages == (3, 1)
    for bad in ("x", [1.5], True, [], [0]):
        with pytest.raises(OptionsError):
            Options(pages=bad)
    text = warraq.extract(SAMPLE, pages="1").text()
    assert "الورّاق" in text and text == warraq.extract(SAMPLE, pages=[1]).text()

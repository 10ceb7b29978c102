"""OCR package: TSV parsing, word-level logical order, and a real image-only page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warraq.ocr import OcrWord, TesseractEngine, group_lines, logical_line, ocr_page, parse_tsv

AMIRI = Path("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf")
HAS_TESSERACT = shutil.which("tesseract") is not None

TSV = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
       "5\t1\t1\t1\t1\t1\t300\t10\t50\t20\t91.5\t\u0645\u0646\n"
       "5\t1\t1\t1\t1\t2\t10\t10\t60\t20\t88\tCity\u200e\n"
       "5\t1\t1\t1\t1\t3\t400\t10\t80\t20\t-1\t\n")


def test_parse_tsv_drops_empty_words_and_bidi_marks() -> None:
    words = parse_tsv(TSV)
    assert [w.text for w in words] == ["\u0645\u0646", "City"]
    assert words[0].bbox == (300, 10, 350, 30) and words[0].confidence == pytest.approx(0.915)


def _w(text: str, x: int) -> OcrWord:
    return OcrWord(text, (x, 0, x + 40, 20), 0.9, (1, 1, 1))


def test_rtl_line_keeps_latin_run_in_reading_order() -> None:
    # drawn left to right: "Smart City" then two Arabic words; logical: Arabic right word first
    words = [_w("City", 60), _w("Smart", 10), _w("\u0628\u0631\u0646\u0627\u0645\u062c", 200),
             _w("\u0636\u0645\u0646", 300)]
    ordered, direction = logical_line(words)
    assert direction == "rtl"
    assert [w.text for w in ordered] == ["\u0636\u0645\u0646", "\u0628\u0631\u0646\u0627\u0645\u062c",
                                         "Smart", "City"]


def test_group_lines_top_to_bottom() -> None:
    a = OcrWord("\u0623", (10, 50, 20, 60), 1.0, (1, 1, 2))
    b = OcrWord("\u0628", (10, 10, 20, 20), 1.0, (1, 1, 1))
    assert [ln.text for ln in group_lines([a, b])] == ["\u0628", "\u0623"]


def test_missing_tesseract_is_a_clear_error() -> None:
    from warraq.ocr import OcrUnavailableError

    with pytest.raises(OcrUnavailableError, match="tesseract"):
        TesseractEngine(binary="no-such-tesseract").check("ara")


@pytest.mark.skipif(not HAS_TESSERACT or not AMIRI.exists(), reason="tesseract or Amiri not installed")
def test_image_only_page_gives_arabic_text(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    from bench.damage import sample_pdf

    # "the weather is nice today in the city" (original test text)
    text = "\u0627\u0644\u062c\u0648 \u062c\u0645\u064a\u0644 \u0627\u0644\u064a\u0648\u0645 \u0641\u064a \u0627\u0644\u0645\u062f\u064a\u0646\u0629"
    src = sample_pdf(tmp_path / "t.pdf", [text], size=28)
    image = pdfium.PdfDocument(str(src))[0].render(scale=200 / 72).to_pil().convert("RGB")
    scan = tmp_path / "scan.pdf"
    image.save(scan, "PDF", resolution=200)
    assert pdfium.PdfDocument(str(scan))[0].get_textpage().count_chars() == 0  # no text layer
    lines = ocr_page(scan, 0, dpi=200)
    got = " ".join(ln.text for ln in lines)
    words = text.split()
    assert sum(w in got.split() for w in words) >= 4, got
    assert lines[0].direction == "rtl"
    assert got.split().index(words[0]) < got.split().index(words[-1])  # logical order

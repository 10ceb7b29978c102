"""What PDFium reports for unmapped glyphs: the facts warraq.fonts is designed around."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.damage import AMIRI, pdfium_chars, sample_pdf, strip_tounicode

pytestmark = pytest.mark.skipif(not AMIRI.exists(), reason="fonts-hosny-amiri not installed")


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("pdfium")
    clean = sample_pdf(d / "clean.pdf", ["\u0643\u062a\u0628 \u0662\u0660"])
    damaged = d / "notu.pdf"
    strip_tounicode(clean, damaged)
    return clean, damaged


def test_type0_basefont_keeps_subset_tag(pair: tuple[Path, Path]) -> None:
    names = {c[2] for c in pdfium_chars(pair[0])}
    assert names == {"MPDFAA+Amiri"}


def test_without_tounicode_pdfium_shows_the_code_and_flags_it(pair: tuple[Path, Path]) -> None:
    import pikepdf

    chars = [c for c in pdfium_chars(pair[1]) if not c[0].isspace()]
    assert chars and all(err for _, err, _, _ in chars)
    with pikepdf.open(pair[1]) as pdf:
        assert pdf.pages[0].Resources.Font.F1.Encoding == "/Identity-H"
    # fpdf2 numbers its subset glyphs from 1 (Identity-H: code = CID): PDFium reports that code,
    # not the Unicode of the embedded cmap
    assert sorted({ord(t) for t, _, _, _ in chars}) == list(range(1, len({t for t, _, _, _ in chars}) + 1))

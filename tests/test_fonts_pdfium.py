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


def test_a_text_object_takes_its_size_from_a_char_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    # WeasyPrint sets 16 pt type scaled by 0.75; a word break PDFium adds at an object's start
    # reports the identity matrix, and must not make the whole object 16 pt (a "heading")
    from warraq.pdf import objects as g

    names = g.FontNames(None)

    def matrix(raw: object, index: int, out: object) -> int:
        names._matrix[:] = [1.0, 0, 0, 1.0, 0, 0] if index == 0 else [0.75, 0, 0, 0.75, 0, 0]
        return 1

    monkeypatch.setattr(g.pf, "font_size", lambda raw, index: 16.0)
    monkeypatch.setattr(g.pf, "is_generated", lambda raw, index: 1 if index == 0 else 0)
    monkeypatch.setattr(g.pf, "char_matrix", matrix)
    monkeypatch.setattr(g.pf, "object_font", lambda obj: 0)
    monkeypatch.setattr(g.pf, "count_marks", lambda obj: 0)
    monkeypatch.setattr(g.pf, "clip_path", lambda obj: 0)
    monkeypatch.setattr(g.pf, "render_mode", lambda obj: 0)
    monkeypatch.setattr(g, "_font_name", lambda address: "F")
    assert names.info(7, 0)[1] == 16.0  # the generated space itself
    assert names.info(7, 1)[1] == 12.0  # the object's first real char
    assert names.info(7, 2)[1] == 12.0

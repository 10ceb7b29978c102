"""Strings the upstream projects' own tests assert of their real PDFs (realworld/SOURCES.md)."""

from __future__ import annotations

import pytest
from conftest import SHARED

import warraq
from warraq.fonts.glyphtext import _nominal_preference

# ../shared sits beside the checkout in CI; a clone elsewhere has no real-world PDFs to read
needs_shared = pytest.mark.skipif(not (SHARED / "pdfs").is_dir(), reason="../shared/realworld is not beside this checkout")


@needs_shared
def test_weasyprint_mapping_that_mixes_directions() -> None:
    # WeasyPrint 54 maps the first glyph of a run to the run's text and the Latin "h" to
    # "حَبيبي h"; PDFium shows the latter reordered, and the font's cmap says what the glyphs are
    for name in ("pysamples-habibi", "pysamples-habibi-oneline-cmap"):
        assert warraq.extract(SHARED / "pdfs" / f"{name}.pdf").text().strip() == "حَبيبي habibi"


@needs_shared
def test_pypdf_multilang_line() -> None:
    assert "مرحبا بالعالم" in warraq.extract(SHARED / "pdfs" / "pypdf-multilang.pdf").text()


@needs_shared
def test_gazette_numbers_not_reversed() -> None:
    text = warraq.extract(SHARED / "pdfs" / "indesign-egypt-gazette-law.pdf", pages=(1, 2)).text()
    for s in ("قانون", "المنشآت الفندقية", "رقم", "لسنة", "2022"):
        assert s in text
    assert "2202" not in text


def test_a_glyph_of_two_letters_forms_reads_as_the_basic_letter() -> None:
    # one medial glyph for yeh (U+FEF4) and Farsi yeh (U+FBFF): Arabic text means yeh
    assert _nominal_preference(0xFEF4) < _nominal_preference(0xFBFF)


@needs_shared
def test_word_and_qt_give_shared_yeh_and_heh_glyphs_their_arabic_letters() -> None:
    # doPDF (Word) and wkhtmltopdf (Qt) map the joined forms of ي and ه to ی and ھ
    iraq = warraq.extract(SHARED / "pdfs" / "dopdf-iraq-constitution.pdf", pages=(1,))
    assert "ليكون بمثابة عقد اجتماعي- سياسي ينظم العلاقة بين الحكام" in iraq.text()
    assert "\ufffd" not in iraq.text()  # Arial Bold's shortest kashida stub is a kashida
    assert iraq.pages[0].verdict.verdict == "repaired"
    wiki = warraq.extract(SHARED / "pdfs" / "wkhtmltopdf-wikipedia-renewable-energy.pdf", pages=(1,)).text()
    assert "الطّاقة المتجددة هي الطّاقة المُستَمّدة من الموارد الطبيعية" in wiki
    assert not set("یھ") & set(wiki)


@needs_shared
def test_indesign_kashida_without_a_character_joins_its_word() -> None:
    # InDesign's justification kashida maps to nothing: PDFium puts a space in its gap
    text = warraq.extract(SHARED / "pdfs" / "indesign-egypt-gazette-law.pdf", pages=(19,)).text()
    assert "يخالف أحكام المواد أرقام" in text and "الم واد" not in text


@needs_shared
def test_a_tatweel_typed_as_a_dash_stays() -> None:
    text = warraq.extract(SHARED / "pdfs" / "dopdf-iraq-constitution.pdf", pages=(3,)).text()
    assert "ب ـ لا يجوز توقيف أحد" in text


@needs_shared
def test_a_right_to_left_list_item_that_opens_in_english() -> None:
    # Arabic Wikipedia's references: the item is set right to left though its first words are
    # English; its number at the line's right end ("3." drawn ".3") tells
    text = warraq.extract(SHARED / "pdfs" / "wkhtmltopdf-wikipedia-renewable-energy.pdf", pages=(5,)).text()
    assert "3. ^ IEA urges governments" in text
    assert "exploitation of the large potential for renewable energy نسخة محفوظة 22 سبتمبر 2017" in text

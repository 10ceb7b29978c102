"""List markers: private-use codes of symbol fonts (warraq.fonts.symbols), and bullets and
numbers set a tab apart from their items (warraq.layout.lines)."""

from __future__ import annotations

from conftest import FIXTURES

import warraq
from warraq.fonts.symbols import symbol_text


def test_symbol_font_codes_read_through_their_family_encoding() -> None:
    assert symbol_text("ABCDEF+SymbolMT", "\uf0b7") == "•"  # Word's bullet
    assert symbol_text("Symbol", "\uf061") == "α"
    assert symbol_text("DAAAAA+OpenSymbol", "\uf095") == "•"  # LibreOffice: Windows-1252
    assert symbol_text("Wingdings-Regular", "\uf0a7") == "▪"


def test_other_fonts_and_codes_are_left_alone() -> None:
    assert symbol_text("NotoSansSymbols-Regular", "\uf0b7") is None  # a Unicode font
    assert symbol_text("Amiri-Regular", "\uf095") is None
    assert symbol_text("SymbolMT", "\ue000") is None  # not a symbol cmap's code
    assert symbol_text("Wingdings", "\uf041") is None  # no bullet Word offers


def test_libreoffice_bullets_open_their_items() -> None:
    # OpenSymbol's bullet is U+F095 in the PDF, set 1.4 em right of its item's text
    doc = warraq.extract(FIXTURES / "libreoffice-amiri-bulleted-report.pdf")
    items = [b.text for p in doc.pages for b in p.body if b.kind == "list-item"]
    assert items == ["• توحيد معايير الرصد بين المراصد الإقليمية.",
                     "• نشر البيانات الخام للباحثين خلال أسبوع من الرصد.",
                     "• تدريب المتطوعين على التصوير الفلكي الليلي."]
    assert doc.pages[0].verdict.methods["symbol-encoding"] == 3


def test_libreoffice_numbers_open_their_items() -> None:
    # "1." a tab right of its item's text, as the bullets are
    doc = warraq.extract(FIXTURES / "libreoffice-amiri-numbered-report.pdf")
    items = [b.text for p in doc.pages for b in p.body if b.kind == "list-item"]
    assert items[:3] == ["1. توحيد معايير الرصد بين المراصد الإقليمية.",
                         "2. نشر البيانات الخام للباحثين خلال أسبوع من الرصد.",
                         "3. تدريب المتطوعين على التصوير الفلكي الليلي."]

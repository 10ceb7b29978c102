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


def test_a_number_glued_to_its_item_is_parted_from_it_but_a_date_is_not() -> None:
    from conftest import glyphs_from_visual, rev

    from warraq.layout.assemble import to_line
    from warraq.layout.blocks import build_blocks
    from warraq.layout.lines import build_segments

    # LibreOffice's HTML import sets "1." right against the item's first word
    rows = [list(rev("ارتفعت المبيعات")) + [".", "1"], list(rev("انخفضت الأسعار")) + [".", "2"]]
    glyphs = [g for k, row in enumerate(rows) for g in glyphs_from_visual(row, y=100.0 + 16 * k)]
    blocks = build_blocks(build_segments(glyphs), "rtl", 12.0)
    assert [to_line(b.segments[0], "rtl", False).text for b in blocks] == ["1. ارتفعت المبيعات", "2. انخفضت الأسعار"]
    # a date is one word: "١٤-إبريل-١٤٣٤", its day at the line's right end
    date = ["١٤٣٤", "-"] + list(rev("إبريل")) + ["-", "١٤"]
    assert to_line(build_segments(glyphs_from_visual(date))[0], "rtl", False).text == "١٤-إبريل-١٤٣٤"

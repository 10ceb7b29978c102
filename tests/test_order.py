"""Ordering rules on hand-built glyph sequences given in visual (drawn) order."""

from __future__ import annotations

from conftest import glyphs_from_visual, line_text, rev

from warraq.arabic.bidi import bracket_sides
from warraq.layout.assemble import number_oddities, to_line
from warraq.layout.lines import build_segments
from warraq.pdf.glyphs import Glyph


def units(*parts: str) -> list[str]:
    out: list[str] = []
    for p in parts:
        out.extend(p)
    return out


def test_digits_inside_arabic() -> None:
    visual = units(rev("في بغداد"), " 1990 ", rev("ولد عام"))
    assert line_text(visual) == "ولد عام 1990 في بغداد"


def test_decimal_negative_and_range_as_a_uax9_renderer_draws_them() -> None:
    # After an Arabic letter, digits are Arabic numbers (W2), so "-" is drawn on the right of
    # "4.2" and "2024" on the left of "2020"
    visual = units(rev("بين"), " 2024-2020 ", rev("و"), " 4.2- ", rev("انخفض"))
    assert line_text(visual) == "انخفض -4.2 و 2020-2024 بين"


def test_latin_inside_arabic() -> None:
    visual = units(rev("يوميا"), " Google Chrome ", rev("يستخدم"))
    assert line_text(visual) == "يستخدم Google Chrome يوميا"


def test_arabic_inside_latin_line() -> None:
    visual = units("The word ", rev("سلام"), " means peace.")
    assert line_text(visual, "ltr") == "The word سلام means peace."


def test_percent_western_digits() -> None:
    visual = units(rev("تقريبا"), " %45 ", rev("بنسبة"))
    assert line_text(visual) == "بنسبة 45% تقريبا"


def test_percent_arabic_indic_digits() -> None:
    # UAX #9 puts ARABIC PERCENT SIGN at the right-to-left level, so it is drawn left of the digits
    visual = units("\u066a\u0664\u0665 ", rev("بنسبة"))
    assert line_text(visual) == "بنسبة \u0664\u0665\u066a"


def test_ra_between_digits_is_a_decimal_mark() -> None:
    # Egyptian print writes 1.9 as "١ر٩", drawn left to right like any number
    visual = units("١ر٩ ", rev("بلغت"))
    assert line_text(visual) == "بلغت ١ر٩"


def test_brackets_drawn_mirrored_and_mapped_to_their_shape() -> None:
    visual = units(rev("ثم"), " (", rev("نعم"), ") ", rev("قال"))
    assert line_text(visual) == "قال (نعم) ثم"


def test_brackets_mapped_to_their_logical_character() -> None:
    visual = units(rev("ثم"), " )", rev("نعم"), "( ", rev("قال"))
    assert line_text(visual) == "قال (نعم) ثم"


def test_guillemets() -> None:
    visual = units("»", rev("السلام"), "« ", rev("قالوا"))
    assert line_text(visual) == "قالوا «السلام»"


def test_lam_alef_cluster_stays_whole() -> None:
    # "إلا" drawn as alef-with-hamza-below and a lam-alef ligature glyph mapped to two characters
    visual = ["\u0644\u0627", "\u0625", " ", *rev("الله")]
    assert line_text(visual) == "الله إلا"


def test_mark_stays_on_its_base_letter() -> None:
    # "كَتَبَ": each fatha drawn after its letter, over it
    visual = ["ب", "\u064e", "ت", "\u064e", "ك", "\u064e"]
    assert line_text(visual) == "كَتَبَ"


def test_english_date_in_attribution_line() -> None:
    # as LibreOffice and Chromium draw it: rule N0 keeps "(@handle)" at the Arabic level
    visual = units("July 31, 2025 )sara_mansouri@( ", rev("سارة المنصوري"), " —")
    assert line_text(visual) == "— سارة المنصوري (@sara_mansouri) July 31, 2025"


def test_number_glued_to_latin() -> None:
    visual = units("(COVID-19)", rev("مرض"))
    assert line_text(visual) == "مرض(COVID-19)"


def test_number_after_a_latin_name_unless_it_is_a_unit() -> None:
    # drawn right to left, "SPF 30" and "30 SPF" look the same: a name owns its number, a unit
    # follows its quantity, and a Latin date keeps its day first
    visual = units(rev("أو أعلى"), " SPF 30 ", rev("بعامل حماية"))
    assert line_text(visual) == "بعامل حماية SPF 30 أو أعلى"
    visual = units(rev("فقط"), " GB 256 ", rev("بسعة"))
    assert line_text(visual) == "بسعة 256 GB فقط"
    visual = units(rev("وقع الاتفاق"), " March 2024 3 ", rev("في"))
    assert line_text(visual) == "في 3 March 2024 وقع الاتفاق"


def test_url_and_email() -> None:
    visual = units("info@example.org ", rev("أو"), " https://www.example.gov.sa ", rev("زوروا"))
    assert line_text(visual) == "زوروا https://www.example.gov.sa أو info@example.org"


def test_kashida_removed_inside_word() -> None:
    visual = rev("الخارجيـــة")
    assert line_text(list(visual)) == "الخارجية"


def test_real_tatweel_after_hijri_year_kept() -> None:
    visual = units(rev("هـ"), "1446 ", rev("رمضان"))
    assert line_text(visual) == "رمضان 1446هـ"


def test_inverse_of_an_independent_uax9_implementation() -> None:
    """python-bidi draws logical lines; reading its drawing back must give the lines again."""
    from bidi import get_display

    lines = [
        "أعلنت الوزارة يوم الخميس 31 يوليو/تموز 2025 أن النسبة بلغت 87.5% في الرياض",
        "سجلت الأسعار تراجعا بنسبة -3.25% خلال الفترة 2020-2024 وفق تقرير IMF السنوي",
        "الهاتف +971 4 123 4567 أو 0501234567 والساعة 10:30 صباحا",
        "قرأت مقالا عن iPhone 15 Pro على موقع www.example.com اليوم",
        "العدد ١٢٣٤ والنسبة ٥٠٪ في ١٥ رمضان ١٤٤٦هـ",
    ]
    for logical in lines:
        drawn = get_display(logical, base_dir="R")
        assert line_text(list(drawn)) == logical


def test_number_oddities_prefer_the_tidy_reading() -> None:
    from warraq.layout.assemble import number_oddities

    assert number_oddities("الفترة (2020-2024)") == 0
    assert number_oddities("الفترة (2024-2020)") == 1
    assert number_oddities("بنسبة 70%") == 0
    assert number_oddities("بنسبة %70") == 1
    assert number_oddities("انخفض 4.2- أمس") == 1


def test_lam_alef_ligature_with_its_alef_in_actual_text() -> None:
    # LibreOffice draws "لإ" as one ligature glyph mapped to lam, and puts the alef with its
    # hamza and kasra in /ActualText over the same place; the span's origin may lie a mark's
    # width right of the lam's, which must not put the alef first: "الْإِنْسَانِ" (no marks here)
    glyphs = glyphs_from_visual([*rev("نسان"), "\u0644", "\u0627"])
    lam = next(g for g in glyphs if g.text == "\u0644")
    alef = Glyph("\u0625\u0650", "actualtext", lam.x0 + 0.3, lam.top, lam.x1 - 0.7, lam.bottom,
                 lam.ox + 0.9, lam.oy, lam.size, lam.font, lam.index - 1)
    segs = build_segments([*glyphs, alef])
    assert to_line(segs[0], "rtl", keep_tatweel=False).text == "الإِنسان"


def sides(text: str) -> str:
    """The text with each bracket turned to the side `bracket_sides` gives it."""
    return "".join(bracket_sides(list(text)))


def test_a_bracket_with_spaces_on_both_sides_takes_the_side_its_pair_needs() -> None:
    # a wrapped line that starts with "( " (a Word decree): nothing touches the bracket
    assert sides(") 31 ديسمبر 2001) بفرض رسم") == "( 31 ديسمبر 2001) بفرض رسم"
    assert sides("أدوات (مثل كانبان “Kanban”(، لتنظيم") == "أدوات (مثل كانبان “Kanban”)، لتنظيم"
    assert sides("قال ( كذا ) ثم") == "قال ( كذا ) ثم"


def test_doubled_brackets_take_one_side_and_a_colon_opens() -> None:
    # Word's quoted articles: "((" after a colon, "))" after the last word
    assert sides("نصت على:)(العراقيون متساوون أمام القانون") == "نصت على:((العراقيون متساوون أمام القانون"
    assert sides("حياة كريمة((، وأن") == "حياة كريمة))، وأن"
    assert sides("ما يأتي:(( جمهورية") == "ما يأتي:(( جمهورية"


def test_a_number_kept_left_to_right_reads_as_written() -> None:
    # "+971 4 123 4567" behind a left-to-right mark: drawn in its written order
    units = list(rev(" أو راسلنا")) + list("+971 4 123 4567") + list(rev("اتصل على الرقم "))
    assert line_text(units) == "اتصل على الرقم +971 4 123 4567 أو راسلنا"
    # the same groups with no plus sign are read right to left, as the implicit rules set them
    units = list(rev(" قبل")) + list("0796 112 233") + list(rev("الرقم "))
    assert line_text(units) == "الرقم 233 112 0796 قبل"


def test_a_trunk_code_after_its_number_is_an_oddity() -> None:
    assert number_oddities("الخط الساخن: 5001122-06، من الأحد") == 1
    assert number_oddities("الخط الساخن: 06-5001122، من الأحد") == 0
    assert number_oddities("صدر في 15-03-2024 وفي 2024-03-15") == 0

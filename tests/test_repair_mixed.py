"""Rule 5 as real tools break it: runs in display order (PyMuPDF, pypdf), punctuation read
backwards between words (pdftotext), brackets as their mirrored glyphs. Expected Arabic by hand."""

from __future__ import annotations

import pytest

from warraq.repair import mixed, repair
from warraq.repair.mixed import choose_family, misplacements, number_fit, number_reading, repair_line


def _left_alone(line: str) -> None:
    """A clean line: nothing in it counts as misplaced, and repair returns it as it is."""
    assert misplacements(line) == 0, line
    assert repair(line).text == line


def _fixed(line: str, family: str = "swap") -> str | None:
    got = repair_line(line, family)
    return got[0] if got else None


def test_sentence_end_moved_to_the_line_start_goes_back() -> None:
    # PyMuPDF writes the final period (and a closing guillemet) first
    assert _fixed(".انتهى الاجتماع") == "انتهى الاجتماع."
    assert _fixed(".»لا تنمية من دونه") == "لا تنمية من دونه»."


def test_latin_run_and_brackets_swapped_back() -> None:
    # "(Paracetamol)، لأنه لا يفيد" with the runs written left to right (pypdf)
    assert _fixed("، لأنه لا يفيد في هذه الحالة.)Paracetamol(") == "(Paracetamol)، لأنه لا يفيد في هذه الحالة."


def test_mirrored_brackets_put_right_in_place() -> None:
    assert _fixed("القرار رقم )١٢٣( لسنة ٢٠٢٤") == "القرار رقم (١٢٣) لسنة ٢٠٢٤"


def test_punctuation_between_words_read_backwards() -> None:
    # pdftotext: the space before the period and the colon after the opening guillemet
    assert _fixed("وصل الوفد .وقال« :نبدأ اليوم", "flip") == "وصل الوفد. وقال: «نبدأ اليوم"


def test_clean_lines_have_no_misplacements() -> None:
    for line in ("قال المتحدث (في بيان رسمي) إن الاجتماع سيعقد غدا.",
                 "بلغت النسبة 45% في عام 2024، بحسب التقرير[^1].",
                 "وأضاف: «لن نتراجع»، ثم غادر القاعة.",
                 "نشرت الهيئة البيانات1، مع مقارنة بالأعوام (2020-2024) [الأرقام",
                 "توفي عام 1445هـ في المدينة."):
        _left_alone(line)


def test_document_decides_which_kind_of_reading_it_needs() -> None:
    flipped = ["وصل الوفد .وقال« :نبدأ اليوم", "انتهى اللقاء ،ثم غادر الجميع", "قالت الوزيرة :سنبدأ غدا"]
    assert choose_family(flipped) == "flip"
    runs = [".انتهى الاجتماع", ".»لا تنمية من دونه", "، لأنه لا يفيد في هذه الحالة.)Paracetamol("]
    assert choose_family(runs) == "swap"


def test_glyph_debris_left_alone() -> None:
    assert repair_line(".ا ل م ن ة ل ب ي ت") is None


def test_spacing_habits_of_clean_text_are_no_misplacement() -> None:
    # gazettes and typed reports space their punctuation and brackets; a number split by an
    # extractor ("850,000 .00") is no visual order either
    for line in ("قرر المجلس القانون الآتي نصه ، وقد أصدرناه ؛",
                 "مادة ( 4 ) : تشكل اللجنة برئاسة الوزير المختص وعضوية كل من :",
                 "إجمالي الإيرادات (Total Revenue)\t1,200,000 .00 ر.س",
                 "تُخْبِرُنِي وَأَنَا لَا أَعْرِفُكَ؟» فَأَجَابَ التَّاجِرُ: «لِأَنَّ"):
        _left_alone(line)


def test_brackets_drawn_inside_out_are_misplaced() -> None:
    assert misplacements("تنص المادة ) 12 ( من القانون") > 0
    assert misplacements("تنص المادة ( 12 ) من القانون") == 0
    assert misplacements("أ) البند الأول (المعدل") == misplacements("أ) البند الأول")  # a list marker


def test_numbers_show_the_order_where_punctuation_does_not() -> None:
    # runs in display order; three lines show it by their periods, the others only by where
    # their numbers stand: after a word that introduces one, before what it counts
    broken = [".افتتح الوزير المعرض صباح اليوم بحضور عدد من المسؤولين",
              "زائر في اليوم الأول 12,500 وقالت الإدارة إن عدد الزوار بلغ",
              "صباحًا بحضور وفود عربية 9:30 وتبدأ الجولة الثانية عند الساعة",
              "ريال للمشروعات الفائزة 250,000 وأعلن المنظمون عن جوائز قيمتها",
              ".وتستمر الفعاليات حتى يوم الخميس المقبل",
              ".وقال المدير إن الإقبال فاق التوقعات"]
    assert repair("\n".join(broken)).text == "\n".join([
        "افتتح الوزير المعرض صباح اليوم بحضور عدد من المسؤولين.",
        "وقالت الإدارة إن عدد الزوار بلغ 12,500 زائر في اليوم الأول",
        "وتبدأ الجولة الثانية عند الساعة 9:30 صباحًا بحضور وفود عربية",
        "وأعلن المنظمون عن جوائز قيمتها 250,000 ريال للمشروعات الفائزة",
        "وتستمر الفعاليات حتى يوم الخميس المقبل.",
        "وقال المدير إن الإقبال فاق التوقعات."])
    # the same number lines in a document that shows no such damage stay as they are
    alone = "\n".join(broken[1:4])
    assert repair(alone).text == alone
    # a clean line keeps its bracketed range, which turned around would run backwards
    line = "وقد نُفّذ المشروع على مدى أربع سنوات (2021-2025) بالشراكة بين"
    assert number_fit(line) > number_fit("بالشراكة بين (2025-2021) وقد نُفّذ المشروع على مدى أربع سنوات")


def test_a_number_better_placed_by_one_side_needs_its_word_pairs_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # the runs written left to right: the count noun after the number is the only fit gained,
    # so the reading is taken only where the words it puts side by side read better too
    broken = "متطوع صباح الجمعة 3,000 شارك في تنظيف الشاطئ نحو"
    fixed = "شارك في تنظيف الشاطئ نحو 3,000 متطوع صباح الجمعة"
    for gain, expected in ((mixed.PAIR_FIT, fixed), (mixed.PAIR_FIT - 0.01, None)):
        monkeypatch.setattr(mixed, "line_score", lambda tokens, g=gain: g if tokens == fixed.split() else 0.0)
        assert number_reading(broken, "bidi") == expected
    # a percent sign glued to a word is damage of another kind
    assert number_reading("التوليدي، فيما تخطط 27 أخرى لذلك خلال عام%", "bidi") is None


def test_caret_footnote_reference_keeps_its_brackets() -> None:
    # "[^1]" after a word, displayed right to left: the caret belongs to the reference as "@"
    # to a handle, so "[" opens it rather than closing the word before it
    line = "مع مقارنة بالأعوام الأربعة السابقة ،[1^]وفق بيانات هيئة الإحصاء"
    assert _fixed(line, "bidi") == "وفق بيانات هيئة الإحصاء[^1]، مع مقارنة بالأعوام الأربعة السابقة"


def test_numbers_are_judged_by_what_introduces_them() -> None:
    # a date reads day, month, year: the month names the day before it and introduces the year
    assert number_fit("30 يوليو/تموز 2025 أن الناتج") - number_fit("أن الناتج 2025 تموز/يوليو 30") >= 2
    # a weekday introduces the day, not a year; the hour a time, not a year
    assert number_fit("يوم الأحد 14 سبتمبر/أيلول 2025 عند الساعة") > number_fit(
        "عند الساعة 2025 أيلول/سبتمبر 14 يوم الأحد")
    # a year glued to its era ("1446ه") reads as the year and the era
    assert number_fit("صدر في ١٥ رمضان ١٤٤٦ه") == number_fit("صدر في ١٥ رمضان ١٤٤٦ ه")

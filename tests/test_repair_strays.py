"""Text a tool put on the wrong line, NULs for unmapped glyphs, note numbers cut off a word.

Texts are invented; a visual line is its logical line reversed, number runs kept in order.
"""

from __future__ import annotations

from conftest import NEWS_LINES, visual_line

from warraq.repair import nul, pieces, repair, strays

TANWEEN = "\u064b"


def test_tanween_goes_on_the_one_word_that_can_take_it() -> None:
    line = "لم يعد الحديث حكرا على المختبرات"
    assert strays.tanween_home(line) == "لم يعد الحديث حكر" + TANWEEN + "ا على المختبرات"


def test_tanween_with_two_candidates_or_none_stays_put() -> None:
    assert strays.tanween_home("كتب كثيرا وقرأ كثيرا") is None
    assert strays.tanween_home("ذهبوا إليها كما قالوا") is None  # pronoun, particle: no tanween


def test_lone_tanween_line_returns_to_the_line_above() -> None:
    line = "لم يعد الحديث حكرا على المختبرات ومراكز البحث"
    broken = "\n".join([*map(visual_line, NEWS_LINES), visual_line(line), TANWEEN, visual_line(NEWS_LINES[0])]) + "\n"
    fixed = repair(broken)
    assert fixed.text.split("\n")[3:5] == [line.replace("حكرا", "حكر" + TANWEEN + "ا"), NEWS_LINES[0]]
    assert any(c.rule == "stray-mark" for c in fixed.changes)
    assert repair(fixed.text).text == fixed.text


def test_lines_of_bare_marks_are_dropped() -> None:
    # pdfplumber gives marks drawn above their letters lines of their own; their words are lost
    broken = "\n".join([visual_line(NEWS_LINES[0]), "\u064f", visual_line(NEWS_LINES[1]), "\u0651 \u064c",
                        visual_line(NEWS_LINES[2])]) + "\n"
    fixed = repair(broken)
    assert fixed.text == "\n".join(NEWS_LINES[:3]) + "\n"
    assert sum(c.rule == "stray-mark" for c in fixed.changes) == 2
    assert repair(fixed.text).text == fixed.text
    # pdftotext too, in a document that reads forwards: it writes the line inside bidi controls
    forwards = "\n".join([NEWS_LINES[0], "\u202b\u064b\u0651\u202c", *NEWS_LINES[1:3]]) + "\n"
    assert repair(forwards).text == "\n".join(NEWS_LINES[:3]) + "\n"


# A list in display order as pdfminer.six sorts its boxes: the first line of item 2, the whole
# item 1, the end of item 2.
ITEM_ONE = "• تحديد الأولويات في الإنفاق العام."
ITEM_TWO = ("• مراجعة البرامج الحكومية التي لم تحقق أهدافها خلال السنوات الخمس الماضية وتقييم أثرها "
            "على المواطنين في المدن والقرى")
ITEM_TWO_END = "والمناطق النائية."


def test_list_item_written_after_the_next_one_goes_back() -> None:
    lines = [visual_line(ITEM_TWO), "", visual_line(ITEM_ONE), "", visual_line(ITEM_TWO_END)]
    assert strays.list_swaps(lines) == [(0, 2)]
    broken = "\n".join([*map(visual_line, NEWS_LINES), *lines]) + "\n"
    out = [t for t in repair(broken).text.split("\n") if t]
    assert out[3:] == [ITEM_ONE, ITEM_TWO, ITEM_TWO_END]


def test_short_items_without_stops_are_not_swapped() -> None:
    lines = [visual_line("• الإنفاق العام"), visual_line(ITEM_ONE), visual_line(ITEM_TWO_END)]
    assert strays.list_swaps(lines) == []


def test_nul_next_to_a_mark_is_a_letter() -> None:
    assert nul.resolve("تقليدًا شهر\x00\u064bا، ودعت", False) == "تقليدًا شهري\u064bا، ودعت"
    assert nul.resolve(visual_line("شهر\x00\u064bا"), True) == visual_line("شهري\u064bا")


def test_nul_in_a_ligature_is_nothing() -> None:
    assert nul.resolve("محطة ال\x00كهربائية", False) == "محطة الكهربائية"


def test_nul_in_a_fragment_is_left_for_the_control_rule() -> None:
    assert nul.resolve("في \x00\u064eل", False) == "في \x00\u064eل"
    assert nul.resolve("a\x00b", False) == "a\x00b"


def test_nul_letter_through_repair() -> None:
    assert repair("وقد نشرت الصحيفة تقريرا شهر\x00ًا عن الحملة").text == "وقد نشرت الصحيفة تقريرا شهريًا عن الحملة"


def test_note_number_glued_to_a_word_joins_its_chain() -> None:
    # "... بالدولار1. ويرى هؤلاء أن" cut at the note number, pieces written left to right.
    run = ["نأ ءالؤه ىريو .", "", "1", "", "رالودلاب ةقطنملا تالمع مظعم"]
    assert pieces.chains(run) == [(0, 4)]


def test_list_number_after_a_whole_sentence_ends_the_chain() -> None:
    # "4. تطوير البرامج." then the next line: the number starts its own line.
    run = [".جماربلا ريوطت .", "", "4", "", "ىلع عالطالل"]
    assert pieces.chains(run) == [(0, 2)]


def test_lam_lam_heh_ligature_read_backwards() -> None:
    # The ligature's text, "لله" in logical order, stays so inside a line written backwards.
    line = visual_line("الحمد لله على كل خطوة في الطريق").replace("هلل", "لله")
    broken = "\n".join([*map(visual_line, NEWS_LINES), line]) + "\n"
    assert repair(broken).text.split("\n")[3] == "الحمد لله على كل خطوة في الطريق"


def test_a_row_of_figures_in_a_visual_document_is_turned() -> None:
    # a table's cells drawn right to left; the tool wrote the row as drawn, left to right
    broken = "\n".join([*map(visual_line, NEWS_LINES), "31.5% 5.2 9.8 2020", "12.1%+ 36.0% 6,340", "1 250 000"]) + "\n"
    out = repair(broken).text.split("\n")
    assert out[3:6] == ["2020 9.8 5.2 31.5%", "6,340 36.0% +12.1%", "1 250 000"]  # one number stays
    # in a document that reads forwards, figures are left as they are
    clean = "\n".join([*NEWS_LINES, "31.5% 5.2 9.8 2020"]) + "\n"
    assert repair(clean).text == clean


def test_a_lesson_may_set_marks_out_on_a_line_of_their_own() -> None:
    lesson = "للتنوين ثلاث علامات تكتب فوق الحرف الأخير أو تحته:\n\u064b \u064c \u064d\nوتنطق نونا ساكنة لا تكتب\n"
    assert repair(lesson).text == lesson
    # or on tatweels, which are no pieces of a word cut in two (segments.py), nor are tatweels
    # typed as a dash
    for clean in ("الحركات: ـَ ـُ ـِ\nوالتنوين: ـً ـٌ ـٍ\n", "كتب المؤلف: ــــ الفصل الأول ــــ\n",
                  "قال الشاعر ب ـ لا يجوز أن نترك الأمر\n"):
        assert repair(clean).text == clean

"""Rule 2 in context (warraq/repair/context.py): tied reorderings chosen from what surrounds them."""

from __future__ import annotations

import pytest

from warraq.repair import repair
from warraq.repair.context import CONFLICT, WRAP_MAX, _paragraph_ends, choose, pair_score, wrap_score
from warraq.repair.segments import find_segments, free_readings

# A full line whose paragraph goes on, and lines of one news story, each cut once mid-word.
FULL = "انتهى الاجتماع بعد ثلاث ساعات من النقاش الطويل بين أعضاء المجلس، ثم"
ABOVE = "وتحدث رئيس البلدية في ختام الجلسة عن المشروعات التي ستنفذ في"


@pytest.mark.parametrize("a, b", [
    ("في", "من"),              # two prepositions
    ("على", "وقد"),            # a preposition before a clause opened by و
    ("أن", "فالماء"),          # a particle before one opened by ف
    ("الكبيرة", "،"),          # punctuation that attaches to the word before it
    ("«", "قال"),              # a quote that opens onto the next word
])
def test_pairs_that_running_text_never_has(a: str, b: str) -> None:
    assert pair_score(a, b) == CONFLICT


# Original running text for these tests only (the pair model never saw it).
RUNNING = (
    "استقبلت المكتبة العامة في المدينة خلال الصيف الماضي آلاف الزوار من الطلاب والباحثين، "
    "وقدمت لهم برامج قراءة وورشًا للكتابة والرسم. وقال مدير المكتبة إن عدد المشتركين الجدد "
    "تضاعف مقارنة بالعام السابق، مشيرًا إلى أن القاعة المخصصة للأطفال كانت الأكثر ازدحامًا "
    "طوال أيام الأسبوع. وأضاف أن الإدارة تعمل على توسيع المبنى وتزويده بأجهزة حديثة، "
    "على أن يفتتح الجناح الجديد في بداية العام المقبل بعد انتهاء أعمال الصيانة."
)


def test_running_text_outscores_the_same_words_met_by_chance() -> None:
    words = RUNNING.split()
    n = len(words)
    real = [pair_score(a, b) for a, b in zip(words, words[1:])]
    chance = [pair_score(words[i], words[(7 * i + 3) % n]) for i in range(n - 1)]
    wins = sum(r > c for r, c in zip(real, chance))
    assert sum(real) / len(real) > sum(chance) / len(chance) + 0.05
    assert wins > 0.6 * len(real)


def test_agreement_beats_disagreement() -> None:
    assert pair_score("الحديقة", "العامة") > pair_score("الحديقة", "الكبير")


def test_a_line_reads_with_its_word_pairs() -> None:
    # The junction (المزروعا + ت) leaves the seam free; word pairs place it.
    broken = ("ت في الأسواق الشعبية ارتفعت أسعار الخضروات بشكل ملحوظ خلال الأسبوع الماضي "
              "بسبب موجة البرد التي ضربت المزروعا")
    truth = ("في الأسواق الشعبية ارتفعت أسعار الخضروات بشكل ملحوظ خلال الأسبوع الماضي "
             "بسبب موجة البرد التي ضربت المزروعات")
    fix = find_segments(broken)
    assert fix is not None and fix.text != truth
    got = choose([broken], [True])[0]
    assert got is not None and got.text == truth


def test_a_line_continues_the_one_above() -> None:
    # «في» at the end of the line above takes a noun, not «ترميم ...» after «خلالها».
    broken = "ر والطرق المدينة القديمة وسيتم خلالها ترميم الأسواق وتطوير شبكة الجسو"
    truth = "المدينة القديمة وسيتم خلالها ترميم الأسواق وتطوير شبكة الجسور والطرق"
    alone = choose([broken], [True])[0]
    assert alone is not None and alone.text != truth
    after = choose([ABOVE, broken], [True, True])
    assert after[0] is None
    assert after[1] is not None and after[1].text == truth


def test_a_short_last_line_ending_a_sentence_after_the_line_above() -> None:
    broken = "ج الأعضاء إلى الساحة. والتقطوا صورة جماعية. خر"
    truth = "خرج الأعضاء إلى الساحة. والتقطوا صورة جماعية."
    fix = find_segments(broken)
    assert fix is not None and fix.text != truth
    got = choose([FULL, broken], [True, True])[1]
    assert got is not None and got.text == truth


def test_paragraph_ends() -> None:
    heading = "## جدول الأعمال"
    lines = [FULL, FULL, "خرج الأعضاء إلى الساحة.", heading, FULL, "", FULL, FULL]
    assert _paragraph_ends(lines) == [False, False, True, True, True, False, False, True]


def test_lines_not_eligible_stay_as_they_are() -> None:
    broken = "ج الأعضاء إلى الساحة. والتقطوا صورة جماعية. خر"
    assert choose([FULL, broken], [True, False]) == [None, None]


# Each cut once mid-word and once between words: one junction only, too weak to act on alone.
WEAK = [
    ("المشروع سيوفر فرص عمل كثيرة، ويخفف الضغط على المدن زير أن وأضاف الو",
     "وأضاف الوزير أن المشروع سيوفر فرص عمل كثيرة، ويخفف الضغط على المدن"),
    ("الربيع المقبل، وتستمر حتى نهاية العام بحسب الخطة عمال في ستبدأ الأ",
     "ستبدأ الأعمال في الربيع المقبل، وتستمر حتى نهاية العام بحسب الخطة"),
]
# Cut twice mid-word: beyond doubt.
CLEAR = [
    ("ء حديقة ل العام المقبل، ومنها توسيع الشوارع وإنشا الأحياء الشرقية خلا",
     "الأحياء الشرقية خلال العام المقبل، ومنها توسيع الشوارع وإنشاء حديقة"),
    ("لى ستنتهي قبل الصيف ة، وأن المرحلة الأو توقيع العقد مع الشركة المنفذ",
     "توقيع العقد مع الشركة المنفذة، وأن المرحلة الأولى ستنتهي قبل الصيف"),
    ("ت وإصلاح شبكة المياه والصرف يمة، وستشمل ترميم البيو المدينة القد",
     "المدينة القديمة، وستشمل ترميم البيوت وإصلاح شبكة المياه والصرف"),
]


def test_a_damaged_document_lets_weaker_readings_through() -> None:
    for broken, _ in WEAK:
        assert find_segments(broken) is None
        assert repair(broken).text == broken
    for broken, truth in CLEAR:
        fix = find_segments(broken)
        assert fix is not None and fix.text == truth
    doc = [CLEAR[0][0], WEAK[0][0], CLEAR[1][0], WEAK[1][0], CLEAR[2][0]]
    want = [CLEAR[0][1], WEAK[0][1], CLEAR[1][1], WEAK[1][1], CLEAR[2][1]]
    out = repair("\n".join(doc) + "\n").text
    assert out == "\n".join(want) + "\n"
    assert repair(out).text == out


def test_a_first_word_that_fitted_on_the_line_above_is_unlikely() -> None:
    # Lines are filled greedily: with 10 characters left above, «في» would have gone there.
    assert wrap_score(60, "في", 70) < wrap_score(60, "والمشروعات", 70) == 0.0
    assert wrap_score(69, "في", 70) == 0.0  # no room above: any word may start the line
    assert wrap_score(40, "في", 70) == -WRAP_MAX  # capped: widths are characters, not glyphs


def test_a_word_cut_twice_on_a_short_line_is_found() -> None:
    fix = find_segments("ية؟». لو الأو")
    assert fix is not None and fix.text == "الأولوية؟»."


def test_free_readings_only_where_a_marker_or_a_sentence_end_is_out_of_place() -> None:
    assert [f.text for f in free_readings("ماذا بعد؟ ##", True)] == ["## ماذا بعد؟"]
    assert [f.text for f in free_readings("وحدها. الميزانيات", True)] == ["الميزانيات وحدها."]
    assert free_readings("وحدها. الميزانيات", False) == ()  # not a paragraph's last line
    assert free_readings("يوميات رحلة إلى الواحة title:", True) == ()  # a colon ends no paragraph
    assert free_readings("سعر الوحدة - 15) وقال", False) == ()  # a dash or a number may sit inside


def test_a_line_cut_only_between_words_moves_in_a_damaged_document() -> None:
    heading = ("ماذا بعد؟ ##", "## ماذا بعد؟")
    doc = [CLEAR[0][0], CLEAR[1][0], CLEAR[2][0], heading[0], FULL]
    out = repair("\n".join(doc) + "\n").text
    assert out.split("\n")[3] == heading[1]
    assert repair(out).text == out
    clean = "\n".join([CLEAR[0][1], heading[0], FULL]) + "\n"  # no damage shown: nothing moves
    assert repair(clean).text == clean

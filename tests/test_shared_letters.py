"""Persian twins that a font's shared glyph gave Arabic words (warraq.arabic.shared)."""

from __future__ import annotations

from warraq.arabic.shared import shared_letters, unshare
from warraq.repair import repair

# written for this test: a shared medial yeh, heh and kaf mapped to ی ھ ک; ي ى ه ك end words
SHARED = ("قال المدیر إن الشركة ستفتح فرعًا جدیدًا في المدینة الشمالیة خلال الشھر الحالي، "
          "وإن ھذا الفرع سیخدم أكثر من مئة ألف مواطن في المنطقة التي تعاني من نقص الخدمات. "
          "وأضاف أن المشروع یھدف إلى توفیر فرص عمل للشباب، وأن كلفته بلغت ملیوني دینار ذلك العام.")
PERSIAN = "این کتاب برای دانشجویان رشته تاریخ نوشته شده است و فصل اول آن درباره ایران باستان است."


def test_twins_inside_arabic_words_are_read_as_arabic_letters() -> None:
    letters = shared_letters([SHARED])
    assert letters == {"ی": "ي", "ھ": "ه"}
    fixed = unshare(SHARED, letters)
    assert "المدير" in fixed and "الشهر" in fixed and "هذا" in fixed and "ی" not in fixed


def test_persian_text_and_a_lone_quoted_word_stay() -> None:
    assert shared_letters([PERSIAN]) == {}
    quoted = "زار الوفد إیران الأسبوع الماضي، والتقى وزير الخارجية في العاصمة، ثم عاد إلى بلده في اليوم التالي."
    assert shared_letters([quoted]) == {}  # one word: no pattern


def test_repair_reads_the_twins_as_arabic_letters() -> None:
    r = repair(SHARED + "\n")
    assert "ی" not in r.text and "ھ" not in r.text and "توفير فرص عمل" in r.text
    assert {c.rule for c in r.changes} == {"shared-glyph"}
    assert repair(PERSIAN + "\n").text == PERSIAN + "\n"

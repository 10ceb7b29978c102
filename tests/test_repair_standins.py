"""A digit that a font's ToUnicode gave to shadda is read as shadda (warraq.repair.standins)."""

from __future__ import annotations

from warraq.repair import repair

# WeasyPrint with KacstBook writes shadda as "2", and a tool may space it off its vowel
BROKEN = ("جَلَسَ الْجَد2ُ فِي الش2ُرْفَةِ يَعُد2ُ الن2ُجُومَ\n"
          "وَكَانَتِ الس2 ُفُنُ تَعُودُ إِلَى الْمِينَاءِ قَبْلَ الل2َيْلِ")
FIXED = ("جَلَسَ الْجَدُّ فِي الشُّرْفَةِ يَعُدُّ النُّجُومَ\n"
         "وَكَانَتِ السُّفُنُ تَعُودُ إِلَى الْمِينَاءِ قَبْلَ اللَّيْلِ")


def test_a_digit_before_vowels_inside_words_is_shadda() -> None:
    out = repair(BROKEN)
    assert out.text == FIXED
    assert {c.rule for c in out.changes} == {"shadda-standin"}
    assert repair(out.text).text == out.text


def test_real_digits_stay() -> None:
    # a number glued to a word once, and numbers standing on their own, are numbers
    text = "صدر العدد 2 من المجلة في 2 مايو، وفيه الفصل2 وَالْبَابُ 2َ الأول\nوبلغ عدد الطلاب 22 طالبًا"
    assert repair(text).text == text
    # a stand-in seen only twice is no pattern yet
    assert repair("الش2ُرْفَةِ وَالل2َيْلِ").text == "الش2ُرْفَةِ وَالل2َيْلِ"

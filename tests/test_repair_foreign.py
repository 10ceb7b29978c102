"""Letters of another script standing for glyphs a tool could not name (PyMuPDF writes a glyph's
number as a character). Lines invented; expected Arabic written by hand."""

from __future__ import annotations

from warraq.repair import repair
from warraq.repair.foreign import drop, standins

# PyMuPDF on a font whose hamza and ligature glyphs have no mapping: "п" for a hamza drawn over
# the alef that follows it, "Ю" for a glyph set apart with spaces inside its word.
_BROKEN = [
    "افتتحت البلدية пاكبر حديقة عامة صبا Юحا",
    "وقال رئيس البلدية пان الحديقة تضم ملاعب للأطفال",
    "وتفتح الحديقة рابوابها للزوار في عطلة نهاية الأسبوع",
]


def test_letters_of_another_script_inside_arabic_words_are_standins() -> None:
    assert standins("\n".join(_BROKEN)) == frozenset("пЮр")
    # a Latin or accented word is writing, and two strays are no pattern
    assert standins("درس في جامعة ETH Zürich ثم عاد\nقال пان الخطة") == frozenset()
    symbols = "\n".join(["إذا كانت الزاوية θ حادة", "فإن جيب الزاوية θ موجب", "ويزيد جيب θ مع الزاوية"])
    assert standins(symbols) == frozenset()
    assert repair(symbols).text == symbols


def test_two_standins_may_touch_but_a_foreign_word_is_writing() -> None:
    # two unmapped glyphs in a row ("гй": a damma and a shadda drawn apart) are still stand-ins
    touching = ["وزارة дيق гйدم الخدمة للمواطنين", "ثم дيخ гйفض الرسوم على الطلاب", "كما дتضا гعف الجهود"]
    assert standins("\n".join(touching)) == frozenset("дгй")
    # a word of three Cyrillic letters in a row is a word, whatever else the text holds
    assert standins("\n".join([*touching, "زار الوفد مدينة Тула الروسية"])) == frozenset("дгй")


def test_standins_dropped_and_the_pieces_of_a_word_joined() -> None:
    letters = frozenset("пЮ")
    assert drop("افتتحت البلدية пاكبر حديقة", letters) == "افتتحت البلدية اكبر حديقة"
    assert drop("عامة صبا Юحا", letters) == "عامة صباحا"
    assert drop("في البلاد، Ю لكنها", letters) == "في البلاد، لكنها"  # two words stay two


def test_document_with_standins_keeps_its_order() -> None:
    # left in, the stand-ins pass for left-to-right runs and the lines are turned around
    fixed = repair("\n".join(_BROKEN)).text.split("\n")
    assert fixed == ["افتتحت البلدية اكبر حديقة عامة صباحا", "وقال رئيس البلدية ان الحديقة تضم ملاعب للأطفال",
                     "وتفتح الحديقة ابوابها للزوار في عطلة نهاية الأسبوع"]

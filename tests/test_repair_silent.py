"""Glyph codes that stand for nothing the text lacks (silent.py): a hamza drawn apart.

Texts are invented; the codes are written as pdfminer.six writes an unmapped glyph.
"""

from __future__ import annotations

from warraq.repair import repair, silent

HAMZA = "(cid:29)"
LINES = [
    f"قال المدير {HAMZA}إن المشروع {HAMZA}أنجز في موعده",
    f"وأكد {HAMZA}أن العمل سيستمر حتى نهاية العام",
    f"ودعا المواطنين إلى{HAMZA}أن يشاركوا في {HAMZA}إنجاحه",
]
TRUTH = [
    "قال المدير إن المشروع أنجز في موعده",
    "وأكد أن العمل سيستمر حتى نهاية العام",
    "ودعا المواطنين إلى أن يشاركوا في إنجاحه",
]


def test_a_code_beside_known_words_is_silent_and_goes() -> None:
    text = "\n".join(LINES)
    assert silent.silent_codes(text) == {HAMZA}
    assert [silent.drop(line, frozenset({HAMZA})) for line in LINES] == TRUTH


def test_a_code_for_a_letter_stays() -> None:
    # the code is the letter د: without it the words are not words
    text = "\n".join(["زارت الوف(cid:7) م(cid:7)ينة جدي(cid:7)ة", "وعا(cid:7) الوف(cid:7) بعد يومين",
                      "(cid:7)عا الرئيس إلى الحوار"])
    assert silent.silent_codes(text) == frozenset()
    assert silent.drop(text, silent.silent_codes(text)) == text


def test_too_few_places_tell_nothing() -> None:
    assert silent.silent_codes(LINES[0]) == frozenset()


def test_repair_drops_silent_codes_once() -> None:
    text = "\n".join(LINES) + "\n"
    fixed = repair(text)
    assert fixed.text == "\n".join(TRUTH) + "\n"
    assert {c.rule for c in fixed.changes} == {"silent-glyphs"}
    assert repair(fixed.text).text == fixed.text

"""Character rules: presentation forms folded per character, kashida, bidi controls."""

from __future__ import annotations

from warraq.arabic.chars import (
    LIGATURES,
    fold_presentation_forms,
    remove_kashida,
    strip_bidi_controls,
)


def test_presentation_forms_fold_to_base_letters() -> None:
    # "سلام" written with isolated/initial/medial/final forms
    assert fold_presentation_forms("\ufeb3\ufefc\ufee1") == "سلام"


def test_lam_alef_and_allah_ligatures_fold_in_logical_order() -> None:
    assert fold_presentation_forms("\ufefb") == "\u0644\u0627"
    assert fold_presentation_forms("\ufdf2") == "\u0627\u0644\u0644\u0647"


def test_no_nfkc_on_other_characters() -> None:
    text = "ﬁ² ①"  # Latin ligature, superscript, circled digit: not ours to rewrite
    assert fold_presentation_forms(text) == text


def test_ligature_table_knows_lam_jeem_but_not_alef_lam() -> None:
    assert "\u0644\u062c" in LIGATURES
    assert "\u0627\u0644" not in LIGATURES


def test_kashida_inside_word_removed_but_abbreviation_kept() -> None:
    assert remove_kashida("الخارجيـــة") == "الخارجية"
    assert remove_kashida("1446هـ") == "1446هـ"


def test_tatweel_typed_as_a_dash_between_spaces_stays() -> None:
    assert remove_kashida("ب ـ لا يجوز توقيف أحد إلا بقرار") == "ب ـ لا يجوز توقيف أحد إلا بقرار"
    assert remove_kashida("قال: ـــ نعم") == "قال: ـــ نعم"
    assert remove_kashida("ـالعربية والتـعاون") == "العربية والتعاون"  # nothing to stretch / stretching


def test_tatweel_carrying_a_mark_on_its_own_stays() -> None:
    # a lesson shows each mark on a tatweel: "ـَ ـُ ـِ"
    assert remove_kashida("الحركات: ـَ ـُ ـِ والتنوين: ـً") == "الحركات: ـَ ـُ ـِ والتنوين: ـً"


def test_bidi_controls_removed() -> None:
    assert strip_bidi_controls("\u202bمرحبا\u202c \u200fعالم") == "مرحبا عالم"

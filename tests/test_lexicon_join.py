"""Word pieces an uncertain gap cut apart, rejoined by the word list (layout/assemble.py)."""

from __future__ import annotations

from warraq.arabic.lexicon import join_score
from warraq.layout.assemble import _rejoined


def test_a_lone_letter_is_a_piece_of_a_word() -> None:
    # word lists count lone letters often (list labels, initials); next to one, a common word wins
    assert join_score("أ", "داء") > 0
    assert join_score("العم", "ل") > 0


def test_real_word_pairs_stay_apart() -> None:
    assert join_score("لا", "بد") == 0.0
    assert join_score("و", "قد") == 0.0  # writers do set the conjunction apart
    assert join_score("في", "المدينة") == 0.0


def test_a_piece_between_two_joins_the_side_the_list_likes_better() -> None:
    pieces = [(["تعليم"], [], False), (["ا"], [], True), (["ستخدام"], [], True), (["الأجهزة"], [], True)]
    assert ["".join(texts) for texts, _ in _rejoined(pieces)] == ["تعليم", "استخدام", "الأجهزة"]
    # a gap the geometry is sure of is never closed
    sure = [(["أ"], [], False), (["داء"], [], False)]
    assert ["".join(texts) for texts, _ in _rejoined(sure)] == ["أ", "داء"]


def test_the_article_alone_is_half_a_word() -> None:
    # InDesign's justification leaves gaps with no space glyph inside words
    assert join_score("ال", "وزارة") > 0
    assert join_score("بال", "وزارة") > 0
    assert join_score("لل", "وزارة") > 0
    assert join_score("ال", "إلى") == 0.0  # not a word together

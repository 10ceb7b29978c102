"""Markdown rendering of blocks (warraq.render.markdown)."""

from __future__ import annotations

from warraq.document import Block, Line, Word
from warraq.render.markdown import _block

BOX = (0.0, 0.0, 10.0, 10.0)


def item(text: str) -> Block:
    words = [Word(w, BOX) for w in text.split(" ")]
    return Block("list-item", [Line(words, BOX, "rtl", 12.0)], BOX, "rtl")


def test_numbered_item_is_an_ordered_list_item() -> None:
    # "- 2. ..." would nest a list that starts at 2 inside a bullet
    assert _block(item("2. أرفق صورة من الهوية")) == "2. أرفق صورة من الهوية"
    assert _block(item("3) ادفع الرسوم")) == "3) ادفع الرسوم"


def test_bulleted_and_indic_numbered_items_keep_a_bullet() -> None:
    assert _block(item("• املأ النموذج")) == "- املأ النموذج"
    # CommonMark knows ASCII digits only: "٢." stays text, under a bullet
    assert _block(item("٢. أرفق صورة")) == "- ٢. أرفق صورة"
    assert _block(item("2025 عام الإنجاز")) == "- 2025 عام الإنجاز"

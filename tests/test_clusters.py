"""Reconciling a producer's cluster mappings with the glyphs the font program was asked about."""

from __future__ import annotations

import unicodedata

from warraq.layout.lines import Cluster
from warraq.pdf.glyphs import Glyph, _drop_cluster_duplicates

FATHA, KASRA, SHADDA, SUKUN, HAMZA_ABOVE = "\u064e", "\u0650", "\u0651", "\u0652", "\u0654"


def glyph(text: str, source: str, x0: float, x1: float, oy: float = 100.0) -> Glyph:
    g = Glyph(text, source, x0, oy - 10, x1, oy + 3, x0, oy, 12.0, "F", 0)
    g.ink = (x0, x1)
    return g


def test_recovered_marks_the_cluster_already_says_are_silenced() -> None:
    base = glyph("ب" + SHADDA + FATHA, "tounicode", 100, 108)
    marks = [glyph(SHADDA, "font-cmap", 102, 105), glyph(FATHA, "glyph-name", 102, 105, 97)]
    _drop_cluster_duplicates([base, *marks], set())
    assert base.text == "ب" + SHADDA + FATHA
    assert [(m.text, m.source) for m in marks] == [("", "cluster")] * 2


def test_an_unmapped_member_of_a_cluster_is_silenced() -> None:
    stack = glyph(SHADDA + FATHA, "tounicode", 100, 104)
    member = glyph("\ufffd", "unmapped", 100.5, 103.5)
    _drop_cluster_duplicates([glyph("ل", "tounicode", 99, 107), stack, member], set())
    assert member.text == ""


def test_marks_of_another_word_give_way_to_the_marks_drawn() -> None:
    # the glyph of د was first used in "دَ": its mapping says fatha, the mark drawn is a sukun
    dal = glyph("د" + FATHA, "tounicode", 100, 106)
    sukun = glyph(SUKUN, "font-cmap", 101, 104)
    _drop_cluster_duplicates([dal, sukun], set())
    assert dal.text == "د"
    assert sukun.text == SUKUN


def test_a_mark_the_mapping_has_but_nothing_draws_is_dropped() -> None:
    lam = glyph("ل" + SHADDA + FATHA, "tounicode", 100, 106)
    fatha = glyph(FATHA, "font-cmap", 101, 104)
    _drop_cluster_duplicates([lam, fatha], set())
    assert lam.text + fatha.text == "ل" + FATHA


def test_a_hamza_drawn_apart_replaces_a_stale_hamza_below() -> None:
    alef = glyph("إ" + KASRA, "tounicode", 100, 104)
    marks = [glyph(FATHA, "font-cmap", 100.5, 103.5), glyph("\u0654", "font-cmap", 100.5, 103.5, 98)]
    _drop_cluster_duplicates([alef, *marks], set())
    text = unicodedata.normalize("NFC", alef.text + "".join(m.text for m in marks))
    assert unicodedata.normalize("NFC", text) == unicodedata.normalize("NFC", "أ" + FATHA)


def test_a_mark_on_a_plain_letter_stays_beside_a_cluster() -> None:
    waw = glyph("و", "font-cmap", 100, 105)
    fatha = glyph(FATHA, "font-cmap", 101, 104)
    meem = glyph("م" + FATHA, "tounicode", 95, 100)
    _drop_cluster_duplicates([meem, waw, fatha], set())
    assert fatha.text == FATHA and meem.text == "م" + FATHA


def _ligature_text(letters: str, marks: str) -> str:
    from warraq.layout.lines import Cluster

    base = glyph(letters, "tounicode", 100, 110)
    # pre-shaped text draws every mark at the ligature's origin: their place says nothing
    riders = [glyph(m, "tounicode", 100, 101.5) for m in marks]
    cluster = Cluster(base)
    cluster.marks.extend(riders)
    return unicodedata.normalize("NFC", cluster.text)


def test_marks_drawn_in_one_place_go_where_spelling_puts_them() -> None:
    nfc = lambda t: unicodedata.normalize("NFC", t)  # noqa: E731
    assert _ligature_text("لأ", SUKUN + FATHA) == nfc("ل" + SUKUN + "أ" + FATHA)  # الْأَمانة
    assert _ligature_text("لا", FATHA) == nfc("ل" + FATHA + "ا")  # لَا
    assert _ligature_text("لأ", KASRA + FATHA) == nfc("ل" + KASRA + "أ" + FATHA)  # لِأَنَّ
    assert _ligature_text("الله", "\u064f" + SHADDA + FATHA) == nfc("الل" + SHADDA + FATHA + "ه\u064f")


def _page(ambiguous: list[tuple[str, float, float]], clear_words: int) -> list[list[object]]:
    """Marks on a line: `clear_words` letters each with a fatha right above it, written after its
    letter, then `ambiguous` (text, ink left, ink right) glyphs in stream order."""
    from warraq.layout.lines import Cluster, _attach_marks

    bases, marks, index = [], [], 0
    for k in range(clear_words):
        x = 600 + 12 * k
        bases.append(glyph("ب", "tounicode", x, x + 6))
        marks.append(glyph(FATHA, "tounicode", x + 2, x + 4))
        bases[-1].index, marks[-1].index, index = index, index + 1, index + 2
    for text, lo, hi in ambiguous:
        g = glyph(text, "tounicode", lo, hi)
        g.ox, g.index, index = lo, index, index + 1
        (marks if g.is_mark else bases).append(g)
    row = [Cluster(b) for b in bases]
    _attach_marks([row], marks)
    return [[c.glyph.text, *[m.text for m in c.marks]] for c in row[clear_words:]]


def test_a_mark_over_two_letters_goes_to_the_one_written_before_it() -> None:
    """Amiri sets the lam of "الْمَ" over a wide meem: the sukun's ink overlaps both, and is
    centred over the meem; LibreOffice writes each mark after its letter, which decides."""
    lam_sukun_meem = [("ل", 470.3, 473.2), (SUKUN, 472.0, 475.3), ("م", 466.3, 475.0)]
    assert _page(lam_sukun_meem, 12) == [["ل", SUKUN], ["م"]]
    assert _page(lam_sukun_meem, 0) == [["ل"], ["م", SUKUN]]  # no order to learn: geometry
    # a hamza below belongs to an alef, whatever the order (fpdf2 writes lam, hamza, alef)
    assert _page([("ل", 470.3, 473.2), ("\u0655", 472.0, 475.3), ("ا", 466.3, 475.0)], 12) == [
        ["ل"], ["ا", "\u0655"]]


def test_a_letter_left_with_two_vowels_gives_back_the_one_written_beside_another() -> None:
    """"الْمِ": the sukun on a narrow lam reaches far over the meem below, clearly nearer the
    meem's centre; the meem then has a kasra and a sukun, which no letter carries, and the sukun
    goes back to the lam it was written after."""
    lam_sukun_meem_kasra = [("ل", 455.4, 457.0), (SUKUN, 456.3, 458.5), ("م", 454.2, 458.2), (KASRA, 453.1, 456.1)]
    assert _page(lam_sukun_meem_kasra, 24) == [["ل", SUKUN], ["م", KASRA]]


def _cluster_text(base: str, marks: list[str]) -> str:
    cluster = Cluster(glyph(base, "tounicode", 100, 108))
    cluster.marks = [glyph(m, "tounicode", 102, 105, 90) for m in marks]
    return cluster.text


def test_a_mark_drawn_on_a_glyph_mapped_with_that_mark_is_said_once() -> None:
    # a PDF rewritten by cairo maps the mark glyphs too: the letter's mapping and the mark both say it
    assert _cluster_text("ن" + FATHA, [FATHA]) == "ن" + FATHA
    assert _cluster_text("ب" + SHADDA + FATHA, [SHADDA, FATHA]) == unicodedata.normalize("NFC", "ب" + FATHA + SHADDA)
    assert _cluster_text("أ", [HAMZA_ABOVE]) == "أ"  # أ has its hamza already
    assert _cluster_text("ب", [KASRA, KASRA]) == "ب" + KASRA


def test_marks_the_glyph_does_not_say_are_kept() -> None:
    assert _cluster_text("د" + FATHA, [SHADDA]) == unicodedata.normalize("NFC", "د" + FATHA + SHADDA)
    assert _cluster_text("ا", [HAMZA_ABOVE, FATHA]) == "أ" + FATHA
    # the case ending on the heh of Allah is no repeat of the fatha on its lam
    assert _cluster_text("الل" + SHADDA + FATHA + "ه", [FATHA]).endswith("ه" + FATHA)

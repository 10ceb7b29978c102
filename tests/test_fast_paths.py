"""Shortcuts taken for speed give what the general rules they stand in for give."""

from __future__ import annotations

import bisect
import gc
import math
import random
from pathlib import Path

import pytest
from conftest import FIXTURES, rev

from warraq.arabic import lexicon
from warraq.arabic.bidi import resolve_levels, unit_class, visual_to_logical
from warraq.extract import Extraction, extract_page, no_text_message
from warraq.fonts.sigtable import SignatureTable
from warraq.layout.lines import Cluster, _BaseIndex, _pen_order, _ranked, build_segments
from warraq.pdf.glyphs import Glyph, _near_marks


@pytest.mark.parametrize("logical, context", [
    ("قال (نعم)، ثم مضى.", None),
    ("بِسْمِ اللَّهِ «الرحمن»", "L"),  # marks, quotation marks, a left-to-right paragraph before it
    ("...!؟", "L"),  # no strong letter at all
])
def test_a_line_without_left_to_right_letters_or_numbers_stays_at_the_paragraph_level(
        logical: str, context: str | None) -> None:
    units = list(logical)
    # the full rules: every unit at level 1
    assert resolve_levels([unit_class(u) for u in units], 1, units, context) == [1] * len(units)
    # the shortcut: the drawn line read backwards
    visual = list(rev(logical))
    order, levels = visual_to_logical(visual, visual, "rtl", context)
    assert "".join(order) == logical
    assert levels == [1] * len(units)


def test_a_latin_line_after_an_arabic_paragraph_stays_left_to_right() -> None:
    units = list("The end (really).")
    assert resolve_levels([unit_class(u) for u in units], 0, units, "AL") == [0] * len(units)
    order, levels = visual_to_logical(units, units, "ltr", "AL")
    assert "".join(order) == "The end (really)." and levels == [0] * len(units)


def _glyph(text: str, x: float, y: float, size: float, index: int, width: float) -> Glyph:
    g = Glyph(text, "tounicode", x, y - size, x + width, y + 0.3 * size, x, y, size, "F", index)
    g.ink = (x, x + width)
    return g


def _carrier_by_full_scan(bases: list[Glyph], m: Glyph) -> Glyph | None:
    """The documented rule over every base within a few ems: same origin first, else the base
    whose ink is centred closest under the mark's."""
    ordered = sorted(bases, key=lambda g: g.ox)
    xs = [g.ox for g in ordered]
    reach = 3 * max(m.size, 1.0)
    cx = (m.ink[0] + m.ink[1]) / 2
    best, best_cost = None, float("inf")
    for c in ordered[bisect.bisect_left(xs, m.ox - reach): bisect.bisect_right(xs, m.ox + reach)]:
        dy = abs(c.oy - m.oy)
        if dy > 1.2 * max(m.size, c.size, 1.0):
            continue
        if abs(c.ox - m.ox) < 0.05 and dy < 0.05:
            return c
        lo, hi = c.ink
        outside = 0.0 if lo <= cx <= hi else min(abs(cx - lo), abs(cx - hi))
        cost = outside * 4 + abs(cx - (lo + hi) / 2) + dy
        if cost < best_cost:
            best, best_cost = c, cost
    return best


def test_marks_go_to_the_base_a_scan_of_the_whole_page_finds() -> None:
    rnd = random.Random(7)
    glyphs: list[Glyph] = []
    bases: list[Glyph] = []
    for line, y in enumerate((100.0, 128.0, 156.0, 400.0)):
        size = 20.0 if line == 3 else 12.0  # a big heading widens the height bands
        x = 50.0
        for _ in range(40):
            width = rnd.uniform(3, 9)
            bases.append(_glyph(rnd.choice("بتثجحخسشصض"), x, y, size, len(glyphs) + len(bases), width))
            if rnd.random() < 0.2:
                x += 4  # a word space
            x += width
    glyphs += bases
    marks: list[Glyph] = []
    for k in range(120):
        b = rnd.choice(bases)
        if k % 3 == 0:  # a shaper's mark at its base's origin
            ox, oy = b.ox, b.oy
        else:  # placed by the mark's own offset, sometimes far off
            ox, oy = b.ox + rnd.uniform(-15, 15), b.oy + rnd.uniform(-20, 20)
        m = _glyph("\u064e", ox, oy, 12.0, 1000 + k, 3.0)
        m.ink = (ox + 0.5, ox + 2.5)
        marks.append(m)
    glyphs += marks
    rnd.shuffle(glyphs)
    carrier = {id(m): c.glyph for seg in build_segments(glyphs) for c in seg.clusters for m in c.marks}
    for m in marks:
        expected = _carrier_by_full_scan(bases, m)
        if expected is not None:  # (an orphan mark stays a unit of its own)
            assert carrier[id(m)] is expected


def test_ink_is_read_for_every_base_a_mark_may_ask_about() -> None:
    rnd = random.Random(11)
    glyphs = [_glyph("ب", rnd.uniform(0, 2000), rnd.choice((100.0, 114.0, 300.0)),
                     rnd.choice((10.0, 12.0, 24.0)), k, 5) for k in range(2000)]
    marks = [_glyph("\u064e", rnd.uniform(0, 2000), rnd.choice((98.0, 112.0, 290.0)), 12.0, 2000 + k, 3)
             for k in range(20)]
    near = {id(g) for g in _near_marks(glyphs + marks, marks)}
    assert all(id(m) in near for m in marks)
    for m in marks:  # the window of lines._attach_marks: 3 em across, 1.2 em of the larger size up or down
        for g in glyphs:
            across, up = abs(g.ox - m.ox), abs(g.oy - m.oy)
            if across <= 3 * max(m.size, 1.0) and up <= 1.2 * max(m.size, g.size, 1.0):
                assert id(g) in near
    assert len(near) < len(glyphs) // 2  # and not every glyph of the page
    glyphs[5].oy = math.nan  # an absurd coordinate: every glyph is read
    assert len(_near_marks(glyphs + marks, marks)) == len(glyphs) + len(marks)


def test_a_row_is_ordered_as_by_its_full_key() -> None:
    rnd = random.Random(5)
    for _ in range(3000):
        base = rnd.choice((0.0, 523.7, 1e17))
        row = []
        for _ in range(rnd.randint(0, 12)):
            # origins on and around the tenths where rounding ties, kerned onto one another, absurd
            ox = rnd.choice((base + rnd.randint(0, 30) * 0.05, base + rnd.randint(0, 300) / 20 + 1e-13,
                             base + rnd.uniform(0, 10), math.nan if rnd.random() < 0.1 else base))
            width = rnd.choice((0.0, 3.0, rnd.uniform(0, 8)))
            row.append(Cluster(_glyph("ب", ox + rnd.choice((0.0, -0.5)), 100, 12, rnd.randint(0, 3), width)))
            row[-1].glyph.ox = ox
        keys = [(round(c.glyph.ox, 1), c.x0 + c.x1, c.glyph.index) for c in row]
        assert _pen_order(row) == sorted(range(len(row)), key=keys.__getitem__)


def test_plain_x_windows_rank_the_bases_the_height_bands_rank() -> None:
    rnd = random.Random(9)
    bases = [Cluster(_glyph("ب", rnd.uniform(0, 400), rnd.choice((100.0, 114.0, 128.0, 300.0)),
                            rnd.choice((12.0, 30.0)), k, rnd.uniform(3, 9))) for k in range(600)]
    bases.sort(key=lambda c: c.glyph.ox)
    banded, plain = _BaseIndex(bases), _BaseIndex(bases, banded=False)
    found = 0
    for k in range(200):
        m = _glyph("\u064e", rnd.uniform(0, 400), rnd.uniform(90, 310), 12.0, 1000 + k, 3)
        cx = (m.ink[0] + m.ink[1]) / 2
        ranked = _ranked(banded.around(m), m, cx)
        assert ranked == _ranked(plain.around(m), m, cx)
        found += bool(ranked)
    assert found > 50


def test_absurd_coordinates_do_not_stop_mark_attachment() -> None:
    glyphs = [_glyph("ب", 10, 100, 12, 0, 6), _glyph("ت", 16, 100, 12, 1, 6),
              _glyph("\u064e", math.nan, 100, 12, 2, 3), _glyph("\u064f", 16, math.inf, 12, 3, 3)]
    glyphs[2].ink = (math.nan, math.nan)
    texts = [c.text for seg in build_segments(glyphs) for c in seg.clusters]
    assert "ب" in "".join(texts) and "ت" in "".join(texts)


def test_a_cluster_spans_from_its_pen_position() -> None:
    g = _glyph("ج", 20, 100, 12, 0, 6)
    g.x0 = 19.0  # a left side bearing: the ink starts before the pen
    assert (Cluster(g).x0, Cluster(g).x1) == (19.0, 26.0)
    g.x0 = 21.0
    assert Cluster(g).x0 == 20.0


def test_the_garbage_collector_is_back_on_after_a_page_even_a_failing_one() -> None:
    pdf = FIXTURES / "chromium-amiri-notice.pdf"
    with Extraction(pdf) as ex:
        assert gc.isenabled()
        extract_page(ex._doc, 0, ex.opts)
        assert gc.isenabled()
        with pytest.raises(RuntimeError):  # a page that fails midway

            class Broken:
                def __getitem__(self, index: int) -> None:
                    raise RuntimeError("broken page")

            extract_page(Broken(), 0, ex.opts)
        assert gc.isenabled()
        lost = extract_page(ex._doc, 99, ex.opts)  # one PDFium cannot load: reported, not raised
        assert not lost.blocks and no_text_message(lost) == "page 100 cannot be read (damaged)"
        assert gc.isenabled()
        gc.disable()
        try:
            extract_page(ex._doc, 0, ex.opts)
            assert not gc.isenabled()  # a caller's choice is left alone
        finally:
            gc.enable()


def test_word_list_keeps_the_last_band_of_a_word_like_wordfreq() -> None:
    words = lexicon.WordList.from_buckets([["من", "في"], [], ["كتاب", "في"]])
    assert words.get("من") == 1.0
    assert words.get("في") == 10 ** (-2 / 100)
    assert words.get("كتاب") == 10 ** (-2 / 100)
    assert words.get("قلم") == 0.0 and words.get("") == 0.0


def test_word_list_survives_its_disk_cache(tmp_path: Path) -> None:
    words = lexicon.WordList.from_buckets([["من", "في"], ["كتاب"]])
    words.save(tmp_path / "w.bin")
    again = lexicon.WordList.load(tmp_path / "w.bin")
    assert again is not None
    assert [again.get(w) for w in ("من", "في", "كتاب", "قلم")] == [1.0, 1.0, 10 ** (-1 / 100), 0.0]
    (tmp_path / "w.bin").write_bytes(b"not a word list")
    assert lexicon.WordList.load(tmp_path / "w.bin") is None


def test_a_cut_short_word_list_cache_is_not_taken(tmp_path: Path) -> None:
    lexicon.WordList.from_buckets([["من", "في"], ["كتاب"]]).save(tmp_path / "w.bin")
    data = (tmp_path / "w.bin").read_bytes()
    (tmp_path / "w.bin").write_bytes(data[:-3])
    assert lexicon.WordList.load(tmp_path / "w.bin") is None


def test_outline_table_answers_like_the_dictionary_it_was_made_from(tmp_path: Path) -> None:
    table = {"b3e1": ("\u0628", 0.97, "Amiri-Regular.ttf"), "=9f0c": ("\u064a", 0.9, "Scheherazade.ttf"),
             "07aa": ("", 0.0, ""), "b3e0": ("\ufb91", 0.92, "Amiri-Regular.ttf")}
    made = SignatureTable.from_dict(table)
    made.save(tmp_path / "t.bin")
    loaded = SignatureTable.load(tmp_path / "t.bin")
    assert loaded is not None and len(loaded) == len(made) == 4
    for t in (made, loaded):
        assert {k: t.get(k) for k in table} == table
        assert t.get("b3e") is None and t.get("zz") is None and t.get("") is None
    data = (tmp_path / "t.bin").read_bytes()
    (tmp_path / "t.bin").write_bytes(data[:-2])
    assert SignatureTable.load(tmp_path / "t.bin") is None
    for few in ({}, {"07aa": ("", 0.0, "")}):  # no entry; only keys that outlines share
        SignatureTable.from_dict(few).save(tmp_path / "few.bin")
        again = SignatureTable.load(tmp_path / "few.bin")
        assert again is not None and {k: again.get(k) for k in few} == few and again.get("b3e1") is None


def test_frequency_from_the_cached_list_is_wordfreqs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lexicon, "_WORDS", None)
    built = lexicon.word_list()  # built from wordfreq, then written
    path = lexicon.word_list_file()
    assert path is not None and path.is_relative_to(tmp_path) and path.is_file()
    monkeypatch.setattr(lexicon, "_WORDS", None)
    loaded = lexicon.word_list()
    assert loaded is not built
    table = wordfreq.get_frequency_dict("ar")
    for word in ("كتاب", "المدرسة", "في", "والاقتصادية"):
        assert loaded.get(word) == table[word] > 0

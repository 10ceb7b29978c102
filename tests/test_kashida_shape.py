"""Bars drawn on or a little above the baseline: a kashida between letters, a hyphen by a digit."""

from __future__ import annotations

from pathlib import Path

from synthfont import Shapes, build_font, type0_pdf

import warraq

QAF, DAL, WAW, LAM = "\u0642", "\u062f", "\u0648", "\u0644"
SHAPES: Shapes = {
    ".notdef": ([], 500),
    "letter": ([(0, 0, 400, 500)], 400),
    "low": ([(0, 10, 300, 90)], 300),           # a bar on the baseline, as LibreOffice draws kashida
    "stub": ([(0, 140, 160, 225)], 160),        # Word's Arial joins its letters higher, with stubs
    "digit": ([(0, 0, 450, 700)], 500),
    "square": ([(0, 143, 158, 280)], 158),      # Word's Arial Bold: its shortest stub, barely wider than high
    "tall": ([(0, 0, 120, 720)], 120),          # a lam's stem
}


def _pdf(dst: Path, tounicode: dict[int, str], drawn: list[tuple[str, float]]) -> Path:
    font = build_font(SHAPES, {0x0642: "letter", 0x0031: "digit"})
    return type0_pdf(dst, SHAPES, font, tounicode, drawn)


def test_unmapped_stubs_between_letters_are_kashida(tmp_path: Path) -> None:
    """"وقـــد" drawn right to left: dal, two unmapped stubs, qaf, waw."""
    drawn = [("letter", 150), ("stub", 158), ("stub", 161.2), ("letter", 164.4), ("letter", 172.4)]
    pdf = _pdf(tmp_path / "stubs.pdf", {1: QAF}, drawn)
    text = warraq.extract(pdf).text().strip()
    assert "\ufffd" not in text and len(text) == 3  # three letters, the stubs gone


def test_a_bar_beside_digits_is_a_hyphen_not_a_kashida(tmp_path: Path) -> None:
    """"1-1": a hyphen glyph shaped like LibreOffice's kashida, mapped to "-", between digits."""
    drawn = [("digit", 100), ("low", 110), ("digit", 116)]
    pdf = _pdf(tmp_path / "hyphen.pdf", {2: "-", 4: "1"}, drawn)
    assert warraq.extract(pdf).text().strip() == "1-1"
    between = [("letter", 100), ("low", 108), ("letter", 114)]
    pdf = _pdf(tmp_path / "kashida.pdf", {1: QAF, 2: "-"}, between)
    assert warraq.extract(pdf).text().strip() == QAF + QAF  # between letters the same bar stretches


def test_the_shortest_stub_is_kashida_only_where_it_joins_its_letters(tmp_path: Path) -> None:
    """"قـق" with a stub that touches both letters; the same stub set apart from them is no join."""
    joined = [("letter", 150), ("square", 158), ("letter", 161.16)]
    pdf = _pdf(tmp_path / "joined.pdf", {1: QAF}, joined)
    assert warraq.extract(pdf).text().strip() == QAF + QAF
    apart = [("letter", 150), ("square", 159.5), ("letter", 164.16)]  # 1.5 pt to either side
    pdf = _pdf(tmp_path / "apart.pdf", {1: QAF}, apart)
    assert "\ufffd" in warraq.extract(pdf).text()


def test_a_joining_stroke_mapped_like_its_letter_says_it_once(tmp_path: Path) -> None:
    """"لق": Amiri adds a stroke after a lam that joins a qaf; a writer that gives every glyph of
    a cluster its text maps the stroke to the lam as well. A lam is never a bar on the baseline."""
    drawn = [("letter", 100), ("low", 108), ("tall", 114)]
    pdf = _pdf(tmp_path / "lam.pdf", {1: QAF, 2: LAM, 6: LAM}, drawn)
    assert warraq.extract(pdf).text().strip() == LAM + QAF
    # two lams side by side are both read ("لل" in "للق")
    pdf = _pdf(tmp_path / "lams.pdf", {1: QAF, 6: LAM}, [("letter", 100), ("tall", 108), ("tall", 110.4)])
    assert warraq.extract(pdf).text().strip() == LAM + LAM + QAF

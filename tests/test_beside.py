"""Lines side by side on baselines apart: a note set beside a paragraph in smaller type, closer
to it than a column gutter, keeps its words out of the paragraph's lines."""

from __future__ import annotations

from conftest import rev, rtl_line

from warraq.layout.lines import build_segments

PARAGRAPH = "يقام في زاوية هادئة من المدينة سوق صغير".split()
NOTE = "يفتح السوق كل يوم جمعة".split()


def _texts(glyphs: list) -> list[str]:
    return [rev("".join(c.glyph.text for c in s.clusters)) for s in build_segments(glyphs)]


def _paragraph_and_note(note_y: float) -> list:
    line = rtl_line(PARAGRAPH, 3.0, 100.0, right=500.0)
    left = min(g.x0 for g in line)
    # a gap of 11 points: less than a gutter in 12-point type, more than a word space
    return line + rtl_line(NOTE, 2.5, note_y, right=left - 11.0, size=10.0)


def test_a_note_beside_a_paragraph_on_its_own_baseline_is_a_line_apart() -> None:
    assert _texts(_paragraph_and_note(101.5)) == [" ".join(NOTE), " ".join(PARAGRAPH)]


def test_on_the_same_baseline_the_gap_alone_decides() -> None:
    # (narrower than a gutter: one line, as before; the baselines are what parts them above)
    assert len(_texts(_paragraph_and_note(100.0))) == 1


def test_words_each_on_a_baseline_of_their_own_stay_one_line() -> None:
    # a text layer from OCR gives every word its own baseline, along the line's slope
    glyphs = []
    x = 500.0
    for k, word in enumerate(PARAGRAPH):
        gs = rtl_line([word], 0.0, 100.0 + 0.4 * k, right=x)
        x = min(g.x0 for g in gs) - 3.0
        glyphs += gs
    assert _texts(glyphs) == [" ".join(PARAGRAPH)]

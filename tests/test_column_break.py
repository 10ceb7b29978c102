"""A paragraph cut by a column break is one paragraph: its second column's part joins it."""

from __future__ import annotations

from warraq.document import Block, Line, Word
from warraq.layout.assemble import goes_on


def _line(text: str, x0: float, x1: float, top: float, size: float = 12.0) -> Line:
    return Line([Word(w, (x0, top, x1, top + size)) for w in text.split()], (x0, top, x1, top + size), "rtl", size)


def _block(lines: list[Line], kind: str = "paragraph") -> Block:
    box = (min(ln.bbox[0] for ln in lines), min(ln.bbox[1] for ln in lines),
           max(ln.bbox[2] for ln in lines), max(ln.bbox[3] for ln in lines))
    return Block(kind, lines, box, "rtl")  # type: ignore[arg-type]


# the right column (read first) ends at the page's foot; the left one starts at its head
RIGHT = [_line("وبعد مسيرة يومين كاملين ظهرت أشجار النخيل", 310, 540, 600),
         _line("في الأفق، فعلت أصوات المسافرين فرحًا وسرورًا حين", 310, 540, 616)]
LEFT = [_line("رأوا الماء، وقد استقبلهم أهل الواحة بالتمر واللبن", 60, 290, 100),
        _line("ودعوهم إلى المبيت في بيوتهم الطينية.", 150, 290, 116)]


def test_a_paragraph_cut_by_a_column_break_goes_on() -> None:
    assert goes_on(_block(LEFT), _block(RIGHT))


def test_a_paragraph_that_ends_its_sentence_or_its_short_line_does_not() -> None:
    ended = RIGHT[:1] + [_line("في الأفق، فعلت أصوات المسافرين فرحًا وسرورًا.", 310, 540, 616)]
    assert not goes_on(_block(LEFT), _block(ended))
    short = RIGHT[:1] + [_line("في الأفق، فعلت أصوات", 420, 540, 616)]
    assert not goes_on(_block(LEFT), _block(short))
    cited = RIGHT[:1] + [_line("في الأفق، فعلت أصوات المسافرين فرحًا وسرورًا.[2]", 310, 540, 616)]
    assert not goes_on(_block(LEFT), _block(cited))


def test_the_next_block_below_or_in_the_same_column_is_a_new_paragraph() -> None:
    below = [_line("رأوا الماء، وقد استقبلهم أهل الواحة بالتمر واللبن", 310, 540, 650)]
    assert not goes_on(_block(below), _block(RIGHT))
    assert not goes_on(_block(LEFT, "heading"), _block(RIGHT))

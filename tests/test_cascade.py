"""Cascading script (Nastaliq): a word's letters climb from its baseline and words overlap."""

from __future__ import annotations

from conftest import rtl_line
from fontTools.ttLib import TTFont

from warraq.arabic.chars import DOT_MARKS, compose_dots, dots_between, takes_dots
from warraq.arabic.lexicon import glued_join, split_glued
from warraq.fonts.glyphtext import glyph_texts
from warraq.fonts.program import FontProgram
from warraq.layout.assemble import to_line
from warraq.layout.lines import build_segments
from warraq.pdf.glyphs import Glyph, _silence_hollow_letters, _silence_split_letters

SIZE = 12.0
LINES = (["تفتح", "المكتبة", "أبوابها", "صباحا"], ["وتستقبل", "القراء", "من", "الأعمار"])


def _climbing(words: list[str], y: float, right: float = 500.0) -> list[Glyph]:
    """A line whose words climb as in Nastaliq: each letter above the one after it, up to 3/4 em."""
    glyphs = rtl_line(words, gap=0.4 * SIZE, y=y, right=right, size=SIZE)
    at = 0
    for w in words:  # rtl_line lays each word's letters left to right: its last letter first
        for k, g in enumerate(glyphs[at: at + len(w)]):
            lift = min(0.15 * k, 0.75) * SIZE
            g.oy -= lift
            g.top -= lift
            g.bottom -= lift
        at += len(w)
    return glyphs


def test_climbing_letters_stay_on_their_line_and_in_order() -> None:
    glyphs = _climbing(LINES[0], 100.0) + _climbing(LINES[1], 100.0 + 1.6 * SIZE)
    segments = build_segments(glyphs)
    assert [to_line(s, "rtl", keep_tatweel=False).text for s in segments] == [" ".join(w) for w in LINES]
    assert all(s.cascading for s in segments)


def test_a_line_of_level_letters_is_not_cascading() -> None:
    glyphs = rtl_line(LINES[0], gap=0.4 * SIZE, y=100.0) + rtl_line(LINES[1], gap=0.4 * SIZE, y=120.0)
    assert not any(s.cascading for s in build_segments(glyphs))


def test_raised_latin_letters_are_not_a_cascading_script() -> None:
    # exponents in formulas ("x2 y2 ..."): every other letter raised, but no Arabic letter climbs
    glyphs = rtl_line(["x2y2z2w2", "a2b2c2d2", "e2f2g2h2"], gap=0.4 * SIZE, y=100.0)
    for k, g in enumerate(glyphs):
        if k % 2:
            g.oy -= 0.3 * SIZE
    assert not any(s.cascading for s in build_segments(glyphs))


def test_glued_words_part_into_known_words() -> None:
    assert split_glued(list("الطرفالأول")) == [5]
    assert split_glued(list("شهرمارس")) == [3]  # listed, but rarer than two words run together
    assert split_glued(list("المكتبة")) is None  # a word
    assert split_glued(list("المكتبةقطس")) is None  # "قطس" is no word: no parting


def test_a_lone_letter_beside_a_word_joins_it_in_cascading_text() -> None:
    assert glued_join("و", "سط") > 0  # "وسط": و set apart by the gap Nastaliq leaves after it
    assert glued_join("مع", "ك") > 0
    assert glued_join("ما", "لم") == 0  # two words


def test_dots_drawn_apart_make_a_letter_on_a_dotless_yeh() -> None:
    assert compose_dots("ى" + DOT_MARKS[("below", 1)]) == "ب"


def _glyph(text: str, source: str, x0: float, x1: float, oy: float) -> Glyph:
    return Glyph(text, source, x0, oy - 10, x1, oy + 3, x0, oy, SIZE, "F", 0)


def test_a_skeleton_read_from_the_font_under_its_mapped_dots_is_silenced() -> None:
    # fpdf2 maps the dots glyph of ي to the letter; the outline reads its skeleton as ى
    dots, shape = _glyph("ي", "tounicode", 11, 14, 103), _glyph("ى", "outline", 8, 17, 100)
    _silence_split_letters([dots, shape], [1])
    assert (shape.text, shape.source) == ("", "cluster")


def test_two_letters_on_one_baseline_are_both_kept() -> None:
    # Amiri's final ى tucks under the ت before it, on the same baseline: two letters
    teh, yeh = _glyph("ت", "tounicode", 11, 14, 100), _glyph("ى", "outline", 8, 17, 100)
    _silence_split_letters([teh, yeh], [1])
    assert yeh.text == "ى"
    dotted = _glyph("ب", "outline", 8, 17, 100)  # a letter with its dots is a letter of its own
    _silence_split_letters([_glyph("ي", "tounicode", 11, 14, 103), dotted], [1])
    assert dotted.text == "ب"


def test_a_fonts_dots_glyph_is_known_from_its_decompositions() -> None:
    path = "/usr/share/fonts/truetype/noto/NotoNastaliqUrdu-Regular.ttf"  # fonts-noto-core
    prog = FontProgram.from_ttfont(TTFont(path))
    texts = {prog.glyph_order[g]: t.text for g, t in glyph_texts(prog).items()}
    # ت ق ة are drawn as a skeleton and one glyph of two dots above; ب as a skeleton and one dot below
    assert texts["TwoDotsAboveNS"] == DOT_MARKS[("above", 2)]
    assert texts["OneDotBelowNS"] == DOT_MARKS[("below", 1)]


def test_dots_between_a_letter_and_its_skeleton() -> None:
    assert dots_between("ت", "ٮ") == DOT_MARKS[("above", 2)]
    assert dots_between("ي", "ى") == DOT_MARKS[("below", 2)]
    assert dots_between("ت", "ح") is None  # not its skeleton
    assert dots_between("ت", "ب") is None  # a dotted letter is no skeleton
    assert takes_dots("ى", DOT_MARKS[("below", 1)]) and not takes_dots("ط", DOT_MARKS[("below", 2)])


def test_dots_drawn_apart_go_on_the_letter_they_make() -> None:
    # the two dots of ي lie nearer the centre of the ط beside it, which they cannot dot
    tah = _glyph("ط", "outline", 20, 30, 100)
    yeh = _glyph("ى", "outline", 12, 22, 100)
    dots = _glyph(DOT_MARKS[("below", 2)], "outline", 21, 24, 103)
    dots.is_mark = True
    for g in (tah, yeh, dots):
        g.ink = (g.x0, g.x1)
    (segment,) = build_segments([tah, yeh, dots])
    assert compose_dots(to_line(segment, "rtl", keep_tatweel=False).text) == "طي"


def test_a_letter_drawn_with_no_width_is_said_only_where_its_shape_shows_it() -> None:
    # WeasyPrint maps Nastaliq's zero-width joiner glyph to the ل of the first word it joined
    meem, hollow, noon = (_glyph("م", "tounicode", 20, 26, 100), _glyph("ل", "tounicode", 19, 19, 100),
                          _glyph("ن", "tounicode", 12, 20, 100))
    letters = [_glyph("ب", "tounicode", 30 + 6 * k, 36 + 6 * k, 100) for k in range(8)]
    _silence_hollow_letters([meem, hollow, noon, *letters], [1], set())
    assert hollow.text == ""
    # fpdf2 gives the cluster's ل to the zero-width glyph; its shape, read from the font, shows it
    lam, shape = _glyph("ل", "tounicode", 19, 19, 100), _glyph("ل", "outline", 16, 22, 104)
    glyphs = [lam, shape, *letters]
    _silence_hollow_letters(glyphs, [0], _silence_split_letters(glyphs, [1]))
    assert (lam.text, shape.text) == ("ل", "")


def _tall(glyphs: list[Glyph]) -> list[Glyph]:
    """Boxes as a Nastaliq font's metrics make them: three ems above the baseline."""
    for g in glyphs:
        g.top = g.oy - 3 * SIZE
    return glyphs


def test_columns_are_cut_where_a_cascading_fonts_tall_boxes_overlap() -> None:
    from warraq.layout.blocks import build_blocks

    right = [["تفتح", "المكتبة", "أبوابها"], ["صباحا", "وتستقبل", "القراء"], ["من", "كل", "الأعمار"]]
    left = [["ويقصدها", "الطلاب", "للقراءة"], ["والباحثون", "للدرس", "والكتابة"], ["حتى", "المساء", "كل"]]
    note = ["مواعيد", "العمل", "قابلة", "للتغيير", "في"]  # from x=391 to 560: over the gutter
    segments = []
    # columns from x=442 and to x=400, their lines on grids of their own (else: a table's rows)
    for lines, edge, y in ((right, 560.0, 100.0), (left, 400.0, 95.0)):
        segments += build_segments([g for k, w in enumerate(lines) for g in _tall(_climbing(w, y + 1.5 * SIZE * k, edge))])
    segments += build_segments(_tall(_climbing(note, 100.0 + 5 * SIZE, 560.0)))
    assert all(s.cascading for s in segments)
    blocks = build_blocks(segments, "rtl", SIZE)
    read = [to_line(s, "rtl", keep_tatweel=False).text for b in blocks for s in b.segments]
    assert read == [" ".join(w) for w in right + left] + [" ".join(note)]


def test_dots_gone_astray_are_read_again_from_the_lexicon() -> None:
    from warraq.arabic.lexicon import redotted

    # the dot of ن landed on the ح beside it; ي and ج lost theirs
    assert "".join(redotted("ىخو") or []) == "نحو"
    assert "".join(redotted("الخلىح") or []) == "الخليج"
    # a dotless tooth read beside the letter whose skeleton it is (fpdf2: "مںن" for من) goes
    assert redotted("مںن") == ["م", "", "ن"]
    assert redotted("المكتبة") is None  # a word as it stands
    assert redotted("صصصص") is None  # nothing listed is drawn on its skeleton


def test_only_words_that_show_stray_dots_are_read_again() -> None:
    # cascading text: "ىخو" shows a dotless yeh inside a word; "يقتض" (a rare form) shows nothing
    glyphs = rtl_line(["ىخو", "يقتض", "الخلىح"], gap=0.4 * SIZE, y=100.0)
    seg = build_segments(glyphs)[0]
    seg.cascading = True
    assert to_line(seg, "rtl", keep_tatweel=False).text == "نحو يقتض الخليج"

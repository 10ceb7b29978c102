"""Pieces of one visual line written as lines of their own, "(cid:N)" kashidas, the digit search.

Texts are invented; a visual line is its logical line reversed, number runs kept in order.
"""

from __future__ import annotations

import itertools
import random

from conftest import NEWS_LINES, visual_line

from warraq.repair import cid, pieces, repair
from warraq.repair.digitsearch import DigitSearch
from warraq.repair.pua import _numbers

SPLIT = "وبلغ عدد المستفيدين نحو 1500 طالب في العام الماضي"

# The display order of SPLIT cut at its number run, pieces written left to right (pdfminer.six).
PIECES = ["يضاملا ماعلا يف بلاط ", "1500", " وحن نيديفتسملا ددع غلبو"]


def test_pieces_are_the_visual_line() -> None:
    assert "".join(PIECES) == visual_line(SPLIT)


def test_pieces_of_a_visual_line_are_joined_and_read_as_one() -> None:
    broken = "\n\n".join([*map(visual_line, NEWS_LINES), *PIECES]) + "\n"
    fixed = repair(broken)
    assert fixed.text == "\n\n".join([*NEWS_LINES, SPLIT]) + "\n"
    assert any(c.rule == "line-pieces" for c in fixed.changes)
    assert repair(fixed.text).text == fixed.text


def test_lines_written_one_under_another_are_not_pieces() -> None:
    # pdfplumber writes a line's raised quote marks or a lone "-" as a line between whole lines
    lines = [visual_line(NEWS_LINES[0]), "” “", visual_line(NEWS_LINES[1]), "-", visual_line(NEWS_LINES[2])]
    assert pieces.chains(lines) == []
    assert pieces.chains("\n\n".join(lines).split("\n")) == []  # two Arabic lines touch at a space only


def test_piece_junctions() -> None:
    # a separator at a piece's right edge meets the number run cut out after it
    assert pieces.chains(["عجارتي مخضتو رذح ومن :", "", "2025", "", " نم لوألا فصنلا"]) == [(0, 4)]
    # a bracketed Latin run: bracket, Latin, lone bracket, and a leading space
    lines = ["طابترال اًرظن ،)", "", "Federal Reserve", "", "(", "", " يكيرمألا سلجم"]
    assert pieces.chains(lines) == [(0, 6)]
    # a page break ends a run; a lone page number after a whole line is no piece
    assert pieces.chains(["ةيدلبلا تنلعأو ", "\x0c", "ربع ليجستلا"]) == []
    assert pieces.chains([".ئطاوشلا عيمج يف", "", "1"]) == []


def test_clean_text_with_blank_lines_is_untouched() -> None:
    clean = "\n\n".join([*NEWS_LINES, "1500", " " + SPLIT]) + "\n"
    assert repair(clean).text == clean


# ---- "(cid:N)" -------------------------------------------------------------------------------

def test_cid_kashida_is_removed_inside_words() -> None:
    text = "أس(cid:5)(cid:5)عار الفائ(cid:5)دة بمق(cid:5)دار نق(cid:5)طة"
    codes = cid.stretchers(text)
    assert codes == frozenset({"(cid:5)"})
    assert cid.remove(text, codes) == "أسعار الفائدة بمقدار نقطة"


def test_cid_letter_stays_visible() -> None:
    # (cid:9) stands for a letter here: without it the words are no words
    text = "الحكو(cid:9)ة والوزار(cid:9)ة الاقت(cid:9)اد"
    assert cid.stretchers(text) == frozenset()
    assert cid.remove(text, frozenset({"(cid:9)"})) == "الحكوة والوزارة الاقتاد"  # only when asked


def test_cid_kashida_at_a_word_edge_goes_but_not_beside_a_number() -> None:
    # pdfminer.six ends a text box at a kashida glyph; beside a number a code may be a digit font's
    assert cid.remove("(cid:5)أسعار 12(cid:5)", frozenset({"(cid:5)"})) == "أسعار 12(cid:5)"


def test_repair_removes_cid_kashida() -> None:
    text = "ارتفعت أس(cid:5)عار الفائ(cid:5)(cid:5)دة بمق(cid:5)دار نق(cid:5)طة\n"
    assert repair(text).text == "ارتفعت أسعار الفائدة بمقدار نقطة\n"


def test_a_stray_character_for_kashida_is_removed_inside_words() -> None:
    # PyMuPDF writes LibreOffice's unmapped kashida glyph as the character of its glyph number
    text = ("أن الن,اتج المحلي الإجم,الي نم,ا بنس,بة 3.4%\n"
            "الارتفاع الحاد في أس,,عار المواد الغذائية")
    assert cid.stretchers(text) == frozenset({","})
    assert repair(text).text == ("أن الناتج المحلي الإجمالي نما بنسبة 3.4%\n"
                                 "الارتفاع الحاد في أسعار المواد الغذائية")


def test_an_apostrophe_for_kashida_is_removed_inside_words() -> None:
    # PyMuPDF on LibreOffice's justified text with some fonts: the kashida glyph as "'"
    text = ("سيطر منخفض جوي على المنطقة خلال الأس''بوع\n"
            "وينص'ح المزارع'ون بتغطية الشتلات في اللي'الي الب'اردة")
    assert cid.stretchers(text) == frozenset({"'"})
    assert repair(text).text == ("سيطر منخفض جوي على المنطقة خلال الأسبوع\n"
                                 "وينصح المزارعون بتغطية الشتلات في الليالي الباردة")
    quoted = "قال المدير 'نعم' ثم غادر، وكتبت الصحيفة 'لا تعليق' في عنوانها"
    assert repair(quoted).text == quoted  # quotes stand outside words


def test_characters_that_are_writing_stay_inside_words() -> None:
    # a date's two calendars, an abbreviation, a comma with its space left out, and a stray
    # character in too few words are writing, or no pattern
    for text in ("صدر في يوليو/تموز ومايو/أيار وأغسطس/آب من العام",
                 "ص.ب 1234 والرمز ص.ب 5678 وأيضا ص.ب 9",
                 "قال نعم,لا أعرف,ربما غدا,أو بعده",
                 "الن,اتج المحلي الإجم,الي"):
        assert cid.stretchers(text) == frozenset()
        assert repair(text).text == text


# ---- PUA digit search ------------------------------------------------------------------------

def _problem(seed: int) -> tuple[list[tuple[int, ...]], DigitSearch]:
    rng = random.Random(seed)
    uses = [tuple(sorted(rng.sample(range(4), rng.randint(1, 3)))) for _ in range(6)]
    weights = {(i, d): rng.uniform(-3, 3) for i in range(6) for d in range(40)}

    def score(i: int, digits: tuple[int, ...]) -> float:
        return sum(weights[(i, d + 10 * k)] for k, d in enumerate(digits))

    return uses, DigitSearch(uses, 4, score)


def test_digit_search_delta_is_the_change_of_the_total() -> None:
    for seed in range(5):
        _, search = _problem(seed)
        cur = [3, 1, 4, 0]
        owner = [-1] * 10
        for k, v in enumerate(cur):
            owner[v] = k
        scores = search.scores(cur)
        for a in range(4):
            for d in range(10):
                if d == cur[a]:
                    continue
                after = list(cur)
                if owner[d] >= 0:
                    after[owner[d]] = cur[a]
                after[a] = d
                want = search.total(after) - search.total(cur)
                assert abs(search.delta(cur, owner, a, d, scores) - want) < 1e-9
                assert cur == [3, 1, 4, 0]


def test_digit_search_climbs_to_a_local_optimum() -> None:
    _, search = _problem(7)
    cur, total = search.climb([0, 1, 2, 3], range(10))
    assert abs(total - search.total(cur)) < 1e-9
    assert len(set(cur)) == 4
    for a, d in itertools.product(range(4), range(10)):  # no single move improves it
        if d != cur[a]:
            owner = [-1] * 10
            for k, v in enumerate(cur):
                owner[v] = k
            assert search.delta(list(cur), owner, a, d, search.scores(cur)) <= 1e-9


def test_number_context_words_across_the_text() -> None:
    codes = {"\ue001", "\ue002"}
    found = _numbers("في 12 مارس عام \ue001\ue002\ue001\ue002، و 7/\ue001", codes)
    assert [(n.raw, n.prev, n.next) for n in found] == [
        ("12", "في", "مارس"), ("\ue001\ue002\ue001\ue002", "عام", "و"), ("7", "و", ""), ("\ue001", "", ""),
    ]
    assert (found[2].after, found[3].before) == ("/", "/")

"""Rule 2 when a tool wrote the pieces of cut lines back to back, with no space at the cuts."""

from __future__ import annotations

import pytest

from warraq.repair import repair
from warraq.repair.glued import glued_readings
from warraq.repair.model import NON_JOINING

# An invented report, wrapped as a justified page would set it.
LINES = [
    "أعلنت وزارة الزراعة صباح اليوم عن برنامج جديد لدعم صغار المزارعين في القرى",
    "ويهدف البرنامج إلى توفير البذور المحسنة والأسمدة بأسعار مدعومة طوال الموسم",
    "وقال المتحدث باسم الوزارة إن المرحلة الأولى تشمل ثلاث محافظات في الجنوب",
    "على أن تمتد المرحلة الثانية إلى المحافظات الشمالية مع بداية العام المقبل",
    "وأضاف أن الوزارة خصصت فريقا من المهندسين لمتابعة المزارعين في حقولهم",
    "كما دعت الوزارة المزارعين إلى التسجيل عبر مكاتبها المنتشرة في المدن الكبرى",
    "وأكدت أن الدعم سيصرف على دفعتين خلال الأشهر الستة القادمة دون أي تأخير",
]


def _glued(line: str) -> str:
    """The line cut once inside a word after a letter that does not join, near its middle, and
    its two pieces written last-first with nothing between them."""
    spots = [i for i in range(2, len(line) - 2)
             if line[i - 1] in NON_JOINING and line[i - 2] != " " and line[i] != " "]
    i = min(spots, key=lambda k: abs(k - len(line) // 2))
    return line[i:] + line[:i]


def test_pieces_written_with_no_space_at_the_cut_are_put_back() -> None:
    broken = "\n".join(_glued(line) for line in LINES) + "\n"
    assert broken != "\n".join(LINES) + "\n"
    fixed = repair(broken).text.splitlines()
    assert sum(a == b for a, b in zip(fixed, LINES)) >= len(LINES) - 1, "\n".join(fixed)


def test_a_clean_text_with_unknown_words_stays_as_it_is() -> None:
    clean = "\n".join(LINES + ["وحضر الاجتماع المهندس فراس القحطاني ومندوبو شركة زرعتك للتقنيات"]) + "\n"
    assert repair(clean).text == clean


@pytest.mark.parametrize("line", LINES[:3])
def test_a_glued_line_has_its_reading_among_the_glued_ones(line: str) -> None:
    assert line in [f.text for f in glued_readings(_glued(line))]


@pytest.mark.parametrize("line", LINES)
def test_the_document_test_finds_what_the_full_reading_finds(line: str) -> None:
    # the quick reading (context._glued) prunes by a bound on what rejoined words can score; a
    # line whose full reading scores that much is still found by it
    full = glued_readings(_glued(line))
    least = full[0].gain - 0.5
    quick = glued_readings(_glued(line), least=least)
    assert quick and quick[0].text == full[0].text and all(f.gain >= least for f in quick)


def test_a_token_longer_than_two_words_is_not_parted() -> None:
    # every split point of a token is looked up: a run of letters with no space in it (a page
    # whose spaces a tool lost) is no pair of words glued at a cut, and comes back as it is
    from warraq.repair.glued import MAX_PARTED, _splits

    two = "المزارعين" + "الريفية"
    assert _splits(two)  # two words run together: a place to part them
    long = "ا" * (MAX_PARTED + 1)
    assert _splits(long) == ()
    text = "ب" * 5000 + "\n"
    assert repair(text).text == text

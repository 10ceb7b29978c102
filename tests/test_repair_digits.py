"""PUA digit decoding (rule 4): lists, spans of years, two digit sets, and never a wrong digit."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.textdamage import DamageConfig, damage
from warraq.repair import repair
from warraq.repair.digitsets import indic_digits

EUROPEAN = {str(d): chr(0xE400 + (3 * d + 7) % 10) for d in range(10)}
INDIC = {chr(0x660 + d): chr(0xE500 + (7 * d + 2) % 10) for d in range(10)}


def _hide(text: str) -> str:
    return "".join(EUROPEAN.get(c, INDIC.get(c, c)) for c in text)


def _no_wrong_digit(broken: str, repaired: str, truth: str, shapes: bool = False) -> None:
    """Each digit comes back right (in either shape, unless `shapes`) or stays visible as its code."""
    assert len(repaired) == len(truth)
    for b, r, t in zip(broken, repaired, truth):
        if b != t:
            assert r == b or r == t or (not shapes and r.isdigit() and int(r) == int(t)), (b, r, t)


def _decoded(truth: str, shapes: bool = False) -> str:
    """The truth with its digits hidden, repaired, and checked for wrong digits."""
    broken = _hide(truth)
    out = repair(broken).text
    _no_wrong_digit(broken, out, truth, shapes)
    return out


LIST = (
    "وضعت اللجنة خطة من خمس خطوات لتحسين خدمة النقل العام في المدينة:\n"
    "1. زيادة عدد الحافلات على الخطوط المزدحمة في ساعات الذروة.\n"
    "2. تجديد المحطات القديمة وتزويدها بمظلات ومقاعد.\n"
    "3. إطلاق تطبيق يعرض مواعيد الحافلات لحظة بلحظة.\n"
    "4. تدريب السائقين على القيادة الآمنة وخدمة الركاب.\n"
    "5. مراجعة الأسعار كل عام بالتشاور مع جمعيات المستهلكين.\n"
)


def test_list_markers_count_up() -> None:
    broken = _hide(LIST)
    out = repair(broken).text
    assert out == LIST


SPANS = (
    "امتدت الخطة الأولى على الفترة 2016-2020 وركزت على البنية التحتية.\n"
    "أما الخطة الثانية للفترة 2021-2025 فركزت على التعليم والصحة.\n"
    "وتغطي الخطة الثالثة الفترة 2026-2030 وتركز على الاقتصاد الرقمي.\n"
)


def test_spans_of_years_are_read_as_years() -> None:
    out = _decoded(SPANS)
    assert "-2020 " in out and "2021-" in out and "-2030 " in out  # the last digits of a span may be any


TWO_SETS = (
    "عقد المؤتمر الأول يوم 3 مارس 2019 في تونس، والثاني يوم 15 يناير 2021 في الرباط.\n"
    "وجاء في البيان الختامي أن عدد المشاركين بلغ 1,250 باحثا من 40 دولة.\n"
    "وفي المشرق عقد لقاء مماثل يوم ١٢ أبريل ٢٠٢٢ في عمّان، ثم يوم ٨ مايو ٢٠٢٣ في بيروت.\n"
    "وشارك فيه نحو ٣٬٦٠٠ شخص، وارتفع عدد الأوراق المقدمة بنسبة ٤٥٪ عن العام السابق.\n"
)


def test_two_digit_sets_get_their_own_shapes_and_no_wrong_digit() -> None:
    assert len({c for c in _hide(TWO_SETS) if "\ue000" <= c <= "\uf8ff"}) > 10  # more codes than one set has
    out = _decoded(TWO_SETS, shapes=True)
    assert "يناير 2021" in out and "أبريل ٢٠٢٢" in out


def test_shapes_follow_the_percent_sign_not_a_number_by_a_latin_word() -> None:
    codes = "يستخدم واقي الشمس SPF 30 ويشرب الطفل \ue001٫\ue002 لتر، أي \ue003\ue004٪ من حاجته"
    assert indic_digits(codes)
    assert not indic_digits("يستخدم واقي الشمس بعامل 30 ويشرب الطفل \ue001 لتر")


@pytest.mark.parametrize("name", ["01-news", "11-social", "02-opinion", "09-economy"])
def test_bench_texts_never_get_a_wrong_digit(name: str) -> None:
    """Documents with two digit sets, thousands and lists: what is decoded is right."""
    text = (Path(__file__).resolve().parents[1] / "bench" / "texts" / f"{name}.md").read_text(encoding="utf-8")
    d = damage(text, DamageConfig(seed=3, pua_digits=True))
    out = repair(d.text).text
    _no_wrong_digit(d.text, out, d.truth)
    decoded = sum(b != r for b, r in zip(d.text, out))
    assert decoded >= (len(d.text) - sum(b == t for b, t in zip(d.text, d.truth))) // 2  # most digits read


WEEKDAY = (
    "أعلنت الوزارة يوم الخميس 31 يوليو 2025 عن افتتاح محطة تحلية جديدة على الساحل.\n"
    "وقالت إن العمل في المشروع بدأ في 12 مارس 2023 واستمر من دون توقف.\n"
)


def test_a_named_weekday_dates_its_year() -> None:
    # the 5 is only in 2025: any of 2024-2029 reads as a recent year, and only the calendar says
    # that 31 July fell on a Thursday in 2025 alone
    assert "2025" in _decoded(WEEKDAY)
    # without the weekday the year's last digit has nothing to go by, and stays visible
    bare = WEEKDAY.replace("يوم الخميس ", "")
    assert "2025" not in repair(_hide(bare)).text

"""A hamza drawn apart from its alef and put on the next letter (hamza.py). Lines invented."""

from __future__ import annotations

from warraq.repair import hamza, repair

HAMZA, HAMZA_BELOW = "\u0654", "\u0655"
TRUTH = ["قررت اللجنة أن تؤجل الاجتماع إلى الأسبوع القادم", "وأكد أن القرار نهائي ولا رجعة فيه"]
BROKEN = [f"قررت اللجنة ان{HAMZA} تؤجل الاجتماع ال{HAMZA_BELOW}ى الاس{HAMZA}بوع القادم",
          f"واك{HAMZA}د ان{HAMZA} القرار نهائي ولا رجعة فيه"]


def test_the_hamza_goes_back_onto_its_alef() -> None:
    assert hamza.shows_damage(BROKEN)
    assert [hamza.fix(line) for line in BROKEN] == TRUTH  # تؤجل and نهائي are words as they are


def test_hamza_carried_by_waw_or_ya_after_an_alef() -> None:
    # composed into ؤ or ئ once it landed on the letter after the alef
    assert hamza.fix("اؤ ائام الاؤل ائتلاف") == "أو أيام الأول ائتلاف"


def test_clean_text_shows_nothing() -> None:
    clean = ["تشكل ائتلاف جديد من الأحزاب", "وقال إن القائمة نهائية"]
    assert not hamza.shows_damage(clean)
    assert repair("\n".join(clean) + "\n").text == "\n".join(clean) + "\n"


def test_repair_moves_hamzas_once() -> None:
    fixed = repair("\n".join(BROKEN) + "\n")
    assert fixed.text == "\n".join(TRUTH) + "\n"
    assert repair(fixed.text).text == fixed.text


def test_an_alef_with_hamza_written_twice_is_written_once() -> None:
    lines = ["خلال ال أأسبوع الماضي ارتفعت الإإيرادات", "وبدأ العمل مساء ال أأحد"]
    assert hamza.shows_doubled(lines)
    assert [hamza.undouble(line) for line in lines] == ["خلال الأسبوع الماضي ارتفعت الإيرادات",
                                                        "وبدأ العمل مساء الأحد"]
    # one word is no pattern, and a question's hamza before أنت is writing
    assert not hamza.shows_doubled(["قال أأنت فعلت هذا"])
    assert hamza.undouble("قال أأنت فعلت هذا") == "قال أأنت فعلت هذا"

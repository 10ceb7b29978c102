"""Direction runs written left to right and Arabic-Indic numbers written backwards (PyMuPDF,
pypdf), decided per document. Lines are invented; expected Arabic written by hand."""

from __future__ import annotations

from warraq.repair import repair
from warraq.repair.runs import (
    BESIDE_LATIN,
    an_reversed,
    end_item,
    has_runs,
    left_to_right,
    reverse_an_numbers,
    runs_swapped,
    unswap,
)

# Logical lines and the same lines as a run-swapping tool writes them.
_LOGICAL = [
    "افتتح الوزير يوم الخميس 31 يوليو 2025 محطة جديدة",
    "بلغت كلفة المشروع 3.75 مليار ريال خلال أربع سنوات",
    "وارتفع عدد الزوار إلى 12,000 زائر في الأسبوع الأول",
    "وتعمل المحطة بقدرة 450 ميغاواط في أوقات الذروة",
    "وقال المدير إن النتائج مشجعة.",
]
_SWAPPED = [
    " محطة جديدة2025  يوليو31 افتتح الوزير يوم الخميس",
    " مليار ريال خلال أربع سنوات3.75 بلغت كلفة المشروع",
    " زائر في الأسبوع الأول12,000 وارتفع عدد الزوار إلى",
    " ميغاواط في أوقات الذروة450 وتعمل المحطة بقدرة",
    ".وقال المدير إن النتائج مشجعة",
]


def test_unswap_puts_runs_back() -> None:
    for broken, want in zip(_SWAPPED[:4], _LOGICAL):
        assert unswap(broken) == want


def test_unswap_keeps_a_number_list_in_logical_order() -> None:
    # numbers apart are runs of their own: "800 123 4567" is shown as "4567 123 800"
    assert unswap("4567 123 800 على الرقم") == "على الرقم 800 123 4567"


def test_document_with_swapped_runs_is_repaired() -> None:
    assert runs_swapped(_SWAPPED)
    assert repair("\n".join(_SWAPPED)).text == "\n".join(_LOGICAL)


def test_clean_document_is_not_taken_for_swapped() -> None:
    assert not runs_swapped(_LOGICAL)
    text = "\n".join(_LOGICAL + ["قالت الوزارة إن عام2025 شهد نموا", "وأضاف أن من2024 حتى اليوم تغير الكثير"])
    assert repair(text).text == text



def test_list_numbers_glued_to_a_cut_are_no_swapped_runs() -> None:
    # a numbered list whose lines a tool cut into pieces and wrote back to back: each number
    # runs into the piece before it ("يسأ1. التفكير"), which is not a run written last
    lines = ["ويتعلم كيف يسأ1. التفكير النقدي: أن يتعلم الطالب",
             "ويعرف المصادر2. الثقافة الرقمية: أن يفهم كيف تعمل الخوارزميات",
             "ويعمل في فر3. العمل الجماعي: أن يتعلم التعاون",
             "وختام القول إن التعليم مسؤولية الجميع."]
    assert not runs_swapped(lines)
    assert runs_swapped(lines + ["أطلقت الشركة تطبيقها الجديد على منصةAndroid مطلع العام"] * 3)


def test_addresses_glued_on_the_left_show_swapped_runs() -> None:
    # PyMuPDF on Chromium: an e-mail address or a URL with a path (runs holding "@" "/" "_")
    # glued to the Arabic run on its left and spaced on its right, as with plain Latin words
    logical = ["للتواصل راسلونا على info@example.org أو اتصلوا بنا",
               "وتتوفر الخدمة عبر الموقع services.example.org/ar لجميع المشتركين",
               "وتُرسل الطلبات إلى support_team@example.org في أيام العمل"]
    swapped = [" أو اتصلوا بناinfo@example.org للتواصل راسلونا على",
               " لجميع المشتركينservices.example.org/ar وتتوفر الخدمة عبر الموقع",
               " في أيام العملsupport_team@example.org وتُرسل الطلبات إلى"]
    assert runs_swapped(swapped) and not runs_swapped(logical)
    assert repair("\n".join(swapped)).text == "\n".join(logical)

# PyMuPDF on LibreOffice: runs in logical order, but the space before each Latin or digit run
# moved to the line's start. The glue looks like a swapping tool's; no space is doubled, and
# the numbers already follow the words that introduce them.
_SPACES_MOVED = [
    " وقال المدير إن الشركة باعت أكثر من12,000 جهاز في الشهر الأول",
    " وأطلقت الشركة تطبيقها الجديد على منصةAndroid مطلع العام الماضي",
    " وارتفعت المبيعات بنسبة15% مقارنة بالعام السابق",
    "  ويعمل في المصنع نحو450 موظفا موزعين على ثلاث ورديات",
]


def test_spaces_moved_by_a_tool_that_kept_its_runs_in_order() -> None:
    assert runs_swapped(_SPACES_MOVED)  # the glue alone would say swapped
    fixed = repair("\n".join(_SPACES_MOVED))
    assert "run-order" not in [c.rule for c in fixed.changes]
    assert fixed.text.split("\n") == [
        "وقال المدير إن الشركة باعت أكثر من 12,000 جهاز في الشهر الأول",
        "وأطلقت الشركة تطبيقها الجديد على منصة Android مطلع العام الماضي",
        "وارتفعت المبيعات بنسبة 15% مقارنة بالعام السابق",
        " ويعمل في المصنع نحو 450 موظفا موزعين على ثلاث ورديات",
    ]


def test_an_english_sentence_with_arabic_in_it_has_no_runs_to_put_back() -> None:
    # a run-swapping tool writes a left-to-right paragraph's runs in their order; turning them
    # round as in a right-to-left line put the sentence's end first
    english = "Classes were led by Dr. Huda Al-Nasser (هدى الناصر), who introduced a reading"
    assert left_to_right(english) and not has_runs(english)
    # an attribution line, an address or a URL is no English sentence
    for line in ("— سارة المنصوري (@sara_mansouri) July 24, 2025",
                 "أو راسلونا على careers@rafiq-robotics.example أو https://www.example.gov.sa/ar/health-tips"):
        assert not left_to_right(line) and has_runs(line)


def test_narrow_columns_with_swapped_runs_stay_swapped() -> None:
    # PyMuPDF on four narrow WeasyPrint columns: no space doubled, and one number ("إلى71.3")
    # happens to sit after a word that introduces numbers: one point is chance, not evidence
    lines = [" إلى71.3 ارتفع المعدل العام لطلبة المدرسة من", "، وبلغت نسبة النجاح في الاختبارات76.8",
             ".%94 الوطنية للصف التاسع", " نشاطًا لا منهجيًا، أبرزها23 نظّمت المدرسة",
             " طالبًا في الوقت25 تتسع القاعة الحالية لأكثر من", " كتاب.3,200 نفسه، ولا تضم سوى"]
    fixed = repair("\n".join(lines)).text.split("\n")
    assert fixed[3] == "نظّمت المدرسة 23 نشاطًا لا منهجيًا، أبرزها"
    assert fixed[4] == "تتسع القاعة الحالية لأكثر من 25 طالبًا في الوقت"


def test_list_markers_at_the_line_end_show_swapped_runs_where_numbers_are_backwards() -> None:
    # no Latin to show it: the items' markers drawn at their start come last ("مساء.•")
    lines = ["صباحا ٠٣:٧ وتبدأ الأعمال يوميا عند الساعة", "عامل ٠٠٥٬٢ ويعمل في المشروع",
             " يمنع الوقوف على جانبي الطريق.•", " تغلق المحلات عند الساعة العاشرة مساء.•",
             " تحول الحافلات إلى الشوارع الفرعية.•"]
    assert an_reversed("\n".join(lines))
    assert runs_swapped(lines, numbers_reversed=True)
    assert not runs_swapped(lines[:2] + ["• يمنع الوقوف على جانبي الطريق."] * 3, numbers_reversed=True)
    assert repair("\n".join(lines)).text.split("\n")[2:] == [
        "• يمنع الوقوف على جانبي الطريق.", "• تغلق المحلات عند الساعة العاشرة مساء.",
        "• تحول الحافلات إلى الشوارع الفرعية."]


def test_item_end_put_back_beside_its_marker_goes_to_its_end() -> None:
    assert end_item("•.صداع شديد ودوار ") == "• صداع شديد ودوار."
    assert end_item("• صداع شديد ودوار.") == "• صداع شديد ودوار."


def test_arabic_indic_numbers_reversed_by_the_document() -> None:
    broken = "صدر القرار رقم (٧٤١) لسنة ٦٤٤١ه\nبلغ العدد ٠٠٥٬٤ طالب بنسبة ٠٥٪\nيبدأ الدوام ٠٠:٨ صباحا"
    assert an_reversed(broken)
    assert reverse_an_numbers("لسنة ٦٤٤١ه") == "لسنة ١٤٤٦ه"
    assert repair(broken).text == (
        "صدر القرار رقم (١٤٧) لسنة ١٤٤٦ه\nبلغ العدد ٤٬٥٠٠ طالب بنسبة ٥٠٪\nيبدأ الدوام ٨:٠٠ صباحا")


def test_clean_arabic_indic_numbers_stay() -> None:
    clean = "صدر القرار رقم (١٤٧) لسنة ١٤٤٦ه\nبلغ العدد ٤٬٥٠٠ طالب بنسبة ٥٠٪\nفي عام ٢٠٢٠ بلغ ١٠٠ ألف"
    assert not an_reversed(clean)
    assert repair(clean).text == clean


def test_swapped_repair_is_idempotent() -> None:
    once = repair("\n".join(_SWAPPED)).text
    assert repair(once).text == once


# A document whose Arabic-Indic numbers the tool wrote backwards, and whose producer drew the
# hyphen and the slash from another font: the tool ended its runs there as well.
_SIGNS_BROKEN = [
    "أعلن النادي فوزه في المباراة ٠٦ بعد الدقيقة",
    "ضم الفريق ٥٢ لاعبا بينهم ٨ من الشباب",
    "آب ٥٢٠٢ في الملعب الكبير/٢ مساء الجمعة ٥١ أغسطس-انتهت المباراة بنتيجة ١",
    "بلغ عدد الحضور ٠٠٥٬٢١ متفرج عند الساعة ٠٣:٧",
]
_SIGNS_LOGICAL = [
    "أعلن النادي فوزه في المباراة ٦٠ بعد الدقيقة",
    "ضم الفريق ٢٥ لاعبا بينهم ٨ من الشباب",
    "انتهت المباراة بنتيجة ١-٢ مساء الجمعة ١٥ أغسطس/آب ٢٠٢٥ في الملعب الكبير",
    "بلغ عدد الحضور ١٢٬٥٠٠ متفرج عند الساعة ٧:٣٠",
]


def test_unswap_cuts_at_signs_but_not_between_digits() -> None:
    assert unswap("آب ٢٠٢٥ في الملعب/٢ مساء الجمعة ١٥ أغسطس-انتهت المباراة بنتيجة ١", "-/") == (
        "انتهت المباراة بنتيجة ١-٢ مساء الجمعة ١٥ أغسطس/آب ٢٠٢٥ في الملعب")
    assert unswap("خلال الفترة ٢٠٢١-٢٠٢٥ وما بعدها", "-/") == "خلال الفترة ٢٠٢١-٢٠٢٥ وما بعدها"


def test_signs_a_tool_cut_at_are_found_from_the_document() -> None:
    # cutting at one sign alone leaves a sign glued between a word and a number: both are needed
    assert repair("\n".join(_SIGNS_BROKEN)).text == "\n".join(_SIGNS_LOGICAL)


def test_a_sign_in_writing_is_not_a_cut() -> None:
    # a decree number "م/٥" and a range are writing, and so is every line of a clean document
    clean = "\n".join(_SIGNS_LOGICAL[:2] + ["صدر بالمرسوم رقم (م/٥) وتاريخ ١٠ محرم", "في الفترة ٢٠٢١-٢٠٢٥ فقط"])
    assert repair(clean).text == clean


# PyMuPDF's way: each right-to-left run turned around with the brackets on its visual left, so a
# bracket that closes after a Latin term opens the next run, and the one that opens before it
# sticks to the term's end. Invented lines; the logical ones written by hand.
_BESIDE_BROKEN = [
    ") في تقرير حديثWorld Bank( وأشار البنك الدولي",
    " في المئة خلال العام الماضي4.5 ارتفع النمو إلى",
    " مليار دولار في الربع الأول12 بلغت الاستثمارات",
    ") في المدن الكبرىGDP( وسجل الناتج المحلي الإجمالي",
    " ألف وظيفة جديدة في القطاع الخاص250 أضاف الاقتصاد",
]
_BESIDE_LOGICAL = [
    "وأشار البنك الدولي (World Bank) في تقرير حديث",
    "ارتفع النمو إلى 4.5 في المئة خلال العام الماضي",
    "بلغت الاستثمارات 12 مليار دولار في الربع الأول",
    "وسجل الناتج المحلي الإجمالي (GDP) في المدن الكبرى",
    "أضاف الاقتصاد 250 ألف وظيفة جديدة في القطاع الخاص",
]


def test_unswap_with_brackets_beside_latin_only() -> None:
    assert unswap(_BESIDE_BROKEN[0], BESIDE_LATIN) == _BESIDE_LOGICAL[0]
    # brackets with no Latin beside them stay where the run has them
    assert unswap(") في الملحق (١٢) صفحةPDF( الملف", BESIDE_LATIN) == "الملف (PDF) في الملحق (١٢) صفحة"


def test_pymupdf_brackets_are_recognised_per_document() -> None:
    assert runs_swapped(_BESIDE_BROKEN)
    assert repair("\n".join(_BESIDE_BROKEN)).text == "\n".join(_BESIDE_LOGICAL)


def test_lines_opening_with_their_end_show_swapped_runs_where_numbers_are_backwards() -> None:
    # no Latin to show the damage: the backwards numbers name the tool, the leading periods its
    # runs; it kept brackets in its runs, mirrored (PyMuPDF on some producers)
    broken = ["صدر القرار رقم )٧٤١( لسنة ٦٤٤١ه بشأن المحلات",
              ".وتبدأ المهلة من ٠١ محرم",
              "تمنح المحلات مهلة مدتها )٠٩( يوما من تاريخه",
              ".ويعمل المكتب حتى الساعة ٠٠:٤",
              ".وتبلغ الرسوم ٠٠٥ ريال"]
    assert repair("\n".join(broken)).text == "\n".join([
        "صدر القرار رقم (١٤٧) لسنة ١٤٤٦ه بشأن المحلات",
        "وتبدأ المهلة من ١٠ محرم.",
        "تمنح المحلات مهلة مدتها (٩٠) يوما من تاريخه",
        "ويعمل المكتب حتى الساعة ٤:٠٠.",
        "وتبلغ الرسوم ٥٠٠ ريال."])


def test_unswap_numbered_item_keeps_its_period() -> None:
    assert unswap(". التفكير النقدي: أن يسأل الطالب قبل أن يحفظ1") == "1. التفكير النقدي: أن يسأل الطالب قبل أن يحفظ"
    assert unswap(".. العمل الجماعي: فمعظم المشكلات لا يحلها فرد واحد2") == (
        "2. العمل الجماعي: فمعظم المشكلات لا يحلها فرد واحد.")


def test_unswap_phrase_end_glued_to_a_run_ends_it() -> None:
    assert unswap("info@example.org :للتواصل مع المكتب") == "للتواصل مع المكتب: info@example.org"


def test_unswap_comma_after_the_leading_period_stays_with_its_run() -> None:
    assert unswap(".، وشكرا لكمhttps://example.org/ar للمزيد زوروا الموقع") == (
        "للمزيد زوروا الموقع https://example.org/ar، وشكرا لكم.")


def test_periods_from_another_font_cut_runs_where_the_document_shows_it() -> None:
    # pypdf: a period or colon drawn from another font ends a run, glued to the next run's word
    broken = [" للمرة الأولى منذ عقدPhysics  وفاز الفريق بجائزة.انتهت المسابقة أمس",
              " في المدينة القديمةWorkshop وأقيم.وحضر الحفل عدد كبير من الطلاب",
              " بين الجامعاتRobotics  بطولة:ثم أعلنت اللجنة النتائج",
              " للعام المقبلEngineering  كما تقرر تنظيم.وقدمت الجوائز للفائزين"]
    assert repair("\n".join(broken)).text == "\n".join([
        "انتهت المسابقة أمس. وفاز الفريق بجائزة Physics للمرة الأولى منذ عقد",
        "وحضر الحفل عدد كبير من الطلاب. وأقيم Workshop في المدينة القديمة",
        "ثم أعلنت اللجنة النتائج: بطولة Robotics بين الجامعات",
        "وقدمت الجوائز للفائزين. كما تقرر تنظيم Engineering للعام المقبل"])
    # a decimal point or the colon of a time stays inside its number
    assert unswap("في الساعة 6:30 وبلغ 3.75 مليون", ".:") == unswap("في الساعة 6:30 وبلغ 3.75 مليون")


def test_a_quotation_whose_marks_face_away_shows_its_line_alone() -> None:
    # written for this test: three runs swapped around a quotation set in another font
    broken = "كما يقول جدي دائمًا، ولا يفهم”الصبر مفتاح الفرج“هذا المثل القديم الذي يردده\n"
    fixed = repair(broken)
    assert fixed.text == "هذا المثل القديم الذي يردده “الصبر مفتاح الفرج” كما يقول جدي دائمًا، ولا يفهم\n"
    assert [c.rule for c in fixed.changes] == ["run-order"]
    # quotations side by side, each facing its own word, are writing
    clean = "كما في «قلب» و«قلت» و«فلت» يتغير المعنى\n"
    assert repair(clean).text == clean


def test_unswap_sets_no_space_inside_an_opening_mark() -> None:
    assert unswap("تجمع »شاطئنا أمانة« حملة", "()[]{}«»“”") == "حملة «شاطئنا أمانة» تجمع"

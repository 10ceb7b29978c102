"""One unit test per repair rule (issue 5). Expected Arabic is written by hand."""

from __future__ import annotations

import re

from warraq.repair import repair, rules
from warraq.repair.pua import decode
from warraq.repair.segments import _scored, find_segments, join_gain, lettered_items

# ---- rule 1: whole lines in visual order ----------------------------------------------------


def test_visual_line_with_number_keeps_digits_in_order() -> None:
    # "في عام 2024" as a left-to-right reading of the display
    assert rules.reverse_visual("2024 ماع يف") == "في عام 2024"


def test_visual_line_period_at_start_moves_to_end() -> None:
    assert rules.reverse_visual(".عامتجالا ىهتنا") == "انتهى الاجتماع."


def test_visual_line_brackets_face_their_words() -> None:
    assert rules.reverse_visual("نإ (ثدحتملا) لاق") == "قال (المتحدث) إن"


def test_visual_line_marks_stay_on_their_letters() -> None:
    # كَتَبَ read in display order: each letter keeps its fatha
    visual = "\u0628\u064e\u062a\u064e\u0643\u064e"
    assert rules.reverse_visual(visual) == "\u0643\u064e\u062a\u064e\u0628\u064e"


def test_visual_line_latin_word_keeps_its_order() -> None:
    assert rules.reverse_visual("Nature ةلجم ترشن") == "نشرت مجلة Nature"


# ---- rule 2: reversed segments --------------------------------------------------------------

TRUTH_2 = "وقعت الشركتان اتفاقا جديدا لتطوير شبكة الكهرباء في المدن الساحلية"
# cut as [وقعت الشركتان اتفاقا جد][يدا لتطوير شبكة الكهر][باء في المدن الساحلية], written last-first
BROKEN_2 = "باء في المدن الساحلية يدا لتطوير شبكة الكهر وقعت الشركتان اتفاقا جد"


def test_segments_rejoin_mid_word_cuts_without_space() -> None:
    fix = find_segments(BROKEN_2)
    assert fix is not None
    assert fix.text == TRUTH_2
    assert fix.joins == 2


def test_segments_leave_a_clean_line_alone() -> None:
    assert find_segments(TRUTH_2) is None


def test_a_lettered_list_keeps_its_markers() -> None:
    # "ت." opens the third item; read as the piece of a word cut after its alef, it would turn
    # the line around ("... اختر وعاءً ذات."): a list opening with أ. then ب. shows the markers
    text = "خطوات التحضير:\nأ. اغسل الأرز جيدًا.\nب. انقعه في الماء نصف ساعة.\nت. اختر وعاءً ذا قاع عريض للطهي."
    assert lettered_items(text.split("\n")) == {1, 2, 3}
    assert repair(text).text == text
    # a piece "ت." at a line's start in a document without such a list stays a piece
    assert lettered_items(["ت. وأعلن المجلس نتائج الانتخابا", "وقال الوزير"]) == set()


def test_segments_cut_between_words_gets_one_space() -> None:
    # "افتتح الوزير المدرسة الجديدة في المدينة أمس" cut as [افتتح الوزير المدرسة الجديدة في ا]
    # [لمدينة][أمس]: the second cut falls between words, so where it was is not knowable from
    # words alone; the word cut after its alef is whole again and every junction has one space
    broken = "أمس لمدينة افتتح الوزير المدرسة الجديدة في ا"
    fix = find_segments(broken)
    assert fix is not None
    assert "في المدينة" in fix.text
    assert "  " not in fix.text
    assert sorted(fix.text.split()) == sorted("افتتح الوزير المدرسة الجديدة في المدينة أمس".split())


def test_segments_word_cut_twice_is_one_word_again() -> None:
    # "وافتتحت البلدية ثلاث وحدات جديدة في المدينة" cut after و and after د of "وحدات":
    # [وافتتحت البلدية ثلاث و][حد][ات جديدة في المدينة], written last-first
    broken = "ات جديدة في المدينة حد وافتتحت البلدية ثلاث و"
    fix = find_segments(broken)
    assert fix is not None
    assert fix.text == "وافتتحت البلدية ثلاث وحدات جديدة في المدينة"


def test_segments_a_piece_opening_with_tanween_ends_a_word() -> None:
    # "مًا" spells the particle "ما" without its marks, but tanween only ever ends a word
    assert repair("مًا. يو\n").text == "يومًا.\n"


def test_segments_leave_glyph_debris_alone() -> None:
    # letters a tool tore apart are no line cut into a few pieces
    assert find_segments("ا ل م د ي ن ة ج د ي د ة و ا ل ق ر ي ة") is None


def test_segments_cut_sets_stay_inside_the_line() -> None:
    # the last token joining token 1 is the tail junction of two cuts: no third cut at the
    # line's end may offer it again (with an empty piece, restored as a leading space)
    tokens = ["ت1", "ت2", "ت3", "ت4", "ت5"]
    sets = [cuts for _, cuts, _ in _scored(tokens, {(4, 1)}, {(4, 1): 5.0})]
    assert (1, 2) in sets
    assert all(max(cuts) < len(tokens) for cuts in sets)


def test_join_gain_needs_a_non_joining_letter_before_the_cut() -> None:
    assert join_gain("جد", "يدة") > 3
    assert join_gain("كت", "اب") == 0.0  # ت joins to the left: a producer cannot cut there


# ---- rule 3: kashida ------------------------------------------------------------------------


def test_kashida_inside_words_removed() -> None:
    assert rules.remove_kashida("وزارة الخارجيـــة والتـعاون") == "وزارة الخارجية والتعاون"


def test_kashida_after_hijri_year_kept() -> None:
    assert rules.remove_kashida("في عام 1445 هـ") == "في عام 1445 هـ"


# ---- rule 4: PUA codes ----------------------------------------------------------------------


def test_pua_letter_decoded_from_word_frequencies() -> None:
    code = "\uf012"  # stands for medial nun
    text = (f"زار الوفد المدي{code}ة القديمة ثم عاد إلى المدي{code}ة الجديدة\n"
            f"وقال إ{code}ه سيعود قريبا إلى المدي{code}ة مع فريق من الباحثي{code}\n")
    result = decode(text)
    assert result.mapping == {code: "\u0646"}
    assert result.unresolved == []


# ---- rule 5: mixed-direction lines ----------------------------------------------------------


def test_mixed_attribution_line() -> None:
    broken = "user_name) May 5, 2023@) " + "حساب الجريدة" + " —"
    assert rules.reorder_runs(broken) == "— " + "حساب الجريدة" + " (@user_name) May 5, 2023"


def test_mixed_period_at_line_start() -> None:
    assert rules.reorder_runs(".انتهى الاجتماع") == "انتهى الاجتماع."


# ---- rule 6: presentation forms, lam-alef order, bidi controls -----------------------------


def test_presentation_forms_folded_per_character() -> None:
    # ﻣﺮﺣﺒﺎ and the lam-alef ligature; the Latin "ﬁ" ligature is not ours to touch
    assert rules.fold_forms("\ufee3\ufeae\ufea3\ufe92\ufe8e \ufefb \ufb01") == "مرحبا لا \ufb01"


def test_lam_written_after_its_partner() -> None:
    assert rules.fix_lam_order("األولى") == "الأولى"
    assert rules.fix_lam_order("اجلريدة") == "الجريدة"
    assert rules.fix_lam_order("املدينة") == "المدينة"
    assert rules.fix_lam_order("الجريدة") == "الجريدة"
    # a word behind و that the list lacks is still a word: "for the applicant", not "for students"
    assert rules.fix_lam_order("ولطالب") == "ولطالب"
    assert rules.fix_lam_order("والسالمة") == "والسلامة"


def test_an_interview_answer_opens_its_line() -> None:
    # "ج:" is the answer's marker, not the cut-off end of "الدار" (الدارج is a word)
    line = "ج: نعم، وقد تعلمت ذلك من أبي الذي كان يصلح كل شيء في الدار\n"
    assert repair(line).text == line


def test_a_rare_word_is_no_lam_ligature_read_backwards() -> None:
    # "قبيلها" is missing from the word list and "قبليها" is in it, but only lam-alef is in every
    # font: a clean line keeps its rare word unless the document shows lam+ي read backwards
    line = "فتحدد الحوادث التي تعد من قبيلها، وتلزم الطرف المتأثر بإخطار الطرف الآخر\n"
    assert repair(line).text == line
    assert rules.fix_lam_order("قبيلها", partners=rules.LAM_ALEF_PARTNERS) == "قبيلها"
    # lam-alef too: "وثالثتها" (and the third of them) is missing from the list, "وثلاثتها" is rare
    line = "وثانيها تخفيف الازدحام في الأحياء المزدحمة. وثالثتها إعادة الاعتبار للحدائق العامة\n"
    assert repair(line).text == line


def test_bidi_controls_removed() -> None:
    assert rules.strip_controls("\u200fمرحبا\u202b بكم\u202c") == "مرحبا بكم"


def test_allah_from_broken_ligature_mapping() -> None:
    assert rules.fix_allah("العبداهلل") == "العبدالله"
    assert rules.fix_allah("العبداالله") == "العبدالله"  # the alef drawn apart from a ligature of all of الله
    assert rules.fix_allah("الجريدة") == "الجريدة"


def test_alef_before_an_allah_ligature_goes_even_where_the_list_knows_the_word() -> None:
    # the web's list holds "االله" as it holds most typos; a word the other way round ("المياهللجميع",
    # two words with their space lost) is left alone
    text = "رحمه االله، لقد كان رجلا طيبا\nوأطلقت حملة المياهللجميع في القرى\nوكتب ياالله ما أجمل الصباح\n"
    assert repair(text).text == text.replace("رحمه االله", "رحمه الله")  # "ياالله" is informal writing


# ---- visual-order helpers: spaces from mark glyph gaps, words split by glyph gaps -----------


def test_space_before_a_trailing_mark_dropped() -> None:
    # marks after their letter: "ﺎ ًﺳ" can only be one word
    assert rules.drop_mark_spaces("\u0627 \u064b\u0633") == "\u0627\u064b\u0633"
    # marks read before their letter: a mark followed by a space is the broken spot instead
    assert rules.drop_mark_spaces("\u0627\u064b \u0644", marks_first=True) == "\u0627\u064b\u0644"
    assert rules.drop_mark_spaces("\u064e\u0628 \u0643", marks_first=True) == "\u064e\u0628 \u0643"


def test_split_word_rejoined_only_when_the_model_insists() -> None:
    assert rules.join_split_words("توج فر يق النصر") == "توج فريق النصر"
    assert rules.join_split_words("في المدينة") == "في المدينة"
    # a piece between two others joins the side it makes the likelier word with
    assert rules.join_split_words("تطبق أحكام ه ذا النظام") == "تطبق أحكام هذا النظام"


def test_split_words_rejoined_only_in_a_document_that_shows_them() -> None:
    # pdftotext on a justified paragraph: spaces where the glyphs of a word stood apart
    broken = ("أعلنت الوزارة ع ن خطة جديدة لدعم المزارعين\nوتش مل الخطة تمويل المشروعات الصغيرة\n"
              "وتهدف إلى زيادة الإنت اج المحلي خلال العام المقبل")
    assert repair(broken).text == ("أعلنت الوزارة عن خطة جديدة لدعم المزارعين\nوتشمل الخطة تمويل المشروعات "
                                   "الصغيرة\nوتهدف إلى زيادة الإنتاج المحلي خلال العام المقبل")
    one = "أعلنت الوزارة ع ن خطة جديدة لدعم المزارعين\nوتشمل الخطة تمويل المشروعات الصغيرة"
    assert repair(one).text == one  # one such join is not enough to touch a document


def test_letters_that_label_a_figure_are_no_split_words() -> None:
    # single letters name a triangle's vertices; "أب", "بج" and "أد" are in the word list, but a
    # lone letter is evidence of a cut word only where it makes a common one ("ع ن")
    text = ("في المثلث أ ب ج تكون الزاوية عند الرأس أ قائمة، والضلع ب ج هو الوتر.\n"
            "إذا رسمنا من أ عمودا على ب ج فإنه يقسم المثلث إلى مثلثين متشابهين،\n"
            "ويكون طول أ د وسطا هندسيا بين طولي ب د ود ج، كما يبين الشكل.\n")
    assert repair(text).text == text


def test_split_words_rejoined_before_segments_are_looked_for() -> None:
    # pdftotext on a LibreOffice paragraph: words cut between letters drawn joined ("مخت بر"),
    # which no justified line is; left as they are, the pieces ("فريقه ا") pass for reversed
    # segments and the line is turned around
    broken = ("في مخت بر صغير يطل على النه ر، تعمل الباحث ة سلمى الخطي ب م ع فريقه ا على تط وير جه از "
              "يس اعد المر ضى في بيو تهم.\nوتقول إن الفك رة بدأت قبل ثلا ث سنو ات حين مر ض والد ها")
    # the cuts that show it: between letters drawn joined, pieces of two letters or more
    assert rules.join_split_words("في مخت بر صغير", joined_letters=True) == "في مختبر صغير"
    assert rules.join_split_words("مع فريقه ا على", joined_letters=True) == "مع فريقه ا على"
    assert rules.join_split_words("على الطا ولة", joined_letters=True) == "على الطا ولة"  # after ا
    fixed = repair(broken)
    assert "segments" not in [c.rule for c in fixed.changes]
    assert fixed.text.startswith("في مختبر صغير يطل على النهر، تعمل الباحثة سلمى الخطيب مع فريقها على "
                                 "تطوير جهاز يساعد المرضى في ")


def test_split_words_counted_by_joins_not_lines() -> None:
    # LibreOffice's kashida justification on one paragraph: a line holds several cut words; once
    # they show the damage, a join the model only prefers ("أس عار") is made too
    broken = ("ويتوقع المحللون أن تخفض البنوك أس عار الفائ دة بمق دار نقطة\n"
              "خلال اجتماعاتها المقبلة لدعم الش ركات الصغيرة")
    assert repair(broken).text == ("ويتوقع المحللون أن تخفض البنوك أسعار الفائدة بمقدار نقطة\n"
                                   "خلال اجتماعاتها المقبلة لدعم الشركات الصغيرة")


def test_pdftotext_embeddings_read_in_logical_order() -> None:
    # pdftotext opens a right-to-left line with RLE and sets what it drew left to right in
    # LRE ... PDF in display order: the colon after the year, the comma after the word
    line = "\u202bصدر التقرير في \u202a :2024\u202cأرقام جديدة عن الوزارة\u202a ،\u202cوهي مشجعة\u202c"
    assert rules.strip_controls(line) == "صدر التقرير في 2024: أرقام جديدة عن الوزارة، وهي مشجعة"
    # a term in brackets set in logical order is taken as given
    assert rules.strip_controls("\u202bبرنامج \u202a(Word)\u202c للكتابة\u202c") == "برنامج (Word) للكتابة"
    # a bracket on the far side of a word shows display order: a post's attribution line
    line = "\u202b— مها العلي (@\u202aMay 3, 2025 )maha_ali\u202c\u202c"
    assert rules.strip_controls(line) == "— مها العلي (@maha_ali) May 3, 2025"
    # numbers in a row are set one by one, a sign after its number, a spaced colon at the end
    assert rules.strip_controls("\u202bخلال الأعوام (\u202a)2023-2019\u202c\u202c") == "خلال الأعوام (2019-2023)"
    assert rules.strip_controls("\u202bاتصل على \u202a 4321 765 12 971+\u202cمن الخارج\u202c") == (
        "اتصل على +971 12 765 4321 من الخارج")
    assert rules.strip_controls("\u202bبنمو \u202a8.5%+\u202c\u202c") == "بنمو +8.5%"
    assert rules.strip_controls("\u202bالرابط\u202a https://example.org/ar :\u202cأو الهاتف\u202c") == (
        "الرابط: https://example.org/ar أو الهاتف")


def test_pua_codes_classified_as_letters_or_digits() -> None:
    from warraq.repair.pua import classify

    text = "المدي\uf001ة و\uf002\uf003 سنة \uf002\uf003\uf004هـ"
    kinds = classify(text)
    assert kinds["\uf001"] == "letter"
    assert kinds["\uf004"] == "digit"


def test_visual_line_fathatan_goes_before_final_alef() -> None:
    # "صباحًا" read from the display, the mark glyph between ح and the alef
    assert rules.reverse_visual("\u0627\u064b\u062d\u0627\u0628\u0635") == "\u0635\u0628\u0627\u062d\u064b\u0627"


# ---- visual lines: which side of its letter a tool wrote each mark -------------------------


def test_marks_before_their_letters_when_spelling_says_so() -> None:
    from warraq.repair.visual import doc_marks_lead, misplaced_marks

    # "تُقاس" with the damma on the qaf would put a short vowel before a long alef
    assert misplaced_marks("\u062a\u0642\u064f\u0627\u0633") == 1
    assert misplaced_marks("\u062a\u064f\u0642\u0627\u0633") == 0
    # tanween belongs on the last letter or before a final alef: "تماشًيا" is misplaced
    assert misplaced_marks("\u062a\u0645\u0627\u0634\u064b\u064a\u0627") == 1
    # "تُقاس يتماشيًا" read per code point from the display: each mark comes before its letter
    logical = "\u062a\u064f\u0642\u0627\u0633 \u064a\u062a\u0645\u0627\u0634\u064a\u064b\u0627"
    assert doc_marks_lead([logical[::-1]])
    # the same text from a tool that writes each mark after its letter
    after = "".join(reversed(["\u062a\u064f", "\u0642", "\u0627", "\u0633", " ", "\u064a", "\u062a",
                              "\u0645", "\u0627", "\u0634", "\u064a\u064b", "\u0627"]))
    assert not doc_marks_lead([after])


def test_gaps_at_mark_glyphs_closed_after_reversal() -> None:
    from warraq.repair.visual import close_mark_gaps

    # "طنًا" and "أيضًا" split where the fathatan glyph left a gap
    assert close_mark_gaps("جمعنا طن \u064b\u0627 أيض\u064b \u0627 اليوم") == "جمعنا طن\u064b\u0627 أيض\u064b\u0627 اليوم"


def test_number_after_latin_name_stays_with_it() -> None:
    # "بعامل SPF 30 أو أعلى." read from the display: 30 belongs to SPF, not to the Arabic
    line = ".ىلعأ وأ SPF 30 لماعب"
    assert rules.reverse_visual(line, None, rules.class_stand_ins(line)) == "بعامل SPF 30 أو أعلى."


def test_nul_glyph_removed() -> None:
    # a joining piece mapped to NUL inside "لكن"
    assert rules.strip_controls("\u0644\u0643\x00\u0646\t1") == "\u0644\u0643\u0646\t1"


def test_lam_order_fixed_inside_a_hashtag() -> None:
    from warraq.repair.core import _fix_lam_line

    # the lam-alef ligature read alef first, in the second part of a compound
    assert _fix_lam_line("#الذكاء_االصطناعي", True) == "#الذكاء_الاصطناعي"


def test_lone_lam_alef_read_backwards_but_not_a_cut_article() -> None:
    # in a document that shows the lam-ligature damage, a lone "ال" is "لا" read backwards,
    # unless it is the article a stray space cut from its word
    from warraq.repair import repair

    text = ("احتلت المدينة المرتبة األولى هذا العام\nوفي المرحلة األخيرة فاز الفريق\n"
            "أعلنت ال وزارة النتائج اليوم\nقال إنه ال يعرف السبب\n")
    lines = repair(text).text.splitlines()
    assert lines[:2] == ["احتلت المدينة المرتبة الأولى هذا العام", "وفي المرحلة الأخيرة فاز الفريق"]
    assert lines[2] == "أعلنت ال وزارة النتائج اليوم"
    assert lines[3] == "قال إنه لا يعرف السبب"


def test_digit_shapes_follow_the_separators_next_to_the_codes() -> None:
    from warraq.repair.digitsets import indic_digits

    # no visible digit anywhere: "%" and "." between codes go with European digits, even in a
    # document dated by the Hijri calendar; "٪" and "٫" with Arabic-Indic ones
    hijri = "صدر في \ue001\ue002 رمضان \ue003\ue004\ue005\ue006هـ وفي شوال \ue003\ue004هـ"
    assert indic_digits(hijri)
    assert not indic_digits(hijri + "\nارتفع بنسبة \ue001\ue002% إلى \ue003.\ue004 مليون")
    assert indic_digits("ارتفع بنسبة \ue001\ue002٪ إلى \ue003٫\ue004 مليون")


def test_marks_written_before_their_letters_are_put_back() -> None:
    # PyMuPDF and pdftotext on vowelled text: each mark before its letter, a space at the gap
    # its glyph left where it started a word; a real space stays ("وقد نُظّم")
    broken = "وصل الوفد صبا ًحا إلى المدينة\nوكان الاستقبال كبي ًرا ج ًدا\nوقد ُنّظم الحفل مساءً"
    logical = "وصل الوفد صباحًا إلى المدينة\nوكان الاستقبال كبيرًا جدًا\nوقد نُظّم الحفل مساءً"
    assert repair(broken).text == logical
    assert repair(logical).text == logical


def test_a_split_word_with_marks_is_rejoined() -> None:
    # a piece that ends with a mark is still a piece, not a word before punctuation
    assert rules.join_split_words("رِسَ الَةٌ إِلَى الْمَدِ ينَةِ") == "رِسَالَةٌ إِلَى الْمَدِينَةِ"


def test_pdftotext_embedding_marks_go_to_the_next_letter_where_marks_come_first() -> None:
    # pdftotext on vowelled text writes each mark before its letter; the fatha of the و after a
    # comma lands inside the comma's embedding ("\u202aَ ،\u202c") and belongs to that و
    def marks_first(text: str) -> str:
        return re.sub("([\u0621-\u064a])([\u064b-\u0652]+)", r"\2\1", text)

    truth = ["العِلْمُ نُورٌ، وَالجَهْلُ ظَلَامٌ",
             "وَالصَّبْرُ مِفْتَاحُ الفَرَجِ، وَالعَجَلَةُ نَدَمٌ",
             "مَنْ جَدَّ وَجَدَ، وَمَنْ زَرَعَ حَصَدَ"]
    broken = []
    for line in truth:
        head, tail = line.split("، ")
        broken.append(f"\u202b{marks_first(head)}\u202a{tail[1]} ،\u202c{tail[0]}{marks_first(tail[2:])}\u202c")
    assert repair("\n".join(broken)).text == "\n".join(truth)


def test_space_a_mark_glyph_left_before_punctuation() -> None:
    broken = "قال النَّاسُ ، وَمَنْ كَذَبَ خَسِرَ . وَالصِّدْقُ : نَجَاةٌ"
    assert rules.shows_mark_gaps(broken)
    assert rules.close_punctuation_gaps(broken) == "قال النَّاسُ، وَمَنْ كَذَبَ خَسِرَ. وَالصِّدْقُ: نَجَاةٌ"
    # a writer who spaces punctuation after letters too, and a blank to fill in, are writing
    assert not rules.shows_mark_gaps("قال الناسُ ، ومن كذب ، فقد خسرَ . وقالوا : نعم ، ولا ، أبدًا")
    assert rules.close_punctuation_gaps("الشَّمْسُ ... الْ") == "الشَّمْسُ ... الْ"


def test_vocalised_text_that_spaces_its_punctuation_stays() -> None:
    # a writer's own habit: without a tool's hand (display order, bidi controls) nothing moves
    text = "قالَ المُعَلِّمُ ، وَهُوَ يَبْتَسِمُ : اقْرَؤوا الدَّرْسَ . ثُمَّ سَأَلَ الطُّلَّابَ ، فَأَجَابُوهُ .\n"
    assert repair(text).text == text


def test_segments_put_a_table_row_and_line_markers_at_their_line_ends() -> None:
    # each line cut once mid-word, after an alef, a waw or a dal: the word rejoins whatever the
    # cut between words, which only the line's markup places (a row opens and closes with a
    # pipe, with no empty cell made up; a footnote's definition and an interview's speaker open
    # their line)
    row = find_segments("سكندرية | 1,250 | 8.4% | | الإ")
    assert row is not None and row.text == "| الإسكندرية | 1,250 | 8.4% |"
    note = find_segments("طني للإحصاء [^3]: نُشرت نتائج المسح في تقرير مستقل صدر عن المعهد الو")
    assert note is not None and note.text == "[^3]: نُشرت نتائج المسح في تقرير مستقل صدر عن المعهد الوطني للإحصاء"
    answer = find_segments("سين ج: نعم، بدأنا العمل على المشروع منذ عامين مع فريق صغير من المهند")
    assert answer is not None and answer.text == "ج: نعم، بدأنا العمل على المشروع منذ عامين مع فريق صغير من المهندسين"


def test_hamza_written_as_a_mark_is_no_evidence_against_marks_first() -> None:
    from warraq.repair.visual import misplaced_marks

    # أ and إ drawn as alef plus a hamza mark: the alef carries it, and any haraka with it
    assert misplaced_marks("\u0627\u0654\u064e\u0645\u0627\u0645 \u0627\u0655\u063a\u0644\u0627\u0642") == 0
    # so a display-order line of such words keeps each haraka before its letter ("يُقصد", "وبناءً")
    logical = "يُقصد بالعبارات ا\u0654ينما وردت، وبناءً على ا\u0655غلاق ا\u0654مام المبنى"
    assert repair(logical[::-1] + "\n").text == "يُقصد بالعبارات أينما وردت، وبناءً على إغلاق أمام المبنى\n"


def test_justified_gaps_of_a_display_order_line_become_one_space() -> None:
    # pdfminer.six writes each wide gap of a justified line as two spaces
    justified = "  ".join("وقال الوزير في كلمته إن المحطة ستنتج المياه يوميا".split(" "))[::-1]
    assert repair(justified + "\n").text == "وقال الوزير في كلمته إن المحطة ستنتج المياه يوميا\n"
    # a single wide gap is the room of a glyph left out, not justification: it stays
    lone = "وقال الوزير في  كلمته إن المحطة ستنتج المياه يوميا"[::-1]
    assert "  " in repair(lone + "\n").text


def test_international_number_kept_left_to_right_is_put_back() -> None:
    # "+966 11 234 5678" set left to right inside a right-to-left line; turned back from
    # display order, its groups came out right to left with the sign last
    assert rules.international_numbers("للحجز اتصلوا على 5678 234 11 966+ خلال أيام العمل.") == \
        "للحجز اتصلوا على +966 11 234 5678 خلال أيام العمل."
    assert rules.international_numbers("اتصل على ٥٦٧٨ ٢٣٤ ١١ ٩٦٦+ الآن") == "اتصل على +٩٦٦ ١١ ٢٣٤ ٥٦٧٨ الآن"
    # fewer groups, or a sum going on, are left alone
    assert rules.international_numbers("بلغ 12 34+ نقطة") == "بلغ 12 34+ نقطة"
    assert rules.international_numbers("المجموع 3 4 5+ 6") == "المجموع 3 4 5+ 6"

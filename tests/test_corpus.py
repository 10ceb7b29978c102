"""Corpus generator: text parser, truth writer, planning, and the committed fixtures.

None of these tests needs Chromium or LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import fonts
from bench.corpus.build import one_page_subset
from bench.corpus.fixtures import SPECS
from bench.corpus.plan import LAYOUTS, PRODUCERS, plan
from bench.corpus.textfmt import FormatError, features, parse
from bench.corpus.truth import truth_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"

SOURCE = """---
title: خبر تجريبي
genre: news
---
# العنوان الرئيسي

## عنوان فرعي

قال الوزير إن النمو بلغ 4.5%[^a] هذا العام.

• البند الأول
• البند الثاني
١. الخطوة الأولى
2. الخطوة الثانية

| المدينة | السكان |
|---|---|
| عمّان | ٤ ملايين |

> منشور قصير عن الطقس.
> — ليلى (@layla) July 31, 2025

وأضاف أن الخطة ستنفذ لاحقًا[^b]، وأن الميزانية كافية[^a].

[^b]: ملاحظة ثانية.
[^a]: ملاحظة أولى.
"""


@pytest.fixture
def doc():
    return parse(SOURCE, "01-test")


def test_parse_front_matter_and_kinds(doc) -> None:
    assert doc.title == "خبر تجريبي"
    assert doc.meta["genre"] == "news"
    assert [b.kind for b in doc.blocks] == [
        "h1", "h2", "p", "bullet", "bullet", "numbered", "numbered", "table", "post", "p"]


def test_parse_table_skips_separator_and_keeps_logical_cell_order(doc) -> None:
    table = doc.blocks[7]
    assert table.rows == (("المدينة", "السكان"), ("عمّان", "٤ ملايين"))


def test_parse_post_is_one_block_with_attribution(doc) -> None:
    assert doc.blocks[8].lines == ("منشور قصير عن الطقس.", "— ليلى (@layla) July 31, 2025")


def test_footnotes_numbered_by_first_marker(doc) -> None:
    # [^a] appears first, so it is 1 even though [^b] is defined first; a repeated marker keeps its number
    assert doc.blocks[2].runs == ("قال الوزير إن النمو بلغ 4.5%", 1, " هذا العام.")
    assert doc.blocks[9].notes() == [2, 1]
    assert doc.notes == {1: "ملاحظة أولى.", 2: "ملاحظة ثانية."}


def test_truth_text_exact(doc) -> None:
    expected = "\n".join([
        "العنوان الرئيسي",
        "عنوان فرعي",
        "قال الوزير إن النمو بلغ 4.5%1 هذا العام.",
        "• البند الأول",
        "• البند الثاني",
        "١. الخطوة الأولى",
        "2. الخطوة الثانية",
        "المدينة السكان",
        "عمّان ٤ ملايين",
        "منشور قصير عن الطقس. — ليلى (@layla) July 31, 2025",
        "وأضاف أن الخطة ستنفذ لاحقًا2، وأن الميزانية كافية1.",
        "1 ملاحظة أولى.",
        "2 ملاحظة ثانية.",
    ]) + "\n"
    assert truth_text(doc) == expected


def test_deeper_headings_become_level_three() -> None:
    d = parse("### عنوان ثالث\n#### عنوان رابع\n", "t")
    assert [b.kind for b in d.blocks] == ["h3", "h3"]
    assert truth_text(d) == "عنوان ثالث\nعنوان رابع\n"


def test_truth_table_row_with_empty_cell() -> None:
    d = parse("| أ | | ج |\n", "t")
    assert truth_text(d) == "أ ج\n"


def test_subset_renumbers_notes(doc) -> None:
    sub = doc.subset([0, 9])
    assert sub.blocks[1].runs == ("وأضاف أن الخطة ستنفذ لاحقًا", 1, "، وأن الميزانية كافية", 2, ".")
    assert sub.notes == {1: "ملاحظة ثانية.", 2: "ملاحظة أولى."}
    assert truth_text(sub).endswith("1 ملاحظة ثانية.\n2 ملاحظة أولى.\n")


def test_missing_footnote_definition_is_an_error() -> None:
    with pytest.raises(FormatError):
        parse("نص[^9] بلا تعريف.\n", "bad")


def test_one_page_subset_keeps_a_marker() -> None:
    long_para = " ".join(["كلمة"] * 120)
    src = f"# عنوان\n\n{long_para}\n\n{long_para}\n\nجملة فيها حاشية[^1].\n\n[^1]: الحاشية.\n"
    sub = one_page_subset(parse(src, "t"), 150)
    assert [b.kind for b in sub.blocks] == ["h1", "p"]
    assert truth_text(sub) == "عنوان\nجملة فيها حاشية1.\n1 الحاشية.\n"


def test_features(doc) -> None:
    tags = features(doc)
    for tag in ("digits", "arabic-digits", "percent", "decimals", "handles", "latin", "headings",
                "lists", "table", "post", "footnotes"):
        assert tag in tags
    assert "urls" not in tags and "emails" not in tags


def test_plan_covers_fonts_and_layouts() -> None:
    docs = [parse(SOURCE, f"{i:02d}-t") for i in range(12)]
    docs += [parse(f"# عنوان {i}\n\nفقرة قصيرة.\n", f"{i + 12:02d}-plain") for i in range(3)]
    jobs = plan(docs, list(PRODUCERS), list(fonts.FONTS))
    assert len(jobs) >= 60
    assert len({j.id for j in jobs}) == len(jobs)
    for prod in PRODUCERS:
        mine = [j for j in jobs if j.producer == prod]
        assert len({j.layout for j in mine}) >= 3
        assert len({j.font.family for j in mine}) >= 3
    assert {j.layout for j in jobs} == set(LAYOUTS)
    assert not any(j.producer == "legacy" and not j.font.presentation_forms for j in jobs)
    plain = [j for j in jobs if j.doc.slug.endswith("plain")]
    assert not any(j.layout in ("table", "footnotes") for j in plain)


def test_legacy_visual_order_and_forms() -> None:
    amiri = fonts.find_file("Amiri-Regular.ttf")
    if amiri is None:
        pytest.skip("Amiri not installed")
    from bench.corpus.legacy import visual

    # سلام: seen initial, lam-alef final ligature, meem isolated; drawn left to right
    assert visual("\u0633\u0644\u0627\u0645", str(amiri)) == "\ufee1\ufefc\ufeb3"
    # the digits stay left to right inside the reversed line
    assert visual("\u0641\u064a 2025", str(amiri)) == "2025 \ufef2\ufed3"


def test_every_fixture_has_truth_and_is_small() -> None:
    pdfs = sorted(FIXTURES.glob("**/*.pdf"))
    names = {p.stem for p in pdfs}
    assert {s.name for s in SPECS} <= names
    total = 0
    for pdf in pdfs:
        size = pdf.stat().st_size
        assert size < 100_000, pdf.name
        truth = pdf.with_suffix(".txt")
        assert truth.exists(), f"{pdf.name} has no truth file"
        assert truth.read_text(encoding="utf-8").strip()
        total += size + truth.stat().st_size
    assert total < 1_000_000


def test_fixture_truths_hold_written_lines() -> None:
    table = (FIXTURES / "libreoffice-kacstbook-table.txt").read_text(encoding="utf-8").splitlines()
    assert table[0] == "نتائج الفصل الأول"
    assert table[-3:] == ["المادة الدرجة النسبة", "الرياضيات 18 90%", "اللغة العربية ١٧ ٨٥٪"]
    two = (FIXTURES / "chromium-notonaskh-2col.txt").read_text(encoding="utf-8").splitlines()
    assert two[0] == "إعلان من البلدية" and two[2] == "جدّي والكتب"


def test_fixture_pdfs_are_one_page() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    for pdf in sorted(FIXTURES.glob("*.pdf")):
        doc = pdfium.PdfDocument(str(pdf))
        assert len(doc) == 1, pdf.name
        doc.close()


def test_fodt_is_well_formed_and_follows_the_layout(doc) -> None:
    import xml.etree.ElementTree as ET

    from bench.corpus.lo import fodt

    amiri = fonts.BY_FAMILY["Amiri"]
    notes = fodt(doc, amiri, "footnotes")
    ET.fromstring(notes.encode("utf-8"))
    # three markers of two notes: two real notes, the repeated marker a plain superscript
    assert notes.count('text:note-class="footnote"') == 2
    assert 'style:writing-mode="rl-tb"' in notes and 'fo:text-align="justify"' in notes
    two = fodt(doc, amiri, "two-column")
    ET.fromstring(two.encode("utf-8"))
    assert 'fo:column-count="2"' in two and "text:note-class" not in two
    assert "<text:page-number" in fodt(doc, amiri, "header-footer")
    assert "<text:page-number" not in two


def test_html_is_rtl_and_follows_the_layout(doc) -> None:
    from bench.corpus.htmlgen import html_document

    naskh = fonts.BY_FAMILY["Noto Naskh Arabic"]
    single = html_document(doc, naskh, "single")
    assert '<html dir="rtl" lang="ar">' in single and "text-align:justify" in single
    assert "column-count:2" in html_document(doc, naskh, "two-column")
    hf = html_document(doc, naskh, "header-footer")
    assert "@top-center" in hf and "counter(page)" in hf and "@top-center" not in single
    floats = html_document(doc, naskh, "footnotes", "float")
    assert floats.count('<span class="fn">') == 2 and floats.count("<sup>1</sup>") == 1
    assert single.count("<sup>1</sup>") == 2 and "<p>1 ملاحظة أولى.</p>" in single


def test_selfcheck_letters_fold_forms_and_drop_tatweel() -> None:
    from bench.corpus.selfcheck import letters

    # presentation forms of سلام in visual order, a tatweel, and a lam-alef ligature
    assert letters("\ufee1\ufefc\ufeb3") == letters("\u0633\u0644\u0627\u0645")
    assert letters("\u0633\u0640\u0644\u0627\u0645 ") == letters("سلام")

"""Page layout rules on hand-built pages: furniture, footnotes, columns and tables."""

from __future__ import annotations

from conftest import glyphs_from_visual, rev, rtl_line, shifted

from warraq.document import Block, Line, Page, Word
from warraq.layout.assemble import block_direction, to_block, to_line
from warraq.layout.blocks import RawBlock, build_blocks, xy_order
from warraq.layout.furniture import mark_footnotes, mark_furniture
from warraq.layout.lines import build_segments
from warraq.pdf.glyphs import Glyph


def block(text: str, top: float, size: float = 11.0, kind: str = "paragraph") -> Block:
    bbox = (50.0, top, 500.0, top + size * 1.2)
    line = Line([Word(w, bbox) for w in text.split()], bbox, "rtl", size)
    return Block(kind, [line], bbox, "rtl")  # type: ignore[arg-type]


def page(number: int, *blocks: Block) -> Page:
    return Page(number, 595.0, 842.0, list(blocks))


def test_running_header_and_page_number_are_furniture() -> None:
    pages = [
        page(n, block("التقرير السنوي للهيئة", 30), block(f"نص الصفحة رقم {n} من التقرير", 300),
             block(f"صفحة {n} من 3", 800))
        for n in (1, 2, 3)
    ]
    out = list(mark_furniture(pages))
    assert [b.kind for b in out[1].blocks] == ["header", "paragraph", "page-number"]
    assert out[1].text() == "نص الصفحة رقم 2 من التقرير"


def test_a_title_at_the_top_of_one_page_is_not_furniture() -> None:
    pages = [page(1, block("عنوان التقرير", 30), block("نص", 300)), page(2, block("نص آخر", 300))]
    out = list(mark_furniture(pages))
    assert out[0].blocks[0].kind == "paragraph"


def test_a_title_that_restates_the_running_header_is_not_furniture() -> None:
    # the header repeats on every page at y 23; page 1 also opens with a big title in the same words
    running = "هل نربي أبناءنا للمستقبل"
    first = page(1, block(running, 23, size=9.0), block(running, 61, size=19.0),
                 block("نص المقال في الصفحة الأولى وهو أطول من العنوان", 300))
    second = page(2, block(running, 23, size=9.0), block("نص المقال في الصفحة الثانية وهو أطول كذلك", 300))
    out = list(mark_furniture([first, second]))
    assert [b.kind for b in out[0].blocks] == ["header", "paragraph", "paragraph"]
    assert [b.kind for b in out[1].blocks] == ["header", "paragraph"]


def _lone_page(*extra: Block) -> Page:
    # a single page: a small centred line in the top band (below its top 8 %), a title, the body
    return page(1, block("النصر يتوج بلقب الدوري", 58, size=9.0), block("النصر بطل الدوري", 77, size=18.0),
                block("توج فريق النصر بلقب الدوري للمرة الثالثة في تاريخه بعد فوز مثير", 140, size=12.0),
                *extra)


def test_a_lone_small_line_atop_a_numbered_page_is_its_header() -> None:
    # nothing repeats on a single page: the page number at the foot shows the page has furniture,
    # so the small line alone above all text in the top band is the header
    out = list(mark_furniture([_lone_page(block("1", 777, size=9.0))]))
    assert [b.kind for b in out[0].blocks] == ["header", "paragraph", "paragraph", "page-number"]
    assert not out[0].text().startswith("النصر يتوج")
    # without furniture at the foot, a small first line that far down may be body text: it stays
    out = list(mark_furniture([_lone_page()]))
    assert out[0].blocks[0].kind == "paragraph"


def test_footnote_moves_after_the_body() -> None:
    p = page(1, block("نص المتن الأول", 100), block("1 هذه حاشية صغيرة", 700, size=8.0),
             block("نص المتن الثاني", 200))
    p.blocks = [p.blocks[0], p.blocks[2], p.blocks[1]][::-1]  # footnote first, as a bad order would have it
    mark_footnotes(p)
    assert [b.kind for b in p.blocks][-1] == "footnote"
    assert p.text().endswith("1 هذه حاشية صغيرة")


def _two_column_glyphs() -> list:
    right = ["نص العمود الأيمن في السطر الأول", "وهذا السطر الثاني من العمود الأيمن", "والسطر الثالث منه"]
    left = ["ثم يبدأ العمود الأيسر هنا", "ويستمر العمود الأيسر في سطره الثاني", "وينتهي هنا"]
    glyphs = []
    for i, (r, l_) in enumerate(zip(right, left)):
        y = 100.0 + 16 * i
        row_left = glyphs_from_visual(list(rev(l_)), y=y)
        row_right = glyphs_from_visual(list(rev(r)), y=y)
        for g in row_right:  # shift the right column past a wide gutter
            g.x0 += 400
            g.x1 += 400
            g.ox += 400
        glyphs += row_left + row_right
    return glyphs


def test_two_columns_are_read_right_column_first() -> None:
    segments = build_segments(_two_column_glyphs())
    blocks = build_blocks(segments, "rtl", 12.0)
    first = blocks[0].segments
    assert all(s.x0 > 300 for s in first), "the right column must come first"
    assert len(blocks) == 2


def test_numbered_lines_of_a_list_are_items_of_their_own() -> None:
    items = ["1. تسجيل الأطفال من سن السادسة", "2. توزيع قوائم الكتب المقترحة", "3. تنظيم جلسات القراءة الجماعية"]
    glyphs = []
    for i, text in enumerate(items):
        glyphs += rtl_line(text.split(), 4.0, 100.0 + 16 * i)
    blocks = build_blocks(build_segments(glyphs), "rtl", 12.0)
    assert [to_block(b, "rtl", keep_tatweel=False).text for b in blocks] == items
    # a line of a paragraph that opens with a figure is no item
    lines = ["بلغ عدد المكتبات المشاركة هذا العام", "37 مكتبة عامة في المدن والقرى"]
    glyphs = [g for i, text in enumerate(lines) for g in rtl_line(text.split(), 4.0, 100.0 + 16 * i)]
    assert len(build_blocks(build_segments(glyphs), "rtl", 12.0)) == 1


def test_a_paragraph_ending_in_either_script_takes_the_side_its_last_line_keeps() -> None:
    # An English paragraph of a right-to-left page whose first line ends in an Arabic title:
    # its first line reads well either way, its short last line keeps to the left
    first = glyphs_from_visual(list("The oldest, titled ") + list(rev("كتاب الأدوية")), y=100.0)
    last = glyphs_from_visual(list("dates from 1187 CE."), y=116.0)
    segments = build_segments(first + last)
    assert block_direction(segments, "rtl") == "ltr"
    # the same lines set flush right (an Arabic paragraph's last line) read right to left
    shift = max(g.x1 for g in first) - max(g.x1 for g in last)
    for g in last:
        g.x0 += shift
        g.x1 += shift
        g.ox += shift
    assert block_direction(build_segments(first + last), "ltr") == "rtl"


def test_an_arabic_paragraph_opening_and_closing_with_english_words_reads_right_to_left() -> None:
    # the last line of a paragraph begun on the page before: "OpenAI وMeta دعمها للعربية في
    # نماذجها الأحدث مثل Gemini وLlama 3." shown from left to right
    visual = list("Llama 3") + list(rev("و")) + [" "] + list("Gemini") + [" "] + list(rev("دعمها للعربية في نماذجها الأحدث مثل")) + [
        " "] + list("Meta") + list(rev("و")) + [" "] + list("OpenAI")
    segments = build_segments(glyphs_from_visual(visual))
    assert block_direction(segments, "rtl") == "rtl"
    # an English line with a few Arabic words keeps its own direction
    visual = list("The library of ") + list(rev("بيت الحكمة")) + list(" in Baghdad")
    assert block_direction(build_segments(glyphs_from_visual(visual)), "rtl") == "ltr"



def test_an_english_sentence_set_right_to_left_ends_at_its_left() -> None:
    # an English paragraph of an Arabic document inherits its direction: its full stop is
    # drawn at the left, where an English paragraph would open
    segments = build_segments(glyphs_from_visual(list(".The committee approved the budget")))
    assert block_direction(segments, "rtl") == "rtl"
    assert to_block(RawBlock(segments, "paragraph"), "rtl", False).text == "The committee approved the budget."
    # set left to right, it keeps its own direction, and a lead-in sign stays where it is
    assert block_direction(build_segments(glyphs_from_visual(list("The committee approved it."))), "rtl") == "ltr"
    assert block_direction(build_segments(glyphs_from_visual(list("...and then it ended."))), "rtl") == "ltr"


def test_a_paragraph_aligned_left_that_ends_its_sentences_at_the_left_reads_right_to_left() -> None:
    # LibreOffice's HTML import sets right-to-left paragraphs flush left: the short last line
    # keeps to the left, but the full stop at its left end says right to left
    first = glyphs_from_visual(list("Room B") + [" "] + list(rev("تبدأ الاجتماعات في")), y=100.0)
    last = glyphs_from_visual(list(rev("بالطابق الثالث.")), y=116.0)
    segments = build_segments(first + last)
    assert block_direction(segments, "rtl") == "rtl"
    assert to_block(RawBlock(segments, "paragraph"), "rtl", False).text == "تبدأ الاجتماعات في Room B بالطابق الثالث."

def test_two_lines_closer_than_a_row_apart_stay_two_lines() -> None:
    # a column whose line grid is shifted by a line taller for its marks: two of its lines
    # end up closer together than the page's rows are told apart (half an em)
    upper = glyphs_from_visual(list(rev("وسجل الصقيع في عدد من المزارع")), y=100.0)
    lower = glyphs_from_visual(list(rev("في مناطق زراعة الخضار")), y=106.0)
    texts = ["".join(c.glyph.text for c in s.clusters)[::-1] for s in build_segments(upper + lower)]
    assert texts == ["وسجل الصقيع في عدد من المزارع", "في مناطق زراعة الخضار"]


def test_a_byline_over_two_columns_joins_neither() -> None:
    byline = rtl_line("الأسبوع الممتد من العاشر إلى السادس عشر من شباط إعداد قسم الأرصاد".split(), 4.0, 100.0)
    right = (rtl_line("سيطر على المنطقة منخفض جوي عميق".split(), 4.0, 116.0)
             + rtl_line("قادم من شرق البحر المتوسط".split(), 4.0, 132.0))
    left = (rtl_line("وينصح المزارعون بتغطية الأشتال الحساسة".split(), 4.0, 116.0, right=300.0)
            + rtl_line("بأغطية بلاستيكية خلال الليالي الباردة".split(), 4.0, 132.0, right=300.0))
    blocks = build_blocks(build_segments(byline + right + left), "rtl", 12.0)
    assert [to_block(b, "rtl", keep_tatweel=False).text for b in blocks] == [
        "الأسبوع الممتد من العاشر إلى السادس عشر من شباط إعداد قسم الأرصاد",
        "سيطر على المنطقة منخفض جوي عميق قادم من شرق البحر المتوسط",
        "وينصح المزارعون بتغطية الأشتال الحساسة بأغطية بلاستيكية خلال الليالي الباردة"]


def test_a_sidebar_of_short_news_is_read_before_the_article_beside_it() -> None:
    # under a title over both: three short items on the right, a long article on the left;
    # their paragraph gaps line up here and there, by chance
    title = rtl_line("النشرة الشهرية لجمعية حماية المستهلك".split(), 4.0, 60.0, right=520.0)
    items = [["افتتحت الجمعية فرعا جديدا في مدينة", "الزرقاء يوم الثاني عشر من نيسان"],
             ["عقدت ورشة عن قراءة بطاقات البيانات", "الغذائية بمشاركة ستين متدربا"],
             ["الخط الساخن للشكاوى يعمل كل يوم", "من الأحد إلى الخميس صباحا"]]
    article = [["شهد الشهر الماضي ارتفاعا في أسعار عدد من السلع", "الأساسية أبرزها الأرز والزيوت"],
               ["وترى الجمعية أن تعزيز الرقابة الميدانية لا يقل", "أهمية عن ضبط الأسعار نفسها وتطالب",
                "الجهات المعنية بنشر نتائج التفتيش"]]
    glyphs = list(title)
    for paragraphs, right, measure in ((items, 520.0, 190.0), (article, 300.0, 280.0)):
        y = 100.0
        for para in paragraphs:
            for i, line in enumerate(para):
                words = line.split()
                gap = 4.0 if i == len(para) - 1 else (measure - 6.0 * sum(map(len, words))) / (len(words) - 1)
                glyphs += rtl_line(words, gap, y, right=right)  # justified, but for the last line
                y += 16
            y += 10
    blocks = build_blocks(build_segments(glyphs), "rtl", 12.0)
    texts = [to_block(b, "rtl", keep_tatweel=False).text for b in blocks]
    assert texts == [" ".join(t.split()) for t in ["النشرة الشهرية لجمعية حماية المستهلك"]
                     + [" ".join(i) for i in items] + [" ".join(p) for p in article]]


def test_a_justified_line_with_wide_spaces_stays_one_line() -> None:
    # the middle line of a paragraph, stretched to the measure: its spaces are two ems wide
    glyphs = (rtl_line(["كتب", "الطالب", "درسه", "في", "المساء", "بعد", "العشاء"], 4.0, 100.0)
              + rtl_line(["ثم", "راجع", "واجباته"], 24.0, 116.0)
              + rtl_line(["قبل", "أن", "ينام", "مبكرا", "كعادته", "كل", "يوم"], 4.0, 132.0))
    segments = build_segments(glyphs)
    assert len(segments) == 3
    assert sorted(s.char_count for s in segments)[0] == len("ثمراجعواجباته")


def test_a_gutter_the_lines_around_leave_empty_still_splits() -> None:
    rows = [rtl_line(["عمود", "أيمن"], 4.0, y) + rtl_line(["عمود", "أيسر"], 4.0, y, right=380.0)
            for y in (100.0, 116.0, 132.0)]
    segments = build_segments([g for r in rows for g in r])
    assert len(segments) == 6


def test_a_lone_evenly_stretched_line_is_justified_text() -> None:
    assert len(build_segments(rtl_line(["هذا", "سطر", "ممدود", "حتى", "الهامش"], 20.0, 100.0))) == 1
    # two gaps of different widths with nothing around: cells or columns, not a justified line
    assert len(build_segments(rtl_line(["خلية", "أخرى", "ثالثة"], 20.0, 100.0)[:7]
                              + rtl_line(["بعيدة"], 0.0, 100.0, right=300.0))) >= 2


def test_gutters_of_one_width_between_columns_of_words_are_gutters() -> None:
    # four columns' first lines, level and alone: three gutters of one width, but each column
    # spaces its own words narrowly, as no justified line would beside such spaces
    lines = [["ارتفع", "المعدل", "العام"], ["نظمت", "المدرسة", "نشاطا"], ["افتتح", "مختبر", "الحاسوب"],
             ["يوصي", "المجلس", "بتوسيع"]]
    glyphs, right = [], 560.0
    for words in lines:
        glyphs += rtl_line(words, 4.0, 100.0, right=right)
        right -= 6.0 * sum(map(len, words)) + 8.0 + 20.0
    assert len(build_segments(glyphs)) == 4


def test_a_gutter_narrower_than_the_stretched_spaces_beside_it_still_parts_columns() -> None:
    # three justified columns 11 points apart (under an em), their spaces stretched about as
    # wide: only the white running straight down the lines tells the gutter
    lines = ["مدرسة حديقة سيارة طاولة", "كتاب المدارس قلم مكتبات", "طاولات مكتبات شارع مدير",
             "باب نافذة رسالة الحدائق", "المدارس في المكتبات بحر"]  # twenty letters, spaces elsewhere
    columns = [lines[k:] + lines[:k] + ["السابقة"] for k in range(3)]
    glyphs = []
    for k, lines in enumerate(columns):
        for i, line in enumerate(lines):
            words = line.split()
            last = i == len(lines) - 1
            gap = 4.0 if last else (150.0 - 6.0 * sum(map(len, words))) / (len(words) - 1)
            glyphs += rtl_line(words, gap, 100.0 + 16 * i, right=560.0 - 161.0 * k)
    blocks = build_blocks(build_segments(glyphs), "rtl", 12.0)
    assert [" ".join(to_block(b, "rtl", keep_tatweel=False).text.split()) for b in blocks] == [
        " ".join(lines) for lines in columns]


def test_pdfium_word_breaks_decide_a_narrow_gap_inside_arabic() -> None:
    # "باسم": a gap of a quarter em after the alef, where the font's advance leaves none
    glyphs = glyphs_from_visual(list(rev("باسم")))
    for g in glyphs[:2]:  # م and س, left of the alef
        g.x0 -= 3.0
        g.x1 -= 3.0
        g.ox -= 3.0
        g.ink = (g.ink[0] - 3.0, g.ink[1] - 3.0)
    for k, g in enumerate(reversed(glyphs)):  # stream order: ب ا س م
        g.index = k
    far = glyphs_from_visual(list(rev("قال")))
    for k, g in enumerate(far):
        g.x0 += 200
        g.x1 += 200
        g.ox += 200
        g.ink = (g.ink[0] + 200, g.ink[1] + 200)
        g.index = 10 + k
    brk = Glyph(" ", "tounicode", 150, 88, 150, 103.6, 150, 100, 1.0, "", 9)
    segs = build_segments(glyphs + far + [brk])
    words = [w for s in segs for w in "".join(c.glyph.text for c in s.clusters)[::-1].split()]
    assert "باسم" in words
    for g in glyphs[:2]:  # PDFium saw a break right after the alef: then it is a word space
        g.index += 1
    brk.index = 2
    segs = build_segments(glyphs + far + [brk])
    words = [w for s in segs for w in "".join(c.glyph.text for c in s.clusters)[::-1].split()]
    assert "با" in words and "سم" in words


def test_a_space_glyph_drawn_elsewhere_in_the_stream_does_not_cut_a_word() -> None:
    # Word (doPDF) reports a line's trailing space glyph over the word "كما" at its start: a
    # space between two letters written one right after the other is not theirs
    glyphs = glyphs_from_visual(list(rev("كما قال")))
    for k, g in enumerate(reversed(glyphs)):  # stream order: ك م ا ق ا ل
        g.index = k
    kaf, meem = glyphs[-1], glyphs[-2]
    stray = Glyph(" ", "tounicode", meem.x1 - 2, 88, kaf.x0 + 2, 100, meem.x1 - 2, 100, 12.0, "F", 20)
    text = "".join(c.glyph.text for s in build_segments(glyphs + [stray]) for c in s.clusters)[::-1]
    assert text == "كما قال"
    for g in glyphs[:-1]:  # in the stream between the two letters, the same space is the writer's
        g.index += 1
    stray.index = 1
    text = "".join(c.glyph.text for s in build_segments(glyphs + [stray]) for c in s.clusters)[::-1]
    assert text == "ك ما قال"


def test_a_lone_footnote_at_the_foot_is_not_a_footer() -> None:
    body = block("وقد أوصى الحكماء بالصدق في القول والعمل2 وبالأمانة في كل حال", 300)
    note = block("2 انظر كتاب الأخلاق للمؤلف نفسه، الطبعة الثانية", 800, size=8.0)
    list(mark_furniture([page(1, block("عنوان المقال", 60, size=16.0), body, note)]))
    assert note.kind == "paragraph"
    credit = block("جميع الحقوق محفوظة لدار النشر", 800, size=8.0)
    list(mark_furniture([page(1, block("عنوان المقال", 60, size=16.0), body, credit)]))
    assert credit.kind == "footer"


def test_the_structure_tree_orders_blocks_unless_it_reads_up_a_column() -> None:
    from warraq.layout.blocks import RawBlock, structure_order

    right = RawBlock(build_segments(rtl_line(["عمود", "أيمن"], 4.0, 100.0)))
    left = RawBlock(build_segments(rtl_line(["عمود", "أيسر"], 4.0, 100.0, right=300.0)))
    below = RawBlock(build_segments(rtl_line(["تحت", "الأيمن"], 4.0, 140.0)))

    def ranks(*order: RawBlock) -> dict[int, int]:
        return {id(c.glyph): k for k, b in enumerate(order) for s in b.segments for c in s.clusters}

    # the tags read the left block first: the producer says so, and nothing reads upwards
    assert structure_order([right, left], ranks(left, right)) == [left, right]
    # tags that put a block before the one above it in its column follow drawing order
    assert structure_order([right, below], ranks(below, right)) == [right, below]


def test_a_line_wrapped_before_a_long_url_continues_and_a_bullet_starts_an_item() -> None:
    url = "https://www.example.com/ar/docs/arabic-text"  # one word, wider than the room left above it
    rows = [rev("نص الفقرة الأولى وهو سطر طويل يملأ عرض العمود كله"), rev("الروابط مثل"), url,
            rev("• بند جديد من القائمة")]
    glyphs = [g for i, text in enumerate(rows) for g in shifted(text, 400.0, 100.0 + 16 * i)]
    blocks = build_blocks(build_segments(glyphs), "rtl", 12.0)
    assert [len(b.segments) for b in blocks] == [3, 1]
    assert [to_block(b, "rtl", False).text.startswith("•") for b in blocks] == [False, True]



def test_a_paragraph_of_one_short_line_ends_before_the_next() -> None:
    # an interview's question, then its answer: every line the same distance apart, so only
    # the question's line, short on the side where lines end, shows where it ends
    rows = [rev("س: كيف بدأت رحلتك؟"), rev("ج: بدأت بلعبة مكسورة حين كنت في العاشرة من عمري"),
            rev("ولم أستطع إعادة تركيبها فتعلمت من أخطائي كثيرا")]
    glyphs = [g for i, text in enumerate(rows) for g in shifted(text, 400.0, 100.0 + 16 * i)]
    assert [len(b.segments) for b in build_blocks(build_segments(glyphs), "rtl", 12.0)] == [1, 2]



def test_paragraphs_of_one_line_part_at_the_spacing_a_paragraph_of_several_lines_shows() -> None:
    # a paragraph of three lines 16 pt apart, then five one-line paragraphs of about one width,
    # 30 pt apart (two and a half ems: a tall font's lines could be that far apart). The one-line
    # paragraphs are the commoner, but only lines under a line as wide show the line pitch
    para = [rev("نص الفقرة الأولى وهو سطر طويل يملأ عرض العمود"), rev("ويليه سطر ثان بالعرض نفسه تقريبا هنا"),
            rev("وسطر أخير قصير")]
    items = [rev("البند الأول من القائمة"), rev("البند الثاني من القائمة"), rev("البند الثالث من القائمة"),
             rev("البند الرابع من القائمة"), rev("البند الخامس من القائمة")]
    glyphs = [g for i, text in enumerate(para) for g in shifted(text, 400.0, 100.0 + 16 * i)]
    glyphs += [g for i, text in enumerate(items) for g in shifted(text, 400.0, 162.0 + 30 * i)]
    assert [len(b.segments) for b in build_blocks(build_segments(glyphs), "rtl", 12.0)] == [3, 1, 1, 1, 1, 1]

def test_a_first_line_indented_at_its_start_goes_on() -> None:
    # short only at its start (its right, in Arabic): an indent, not a paragraph's end
    rows = [rev("بدأت بلعبة مكسورة حين كنت في العاشرة"), rev("ولم أستطع إعادة تركيبها فتعلمت من أخطائي")]
    first = shifted(rows[0], 400.0, 100.0)
    second = shifted(rows[1], 400.0, 116.0)
    indent = second[0].x0 - first[0].x0  # move the first line right until both end at the left alike
    for g in first:
        g.x0, g.x1, g.ox = g.x0 + indent, g.x1 + indent, g.ox + indent
        g.ink = (g.ink[0] + indent, g.ink[1] + indent)
    assert [len(b.segments) for b in build_blocks(build_segments(first + second), "rtl", 12.0)] == [2]

def test_a_link_cut_by_the_line_break_is_joined_without_a_space() -> None:
    def para(*texts: str) -> Block:
        lines = [Line([Word(w, (0.0, 0.0, 1.0, 1.0)) for w in t.split()], (0.0, 0.0, 1.0, 1.0), "rtl", 11.0)
                 for t in texts]
        return Block("paragraph", lines, (0.0, 0.0, 1.0, 1.0), "rtl")

    assert para("راجعوا الرابط https://", "www.example.com/ar/docs للتفاصيل").text == \
        "راجعوا الرابط https://www.example.com/ar/docs للتفاصيل"
    assert para("عبر https://ai.example.gov.ae/ar/", "framework، أو").text == "عبر https://ai.example.gov.ae/ar/framework، أو"
    # a link that ends its line whole, and a line that goes on in Arabic, keep their space
    assert para("الرابط https://example.org", "2024 عام").text == "الرابط https://example.org 2024 عام"
    assert para("الرابط www.example.org/", "ثم تابع").text == "الرابط www.example.org/ ثم تابع"


def test_a_justified_line_with_wider_spaces_than_the_line_above_stays_one_line() -> None:
    # the last line of a justified paragraph holds a long unbreakable word and three short ones,
    # so its spaces stretch wider than a gutter; the line above is justified too, with spaces a
    # little wide in the same places: no column runs down there
    above = rtl_line(["والشهادة", "ستأتي", "ومن", "يرغب", "في", "التدرب", "لدينا", "يمكنه", "مراسلتنا"],
                  9.0, 100.0, right=500.0)
    left = min(g.x0 for g in above)
    words = ["بالاستراتيجيات", "أو", "متابعتنا", "على"]
    width = sum(w.x1 - w.x0 for w in (build_segments(rtl_line([w], 4.0, 0.0))[0] for w in words))
    gap = (500.0 - left - width) / 3
    line = rtl_line(words, gap, 118.0, right=500.0)
    assert gap > 1.1 * 12.0
    segs = build_segments(above + line)
    assert len(segs) == 2


def test_a_justified_first_line_over_a_short_last_line_stays_one_line() -> None:
    # a wrapped heading at the top of a column: its first line spread to the measure, its last
    # line short; the paragraph below, full width, shows no gutter where the spaces are wide
    glyphs = (rtl_line(["الذكاء", "الاصطناعي", "التوليدي"], 30.0, 100.0)
              + rtl_line(["يتحدث", "العربية"], 4.0, 116.0)
              + rtl_line(["لم", "يعد", "الحديث", "عن", "الذكاء", "الاصطناعي", "حكرا", "على", "أحد"], 6.0, 132.0))
    segments = build_segments(glyphs)
    assert len(segments) == 3


def test_an_actualtext_span_does_not_vouch_for_pdfium_word_breaks() -> None:
    # Chromium wraps a vowelled letter in /ActualText; PDFium then puts no word break between
    # "أَمَرَ" and "اللَّهُ" although they are drawn apart, so its breaks cannot join them
    from warraq.layout.lines import _contiguous

    ra, alef = glyphs_from_visual(["ا", "ر"])
    ra.index, alef.index = 441, 437
    assert _contiguous(ra, alef, [432, 452])  # plain letters: PDFium's breaks are trusted
    ra.source = "actualtext"
    assert not _contiguous(ra, alef, [432, 452])


def _two_blocks(first: str, below_units: list[str]) -> tuple[RawBlock, RawBlock]:
    """An Arabic line, and under it, as a block of its own (widely spaced lines), a short line
    drawn flush with its right edge, as a paragraph's last line is."""
    above = build_segments(glyphs_from_visual(list(rev(first)), y=100.0))
    below = glyphs_from_visual(below_units, y=140.0)
    shift = max(c.glyph.x1 for s in above for c in s.clusters) - max(g.x1 for g in below)
    for g in below:
        g.x0, g.x1, g.ox = g.x0 + shift, g.x1 + shift, g.ox + shift
        g.ink = (g.ink[0] + shift, g.ink[1] + shift)
    return RawBlock(above), RawBlock(build_segments(below))


_LATIN_FIRST = list(".Claudeو GPTو Gemini")  # "Gemini وGPT وClaude." as drawn right to left


def test_a_last_line_opening_with_a_latin_word_continues_its_paragraph() -> None:
    above, below = _two_blocks("ودعمت الشركات الكبرى لغتنا في نماذجها الجديدة مثل", _LATIN_FIRST)
    last = to_block(below, "rtl", False, to_block(above, "rtl", False))
    assert last.direction == "rtl"
    assert last.text == "Gemini وGPT وClaude."


def test_a_line_after_a_finished_sentence_is_a_paragraph_of_its_own() -> None:
    above, below = _two_blocks("ودعمت الشركات الكبرى لغتنا في نماذجها الجديدة.", _LATIN_FIRST)
    assert to_block(below, "rtl", False, to_block(above, "rtl", False)).direction == "ltr"


def test_a_continued_paragraph_gives_its_context_to_a_number_at_a_line_start() -> None:
    # LibreOffice drew the per cent sign of "70%" on the number's left, as UAX #9 does in the
    # middle of a right-to-left paragraph; read alone, the line would start with "%70"
    above, below = _two_blocks("وتشير النتائج إلى أن أفضل النماذج تتجاوز الآن دقة",
                               list(rev("في هذه الاختبارات")) + [" "] + list("%70"))
    assert to_block(below, "rtl", False).text == "%70 في هذه الاختبارات"
    assert to_block(below, "rtl", False, to_block(above, "rtl", False)).text == "70% في هذه الاختبارات"


def _card(right: float, title: str, words: list[str], wide_after: int) -> list:
    """A card of a newsletter: a title, a date, then two justified lines of text, the first
    with one wide space (after word `wide_after`) where the second line has words."""
    glyphs = rtl_line(title.split(), 4.0, 100.0, right=right, size=14.0) + rtl_line(["٧", "أغسطس"], 4.0, 116.0, right=right)
    first = rtl_line(words[:wide_after], 4.0, 132.0, right=right)
    rest = rtl_line(words[wide_after:7], 4.0, 132.0, right=min(g.x0 for g in first) - 20.0)
    return glyphs + first + rest + rtl_line(words[7:], 6.0, 148.0, right=right)


def test_cards_side_by_side_are_read_one_after_the_other() -> None:
    # two cards between paragraphs of the page's width: each card's first line has a justified
    # space of almost two ems, level with the other card's line. No table (titles and dates are
    # short cells in line), and each title goes with its card; a date line, short where the
    # card's lines end, is a paragraph of its own.
    words = ["وصف", "مختصر", "للقصة", "الثانية", "اكتب", "فقرة", "أو", "فقرتين", "تلخصان", "الخبر", "أو",
             "الموضوع", "المهم"]
    wide = ["نص", "يمتد", "على", "عرض", "الصفحة", "كله", "من", "أولها", "إلى", "آخرها", "قبل", "البطاقتين",
            "وبعدهما", "في", "هذه", "النشرة"]
    glyphs = (rtl_line(wide, 4.0, 70.0) + _card(500.0, "الخبر الأول", words, 4) + _card(200.0, "الخبر الثاني", words, 4)
              + rtl_line(wide, 4.0, 180.0))
    blocks = [to_block(b, "rtl", keep_tatweel=False) for b in build_blocks(build_segments(glyphs), "rtl", 12.0)]
    card = ["٧ أغسطس", " ".join(words)]
    assert [b.text for b in blocks] == [" ".join(wide), "الخبر الأول", *card, "الخبر الثاني", *card, " ".join(wide)]


def test_a_gap_between_two_type_sizes_is_a_gutter_even_in_a_justified_heading() -> None:
    # a large heading justified across its column, its spaces 1.5 em wide; the next column's
    # smaller heading stands on the same baseline as far from it
    big = rtl_line(["شوربة", "العدس", "على"], 30.0, 100.0, right=500.0, size=20.0)
    small = rtl_line(["طريقة", "التحضير"], 4.0, 100.0, right=min(g.x0 for g in big) - 30.0, size=14.0)
    below = [rtl_line(["نص", "العمود", "الأيمن", "هنا"], 4.0, y, right=500.0) + rtl_line(["نص", "الأيسر"], 4.0, y, right=250.0)
             for y in (130.0, 146.0)]
    texts = sorted(to_line(s, "rtl", keep_tatweel=False).text for s in build_segments(big + small + below[0] + below[1])
                   if s.baseline == 100.0)
    assert texts == ["شوربة العدس على", "طريقة التحضير"]


def test_words_spread_across_a_column_stay_one_line_beside_the_gutter() -> None:
    # a paragraph's line at the top of the left column, four words justified with 3 em spaces;
    # the right column's line sits level with it, a narrower gutter away, and no line around
    # tells the spaces from the gutter: spaces of one width are a justified line's
    spread = rtl_line(["الاستفسارات", "إلى", "البريد", "الإلكتروني"], 36.0, 100.0, right=250.0)
    beside = rtl_line(["سطر", "من", "العمود", "الأيمن"], 4.0, 100.0, right=392.0)
    texts = sorted(to_line(s, "rtl", keep_tatweel=False).text for s in build_segments(spread + beside))
    assert texts == ["الاستفسارات إلى البريد الإلكتروني", "سطر من العمود الأيمن"]


def _para(lines: list[str], right: float, y: float) -> RawBlock:
    """A block of right-aligned lines, 16 points apart."""
    return RawBlock([s for k, text in enumerate(lines) for s in build_segments(rtl_line(text.split(), 4.0, y + 16 * k, right))])


_RIGHT_COLUMN = (["تفتح المكتبة أبوابها صباحا", "وتستقبل القراء من كل", "الأعمار والاهتمامات"],
                 ["وللتسجيل يزور القارئ الموقع", "الإلكتروني على الرابط المكتبةالعامةللمدينةالقديمةوضواحيها"],
                 ["وتغلق أبوابها مساء", "في تمام الساعة التاسعة", "من كل يوم"])
_LEFT_COLUMN = (["ويقصدها الطلاب للقراءة", "والباحثون للدرس", "والكتابة والمراجعة"],
                ["وتقام فيها ندوات", "ثقافية كل أسبوع"],
                ["حتى المساء", "بحضور جمهور كبير", "من أهل المدينة"])


def _columns(right: float = 540.0, left: float = 280.0) -> tuple[list[RawBlock], list[RawBlock]]:
    """Two columns of staggered paragraphs: a horizontal cut through both lines up by chance."""
    return ([_para(lines, right, y) for lines, y in zip(_RIGHT_COLUMN, (100, 170, 230))],
            [_para(lines, left, y) for lines, y in zip(_LEFT_COLUMN, (110, 180, 240))])


def _read(blocks: list[RawBlock]) -> list[str]:
    return [to_line(s, "rtl", keep_tatweel=False).text for b in xy_order(blocks, "rtl") for s in b.segments]


def test_a_word_running_into_the_next_column_leaves_the_columns_apart() -> None:
    # the right column's last word (a URL, say) runs far into the left column
    right, left = _columns()
    assert right[1].x0 < max(b.x1 for b in left)
    read = _read(right + left)
    first_left = read.index("ويقصدها الطلاب للقراءة")
    assert read[:first_left] == ["تفتح المكتبة أبوابها صباحا", "وتستقبل القراء من كل", "الأعمار والاهتمامات",
                                 "وللتسجيل يزور القارئ الموقع", "الإلكتروني على الرابط المكتبةالعامة",
                                 "وتغلق أبوابها مساء", "في تمام الساعة التاسعة", "من كل يوم"]
    assert "حتى المساء" in read[first_left:]


def test_columns_between_a_title_and_footnotes_read_column_by_column() -> None:
    right, left = _columns()
    second = ["وللتسجيل يزور القارئ الموقع", "الإلكتروني للمكتبة"]
    right[1] = _para(second, 540.0, 170)  # no word runs over
    title = _para(["افتتاح المكتبة العامة الجديدة في وسط المدينة القديمة بحضور عدد كبير من أهلها"], 540.0, 60)
    notes = _para(["1 تفتح المكتبة أبوابها في أيام العطل الرسمية من الساعة العاشرة صباحا حتى الظهر"], 540.0, 320)
    assert title.x0 < 280 and notes.x0 < 280  # both run across the gutter
    read = _read([title, *right, *left, notes])
    assert read[0].startswith("افتتاح") and read[-1].startswith("1 تفتح")
    assert read[1:-1] == [*_RIGHT_COLUMN[0], *second, *_RIGHT_COLUMN[2], *(line for lines in _LEFT_COLUMN for line in lines)]


def test_two_columns_first_lines_run_together_are_parted_at_the_gutter() -> None:
    from warraq.layout.lines import Segment

    right, left = _columns()
    right[1] = _para(["وللتسجيل يزور القارئ الموقع", "الإلكتروني للمكتبة"], 540.0, 170)
    # both columns' first lines on one baseline, taken for one line (the gutter left white)
    a = build_segments(rtl_line("عنوان العمود الأيسر".split(), 4.0, 70.0, 280.0))[0]
    b = build_segments(rtl_line("عنوان العمود الأيمن".split(), 4.0, 70.0, 540.0))[0]
    read = _read([RawBlock([Segment(a.clusters + b.clusters, 70.0, 12.0)]), *right, *left])
    assert read[0] == "عنوان العمود الأيمن" and read.index("عنوان العمود الأيسر") == read.index("ويقصدها الطلاب للقراءة") - 1


def test_framed_columns_with_two_lines_run_together_between_them() -> None:
    from warraq.layout.lines import Segment

    right, left = _columns()
    second = ["وللتسجيل يزور القارئ الموقع", "الإلكتروني للمكتبة"]
    right[1] = _para(second, 540.0, 170)
    a = build_segments(rtl_line("نهاية الفقرة".split(), 4.0, 152.0, 280.0))[0]
    b = build_segments(rtl_line("رأس الجدول".split(), 4.0, 152.0, 540.0))[0]
    merged = RawBlock([Segment(a.clusters + b.clusters, 152.0, 12.0)])
    notes = _para(["1 تفتح المكتبة أبوابها في أيام العطل الرسمية من الساعة العاشرة صباحا حتى الظهر"], 540.0, 320)
    read = _read([*right, *left, merged, notes])
    assert read.index("رأس الجدول") < read.index("ويقصدها الطلاب للقراءة") < read.index("نهاية الفقرة")
    assert read[-1].startswith("1 تفتح") and read.index("من كل يوم") < read.index("ويقصدها الطلاب للقراءة")

"""Tables against columns of text: rows of cells, wrapped headers, drawn rules, poems."""

from __future__ import annotations

from conftest import glyphs_from_visual, rev, rtl_line, shifted

from warraq.layout.assemble import to_block, to_line
from warraq.layout.blocks import build_blocks
from warraq.layout.lines import build_segments


def _table_glyphs(cells: list[list[str]], drop: float) -> list:
    """A right-to-left table whose Arabic cells sit `drop` points below the baseline of its
    figures and Latin words (set in two fonts)."""
    glyphs = []
    for i, row in enumerate(cells):
        for j, cell in enumerate(row):  # first cell is the rightmost
            latin = cell.isascii()
            gs = glyphs_from_visual(list(cell) if latin else list(rev(cell)),
                                    y=100.0 + 16 * i + (0.0 if latin else drop))
            for g in gs:
                shift = 300 - 120 * j
                g.x0 += shift
                g.x1 += shift
                g.ox += shift
            glyphs += gs
    return glyphs


def test_table_rows_read_row_by_row() -> None:
    cells = [["المدينة", "السكان", "النمو"], ["الرياض", "8", "2.5"], ["جدة", "4", "1.9"]]
    blocks = build_blocks(build_segments(_table_glyphs(cells, 0.0)), "rtl", 12.0)
    assert len(blocks) == 1 and blocks[0].kind == "table"
    table = to_block(blocks[0], "rtl", keep_tatweel=False)
    assert table.rows == cells


def test_table_cells_a_point_or_two_off_their_row_stay_in_it() -> None:
    cells = [["المدينة", "السكان", "النمو"], ["الرياض", "8", "2.5"], ["جدة", "4", "1.9"], ["الدمام", "1", "3.2"]]
    blocks = build_blocks(build_segments(_table_glyphs(cells, 1.5)), "rtl", 12.0)
    assert [b.kind for b in blocks] == ["table"]
    assert to_block(blocks[0], "rtl", keep_tatweel=False).rows == cells
    # two headings side by side half a point apart, over the columns of a bilingual page, are
    # no table of two rows
    pairs = [["المنشورات", "Publications"], ["فارس الصحراء", "Knight"]]
    assert "table" not in [b.kind for b in build_blocks(build_segments(_table_glyphs(pairs, 1.5)), "rtl", 12.0)]


def test_narrow_columns_of_running_text_are_no_table() -> None:
    # a newspaper's three columns: short justified lines, level from column to column
    columns = [["تستعد بلدية المدينة الساحلية", "لاستقبال موسم الأمطار بخطة", "شاملة تتضمن تنظيف قنوات",
                "التصريف وصيانة الجسور"],
               ["وقال مدير قسم الطوارئ إن", "فرق العمل بدأت منذ الأسبوع", "الأول من أكتوبر في فحص",
                "نقاط تجمع المياه كلها"],
               ["من جهتها أطلقت جمعية أهلية", "حملة تطوعية لجمع النفايات", "من مجاري السيول في الأودية",
                "القريبة من المدينة"]]

    def read(columns: list[list[str]]) -> list[str]:
        glyphs = []
        for k, lines in enumerate(columns):
            for i, text in enumerate(lines):
                words = text.split()
                last = i == len(lines) - 1  # a paragraph's last line is not stretched
                gap = 4.0 if last else (160.0 - 6.0 * sum(len(w) for w in words)) / (len(words) - 1)
                glyphs += rtl_line(words, gap, 100.0 + 16 * i, right=600.0 - 200 * k)
        blocks = build_blocks(build_segments(glyphs), "rtl", 12.0)
        assert all(b.kind == "paragraph" for b in blocks)
        return [" ".join(to_block(b, "rtl", keep_tatweel=False).text.split()) for b in blocks]

    assert read(columns) == [" ".join(lines) for lines in columns]
    # paragraphs of three lines, the last one short, are text too
    shorter = [lines[:2] + lines[3:] for lines in columns]
    assert read(shorter) == [" ".join(lines) for lines in shorter]


def test_a_poem_in_two_centred_halves_is_read_verse_by_verse() -> None:
    verses = [("سلام على دار سكنا ظلالها", "زمانا وكان العيش فيها ميسرا"),
              ("تركنا بها الأبواب مفتوحة لمن", "أتى زائرا أو عابرا أو مهجرا"),
              ("وفي كل ركن من حجارتها لنا", "حكاية جد علم الصبر والقرى")]
    glyphs = []
    for i, halves in enumerate(verses):
        for middle, half in zip((420.0, 180.0), halves):  # each half centred in its column
            words = half.split()
            width = 6.0 * sum(len(w) for w in words) + 4.0 * (len(words) - 1)
            glyphs += rtl_line(words, 4.0, 100.0 + 30 * i, right=middle + width / 2)
    blocks = build_blocks(build_segments(glyphs), "rtl", 12.0)
    assert [b.kind for b in blocks] == ["table"]
    assert to_block(blocks[0], "rtl", keep_tatweel=False).rows == [list(v) for v in verses]


def test_a_drawn_rule_splits_cells_that_sit_close() -> None:
    from warraq.pdf.rules import Rule

    # "2020" ends 4 points left of the rule and "4.1" starts 4 points right of it: one gap of
    # under an em, which alone would join them
    glyphs = shifted("4.1", 200.0, 100.0) + shifted("2020", 174.0, 100.0)
    assert len(build_segments(glyphs)) == 1
    assert len(build_segments(glyphs, rules=[Rule(178.0, 80.0, 110.0)])) == 2


def test_a_header_wrapped_onto_several_lines_is_one_row() -> None:
    # columns (right to left): the year, then visitors; the visitors header wraps in two lines
    header = (rtl_line(["السنة"], 4.0, 106.0, right=500.0) + rtl_line(["الزوار"], 4.0, 100.0, right=400.0)
              + rtl_line(["(مليون)"], 4.0, 114.0, right=400.0))
    figures = [["2020", "4.1"], ["2021", "6.7"], ["2022", "11.2"]]
    assert _table_rows(header, figures) == [["السنة", "الزوار (مليون)"], *figures]


def test_a_header_cell_wrapped_below_a_full_header_row_joins_it() -> None:
    # cells top-aligned (LibreOffice): the header's first lines form a full row, and the unit
    # of one cell wraps onto a line of its own, spaced like a row; the figures stay rows
    header = (rtl_line(["السنة"], 4.0, 100.0, right=500.0) + rtl_line(["الإيرادات"], 4.0, 100.0, right=400.0)
              + rtl_line(["(مليار)"], 4.0, 120.0, right=400.0))
    figures = [["2020", "9.8"], ["2021", "15.3"], ["2022", "27.6"]]
    assert _table_rows(header, figures) == [["السنة", "الإيرادات (مليار)"], *figures]


def test_lines_over_one_column_alone_are_text_above_the_table() -> None:
    # a title of two lines over the first column, nothing over the second: no header row
    title = rtl_line(["المبيعات"], 4.0, 100.0, right=500.0) + rtl_line(["السنوية"], 4.0, 120.0, right=500.0)
    figures = [["2020", "4.1"], ["2021", "6.7"], ["2022", "11.2"]]
    assert _table_rows(title, figures) == figures
    blocks = build_blocks(build_segments(title + _figure_glyphs(figures)), "rtl", 12.0)
    assert [b.kind for b in blocks] == ["paragraph", "table"]


def _figure_glyphs(figures: list[list[str]]) -> list:
    glyphs = []
    for k, (year, value) in enumerate(figures):
        y = 140.0 + 20 * k
        glyphs += shifted(year, 500.0, y) + shifted(value, 400.0, y)
    return glyphs


def _table_rows(header: list, figures: list[list[str]]) -> list[list[str]] | None:
    """The rows read from a two-column table: the header's glyphs, then rows of figures set
    20 points apart below it (the first column right-aligned at 500, the second at 400)."""
    blocks = build_blocks(build_segments(list(header) + _figure_glyphs(figures)), "rtl", 12.0)
    return to_block(next(b for b in blocks if b.kind == "table"), "rtl", keep_tatweel=False).rows


def test_one_row_of_four_cells_among_rows_of_two_is_no_table() -> None:
    # a row whose segments only come apart at wide gaps is not the full row of a table
    cells = {100.0: (500.0, 300.0), 120.0: (500.0, 420.0, 300.0, 220.0), 140.0: (500.0, 300.0)}
    glyphs = [g for y, rights in cells.items() for r in rights for g in rtl_line(["كلمة"], 4.0, y, right=r)]
    assert "table" not in [b.kind for b in build_blocks(build_segments(glyphs), "rtl", 12.0)]


def test_a_ruled_table_takes_its_rows_from_its_rules() -> None:
    from warraq.layout.tables import find_tables
    from warraq.pdf.rules import Across

    # the English cell of the second row wraps onto two lines; the Arabic cell beside it is
    # set midway between them, level with neither
    def cell(text: str, y: float, right: float, latin: bool) -> list:
        return shifted(text if latin else rev(text), right, y)

    glyphs = (cell("جدار الحماية", 100.0, 500.0, False) + cell("Firewall", 100.0, 250.0, True)
              + cell("المصادقة الثنائية", 140.0, 500.0, False) + cell("Two-factor", 132.0, 250.0, True)
              + cell("login", 148.0, 250.0, True)
              + cell("برمجيات الفدية", 180.0, 500.0, False) + cell("Ransomware", 180.0, 250.0, True))
    # and a last row whose cells are too long to pass for cells on their own
    glyphs += (cell("هجوم حجب الخدمة الموزع على الخوادم", 215.0, 500.0, False)
               + cell("Distributed denial of service", 215.0, 250.0, True))
    rules = [Across(y, 60.0, 510.0) for y in (80.0, 115.0, 160.0, 195.0, 230.0)]
    tables, rest = find_tables(build_segments(glyphs), rules)
    assert len(tables) == 1 and not rest
    text = [["".join(c.glyph.text for s in cell for c in s.clusters) for cell in row] for row in tables[0]]
    assert [len(row) for row in text] == [2, 2, 2, 2]
    assert text[1] == ["Two-factorlogin", rev("المصادقة الثنائية")]
    assert text[3][0] == "Distributed denial of service"


def test_cells_drawn_as_stroked_rectangles_give_rules(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium
    from fpdf import FPDF

    from warraq.pdf.rules import thin_objects

    pdf = FPDF(unit="pt", format=(300, 200))
    pdf.add_page()
    pdf.rect(100, 50, 80, 20)  # a cell's outline (fpdf2 draws table cells so)
    pdf.rect(20, 120, 60, 30, style="F")  # a filled box is a shape, not a cell's border
    path = tmp_path / "cells.pdf"
    pdf.output(str(path))
    page = pdfium.PdfDocument(path)[0]
    found = thin_objects(page, page.get_height())
    # the bounds take in half the stroke's width: sides within a point of the path
    xs, ys = sorted(r.x for r in found.rules), sorted(a.y for a in found.across)
    assert len(xs) == 2 and abs(xs[0] - 100) <= 1 and abs(xs[1] - 180) <= 1
    assert len(ys) == 2 and abs(ys[0] - 50) <= 1 and abs(ys[1] - 70) <= 1
    assert all(49 <= r.top and r.bottom <= 71 for r in found.rules)


def test_a_ruled_table_beside_a_column_of_text_level_with_its_rows() -> None:
    from warraq.layout.tables import find_tables
    from warraq.pdf.rules import Across

    # a table in the right column (cells of figures between rules from x=308 to 540), and the
    # left column's lines of running text on the very same baselines
    rows = [["2020", "4.1", "9.8", "31.5%"], ["2021", "6.7", "15.3", "44.2%"], ["2022", "11.2", "27.6", "58.7%"]]
    text = ["وقد أطلقت الوزارة حملات ترويجية رقمية", "تستهدف الفئات العمرية الشابة في المدن",
            "الكبرى وترفع الطاقة الاستيعابية للفنادق"]
    glyphs = []
    for i, (row, line) in enumerate(zip(rows, text)):
        y = 100.0 + 22 * i
        for j, cell in enumerate(row):  # first cell is the rightmost
            glyphs += shifted(cell, 535.0 - 55 * j, y)
        glyphs += rtl_line(line.split(), 4.0, y, right=280.0)
    across = [Across(100.0 + 22 * i - 16, 308.0, 540.0) for i in range(4)]
    tables, rest = find_tables(build_segments(glyphs), across)
    assert len(tables) == 1 and len(tables[0]) == 3
    assert len(rest) == 3 and all(s.x1 < 300 for s in rest)  # the text lines stay text
    read = [[to_line(cell[0], "rtl", keep_tatweel=False).text for cell in row[::-1]] for row in tables[0]]
    assert read == rows


def test_the_last_lines_of_two_columns_are_no_table() -> None:
    from warraq.layout.tables import find_tables

    # two columns of running text whose paragraphs end level with each other in two short
    # lines each: side by side they look like two rows of two cells
    right = ["ويتضح من الجدول أن العام كان الأضعف بسبب", "القيود على السفر", "في ذلك العام"]
    left = ["وللاطلاع على التقرير الكامل زيارة الموقع", "أو مراسلة الفريق", "على البريد المعتاد"]
    glyphs = []
    for i, (r, lft) in enumerate(zip(right, left)):
        glyphs += rtl_line(r.split(), 4.0, 100.0 + 16 * i, right=560.0)
        glyphs += rtl_line(lft.split(), 4.0, 100.0 + 16 * i, right=260.0)
    tables, rest = find_tables(build_segments(glyphs))
    assert tables == [] and len(rest) == 6
    # a table right under a paragraph's line (all its cells under that one line) is a table
    glyphs = rtl_line("يبين الجدول الآتي عدد الزوار في كل عام من الأعوام الثلاثة الماضية".split(), 4.0, 84.0, right=540.0)
    for i, row in enumerate([["2021", "6.7", "15.3"], ["2022", "11.2", "27.6"], ["2023", "14.9", "36.1"]]):
        for j, cell in enumerate(row):
            glyphs += shifted(cell, 535.0 - 90 * j, 100.0 + 16 * i)
    tables, _ = find_tables(build_segments(glyphs))
    assert len(tables) == 1 and len(tables[0]) == 3


def test_a_border_drawn_as_a_filled_frame_gives_rules(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pikepdf
    import pypdfium2 as pdfium

    from warraq.pdf.rules import thin_objects

    # WeasyPrint draws a box's border as two rectangles filled between them (even-odd): a
    # bordered note beside a paragraph is then walled off from it like a table's cell
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 200))
    frame = b"0 g 100 50 80 20 re 101 51 78 18 re f* "
    thick = b"20 120 60 30 re 30 130 40 10 re f* "  # a frame ten points wide is a shape
    pdf.pages[0].Contents = pdf.make_stream(frame + thick)
    path = tmp_path / "frame.pdf"
    pdf.save(path)
    page = pdfium.PdfDocument(path)[0]
    found = thin_objects(page, page.get_height())
    assert sorted(round(r.x, 1) for r in found.rules) == [100.5, 179.5]
    assert sorted(round(a.y, 1) for a in found.across) == [130.5, 149.5]  # top-left origin
    assert all(r.top == 130 and r.bottom == 150 for r in found.rules)

"""Tiny TrueType fonts of rectangles and one-page Type0 PDFs drawn with them, glyph by glyph,
for recovery cases no producer at hand makes on purpose."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

#: glyph name -> ((x0, y0, x1, y1) rectangles, advance), in units of a 1000-unit em
Shapes = dict[str, tuple[list[tuple[int, int, int, int]], int]]


def build_font(shapes: Shapes, cmap: dict[int, str]) -> bytes:
    """A TrueType font whose glyphs are the given rectangles (".notdef" first)."""
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(list(shapes))
    fb.setupCharacterMap(cmap)
    glyphs = {}
    for name, (rects, _) in shapes.items():
        pen = TTGlyphPen(None)
        for x0, y0, x1, y1 in rects:
            pen.moveTo((x0, y0))
            pen.lineTo((x0, y1))
            pen.lineTo((x1, y1))
            pen.lineTo((x1, y0))
            pen.closePath()
        glyphs[name] = pen.glyph()
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (adv, min([r[0] for r in rects], default=0)) for n, (rects, adv) in shapes.items()})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "SynthTest", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()


def type0_pdf(dst: Path, shapes: Shapes, font: bytes, tounicode: dict[int, str],
              drawn: list[tuple[str, float]], size: float = 20) -> Path:
    """One page drawing glyphs (name, x) on the baseline y=100 with an Identity-H Type0 font;
    the char code of a glyph is its index in `shapes`; ToUnicode maps only `tounicode`."""
    pdf = pikepdf.new()
    gid = {n: i for i, n in enumerate(shapes)}
    name = pikepdf.Name("/SYNTAA+SynthTest")
    fd = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontName=name, Flags=4,
                            FontBBox=[-200, -200, 1000, 800], ItalicAngle=0, Ascent=800, Descent=-200,
                            CapHeight=700, StemV=80, FontFile2=pdf.make_stream(font))
    cid = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=name,
                             CIDToGIDMap=pikepdf.Name.Identity,
                             CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                                              Ordering=pikepdf.String("Identity"), Supplement=0),
                             FontDescriptor=fd, W=[0, [adv for _, adv in shapes.values()]])
    pairs = "".join(f"<{c:04X}> <{t.encode('utf-16-be').hex().upper()}>\n" for c, t in tounicode.items())
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(tounicode)} beginbfchar\n{pairs}endbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n").encode()
    font_dict = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=name,
                                   Encoding=pikepdf.Name("/Identity-H"), DescendantFonts=[cid],
                                   ToUnicode=pdf.make_stream(cmap))
    ops = b"".join(b"1 0 0 1 %.2f 100 Tm <%04X> Tj " % (x, gid[g]) for g, x in drawn)
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 400, 200],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary({"/F1": font_dict})),
                              Contents=pdf.make_stream(b"BT /F1 %d Tf " % size + ops + b"ET"))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(dst)
    return dst

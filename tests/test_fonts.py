"""Glyph recovery from embedded fonts: each method alone, on PDFs generated and damaged here."""

from __future__ import annotations

import io
import shutil
import zlib
from pathlib import Path

import pikepdf
import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from synthfont import Shapes, build_font, type0_pdf

import warraq
from bench.damage import AMIRI, glyph_accuracy, pdfium_chars, remap_to_pua, sample_pdf, strip_tounicode
from warraq.fonts import FontDoctor, Recovered
from warraq.fonts.glyphtext import glyph_texts
from warraq.fonts.names import text_from_name
from warraq.fonts.outline import signature
from warraq.fonts.program import FontProgram, Inflating
from warraq.fonts.sfnt import read_facts
from warraq.fonts.tounicode import parse_tounicode

pytestmark = pytest.mark.skipif(not AMIRI.exists(), reason="fonts-hosny-amiri not installed")

# "The student wrote three lessons in 2024" / "no doubt God is forgiving" (original test text)
LINES = ["\u0643\u062a\u0628 \u0627\u0644\u0637\u0627\u0644\u0628 \u062b\u0644\u0627\u062b\u0629 "
         "\u062f\u0631\u0648\u0633 \u0641\u064a \u0662\u0660\u0662\u0664",
         "\u0644\u0627 \u0634\u0643 \u0623\u0646 \u0627\u0644\u0644\u0647 \u063a\u0641\u0648\u0631"]
BEH, TEH, LAM, MEEM = "\u0628", "\u062a", "\u0644", "\u0645"


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_pdf(tmp_path_factory.mktemp("fonts") / "clean.pdf", LINES)


def _rewrite_fonts(src: Path, dst: Path, *, drop_cmap: bool, drop_names: bool) -> None:
    """Strip ToUnicode and also the embedded program's cmap and/or glyph names."""
    with pikepdf.open(src) as pdf:
        for obj in pdf.objects:
            if not (isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"
                    and obj.get("/Subtype") == "/Type0"):
                continue
            if "/ToUnicode" in obj:
                del obj["/ToUnicode"]
            fd = obj.DescendantFonts[0].FontDescriptor
            tt = TTFont(io.BytesIO(fd.FontFile2.read_bytes()))
            tt.getGlyphOrder()  # fpdf2 writes no names: fontTools makes uniXXXX ones from the cmap
            tt["post"].formatType = 2.0  # ... which format 2 stores in the font
            tt["post"].extraNames, tt["post"].mapping = [], {}
            if drop_cmap:
                tt["cmap"].tables = []
            if drop_names:
                tt["post"].formatType = 3.0
            buf = io.BytesIO()
            tt.save(buf)
            fd.FontFile2 = pdf.make_stream(buf.getvalue())
        pdf.save(dst)


def _methods(result: dict[str, object]) -> set[str]:
    return set(result["right"]) | set(result["wrong"])  # type: ignore[arg-type]


def test_tounicode_parser_ranges_and_arrays() -> None:
    cmap = (b"2 beginbfrange\n<0010> <0012> <0628>\n<0020> <0021> [<0644 0627> <FEFB>]\nendbfrange\n"
            b"1 beginbfchar\n<0005> <0663>\nendbfchar")
    got = parse_tounicode(cmap)
    assert got[0x10] == BEH and got[0x11] == "\u0629" and got[0x12] == TEH
    assert got[0x20] == LAM + "\u0627" and got[0x21] == "\ufefb" and got[5] == "\u0663"
    # whitespace inside hex strings, even inside a byte, is allowed (PDF 7.3.4.3)
    assert parse_tounicode(b"beginbfchar <00 31> <062 8> endbfchar") == {0x31: BEH}


def test_raw_cmap_reader_agrees_with_fonttools() -> None:
    """The diagnosis reads glyph count and cmap straight from the sfnt tables."""
    data = AMIRI.read_bytes()
    facts = read_facts(data)
    tt = TTFont(io.BytesIO(data))
    assert facts is not None and facts.num_glyphs == len(tt.getGlyphOrder())
    assert facts.cmap == {u: tt.getGlyphID(name) for u, name in tt.getBestCmap().items()}
    assert read_facts(data[:40]) is None


def test_font_stream_is_inflated_only_as_far_as_read() -> None:
    """The diagnosis reads the table directory, cmap and maxp of a Flate-compressed program
    without inflating its outlines; the whole program is still there when recovery needs it."""
    data = AMIRI.read_bytes()
    pdf = pikepdf.new()
    stream = pikepdf.Stream(pdf, zlib.compress(data))
    stream.Filter = pikepdf.Name.FlateDecode
    lazy = Inflating(stream)
    assert read_facts(lazy.upto) == read_facts(data)
    assert len(lazy.upto(0)) < len(data) // 2
    assert lazy.full() == data
    plain = Inflating(pikepdf.Stream(pdf, data))  # unfiltered: read whole at once
    assert plain.upto(10) == data
    broken = pikepdf.Stream(pdf, zlib.compress(data)[:50000])
    broken.Filter = pikepdf.Name.FlateDecode
    cut = Inflating(broken)  # a truncated stream gives what inflates, and no whole program
    assert read_facts(cut.upto) == read_facts(data)
    assert data.startswith(cut.upto(1 << 30)) and cut.full() is None
    # bytes after the end of the zlib data (a writer's stray newline, seen in pdf.js test files)
    trailing = pikepdf.Stream(pdf, zlib.compress(data) + b"\n")
    trailing.Filter = pikepdf.Name.FlateDecode
    assert Inflating(trailing).full() == data


def test_outline_signature_survives_subsetting() -> None:
    """A subset renumbers glyphs, composites' components included: their hashes must not move."""
    full = FontProgram.from_ttfont(TTFont(str(AMIRI)))
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.glyph_names = True  # to pair each subset glyph with its original
    sub = subset.Subsetter(opts)
    font = TTFont(str(AMIRI))
    sub.populate(text="\u0628\u062a\u062b\u0644\u0627\u0662")
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    small = FontProgram.from_ttfont(TTFont(io.BytesIO(buf.getvalue())))
    composites = 0
    for gid, name in enumerate(small.glyph_order[1:], 1):
        composites += small.tt["glyf"][name].isComposite()
        assert signature(small, gid) == signature(full, full.gid_of[name]), name
    assert composites and len({signature(small, g) for g in range(1, len(small.glyph_order))}) > 10


@pytest.mark.parametrize(("name", "text"), [
    ("uni0628", BEH), ("uni0644.fina", LAM), ("lam_alef", LAM + "\u0627"), ("three.ar", "\u0663"),
    ("threearabic", "\u0663"), ("four-persian", "\u06f4"), ("beh-ar.init", BEH), ("uniFEFB", LAM + "\u0627"),
    ("glyph00012", None), ("u1EE01", "\U0001ee01"),
])
def test_glyph_names(name: str, text: str | None) -> None:
    hit = text_from_name(name)
    assert (hit[0] if hit else None) == text


def test_font_cmap_alone(clean: Path, tmp_path: Path) -> None:
    """ToUnicode gone, names gone: nominal glyphs come from the embedded cmap (a)."""
    dst = tmp_path / "d.pdf"
    _rewrite_fonts(clean, dst, drop_cmap=False, drop_names=True)
    doctor = FontDoctor(pikepdf.open(dst))
    font = next(iter(doctor.fonts_for_page(0).values()))
    assert "no ToUnicode" in font.problems
    chars = pdfium_chars(dst)
    # fpdf2 keeps the cmap for the isolated digits: the first digit glyph is nominal
    digit = next(c for c in chars if font.resolve(c[0], c[1]) and font.resolve(c[0], c[1]).text == "\u0662")
    rec = font.resolve(digit[0], digit[1])
    assert rec == Recovered("\u0662", "font-cmap", rec.confidence) and rec.confidence > 0.9


def test_glyph_names_alone(clean: Path, tmp_path: Path) -> None:
    """No ToUnicode, no cmap: fpdf2 keeps uniXXXX names for its glyphs (b)."""
    dst = tmp_path / "d.pdf"
    _rewrite_fonts(clean, dst, drop_cmap=True, drop_names=False)
    res = glyph_accuracy(clean, dst)
    assert "glyph-name" in _methods(res)
    assert "font-cmap" not in _methods(res)


def test_outline_alone(clean: Path, tmp_path: Path) -> None:
    """No ToUnicode, no cmap, no names: every glyph is found in the installed Amiri (d)."""
    dst = tmp_path / "d.pdf"
    _rewrite_fonts(clean, dst, drop_cmap=True, drop_names=True)
    res = glyph_accuracy(clean, dst)
    assert _methods(res) == {"outline"}
    assert res["accuracy"] >= 0.97, res["examples"]


def test_gsub_closure_on_a_font_without_names() -> None:
    """Contextual forms and ligature parts reached only through GSUB get their letter (c)."""
    tt = TTFont(str(AMIRI))
    order = tt.getGlyphOrder()
    tt["post"].formatType = 3.0
    buf = io.BytesIO()
    tt.save(buf)
    prog = FontProgram.from_ttfont(TTFont(io.BytesIO(buf.getvalue())))
    texts = glyph_texts(prog)
    want = {"uni0628.init": BEH, "uni0645.medi": MEEM, "uni0644.init_LamAlfIsol": LAM,
            "uni0627.fina_LamAlfIsol": "\u0627", "uni0663.small": "\u0663"}
    for name, text in want.items():
        got = texts[order.index(name)]
        assert (got.text, got.method) == (text, "gsub"), name


def test_gsub_ligature_gives_the_sequence() -> None:
    """A ligature glyph reads as its components, in logical order (c)."""
    noto = Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf")
    if not noto.exists():
        pytest.skip("Noto Naskh Arabic not installed")
    tt = TTFont(str(noto))
    prog = FontProgram.from_ttfont(tt)
    texts = glyph_texts(prog)
    cmap = tt.getBestCmap()
    lam, alef = cmap[0x0644], cmap[0x0627]
    found = 0
    for lookup in tt["GSUB"].table.LookupList.Lookup:
        for st in lookup.SubTable:
            st = getattr(st, "ExtSubTable", st)
            for first, ligs in getattr(st, "ligatures", {}).items():
                for lig in ligs:
                    if [first, *lig.Component] == [lam, alef]:
                        assert texts[prog.gid_of[lig.LigGlyph]].text == LAM + "\u0627"
                        found += 1
    if not found:
        pytest.skip("no lam+alef ligature lookup in this Noto Naskh build")


def test_pua_remap_is_detected_and_recovered(clean: Path, tmp_path: Path) -> None:
    dst = tmp_path / "pua.pdf"
    assert remap_to_pua(clean, dst, seed=5) > 4
    font = next(iter(FontDoctor(pikepdf.open(dst)).fonts_for_page(0).values()))
    assert font.suspect and any("private use" in p for p in font.problems)
    res = glyph_accuracy(clean, dst)
    assert res["accuracy"] == 1.0, res["examples"]
    assert "tounicode" in res["right"]  # untouched entries are left alone


def test_no_tounicode_full_recovery(clean: Path, tmp_path: Path) -> None:
    dst = tmp_path / "notu.pdf"
    strip_tounicode(clean, dst)
    res = glyph_accuracy(clean, dst)
    assert res["accuracy"] == 1.0, res["examples"]


def test_clean_font_is_not_suspect(clean: Path) -> None:
    fonts = FontDoctor(pikepdf.open(clean)).fonts_for_page(0)
    assert fonts and not any(f.suspect for f in fonts.values())
    assert all(f.resolve(BEH, False) is None for f in fonts.values())


def test_ocr_is_the_last_resort(clean: Path, tmp_path: Path) -> None:
    """A glyph known nowhere goes to the OCR engine once, and only that glyph (e)."""
    dst = tmp_path / "d.pdf"
    _rewrite_fonts(clean, dst, drop_cmap=True, drop_names=True)

    class FakeEngine:
        calls = 0

        def recognize(self, image: object, *, langs: str = "ara", mode: str = "page") -> list[object]:
            from warraq.ocr import OcrWord

            FakeEngine.calls += 1
            return [OcrWord("\u0628", (0, 0, 1, 1), 0.9)]

    doctor = FontDoctor(pikepdf.open(dst), ocr=FakeEngine())  # type: ignore[arg-type]
    font = next(iter(doctor.fonts_for_page(0).values()))
    font._outline = {}  # as if no installed font had matched
    font._index = type("NoFonts", (), {"lookup": lambda self, name, sig, full: None})()
    chars = [c for c in pdfium_chars(dst) if not c[0].isspace()]
    recs = [font.resolve(c[0], c[1]) for c in chars]
    assert all(r is not None and r.method == "ocr" and r.confidence <= 0.6 for r in recs)
    assert FakeEngine.calls == len({c[0] for c in chars})  # one call per distinct glyph


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_glyph_ocr_reads_an_isolated_letter() -> None:
    from warraq.fonts.glyph_ocr import ocr_glyph
    from warraq.ocr import TesseractEngine

    prog = FontProgram.from_ttfont(TTFont(str(AMIRI)))
    rec = ocr_glyph(prog, prog.gid_of["uni0634"], TesseractEngine())
    assert rec is not None and rec.text == "\u0634" and rec.method == "ocr"


def _legacy_pdf(dst: Path) -> Path:
    """An 8-bit TrueType font: glyphs named uni0628... selected by the Latin codes A-D."""
    letters = BEH + TEH + LAM + MEEM
    opts = subset.Options()
    opts.glyph_names = True
    opts.layout_features = []
    tt = TTFont(str(AMIRI))
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in letters])
    sub.subset(tt)
    names = [tt.getBestCmap()[ord(c)] for c in letters]
    cm = CmapSubtable.newSubtable(4)
    cm.platformID, cm.platEncID, cm.language = 3, 0, 0
    cm.cmap = {0xF041 + i: n for i, n in enumerate(names)}
    tt["cmap"].tables = [cm]
    buf = io.BytesIO()
    tt.save(buf)
    pdf = pikepdf.new()
    fd = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/LGCYAA+OldNaskh"),
                            Flags=4, FontBBox=[0, -300, 1000, 900], ItalicAngle=0, Ascent=900, Descent=-300,
                            CapHeight=700, StemV=80, FontFile2=pdf.make_stream(buf.getvalue()))
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType,
                              BaseFont=pikepdf.Name("/LGCYAA+OldNaskh"), FirstChar=65, LastChar=68,
                              Widths=[500] * 4, Encoding=pikepdf.Name.WinAnsiEncoding, FontDescriptor=fd)
    _add_page(pdf, {"/F1": font}, b"BT /F1 24 Tf 300 100 Td (ABCD) Tj ET")
    pdf.save(dst)
    return dst


def _add_page(pdf: pikepdf.Pdf, fonts: dict[str, pikepdf.Dictionary], content: bytes) -> None:
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 400, 200],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(fonts)),
                              Contents=pdf.make_stream(content))
    pdf.pages.append(pikepdf.Page(page))


def test_legacy_8bit_font_latin_mapping_arabic_glyphs(tmp_path: Path) -> None:
    dst = _legacy_pdf(tmp_path / "legacy.pdf")
    chars = pdfium_chars(dst)
    assert "".join(c[0] for c in chars) == "ABCD"  # what every extractor shows
    fonts = FontDoctor(pikepdf.open(dst)).fonts_for_page(0)
    font = fonts["OldNaskh"]  # PDFium drops the subset tag of simple fonts
    assert any(p.startswith("legacy 8-bit") for p in font.problems)
    got = [font.resolve(t, e) for t, e, _, _ in chars]
    assert [r.text for r in got if r] == [BEH, TEH, LAM, MEEM]


def _reencoded_pdf(dst: Path, letters: str, names: list[str], shown: str, source: Path = AMIRI) -> Path:
    """A simple TrueType font of `letters`, re-encoded onto codes 1, 2... with /Differences
    naming them `names` and a ToUnicode that reads them as `shown`, as a subsetter writes it."""
    opts = subset.Options()
    opts.layout_features = []
    tt = TTFont(str(source))
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in letters])
    sub.subset(tt)
    cm = CmapSubtable.newSubtable(4)
    cm.platformID, cm.platEncID, cm.language = 3, 0, 0
    cm.cmap = {0xF001 + i: tt.getBestCmap()[ord(c)] for i, c in enumerate(letters)}
    tt["cmap"].tables = [cm]
    buf = io.BytesIO()
    tt.save(buf)
    pdf = pikepdf.new()
    pairs = "".join(f"<{i + 1:02X}> <{ord(c):04X}>\n" for i, c in enumerate(shown))
    cmap = (f"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> "
            f"endcodespacerange {len(shown)} beginbfchar\n{pairs}endbfchar endcmap end end").encode()
    fd = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/QXYZAB+Yaqut"),
                            Flags=4, FontBBox=[0, -300, 1000, 900], ItalicAngle=0, Ascent=900, Descent=-300,
                            CapHeight=700, StemV=80, FontFile2=pdf.make_stream(buf.getvalue()))
    enc = pikepdf.Dictionary(Type=pikepdf.Name.Encoding, Differences=[1, *(pikepdf.Name("/" + n) for n in names)])
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType,
                              BaseFont=pikepdf.Name("/QXYZAB+Yaqut"), FirstChar=1, LastChar=len(letters),
                              Widths=[500] * len(letters), Encoding=enc, FontDescriptor=fd,
                              ToUnicode=pdf.make_stream(cmap))
    codes = bytes(range(1, len(letters) + 1))
    _add_page(pdf, {"/F1": font}, b"BT /F1 24 Tf 350 100 Td (" + codes + b") Tj ET")
    pdf.save(dst)
    return dst


def test_legacy_font_whose_tounicode_spells_latin_names(tmp_path: Path) -> None:
    """A legacy Arabic font a subsetter re-encoded: its ToUnicode reads the Latin glyph names."""
    letters = "بتلمنهوي"
    shown = "BJË…≠∞Åœ"
    names = ["B", "J", "Edieresis", "ellipsis", "notequal", "infinity", "Aring", "oe"]
    dst = _reencoded_pdf(tmp_path / "yaqut.pdf", letters, names, shown)
    chars = pdfium_chars(dst)
    assert "".join(c[0] for c in chars) == shown  # what every extractor shows
    font = FontDoctor(pikepdf.open(dst)).fonts_for_page(0)["Yaqut"]
    assert any(p.startswith("legacy 8-bit encoding: ToUnicode spells") for p in font.problems)
    got = [font.resolve(t, e) for t, e, _, _ in chars]
    assert "".join(r.text for r in got if r) == letters  # the glyphs themselves, never the Latin


def test_reencoded_latin_font_with_honest_tounicode_is_not_legacy(tmp_path: Path) -> None:
    # a Latin font of fonts-noto-core, which set-up installs
    noto = next(Path("/usr/share/fonts").rglob("NotoSans-Regular.ttf"))
    uniq = "".join(dict.fromkeys("Hamburg, Köln."))
    names = [TTFont(str(noto)).getBestCmap()[ord(c)] for c in uniq]
    dst = _reencoded_pdf(tmp_path / "latin.pdf", uniq, names, uniq, source=noto)
    font = FontDoctor(pikepdf.open(dst)).fonts_for_page(0)["Yaqut"]
    assert not any(p.startswith("legacy") for p in font.problems)
    assert all(font.resolve(t, e) is None for t, e, _, _ in pdfium_chars(dst))


def _type3_pdf(dst: Path, names: tuple[str, ...]) -> Path:
    pdf = pikepdf.new()
    procs = pikepdf.Dictionary({f"/{n}": pdf.make_stream(f"600 0 0 0 {400 + 50 * i} 500 d1 0 0 300 400 re f"
                                                         .encode()) for i, n in enumerate(names)})
    enc = pikepdf.Dictionary(Type=pikepdf.Name.Encoding, Differences=[65, *(pikepdf.Name("/" + n) for n in names)])
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 700, 500],
                              FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=procs, FirstChar=65,
                              LastChar=64 + len(names), Widths=[600] * len(names), Encoding=enc,
                              Resources=pikepdf.Dictionary())
    codes = bytes(range(65, 65 + len(names)))
    _add_page(pdf, {"/T3": font}, b"BT /T3 20 Tf 50 100 Td (" + codes + b") Tj ET")
    pdf.save(dst)
    return dst


def test_type3_without_names_is_unmapped_never_garbage(tmp_path: Path) -> None:
    dst = _type3_pdf(tmp_path / "t3.pdf", ("g1", "g2", "g3"))
    chars = pdfium_chars(dst)
    font = FontDoctor(pikepdf.open(dst)).fonts_for_page(0)[chars[0][2]]
    assert "Type3 without glyph names or ToUnicode" in font.problems
    assert all(font.resolve(t, e).method == "unmapped" for t, e, _, _ in chars)  # type: ignore[union-attr]


def test_type3_with_arabic_glyph_names(tmp_path: Path) -> None:
    dst = _type3_pdf(tmp_path / "t3n.pdf", ("uni0628", "lam_alef", "teh-ar.init"))
    chars = pdfium_chars(dst)
    assert all(e for _, e, _, _ in chars)  # PDFium reads no text from Type3 names
    font = FontDoctor(pikepdf.open(dst)).fonts_for_page(0)[chars[0][2]]
    assert font.suspect
    got = [font.resolve(t, e) for t, e, _, _ in chars]
    assert [r.text for r in got if r] == [BEH, LAM + "\u0627", TEH]
    assert {r.method for r in got if r} == {"glyph-name"}


def test_form_xobject_fonts_are_found(clean: Path, tmp_path: Path) -> None:
    """A font used only inside a Form XObject is still listed for the page."""
    dst = tmp_path / "form.pdf"
    with pikepdf.open(clean) as pdf:
        page = pdf.pages[0]
        form = pdf.make_stream(page.obj.Contents.read_bytes() if isinstance(page.obj.Contents, pikepdf.Stream)
                               else b"", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                               BBox=[0, 0, 600, 900], Resources=page.obj.Resources)
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
        page.obj.Contents = pdf.make_stream(b"q /Fm0 Do Q")
        pdf.save(dst)
    fonts = FontDoctor(pikepdf.open(dst)).fonts_for_page(0)
    assert any(name.endswith("Amiri") for name in fonts)


def test_tounicode_contradicting_the_cmap_is_corrected(clean: Path, tmp_path: Path) -> None:
    """A ToUnicode that calls the font's own digit-two glyph something else is overruled by the cmap."""
    import io as _io

    dst = tmp_path / "wrong.pdf"
    jeh = "\u0698"
    with pikepdf.open(clean) as pdf:
        font = pdf.pages[0].Resources.Font.F1
        tt = TTFont(_io.BytesIO(font.DescendantFonts[0].FontDescriptor.FontFile2.read_bytes()))
        two_gid = tt.getGlyphID(tt.getBestCmap()[0x0662])
        c2g = font.DescendantFonts[0].CIDToGIDMap.read_bytes()
        codes = [i // 2 for i in range(0, len(c2g), 2) if int.from_bytes(c2g[i:i + 2], "big") == two_gid]
        mapping = parse_tounicode(font.ToUnicode.read_bytes())
        for code in codes:
            mapping[code] = jeh
        from bench.damage import _cmap_stream

        font.ToUnicode = _cmap_stream(pdf, mapping, 2)
        pdf.save(dst)
    rec = next(iter(FontDoctor(pikepdf.open(dst)).fonts_for_page(0).values()))
    assert any("contradicts the font's cmap" in p for p in rec.problems)
    fixed = rec.resolve(jeh, False)
    assert fixed is not None and (fixed.text, fixed.method) == ("\u0662", "font-cmap")
    assert rec.resolve(LAM, False) is None


def test_a_letter_mapped_with_marks_another_glyph_draws_reads_as_the_bare_letter() -> None:
    """WeasyPrint maps each glyph to the first cluster it drew: old Scheherazade draws hamza
    apart from alef, so one alef glyph is mapped to "إ" even where it stands bare (or under a
    hamza above, a glyph mapped to nothing). The glyph as drawn is the bare alef."""
    fixture = Path(__file__).parent / "fixtures" / "weasyprint-scheherazade-hamza.pdf"
    with pikepdf.open(fixture) as pdf:
        fonts = FontDoctor(pdf).fonts_for_page(0)
        font = next(f for name, f in fonts.items() if name.endswith("W-Scheherazade"))
        assert any("contradicts" in p for p in font.problems)
        fixed = font.resolve("\u0625", False)
        assert fixed is not None and fixed.text == "\u0627"
        assert font.resolve("\u0627", False) is None  # a bare alef mapped as such stays


def test_a_bracket_pdfium_mirrored_may_be_an_unmapped_glyph(tmp_path: Path) -> None:
    """fpdf2 leaves its lam-alef's code 0x7D out of ToUnicode; PDFium shows it as "}" and,
    inside a right-to-left run, mirrors it to "{", the char of code 0x7B, which is mapped.
    The drawn glyph, not the mapped code 0x7B, decides: this "{" is the lam-alef."""
    shapes: Shapes = {".notdef": ([], 500)}
    shapes.update({f"g{k}": ([], 0) for k in range(1, 123)})
    shapes.update({"sheen": ([(0, 0, 600, 300)], 600), "g124": ([], 0), "lamalef": ([(0, 0, 500, 700)], 500),
                   "beh": ([(0, -150, 400, 100)], 400)})
    font = build_font(shapes, {0x0634: "sheen", 0xFEFB: "lamalef", 0x0628: "beh"})
    pdf = type0_pdf(tmp_path / "mirrored.pdf", shapes, font, {123: "\u0634", 126: BEH},
                    [("lamalef", 180), ("beh", 190)])
    assert "".join(c[0] for c in pdfium_chars(pdf)) in ("{" + BEH, BEH + "{")  # what others show
    assert warraq.extract(pdf).text().strip() == BEH + LAM + "\u0627"


def test_notdef_boxes_are_unread_and_said_to_be_missing_from_the_pdf(tmp_path: Path) -> None:
    """wkhtmltopdf draws code 0, the font's .notdef box, mapped to U+0000, for chars its font
    had no glyph for: they stay U+FFFD, and the verdict says their text is not in the PDF."""
    shapes: Shapes = {".notdef": ([(50, 0, 450, 700)], 500), "beh": ([(0, -150, 400, 100)], 400),
                      "alef": ([(0, 0, 100, 700)], 200)}
    font = build_font(shapes, {0x0628: "beh", 0x0627: "alef"})
    drawn = [("beh", 300.0), ("alef", 290.0), (".notdef", 270.0), (".notdef", 250.0), ("beh", 220.0)]
    dst = type0_pdf(tmp_path / "boxes.pdf", shapes, font, {0: "\x00", 1: BEH, 2: "\u0627"}, drawn)
    page = warraq.extract(dst).pages[0]
    assert page.text().count("\ufffd") == 2
    assert any("draws .notdef boxes" in r for r in page.verdict.reasons)
    clean = type0_pdf(tmp_path / "clean.pdf", shapes, font, {0: "\x00", 1: BEH, 2: "\u0627"}, drawn[:2])
    assert not any("notdef" in r for r in warraq.extract(clean).pages[0].verdict.reasons)


def test_the_allah_ligature_shown_as_lam_lam_heh_is_no_contradiction() -> None:
    # KacstBook forms its Allah ligature (U+FDF2 in its cmap) from lam, lam and heh; WeasyPrint
    # maps the glyph to "لله", the cluster it drew, with the alef a glyph of its own
    from conftest import FIXTURES

    doc = warraq.extract(FIXTURES / "weasyprint-kacstbook-allah.pdf")
    assert "العبدالله" in doc.text() and "االله" not in doc.text()
    assert all(p.verdict.verdict == "clean" for p in doc.pages)

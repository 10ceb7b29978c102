"""Text recovery when the PDF's own mapping is damaged: ToUnicode removed, /ActualText dropped.

The fixtures are damaged here with pikepdf. A damaged copy must read like the clean file: the
text comes back from the embedded fonts, from the box of each drawn glyph (which glyph of
several with one shown text was drawn), and from the shares PDFium makes of a split box.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from conftest import FIXTURES

import warraq
from bench.damage import AMIRI, drop_actualtext, strip_tounicode
from warraq.arabic.chars import is_mark
from warraq.fonts.shapes import misfit, same_box
from warraq.fonts.shown import SHOWN_CODES
from warraq.layout.lines import Cluster
from warraq.pdf.glyphs import Glyph
from warraq.pdf.spans import Char, span_text, split_run

VOWELLED = FIXTURES / "vowelled"
needs_fonts = pytest.mark.skipif(not AMIRI.exists(), reason="fonts-hosny-amiri not installed")


def _text(pdf: Path) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", warraq.extract(pdf).text())).strip()


def _skeleton(text: str) -> str:
    """Letters only: no marks, no spaces (which base carries a mark is layout's business)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not is_mark(c) and not c.isspace())


@needs_fonts
@pytest.mark.parametrize("name", ["chromium-notonaskh-2col", "libreoffice-notonaskh-memoir-kashida",
                                  "weasyprint-notonaskh-notice", "chromium-amiri-notice"])
def test_fixture_without_tounicode_reads_like_its_truth(name: str, tmp_path: Path) -> None:
    damaged = tmp_path / f"{name}.pdf"
    assert strip_tounicode(FIXTURES / f"{name}.pdf", damaged)
    truth = re.sub(r"\s+", " ", (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")).strip()
    assert _text(damaged) == unicodedata.normalize("NFC", truth)


@needs_fonts
@pytest.mark.parametrize("name", ["chromium-amiri-rain", "libreoffice-amiri-rain"])
def test_vowelled_text_without_tounicode_reads_like_the_clean_file(name: str, tmp_path: Path) -> None:
    """Chromium: retained-gid CIDs shown as codes, ligatures PDFium decomposes itself.
    LibreOffice: codes of subset fonts shown through MacRoman or Latin-1 ("TM", "£", "×")."""
    clean = VOWELLED / f"{name}.pdf"
    damaged = tmp_path / f"{name}.pdf"
    assert strip_tounicode(clean, damaged)
    assert _text(damaged) == _text(clean)


@needs_fonts
@pytest.mark.parametrize("name", ["chromium-amiri-rain", "libreoffice-amiri-rain"])
def test_vowelled_text_without_actualtext_keeps_every_letter(name: str, tmp_path: Path) -> None:
    """Chromium maps the glyphs of marked clusters to U+0000; LibreOffice maps a glyph to the
    first cluster it drew it in ("بّ" on the shadda glyph) and leaves out others."""
    damaged = tmp_path / f"{name}.pdf"
    assert drop_actualtext(VOWELLED / f"{name}.pdf", damaged)
    truth = (VOWELLED / f"{name}.txt").read_text(encoding="utf-8")
    got = _text(damaged)
    assert "\ufffd" not in got
    assert _skeleton(got) == _skeleton(truth)


@needs_fonts
def test_libreoffice_without_actualtext_says_each_mark_once(tmp_path: Path) -> None:
    damaged = tmp_path / "lo.pdf"
    assert drop_actualtext(VOWELLED / "libreoffice-amiri-rain.pdf", damaged)
    got = _text(damaged)
    assert got == _text(VOWELLED / "libreoffice-amiri-rain.pdf")
    # "أُمُّهُمْ" (their mother): one damma and one shadda on the meem, not two of each
    assert unicodedata.normalize("NFC", "\u0623\u064f\u0645\u0651\u064f\u0647\u064f\u0645\u0652") in got


def _Part(u: str, left: float, right: float) -> Char:
    """One share of a split box, as PDFium reports it."""
    return (u, 100.0, 700.0, (left, 712.0, right, 697.0), 1, False, 0)


def test_split_box_reversed_by_pdfium_reads_in_logical_order() -> None:
    # "لًا" (lam, fathatan, alef) handed out as alef, fathatan, lam from right to left
    parts = [_Part("\u0627", 146.36, 148.80), _Part("\u064b", 143.93, 146.36), _Part("\u0644", 141.49, 143.93)]
    assert span_text(parts) == "\u0644\u064b\u0627"


def test_split_box_shuffled_and_latin_ligature() -> None:
    # PDFium's bidi pass shuffled the shares of "للَّه"; they still tile one box
    parts = [_Part("\u0647", 344.21, 344.65), _Part("\u064e", 343.33, 343.77), _Part("\u0651", 343.77, 344.21),
             _Part("\u0644", 342.46, 342.90), _Part("\u0644", 342.90, 343.33)]
    assert split_run(parts, 0) == len(parts)
    assert unicodedata.normalize("NFC", span_text(parts)) == unicodedata.normalize(
        "NFC", "\u0644\u0644\u064e\u0651\u0647")
    # a Latin "fi" ligature decomposed by PDFium reads left to right whatever the order
    assert span_text([_Part("i", 5.0, 10.0), _Part("f", 0.0, 5.0)]) == "fi"
    # two glyphs at one origin that do not tile a box are not one split box
    assert split_run([_Part("\u0645", 0.0, 6.0), _Part("\u064e", 1.0, 4.0)], 0) == 1


def _glyph(text: str, lo: float, hi: float, y: float = 100.0) -> Glyph:
    g = Glyph(text, "tounicode", lo, y - 12, hi, y + 3, lo, y, 12.0, "F", 0)
    g.ink = (lo, hi)
    return g


def test_marks_on_a_ligature_go_after_the_letter_under_them() -> None:
    # the lam-alef-hamza ligature "لأ": sukun over its right part (lam), fatha over its left (alef)
    cluster = Cluster(_glyph("\u0644\u0623", 399.5, 412.2))
    cluster.marks += [_glyph("\u0652", 405.4, 409.8, 95.0), _glyph("\u064e", 398.3, 403.6, 95.0)]
    assert cluster.text == unicodedata.normalize("NFC", "\u0644\u0652\u0623\u064e")
    # a single letter keeps its marks after it
    single = Cluster(_glyph("\u0628", 0, 5))
    single.marks.append(_glyph("\u064e", 1, 4, 95.0))
    assert single.text == "\u0628\u064e"


def test_glyph_told_apart_by_its_height() -> None:
    # feh and qaf share their medial width; PDFium draws boxes 1.5 % taller than the outline's
    feh, qaf = (-32.7, 0.0, 182.1, 414.6), (-32.7, 0.0, 182.1, 423.8)
    seen = (-32.0, 0.0, 182.0, 421.0)
    assert same_box(feh, seen) and same_box(qaf, seen)
    assert misfit(feh, seen) < misfit(qaf, seen) - 1.0
    assert not same_box((-36.0, -8.0, 579.0, 735.0), seen)


def test_codes_pdfium_shows_for_unmapped_simple_fonts() -> None:
    assert 0xD7 in SHOWN_CODES["\u00d7"]  # "×" through Latin-1
    assert 0xDB in SHOWN_CODES["\u00a4"]  # "¤" through MacRoman before the euro
    assert 0xAA in SHOWN_CODES["TM"]  # "™" through MacRoman, spelled out
    assert 0xCA in SHOWN_CODES[" "]  # a MacRoman no-break space shows as a space
    assert "\u0628" not in SHOWN_CODES  # Arabic letters are real text (/ActualText)


def test_a_ligature_mapped_to_nothing_is_read_from_the_font(tmp_path: Path) -> None:
    """WeasyPrint maps some ligature glyphs (lam-alef, lam-lam-heh) to an empty string; PDFium
    then shows the glyph's CID as a character ("˃" for CID 707). The font's own GSUB still
    knows the glyph."""
    import pikepdf

    from bench.damage import _cmap_stream, _fonts
    from warraq.fonts.tounicode import parse_tounicode

    src, damaged = FIXTURES / "weasyprint-notonaskh-notice.pdf", tmp_path / "empty.pdf"
    with pikepdf.open(src) as pdf:
        emptied = 0
        for font in _fonts(pdf):
            if font.get("/Subtype") != "/Type0" or "/ToUnicode" not in font:
                continue
            mapping = parse_tounicode(font.ToUnicode.read_bytes())
            for code, text in mapping.items():
                if len(text) > 1 and all("\u0621" <= ch <= "\u064a" for ch in text):  # لله
                    mapping[code] = ""
                    emptied += 1
            font.ToUnicode = _cmap_stream(pdf, mapping, 2)
        pdf.save(damaged)
    assert emptied
    assert _text(damaged) == _text(src)


def test_a_kashida_glyph_mapped_to_a_vowel_is_a_kashida(tmp_path: Path) -> None:
    """LibreOffice maps a glyph to the first cluster it drew it in, so its kashida glyph may
    read as a fatha: drawn as a bar on the baseline, it is read as the kashida it is."""
    import io

    import pikepdf
    from fontTools.ttLib import TTFont

    from bench.damage import _cmap_stream
    from warraq.fonts.tounicode import parse_tounicode

    src, dst = FIXTURES / "libreoffice-notonaskh-memoir-kashida.pdf", tmp_path / "fatha.pdf"
    remapped = 0
    with pikepdf.open(src) as pdf:
        for font in (f for f in pdf.objects if isinstance(f, pikepdf.Dictionary) and "/ToUnicode" in f
                     and "/FontFile2" in f.get("/FontDescriptor", {})):
            tt = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
            glyf, order, sym = tt["glyf"], tt.getGlyphOrder(), {}
            for table in tt["cmap"].tables:
                sym.update(table.cmap)
            mapping = parse_tounicode(font.ToUnicode.read_bytes())
            for code, name in sym.items():
                g = glyf[name] if name in order else None
                # the kashida: a flat bar, wider than twice its height, that ToUnicode leaves out
                if (code & 0xFF) not in mapping and g is not None and g.numberOfContours > 0 \
                        and g.xMax - g.xMin > 2 * (g.yMax - g.yMin) and g.yMin >= -50:
                    mapping[code & 0xFF] = "\u064e"
                    remapped += 1
            font.ToUnicode = _cmap_stream(pdf, mapping, 1)
        pdf.save(dst)
    assert remapped
    truth = re.sub(r"\s+", " ", (FIXTURES / "libreoffice-notonaskh-memoir-kashida.txt").read_text(encoding="utf-8")).strip()
    assert _text(dst) == unicodedata.normalize("NFC", truth)


def test_split_box_in_two_runs_with_another_glyph_between_is_one_glyph() -> None:
    from warraq.pdf.spans import gather_split_boxes

    # Chromium's Allah ligature in "اللَّهُ": PDFium hands out "لل", then the alef (a glyph of its
    # own), then "ّ َ ه ُ" of the ligature, whose first share does not touch the first run
    def share(text: str, lo: float, hi: float, obj: int = 7) -> Char:
        return (text, 136.54, 736.17, (lo, 744.34, hi, 736.17), obj, False, 0)

    chars = [share("\u0644", 143.76, 145.36), share("\u0644", 145.36, 146.96), share("\u0627", 147.96, 150.82, 8),
             share("\u0651", 140.56, 142.16), share("\u064e", 142.16, 143.76), share("\u0647", 138.96, 140.56),
             share("\u064f", 137.35, 138.96)]
    gathered = gather_split_boxes(chars)
    assert split_run(gathered, 0) == 6
    assert unicodedata.normalize("NFC", span_text(gathered[:6])) == unicodedata.normalize(
        "NFC", "\u0644\u0644\u0651\u064e\u0647\u064f")

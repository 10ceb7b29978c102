"""Font tables read straight from their bytes (GSUB rules, glyph contours) agree with fontTools."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from bench.damage import AMIRI
from warraq.fonts.dots import _contour_boxes
from warraq.fonts.glyf import _on_curve
from warraq.fonts.glyphtext import glyph_texts
from warraq.fonts.gsub import gsub_rules
from warraq.fonts.program import FontProgram, program_from_bytes

NAMES = [".notdef", "a", "b", "c", "d", "e", "a.alt1", "a.alt2", "ab", "abc", "dot", "dots", "scaled", "anchored"]

FEATURES = """
lookup single1 { sub a by e; sub b by e; } single1;
lookup single2 { sub a by d; sub b by c; sub c by a; } single2;
lookup multiple { sub ab by a b; sub e by d; } multiple;
lookup alternate { sub a from [a.alt1 a.alt2]; } alternate;
lookup ligature useExtension { sub a b c by abc; sub a b by ab; } ligature;
feature ccmp { lookup single1; lookup single2; lookup multiple; lookup alternate; lookup ligature; } ccmp;
"""


def _square(pen: TTGlyphPen, x0: int, y0: int, x1: int, y1: int) -> None:
    pen.moveTo((x0, y0))
    pen.lineTo((x0, y1))
    pen.qCurveTo((x1 + 40, y1 + 40), (x1, y0))  # off-curve points count in the control box
    pen.closePath()


def _font() -> bytes:
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(NAMES)
    fb.setupCharacterMap({ord("a"): "a", ord("b"): "b", ord("c"): "c"})
    glyphs: dict[str, Any] = {}
    for k, name in enumerate(NAMES[:-4]):
        pen = TTGlyphPen(None)
        if k:
            _square(pen, 10 * k, 0, 10 * k + 300, 500)
            _square(pen, 10 * k + 350, -20, 10 * k + 400, 30)
        glyphs[name] = pen.glyph()
    pen = TTGlyphPen(None)
    _square(pen, 0, 0, 100, 100)
    glyphs["dot"] = pen.glyph()
    for name, parts in (("dots", [("dot", (1, 0, 0, 1, -150, 600)), ("dot", (1, 0, 0, 1, 60, 600))]),
                        ("scaled", [("dot", (0.5, 0.25, -0.25, 0.75, 30, -200)), ("dots", (1, 0, 0, 1, 7, 0))])):
        pen = TTGlyphPen({n: glyphs[n] for n in glyphs})
        for base, transform in parts:
            pen.addComponent(base, transform)
        glyphs[name] = pen.glyph()
    pen = TTGlyphPen({"dot": glyphs["dot"]})
    pen.addComponent("dot", (1, 0, 0, 1, 0, 1))
    glyphs["anchored"] = pen.glyph()
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (500, 0) for n in NAMES})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "RawTest", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    addOpenTypeFeaturesFromString(fb.font, FEATURES)
    buf = io.BytesIO()
    fb.save(buf)
    return _anchor(buf.getvalue(), NAMES.index("anchored"))


def _anchor(data: bytes, gid: int) -> bytes:
    """The glyph's first component placed by point numbers (0 and 1), not by an offset: fontTools
    cannot build such a glyph, so its flags are changed in the bytes."""
    tt = TTFont(io.BytesIO(data))
    at = tt.reader.tables["glyf"].offset + tt["loca"][gid] + 10
    flags = int.from_bytes(data[at:at + 2], "big") & ~0x2
    return data[:at] + flags.to_bytes(2, "big") + data[at + 2:]


def _fonttools_rules(tt: TTFont) -> list[tuple[tuple[int, ...], int]]:
    """The same rules from fontTools' decompiled GSUB, by glyph name."""
    gid = {name: k for k, name in enumerate(tt.getGlyphOrder())}
    pairs: list[tuple[list[str], str]] = []
    for lookup in tt["GSUB"].table.LookupList.Lookup:
        for st in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:
                kind, st = st.ExtensionLookupType, st.ExtSubTable
            if kind == 1:
                pairs += [([a], b) for a, b in st.mapping.items()]
            elif kind == 2:
                pairs += [([a], seq[0]) if len(seq) == 1 else (list(seq), a) for a, seq in st.mapping.items()]
            elif kind == 3:
                pairs += [([a], b) for a, alts in st.alternates.items() for b in alts]
            elif kind == 4:
                pairs += [([first, *lig.Component], lig.LigGlyph) for first, ligs in st.ligatures.items() for lig in ligs]
    return [(tuple(gid[s] for s in src), gid[dst]) for src, dst in pairs]


def test_gsub_rules_of_every_kind_read_raw() -> None:
    data = _font()
    tt = TTFont(io.BytesIO(data))
    rules = gsub_rules(tt.reader["GSUB"])
    g = {name: k for k, name in enumerate(NAMES)}
    assert rules == _fonttools_rules(tt)
    assert ((g["a"],), g["d"]) in rules and ((g["a"],), g["a.alt2"]) in rules  # single 2, alternate
    assert ((g["a"], g["b"]), g["ab"]) in rules and ((g["a"], g["b"], g["c"]), g["abc"]) in rules  # ligature
    assert ((g["a"], g["b"]), g["ab"]) in rules and ((g["e"],), g["d"]) in rules  # multiple, both ways
    assert gsub_rules(tt.reader["GSUB"][:40]) == []  # a cut table reads as no rules, not an error


@pytest.mark.skipif(not AMIRI.exists(), reason="fonts-hosny-amiri not installed")
def test_gsub_rules_of_a_real_font_as_fonttools_reads_them() -> None:
    tt = TTFont(str(AMIRI), lazy=True)
    assert gsub_rules(tt.reader["GSUB"]) == _fonttools_rules(tt)


@pytest.mark.skipif(not AMIRI.exists(), reason="fonts-hosny-amiri not installed")
def test_texts_of_some_glyphs_are_those_of_all() -> None:
    prog = FontProgram.from_ttfont(TTFont(str(AMIRI), lazy=True))
    wanted = [prog.gid_of[n] for n in ("uni0628.init", "uni0644.init_LamAlfIsol", "uni0663.small", "space")]
    wanted += list(range(0, len(prog.glyph_order), 97))
    for names in (True, False):  # without the names, contextual forms are reached through GSUB
        every = glyph_texts(prog, trust_names=names)
        some = glyph_texts(prog, trust_names=names, only=wanted)
        assert len(some) < len(every) / 2
        assert [some.get(g) for g in wanted] == [every.get(g) for g in wanted]
    assert some[prog.gid_of["uni0628.init"]].method == "gsub"


def _drawn(prog: FontProgram, gid: int) -> list[tuple[float, float, float, float]] | None:
    pen = DecomposingRecordingPen(prog.glyphset)
    return _contour_boxes(pen.value) if prog.draw(gid, pen) else None


def _unshifted(boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """fontTools shifts a whole glyph by its side bearing: compare the contours' places alone."""
    left = min((b[0] for b in boxes), default=0.0)
    return [(x0 - left, y0, x1 - left, y1) for x0, y0, x1, y1 in boxes]


def test_contour_boxes_read_raw_are_those_drawn() -> None:
    prog = program_from_bytes(_font())
    assert prog is not None and prog.raw_glyf is not None
    for gid, name in enumerate(NAMES[:-1]):
        raw, drawn = prog.raw_glyf.contour_boxes(gid), _drawn(prog, gid)
        assert raw is not None and drawn is not None, name
        assert _unshifted(raw) == _unshifted(drawn), name
    assert len(prog.raw_glyf.contour_boxes(NAMES.index("scaled")) or []) == 3
    assert prog.raw_glyf.contour_boxes(NAMES.index("anchored")) is None  # left to fontTools


@pytest.mark.skipif(not AMIRI.exists(), reason="fonts-hosny-amiri not installed")
def test_contour_boxes_of_a_real_font() -> None:
    prog = program_from_bytes(AMIRI.read_bytes())
    assert prog is not None and prog.raw_glyf is not None
    composites = 0
    for gid in range(0, len(prog.glyph_order), 7):
        raw, drawn = prog.raw_glyf.contour_boxes(gid), _drawn(prog, gid)
        assert raw is not None and drawn is not None
        assert _unshifted(raw) == _unshifted(drawn), prog.glyph_order[gid]
        composites += prog.tt is not None and prog.tt["glyf"][prog.glyph_order[gid]].isComposite()
    assert composites > 10


def test_placeholder_names_give_their_glyph_ids() -> None:
    """A font without glyph names gets placeholders, whose ids are read from the names."""
    tt = TTFont(io.BytesIO(_font()))
    tt["post"].formatType = 3.0
    buf = io.BytesIO()
    tt.save(buf)
    prog = program_from_bytes(buf.getvalue())
    assert prog is not None and not prog.named
    assert dict(prog.gid_of) == {name: gid for gid, name in enumerate(prog.glyph_order)}
    assert prog.gid_of["glyph00003"] == 3 and prog.gid_of.get(".notdef") == 0
    count = len(prog.glyph_order)
    assert prog.gid_of.get(f"glyph{count:05d}") is None and "glyph3" not in prog.gid_of and "a" not in prog.gid_of


def test_on_curve_flags_with_repeats() -> None:
    """Flags as stored (a repeat flag is followed by its count) expand to one byte per point."""
    flags = bytes([0x01, 0x09, 2, 0x00, 0x08, 0, 0x21, 0x31])  # 1, 1 x3, 0, 0 (repeat 0), 1, 1
    assert _on_curve(b"xx" + flags, 2, 8) == bytes([1, 1, 1, 1, 0, 0, 1, 1])
    assert _on_curve(flags, 0, 3) == bytes([1, 1, 1])  # points end inside a repeat
    with pytest.raises(IndexError):
        _on_curve(flags[:5], 0, 8)  # the flags end before the points do


def test_simple_truetype_codes_reach_the_same_glyphs_raw() -> None:
    """LibreOffice's subsets (simple TrueType, a (1,0) cmap, no glyph names) are diagnosed from
    raw cmaps without fontTools: every code must reach the glyph fontTools' reading gives."""
    import pikepdf

    from warraq.fonts.program import code_to_gid_fn, load_program, truetype_data
    from warraq.fonts.sfnt import read_facts

    fixtures = Path(__file__).parent / "fixtures"
    checked = 0
    for pdf_path in sorted(fixtures.glob("libreoffice-*.pdf")):
        with pikepdf.open(pdf_path) as pdf:
            for font in pdf.pages[0].Resources.Font.values():
                data = truetype_data(font)
                facts = read_facts(data.upto, simple=True) if data is not None else None
                if facts is None or facts.named:
                    continue
                old = code_to_gid_fn(font, load_program(font))
                new = code_to_gid_fn(font, None, facts.num_glyphs, facts)
                assert [new(c) for c in range(256)] == [old(c) for c in range(256)]
                assert any(new(c) for c in range(256))
                checked += 1
    assert checked >= 3

"""Shared helpers: glyph sequences built by hand in visual (left-to-right) order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warraq.arabic.bidi import Direction
from warraq.layout.assemble import to_line
from warraq.layout.lines import build_segments
from warraq.pdf.glyphs import Glyph

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def with_extra_page(src: Path, target: Path, image: bool) -> Path:
    """`src` with a page added at the end: one that holds only an image (a scan, no text
    layer) if `image`, else a blank one."""
    import pikepdf
    from PIL import Image, ImageDraw

    with pikepdf.open(src) as pdf:
        if image:
            picture = Image.new("L", (420, 595), 255)
            ImageDraw.Draw(picture).rectangle((60, 80, 360, 140), fill=0)
            scan = target.with_name(target.stem + "-scan.pdf")
            picture.save(scan, "PDF", resolution=72)
            with pikepdf.open(scan) as extra:
                pdf.pages.append(extra.pages[0])
                pdf.save(target)
        else:
            pdf.add_blank_page(page_size=(420, 595))
            pdf.save(target)
    return target
SHARED = ROOT.parent / "shared" / "realworld"


def rev(s: str) -> str:
    """An Arabic run as drawn: its letters left to right."""
    return s[::-1]


#: Invented logical lines of a news item, the body of the repair tests' documents.
NEWS_LINES = [
    "أعلنت وزارة الصحة اليوم عن حملة جديدة للتطعيم في المدارس",
    "وقال المتحدث باسم الوزارة إن الحملة تستمر ثلاثة أسابيع",
    "ودعت الوزارة أولياء الأمور إلى التعاون مع الفرق الطبية",
]


def visual_line(line: str) -> str:
    """A logical line as a visual-order extractor writes it: reversed, number runs kept in order."""
    return re.sub("[0-9]+", lambda m: m.group()[::-1], line[::-1])


def glyphs_from_visual(units: list[str], size: float = 12.0, y: float = 100.0) -> list[Glyph]:
    """One glyph per unit, laid left to right; a unit " " leaves a word-sized gap, marks overlap."""
    out: list[Glyph] = []
    x = 10.0
    for i, u in enumerate(units):
        if u == " ":
            x += 0.3 * size
            continue
        if all(0x064B <= ord(c) <= 0x0652 for c in u):  # a mark sits on the previous glyph
            prev = out[-1]
            out.append(Glyph(u, "tounicode", prev.x0 + 1, y - size, prev.x0 + 2, y, prev.x0 + 1, y - 2,
                             size, "F", i))
            out[-1].ink = (prev.x0 + 1, prev.x0 + 2)
            continue
        w = 0.5 * size
        out.append(Glyph(u, "tounicode", x, y - size, x + w, y + 0.3 * size, x, y, size, "F", i))
        out[-1].ink = (x, x + w)
        x += w
    return out


def shifted(text: str, right: float, y: float) -> list[Glyph]:
    """A visual string's glyphs moved so that the last ends at x = right."""
    gs = glyphs_from_visual(list(text), y=y)
    shift = right - gs[-1].x1
    for g in gs:
        g.x0 += shift
        g.x1 += shift
        g.ox += shift
        g.ink = (g.ink[0] + shift, g.ink[1] + shift)
    return gs


def rtl_line(words: list[str], gap: float, y: float, right: float = 500.0, size: float = 12.0) -> list[Glyph]:
    """A right-aligned RTL line: words laid right to left with `gap` points between them."""
    glyphs = []
    x = right
    for w in words:
        gs = glyphs_from_visual(list(rev(w)), size=size, y=y)
        width = gs[-1].x1 - gs[0].x0
        shift = x - width - gs[0].x0
        for g in gs:
            g.x0 += shift
            g.x1 += shift
            g.ox += shift
            g.ink = (g.ink[0] + shift, g.ink[1] + shift)
        glyphs += gs
        x -= width + gap
    return glyphs


def visual_units(visual: str) -> list[str]:
    """Split a visual string into one unit per character."""
    return list(visual)


def line_text(units: list[str], direction: Direction = "rtl") -> str:
    segs = build_segments(glyphs_from_visual(units))
    assert len(segs) == 1
    return to_line(segs[0], direction, keep_tatweel=False).text


@pytest.fixture
def order():
    return line_text

"""Producer: "legacy" PDFs: text pre-shaped into presentation forms and stored in visual order.

Lines are wrapped on the logical text, then each line is reshaped (arabic_reshaper) and reordered
(python-bidi get_display) and drawn by fpdf2 without shaping, as old Arabic PDF tools did.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi.algorithm import get_display
from fontTools.ttLib import TTFont
from fpdf import FPDF

from . import flow, fonts
from .textfmt import Doc


@cache
def _cmap(path: str) -> frozenset[int]:
    return frozenset(TTFont(path, lazy=True).getBestCmap())


# Old Arabic PDF tools used the lam-alef ligatures (and often the word Allah), not the
# hundreds of letter ligatures arabic_reshaper knows.
_KEEP = ("LAM WITH ALEF", "ARABIC LIGATURE ALLAH")


@cache
def _reshaper(path: str) -> ArabicReshaper:
    """Keep harakat; only the common ligatures, and only when the font has all their glyphs."""
    cmap = _cmap(path)
    cfg: dict[str, bool] = {"delete_harakat": False, "support_ligatures": True}
    for name, (_, forms) in LIGATURES:
        wanted = any(k in name for k in _KEEP)
        cfg[name.lower()] = wanted and all(ord(f) in cmap for f in forms if f)
    return ArabicReshaper(configuration=cfg)


def visual(text: str, font_path: str) -> str:
    """One logical line -> presentation forms in left-to-right visual order."""
    return str(get_display(_reshaper(font_path).reshape(text), base_dir="R"))


def render(doc: Doc, font: fonts.Font, layout: str, out: Path, workdir: Path) -> None:
    if not font.presentation_forms:
        raise ValueError(f"{font.family} has no presentation-form glyphs")
    reg, bold = str(fonts.regular_path(font)), str(fonts.bold_path(font))
    pdf = FPDF(unit="mm", format=flow.page_format(layout))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(flow.FIXED_DATE)  # same bytes on every build
    pdf.set_creator("warraq bench corpus (legacy visual order)")
    pdf.add_font("ar", "", reg)
    pdf.add_font("ar", "B", bold)
    fb = fonts.fallback_path()
    if fb is not None:
        pdf.add_font("fb", "", str(fb))
        pdf.set_fallback_fonts(["fb"], exact_match=False)
    state = {"path": reg}

    def set_font(size: float, b: bool) -> None:
        state["path"] = bold if b else reg
        pdf.set_font("ar", "B" if b else "", size)

    def width(text: str) -> float:
        return pdf.get_string_width(visual(text, state["path"]))

    def draw(text: str, x: float, y: float, w: float, align: str) -> None:
        flow.restate_font(pdf)
        pdf.set_xy(x, y)
        pdf.cell(w, pdf.font_size * 1.4, visual(text, state["path"]), align=align)

    wr = flow.Writer(pdf, width, draw, set_font)
    flow.layout_doc(wr, doc, layout, font.scale)
    pdf.output(str(out))

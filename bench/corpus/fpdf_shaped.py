"""Producer: fpdf2 with HarfBuzz text shaping (real Arabic glyph runs, RTL bidi by fpdf2)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from . import flow, fonts
from .textfmt import Doc


def make_pdf(font: fonts.Font, layout: str) -> tuple[FPDF, flow.Writer]:
    pdf = FPDF(unit="mm", format=flow.page_format(layout))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(flow.FIXED_DATE)  # same bytes on every build
    pdf.set_creator("warraq bench corpus (fpdf2, shaped)")
    pdf.add_font("ar", "", str(fonts.regular_path(font)))
    pdf.add_font("ar", "B", str(fonts.bold_path(font)))
    fb = fonts.fallback_path()
    if fb is not None:  # Latin letters missing from several Arabic fonts
        pdf.add_font("fb", "", str(fb))
        pdf.set_fallback_fonts(["fb"], exact_match=False)
    pdf.set_text_shaping(True, direction="rtl", script="arab", language="ara")

    def set_font(size: float, bold: bool) -> None:
        pdf.set_font("ar", "B" if bold else "", size)

    def draw(text: str, x: float, y: float, w: float, align: str) -> None:
        flow.restate_font(pdf)
        pdf.set_xy(x, y)
        pdf.cell(w, pdf.font_size * 1.4, text, align=align)

    return pdf, flow.Writer(pdf, pdf.get_string_width, draw, set_font)


def render(doc: Doc, font: fonts.Font, layout: str, out: Path, workdir: Path) -> None:
    pdf, w = make_pdf(font, layout)
    flow.layout_doc(w, doc, layout, font.scale)
    pdf.output(str(out))

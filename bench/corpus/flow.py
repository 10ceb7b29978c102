"""A small line-layout engine on fpdf2, shared by the fpdf2 (HarfBuzz) and legacy producers.

Text is wrapped on the logical string; each line is handed to a writer that draws it (shaped by
HarfBuzz, or pre-shaped into presentation forms in visual order). Columns run right to left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: importing this module must not need fpdf2
    from fpdf import FPDF

from .textfmt import Block, Doc

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 20.0
FIXED_DATE = datetime(2025, 7, 31, tzinfo=timezone.utc)
A5_W, A5_H = 148.0, 210.0  # the multipage layout: a small page and a large font
GAP = 8.0


def restate_font(pdf: FPDF) -> None:
    """Emit the current font again at page level before drawing a line.

    fpdf2 2.8 sometimes sets a font inside a q..Q pair around a cell with fallback-font runs and
    then assumes it is still set after Q: the next line is drawn with no font ("No font in show")
    and its text is lost to extractors. Switching the size away and back forces a fresh Tf.
    """
    family, style, size = pdf.font_family, pdf.font_style, pdf.font_size_pt
    pdf.set_font(family, style, size + 0.5)
    pdf.set_font(family, style, size)


class Overflow(Exception):
    """A one-page layout (footnotes) did not fit on one page."""


@dataclass
class Writer:
    """How to measure and draw one logical line (set by each producer)."""

    pdf: FPDF
    width: Callable[[str], float]
    draw: Callable[[str, float, float, float, str], None]  # text, x, y, w, align
    set_font: Callable[[float, bool], None]


class Flow:
    """Places lines in right-to-left columns over pages."""

    def __init__(self, w: Writer, columns: int, title: str | None, size: float, one_page: bool,
                 dry: bool = False):
        self.w, self.pdf, self.title, self.size, self.one_page = w, w.pdf, title, size, one_page
        self.dry = dry  # measure only: one endless column, nothing drawn
        self.page_w, self.page_h = w.pdf.w, w.pdf.h
        pw, ph = self.page_w, self.page_h
        inner = pw - 2 * MARGIN
        cw = (inner - GAP * (columns - 1)) / columns
        # column 0 is the rightmost
        self.cols = [(pw - MARGIN - (i + 1) * cw - i * GAP, cw) for i in range(columns)]
        self.top, self.bottom = MARGIN + (8 if title else 0), ph - MARGIN
        self.col, self.y = 0, self.top
        self.first_col_bottom: float | None = None  # set to balance two short columns
        if dry:
            self.bottom = 1e9
        else:
            self.new_page()

    def draw(self, text: str, x: float, y: float, w: float, align: str) -> None:
        if not self.dry:
            self.w.draw(text, x, y, w, align)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        if not self.dry:
            self.pdf.line(x1, y1, x2, y2)

    def new_page(self) -> None:
        if self.pdf.page and self.one_page:
            raise Overflow
        self.pdf.add_page()
        self.col, self.y = 0, self.top
        pw, ph = self.page_w, self.page_h
        if self.title is not None:  # running header and page-number footer (not in the truth)
            self.w.set_font(8.5, False)
            self.w.draw(self.title, MARGIN, MARGIN - 6, pw - 2 * MARGIN, "C")
            self.w.draw(str(self.pdf.page), MARGIN, ph - MARGIN + 6, pw - 2 * MARGIN, "C")
            self.pdf.line(MARGIN, MARGIN + 2, pw - MARGIN, MARGIN + 2)

    def room(self, h: float) -> None:
        """Move to the next column or page unless h fits below y."""
        limit = self.bottom
        if self.first_col_bottom is not None and self.col == 0 and self.pdf.page <= 1:
            limit = min(limit, self.first_col_bottom)
        if self.y + h <= limit:
            return
        if self.col + 1 < len(self.cols):
            self.col, self.y = self.col + 1, self.top
        else:
            self.new_page()

    @property
    def x(self) -> float:
        return self.cols[self.col][0]

    @property
    def cw(self) -> float:
        return self.cols[self.col][1]

    def wrap(self, text: str, width: float) -> list[str]:
        lines: list[str] = []
        cur: list[str] = []
        for word in text.split():
            if cur and self.w.width(" ".join([*cur, word])) > width:
                lines.append(" ".join(cur))
                cur = []
            cur.append(word)
        if cur:
            lines.append(" ".join(cur))
        return lines

    def para(self, text: str, size: float, bold: bool = False, indent: float = 0.0,
             after: float = 1.5, bar: bool = False) -> None:
        self.w.set_font(size, bold)
        lh = size * 0.55
        for line in self.wrap(text, self.cw - indent):
            self.room(lh)
            self.draw(line, self.x, self.y, self.cw - indent, "R")
            if bar:  # a post: a rule beside its lines
                self.line(self.x + self.cw + 1.5, self.y, self.x + self.cw + 1.5, self.y + lh)
            self.y += lh
        self.y += after

    def table(self, rows: tuple[tuple[str, ...], ...], size: float) -> None:
        """Cells in logical order; the first cell is the rightmost column."""
        ncol = max(len(r) for r in rows)
        self.w.set_font(size, False)
        nat = [max(self.w.width(r[i]) if i < len(r) else 0 for r in rows) + 4 for i in range(ncol)]
        scale = min(1.0, self.cw / sum(nat))
        fs = max(6.0, size * scale)
        widths = [n * scale for n in nat]
        lh = fs * 0.6
        for ri, row in enumerate(rows):
            self.room(lh)
            self.w.set_font(fs, ri == 0)
            right = self.x + self.cw
            for i in range(ncol):
                right -= widths[i]
                if not self.dry:
                    self.pdf.rect(right, self.y, widths[i], lh)
                if i < len(row) and row[i]:
                    self.draw(row[i], right + 1, self.y, widths[i] - 2, "R")
            self.y += lh
        self.y += 3


def render_blocks(flow: Flow, doc: Doc, size: float, footnotes_at_bottom: bool) -> None:
    """Lay out all blocks, then the notes (at the page bottom for one-page footnote layouts)."""
    pw, ph = flow.page_w, flow.page_h
    if footnotes_at_bottom and doc.notes:
        small = size * 0.8
        flow.w.set_font(small, False)
        lines = [ln for n in sorted(doc.notes)
                 for ln in flow.wrap(f"{n} {doc.notes[n]}", pw - 2 * MARGIN)]
        lh = small * 0.55
        y = ph - MARGIN - lh * len(lines)
        flow.bottom = y - 4
        flow.line(pw - MARGIN - 50, y - 2, pw - MARGIN, y - 2)
        for ln in lines:
            flow.draw(ln, MARGIN, y, pw - 2 * MARGIN, "R")
            y += lh
    for b in doc.blocks:
        _block(flow, b, size)
    if doc.notes and not footnotes_at_bottom:
        flow.room(6)
        flow.line(flow.x + flow.cw - 40, flow.y + 1, flow.x + flow.cw, flow.y + 1)
        flow.y += 3
        for n in sorted(doc.notes):
            flow.para(f"{n} {doc.notes[n]}", size * 0.8, after=0.5)


def _block(flow: Flow, b: Block, size: float) -> None:
    if b.kind == "h1":
        flow.para(b.plain(), size * 1.5, bold=True, after=3)
    elif b.kind == "h2":
        flow.para(b.plain(), size * 1.2, bold=True, after=2)
    elif b.kind == "h3":
        flow.para(b.plain(), size * 1.08, bold=True, after=1.5)
    elif b.kind == "table":
        flow.table(b.rows, size * 0.9)
    elif b.kind == "post":
        for i, ln in enumerate(b.lines):
            flow.para(ln, size * 0.95, indent=3, bar=True, after=2.5 if i == len(b.lines) - 1 else 0)
    elif b.kind in ("bullet", "numbered"):
        flow.para(b.plain(), size, indent=4, after=0.8)
    else:
        flow.para(b.plain(), size)


def layout_doc(w: Writer, doc: Doc, layout: str, scale: float = 1.0) -> None:
    """Lay out a whole document; two columns are balanced when the text fits on one page."""
    size = size_for(layout) * scale
    title = doc.title if layout == "header-footer" else None
    cols = columns_for(layout)
    bottom = None
    if cols == 2:
        probe = Flow(w, 2, title, size, False, dry=True)
        render_blocks(probe, doc, size, False)
        height = probe.y - probe.top
        cap = (w.pdf.h - MARGIN) - (MARGIN + (8 if title else 0))
        if height < 2 * cap:
            bottom = probe.top + height / 2 + size * 0.55 * 2
    f = Flow(w, cols, title, size, layout == "footnotes")
    f.first_col_bottom = bottom
    render_blocks(f, doc, size, layout == "footnotes")


def columns_for(layout: str) -> int:
    return 2 if layout == "two-column" else 1


def size_for(layout: str) -> float:
    return 14.0 if layout == "multipage" else 11.5


def page_format(layout: str) -> tuple[float, float]:
    return (A5_W, A5_H) if layout == "multipage" else (PAGE_W, PAGE_H)

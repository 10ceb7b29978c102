"""The extraction pipeline: PDF -> glyphs -> segments -> blocks -> typed Document.

Each page is a pure function of (file, page number, options); pages are processed and released
one at a time so memory stays flat in the number of pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from statistics import median
from typing import Any

from warraq.document import Document, Page, PageVerdict
from warraq.layout.assemble import strong_counts, to_block
from warraq.layout.blocks import build_blocks
from warraq.layout.furniture import mark_footnotes, mark_furniture
from warraq.layout.lines import build_segments
from warraq.options import Options
from warraq.pdf.glyphs import page_glyphs
from warraq.pdf.recovery import Recoverer
from warraq.pdf.source import metadata, open_pdfium

_LIST_MARK = re.compile(r"^(?:[•▪◦●■\-–*]|[0-9\u0660-\u0669]{1,3}[.)\-]|[(][0-9\u0660-\u0669]{1,3}[)])(?:\s|$)")


def extract(path: str | Path, **options: Any) -> Document:
    """Extract a PDF into a Document. Keyword options are those of `warraq.options.Options`."""
    opts = Options(**options)
    pages = list(iter_pages(path, opts))
    doc = Document(str(path), pages)
    doc.metadata = _meta(path, opts)
    doc.errors = [f"page {p.number} has no text layer (needs OCR)" for p in pages if not p.blocks]
    return doc


def _meta(path: str | Path, opts: Options) -> dict[str, str]:
    doc = open_pdfium(path, opts.password)
    try:
        return metadata(doc)
    finally:
        doc.close()


def iter_pages(path: str | Path, opts: Options | None = None) -> Iterator[Page]:
    """Pages in order, each complete (furniture and footnotes marked) when yielded."""
    opts = opts or Options()
    doc = open_pdfium(path, opts.password)
    recoverer = Recoverer(path, opts) if opts.recover else None
    try:
        numbers = [n for n in (opts.pages or range(1, len(doc) + 1)) if n <= len(doc)]
        raw = (extract_page(doc, n - 1, opts, recoverer) for n in numbers)
        for page in mark_furniture(raw):
            mark_footnotes(page)
            yield page
    finally:
        if recoverer is not None:
            recoverer.close()
        doc.close()


def extract_page(doc: Any, index: int, opts: Options, recoverer: Recoverer | None = None) -> Page:
    """One page: glyphs from PDFium, recovery of suspect glyphs, layout, logical order."""
    pdf_page = doc[index]
    try:
        width, height = pdf_page.get_size()
        if pdf_page.get_rotation() in (90, 270):  # glyph positions stay in unrotated page space
            width, height = height, width
        textpage = pdf_page.get_textpage()
        try:
            resolve = recoverer.resolver(index) if recoverer is not None else None
            glyphs = page_glyphs(textpage, height, resolve)
        finally:
            textpage.close()
    finally:
        pdf_page.close()
    page = Page(index + 1, width, height)
    segments = build_segments(glyphs)
    methods = Counter(g.source for g in glyphs)
    if not segments:
        page.verdict = PageVerdict("needs-ocr", 0.0, ["no text layer"], methods)
        if recoverer is not None and opts.ocr != "never":
            recoverer.ocr_page(page, index)
        return page
    r, l_ = strong_counts(segments)
    direction = "rtl" if r >= 0.5 * l_ and r > 0 else "ltr"
    sizes = [s.size for s in segments for _ in range(max(1, s.char_count))]
    body_size = median(sizes)
    page.blocks = [to_block(b, direction, opts.keep_tatweel) for b in build_blocks(segments, direction, body_size)]
    for b in page.blocks:
        if b.kind == "paragraph" and _LIST_MARK.match(b.text):
            b.kind = "list-item"
    page.verdict = recoverer.verdict(index, methods) if recoverer is not None else PageVerdict("clean", 1.0, [], methods)
    if opts.ocr == "always" and recoverer is not None:
        recoverer.ocr_page(page, index)
    return page

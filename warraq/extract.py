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

from warraq.arabic.bidi import Direction
from warraq.arabic.shared import shared_letters, unshare
from warraq.document import Document, Page, PageVerdict, union
from warraq.executor import parallel_pages, worker_count
from warraq.gcpause import gc_paused
from warraq.layout.assemble import goes_on, strong_counts, to_block
from warraq.layout.blocks import build_blocks
from warraq.layout.furniture import mark_footnotes, mark_furniture
from warraq.layout.lines import build_segments
from warraq.layout.markers import BULLETS
from warraq.layout.turned import Frame, page_turn, split_turned, watermark_blocks
from warraq.options import Options
from warraq.pdf.glyphs import page_glyphs
from warraq.pdf.recovery import Recoverer, page_verdict, unusable
from warraq.pdf.rules import thin_objects
from warraq.pdf.silentbars import bridge_gaps, has_gaps
from warraq.pdf.source import draws_nothing, load_page, metadata, open_pdfium
from warraq.pdf.structure import glyph_ranks

# a list item's text opens with a bullet (the layout's, or a dash or star) or a number
_LIST_MARK = re.compile(f"^(?:[{''.join(sorted(BULLETS))}\\-–*]"
                        r"|[0-9\u0660-\u0669]{1,3}[.)\-]|[(][0-9\u0660-\u0669]{1,3}[)])(?:\s|$)")


def extract(path: str | Path, **options: Any) -> Document:
    """Extract a PDF into a Document. Keyword options are those of `warraq.options.Options`."""
    with Extraction(path, Options(**options)) as ex:
        pages = list(ex.pages())
        doc = Document(str(path), pages, ex.metadata)
    doc.errors = [no_text_message(p) for p in pages if unread(p)]
    return doc


def _textpage(pdf_page: Any) -> Any:
    """PDFium's text page, laid out as the page is drawn, not as it is shown: PDFium puts its
    word breaks where a page turned upside down (/Rotate 180) reads them, between letters."""
    rotation = pdf_page.get_rotation()
    if not rotation:
        return pdf_page.get_textpage()
    pdf_page.set_rotation(0)
    try:
        return pdf_page.get_textpage()
    finally:
        pdf_page.set_rotation(rotation)  # as drawn for OCR and by the caller's other pages


def _unshare_letters(page: Page, methods: Counter[str]) -> list[str]:
    """Read the Persian twins a mapping gave the joined forms of ي ك ه as those letters
    (warraq.arabic.shared), counting them as repaired glyphs; the reasons, if any."""
    lines = [line for block in page.blocks for line in block.lines]
    letters = shared_letters([w.text for line in lines for w in line.words])
    if not letters:
        return []
    fixed: Counter[str] = Counter()
    for line in lines:
        for w in line.words:
            found = Counter(ch for ch in w.text if ch in letters)
            if found:
                w.text = unshare(w.text, letters)
                n = sum(found.values())
                line.sources["shared-glyph"] += n
                line.sources["tounicode"] = max(0, line.sources["tounicode"] - n)
                fixed += found
    for block in page.blocks:
        if block.rows is not None:
            block.rows = [[unshare(cell, letters) for cell in row] for row in block.rows]
    n = sum(fixed.values())
    methods["shared-glyph"] += n
    methods["tounicode"] = max(0, methods["tounicode"] - n)
    return [f"{fixed[t]} × {t} read as {a} (a glyph the two letters share, mapped to {t})"
            for t, a in letters.items() if fixed[t]]


_DAMAGED = "damaged page: PDFium cannot load it"
BLANK = "blank page"


def unread(page: Page) -> bool:
    """Did a page give no text where it has some to give (not a blank page)?"""
    return not page.blocks and BLANK not in page.verdict.reasons


def no_text_message(page: Page) -> str:
    if _DAMAGED in page.verdict.reasons:
        return f"page {page.number} cannot be read (damaged)"
    return f"page {page.number} has no text layer (needs OCR)"


class Extraction:
    """An open PDF whose pages are extracted one at a time, in order."""

    def __init__(self, path: str | Path, opts: Options | None = None) -> None:
        self.path = path
        self.opts = opts or Options()
        self._doc = open_pdfium(path, self.opts.password)
        self.metadata = metadata(self._doc)
        self._recoverer = Recoverer(path, self.opts) if self.opts.recover else None

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._recoverer is not None:
            self._recoverer.close()
        self._doc.close()

    def pages(self) -> Iterator[Page]:
        """Pages in order, each complete (furniture and footnotes marked) when yielded."""
        count = len(self._doc)
        numbers = [n for n in (self.opts.pages or range(1, count + 1)) if n <= count]
        workers = worker_count(self.opts.workers, len(numbers))
        raw: Iterator[Page]
        if workers > 1:
            prepare_worker_state(self.opts)
            raw = parallel_pages(self.path, self.opts, numbers, workers)
        else:
            raw = (extract_page(self._doc, n - 1, self.opts, self._recoverer) for n in numbers)
        for page in mark_furniture(raw):
            mark_footnotes(page)
            yield page


def open_page_source(path: str | Path, opts: Options) -> tuple[Any, Recoverer | None, Options]:
    """What a worker process needs to extract pages of one PDF."""
    return open_pdfium(path, opts.password), (Recoverer(path, opts) if opts.recover else None), opts


def prepare_worker_state(opts: Options) -> None:
    """Load shared read-only data and modules before workers fork, so they share them instead of
    each loading them, and the workers of the process's next document find them loaded."""
    from warraq.arabic.lexicon import frequency

    frequency("")
    if opts.recover:
        try:  # font recovery's modules (fontTools, pikepdf): a tenth of a second per process
            import warraq.fonts  # noqa: F401
        except ImportError:
            pass


def iter_pages(path: str | Path, opts: Options | None = None) -> Iterator[Page]:
    """Pages of a PDF in order, processed and released one at a time."""
    with Extraction(path, opts) as ex:
        yield from ex.pages()


@gc_paused()
def extract_page(doc: Any, index: int, opts: Options, recoverer: Recoverer | None = None) -> Page:
    """One page: glyphs from PDFium, recovery of suspect glyphs, layout, logical order."""
    pdf_page = load_page(doc, index)
    if pdf_page is None:
        page = Page(index + 1, 0.0, 0.0)
        page.verdict = PageVerdict("needs-ocr", 0.0, [_DAMAGED], Counter())
        return page
    try:
        textpage = _textpage(pdf_page)
        width, height = pdf_page.get_size()
        if pdf_page.get_rotation() in (90, 270):  # glyph positions stay in unrotated page space
            width, height = height, width
        try:
            fixes = recoverer.resolver(index) if recoverer is not None else None
            glyphs = page_glyphs(textpage, height, *(fixes or ()))
            ranks = glyph_ranks(pdf_page, textpage, glyphs)
        finally:
            textpage.close()
        blank = not glyphs and draws_nothing(pdf_page)
        rules, across, bars = thin_objects(pdf_page, height, bars=has_gaps(glyphs))
    finally:
        pdf_page.close()
    bridge_gaps(glyphs, bars)
    page = Page(index + 1, width, height)
    methods = Counter([g.source for g in glyphs])
    turn = page_turn(glyphs)
    frame = Frame(turn, width, height) if turn else None
    if frame is not None:  # text set sideways: read in its own frame (the rules are the page's)
        (glyphs, ranks), rules, across = frame.glyphs(glyphs, ranks), [], []
        width, height = frame.width, frame.height
    glyphs, turned = split_turned(glyphs)  # a watermark across the page is read apart
    segments = build_segments(glyphs, rules=rules)
    if not segments and blank:  # nothing drawn: nothing to read, by text layer or OCR
        page.verdict = PageVerdict("clean", 1.0, [BLANK], methods)
        return page
    if not segments:
        page.verdict = PageVerdict("needs-ocr", 0.0, ["no text layer"], methods)
        if recoverer is not None and opts.ocr != "never":
            recoverer.ocr_page(page, index)
        return page
    r, l_ = strong_counts(segments)
    direction: Direction = "rtl" if r >= 0.5 * l_ and r > 0 else "ltr"
    sizes = [s.size for s in segments for _ in range(max(1, s.char_count))]
    body_size = median(sizes)
    raw_blocks = build_blocks(segments, direction, body_size, ranks, across)
    page.blocks = []
    for raw_block in raw_blocks:  # a block may continue the paragraph read before it
        before = page.blocks[-1] if page.blocks else None
        block = to_block(raw_block, direction, opts.keep_tatweel, before)
        if block.kind == "paragraph" and _LIST_MARK.match(block.text):
            block.kind = "list-item"
        if before is not None and goes_on(block, before):  # one paragraph over a column break
            before.lines += block.lines
            before.bbox = union([before.bbox, block.bbox])
            continue
        page.blocks.append(block)
    if turned:
        page.blocks += watermark_blocks(turned, width, height, opts.keep_tatweel)
    if frame is not None:
        frame.put_back(page)
    problems = recoverer.problems(index, methods["unmapped"] > 0) if recoverer is not None else []
    page.verdict = page_verdict(methods, problems + _unshare_letters(page, methods))
    needs_ocr = opts.ocr == "auto" and unusable(page.verdict)
    if recoverer is not None and (opts.ocr == "always" or needs_ocr):
        recoverer.ocr_page(page, index)
    return page

"""Running headers, footers, page numbers and footnotes.

Furniture is recognised by position (the top or bottom band of the page) plus repetition on
nearby pages, with digits masked so that "صفحة 3" and "صفحة 4" match; a repeat must sit at the
same height in the same type, since a title that restates the running header is no furniture.
A lone number in those bands is a page number even without repetition. A lone small-type line
beyond all body text is furniture at the very edge of the page, and anywhere in its band once
the opposite edge of the page holds furniture (a single page, or a first page with a header of
its own, has no repeats to go by). Footnotes are small-type blocks at the foot of the body; they
are moved after the body of their page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from warraq.document import FURNITURE, Block, Page

_BAND = 0.12  # fraction of the page height at top and bottom where furniture lives
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|/(\[]*(?:(?:صفحة|الصفحة|ص|page|p\.)\s*)?#(?:\s*(?:/|من|of)\s*#)?[\s\-–—|/)\]]*$",
    re.IGNORECASE,
)


def _signature(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", " ", text.strip()))


def _candidates(page: Page) -> list[tuple[Block, str, str]]:
    """(block, 'header'|'footer', signature) for blocks that could be furniture."""
    out: list[tuple[Block, str, str]] = []
    if len(page.blocks) < 2:
        return out  # the only text of a page is its content, whatever its position
    for b in page.blocks:
        if b.kind in ("table", "watermark") or len(b.lines) > 2 or len(b.text) > 160:
            continue
        top, bottom = b.bbox[1], b.bbox[3]
        if bottom <= page.height * _BAND:
            out.append((b, "header", _signature(b.text)))
        elif top >= page.height * (1 - _BAND):
            out.append((b, "footer", _signature(b.text)))
    return out


def mark_furniture(pages: Iterable[Page], window: int = 2) -> Iterator[Page]:
    """Label furniture blocks, looking `window` pages behind and ahead; yields pages in order."""
    buf: list[tuple[Page, list[tuple[Block, str, str]]]] = []
    it = iter(pages)
    done = False
    pos = 0  # index in buf of the next page to decide
    while True:
        while not done and len(buf) - pos <= window:
            try:
                p = next(it)
            except StopIteration:
                done = True
                break
            buf.append((p, _candidates(p)))
        if pos >= len(buf):
            return
        page, cands = buf[pos]
        near = [c for j, (_, cs) in enumerate(buf) if j != pos and abs(j - pos) <= window for c in cs]
        _label(page, cands, near)
        _mark_artifacts(page)
        yield page
        pos += 1
        if pos > window:  # keep memory flat: drop pages no longer needed as neighbours
            buf.pop(0)
            pos -= 1


def _label(page: Page, cands: list[tuple[Block, str, str]], near: list[tuple[Block, str, str]]) -> None:
    """Label one page's candidates: page numbers and repeats first, then lone margin lines, which
    may use the whole band when the other edge of the page turned out to hold furniture."""
    rest: list[tuple[Block, str]] = []
    for block, where, sig in cands:
        if _PAGE_NUMBER.match(sig):
            block.kind = "page-number"
        elif any(s == sig and w == where and _same_place(block, b) for b, w, s in near):
            block.kind = where  # type: ignore[assignment]
        else:
            rest.append((block, where))
    framed = {where for block, where, _ in cands if block.kind in FURNITURE}
    body = _body_size(page)
    for block, where in rest:
        opposite = "footer" if where == "header" else "header"
        if _small_margin_line(block, where, page, body, _BAND if opposite in framed else _EDGE):
            block.kind = where  # type: ignore[assignment]


def _same_place(a: Block, b: Block) -> bool:
    """Running furniture comes from one page template: the same height on the page (top or
    bottom edge, whichever it hangs from) in much the same type size."""
    sa, sb = _size(a), _size(b)
    if min(sa, sb) > 0 and max(sa, sb) > 1.25 * min(sa, sb):
        return False
    tol = max(2.0, 0.6 * max(sa, sb))
    return min(abs(a.bbox[1] - b.bbox[1]), abs(a.bbox[3] - b.bbox[3])) <= tol


_EDGE = 0.08  # a lone small line this close to the edge is furniture on its own (within most margins)


def _small_margin_line(block: Block, where: str, page: Page, body: float, edge: float) -> bool:
    """A lone line in small type within `edge` of the page's edge, beyond all body text."""
    if len(block.lines) != 1 or body <= 0 or block.lines[0].size > 0.92 * body:
        return False
    others = [b for b in page.blocks if b is not block]
    if where == "footer" and _is_note(block.text, " ".join(b.text for b in others)):
        return False
    if where == "header":
        return block.bbox[3] <= page.height * edge and all(b.bbox[1] >= block.bbox[3] for b in others)
    return block.bbox[1] >= page.height * (1 - edge) and all(b.bbox[3] <= block.bbox[1] for b in others)


_NOTE_START = re.compile(r"^\s*([0-9\u0660-\u0669]{1,3}|\*{1,3})[\s.)\-]+\S+\s+\S+")


def _is_note(text: str, body: str) -> bool:
    """A footnote: it opens with a marker ("1 ", "٢) ", "* ") that the body carries glued to
    a word, where the note is called."""
    m = _NOTE_START.match(text)
    if not m:
        return False
    marker = re.escape(m.group(1))
    return re.search(rf"[^\s0-9\u0660-\u0669]{marker}(?![0-9\u0660-\u0669])", body) is not None


def _body_size(page: Page) -> float:
    """The type size most of the page's characters are set in."""
    weighted = sorted((line.size, len(line.text)) for b in page.blocks for line in b.lines)
    half, acc = sum(n for _, n in weighted) / 2, 0
    for size, n in weighted:
        acc += n
        if acc >= half:
            return size
    return 0.0


def _mark_artifacts(page: Page) -> None:
    """A producer's own /Artifact tags name furniture outright, even on a single page."""
    for b in page.blocks:
        if b.kind in ("header", "footer", "page-number") or not b.lines or not all(ln.artifact for ln in b.lines):
            continue
        if _PAGE_NUMBER.match(_signature(b.text)):
            b.kind = "page-number"
        else:
            b.kind = "header" if (b.bbox[1] + b.bbox[3]) / 2 < page.height / 2 else "footer"


def mark_footnotes(page: Page) -> None:
    """Small-type blocks below the body become footnotes, placed after the body."""
    body = [b for b in page.blocks if b.kind in ("paragraph", "heading", "list-item", "table")]
    if len(body) < 2:
        return
    body_size = _body_size(page)
    main = [b for b in body if _size(b) >= 0.93 * body_size]
    if not main:
        return
    main_bottom = max(b.bbox[3] for b in main)
    notes = [
        b for b in body
        if b.kind == "paragraph" and _size(b) < 0.93 * body_size and b.bbox[1] >= main_bottom - 1
        and b.bbox[1] > page.height * 0.5
    ]
    if not notes:
        return
    for b in notes:
        b.kind = "footnote"
    rest = [b for b in page.blocks if b not in notes]
    furniture_at_end = [b for b in rest if b.kind == "footer" or b.kind == "page-number"]
    others = [b for b in rest if b not in furniture_at_end]
    page.blocks = others + notes + furniture_at_end


def _size(b: Block) -> float:
    sizes = [line.size for line in b.lines]
    return sorted(sizes)[len(sizes) // 2] if sizes else 0.0

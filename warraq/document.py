"""The typed document model: Document > Page > Block > Line > Word, each with a bounding box.

Boxes are (x0, top, x1, bottom) in PDF points with the origin at the top-left of the page.
Every line records the fonts it used and where each of its characters' text came from, so a
letter in the output can be traced back to the rule that produced it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from warraq.arabic.bidi import Direction

BBox = tuple[float, float, float, float]
BlockKind = Literal["paragraph", "heading", "list-item", "table", "header", "footer", "page-number", "footnote",
                    "watermark"]
Verdict = Literal["clean", "repaired", "needs-ocr"]

#: Block kinds that are page furniture: kept in JSON, left out of the body text.
FURNITURE: frozenset[str] = frozenset({"header", "footer", "page-number", "watermark"})


def union(boxes: list[BBox]) -> BBox:
    """Smallest box around all boxes."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass
class Word:
    text: str
    bbox: BBox


@dataclass
class Line:
    words: list[Word]
    bbox: BBox
    direction: Direction
    size: float
    fonts: list[str] = field(default_factory=list)
    sources: Counter[str] = field(default_factory=Counter)
    artifact: bool = False  # tagged as /Artifact by the producer (page furniture)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


# A link that a line break cut after one of its separators ("https://", "/ar/"), and a line
# that goes on in Latin letters or digits: the rest of the link.
_URL_CUT = re.compile(r"(?:https?:/|www\.)\S*[/._\-=?&#]$")
_LATIN_START = re.compile("[A-Za-z0-9]")


@dataclass
class Block:
    kind: BlockKind
    lines: list[Line]
    bbox: BBox
    direction: Direction
    rows: list[list[str]] | None = None  # table cells, rows top to bottom, cells in reading order

    @property
    def text(self) -> str:
        return self.render()

    def render(self, keep_lines: bool = False) -> str:
        """The block's text; a paragraph's lines joined by spaces unless keep_lines."""
        if self.rows is not None:
            return "\n".join("\t".join(row) for row in self.rows)  # cells tab-separated
        texts = [line.text for line in self.lines if line.text]
        if keep_lines:
            return "\n".join(texts)
        out = texts[0] if texts else ""
        for t in texts[1:]:  # a link cut by the line break had no space there
            cut = _LATIN_START.match(t) and _URL_CUT.search(out, out.rfind(" ") + 1)
            out += ("" if cut else " ") + t
        return out


@dataclass
class PageVerdict:
    verdict: Verdict
    confidence: float
    reasons: list[str] = field(default_factory=list)
    methods: Counter[str] = field(default_factory=Counter)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    blocks: list[Block] = field(default_factory=list)
    verdict: PageVerdict = field(default_factory=lambda: PageVerdict("clean", 1.0))
    ocr: bool = False

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kind not in FURNITURE]

    def text(self, keep_lines: bool = False) -> str:
        """Body text: one block per paragraph, blank line between blocks."""
        return "\n\n".join(t for t in (b.render(keep_lines) for b in self.body) if t)


@dataclass
class Document:
    path: str
    pages: list[Page]
    metadata: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # per-page problems, one line each

    def text(self, keep_lines: bool = False) -> str:
        """Body text of all pages in reading order."""
        return "\n\n".join(t for t in (p.text(keep_lines) for p in self.pages) if t) + "\n"

    def markdown(self) -> str:
        from warraq.render.markdown import to_markdown

        return to_markdown(self)

    def to_dict(self) -> dict[str, Any]:
        from warraq.render.json import to_dict

        return to_dict(self)

    def to_json(self, indent: int | None = 1) -> str:
        from warraq.render.json import to_json

        return to_json(self, indent=indent)

    @property
    def verdict(self) -> Verdict:
        order: dict[Verdict, int] = {"clean": 0, "repaired": 1, "needs-ocr": 2}
        verdicts: list[Verdict] = [p.verdict.verdict for p in self.pages]
        return max(verdicts, key=order.__getitem__, default="clean")

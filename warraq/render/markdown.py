"""Markdown rendering that keeps right-to-left text intact for RAG pipelines.

Markup (#, -, table pipes) goes at the logical start of each line, so a right-to-left renderer
shows it on the right; the Arabic itself is never reversed or wrapped in bidi controls.
"""

from __future__ import annotations

import re

from warraq.document import Block, Document, Page

# CommonMark's ordered list marker: ASCII digits only (an item numbered "٣." keeps a bullet)
_ORDERED_RE = re.compile(r"[0-9]{1,9}[.)] ")


def _block(b: Block) -> str:
    if b.kind == "heading":
        return "## " + b.text
    if b.kind == "list-item":
        text = b.text
        if _ORDERED_RE.match(text):  # "3. ..." is an ordered list item as it stands
            return text
        return "- " + (text[1:].lstrip() if text[:1] in "•▪◦●■-–*" else text)
    if b.kind == "footnote":
        return "> " + b.text
    if b.kind == "table" and b.rows:
        width = max(len(r) for r in b.rows)
        rows = [r + [""] * (width - len(r)) for r in b.rows]
        out = ["| " + " | ".join(c.replace("|", "\\|") for c in rows[0]) + " |",
               "|" + "---|" * width]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows[1:]]
        return "\n".join(out)
    return b.text


def page_markdown(page: Page) -> str:
    return "\n\n".join(_block(b) for b in page.body if b.text)


def to_markdown(doc: Document) -> str:
    return "\n\n".join(t for t in (page_markdown(p) for p in doc.pages) if t) + "\n"

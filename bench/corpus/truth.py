"""Ground truth of a rendered text (docs/CORPUS-FORMAT.md, "Ground truth")."""

from __future__ import annotations

from .textfmt import Block, Doc


def block_lines(block: Block) -> list[str]:
    """The truth lines of one block: one line, or one line per table row."""
    if block.kind == "table":
        return [" ".join(c for c in row if c) for row in block.rows]
    if block.kind == "post":
        return [" ".join(block.lines)]
    return [block.plain()]


def body_lines(doc: Doc) -> list[str]:
    return [ln for b in doc.blocks for ln in block_lines(b)]


def note_lines(doc: Doc) -> list[str]:
    """Footnote definitions as 'N text', in number order."""
    return [f"{n} {doc.notes[n]}" for n in sorted(doc.notes)]


def truth_text(doc: Doc) -> str:
    """Truth of a document whose notes all come after its body (one page, or endnotes)."""
    return "\n".join(body_lines(doc) + note_lines(doc)) + "\n"


"""Pieces of one visual line that a tool wrote as lines of their own (pdfminer.six text boxes).

pdfminer.six groups characters into boxes by position. A visual line cut by a number or Latin
run (drawn as text objects of their own), or stretched by wide justified word gaps, becomes
several boxes, written left to right, each as its own line (mostly with a blank line between).
Reversing each piece alone keeps the pieces in display order: the end of the sentence first.

The cut falls at a space or a neutral character, and which side of it a piece kept tells which
way the line goes on:
- a piece that ends with a space continues on its right (its right edge is the logical start);
- a piece that starts with a space continues on its left;
- a piece that ends with a separator or bracket, or is punctuation alone, goes on with a piece
  that has no Arabic (a number or Latin run cut out of the line: "ومن :" + "2025"), and a run
  without Arabic with a piece of punctuation ("Federal Reserve" + "(").
Two Arabic pieces are joined only at a space: tools also write a line's raised quote marks or
dashes as a line of their own, between two whole lines. A note number glued to a word
("بالدولار1") is the one piece without Arabic that goes on with an Arabic piece at no space.
Such chains are joined back into one visual line, which the visual rule then reverses whole.
Only documents that read backwards are looked at, so clean text never meets this rule.
"""

from __future__ import annotations

import re

from warraq.repair.text import SENTENCE_STOPS, has_arabic

_SEPARATORS = ",،;؛:."
_BRACKETS = "()[]{}«»"
_WORDLIKE_RE = re.compile(r"[^\W_]")
_NOTE_RE = re.compile("[0-9\u0660-\u0669]{1,3}")
MAX_BLANKS = 2  # blank lines a tool put between the boxes of one line


def _punctuation_only(piece: str) -> bool:
    return _WORDLIKE_RE.search(piece) is None


def _joins(left: str, right: str) -> bool:
    """Does `right` continue the visual line of `left` on its right-hand side?"""
    if left[-1:].isspace() or right[:1].isspace():
        return True
    if not has_arabic(left) and _punctuation_only(right):
        return True  # "Federal Reserve" + "("
    if has_arabic(right):
        return False  # two Arabic pieces touch only at a space (a stray quote mark is no piece)
    return left[-1:] in _SEPARATORS + _BRACKETS or _punctuation_only(left)


def _note_then_word(run: list[str], right: str) -> bool:
    """A note number glued to the word it follows ("بالدولار1"), cut out as a box of its own.

    Only inside a chain already (the number joined the piece on its left), since a lone number
    before an Arabic line is as likely a page number; and not after a whole sentence (a stop at
    the chain's left end), where the number is a list item's, at the start of its line.
    """
    pieces = [p for p in run if p.strip()]
    return (bool(_NOTE_RE.fullmatch(pieces[-1])) and has_arabic(right[:1])
            and pieces[0].lstrip()[:1] not in SENTENCE_STOPS)


def chains(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line indices of each run of two or more pieces of one visual line.

    Lines as the tool wrote them (a NUL it wrote for an unmapped glyph at a piece's edge is a
    glyph, not a space). A tool that writes boxes puts a blank line after each, so the pieces
    of a run have blank lines between them; lines written one under another are whole lines.
    """
    runs: list[tuple[int, int]] = []
    start = last = -1
    blanks = 0
    for i, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            if "\x0c" in line:  # a page break ends every run
                start = last = -1
            continue
        joined = last >= 0 and 1 <= blanks <= MAX_BLANKS and "\x0c" not in line and (
            _joins(lines[last], line) or (start != last and _note_then_word(lines[start:last + 1], line)))
        if joined:
            if runs and runs[-1][0] == start:
                runs[-1] = (start, i)
            else:
                runs.append((start, i))
        else:
            start = i
        last, blanks = i, 0
    return runs


def join(pieces: list[str]) -> str:
    """The visual line the pieces came from (their own spaces kept, none added)."""
    return "".join(p for p in pieces if p.strip())

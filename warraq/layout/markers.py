"""List markers: the bullets and numbers that open a list item's line.

A list sets its marker a tab apart from the item's text (LibreOffice: 1.4 em), past the gap
that parts two columns; the marker still opens the item's line (lines.py keeps it there, and
blocks.py starts an item at it). A number reads in either order: "3." is drawn ".3" on a
right-to-left line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warraq.layout.lines import Cluster

BULLETS = frozenset("•▪◦●■")
NUMBER_MARK_RE = re.compile(r"^(?:[0-9\u0660-\u0669]{1,2}[.)\-]|[.(\-][0-9\u0660-\u0669]{1,2}|[(][0-9\u0660-\u0669]{1,2}[)])$")
BULLET_GAP_EM = 4.0  # the widest tab between a marker and its item's text


def lone_marker(glyphs: list[Cluster], i: int, current: list[Cluster], gutter: float) -> bool:
    """Is the run before glyph i (a left-to-right item), or the run from it to its row's end
    (a right-to-left one), a marker standing alone at its line's start edge?"""
    if is_marker(current):
        return True
    end = i + 1
    while end < len(glyphs) and glyphs[end].x0 - glyphs[end - 1].x1 <= gutter:
        end += 1
    return end == len(glyphs) and is_marker(glyphs[i:end])


def is_marker(run: list[Cluster]) -> bool:
    return "".join(c.glyph.text for c in run) in BULLETS or is_number_mark(run)


def is_number_mark(run: list[Cluster]) -> bool:
    """A list's number, read in either order ("3." or ".3", "٣-", "(2)")."""
    return len(run) <= 4 and NUMBER_MARK_RE.match("".join(c.glyph.text for c in run)) is not None

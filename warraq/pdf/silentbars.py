"""Kashida glyphs that PDFium leaves out of the text page.

InDesign justifies Arabic with kashida glyphs whose char codes map to nothing; PDFium gives them
no character and puts a generated space in the gap they fill ("الم واد" for "المـــواد"), so
the word falls in two. The glyph is still a text object of its own, a thin bar on the baseline
between the two letters (rules.thin_objects). Such a space becomes the kashida it stands for,
which the line's assembly then takes out like any other stretching.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from warraq.arabic.chars import TATWEEL, is_arabic_letter
from warraq.pdf.glyphs import Glyph
from warraq.pdf.rules import Bar


def _left_joining() -> frozenset[str]:
    """Letters that join the letter after them: those with an initial or a medial form."""
    out = set()
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        name = unicodedata.name(chr(cp), "")
        if name.endswith(("INITIAL FORM", "MEDIAL FORM")) and "LIGATURE" not in name:
            base = unicodedata.normalize("NFKC", chr(cp))  # one character at a time
            if len(base) == 1:
                out.add(base)
    return frozenset(out)


_JOINS_LEFT = _left_joining()


def bridge_gaps(glyphs: Sequence[Glyph], bars: Sequence[Bar]) -> None:
    """Each generated space between two joining letters whose gap a bar fills becomes a kashida.

    `glyphs` are in stream order; a bar is a text object flat as a rule, no taller than a stroke
    of the letters' font, that rests on their baseline and spans the gap from letter to letter.
    """
    if not bars:
        return
    for k in _gaps(glyphs):
        space, before, after = glyphs[k], glyphs[k - 1], glyphs[k + 1]
        size = max(before.size, after.size)
        lo, hi = sorted((after.x1, before.x0) if after.x0 < before.x0 else (before.x1, after.x0))
        for bar in bars:
            if (bar.bottom - bar.top < 0.2 * size and bar.top <= before.oy <= bar.bottom + 0.05 * size
                    and abs(bar.x0 - lo) < 0.1 * size and abs(bar.x1 - hi) < 0.1 * size):
                space.text, space.source, space.is_space = TATWEEL, "kashida-shape", False
                space.x0, space.top, space.x1, space.bottom = bar
                space.ink = (bar.x0, bar.x1)
                break


def has_gaps(glyphs: Sequence[Glyph]) -> bool:
    """Is there a generated space between two joining letters, which a bar may fill?"""
    return next(_gaps(glyphs), None) is not None


def _gaps(glyphs: Sequence[Glyph]) -> Iterator[int]:
    """Places of the generated spaces between a letter that joins the next and an Arabic letter."""
    return (k for k in range(1, len(glyphs) - 1)
            if glyphs[k].source == "generated" and _joining(glyphs[k - 1], glyphs[k + 1]))


def _joining(before: Glyph, after: Glyph) -> bool:
    """An Arabic letter that joins the next one, then an Arabic letter, on one baseline?"""
    a, b = before.text[-1:], after.text[:1]
    return (a in _JOINS_LEFT and bool(b) and is_arabic_letter(b)
            and abs(before.oy - after.oy) < 0.2 * before.size)

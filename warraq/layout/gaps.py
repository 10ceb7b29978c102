"""The tests a wide gap on a line must pass to part it: is it a column gutter or a table's cell
boundary, or only a justified line's stretched word space?

A gap wider than a gutter parts the line unless the lines around it have words where it is (a
justified space); a drawn vertical rule parts it whatever its width; a narrower gap parts it
where the same white runs straight down the lines of text around it (a narrow gutter).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import partial
from statistics import median
from typing import TYPE_CHECKING

from warraq.pdf.rules import Rule

if TYPE_CHECKING:
    from warraq.layout.lines import Cluster

#: A gap wider than this (in em) between two glyphs is a word space: letter gaps inside a word,
#: even after a non-joining letter, stay well below it.
SPACE_EM = 0.15
RIVER_EM = 0.6  # a gap this wide may be a narrow column gutter (`RowTests.river`)


def never_river(lo: float, hi: float, em: float) -> bool:
    return False


def never(lo: float, hi: float) -> bool:
    return False


class RowTests:
    """The gap tests of one row, with what they need taken only once a gap asks (most rows have
    no wide gap and most pages no rules)."""

    def __init__(self, rows: list[list[Cluster]], k: int, gutter_em: float, rules: list[Rule],
                 inks: dict[int, tuple[list[float], list[float]]]) -> None:
        self._rows, self._k, self._gutter_em, self._rules, self._inks = rows, k, gutter_em, rules, inks
        self._stretched: Callable[[float, float], bool] | None = None
        self._y: float | None = None

    def stretched(self, lo: float, hi: float) -> bool:
        if self._stretched is None:
            rows, k, row = self._rows, self._k, self._rows[self._k]
            # the nearest rows on each side first; the next ones speak where those cannot
            around = [[rows[i] for i in (k + d, k + 2 * d) if 0 <= i < len(rows)] for d in (-1, 1)]
            gaps = _word_gaps(row)
            ys = [c.glyph.oy for c in row if not c.glyph.is_space]
            size = median([c.glyph.size for c in row if c.glyph.size > 0] or [10.0])
            self._stretched = partial(_stretched, around, median(ys) if ys else None, size, gaps=gaps,
                                      gutter=self._gutter_em * size)
        return self._stretched(lo, hi)

    def river(self, lo: float, hi: float, em: float) -> bool:
        """Is a gap narrower than a gutter one all the same: the same stretch of white through
        three of the four lines or more on either side that have lines of text against both
        of its edges? A justified line's wide spaces fall elsewhere on the lines around it."""
        pad = 0.1 * em
        found = 0
        for step in (-1, 1):
            for k in range(self._k + step, self._k + 5 * step, step):
                if not 0 <= k < len(self._rows):
                    break
                x0s, x1s = self._ink(k)
                at = bisect.bisect_left(x0s, lo + pad)  # first ink starting right of the gap's left edge
                if at < len(x0s) and x0s[at] < hi - pad:
                    break  # ink inside the gap
                if at and x1s[at - 1] > hi - pad:
                    break  # ink across the gap
                if (at == 0 or at == len(x0s) or not lo - 3 * em < x1s[at - 1] < lo + pad
                        or x0s[at] > hi + 3 * em or not _text_beside(x0s, x1s, at, em)):
                    continue  # tells nothing: no line of text against one of its edges (a
                    # paragraph's last line; table cells keep their own gaps)
                found += 1
        return found >= 3

    def _ink(self, k: int) -> tuple[list[float], list[float]]:
        got = self._inks.get(k)
        if got is None:
            ink = sorted((c.x0, c.x1) for c in self._rows[k] if not c.glyph.is_space)
            x1s, reach = [], float("-inf")
            for _, x1 in ink:
                reach = x1 if x1 > reach else reach
                x1s.append(reach)  # the furthest right any ink up to here reaches
            got = self._inks[k] = ([x0 for x0, _ in ink], x1s)
        return got

    def ruled(self, lo: float, hi: float) -> bool:
        if self._y is None:
            self._y = median([c.glyph.oy for c in self._rows[self._k]])
        return _ruled(self._rules, self._y, lo, hi)


def _text_beside(x0s: list[float], x1s: list[float], at: int, em: float) -> bool:
    """Do words run on for five ems or more on both sides of the hole before ink `at`, with no
    hole wider than an em in them (a line of text, not a table's cells)?"""
    k, start = at - 1, x0s[at - 1]
    while k > 0 and x0s[k] - x1s[k - 1] <= em and x1s[at - 1] - start < 5 * em:
        k -= 1
        start = x0s[k]
    if x1s[at - 1] - start < 5 * em:
        return False
    k, end = at, x1s[at]
    while k + 1 < len(x0s) and x0s[k + 1] - end <= em and end - x0s[at] < 5 * em:
        k += 1
        end = max(end, x1s[k])
    return end - x0s[at] >= 5 * em


def _ruled(rules: list[Rule], y: float, lo: float, hi: float) -> bool:
    """Does a drawn vertical rule cross the baseline y between x = lo and x = hi?"""
    at = bisect.bisect_left(rules, (lo,))
    return any(r.top - 2 <= y <= r.bottom + 2 for r in rules[at:] if r.x < hi)


def _word_gaps(row: list[Cluster]) -> tuple[tuple[float, float], ...]:
    """A row's gaps wider than a letter gap, left to right (`_stretched` compares them)."""
    ink = [c for c in row if not c.glyph.is_space]
    size = median([c.glyph.size for c in ink if c.glyph.size > 0] or [10.0])
    return tuple((a.x1, b.x0) for a, b in zip(ink, ink[1:]) if b.x0 - a.x1 > SPACE_EM * size)


_NEAR = 3.0  # ems: how close to a gap a line's text must come to tell what the gap is


def _stretched(around: list[list[list[Cluster]]], y: float | None, size: float, lo: float, hi: float, *,
               gaps: tuple[tuple[float, float], ...], gutter: float) -> bool:
    """Is the wide gap lo..hi of a line (baseline y, None without ink; type size `size`) only a
    justified line's stretched word space?

    A column gutter or a table's cell boundary runs down the page: the lines around it that
    have text on both of its sides leave it empty too. A word space of a justified line sits
    where those lines have words. A near line with text on one side only tells nothing (a
    paragraph's short last line below a justified one), and the next line on that side is asked
    instead; with no line to tell, a gap as wide as two others of the row is a justified space.
    """
    if y is None or hi - lo > 6 * size:
        return False
    pad = 0.2 * size
    votes = []
    for side in around:
        for step, other in enumerate(side, 1):
            ink = [c for c in other if not c.glyph.is_space]
            if not ink or abs(median(c.glyph.oy for c in ink) - y) > 2.5 * step * size:
                break
            # text on both sides, near it: ink a column away is another column's line
            if (any(lo - _NEAR * size < c.x1 <= lo + pad for c in ink)
                    and any(hi - pad <= c.x0 < hi + _NEAR * size for c in ink)):
                # a hole narrower than a gutter is a space of a justified line there too
                votes.append(_widest_hole(ink, lo, hi) < max(0.6 * size, gutter))
                break
    if votes:
        return all(votes)
    # with no line to tell: a justified line spreads its words with equal spaces, so a gap
    # between two others of its width, all three side by side, is a word space (the gutter
    # beside them is not, nor are gutters between columns that space their words narrowly)
    width = hi - lo
    alike = [max(b - a, width) <= 1.2 * min(b - a, width) for a, b in gaps]
    at = min(range(len(gaps)), key=lambda k: abs(gaps[k][0] - lo), default=-1)
    if at < 0 or not alike[at]:
        return False
    first = last = at
    while first > 0 and alike[first - 1]:
        first -= 1
    while last < len(gaps) - 1 and alike[last + 1]:
        last += 1
    return last - first + 1 >= 3


def _widest_hole(ink: list[Cluster], lo: float, hi: float) -> float:
    """The widest stretch of lo..hi that no cluster of a line covers."""
    widest, at = 0.0, lo
    for c in sorted((c for c in ink if c.x1 > lo and c.x0 < hi), key=lambda c: c.x0):
        widest = max(widest, c.x0 - at)
        at = max(at, c.x1)
    return max(widest, hi - at)

"""Cascading scripts (Nastaliq): a word's letters climb from its baseline and words overlap.

The most crowded heights of such a page are not all lines: a word's climbing letters crowd
heights of their own, up to an em and a half above its baseline. A page is taken for one from
its first Arabic letters; there, a height near a more crowded one over the same stretch of the
page is no line, and the letters of a chain (written one after the other, drawn side by side)
follow the row most of them sit on. layout/lines.py asks.
"""

from __future__ import annotations

from collections import Counter

from warraq.arabic.chars import is_arabic_letter
from warraq.pdf.glyphs import Glyph

CASCADE_EM = 1.1    # a cascading script's (Nastaliq's) lines are farther apart than this
CLIMB_EM = 1.5      # farthest a long word of it climbs above its baseline
CASCADE_SHARE = 0.3  # of a page's neighbouring letters at different heights: a cascading script
                     # (Nastaliq: half of them and more; other Arabic pages: a tenth at most)
_NEAR_EM = 6.0       # letters written one after the other this close belong to one line (Chromium writes
                     # a Nastaliq word's letters in an order that jumps by a few ems)


def spans(bases: list[Glyph], halves: dict[float, float]) -> dict[float, tuple[float, float]]:
    """The stretch of the page (x0, x1) the letters at each height cover."""
    spans: dict[float, tuple[float, float]] = {}
    for g in bases:
        if not g.is_space:
            y = halves[g.oy]
            lo, hi = spans.get(y, (g.x0, g.x1))
            spans[y] = (min(lo, g.x0), max(hi, g.x1))
    return spans


def baselines(peaks: list[tuple[float, float]], counts: dict[float, list[float]],
               spans: dict[float, tuple[float, float]]) -> list[tuple[float, float]]:
    """The peaks of a cascading page that are lines: one within CASCADE_EM of a more crowded
    one, over the same stretch of the page, is its words' climbing letters (a column beside
    it may run on another line grid)."""
    kept: list[tuple[float, float]] = []
    for y, size in sorted(peaks, key=lambda p: -len(counts[p[0]])):
        lo, hi = spans[y]
        if not any(abs(y - ky) <= CASCADE_EM * max(size, ks)
                   and min(hi, spans[ky][1]) - max(lo, spans[ky][0]) > 0.5 * min(hi - lo, spans[ky][1] - spans[ky][0])
                   for ky, ks in kept):
            kept.append((y, size))
    return sorted(kept)


def _neighbours(glyphs: list[Glyph]) -> list[tuple[int, int]]:
    """Positions of letters written one after the other and drawn side by side: one word's, or
    one line's (the pen does not come back across the line to start the next)."""
    letters = [k for k, g in enumerate(glyphs) if not g.is_space]
    out = []
    for a, b in zip(letters, letters[1:]):
        ga, gb = glyphs[a], glyphs[b]
        em = max(ga.size, gb.size, 1.0)
        if abs(ga.ox - gb.ox) <= _NEAR_EM * em and abs(ga.oy - gb.oy) <= CASCADE_EM * em:
            out.append((a, b))
    return out


CASCADE_SAMPLE = 200  # letters: the first lines of a page show its script


def cascading(bases: list[Glyph]) -> bool:
    """Does the page's script climb (Nastaliq): do letters written one after the other sit at
    different heights, where in other scripts they share their line's baseline?"""
    # Arabic letters only: superscripts and formulas lift Latin letters and digits too
    letters = [g for g in bases[: 2 * CASCADE_SAMPLE] if g.text and is_arabic_letter(g.text[0])][:CASCADE_SAMPLE]
    pairs = _neighbours(letters)
    lifted = 0
    for a, b in pairs:  # a step within a word, not to the next line
        em = max(letters[a].size, letters[b].size, 1.0)
        lifted += 0.05 * em < abs(letters[a].oy - letters[b].oy) < 0.7 * em
    return len(pairs) >= 20 and lifted >= CASCADE_SHARE * len(pairs)


def follow_words(bases: list[Glyph], at_row: list[int], ys: list[float]) -> None:
    """In a cascading script, a word's letters climb up to CLIMB_EM above its baseline, where
    the most crowded heights of the page count some as lines of their own, or as the line above.
    Letters written one after the other and drawn side by side form chains (words, whole
    lines); a chain whose letters mostly sit on one row takes the rest of them to it."""
    parent = list(range(len(bases)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in _neighbours(bases):
        parent[root(b)] = root(a)
    chains: dict[int, list[int]] = {}
    for k, g in enumerate(bases):
        if not g.is_space:
            chains.setdefault(root(k), []).append(k)
    for members in chains.values():
        if len(members) < 2:
            continue
        votes = Counter(at_row[k] for k in members)
        row, n = votes.most_common(1)[0]
        if n == len(members) or 2 * n <= len(members):
            continue
        for k in members:
            if abs(bases[k].oy - ys[row]) <= CLIMB_EM * max(bases[k].size, 1.0):
                at_row[k] = row

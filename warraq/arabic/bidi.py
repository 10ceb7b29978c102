"""Visual-to-logical reordering of one line of glyph clusters with the Unicode Bidirectional Algorithm.

A PDF draws glyphs where they stand on the page, so a line read left to right is the *display*
order that UAX #9 produces from the logical text. PDF text carries no explicit embeddings, so the
implicit rules (W1-W7, N1-N2, I1-I2, L1) decide every level, and the reordering rule L2 is its own
inverse on contiguous level runs: reversing the line for an RTL paragraph and then re-reversing
every run at a higher level restores the logical order. Units are whole clusters (a letter with
its marks, a ligature mapped to several characters, an /ActualText span), never code points.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, TypeVar

from warraq.arabic.chars import MIRROR, OPENING

Direction = Literal["rtl", "ltr"]
T = TypeVar("T")

_STRONG = frozenset(("L", "R", "AL"))
# I1, I2: how far a resolved class lifts a unit above an even and an odd paragraph level.
_RAISE = ({"R": 1, "AN": 2, "EN": 2}, {"L": 1, "EN": 1, "AN": 1})
# Classes that can raise a unit above the paragraph level, by paragraph level.
_OTHER = (frozenset({"R", "AL", "EN", "AN"}), frozenset({"L", "EN", "AN"}))
_NEUTRAL = frozenset(("B", "S", "WS", "ON"))
_EXPLICIT = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))  # none in PDF text
_SEPARATORS = frozenset(("ES", "ET", "CS", "BN"))  # W6 makes them neutral


@lru_cache(maxsize=8192)
def unit_class(text: str) -> str:
    """The bidi class that stands for a whole cluster: its first non-mark character's class."""
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls not in ("NSM", "BN"):
            return cls
    return "NSM" if text else "BN"


def resolve_levels(
    classes: Sequence[str], base: int, texts: Sequence[str] | None = None, context: str | None = None
) -> list[int]:
    """Embedding levels of a sequence with no explicit embeddings (UAX #9 W1-W7, N0-N2, I1-I2, L1).

    `texts` (one per class) lets rule N0 find bracket pairs. `context` is the last strong class
    (L, R or AL) of the paragraph before this line: a wrapped line is resolved as part of it.
    """
    present = set(classes)  # a rule whose classes are absent is skipped (lines are resolved often)
    if present.isdisjoint(_EXPLICIT):
        t = list(classes)
    else:
        t = [("ON" if c in _EXPLICIT else c) for c in classes]
        present = set(t)
    n = len(t)
    sos = "R" if base % 2 else "L"
    prev = sos
    if "NSM" in present:
        for i in range(n):  # W1
            if t[i] == "NSM":
                t[i] = prev
            elif t[i] != "BN":
                prev = t[i]
    last = context or sos
    if "EN" not in present:
        if "AL" in present:  # W3 alone
            t = ["R" if c == "AL" else c for c in t]
    else:
        for i in range(n):  # W2, W3
            c = t[i]
            if c in _STRONG:
                last = c
                if c == "AL":
                    t[i] = "R"
            elif c == "EN" and last == "AL":
                t[i] = "AN"
    if "ES" in present or "CS" in present:
        for i in range(1, n - 1):  # W4
            if t[i] == "ES" and t[i - 1] == "EN" and t[i + 1] == "EN":
                t[i] = "EN"
            elif t[i] == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
                t[i] = t[i - 1]
    i = 0 if "ET" in present else n
    while i < n:  # W5: a run of ET next to EN becomes EN
        if t[i] == "ET":
            j = i
            while j < n and t[j] == "ET":
                j += 1
            if (i > 0 and t[i - 1] == "EN") or (j < n and t[j] == "EN"):
                t[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    if not present.isdisjoint(_SEPARATORS):
        present.add("ON")
        t = ["ON" if c in _SEPARATORS else c for c in t]  # W6
    last = "R" if context == "AL" else (context or sos)
    if "EN" in present:
        for i in range(n):  # W7
            if t[i] in ("L", "R"):
                last = t[i]
            elif t[i] == "EN" and last == "L":
                t[i] = "L"
    if texts is not None and not _PAIRED.keys().isdisjoint(texts):
        _brackets_n0(t, texts, sos, "R" if base % 2 else "L")
    i = 0 if not present.isdisjoint(_NEUTRAL) else n
    while i < n:  # N1, N2
        if t[i] in _NEUTRAL:
            j = i
            while j < n and t[j] in _NEUTRAL:
                j += 1
            before = _as_strong(t[i - 1]) if i > 0 else ("R" if context == "AL" else (context or sos))
            after = _as_strong(t[j]) if j < n else sos
            fill = before if before == after else ("R" if base % 2 else "L")
            t[i:j] = [fill] * (j - i)
            i = j
        else:
            i += 1
    raise_by = _RAISE[base % 2]  # I1, I2
    levels = [base + raise_by.get(c, 0) for c in t]
    for i in range(n - 1, -1, -1):  # L1: trailing whitespace takes the paragraph level
        if classes[i] in ("WS", "S", "B", "BN"):
            levels[i] = base
        else:
            break
    return levels


#: Bidi_Paired_Bracket pairs (UAX #9 BD14-BD16); quotation marks such as « » are not among them.
_PAIRED = {"(": "()", ")": "()", "[": "[]", "]": "[]", "{": "{}", "}": "{}", "⁅": "⁅⁆", "⁆": "⁅⁆",
           "〈": "〈〉", "〉": "〈〉"}


def _brackets_n0(t: list[str], texts: Sequence[str], sos: str, e: str) -> None:
    """Rule N0: a bracket pair takes the direction of what it encloses and of its context.

    Brackets of one family are paired in sequence rather than by shape: on a line read back
    from a PDF, either glyph of a pair may carry either character.
    """
    opened: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for k, text in enumerate(texts):
        family = _PAIRED.get(text)
        if family is None or t[k] != "ON":
            continue
        if family in opened:
            pairs.append((opened.pop(family), k))
        else:
            opened[family] = k
    opposite = "L" if e == "R" else "R"
    for i, j in sorted(pairs):
        inside = {_as_strong(c) for c in t[i + 1: j]} & {"L", "R"}
        if e in inside:
            t[i] = t[j] = e
        elif opposite in inside:
            before = next((_as_strong(c) for c in reversed(t[:i]) if _as_strong(c) in ("L", "R")), sos)
            t[i] = t[j] = opposite if before == opposite else e


def _as_strong(c: str) -> str:
    return "R" if c in ("R", "AN", "EN") else c


def _reverse_runs(items: list[T], levels: list[int], k: int) -> None:
    i, n = 0, len(items)
    while i < n:
        if levels[i] >= k:
            j = i
            while j < n and levels[j] >= k:
                j += 1
            items[i:j] = items[i:j][::-1]
            levels[i:j] = levels[i:j][::-1]
            i = j
        else:
            i += 1


def visual_to_logical(
    units: Sequence[T], texts: Sequence[str], direction: Direction, context: str | None = None
) -> tuple[list[T], list[int]]:
    """Reorder units given left-to-right as drawn into logical order.

    Returns the reordered units and the embedding level of each (odd = right-to-left).
    A line with brackets may have been drawn by a renderer with or without rule N0 (bracket
    pairs, Unicode 6.3); both readings are made and the one whose brackets pair up is kept.
    """
    order, levels = _invert(texts, direction, True, context)
    if not _PAIRED.keys().isdisjoint(texts):
        alt, alt_levels = _invert(texts, direction, False, context)
        if alt != order:
            def imbalance(o: list[int], lv: list[int]) -> int:
                return _imbalance(mirror_brackets([texts[i] for i in o], lv))

            if imbalance(alt, alt_levels) < imbalance(order, levels):
                order, levels = alt, alt_levels
    return [units[i] for i in order], levels


def _invert(
    texts: Sequence[str], direction: Direction, with_n0: bool, context: str | None
) -> tuple[list[int], list[int]]:
    """Logical order of unit indices and their levels.

    Levels are first guessed on the line read backwards (for RTL) and then recomputed on the
    logical result until they agree: rules W2/W7 look backwards for a strong letter, and only
    the logical order has the right letter behind a number.
    """
    n = len(texts)
    base = 1 if direction == "rtl" else 0
    classes = [unit_class(t) for t in texts]
    if "ر" in texts:
        _decimal_ra(classes, texts)
    # A line with no letter or number of the other direction resolves to the paragraph level
    # throughout (every neutral takes it): the common all-Arabic line needs no rule.
    if not _OTHER[base].intersection(classes):
        return list(range(n))[:: -1 if base else 1], [base] * n

    brackets = with_n0 and not _PAIRED.keys().isdisjoint(texts)  # else N0 has nothing to pair

    def levels_of(idx: list[int], cls: list[str]) -> list[int]:
        return resolve_levels(cls, base, [texts[i] for i in idx] if brackets else None, context)

    guess = list(range(n))[:: -1 if base else 1]
    guess_classes = [classes[i] for i in guess]
    if base:
        _latin_dates_as_l(guess_classes, [texts[i] for i in guess])
    unit_level = dict(zip(guess, levels_of(guess, guess_classes)))
    order = guess
    for _ in range(3):
        order = list(range(n))
        levels = [unit_level[i] for i in order]
        for k in range(1, max(levels, default=0) + 1):
            _reverse_runs(order, levels, k)
        again = dict(zip(order, levels_of(order, [classes[i] for i in order])))
        if again == unit_level:
            break
        unit_level = again
    return order, [unit_level[i] for i in order]


def last_strong(text: str) -> str | None:
    """The bidi class (L, R or AL) of the last strong character of a text."""
    for ch in reversed(text):
        cls = unicodedata.bidirectional(ch)
        if cls in _STRONG:
            return cls
    return None


def _latin_dates_as_l(classes: list[str], texts: Sequence[str]) -> None:
    """In a reversed RTL line, digits that belong to a Latin run come before it.

    W2/W7 look backwards for a strong letter and so cannot see that "19" in "COVID-19" or
    "31, 2025" in "July 31, 2025" belong to the Latin run that follows them in the reversed
    line. Digits glued to a Latin word (no space), or digit groups joined by ", " that lead into
    one, are taken as part of that run for the first guess; so is a number one space before a
    Latin word that is not a unit (`_named_number`).
    """
    if "EN" not in classes and "AN" not in classes:
        return  # no digits: nothing to move
    n = len(classes)
    i = 0
    while i < n:
        if classes[i] not in ("EN", "AN"):
            i += 1
            continue
        j = i
        while j < n and classes[j] in ("EN", "AN", "CS", "ES", "WS", "ET"):
            j += 1
        stretch = "".join(texts[i:j])
        glued = not any(t.isspace() for t in texts[i:j])
        dated = glued or (", " in stretch[::-1] and stretch.strip()[-1:].isdigit())
        start = i if dated else _named_number(texts, i, j)
        if j < n and classes[j] == "L" and start >= 0 and (dated or _not_unit(classes, texts, j)):
            for k in range(start, j):
                if classes[k] in ("EN", "AN"):
                    classes[k] = "L"
        i = j


# Latin words written after a number ("256 GB", "10 AM"); any other Latin word drawn on the left
# of a number is read as a name the number belongs to ("iPhone 15", "SPF 30", "Windows 11").
_UNITS = frozenset(
    "b kb mb gb tb pb bit kbps mbps gbps hz khz mhz ghz w kw mw gw kwh mwh gwh twh v kv mah ma "
    "mm cm m km in ft mi nm µm g mg kg t lb oz ml l cl dl °c °f k px pt dpi fps rpm "
    "am pm usd eur gbp sar aed egp kwd qar omr bhd jod mad tnd dzd lbp iqd try jpy cny inr chf".split())


def _named_number(texts: Sequence[str], i: int, j: int) -> int:
    """Where the last number of texts[i:j] starts, if one space parts it from what follows, else -1.

    Drawn right to left, "SPF 30" and "30 SPF" look the same; names with a number are the more
    common in Arabic prose ("3 March 2024" too: "2024" goes with "March"), quantities with a
    Latin unit the exception.
    """
    if j - i < 2 or not texts[j - 1].isspace():
        return -1
    k = j - 1
    while k > i and (texts[k - 1].isdigit() or texts[k - 1] in ".,"):
        k -= 1
    group = "".join(texts[k:j - 1])
    if not group[:1].isdigit() or not group[-1:].isdigit() or (k > i and not texts[k - 1].isspace()):
        return -1
    return k


def _not_unit(classes: list[str], texts: Sequence[str], j: int) -> bool:
    k = j
    while k < len(classes) and classes[k] == "L":
        k += 1
    return "".join(texts[j:k])[::-1].lower() not in _UNITS


def _decimal_ra(classes: list[str], texts: Sequence[str]) -> None:
    """ر alone between two digits of one kind is a decimal mark (Egyptian print: "١ر٩" is 1.9),
    a separator inside the number (class CS), not a letter that splits it in two runs."""
    for i in range(1, len(texts) - 1):
        if texts[i] == "ر" and classes[i - 1] == classes[i + 1] and classes[i - 1] in ("AN", "EN") \
                and texts[i - 1][-1:].isdigit() and texts[i + 1][:1].isdigit():
            classes[i] = "CS"


def logical_to_visual(text: str, direction: Direction) -> str:
    """Display order of a logical string (per code point; for tests and the repair simulator)."""
    base = 1 if direction == "rtl" else 0
    chars = list(text)
    classes = [unicodedata.bidirectional(c) or "ON" for c in chars]
    if "ر" in chars:
        _decimal_ra(classes, chars)
    levels = resolve_levels(classes, base, chars)
    top = max(levels, default=base)
    low = base if base % 2 else base + 1
    for k in range(top, low - 1, -1):
        _reverse_runs(chars, levels, k)
    return "".join(MIRROR.get(c, c) if lv % 2 else c for c, lv in zip(chars, levels))


def mirror_brackets(texts: list[str], levels: Sequence[int]) -> list[str]:
    """Undo glyph mirroring of brackets at odd levels, but only where that balances them.

    Some producers map a mirrored bracket glyph to the character it looks like, others to the
    logical character; the bracket pairing of the line tells which convention this line follows.
    """
    if MIRROR.keys().isdisjoint(texts):
        return texts
    flipped = [MIRROR.get(t, t) if lv % 2 and len(t) == 1 else t for t, lv in zip(texts, levels)]
    if flipped == texts:
        return texts
    return flipped if _imbalance(flipped) < _imbalance(texts) else texts


def _imbalance(texts: Sequence[str]) -> int:
    """Count brackets that close before they open, plus those left open."""
    depth: dict[str, int] = {}
    bad = 0
    for t in texts:
        if len(t) != 1 or t not in MIRROR or t in ("<", ">"):
            continue
        if t in OPENING:
            depth[t] = depth.get(t, 0) + 1
        else:
            opener = MIRROR[t]
            if depth.get(opener, 0) > 0:
                depth[opener] -= 1
            else:
                bad += 1
    return bad + sum(depth.values())


def bracket_sides(texts: list[str]) -> list[str]:
    """Make each bracket open or close by what touches it, whatever glyph the PDF mapped.

    A bracket with a letter or digit right after it and a space (or nothing) before it opens;
    one with a letter or digit before it and a space, punctuation or nothing after it closes.
    Doubled brackets ("((") are one run: what touches the run decides for all of it.
    Producers and PDFium disagree on whether a bracket drawn mirrored is mapped to what it
    shows or to what it means, and on a right-to-left line either choice can come out.
    """
    out = list(texts)
    if _SIDED.keys().isdisjoint(out):
        return out
    n = len(out)
    undecided: list[int] = []
    for i, t in enumerate(out):
        if len(t) != 1 or t not in _SIDED or t in "<>":
            continue
        # a run of brackets of one kind ("((") takes its side from what is around the run
        lo, hi = i, i
        while lo > 0 and out[lo - 1] in (t, _SIDED[t]):
            lo -= 1
        while hi + 1 < n and out[hi + 1] in (t, _SIDED[t]):
            hi += 1
        before = out[lo - 1][-1:] if lo > 0 else ""
        after = out[hi + 1][:1] if hi + 1 < n else ""
        opens = _wordish(after) and not _wordish(before)
        closes = _wordish(before) and not _wordish(after)
        if not (opens or closes):  # punctuation against a bracket: the space side decides ...
            opens = _blank(before) and not _blank(after)
            closes = _blank(after) and not _blank(before)
            if before in (":", "\u061b") and not _wordish(after):  # ... but a colon introduces ("على: (")
                opens, closes = True, False
        if not (opens or closes) and before and before in "؟!.…":  # "؟»." closes after the sentence
            closes = True
        if opens and t not in _OPENERS:
            out[i] = _SIDED[t]
        elif closes and t in _OPENERS:
            out[i] = _SIDED[t]
        elif not (opens or closes):
            undecided.append(i)
    for i in undecided:  # spaces on both sides ("( 31 ديسمبر 2001)"): the line's pairs decide
        flipped = [*out[:i], _SIDED[out[i]], *out[i + 1:]]
        if _imbalance(flipped) < _imbalance(out):
            out = flipped
    return out


def _wordish(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or unicodedata.category(ch) in ("Mn", "Sc") or ch in "@#$%٪ـ^")


#: Brackets and quotation marks whose side (opening or closing) the text around them shows.
_SIDED = {**MIRROR, "“": "”", "”": "“", "‘": "’", "’": "‘"}
_OPENERS = OPENING | {"“", "‘"}


def _blank(ch: str) -> bool:
    return not ch or ch.isspace()

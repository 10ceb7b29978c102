"""Which PUA codes of a document are one font's digit set, and which digit shapes they stand for.

A font has two digit sets, European and Arabic-Indic, and may leave both unmapped; the codes of
one number or list are one set, and the separators touching them (٪ ٫ ٬ or %), the digits the
document shows in Arabic text, and its calendar tell their shapes (pua.py decodes the values).
"""

from __future__ import annotations

import re

# A list item's number at a line's start ("1. ", "(3) ", "٢- "), digits or codes
ITEM_RE = re.compile("^[ \t]*[(\\[]?([0-9\u0660-\u0669\ue000-\uf8ff]{1,2})[).\\-–:] ", re.M)


_DIGIT_TOKEN = re.compile("[0-9\u0660-\u0669\ue000-\uf8ff]+(?:[.,:/\u066b\u066c-][0-9\u0660-\u0669\ue000-\uf8ff]+)*")


def digit_sets(text: str, codes: list[str]) -> list[set[str]]:
    """The codes split into at most two digit sets (European and Arabic-Indic glyphs of a font).

    Codes written in one number ("2025", "3,750") or in one numbered list are of one set. When
    the codes are more than ten digits, whole groups go to a set with room, the biggest groups
    first: to the set whose separators match theirs (٪ or %), else to the one whose lines they
    share most. Codes beyond two sets stay unresolved.
    """
    parent = {c: c for c in codes}

    def root(c: str) -> str:
        while parent[c] != c:
            parent[c] = c = parent[parent[c]]
        return c

    markers = "".join(m.group(1) for m in ITEM_RE.finditer(text))  # a list's numbers: one font
    for run in [m.group() for m in _DIGIT_TOKEN.finditer(text)] + [markers]:
        inside = [root(c) for c in dict.fromkeys(run) if c in parent]
        for r in inside[1:]:
            parent[root(r)] = root(inside[0])
    if len(codes) <= 10:
        return [set(codes)]
    groups: dict[str, set[str]] = {}
    for c in codes:
        groups.setdefault(root(c), set()).add(c)
    lines = text.split("\n")
    where = {c: {i for i, ln in enumerate(lines) if c in ln} for c in codes}
    freq = {c: text.count(c) for c in codes}
    members: list[set[str]] = [set(), set()]
    at: list[set[int]] = [set(), set()]          # the lines of each set's codes
    shapes: list[bool | None] = [None, None]     # each set's separators, once a group shows them
    for g in sorted(groups.values(), key=lambda g: (-len(g), -sum(freq[c] for c in g), min(g))):
        shape = indic_digits(text, g)
        seen = set().union(*(where[c] for c in g))
        room = [k for k in (0, 1) if len(members[k]) + len(g) <= 10]
        if not room:
            continue
        k = max(room, key=lambda k: (shape is not None and shapes[k] == shape,
                                     not (shape is not None and shapes[k] == (not shape)),
                                     len(at[k] & seen), -k))
        members[k] |= g
        at[k] |= seen
        if shapes[k] is None:
            shapes[k] = shape
    return [m for m in members if m]


# A year followed by the Hijri sign, or a month name that is only Hijri (not "رمضان" or "صفر",
# which are also common words; a bare "هـ" may be a justification kashida after ه).
_HIJRI = re.compile("[0-9\u0660-\u0669\ue000-\uf8ff] ?هـ?(?![\u0621-\u064a])|محرم|جمادى|شعبان|شوال|القعدة|الحجة")


# A separator touching a code: Arabic-Indic digits come with ٪ ٫ ٬, European ones with % . ,
_SEPARATOR = re.compile("(?<=[\ue000-\uf8ff])[\u066a-\u066c%]|[\u066a-\u066c%](?=[\ue000-\uf8ff])"
                        "|(?<=[\ue000-\uf8ff])[.,](?=[\ue000-\uf8ff])")
_VISIBLE_NUMBER = re.compile("[0-9]+|[\u0660-\u0669]+")
_LATIN_LETTER = re.compile("[A-Za-z]")


def indic_digits(text: str, codes: set[str] | None = None) -> bool | None:
    """Which digit shapes the codes stand for; None if only a guess (see digit_sets).

    By the evidence nearest the codes first: the percent signs and separators that touch them
    (٪ ٫ ٬ go with Arabic-Indic digits, % with European ones), then the digits the document
    shows in Arabic text (a number by a Latin word, "SPF 30", may be in a Latin font), then
    "." and "," between codes (European). With none of these, Hijri dates lean to Arabic-Indic
    digits (official Gulf documents) and anything else to European ones.
    """
    seps = [m.group() for m in _SEPARATOR.finditer(text)
            if codes is None or text[m.start() - 1:m.start()] in codes or text[m.end():m.end() + 1] in codes]
    arabic, percent = sum("\u066a" <= c <= "\u066c" for c in seps), seps.count("%")
    if arabic != percent:
        return arabic > percent
    if codes is not None:
        return None
    shown = [m.group() for m in _VISIBLE_NUMBER.finditer(text) if not _by_latin_word(text, m.start(), m.end())]
    indic = sum(len(n) for n in shown if "\u0660" <= n[0] <= "\u0669")
    latin = sum(len(n) for n in shown) - indic
    if indic != latin:
        return indic > latin
    if seps:
        return False
    return len(_HIJRI.findall(text)) >= 2


def _by_latin_word(text: str, start: int, end: int) -> bool:
    """Is the nearest letter on either side of text[start:end], on its line, a Latin one?"""
    before = text.rfind("\n", 0, start) + 1
    after = text.find("\n", end)
    left = [c for c in text[before:start] if c.isalpha()][-1:]
    right = [c for c in text[end:after if after >= 0 else len(text)][:40] if c.isalpha()][:1]
    return any(_LATIN_LETTER.match(c) for c in left + right)

"""The substitutions of a GSUB table that pass a glyph's text on, read straight from its bytes.

The glyph texts of a font (fonts/glyphtext.py) follow single, multiple, alternate and ligature
substitutions. fontTools decodes every subtable into objects keyed by glyph name on the way,
which costs more than the page such a font is on; glyph ids are all that is needed here.
The rules come out in the order and with the duplicates fontTools' tables would give them.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

#: (source glyph ids, result glyph id): the result reads as the sources' texts joined.
Rule = tuple[tuple[int, ...], int]

_SINGLE, _MULTIPLE, _ALTERNATE, _LIGATURE, _EXTENSION = 1, 2, 3, 4, 7


def gsub_rules(data: bytes) -> list[Rule]:
    """Every such rule of a GSUB table, in lookup order; a subtable that does not read is left out."""
    rules: list[Rule] = []
    try:
        (lookups,) = struct.unpack_from(">H", data, 8)
        if not lookups:
            return rules
        (count,) = struct.unpack_from(">H", data, lookups)
        for lookup in _offsets(data, lookups, count, lookups + 2):
            kind, _, subs = struct.unpack_from(">HHH", data, lookup)
            for at in _offsets(data, lookup, subs, lookup + 6):
                try:
                    rules += _subtable(data, kind, at)
                except (struct.error, IndexError, ValueError):
                    continue
    except (struct.error, IndexError):
        pass
    return rules


def _offsets(data: bytes, base: int, count: int, at: int) -> Iterator[int]:
    """The non-null 16-bit offsets at `at`, counted from `base`."""
    return (base + o for o in struct.unpack_from(f">{count}H", data, at) if o)


def _subtable(data: bytes, kind: int, at: int) -> list[Rule]:
    if kind == _EXTENSION:
        fmt, kind, offset = struct.unpack_from(">HHI", data, at)
        if fmt != 1 or kind == _EXTENSION:
            return []
        at += offset
    fmt, cov = struct.unpack_from(">HH", data, at)
    if kind == _SINGLE and fmt in (1, 2):
        inputs = _coverage(data, at + cov)
        if fmt == 1:
            (delta,) = struct.unpack_from(">h", data, at + 4)
            single = dict(zip(inputs, [(g + delta) % 0x10000 for g in inputs]))
        else:
            single = dict(zip(inputs, _uint16s(data, at + 4)))
        return [((a,), b) for a, b in single.items()]
    if kind not in (_MULTIPLE, _ALTERNATE, _LIGATURE) or fmt != 1:
        return []
    # one set per covered glyph: a sequence, alternates, or ligatures (a null offset: none)
    (count,) = struct.unpack_from(">H", data, at + 4)
    offsets = struct.unpack_from(f">{count}H", data, at + 6)
    sets = {a: at + o for a, o in dict(zip(_coverage(data, at + cov), offsets)).items() if o}
    rules: list[Rule] = []
    if kind == _LIGATURE:
        for first, where in sets.items():
            (count,) = struct.unpack_from(">H", data, where)
            for lig in _offsets(data, where, count, where + 2):
                glyph, parts = struct.unpack_from(">HH", data, lig)
                rules.append(((first, *struct.unpack_from(f">{max(parts - 1, 0)}H", data, lig + 4)), glyph))
        return rules
    for a, where in sets.items():
        glyphs = _uint16s(data, where)
        if kind == _ALTERNATE:
            rules += [((a,), b) for b in glyphs]
        elif len(glyphs) == 1:
            rules.append(((a,), glyphs[0]))
        else:  # a decomposition: the composed glyph reads as its parts
            rules.append((glyphs, a))
    return rules


def _uint16s(data: bytes, at: int) -> tuple[int, ...]:
    """A 16-bit count followed by as many glyph ids."""
    (count,) = struct.unpack_from(">H", data, at)
    return struct.unpack_from(f">{count}H", data, at + 2)


def _coverage(data: bytes, at: int) -> list[int]:
    """The glyph ids a Coverage table lists, in coverage-index order."""
    fmt = struct.unpack_from(">H", data, at)[0]
    if fmt == 1:
        return list(_uint16s(data, at + 2))
    if fmt != 2:
        return []
    (count,) = struct.unpack_from(">H", data, at + 2)
    ranges = [struct.unpack_from(">HHH", data, at + 4 + 6 * k) for k in range(count)]
    out: list[int] = []
    for start, end, _ in sorted(ranges, key=lambda r: r[2]):  # some fonts' ranges are out of order
        out += range(start, end + 1)
    return out

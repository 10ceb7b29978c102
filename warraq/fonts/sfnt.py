"""The few facts a font's diagnosis needs, read straight from the sfnt tables.

Diagnosing a clean font asks only which glyph its cmap gives each character and how many
glyphs it has. fontTools answers that too, but builds the whole glyph order and every cmap
subtable on the way, which costs more than the page the font is on; the full program
(fonts/program.py) is loaded only when a glyph's text must actually be recovered.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

# Unicode cmap subtables, best first: the order fontTools' getBestCmap uses.
_UNICODE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


@dataclass(frozen=True)
class SfntFacts:
    num_glyphs: int
    cmap: dict[int, int]  # Unicode code point -> glyph id
    # simple fonts only (read_facts(..., simple=True)):
    symbol: dict[int, int] | None = None  # char code -> glyph id, the (3,0) and (1,0) subtables
    named: bool = True  # glyph names in 'post' (or no 'glyf'): fontTools must read the font


def read_facts(data: bytes | Callable[[int], bytes], simple: bool = False) -> SfntFacts | None:
    """numGlyphs and the best Unicode cmap of a TrueType/OpenType program; None if unreadable.

    `data` is the program, or a function giving at least its first n bytes: only the table
    directory, cmap and maxp are read (and the version of 'post' for a simple font, whose codes
    may go through glyph names), so a stream need not be inflated past them.
    """
    upto = data if callable(data) else lambda _: data
    try:
        head = upto(12)
        (count,) = struct.unpack_from(">H", head, 4)
        tables = _directory(upto(12 + 16 * count), count)
        if b"maxp" not in tables:
            return None
        wanted = (b"maxp", b"cmap", b"post") if simple else (b"maxp", b"cmap")
        data = upto(max(offset + length for tag, (offset, length) in tables.items() if tag in wanted))
        (num_glyphs,) = struct.unpack_from(">H", data, tables[b"maxp"][0] + 4)
        cmap = tables.get(b"cmap")
        best = _best_cmap(data, cmap[0]) if cmap is not None else {}
        if not simple:
            return SfntFacts(num_glyphs, best)
        post = tables.get(b"post")
        # as fontTools decides (program._named): placeholder names only for glyf fonts without 'post' names
        named = b"glyf" not in tables or (post is not None and data[post[0]:post[0] + 4] != b"\0\3\0\0")
        symbol = _symbol_cmap(data, cmap[0]) if cmap is not None else {}
        return SfntFacts(num_glyphs, best, symbol, named)
    except (struct.error, ValueError, IndexError):
        return None


def _directory(data: bytes, count: int) -> dict[bytes, tuple[int, int]]:
    """Table tag -> (offset, length)."""
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        out[tag] = (offset, length)
    return out


def _subtables(data: bytes, base: int) -> list[tuple[tuple[int, int], int]]:
    """((platform, encoding), offset) of each cmap subtable, in file order."""
    _, count = struct.unpack_from(">HH", data, base)
    out = []
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, base + 4 + 8 * i)
        out.append(((platform, encoding), base + offset))
    return out


def _best_cmap(data: bytes, base: int) -> dict[int, int]:
    subtables: dict[tuple[int, int], int] = {}
    for key, offset in _subtables(data, base):
        subtables.setdefault(key, offset)
    for key in _UNICODE:
        at = subtables.get(key)
        if at is not None:
            (fmt,) = struct.unpack_from(">H", data, at)
            if fmt == 4:
                return _format4(data, at)
            if fmt == 12:
                return _format12(data, at)
    return {}


def _symbol_cmap(data: bytes, base: int) -> dict[int, int]:
    """Char code -> glyph id of the (3,0) and (1,0) subtables, a later one over an earlier one:
    how a symbolic simple TrueType font (LibreOffice's subsets) picks its glyphs."""
    out: dict[int, int] = {}
    for key, at in _subtables(data, base):
        if key in ((3, 0), (1, 0)):
            (fmt,) = struct.unpack_from(">H", data, at)
            if fmt not in _READERS:
                raise ValueError(f"cmap format {fmt}")  # left to fontTools
            out.update(_READERS[fmt](data, at))
    return out


def _format0(data: bytes, at: int) -> dict[int, int]:
    return {code: gid for code, gid in enumerate(data[at + 6:at + 262]) if gid}


def _format6(data: bytes, at: int) -> dict[int, int]:
    first, count = struct.unpack_from(">HH", data, at + 6)
    ids = struct.unpack_from(f">{count}H", data, at + 10)
    return {first + k: gid for k, gid in enumerate(ids) if gid}


def _format4(data: bytes, at: int) -> dict[int, int]:
    (seg2,) = struct.unpack_from(">H", data, at + 6)
    n = seg2 // 2
    ends = struct.unpack_from(f">{n}H", data, at + 14)
    starts = struct.unpack_from(f">{n}H", data, at + 16 + seg2)
    deltas = struct.unpack_from(f">{n}h", data, at + 16 + 2 * seg2)
    range_at = at + 16 + 3 * seg2
    ranges = struct.unpack_from(f">{n}H", data, range_at)
    out: dict[int, int] = {}
    for k in range(n):
        start, end, delta, ro = starts[k], ends[k], deltas[k], ranges[k]
        if start == 0xFFFF:
            continue
        if ro == 0:
            for u in range(start, end + 1):
                gid = (u + delta) & 0xFFFF
                if gid:
                    out[u] = gid
            continue
        where = range_at + 2 * k + ro  # idRangeOffset counts from its own position
        ids = struct.unpack_from(f">{end - start + 1}H", data, where)
        for u, gid in zip(range(start, end + 1), ids):
            if gid:
                out[u] = (gid + delta) & 0xFFFF
    return out


def _format12(data: bytes, at: int) -> dict[int, int]:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    out: dict[int, int] = {}
    for k in range(groups):
        start, end, gid = struct.unpack_from(">III", data, at + 16 + 12 * k)
        if end - start > 0x10FFFF:
            raise ValueError("cmap group too large")
        for u in range(start, end + 1):
            out[u] = gid + u - start
    return out


#: cmap subtable format -> its reader (char code -> glyph id)
_READERS: dict[int, Callable[[bytes, int], dict[int, int]]] = {0: _format0, 4: _format4, 6: _format6, 12: _format12}

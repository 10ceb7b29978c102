"""TrueType outlines read straight from the 'glyf' bytes: a glyph's box and its outline key.

Recovering a font without any mapping asks for every glyph's outline, and decoding each point
through fontTools costs more than the page the glyph is on. What tells two outlines apart
survives every subsetter unchanged: the box, each contour's point count and which points are
on the curve (coordinates may be re-encoded, hints dropped, components renumbered). So the key
is read from those without decoding a coordinate; a composite's key is made of its
components' keys and placements.
"""

from __future__ import annotations

import hashlib
import struct
import sys
from array import array
from typing import Any

from fontTools.misc.transform import Identity, Transform

_WORDS, _XY_VALUES, _SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x2, 0x8, 0x20, 0x40, 0x80


class RawGlyf:
    """The 'glyf' table of one font, glyph by glyph, as bytes."""

    def __init__(self, glyf: bytes, loca: bytes, long_offsets: bool, upem: int) -> None:
        self._glyf = glyf
        width = 4 if long_offsets else 2
        self._offsets = array("I" if long_offsets else "H", loca[: len(loca) // width * width])
        if sys.byteorder == "little":
            self._offsets.byteswap()  # the table is big-endian
        self._unit = 1 if long_offsets else 2  # short offsets count 16-bit words
        self._scale = 1000.0 / (upem or 1000)
        self._keys: dict[int, str | None] = {}

    @classmethod
    def of(cls, tt: Any) -> RawGlyf | None:
        """From a fontTools TTFont, without decompiling its glyphs; None without 'glyf'."""
        try:
            if "glyf" not in tt or "loca" not in tt:
                return None
            head = tt["head"]
            return cls(tt.reader["glyf"], tt.reader["loca"], bool(head.indexToLocFormat), head.unitsPerEm)
        except Exception:  # a damaged table: the caller falls back to drawing
            return None

    def _data(self, gid: int) -> bytes:
        if not 0 <= gid < len(self._offsets) - 1:
            return b""
        return self._glyf[self._unit * self._offsets[gid]:self._unit * self._offsets[gid + 1]]

    def bounds(self, gid: int) -> tuple[int, int, int, int] | None:
        """(x min, y min, x max, y max) in font units as the glyph's header stores them."""
        data = self._data(gid)
        if len(data) < 10:
            return None
        contours, x0, y0, x1, y1 = struct.unpack_from(">hhhhh", data)
        return (x0, y0, x1, y1) if contours else None

    def key(self, gid: int, depth: int = 0) -> str | None:
        """The outline key of a glyph, or None for an empty or unreadable one."""
        if gid in self._keys:
            return self._keys[gid]
        try:
            found = self._key(gid, depth)
        except (struct.error, IndexError):
            found = None
        self._keys[gid] = found
        return found

    def _key(self, gid: int, depth: int) -> str | None:
        data = self._data(gid)
        if len(data) < 10:
            return None
        contours, *box = struct.unpack_from(">hhhhh", data)
        k = self._scale
        if contours > 0:
            ends = struct.unpack_from(f">{contours}H", data, 10)
            at = 10 + 2 * contours
            (skip,) = struct.unpack_from(">H", data, at)
            on_curve = _on_curve(data, at + 2 + skip, ends[-1] + 1)
            scaled = ",".join(str(round(v * k)) for v in box)
            return hashlib.sha1(f"{scaled}|{ends}|".encode() + on_curve).hexdigest()[:20]
        if contours == 0 or depth > 8:  # depth: a component cycle in a broken font
            return None
        return self._composite(data, depth)

    def _composite(self, data: bytes, depth: int) -> str | None:
        parts = []
        at, k, flags = 10, self._scale, _MORE
        while flags & _MORE:
            flags, glyph = struct.unpack_from(">HH", data, at)
            at += 4
            if flags & _WORDS:
                a, b = struct.unpack_from(">hh", data, at)
                at += 4
            else:
                a, b = struct.unpack_from(">bb", data, at)
                at += 2
            n = 1 if flags & _SCALE else 2 if flags & _XY_SCALE else 4 if flags & _TWO_BY_TWO else 0
            matrix = struct.unpack_from(f">{n}h", data, at)
            at += 2 * n
            sub = self.key(glyph, depth + 1)
            if sub is None:
                return None
            # offsets (ARGS_ARE_XY_VALUES) are scaled; anchor point numbers are not
            place = f"{round(a * k)},{round(b * k)}" if flags & _XY_VALUES else f"@{a},{b}"
            parts.append(f"{sub}:{place}:{','.join(f'{v / 16384:.4f}' for v in matrix)}")
        return hashlib.sha1(";".join(parts).encode()).hexdigest()[:20]


    def contour_boxes(self, gid: int) -> list[tuple[float, float, float, float]] | None:
        """The control box of each contour in font units, components placed, as fontTools draws
        the glyph up to a horizontal shift; None for what only fontTools can tell (anchored
        components, cubic or empty contours, a missing component)."""
        try:
            contours = self._contours(gid, 0, Identity)
        except (struct.error, IndexError):
            return None
        return None if contours is None else [(min(xs), min(ys), max(xs), max(ys)) for xs, ys in contours]

    def _contours(self, gid: int, depth: int, place: Transform) -> list[tuple[list[float], list[float]]] | None:
        """The points of a glyph, placed as fontTools' DecomposingPen does: each component's
        transform composed with its parents', then applied once."""
        if not 0 <= gid < len(self._offsets) - 1 or depth > 8:
            return None
        data = self._data(gid)
        if len(data) < 10:
            return []  # an empty glyph draws nothing
        (contours,) = struct.unpack_from(">h", data)
        if contours >= 0:
            points = _simple_contours(data, contours)
            if points is None or place == Identity:
                return points
            xx, xy, yx, yy, dx, dy = place
            return [([xx * x + yx * y + dx for x, y in zip(xs, ys)], [xy * x + yy * y + dy for x, y in zip(xs, ys)])
                    for xs, ys in points]
        out: list[tuple[list[float], list[float]]] = []
        at, flags = 10, _MORE
        while flags & _MORE:
            flags, glyph = struct.unpack_from(">HH", data, at)
            at += 4
            if not flags & _XY_VALUES:
                return None  # placed by anchor points: fontTools cannot draw it either
            dx, dy = struct.unpack_from(">hh" if flags & _WORDS else ">bb", data, at)
            at += 4 if flags & _WORDS else 2
            xx, xy, yx, yy = 1, 0, 0, 1
            if flags & _SCALE:
                xx = yy = struct.unpack_from(">h", data, at)[0] / 16384
                at += 2
            elif flags & _XY_SCALE:
                xx, yy = (v / 16384 for v in struct.unpack_from(">hh", data, at))
                at += 4
            elif flags & _TWO_BY_TWO:
                xx, xy, yx, yy = (v / 16384 for v in struct.unpack_from(">hhhh", data, at))
                at += 8
            parts = self._contours(glyph, depth + 1, place.transform((xx, xy, yx, yy, dx, dy)))
            if parts is None:
                return None
            out += parts
        return out


def _simple_contours(data: bytes, contours: int) -> list[tuple[list[float], list[float]]] | None:
    """The points of a simple glyph, contour by contour; None for a cubic or an empty contour."""
    if not contours:
        return []
    ends = struct.unpack_from(f">{contours}H", data, 10)
    at = 10 + 2 * contours
    (skip,) = struct.unpack_from(">H", data, at)
    at += 2 + skip
    points = ends[-1] + 1
    flags = bytearray()
    while len(flags) < points:
        flag = data[at]
        at += 1
        count = 1
        if flag & 0x8:  # REPEAT_FLAG
            count += data[at]
            at += 1
        flags += bytes([flag]) * count
    if len(flags) != points or any(f & 0x80 for f in flags):
        return None  # a repeat past the last point, or a cubic curve
    xs, at = _coordinates(data, at, flags, 0x2, 0x10)
    ys, at = _coordinates(data, at, flags, 0x4, 0x20)
    out = []
    start = 0
    for end in ends:
        if end < start:
            return None  # fontTools fails on an empty contour
        out.append((xs[start:end + 1], ys[start:end + 1]))
        start = end + 1
    return out


def _coordinates(data: bytes, at: int, flags: bytearray, short: int, same: int) -> tuple[list[float], int]:
    """One axis of a simple glyph's points: deltas of one byte (signed by `same`), of two, or none."""
    out: list[float] = []
    v = 0
    for flag in flags:
        if flag & short:
            v += data[at] if flag & same else -data[at]
            at += 1
        elif not flag & same:
            v += struct.unpack_from(">h", data, at)[0]
            at += 2
        out.append(v)
    return out, at


_ON_CURVE = bytes(b & 1 for b in range(256))
_REPEATS = bytes(b & 8 for b in range(256))


def _on_curve(data: bytes, at: int, points: int) -> bytes:
    """One byte per point: 1 on the curve, 0 off (the flags, repeats expanded). Flags between
    two repeated ones are taken as one slice: a byte at a time costs more than the key's hash."""
    flags = data[at:at + 2 * points]  # a repeat with a count of 0 takes two bytes for one point
    repeats = flags.translate(_REPEATS)
    out = bytearray()
    start = 0
    while len(out) < points:
        rep = repeats.find(8, start)
        need = points - len(out)
        if rep < 0 or rep - start >= need:  # the rest of the points have a flag each
            if len(flags) - start < need:
                raise IndexError("flags cut short")
            out += flags[start:start + need].translate(_ON_CURVE)
            break
        out += flags[start:rep].translate(_ON_CURVE)
        out += (b"\x01" if flags[rep] & 1 else b"\x00") * (flags[rep + 1] + 1)
        start = rep + 2
    return bytes(out[:points])

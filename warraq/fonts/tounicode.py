"""A small ToUnicode CMap parser: bfchar and bfrange, with the code's byte width."""

from __future__ import annotations

import re
import sys
from array import array

# Every clean document's fonts are read through here, so each section is taken by one regex
# and its hex strings decoded in bulk, not token by token.
_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_ITEM = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[([^\]]*)\]")
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_SPACE = re.compile(rb"\s")


def _utf16(hexstr: bytes) -> str:
    try:
        raw = bytes.fromhex(hexstr.decode("ascii"))
    except ValueError:  # whitespace inside a byte
        raw = bytes.fromhex(_SPACE.sub(b"", hexstr).decode("ascii"))
    if len(raw) % 2:
        raw = b"\x00" + raw
    return raw.decode("utf-16-be", "replace")


def _code(hexstr: bytes) -> int:
    return int(_SPACE.sub(b"", hexstr) or b"0", 16)


def parse_tounicode(data: bytes) -> dict[int, str]:
    """Code -> text. bfrange with one destination increments its last UTF-16 unit (PDF 9.10.3)."""
    out: dict[int, str] = {}
    for section in _SECTION.finditer(data):
        items = _ITEM.findall(section.group(2))
        if section.group(1) == b"bfchar":
            if _two_byte_pairs(items, out):
                continue
            for k in range(0, len(items) - 1, 2):
                src, dst = items[k][0], items[k + 1][0]
                if not items[k][1] and not items[k + 1][1]:
                    out[_code(src)] = _utf16(dst)
            continue
        for k in range(0, len(items) - 2, 3):
            lo, hi = _code(items[k][0]), _code(items[k + 1][0])
            dst = items[k + 2]
            if hi < lo or hi - lo > 0xFFFF:
                continue
            if dst[1]:  # an array: one destination per code
                for i, text in enumerate(_HEX.findall(dst[1])[: hi - lo + 1]):
                    out[lo + i] = _utf16(text)
                continue
            base = _utf16(dst[0])
            if base:
                for i in range(hi - lo + 1):
                    out[lo + i] = base[:-1] + chr(min(ord(base[-1]) + i, 0x10FFFF))
    return out


def _two_byte_pairs(items: list[tuple[bytes, bytes]], out: dict[int, str]) -> bool:
    """A bfchar section: its usual pairs, a 2-byte code to one BMP character, decoded in bulk,
    the rest one by one. False (nothing added) when that could change which pair wins."""
    pairs = list(zip(items[0::2], items[1::2]))
    if len(items) % 2 or any(src[1] or dst[1] for src, dst in pairs):
        return False
    plain = [(src[0], dst[0]) for src, dst in pairs if len(src[0]) == 4 and len(dst[0]) == 4]
    if not plain:
        return False
    try:
        codes = array("H", bytes.fromhex(b"".join(src for src, _ in plain).decode("ascii")))
        text = bytes.fromhex(b"".join(dst for _, dst in plain).decode("ascii")).decode("utf-16-be", "surrogatepass")
    except ValueError:
        return False
    if len(text) != len(plain) or any("\ud800" <= c <= "\udfff" for c in text):
        return False  # surrogates: decoded one by one, as the general path does
    if sys.byteorder == "little":
        codes.byteswap()
    rest = {_code(src[0]): _utf16(dst[0]) for src, dst in pairs if not (len(src[0]) == 4 and len(dst[0]) == 4)}
    if not rest.keys().isdisjoint(codes):
        return False  # a code in both kinds of pair: the later one wins, in file order
    out.update(zip(codes, text))
    out.update(rest)
    return True

"""A small ToUnicode CMap parser: bfchar and bfrange, with the code's byte width."""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array

# Every clean document's fonts are read through here, so each section is taken by one regex
# and its hex strings decoded in bulk, not token by token. The section's body is the shortest
# run up to its "end": spelled out, as `.*?` tried "end" at every byte, 8 times slower.
_SECTION = re.compile(rb"begin(bf(?:char|range))([^e]*(?:e(?!nd\1)[^e]*)*)end\1")
_ITEM = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[([^\]]*)\]")
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_SPACE = re.compile(rb"\s")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WHITE = b" \t\n\r\f\v"  # what \s matches in bytes


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
        body = section.group(2)
        if section.group(1) == b"bfchar" and (_plain_pairs(body, out) or (
                b"[" not in body and _bulk_pairs(_HEX.findall(body), out))):
            continue
        items = _ITEM.findall(body)
        if section.group(1) == b"bfchar":
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


def _plain_pairs(body: bytes, out: dict[int, str]) -> bool:
    """The usual bfchar section, "<code> <text>" pairs with 2- or 4-digit codes and one UTF-16
    unit per text, read in one go: whitespace dropped, the bracket positions checked, the hex
    decoded at once. False (nothing added) for any other section."""
    packed = body.translate(None, _WHITE)
    n = packed.count(b"<") // 2
    if not n or packed.count(b"<") != 2 * n or packed.count(b">") != 2 * n:
        return False  # none, or a bracket where a digit should be
    for width in (4, 2):
        step = width + 8  # "<", the code, "><", the text's 4 digits, ">"
        if (len(packed) == n * step and packed[0::step] == packed[width + 2::step] == b"<" * n
                and packed[width + 1::step] == packed[step - 1::step] == b">" * n):
            break
    else:
        return False
    try:  # anything else than hex digits left (a "[" or a dictionary) fails here
        raw = bytes.fromhex(packed.translate(None, b"<>").decode("ascii"))
    except ValueError:
        return False
    step = width // 2 + 2  # bytes per pair
    units = bytearray(2 * n)
    units[0::2], units[1::2] = raw[step - 2::step], raw[step - 1::step]
    text = units.decode("utf-16-be", "surrogatepass")
    if len(text) != n or _SURROGATE.search(text):
        return False  # decoded one by one, a lone surrogate as U+FFFD
    codes: bytes | array[int] = raw[0::3]
    if width == 4:
        pairs = bytearray(2 * n)
        pairs[0::2], pairs[1::2] = raw[0::4], raw[1::4]
        codes = array("H", pairs)
        if sys.byteorder == "little":
            codes.byteswap()
    out.update(zip(codes, text))
    return True


def _bulk_pairs(hexes: list[bytes], out: dict[int, str]) -> bool:
    """A bfchar section whose codes all have one width, 1 or 2 bytes: codes and the usual
    one-character texts decoded in bulk, other texts one by one, added in file order (a later
    pair wins). False (nothing added) for any other section."""
    srcs, dsts = hexes[0::2], hexes[1::2]
    widths = set(map(len, srcs))
    if len(hexes) % 2 or len(widths) != 1 or not widths <= {2, 4}:
        return False
    single = set(map(len, dsts)) == {4}
    try:
        raw = bytes.fromhex(b"".join(srcs).decode("ascii"))
        plain = bytes.fromhex(b"".join(dsts if single else [d for d in dsts if len(d) == 4]).decode("ascii"))
        text = plain.decode("utf-16-be", "surrogatepass")
    except ValueError:
        return False
    if len(raw) * 2 != sum(map(len, srcs)) or _SURROGATE.search(text):
        return False  # whitespace inside a code, or surrogates: decoded one by one
    codes: bytes | array[int] = raw
    if widths == {4}:
        codes = array("H", raw)
        if sys.byteorder == "little":
            codes.byteswap()
    if single:
        out.update(zip(codes, text))
    else:
        one = iter(text)
        out.update(zip(codes, [next(one) if len(d) == 4 else _utf16(d) for d in dsts]))
    return True


def canonical(tu: dict[int, str]) -> dict[int, str]:
    """The map's texts in canonical order: PDFium may show a glyph's marks in either order."""
    # a NUL composes with nothing, so the texts joined by it are normalized when each one is
    if unicodedata.is_normalized("NFC", "\0".join(tu.values())):
        return tu
    return {c: unicodedata.normalize("NFC", t) for c, t in tu.items()}

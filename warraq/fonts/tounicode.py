"""A small ToUnicode CMap parser: bfchar and bfrange, with the code's byte width."""

from __future__ import annotations

import re

_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[|\]|(begin|end)(bfchar|bfrange|codespacerange)")


def _utf16(hexstr: bytes) -> str:
    raw = bytes.fromhex(re.sub(rb"\s", b"", hexstr).decode("ascii"))
    if len(raw) % 2:
        raw = b"\x00" + raw
    return raw.decode("utf-16-be", "replace")


def _code(hexstr: bytes) -> tuple[int, int]:
    h = re.sub(rb"\s", b"", hexstr)
    return int(h or b"0", 16), max(len(h) // 2, 1)


def parse_tounicode(data: bytes) -> dict[int, str]:
    """Code -> text. bfrange with one destination increments its last UTF-16 unit (PDF 9.10.3)."""
    out: dict[int, str] = {}
    section = None
    buf: list[object] = []
    in_array = False
    array: list[str] = []
    for m in _TOKEN.finditer(data):
        tok = m.group(0)
        if m.group(2):
            section = m.group(3).decode() if m.group(2) == b"begin" else None
            buf = []
            continue
        if section not in ("bfchar", "bfrange"):
            continue
        if tok == b"[":
            in_array, array = True, []
            continue
        if tok == b"]":
            in_array = False
            buf.append(list(array))
        elif in_array:
            array.append(_utf16(m.group(1)))
            continue
        else:
            buf.append(m.group(1))
        if section == "bfchar" and len(buf) == 2:
            out[_code(buf[0])[0]] = _utf16(buf[1])  # type: ignore[arg-type]
            buf = []
        elif section == "bfrange" and len(buf) == 3:
            _add_range(out, buf)
            buf = []
    return out


def _add_range(out: dict[int, str], buf: list[object]) -> None:
    lo, hi = _code(buf[0])[0], _code(buf[1])[0]  # type: ignore[arg-type]
    if hi < lo or hi - lo > 0xFFFF:
        return
    dst = buf[2]
    if isinstance(dst, list):
        for i, text in enumerate(dst[: hi - lo + 1]):
            out[lo + i] = text
        return
    base = _utf16(dst)  # type: ignore[arg-type]
    if not base:
        return
    for i in range(hi - lo + 1):
        out[lo + i] = base[:-1] + chr(min(ord(base[-1]) + i, 0x10FFFF))

"""The embedded font program of a PDF font, and the chain char code -> glyph id."""

from __future__ import annotations

import hashlib
import io
import logging
import struct
import zlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pikepdf
from fontTools import agl
from fontTools.encodings.MacRoman import MacRoman
from fontTools.encodings.StandardEncoding import StandardEncoding
from fontTools.ttLib import TTFont

from warraq.fonts.glyf import RawGlyf
from warraq.fonts.gsub import Rule, gsub_rules
from warraq.fonts.sfnt import SfntFacts

logging.getLogger("fontTools").setLevel(logging.ERROR)  # embedded subsets' tables are often sloppy


def _winansi(code: int) -> str:
    ch = bytes([code]).decode("cp1252", "replace")
    if code == 0x20:
        return "space"
    return agl.UV2AGL.get(ord(ch), "") if ch != "\ufffd" else ""


_BASE = {
    "/WinAnsiEncoding": [_winansi(c) for c in range(256)],
    "/MacRomanEncoding": list(MacRoman),
    "/StandardEncoding": list(StandardEncoding),
}


class FontProgram:
    """Glyph order, cmap, GSUB and outlines of one font program (TrueType/OpenType or bare CFF)."""

    def __init__(self, glyph_order: list[str], cmap: dict[int, str], upem: int,
                 glyphset: Any, tt: TTFont | None = None,
                 builtin_encoding: dict[int, str] | None = None, named: bool = True) -> None:
        self.glyph_order = glyph_order
        self.gid_of: Mapping[str, int] = (dict(zip(glyph_order, range(len(glyph_order)))) if named
                                          else _PlaceholderIds(len(glyph_order)))
        self.cmap = cmap  # unicode -> glyph name
        self.upem = upem or 1000
        self._glyphset = glyphset
        self._gsub: list[Rule] | None = None
        self.tt = tt
        self.builtin_encoding = builtin_encoding or {}
        self.signatures: dict[int, str | None] = {}  # CFF outline hashes (fonts/outline.py)
        self.named = named  # False: glyph names are placeholders, nothing to read from them
        self._raw_glyf: RawGlyf | None | bool = False  # False: not read yet

    @property
    def glyphset(self) -> Any:
        """Outlines, decompiled on first use."""
        if self._glyphset is None and self.tt is not None:
            self._glyphset = self.tt.getGlyphSet()
        return self._glyphset

    @property
    def raw_glyf(self) -> RawGlyf | None:
        """The TrueType outlines as bytes (None for CFF), read on first use."""
        if self._raw_glyf is False:
            self._raw_glyf = RawGlyf.of(self.tt) if self.tt is not None else None
        return self._raw_glyf if isinstance(self._raw_glyf, RawGlyf) else None

    def advance(self, gid: int) -> float:
        """A glyph's advance width in font units (hmtx read raw: decoding it costs more)."""
        if self.tt is None:
            return float(self.glyphset[self.glyph_order[gid]].width)
        metrics = int(self.tt["hhea"].numberOfHMetrics)
        raw = self.tt.reader["hmtx"]
        (width,) = struct.unpack_from(">H", raw, 4 * min(gid, metrics - 1))
        return float(width)

    @property
    def gsub(self) -> list[Rule]:
        """GSUB's substitutions in glyph ids (fonts/gsub.py), read on first use."""
        if self._gsub is None:
            self._gsub = []
            if self.tt is not None and "GSUB" in self.tt:
                try:
                    self._gsub = gsub_rules(self.tt.reader["GSUB"])
                except Exception:  # a table the directory lists but the file does not hold
                    pass
        return self._gsub

    @classmethod
    def from_ttfont(cls, tt: TTFont) -> FontProgram:
        named = _named(tt)
        try:
            cmap = dict(tt.getBestCmap() or {})
        except Exception:
            cmap = {}
        upem = tt["head"].unitsPerEm if "head" in tt else 1000
        return cls(tt.getGlyphOrder(), cmap, upem, None, tt, named=named)

    @classmethod
    def from_cff(cls, data: bytes) -> FontProgram:
        # imported here: most PDFs embed only TrueType, and cffLib (with the OpenType tables it
        # pulls in) takes a tenth of a second to import
        from fontTools.cffLib import CFFFontSet

        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
        top = cff[cff.fontNames[0]]
        order = list(top.charset)
        enc: dict[int, str] = {}
        raw_enc = getattr(top, "Encoding", None)
        if isinstance(raw_enc, list):
            enc = {i: n for i, n in enumerate(raw_enc) if n and n != ".notdef"}
        elif raw_enc == "StandardEncoding":
            enc = {i: n for i, n in enumerate(StandardEncoding) if n != ".notdef"}
        fm = getattr(top, "FontMatrix", [0.001])
        upem = round(1 / fm[0]) if fm and fm[0] else 1000
        return cls(order, {}, upem, top.CharStrings, None, enc)

    def draw(self, gid: int, pen: Any) -> bool:
        """Draw glyph `gid` into a fontTools pen; False when there is no such glyph."""
        if not 0 <= gid < len(self.glyph_order):
            return False
        name = self.glyph_order[gid]
        try:
            self.glyphset[name].draw(pen)
        except Exception:
            return False
        return True


def _named(tt: TTFont) -> bool:
    """Does a TrueType font carry glyph names? Without them (no 'post' names, as in most
    subsets) fontTools would make up names from the cmap, a cost for names that say no more
    than the cmap itself: placeholders are set instead."""
    try:
        if "glyf" not in tt or ("post" in tt and tt["post"].formatType != 3.0):
            return True
        count = tt["maxp"].numGlyphs
    except Exception:  # a damaged table: let fontTools decide
        return True
    tt.setGlyphOrder(_placeholders(count))
    return False


_PLACEHOLDERS = [".notdef"]


def _placeholders(count: int) -> list[str]:
    """".notdef", "glyph00001", ...: made once per process, copied per font."""
    _PLACEHOLDERS.extend(f"glyph{g:05d}" for g in range(len(_PLACEHOLDERS), count))
    return _PLACEHOLDERS[:count]


class _PlaceholderIds(Mapping[str, int]):
    """Glyph id by placeholder name, read from the name: a table of every glyph costs more
    than the page a retained-gid subset (thousands of glyphs, a few used) is on."""

    def __init__(self, count: int) -> None:
        self._count = count
        _placeholders(count)

    def __getitem__(self, name: str) -> int:
        digits = name[5:] if isinstance(name, str) and name[:5] == "glyph" else ""
        gid = 0 if name == ".notdef" else int(digits) if digits.isdigit() else -1
        if 0 <= gid < self._count and _PLACEHOLDERS[gid] == name:
            return gid
        raise KeyError(name)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return iter(_PLACEHOLDERS[: self._count])


def load_program(font: pikepdf.Dictionary) -> FontProgram | None:
    """The embedded program of a simple font or of a Type0 font's descendant, or None."""
    desc = _descendant(font)
    fd = desc.get("/FontDescriptor")
    if not isinstance(fd, pikepdf.Dictionary):
        return None
    for key in ("/FontFile2", "/FontFile3"):
        stream = fd.get(key)
        if not isinstance(stream, pikepdf.Stream):
            continue
        try:
            data = stream.read_bytes()
        except Exception:
            return None
        return program_from_bytes(data, key == "/FontFile3" and stream.get("/Subtype") in ("/Type1C", "/CIDFontType0C"))
    return None


def program_from_bytes(data: bytes, bare_cff: bool = False) -> FontProgram | None:
    """A font program from its bytes: TrueType/OpenType, or a bare CFF (`bare_cff`)."""
    try:
        if bare_cff:
            return FontProgram.from_cff(data)
        return FontProgram.from_ttfont(TTFont(io.BytesIO(data), lazy=True, fontNumber=0))
    except Exception:
        return None


def program_hash(font: pikepdf.Dictionary) -> str | None:
    """sha1 of the embedded font program as PDFium's FPDFFont_GetFontData returns it (decoded)."""
    fd = _descendant(font).get("/FontDescriptor")
    if not isinstance(fd, pikepdf.Dictionary):
        return None
    for key in ("/FontFile2", "/FontFile3", "/FontFile"):
        stream = fd.get(key)
        if isinstance(stream, pikepdf.Stream):
            try:
                return hashlib.sha1(stream.read_bytes()).hexdigest()
            except Exception:
                return None
    return None


def _descendant(font: pikepdf.Dictionary) -> pikepdf.Dictionary:
    kids = font.get("/DescendantFonts") if "/DescendantFonts" in font else None
    if isinstance(kids, pikepdf.Array) and len(kids) and isinstance(kids[0], pikepdf.Dictionary):
        return kids[0]
    return font


def encoding_names(font: pikepdf.Dictionary, prog: FontProgram | None) -> dict[int, str]:
    """Code -> glyph name of a simple font: /Differences over the base encoding over the builtin one."""
    names: dict[int, str] = dict(prog.builtin_encoding) if prog is not None else {}
    enc = font.get("/Encoding")
    fd = font.get("/FontDescriptor")
    symbolic = isinstance(fd, pikepdf.Dictionary) and int(fd.get("/Flags", 0)) & 4
    if enc is None and symbolic and font.get("/Subtype") == "/TrueType":
        return {}  # codes select glyphs through the font's own (3,0)/(1,0) cmap
    base = enc if isinstance(enc, pikepdf.Name) else (enc.get("/BaseEncoding") if enc is not None else None)
    if base is not None and str(base) in _BASE:
        names.update({c: n for c, n in enumerate(_BASE[str(base)]) if n and n != ".notdef"})
    elif not names and font.get("/Subtype") != "/Type3":
        names.update({c: n for c, n in enumerate(StandardEncoding) if n != ".notdef"})
    names.update(differences(font))
    return names


def differences(font: pikepdf.Dictionary) -> dict[int, str]:
    """Code -> glyph name of the /Encoding /Differences array alone."""
    enc = font.get("/Encoding")
    out: dict[int, str] = {}
    if isinstance(enc, pikepdf.Dictionary):
        code = 0
        for item in enc.get("/Differences", []):
            if isinstance(item, int):
                code = int(item)
            elif isinstance(item, pikepdf.Name):
                out[code] = str(item)[1:]
                code += 1
    return out


def code_to_gid_fn(font: pikepdf.Dictionary, prog: FontProgram | None,
                   num_glyphs: int | None = None, facts: SfntFacts | None = None) -> Callable[[int], int | None]:
    """A function giving the glyph id of a char code, following the PDF's rules per font type.
    A Type0 TrueType font needs only its glyph count (`num_glyphs`, without `prog`); a simple
    TrueType font without glyph names only its raw cmaps (`facts`, without `prog`)."""
    sub = font.get("/Subtype")
    if sub == "/Type0":
        return _cid_chain(font, prog, num_glyphs)
    names = encoding_names(font, prog)
    if facts is not None and facts.symbol is not None and not facts.named:
        n = facts.num_glyphs
        uni = facts.cmap
        return _simple_truetype({c: g if g < n else None for c, g in facts.symbol.items()}, names,
                                _PlaceholderIds(n), lambda u: g if (g := uni.get(u)) is not None and g < n else None)
    if prog is None:
        return lambda code: None
    if prog.tt is not None:
        by_name = prog.gid_of
        return _simple_truetype({c: by_name.get(g) for c, g in _symbol_cmap(prog.tt).items()}, names, by_name,
                                lambda u: by_name.get(prog.cmap[u]) if u in prog.cmap else None)
    return lambda code: prog.gid_of.get(names.get(code, ""))


def _simple_truetype(symbol: Mapping[int, int | None], names: dict[int, str], by_name: Mapping[str, int],
                     by_unicode: Callable[[int], int | None]) -> Callable[[int], int | None]:
    """A simple TrueType font's code -> glyph id: its (3,0)/(1,0) cmap by code, else the code's
    encoding name, as a glyph name or through the Unicode cmap."""

    def tt_gid(code: int) -> int | None:
        for c in (code, 0xF000 + code):
            if c in symbol:
                return symbol[c]
        name = names.get(code)
        if name is not None and name in by_name:
            return by_name[name]
        uni = agl.toUnicode(name or "")
        return by_unicode(ord(uni)) if len(uni) == 1 else None

    return tt_gid


def _symbol_cmap(tt: TTFont) -> dict[int, str]:
    out: dict[int, str] = {}
    if "cmap" not in tt:
        return out
    for t in tt["cmap"].tables:
        if (t.platformID, t.platEncID) in ((3, 0), (1, 0)):
            out.update(t.cmap)
    return out


def _cid_chain(font: pikepdf.Dictionary, prog: FontProgram | None,
               num_glyphs: int | None) -> Callable[[int], int | None]:
    """Type0: code -> CID (Identity-H/V only) -> GID (CIDToGIDMap, or the CFF charset)."""
    enc = font.get("/Encoding")
    if not (isinstance(enc, pikepdf.Name) and str(enc) in ("/Identity-H", "/Identity-V")):
        return lambda code: None  # a predefined CMap: code != CID; not handled
    if prog is None and num_glyphs is None:
        return lambda code: None
    desc = _descendant(font)
    c2g = desc.get("/CIDToGIDMap")
    if isinstance(c2g, pikepdf.Stream):
        try:
            table = Inflating(c2g)
        except Exception:  # an undecodable map: no glyph ids
            return lambda code: None

        held = [b""]  # what is inflated so far: asked for every code of the ToUnicode

        def by_map(cid: int) -> int | None:
            at = 2 * cid
            data = held[0]
            if len(data) < at + 2:
                data = held[0] = table.upto(at + 2)
            return data[at] << 8 | data[at + 1] if len(data) >= at + 2 else None

        return by_map
    if prog is not None and prog.tt is None and prog.glyph_order and prog.glyph_order[-1].startswith("cid"):
        by_cid = {int(n[3:]): g for g, n in enumerate(prog.glyph_order) if n[3:].isdigit()}
        return by_cid.get
    n = num_glyphs if num_glyphs is not None else len(prog.glyph_order) if prog is not None else 0
    return lambda cid: cid if cid < n else None


def truetype_data(font: pikepdf.Dictionary) -> Inflating | None:
    """The embedded TrueType program of a Type0 or simple font (None for CFF, or none embedded)."""
    fd = _descendant(font).get("/FontDescriptor")
    stream = fd.get("/FontFile2") if isinstance(fd, pikepdf.Dictionary) else None
    if not isinstance(stream, pikepdf.Stream):
        return None
    try:
        return Inflating(stream)
    except Exception:  # an undecodable stream: no program
        return None


class Inflating:
    """A stream decompressed only as far as it is read.

    A clean font's diagnosis reads the table directory, cmap and maxp of its program, which
    writers put before the outlines, a few per cent of it; fpdf2's CIDToGIDMap is 128 KB of
    which the few hundred CIDs in use take the first bytes. The rest is inflated only when a
    glyph's text must be recovered. Streams other than plain Flate are decoded whole by qpdf.
    """

    _STEP = 4096  # bytes of output inflated at least per step: 16 KB was more than most reads need

    def __init__(self, stream: pikepdf.Stream) -> None:
        filters = stream.get("/Filter")
        flate = filters == "/FlateDecode" or (isinstance(filters, pikepdf.Array) and len(filters) == 1
                                              and filters[0] == "/FlateDecode")
        self._data = b""
        self.failed = False
        if flate and "/DecodeParms" not in stream:  # get() of a missing key costs a C++ exception
            self._tail = stream.read_raw_bytes()
            self._z: Any = zlib.decompressobj()
            self.upto(1)
            if not self.failed:
                return
            self.failed = False  # qpdf is more forgiving of a damaged stream than zlib
        self._z = None
        self._data = stream.read_bytes()

    def upto(self, size: int) -> bytes:
        """The first `size` bytes at least (fewer only if the stream is shorter)."""
        z = self._z
        if z is None or len(self._data) >= size:
            return self._data
        parts, have = [self._data], len(self._data)
        while have < size and self._tail:
            try:
                part = z.decompress(self._tail, max(size - have, self._STEP))
            except zlib.error:
                self.failed = True
                break
            # bytes after the end of the zlib data stay "unconsumed" forever: they are not the font's
            self._tail = z.unconsumed_tail if not z.eof else b""
            parts.append(part)
            have += len(part)
        if not self._tail:
            if not self.failed:
                parts.append(z.flush())
                self.failed = not z.eof  # a truncated stream
            self._z = None
        self._data = b"".join(parts)
        return self._data

    def full(self) -> bytes | None:
        """The whole stream, None if it does not inflate."""
        data = self.upto(1 << 62)
        return None if self.failed else data

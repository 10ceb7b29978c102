"""Embedded font programs: diagnose each PDF font's mapping, recover the text of its glyphs.

Usage by the engine: ``doctor = FontDoctor(pdf)``; per page ``fonts = doctor.fonts_for_page(i)``
(keys are BaseFont names as PDFium reports them, subset tag included); for every char of a font
with ``fonts[name].suspect``, ``fonts[name].resolve(text, map_error, shape)`` gives a ``Recovered``
or None (``shape``, optional, returns the drawn char's box; see fonts/shapes.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf

from warraq.fonts.doctor import FontRecovery
from warraq.fonts.outline import ReferenceIndex
from warraq.fonts.recovered import UNMAPPED, Recovered
from warraq.fonts.shown import bad_char

if TYPE_CHECKING:
    from warraq.ocr import OcrEngine

__all__ = ["UNMAPPED", "FontDoctor", "FontRecovery", "Recovered", "ReferenceIndex", "bad_char"]

_SHARED_INDEX: dict[tuple[Path, ...], ReferenceIndex] = {}


class FontDoctor:
    """Per-document cache: inspects a pikepdf.Pdf's fonts once, lazily, per page."""

    def __init__(self, pdf: pikepdf.Pdf, font_dirs: Sequence[Path] = (), ocr: OcrEngine | None = None) -> None:
        self.pdf = pdf
        self.ocr = ocr
        key = tuple(Path(d) for d in font_dirs)
        # one reference index per process and font-dir set: its tables are shared by documents
        self.index = _SHARED_INDEX.setdefault(key, ReferenceIndex(key))
        self._fonts: dict[tuple[int, int], FontRecovery] = {}
        self._pages: dict[int, dict[str, FontRecovery]] = {}
        self._groups: dict[int, dict[str, list[FontRecovery]]] = {}

    def fonts_for_page(self, page_index: int) -> dict[str, FontRecovery]:
        """BaseFont (as PDFium reports it) -> FontRecovery, for the page and its Form XObjects."""
        hit = self._pages.get(page_index)
        if hit is not None:
            return hit
        out: dict[str, FontRecovery] = {}
        group: dict[str, list[FontRecovery]] = {}
        page = self.pdf.pages[page_index]
        node: object = page.obj
        res = None
        for _ in range(32):  # /Resources may be inherited from the page tree
            if not isinstance(node, pikepdf.Dictionary):
                break
            res = node.get("/Resources")
            if res is not None:
                break
            node = node.get("/Parent")
        for font in _walk_fonts(res, set()):
            rec = self._recovery(font)
            if rec not in group.setdefault(rec.name, []):
                group[rec.name].append(rec)
            prev = out.get(rec.name)
            if prev is None or (rec.suspect and not prev.suspect):
                out[rec.name] = rec  # two dicts with one name: the suspect one needs the fixing
        self._pages[page_index] = out
        self._groups[page_index] = group
        return out

    def font_for(self, page_index: int, name: str,
                 program: Callable[[], bytes | None] | None = None) -> FontRecovery | None:
        """The font PDFium calls `name` on this page; `program` (giving FPDFFont_GetFontData's
        bytes, asked only then: they are a copy of the whole font) picks among several font
        dictionaries with one name (fpdf2 tags every subset MPDFAA+, PDFium drops the tag of
        simple fonts), which fonts_for_page cannot tell apart."""
        self.fonts_for_page(page_index)
        members = self._groups[page_index].get(name) or self._groups[page_index].get(name.split("+", 1)[-1], [])
        data = program() if len(members) > 1 and program is not None else None
        if data is not None:
            digest = hashlib.sha1(data).hexdigest()
            for rec in members:
                if rec.program_hash == digest:
                    return rec
        return members[0] if members else None

    def _recovery(self, font: pikepdf.Dictionary) -> FontRecovery:
        key = font.objgen if font.is_indirect else (id(font), -1)
        rec = self._fonts.get(key)
        if rec is None:
            name = str(font.get("/BaseFont", "/"))[1:] or str(font.get("/Name", "/"))[1:]
            if font.get("/Subtype") != "/Type0":
                name = name.split("+", 1)[-1]  # PDFium drops the subset tag of simple fonts only
            rec = FontRecovery(name, font, self.index, self.ocr)
            self._fonts[key] = rec
        return rec


def _walk_fonts(res: object, seen: set[tuple[int, int]]) -> list[pikepdf.Dictionary]:
    """Fonts of a resource dictionary, recursing into Form XObjects and Type3 resources."""
    if not isinstance(res, pikepdf.Dictionary):
        return []
    if res.is_indirect:
        if res.objgen in seen:
            return []
        seen.add(res.objgen)
    fonts: list[pikepdf.Dictionary] = []
    for font in (res.get("/Font") or {}).values():
        if isinstance(font, pikepdf.Dictionary):
            fonts.append(font)
            if font.get("/Subtype") == "/Type3":
                fonts += _walk_fonts(font.get("/Resources"), seen)
    xobjects = res.get("/XObject") if "/XObject" in res else None  # get() of a missing key throws in C++
    for xobj in (xobjects or {}).values():
        if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == "/Form":
            if xobj.is_indirect and xobj.objgen in seen:
                continue
            if xobj.is_indirect:
                seen.add(xobj.objgen)
            fonts += _walk_fonts(xobj.get("/Resources"), seen)
    return fonts

"""The logical structure of a tagged page: the order of its marked content.

A tagged PDF lists its content in reading order in the structure tree (StructTreeRoot): each
element points at marked-content sequences of a page by MCID, depth first in reading order.
That order is the producer's own statement of how the page reads (story threading in InDesign,
the DOM in Chromium, the document in Word), so it outranks any order found from geometry.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from warraq.pdf.glyphs import Glyph
from warraq.pdf.pdfium import text_object

_MAX_ELEMENTS = 200_000  # a malformed tree (a cycle) must not hang a page


def mcid_ranks(page: Any) -> dict[int, int]:
    """MCID -> its position in the page's structure tree, depth first (empty when untagged)."""
    raw = getattr(page, "raw", page)
    tree = pdfium_c.FPDF_StructTree_GetForPage(raw)
    if not tree:
        return {}
    ranks: dict[int, int] = {}
    try:
        stack = [pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, k)
                 for k in reversed(range(pdfium_c.FPDF_StructTree_CountChildren(tree)))]
        seen = 0
        while stack and seen < _MAX_ELEMENTS:
            element = stack.pop()
            if not element:
                continue
            seen += 1
            for k in range(pdfium_c.FPDF_StructElement_GetMarkedContentIdCount(element)):
                ranks.setdefault(pdfium_c.FPDF_StructElement_GetMarkedContentIdAtIndex(element, k), len(ranks))
            children = []
            for k in range(pdfium_c.FPDF_StructElement_CountChildren(element)):
                child = pdfium_c.FPDF_StructElement_GetChildAtIndex(element, k)
                if child:
                    children.append(child)
                else:  # a marked-content reference, in its place among the children
                    mcid = pdfium_c.FPDF_StructElement_GetChildMarkedContentID(element, k)
                    if mcid >= 0:
                        ranks.setdefault(mcid, len(ranks))
            stack.extend(reversed(children))
    finally:
        pdfium_c.FPDF_StructTree_Close(tree)
    ranks.pop(-1, None)
    return ranks


def glyph_ranks(page: Any, textpage: Any, glyphs: list[Glyph]) -> dict[int, int]:
    """id(glyph) -> structure rank of the marked content it is drawn in, for tagged pages."""
    ranks = mcid_ranks(page)
    if not ranks:
        return {}
    raw = textpage.raw
    by_object: dict[int, int] = {}
    out: dict[int, int] = {}
    for g in glyphs:
        obj = text_object(raw, g.index) or 0
        if not obj:
            continue
        if obj not in by_object:
            handle = ctypes.cast(ctypes.c_void_p(obj), pdfium_c.FPDF_PAGEOBJECT)
            by_object[obj] = pdfium_c.FPDFPageObj_GetMarkedContentID(handle)
        rank = ranks.get(by_object[obj])
        if rank is not None:
            out[id(g)] = rank
    return out

"""Spike: the cost floor of the two candidate glyph backends on the same pages (docs/backend-spike.md).

(a) our own interpreter over pikepdf: only tokenising the content streams and walking the text
    operators, before any font decoding or geometry -- a lower bound for that design;
(b) PDFium's text page through pypdfium2 plus the per-character calls warraq makes.
"""

from __future__ import annotations

import ctypes
import sys
import time

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as c

TEXT_OPS = {"Tj", "TJ", "'", '"', "Tf", "Td", "TD", "Tm", "T*", "BT", "ET", "cm", "q", "Q", "Do"}


def spike_a(path: str) -> tuple[float, int]:
    t = time.perf_counter()
    ops = 0
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) in TEXT_OPS:
                    ops += 1
                    for o in operands:  # touch the operands as an interpreter must
                        if isinstance(o, pikepdf.Array):
                            for item in o:
                                _ = bytes(item) if isinstance(item, pikepdf.String) else float(item)
    return time.perf_counter() - t, ops


def spike_b(path: str, per_char: bool) -> tuple[float, int]:
    t = time.perf_counter()
    chars = 0
    doc = pdfium.PdfDocument(path)
    rect = c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        n = tp.count_chars()
        chars += n
        if per_char:
            raw = tp.raw
            for j in range(n):
                c.FPDFText_GetUnicode(raw, j)
                c.FPDFText_GetLooseCharBox(raw, j, rect)
                c.FPDFText_GetCharOrigin(raw, j, x, y)
                c.FPDFText_GetTextObject(raw, j)
        else:
            tp.get_text_range()
        tp.close()
        page.close()
    doc.close()
    return time.perf_counter() - t, chars


if __name__ == "__main__":
    for path in sys.argv[1:]:
        ta, ops = spike_a(path)
        tb0, n = spike_b(path, per_char=False)
        tb1, _ = spike_b(path, per_char=True)
        print(f"{path}: (a) tokenise+walk {ta:.3f}s ({ops} text ops); "
              f"(b) pdfium get_text_range {tb0:.3f}s, + per-char calls {tb1:.3f}s ({n} chars)")

"""PDFium functions bound for speed: the per-character and per-object calls of a page.

pypdfium2's bindings convert every argument, which costs about twice the call itself; these take
c_void_p handles, C ints and byref() pointers as they are. They also keep the GIL: releasing and
taking it back around each of a page's thousands of short getters (none calls back into Python)
cost a fifth of each call.
"""

from __future__ import annotations

import ctypes
from typing import Any, cast

import pypdfium2.raw as pdfium_c


def _lean(fn: Any, restype: Any, argtypes: list[Any] | None = None) -> Any:
    """A PDFium function bound without pypdfium2's argument conversion, which costs twice the call
    itself, and called with the GIL held; it takes a c_void_p handle, C ints and byref() pointers
    (`argtypes` for the others)."""
    address = cast(int, ctypes.cast(fn, ctypes.c_void_p).value)  # a bound symbol: never null
    f: Any = ctypes.PYFUNCTYPE(restype)(address)
    f.restype = restype
    f.argtypes = argtypes
    return f


count_chars = _lean(pdfium_c.FPDFText_CountChars, ctypes.c_int)
get_unicode = _lean(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
is_generated = _lean(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
map_error = _lean(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.c_int)
loose_box = _lean(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
char_origin = _lean(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
char_box = _lean(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
text_object = _lean(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)  # a plain address: identity checks
font_size = _lean(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
char_matrix = _lean(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
object_font = _lean(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p, [ctypes.c_void_p])
render_mode = _lean(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int, [ctypes.c_void_p])
count_marks = _lean(pdfium_c.FPDFPageObj_CountMarks, ctypes.c_int, [ctypes.c_void_p])
page_object = _lean(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
get_mark = _lean(pdfium_c.FPDFPageObj_GetMark, ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_ulong])
mark_name = _lean(pdfium_c.FPDFPageObjMark_GetName, ctypes.c_int,
                  [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p])
clip_path = _lean(pdfium_c.FPDFPageObj_GetClipPath, ctypes.c_void_p, [ctypes.c_void_p])
count_clip_paths = _lean(pdfium_c.FPDFClipPath_CountPaths, ctypes.c_int, [ctypes.c_void_p])
count_clip_segments = _lean(pdfium_c.FPDFClipPath_CountPathSegments, ctypes.c_int,
                            [ctypes.c_void_p, ctypes.c_int])
clip_segment = _lean(pdfium_c.FPDFClipPath_GetPathSegment, ctypes.c_void_p,
                     [ctypes.c_void_p, ctypes.c_int, ctypes.c_int])
segment_point = _lean(pdfium_c.FPDFPathSegment_GetPoint, ctypes.c_int,
                      [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p])
object_type = _lean(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, [ctypes.c_void_p])
object_bounds = _lean(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, [ctypes.c_void_p] * 5)
object_matrix = _lean(pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p])
mark_string = _lean(pdfium_c.FPDFPageObjMark_GetParamStringValue, ctypes.c_int,
                    [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p])
count_objects = _lean(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)
path_draw_mode = _lean(pdfium_c.FPDFPath_GetDrawMode, ctypes.c_int, [ctypes.c_void_p] * 3)
count_path_segments = _lean(pdfium_c.FPDFPath_CountSegments, ctypes.c_int, [ctypes.c_void_p])
path_segment = _lean(pdfium_c.FPDFPath_GetPathSegment, ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_int])
segment_type = _lean(pdfium_c.FPDFPathSegment_GetType, ctypes.c_int, [ctypes.c_void_p])

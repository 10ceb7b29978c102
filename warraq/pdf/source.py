"""Opening a PDF: PDFium for text and rendering, pikepdf (lazily) for font dictionaries.

Every way a file can fail to open is turned into one WarraqError with a one-line message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from warraq.errors import EmptyDocumentError, NotAPdfError, PasswordError
from warraq.pdf import pdfium as pf

# PDFium's FPDF_GetLastError codes.
_ERR_FILE, _ERR_FORMAT, _ERR_PASSWORD, _ERR_SECURITY = 2, 3, 4, 5


def open_pdfium(path: str | Path, password: str | None) -> pdfium.PdfDocument:
    """Open with PDFium, mapping its failures to warraq errors."""
    p = Path(path)
    if not p.is_file():
        raise NotAPdfError(f"{p}: no such file")
    with p.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise NotAPdfError(f"{p}: not a PDF (no %PDF- header)")
    try:
        doc = pdfium.PdfDocument(str(p), password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if _page_count(p, password) == 0:  # PDFium refuses a page tree with no pages
            raise EmptyDocumentError(f"{p}: the PDF has no pages") from None
        if code == _ERR_PASSWORD:
            if password:
                raise PasswordError(f"{p}: wrong password") from None
            raise PasswordError(f"{p}: encrypted; give --password") from None
        if code == _ERR_SECURITY:
            raise PasswordError(f"{p}: unsupported encryption") from None
        raise NotAPdfError(f"{p}: damaged PDF that cannot be read ({_reason(exc)})") from None
    if len(doc) == 0:
        doc.close()
        raise EmptyDocumentError(f"{p}: the PDF has no pages")
    return doc


def _page_count(path: Path, password: str | None) -> int | None:
    pdf = open_pikepdf(path, password)
    if pdf is None:
        return None
    with pdf:
        return len(pdf.pages)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text else exc.__class__.__name__


def open_pikepdf(path: str | Path, password: str | None) -> Any | None:
    """Open with pikepdf for font inspection; None if qpdf cannot (PDFium could)."""
    try:
        import pikepdf

        # FontDoctor looks up inherited /Resources itself: qpdf's copying of every inherited
        # attribute into every page took 40 % of the open
        return pikepdf.open(str(path), password=password or "", inherit_page_attributes=False)
    except Exception:  # font recovery is optional evidence: its absence is not an error
        return None


def metadata(doc: pdfium.PdfDocument) -> dict[str, str]:
    """Producer, creator, title ... as strings."""
    try:
        meta = doc.get_metadata_dict(skip_empty=True)
    except Exception:
        return {}
    return {k.lower(): str(v) for k, v in meta.items()}


def load_page(doc: pdfium.PdfDocument, index: int) -> Any:
    """A page of an open document, or None where its objects are too damaged to load (the
    other pages still come out)."""
    try:
        return doc[index]
    except pdfium.PdfiumError:
        return None


BLANK_SEGMENTS = 40  # path segments a page without text may draw and still be blank (a frame, a few rules)


def draws_nothing(page: Any) -> bool:
    """Is a page blank: no text, image, shading or form object, and only a few path segments
    (text drawn as outlines takes hundreds)? Such a page has nothing to read, with or without OCR."""
    raw = getattr(page, "raw", page)
    segments = 0
    for k in range(pf.count_objects(raw)):
        obj = pf.page_object(raw, k)
        if pf.object_type(obj) != pdfium.raw.FPDF_PAGEOBJ_PATH:
            return False
        segments += max(pf.count_path_segments(obj), 0)
        if segments > BLANK_SEGMENTS:
            return False
    return True

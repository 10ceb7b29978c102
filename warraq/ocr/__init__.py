"""OCR behind an interface: Tesseract (Debian CLI) today, another engine later.

Tesseract's TSV lists the words of a line in an order that is neither visual nor reliably
logical for mixed lines (a Latin run can come first in an Arabic line), so lines are rebuilt
here from word boxes: visual order by x, then left-to-right runs put back inside right-to-left
lines (word-level bidi).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from PIL import Image

from warraq.arabic.chars import strong_direction
from warraq.errors import ExitCode, WarraqError

Mode = Literal["page", "line", "glyph"]
# psm 10 (one character) reads Arabic glyphs as digits; 8 (one word) does much better
_PSM = {"page": "3", "line": "7", "glyph": "8"}
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


class OcrUnavailableError(WarraqError):
    """The OCR engine, or its Arabic model, is not installed."""

    exit_code = ExitCode.PARTIAL


@dataclass(frozen=True)
class OcrWord:
    text: str
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom (image pixels, or points after ocr_page)
    confidence: float  # 0..1
    line_key: tuple[int, int, int] = (0, 0, 0)  # engine's (block, paragraph, line)


@dataclass
class OcrLine:
    words: list[OcrWord]  # logical order
    bbox: tuple[float, float, float, float]
    direction: Literal["rtl", "ltr"]
    confidence: float
    block: int = 0
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = " ".join(w.text for w in self.words)


class OcrEngine(Protocol):
    """Anything that turns an image into words with boxes and confidences."""

    def recognize(self, image: Image.Image, *, langs: str = "ara+eng", mode: Mode = "page") -> list[OcrWord]:
        ...


class TesseractEngine:
    """The `tesseract` command line program, TSV output, one process per image."""

    def __init__(self, binary: str = "tesseract", timeout: float = 120.0, dpi: int = 300) -> None:
        self.binary = binary
        self.timeout = timeout
        self.dpi = dpi
        self._checked: set[str] = set()

    def check(self, langs: str) -> None:
        """Raise OcrUnavailableError unless tesseract and every language model are installed."""
        if langs in self._checked:
            return
        exe = shutil.which(self.binary)
        if exe is None:
            raise OcrUnavailableError("OCR needs tesseract: apt install tesseract-ocr tesseract-ocr-ara")
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
        have = set((out.stdout + out.stderr).split())
        missing = [lang for lang in langs.split("+") if lang not in have]
        if missing:
            raise OcrUnavailableError(f"tesseract has no model for {', '.join(missing)}: "
                                      f"apt install {' '.join('tesseract-ocr-' + m for m in missing)}")
        self._checked.add(langs)

    def recognize(self, image: Image.Image, *, langs: str = "ara+eng", mode: Mode = "page") -> list[OcrWord]:
        self.check(langs)
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        cmd = [self.binary, "stdin", "stdout", "-l", langs, "--psm", _PSM[mode], "--dpi", str(self.dpi), "tsv"]
        try:
            out = subprocess.run(cmd, input=buf.getvalue(), capture_output=True, timeout=self.timeout, env=_ENV)
        except subprocess.TimeoutExpired as exc:
            raise OcrUnavailableError(f"tesseract took longer than {self.timeout:.0f} s") from exc
        if out.returncode != 0:
            raise OcrUnavailableError(f"tesseract failed: {out.stderr.decode('utf-8', 'replace').strip()[:200]}")
        return parse_tsv(out.stdout.decode("utf-8", "replace"))


# Tesseract's OpenMP threads fight over two cores (and with warraq's own page workers): one
# thread read a dense magazine page in 6 s where the default took 37 s
_ENV = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Words (level 5 rows with text) of Tesseract's TSV output."""
    words: list[OcrWord] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = _BIDI_CONTROLS.sub("", (row.get("text") or "")).strip()
        if row.get("level") != "5" or not text:
            continue
        x, y, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
        conf = max(float(row.get("conf") or 0), 0.0) / 100
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.append(OcrWord(text, (x, y, x + w, y + h), conf, key))
    return words


def logical_line(words: list[OcrWord]) -> tuple[list[OcrWord], Literal["rtl", "ltr"]]:
    """Words of one line in logical order, from their boxes (word-level bidi)."""
    dirs = [strong_direction(w.text) for w in words]
    rtl = sum(1 for d in dirs if d == "rtl")  # words, not letters: a URL must not flip a line
    ltr = sum(1 for d in dirs if d == "ltr")
    direction: Literal["rtl", "ltr"] = "rtl" if rtl >= ltr and rtl else "ltr"
    visual = sorted(words, key=lambda w: w.bbox[0], reverse=direction == "rtl")
    other = "ltr" if direction == "rtl" else "rtl"
    out: list[OcrWord] = []
    run: list[OcrWord] = []
    for w in visual:
        d = strong_direction(w.text)
        # numbers and neutrals stay inside a foreign run only when it goes on after them
        if d == other or (run and d is None and _is_number(w.text)):
            run.append(w)
            continue
        out += reversed(run)
        run = []
        out.append(w)
    out += reversed(run)
    return out, direction


def _is_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def group_lines(words: list[OcrWord]) -> list[OcrLine]:
    """Tesseract's lines, each in logical order, top to bottom."""
    by_key: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        by_key.setdefault(w.line_key, []).append(w)
    lines = []
    for key, ws in by_key.items():
        ordered, direction = logical_line(ws)
        box = (min(w.bbox[0] for w in ws), min(w.bbox[1] for w in ws),
               max(w.bbox[2] for w in ws), max(w.bbox[3] for w in ws))
        conf = sum(w.confidence * len(w.text) for w in ws) / max(sum(len(w.text) for w in ws), 1)
        lines.append(OcrLine(ordered, box, direction, round(conf, 3), key[0]))
    lines.sort(key=lambda ln: (ln.block, ln.bbox[1]))
    return lines


def render_page(pdf: Any, page_index: int, dpi: int = 300, password: str | None = None) -> Image.Image:
    """A grey-scale image of one page (path, pypdfium2 document or page)."""
    import pypdfium2 as pdfium

    if isinstance(pdf, pdfium.PdfPage):
        page = pdf
    else:
        doc = pdf if isinstance(pdf, pdfium.PdfDocument) else pdfium.PdfDocument(str(pdf), password=password)
        page = doc[page_index]
    image: Image.Image = page.render(scale=dpi / 72).to_pil().convert("L")
    return image


def ocr_page(pdf: Any, page_index: int = 0, dpi: int = 300, engine: OcrEngine | None = None,
             langs: str = "ara+eng", password: str | None = None) -> list[OcrLine]:
    """OCR one page: lines in reading order, boxes in PDF points (top-left origin)."""
    engine = engine or TesseractEngine(dpi=dpi)
    image = render_page(pdf, page_index, dpi, password)
    scale = 72 / dpi
    words = [OcrWord(w.text, tuple(v * scale for v in w.bbox), w.confidence, w.line_key)  # type: ignore[arg-type]
             for w in engine.recognize(image, langs=langs, mode="page")]
    return group_lines(words)


def ocr_page_blocks(pdf: Any, page_index: int, password: str | None = None, dpi: int = 300,
                    engine: OcrEngine | None = None) -> list[Any]:
    """OCR one page into warraq.document Blocks (one per Tesseract block), for the extractor."""
    from warraq.document import Block, Line, Word, union

    lines = ocr_page(pdf, page_index, dpi=dpi, engine=engine, password=password)
    blocks: dict[int, list[Line]] = {}
    for ln in lines:
        words = [Word(w.text, w.bbox) for w in ln.words]
        line = Line(words, ln.bbox, ln.direction, ln.bbox[3] - ln.bbox[1])
        line.sources["ocr"] = sum(len(w.text) for w in ln.words)
        blocks.setdefault(ln.block, []).append(line)
    out = []
    for block_lines in blocks.values():
        rtl = sum(1 for ln in block_lines if ln.direction == "rtl")
        out.append(Block("paragraph", block_lines, union([ln.bbox for ln in block_lines]),
                         "rtl" if 2 * rtl >= len(block_lines) else "ltr"))
    return out


__all__ = ["Mode", "OcrEngine", "OcrLine", "OcrUnavailableError", "OcrWord", "TesseractEngine",
           "group_lines", "logical_line", "ocr_page", "ocr_page_blocks", "parse_tsv", "render_page"]

"""Last resort for one glyph: draw its outline and let the OCR engine read it."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import DecomposingRecordingPen, RecordingPen
from fontTools.pens.transformPen import TransformPen
from PIL import Image, ImageDraw

from warraq.fonts.program import FontProgram
from warraq.fonts.recovered import Recovered

if TYPE_CHECKING:
    from warraq.ocr import OcrEngine

# OCR of an isolated glyph is weak evidence: never more trusted than this.
MAX_CONFIDENCE = 0.6


class _PolygonPen:
    """Flattens a glyph outline into polygons (curves sampled) for Pillow."""

    def __init__(self) -> None:
        self.polys: list[list[tuple[float, float]]] = []
        self._cur: list[tuple[float, float]] = []

    def moveTo(self, p: tuple[float, float]) -> None:  # noqa: N802 (fontTools pen protocol)
        self._cur = [p]

    def lineTo(self, p: tuple[float, float]) -> None:  # noqa: N802
        self._cur.append(p)

    def curveTo(self, *pts: tuple[float, float]) -> None:  # noqa: N802
        start = self._cur[-1]
        ctrl = [start, *pts]
        for i in range(1, 9):
            t = i / 8
            self._cur.append(_bezier(ctrl, t))

    def qCurveTo(self, *pts: tuple[float, float] | None) -> None:  # noqa: N802
        real = [p for p in pts if p is not None]
        start = self._cur[-1] if self._cur else real[0]
        # implied on-curve points between consecutive off-curve points
        offs, end = real[:-1], real[-1]
        anchors = [start]
        for a, b in zip(offs, offs[1:]):
            anchors.append(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
        anchors.append(end)
        for i, ctrl in enumerate(offs or [end]):
            for k in range(1, 7):
                self._cur.append(_bezier([anchors[i], ctrl, anchors[i + 1]], k / 6))

    def closePath(self) -> None:  # noqa: N802
        if len(self._cur) > 2:
            self.polys.append(self._cur)
        self._cur = []

    endPath = closePath  # noqa: N815

    def addComponent(self, name: str, transform: object) -> None:  # noqa: N802
        pass  # decomposed before reaching this pen


def _bezier(ctrl: list[tuple[float, float]], t: float) -> tuple[float, float]:
    pts = list(ctrl)
    while len(pts) > 1:
        pts = [((1 - t) * a[0] + t * b[0], (1 - t) * a[1] + t * b[1]) for a, b in zip(pts, pts[1:])]
    return pts[0]


def render_glyph(prog: FontProgram, gid: int, height: int = 96) -> Image.Image | None:
    """Black glyph on white, about `height` pixels per em, with a margin; None if empty."""
    rec: RecordingPen = DecomposingRecordingPen(prog.glyphset) if prog.tt is not None else RecordingPen()
    if not prog.draw(gid, rec):
        return None
    bounds = BoundsPen(None)
    rec.replay(bounds)
    if bounds.bounds is None:
        return None
    x0, y0, x1, y1 = bounds.bounds
    scale = height / prog.upem
    margin = height // 3
    w = int((x1 - x0) * scale) + 2 * margin
    h = int((y1 - y0) * scale) + 2 * margin
    poly = _PolygonPen()
    rec.replay(TransformPen(poly, (scale, 0, 0, -scale, margin - x0 * scale, margin + y1 * scale)))
    img = Image.new("L", (max(w, 1), max(h, 1)), 0)
    for p in poly.polys:  # even-odd by XOR so counters (holes) stay open
        layer = Image.new("L", img.size, 0)
        ImageDraw.Draw(layer).polygon(p, fill=255)
        img = _xor(img, layer)
    return Image.eval(img, lambda v: 255 - v)


def _xor(a: Image.Image, b: Image.Image) -> Image.Image:
    from PIL import ImageChops

    return ImageChops.logical_xor(a.convert("1"), b.convert("1")).convert("L")


def ocr_glyph(prog: FontProgram, gid: int, engine: OcrEngine) -> Recovered | None:
    """Read one glyph with the OCR engine; None when it reads nothing."""
    img = render_glyph(prog, gid)
    if img is None:
        return None
    try:
        words = engine.recognize(img, langs="ara", mode="glyph")
    except Exception:
        return None
    text = "".join(w.text for w in words)
    # Tesseract adds strays around a lone glyph (a digit, a leading alef, harakat): keep letters
    letters = [c for c in text if unicodedata.category(c) == "Lo" and 0x0621 <= ord(c) <= 0x06FF]
    if len(letters) > 1 and letters[0] == "\u0627":
        letters = letters[1:]
    if len(letters) != 1:
        return None
    conf = min(MAX_CONFIDENCE, sum(w.confidence for w in words) / len(words) * MAX_CONFIDENCE)
    return Recovered(letters[0], "ocr", round(conf, 3))

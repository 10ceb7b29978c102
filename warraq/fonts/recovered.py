"""What recovery gives one glyph: its text, the method that found it, and how sure it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from warraq.fonts.shapes import Box


@dataclass(frozen=True)
class Recovered:
    """The text recovered for one glyph, how, and how sure."""

    text: str          # logical text (may be several chars, e.g. "لا")
    method: str        # "tounicode" | "font-cmap" | "glyph-name" | "gsub" | "outline" | "symbol-encoding" | "ocr" | "unmapped"
    confidence: float  # 0..1


UNMAPPED = Recovered("\ufffd", "unmapped", 0.0)


#: A lazy probe of the drawn glyph's ink box, asked only when the shown text is ambiguous.
ShapeProbe = Callable[[], "Box | None"]

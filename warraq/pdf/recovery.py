"""Glue between the glyph stream and font-program recovery, OCR and the per-page verdict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

from warraq.document import Page, PageVerdict
from warraq.options import Options
from warraq.pdf.glyphs import FontResolver, ShapeProbe, SoundTexts
from warraq.pdf.objects import font_program
from warraq.pdf.source import open_pikepdf

#: Text sources that come from the PDF's own mapping and need no repair.
TRUSTED = frozenset({"tounicode", "actualtext", "gap", "cluster", "generated"})


class Recoverer:
    """Per-document: opens the fonts lazily, only when a page has a suspect font."""

    def __init__(self, path: str | Path, opts: Options) -> None:
        self._path = path
        self._opts = opts
        self._pdf: Any | None = None
        self._doctor: Any | None = None
        self._loaded = False
        self._problems: dict[int, list[str]] = {}
        self._sound: dict[Any, frozenset[str]] = {}  # by FontRecovery
        self._fonts: dict[int, dict[str, Any]] = {}  # a page's fonts, until its problems are asked for

    def _load(self) -> Any | None:
        if not self._loaded:
            self._loaded = True
            try:
                from warraq.fonts import FontDoctor
            except ImportError:
                return None
            self._pdf = open_pikepdf(self._path, self._opts.password)
            if self._pdf is not None:
                self._doctor = FontDoctor(self._pdf, font_dirs=self._opts.font_dirs)
        return self._doctor

    def resolver(self, page_index: int) -> tuple[FontResolver, SoundTexts] | None:
        """A function fixing the text of glyphs that are unmapped, oddly mapped, or of a suspect
        font; and one giving the texts it leaves alone for a font, known beforehand."""
        doctor = self._load()
        if doctor is None:
            return None
        try:
            fonts = doctor.fonts_for_page(page_index)
        except Exception as exc:  # a broken font dictionary must not stop extraction
            self._problems[page_index] = [f"fonts unreadable: {exc.__class__.__name__}"]
            return None
        suspect = {name for name, f in fonts.items() if f.suspect}
        suspect |= {name.split("+", 1)[-1] for name in suspect}
        self._problems[page_index] = [f"{name}: {p}" for name, f in fonts.items() if f.suspect for p in f.problems]
        self._fonts[page_index] = fonts  # what resolving notices about them (problems)
        by_handle: dict[int, Any] = {}
        looked: dict[str, tuple[bool, Any]] = {}  # asked for every glyph: one lookup per font name

        def lookup(font: str) -> tuple[bool, Any]:
            """(a font by this name is suspect, the font dictionary by this name)"""
            hit = looked.get(font)
            if hit is None:
                bare = font.split("+", 1)[-1]
                hit = looked[font] = (font in suspect or bare in suspect, fonts.get(font) or fonts.get(bare))
            return hit

        def sound(font: str) -> Collection[str]:
            bad, named = lookup(font)
            return () if bad or named is None else self._sound_texts(named)

        def resolve(font: str, handle: int, text: str, map_error: bool, shape: ShapeProbe) -> tuple[str, str] | None:
            if not map_error:
                bad, named = lookup(font)
                # a char no mapping of a sound font shows is a char code it left out
                if not bad and not _odd(text) and (named is None or named.shows(text)):
                    return None
            if handle not in by_handle:
                try:
                    by_handle[handle] = doctor.font_for(page_index, font, lambda: font_program(handle))
                except Exception:  # an unreadable program: the glyph keeps what PDFium said
                    by_handle[handle] = None
            rec = by_handle[handle]
            fixed = rec.resolve(text, map_error, shape) if rec is not None else None
            return None if fixed is None else (fixed.text, fixed.method)

        return resolve, sound

    def _sound_texts(self, font: Any) -> frozenset[str]:
        """What resolve leaves alone of a sound font without asking: the texts its mapping
        shows (shows() is true of each), control and private-use ones aside."""
        hit = self._sound.get(font)
        if hit is None:
            hit = self._sound[font] = frozenset(t for t in font.shown_texts() if not _odd(t))
        return hit

    def problems(self, page_index: int, unread: bool = True) -> list[str]:
        """Font problems found on this page (empty until its resolver was asked for), and, if
        it has `unread` glyphs, what resolving its fonts' glyphs noticed about them."""
        fonts = self._fonts.pop(page_index, {})  # asked once per page: let the page's fonts go
        noticed = [f"{name}: {n}" for name, f in fonts.items() for n in sorted(f.notes)] if unread else []
        return list(self._problems.get(page_index, [])) + list(dict.fromkeys(noticed))

    def ocr_page(self, page: Page, page_index: int) -> None:
        """Replace the page's blocks with OCR text where an OCR engine is available."""
        try:
            from warraq.ocr import ocr_page_blocks
        except ImportError:
            return
        try:
            blocks = ocr_page_blocks(self._path, page_index, password=self._opts.password)
        except Exception as exc:  # OCR is a last resort; its failure is a reason, not a crash
            page.verdict.reasons.append(f"OCR failed: {exc}")
            return
        if blocks:
            page.blocks = blocks
            page.ocr = True
            page.verdict = PageVerdict("repaired", 0.6, page.verdict.reasons + ["text from OCR"],
                                       Counter({"ocr": sum(len(b.text) for b in blocks)}))

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def unusable(verdict: PageVerdict) -> bool:
    """A text layer so damaged that OCR will do better: no text, a legacy encoding, or a
    quarter of the glyphs without text. A few unmapped glyphs are shown as U+FFFD instead."""
    total = sum(verdict.methods.values())
    if total == 0 or any("legacy" in r for r in verdict.reasons):
        return True
    return verdict.methods.get("unmapped", 0) / total > 0.25


def page_verdict(methods: Counter[str], reasons: list[str]) -> PageVerdict:
    """clean / repaired / needs-ocr from where the page's glyph texts came from."""
    total = sum(methods.values())
    unmapped = methods.get("unmapped", 0)
    recovered = total - unmapped - sum(methods.get(k, 0) for k in TRUSTED)
    reasons = list(reasons)
    if total == 0:
        return PageVerdict("needs-ocr", 0.0, ["no text layer"], methods)
    if unmapped / total > 0.02:
        reasons.append(f"{unmapped} of {total} glyphs have no text")
        return PageVerdict("needs-ocr", round(1 - unmapped / total, 3), reasons, methods)
    if any("legacy" in r for r in reasons):
        return PageVerdict("needs-ocr", 0.2, reasons, methods)
    if recovered or unmapped:
        conf = 1.0 - (unmapped + 0.1 * recovered) / total
        return PageVerdict("repaired", round(max(conf, 0.0), 3), reasons, methods)
    return PageVerdict("clean", 1.0, reasons, methods)


@lru_cache(maxsize=4096)
def _odd(text: str) -> bool:
    """Private-use, control or replacement characters: a mapping to look into."""
    if not text:
        return False
    lo, hi = ord(min(text)), ord(max(text))
    return lo < 0x20 or 0xE000 <= hi <= 0xF8FF or hi == 0xFFFD or hi >= 0xF0000

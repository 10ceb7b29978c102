"""Private-use codes of symbol fonts: a list's bullets, arrows and Greek letters.

A symbol font's (3,0) cmap puts its 8-bit codes at U+F000 + code, and writers copy that into
ToUnicode, so a list's bullet comes out as U+F0B7 (Word, Symbol), U+F0A7 (Wingdings) or
U+F095 (LibreOffice, OpenSymbol). The code is the font family's own encoding: Adobe's Symbol
encoding for Symbol (PDF 32000-1, Annex D.5), Windows-1252 for the OpenSymbol subsets that
LibreOffice writes, and for Wingdings the few signs Word offers as bullets.
"""

from __future__ import annotations

# Adobe Symbol encoding: the codes that differ from ASCII, and the upper half's common signs
_SYMBOL = {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥", 0x7E: "∼",
    **dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")),
    **dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ")),
    0xA0: "€", 0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞", 0xA6: "ƒ", 0xA7: "♣", 0xA8: "♦",
    0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±",
    0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡",
    0xBB: "≈", 0xBC: "…", 0xBF: "↵", 0xC0: "ℵ", 0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩", 0xC8: "∪",
    0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄", 0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉", 0xD0: "∠", 0xD1: "∇",
    0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅", 0xD8: "¬", 0xD9: "∧", 0xDA: "∨",
    0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓", 0xE0: "◊", 0xE5: "∑", 0xF2: "∫",
}
_WINGDINGS = {0x6C: "●", 0x6E: "■", 0x71: "❑", 0x76: "❖", 0xA7: "▪", 0xD8: "➢", 0xFC: "✔"}


def symbol_text(font_name: str, text: str) -> str | None:
    """What a private-use code U+F0xx shown for a glyph of this font stands for, or None."""
    if len(text) != 1 or not 0xF020 <= ord(text) <= 0xF0FF:
        return None
    code = ord(text) - 0xF000
    family = font_name.split("+")[-1].lower()
    if family.startswith("opensymbol"):
        decoded = bytes([code]).decode("cp1252", errors="replace")
        return decoded if decoded != "\ufffd" else None
    if family.startswith("wingdings"):
        return _WINGDINGS.get(code)
    if family.startswith(("symbol", "standardsymbol")):  # Symbol, SymbolMT, StandardSymbolsPS
        return _SYMBOL.get(code, chr(code) if 0x20 <= code < 0x7F else None)
    return None

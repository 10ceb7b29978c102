"""Signs of a legacy 8-bit Arabic font: pre-Unicode fonts whose codes and glyph names are Latin.

DTP software and subsetters re-encode such fonts onto control codes with the Latin glyph names
they were built on, and may write a ToUnicode from those names: every extractor then shows
Latin mojibake ("«—«d� ≠ ¡»") for Arabic glyphs. The font doctor (doctor.py) reads their glyphs
from the font instead, or sends their pages to OCR.
"""

from __future__ import annotations

from fontTools import agl

from warraq.fonts.shown import is_arabic

LATIN_SUPPLEMENT = range(0x00A0, 0x0250)
MIN_SHUFFLED = 5       # codes re-encoded the DTP way
LATIN_ODD_SHARE = 0.25  # Kahraba's legacy fonts: 0.32-0.83; a French or German subset: about 0.1


def shuffled(differences: dict[int, str]) -> int:
    """Codes /Differences gives Latin glyph names on control codes, or Latin-1 names on ASCII
    positions: how DTP software re-encoded legacy 8-bit Arabic fonts."""
    return sum(1 for c, name in differences.items()
               if (uni := agl.toUnicode(name)) and len(uni) == 1 and not is_arabic(uni)
               and (c < 0x20 or (c < 0x80 and ord(uni) in LATIN_SUPPLEMENT)))


def spells_latin_names(tu: dict[int, str]) -> bool:
    """Is this ToUnicode what a subsetter writes from a legacy font's Latin glyph names?

    It has no Arabic, and a large share of its characters are symbols and capital or foreign
    letters, which a Latin text's subset has few of.
    """
    chars = set("".join(tu.values()))
    if not chars or is_arabic("".join(chars)):
        return False
    odd = sum(1 for c in chars if not c.isascii() and not (c.islower() and ord(c) in LATIN_SUPPLEMENT))
    return odd >= LATIN_ODD_SHARE * len(chars)

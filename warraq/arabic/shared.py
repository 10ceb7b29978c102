"""Letters whose joined forms one glyph draws for two characters.

Arabic ي and Persian ی differ only at the end of a word, where ی has no dots; their initial and
medial glyphs are one and the same, and so are those of ك and ک. Urdu's ھ is drawn like ه in
most fonts, at the end of a word too. Writers that map glyphs back to text through the font
(Word through PDF printer drivers, Qt, among others) give such a shared glyph the character
listed first for it, so an Arabic text comes out with ی and ھ inside its words and ي and ه at
their ends ("الألمانیة", "تنتجھا").

A text that ends its words with ي or ى, almost never with ی, is written in Arabic; there ھ
stands for ه, and ی or ک for its Arabic letter where that letter ends several words and the
twin, whose final form is its own, almost never does. Persian and Urdu end many words with ی
and are left alone, and so is a text with only a few such letters: a quoted foreign word may be
one of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# the Persian or Urdu letter -> the Arabic letter whose initial and medial glyphs it shares, and
# whether their final glyphs differ (so that a final twin is a real one)
PAIRS = {"\u06cc": ("\u064a", True), "\u06a9": ("\u0643", True), "\u06be": ("\u0647", False)}
MIN_JOINED = 3    # occurrences of the twin: fewer is no pattern
MIN_FINAL = 3     # word-final Arabic letters that show the text's own choice
NOISE = 0.05      # share of a twin's occurrences that may end a word (a broken word, a stray space)
_LETTER = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\ufffd"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_FINAL_RE = re.compile(f"[{_LETTER}](?=[{_MARKS}]*(?![{_MARKS}{_LETTER}]))")


def shared_letters(texts: Sequence[str]) -> dict[str, str]:
    """The twins that stand for their Arabic letter throughout these texts (a page, a document)."""
    joined = "\n".join(texts)
    if not any(p in joined for p in PAIRS):
        return {}
    finals = Counter(_FINAL_RE.findall(joined))
    arabic_yeh = finals["\u064a"] + finals["\u0649"]
    if arabic_yeh < MIN_FINAL or finals["\u06cc"] > NOISE * (arabic_yeh + finals["\u06cc"]):
        return {}  # not a text in Arabic
    out = {}
    for twin, (arabic, own_final) in PAIRS.items():
        total = joined.count(twin)
        ends_alike = not own_final or (finals[arabic] >= MIN_FINAL and finals[twin] <= NOISE * total)
        if total >= MIN_JOINED and ends_alike:
            out[twin] = arabic
    return out


def unshare(text: str, letters: dict[str, str]) -> str:
    """The text with those twins read as their Arabic letters."""
    for twin, arabic in letters.items():
        text = text.replace(twin, arabic)
    return text

"""Arabic spelling of marks on letters: which letter can carry which marks, and where the marks
of a ligature's letters go.

Clusters take their text from here (a base glyph with the marks drawn on it), and lines.py
asks it which of two bases a mark that lies over both can go to.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from warraq.arabic.chars import is_mark, strong_direction

if TYPE_CHECKING:
    from warraq.pdf.glyphs import Glyph


def with_marks(base: Glyph, marks: list[Glyph]) -> str:
    """A base glyph's text with its marks. On a ligature of several Arabic letters (لا, لأ, لى)
    each mark goes after the letter drawn under it: the first letter is the rightmost part."""
    letters = base.text
    lo, hi = base.ink
    if len(letters) < 2 or hi <= lo or not all(strong_direction(ch) == "rtl" and not is_mark(ch) for ch in letters):
        return letters + _unsaid(letters, "".join(m.text for m in marks))
    parts = list(letters)
    step = (hi - lo) / len(letters)
    for m in marks:
        k = min(max(int((hi - (m.ink[0] + m.ink[1]) / 2) / step), 0), len(letters) - 1)
        parts[k] += m.text
    if all(_spellable(p[0], p[1:]) for p in parts) and not (letters in _ALLAH and _SHADDA in parts[-1]):
        return "".join(parts)
    # marks drawn all in one place (pre-shaped text): Arabic spelling places them instead
    return _spelled(letters, "".join(m.text for m in marks)) or "".join(parts)


def _unsaid(base: str, marks: str) -> str:
    """The marks that neither the base glyph's last letter nor an earlier mark says already.

    A glyph mapped to its whole cluster ("نَ", "أ") may be drawn with mark glyphs that are mapped
    too (a PDF rewritten by cairo maps every glyph, the marks of such clusters included): the
    same mark twice on one letter is never spelling, nor a hamza on a letter that has it.
    """
    spelled = unicodedata.normalize("NFD", base)
    last = max((k for k, ch in enumerate(spelled) if not is_mark(ch)), default=0)
    said = set(spelled[last:])
    if not said.intersection(marks) and len(set(marks)) == len(marks):
        return marks
    out = []
    for m in marks:
        if m not in said or not is_mark(m):
            out.append(m)
            said.add(m)
    return "".join(out)


VOWELS = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0652")  # tanween, harakat, sukun
_SHADDA, _FATHA, _DAGGER_ALEF = "\u0651", "\u064e", "\u0670"


def _spellable(letter: str, marks: str) -> bool:
    """Can one letter carry these marks? One vowel or sukun at most; a bare alef none but
    tanween fath."""
    vowels = [m for m in marks if m in VOWELS]
    if len(vowels) > 1 or marks.count(_SHADDA) > 1:
        return False
    if letter in "\u0627\u0649":  # bare alef, alef maksura: tanween fath at most
        return all(m == "\u064b" for m in marks)
    if letter == "\u0622":  # alef madda
        return not marks
    return not (letter == "\u0623" and "\u0650" in marks)  # a kasra under أ is spelled إ


#: Marks only some letters carry: hamza above (أ ؤ ئ ۀ), hamza below and madda (إ آ).
_ONLY_ON = {"\u0654": "\u0627\u0648\u064a\u0649\u0647\u06d5\u06c1", "\u0655": "\u0627", "\u0653": "\u0627"}


def carries(base: str, marks: str) -> bool:
    """Can the (last) letter of a base glyph carry these marks in Arabic spelling?"""
    letter = base[-1:]
    return _spellable(letter, marks) and all(letter in _ONLY_ON.get(m, letter) for m in marks)


def _spelled(letters: str, marks: str) -> str | None:
    """Marks of a lam-alef or Allah ligature placed where spelling puts them, or None."""
    if letters in _ALLAH:  # shadda and its fatha (or dagger alef) on the lam, the case on the heh
        on_lam = [m for m in marks if m in (_SHADDA, _FATHA, _DAGGER_ALEF)][:2]
        rest = list(marks)
        for m in on_lam:
            rest.remove(m)
        return letters[:-1] + "".join(on_lam) + letters[-1] + "".join(rest)
    if len(letters) == 2 and letters[0] == "\u0644" and letters[1] in "\u0627\u0649\u0622\u0623\u0625":
        if letters[1] in "\u0627\u0649\u0622":
            return letters[0] + marks + letters[1]  # bare alef, alef maksura, madda: nothing
        # the hamza's alef takes one vowel (a kasra only under إ), the lam the rest
        fits = "\u0650" if letters[1] == "\u0625" else "\u064e\u064f\u064b\u064c"
        vowel = next((m for m in marks if m in fits), "")
        rest_marks = marks.replace(vowel, "", 1) if vowel else marks
        if _spellable(letters[0], rest_marks):
            return letters[0] + rest_marks + letters[1] + vowel
    return None


_ALLAH = ("\u0627\u0644\u0644\u0647", "\u0644\u0644\u0647")  # الله, لله

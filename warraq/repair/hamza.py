"""A hamza drawn apart from its alef, which a tool then put on the wrong letter; and an alef
with hamza written twice.

Some fonts draw أ and إ as a bare alef and a hamza mark of its own. A tool that writes the line
in display order keeps the mark beside its glyph, so once the line is turned around the mark
lands on the next letter: "بشانٔ" for "بشأن", "انٕ" for "إن", and on و or ي it composes with the
letter into another one: "اؤ" for "أو", "ائام" for "أيام". In such a document a word that the
word list does not know (or knows far less) is read with its hamza moved back onto the alef
before it, where that makes a listed word. Clean text has no hamza mark standing apart, and the
document must show the damage before any word is changed.

PyMuPDF writes the lam-alef-hamza ligature of some fonts as the article, a space and the alef
twice ("ال أأسبوع" for "الأسبوع", "الإإيرادات" for "الإيرادات"). A word with أأ or إإ that the
list does not know, where it knows the word with one, is read with one, the article joined back.
"""

from __future__ import annotations

import re
import unicodedata

from warraq.repair.model import UNKNOWN, logp
from warraq.repair.text import ARABIC_WORD_RE

_APART = "\u0654\u0655"  # hamza above and below as marks of their own
_APART_RE = re.compile("[\u0654\u0655]")
_CARRIED = {"\u0624": ("\u0648", "\u0654"), "\u0626": ("\u064a", "\u0654")}  # ؤ ئ: و ي with a hamza
MIN_SHOWN = 2   # words of the document that show the damage
MIN_GAIN = 1.0  # log10: how much more common the word with its hamza moved must be


def _moved(word: str) -> list[str]:
    """The word with its hamza moved back: onto the last alef before the letter carrying it, or
    after the last lam there (the alef of a lam-alef ligature, "الخٔيرة" for "الأخيرة")."""
    for i, ch in enumerate(word):
        if ch in _APART:
            host, mark, rest = word[:i], ch, word[i + 1:]
        elif ch in _CARRIED and i and word[i - 1] in "\u0627\u0644":
            letter, mark = _CARRIED[ch]
            host, rest = word[:i] + letter, word[i + 1:]
        else:
            continue
        out = []
        if (j := host.rfind("\u0627")) >= 0:
            out.append(host[:j + 1] + mark + host[j + 1:] + rest)
        if (j := host.rfind("\u0644")) >= 0:
            out.append(host[:j + 1] + "\u0627" + mark + host[j + 1:] + rest)
        return [unicodedata.normalize("NFC", w) for w in out]
    return []


def _better(word: str) -> str | None:
    """The word with its hamza moved, where that makes a listed word: always for a hamza mark
    standing apart (no writing has one), only far likelier for ؤ or ئ ("ائتلاف" is a word)."""
    fixed = max(_moved(word), key=logp, default=word)
    if fixed == word or logp(fixed) <= UNKNOWN:
        return None
    return fixed if _APART_RE.search(word) or logp(fixed) - logp(word) >= MIN_GAIN else None


def shows_damage(lines: list[str]) -> bool:
    """Do enough words of the document hold a hamza mark standing apart that reads better moved
    back? (ؤ and ئ after an alef alone are no proof: "رس ائل" is a word cut by a space.)"""
    seen = 0
    for line in lines:
        if _APART_RE.search(line):
            for m in ARABIC_WORD_RE.finditer(line):
                seen += bool(_APART_RE.search(m.group())) and _better(m.group()) is not None
                if seen >= MIN_SHOWN:
                    return True
    return False


def fix(line: str) -> str:
    """Every word of the line read with its hamza back on its alef where that makes a listed word."""
    return ARABIC_WORD_RE.sub(lambda m: _better(m.group()) or m.group(), line)


_DOUBLED_RE = re.compile("(?:(?<![\u0621-\u064a])ال )?([\u0621-\u064a]*)([\u0623\u0625])\\2([\u0621-\u064a\u064b-\u0652]*)")


def _single(m: re.Match[str]) -> str | None:
    """The word with its alef written once, and the article a space cut from it joined back
    ("ال أأحد": no writing has either), or None. Without the article the doubled word must be
    unknown to the list: "أأنت" is a question."""
    head, alef, tail = m.group(1), m.group(2), m.group(3)
    word = head + alef + tail
    if m.group().startswith("ال "):
        return "ال" + word if logp("ال" + word) > UNKNOWN else None
    return word if logp(word) > UNKNOWN and logp(head + alef + alef + tail) <= UNKNOWN else None


def _doubled(line: str) -> bool:
    return "\u0623\u0623" in line or "\u0625\u0625" in line  # most lines: no search


def shows_doubled(lines: list[str]) -> bool:
    """Do two or more words of the document have their alef with hamza written twice?"""
    return sum(_single(m) is not None for line in lines if _doubled(line)
               for m in _DOUBLED_RE.finditer(line)) >= MIN_SHOWN


def undouble(line: str) -> str:
    return _DOUBLED_RE.sub(lambda m: _single(m) or m.group(), line) if _doubled(line) else line

"""Text from glyph names: AGL, uniXXXX/uXXXXX, Arabic suffixes, `_` ligatures, Arabic digit names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from fontTools import agl

# Arabic letter names used by font editors (Glyphs "-ar" names, common production names).
_ARABIC = {
    "hamza": "\u0621", "alefmadda": "\u0622", "alefhamzaabove": "\u0623", "wawhamzaabove": "\u0624",
    "alefhamzabelow": "\u0625", "yehhamzaabove": "\u0626", "alef": "\u0627", "alif": "\u0627",
    "beh": "\u0628", "tehmarbuta": "\u0629", "teh": "\u062a", "theh": "\u062b", "jeem": "\u062c",
    "hah": "\u062d", "khah": "\u062e", "dal": "\u062f", "thal": "\u0630", "reh": "\u0631",
    "zain": "\u0632", "seen": "\u0633", "sheen": "\u0634", "sad": "\u0635", "dad": "\u0636",
    "tah": "\u0637", "zah": "\u0638", "ain": "\u0639", "ghain": "\u063a", "tatweel": "\u0640",
    "kashida": "\u0640", "feh": "\u0641", "qaf": "\u0642", "kaf": "\u0643", "lam": "\u0644",
    "meem": "\u0645", "noon": "\u0646", "heh": "\u0647", "waw": "\u0648", "alefmaksura": "\u0649",
    "yeh": "\u064a", "fathatan": "\u064b", "dammatan": "\u064c", "kasratan": "\u064d",
    "fatha": "\u064e", "damma": "\u064f", "kasra": "\u0650", "shadda": "\u0651", "sukun": "\u0652",
    "alefwasla": "\u0671", "peh": "\u067e", "tcheh": "\u0686", "jeh": "\u0698", "veh": "\u06a4",
    "keheh": "\u06a9", "gaf": "\u06af", "farsiyeh": "\u06cc", "yehfarsi": "\u06cc",
    "behdotless": "\u066e", "qafdotless": "\u066f", "fehdotless": "\u06a1", "noonghunna": "\u06ba",
    "comma": "\u060c", "semicolon": "\u061b", "question": "\u061f", "percent": "\u066a",
    "decimalseparator": "\u066b", "thousandsseparator": "\u066c", "fullstop": "\u06d4",
    "hehgoal": "\u06c1", "yehbarree": "\u06d2", "tteh": "\u0679", "ddal": "\u0688", "rreh": "\u0691",
    "allah": "\u0627\u0644\u0644\u0647", "lamalef": "\u0644\u0627",
}
_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ARABIC_TAGS = {"ar", "arab", "arabic", "ara"}
_PERSIAN_TAGS = {"fa", "persian", "urdu", "ur", "farsi", "fas"}
_UNI = re.compile(r"^(?:uni((?:[0-9A-F]{4})+)|u([0-9A-F]{4,6}))$")


def _component(comp: str, tags: set[str]) -> str | None:
    """One `_`-separated part of a name (without the dot suffix)."""
    base, _, dash = comp.partition("-")
    tags = tags | ({dash.lower()} if dash else set())
    m = _UNI.match(base)
    if m:
        if m.group(1):
            return "".join(chr(int(m.group(1)[i:i + 4], 16)) for i in range(0, len(m.group(1)), 4))
        return chr(int(m.group(2), 16))
    low = base.lower()
    if low in _DIGITS and tags & (_ARABIC_TAGS | _PERSIAN_TAGS):
        start = 0x06F0 if tags & _PERSIAN_TAGS else 0x0660
        return chr(start + _DIGITS.index(low))
    if low in _ARABIC and (tags & _ARABIC_TAGS or len(low) > 3 or low in ("lam", "beh", "teh")):
        return _ARABIC[low]
    u = agl.toUnicode(base)
    return u or (_ARABIC.get(low) if low.endswith("arabic") else None)


@lru_cache(maxsize=65536)
def fold_presentation(text: str) -> str:
    """Arabic presentation forms (and their ligatures) to the letters they show."""
    return "".join(unicodedata.normalize("NFKC", c) if 0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF
                   else c for c in text)


@lru_cache(maxsize=65536)
def text_from_name(name: str) -> tuple[str, float] | None:
    """(text, confidence) for a glyph name, or None. Generic names (glyph00012, g12, cid123) give None."""
    if not name or name in (".notdef", ".null") or re.match(r"^(glyph|g|cid|index|gid)\d+$", name):
        return None
    head, _, suffix = name.partition(".")
    tags = {t.lower() for t in re.split(r"[._-]", suffix) if t}
    parts = [p for p in head.split("_") if p]
    if not parts:
        return None
    texts = [_component(p, tags) for p in parts]
    if any(t is None for t in texts):
        return None
    text = fold_presentation("".join(t for t in texts if t))
    if not text or any(0xE000 <= ord(c) <= 0xF8FF for c in text):
        return None
    conf = 0.95 if len(parts) == 1 and not suffix else 0.85
    return text, conf

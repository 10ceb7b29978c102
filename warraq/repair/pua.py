"""Rule 4: private-use code points decoded per document, like a substitution cipher.

A PDF font that never mapped some glyphs leaves PUA code points (U+E000-U+F8FF) in the text:
often all the digits, sometimes contextual letter forms. Within one document a code always
stands for the same character, so:
- codes that sit inside Arabic words are letters, chosen by word frequency (which letter makes
  "المدي?ة" and "?ديدة" real words), one code at a time with the others held fixed;
- codes in number runs are digits, an injective assignment searched to fit the numeric contexts
  (a day before a month name, a year after one, dd/mm/yyyy, hh:mm, percentages, the same number
  written with visible digits elsewhere) with weak priors (leading digits, code order).
A code whose best reading does not beat the runner-up clearly stays as it is and is reported.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field

from warraq.repair.model import UNKNOWN, logp
from warraq.repair.text import arabic_core, is_pua

_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
MONTHS = frozenset(
    "يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر اكتوبر "
    "نوفمبر ديسمبر شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين كانون محرم صفر ربيع جمادى رجب "
    "شعبان رمضان شوال القعدة الحجة January February March April May June July August September "
    "October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_MONTH_NUMBER = {
    name: i % 12 + 1
    for names in (
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
        "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين تشرين كانون",
        "January February March April May June July August September October November December",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    )
    for i, name in enumerate(names.split())
}
_MONTH_NUMBER.update({"إبريل": 4, "ابريل": 4, "يونيه": 6, "يوليه": 7, "اغسطس": 8, "اكتوبر": 10, "Sept": 9})
_YEAR_WORDS = frozenset("عام العام لعام بعام سنة السنة لسنة منذ م هـ".split())
_DIGIT_SEPS = "/:.,-"


@dataclass
class PuaDecoding:
    """What each code was read as; codes not in `mapping` are unresolved."""

    mapping: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)


def classify(text: str) -> dict[str, str]:
    """'letter' for codes found inside Arabic words, else 'digit'."""
    votes: dict[str, list[int]] = {}
    for token in text.split():
        for i, ch in enumerate(token):
            if not is_pua(ch):
                continue
            v = votes.setdefault(ch, [0, 0])
            near = token[max(0, i - 1):i] + token[i + 1:i + 2]
            if any("\u0621" <= c <= "\u064a" for c in near):
                v[0] += 1
            elif any(c.isdigit() for c in near) or all(is_pua(c) or c in _DIGIT_SEPS + "()%٪" for c in token):
                v[1] += 1
    return {c: ("letter" if v[0] > v[1] else "digit") for c, v in votes.items()}


def decode(text: str, kinds: dict[str, str] | None = None) -> PuaDecoding:
    """Decode every PUA code of a document (text already in logical order)."""
    kinds = kinds if kinds is not None else classify(text)
    result = PuaDecoding(kinds=dict(kinds))
    letters = [c for c, k in kinds.items() if k == "letter"]
    digits = [c for c, k in kinds.items() if k == "digit"]
    if letters:
        _decode_letters(text, letters, result)
    if digits:
        _decode_digits(text, digits, result)
    result.unresolved = sorted(c for c in kinds if c not in result.mapping)
    return result


def apply(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    return "".join(mapping.get(c, c) for c in text)


# ---- letters -------------------------------------------------------------------------------

def _decode_letters(text: str, codes: list[str], out: PuaDecoding) -> None:
    code_set = set(codes)
    words: dict[str, int] = {}
    for token in text.split():
        core = arabic_core(token)
        if core and any(c in code_set for c in core):
            words[core] = words.get(core, 0) + 1
    current: dict[str, str] = {}
    by_code = {c: [w for w in words if c in w] for c in codes}
    margins: dict[str, float] = {}
    for _ in range(3):
        changed = False
        for code in sorted(codes, key=lambda c: -len(by_code[c])):
            scored = sorted(
                ((_letter_score(code, cand, by_code[code], words, current), cand) for cand in _LETTERS),
                reverse=True,
            )
            (best, cand), (second, _) = scored[0], scored[1]
            margins[code] = best - second
            if current.get(code) != cand:
                current[code] = cand
                changed = True
        if not changed:
            break
    for code, cand in current.items():
        hits = sum(words[w] for w in by_code[code])
        if margins[code] >= 2.0 and hits:
            out.mapping[code] = cand
            out.confidence[code] = min(1.0, margins[code] / 10)


def _letter_score(code: str, cand: str, ws: list[str], words: dict[str, int], cur: dict[str, str]) -> float:
    total = 0.0
    for w in ws:
        s = "".join(cand if c == code else cur.get(c, c) for c in w)
        lp = logp(s) if not any(is_pua(c) for c in s) else UNKNOWN
        total += max(lp, UNKNOWN) * min(words[w], 3)
    return total


# ---- digits --------------------------------------------------------------------------------

_NUM_RE = re.compile("[0-9\u0660-\u0669\ue000-\uf8ff]+")


@dataclass(frozen=True)
class _Number:
    raw: str
    prev: str
    next: str
    before: str   # separator characters right before / after (e.g. "/" in a date)
    after: str
    prev_num: str
    next_num: str


def _numbers(text: str, codes: set[str]) -> list[_Number]:
    found: list[_Number] = []
    for line in (text.replace("\n", " "),):  # contexts run across line breaks
        spans = [m for m in _NUM_RE.finditer(line) if not any(is_pua(c) and c not in codes for c in m.group())]
        for k, m in enumerate(spans):
            left, right = line[:m.start()], line[m.end():]
            prev_words = re.findall(r"[^\W\d_]+", left)
            next_words = re.findall(r"[^\W\d_]+", right)
            found.append(_Number(
                m.group(),
                prev_words[-1] if prev_words and left.rstrip(" ,،")[-1:].isalpha() else "",
                next_words[0] if next_words and right.lstrip(" ,،")[:1].isalpha() else "",
                left[-1:] if left[-1:] in _DIGIT_SEPS else "",
                right[:1] if right[:1] in _DIGIT_SEPS else "",
                spans[k - 1].group() if k and line[spans[k - 1].end():m.start()].strip(" ,/") == "" else "",
                spans[k + 1].group() if k + 1 < len(spans) and line[m.end():spans[k + 1].start()].strip(" ,/") == "" else "",
            ))
    return found


def _decode_digits(text: str, codes: list[str], out: PuaDecoding) -> None:
    code_set = set(codes)
    counted: dict[_Number, int] = {}
    for n in _numbers(text, code_set):
        if any(c in code_set for c in n.raw):
            counted[n] = counted.get(n, 0) + 1
    numbers = list(counted)
    weight = [min(3, counted[n]) for n in numbers]
    plain = [n for n in _numbers(text, set()) if not any(is_pua(c) for c in n.raw)]
    visible = {n.raw for n in plain}
    visible_days = frozenset((_month_of(n), n.raw) for n in plain if _month_of(n) and len(n.raw) <= 2)
    ascii_digits = sum(c.isascii() for n in visible for c in n)
    indic = len(text) and sum("\u0660" <= c <= "\u0669" for c in text) > ascii_digits
    alphabet = "٠١٢٣٤٥٦٧٨٩" if indic else "0123456789"
    codes = sorted(codes)[:10]
    rng = random.Random(1234)

    def score(assign: dict[str, int]) -> float:
        return sum(w * _number_score(n, assign, visible, visible_days) for n, w in zip(numbers, weight)) + _order_prior(codes, assign)

    best_assign: dict[str, int] = {}
    best = float("-inf")
    for restart in range(16):
        pool = list(range(10))
        if restart:
            rng.shuffle(pool)
        assign = dict(zip(codes, pool))
        cur = score(assign)
        improved = True
        while improved:
            improved = False
            for a in codes:
                for d in range(10):
                    if assign[a] == d:
                        continue
                    other = next((c for c in codes if assign[c] == d), None)
                    trial = dict(assign)
                    trial[a] = d
                    if other is not None:
                        trial[other] = assign[a]
                    s = score(trial)
                    if s > cur + 1e-9:
                        assign, cur, improved = trial, s, True
        if cur > best:
            best, best_assign = cur, assign
    for a in codes:
        alt = float("-inf")
        for d in range(10):
            if d == best_assign[a]:
                continue
            other = next((c for c in codes if best_assign[c] == d), None)
            trial = dict(best_assign)
            trial[a] = d
            if other is not None:
                trial[other] = best_assign[a]
            alt = max(alt, score(trial))
        margin = best - alt
        if margin >= 1.0:
            out.mapping[a] = alphabet[best_assign[a]]
            out.confidence[a] = min(1.0, margin / 6)


def _month_of(n: _Number) -> int:
    return _MONTH_NUMBER.get(n.next, 0) or _MONTH_NUMBER.get(n.prev, 0)


def _value(raw: str, assign: dict[str, int]) -> str:
    return "".join(str(assign[c]) if c in assign else str(int(c)) if c.isdigit() else "?" for c in raw)


def _number_score(n: _Number, assign: dict[str, int], visible: set[str],
                  visible_days: frozenset[tuple[int, str]] = frozenset()) -> float:
    s = _value(n.raw, assign)
    if "?" in s:
        return 0.0
    v, k = int(s), len(s)
    score = 0.0
    year_ctx = n.prev in MONTHS or n.prev in _YEAR_WORDS or n.next in ("م", "هـ", "ه")
    if n.prev_num and n.before == "/" or (n.prev in MONTHS and n.prev_num):
        year_ctx = True
    if year_ctx and k == 4:
        score += _year_score(v, n.next in ("هـ", "ه"))
    elif (n.next in MONTHS or n.prev in MONTHS) and k <= 2:
        score += 3.0 if 1 <= v <= 31 else -4.0
    score += _agreement(n.next, v)
    if n.after == "/" and n.before != "/" and k <= 2:  # day of dd/mm/yyyy
        score += 2.0 if 1 <= v <= 31 else -3.0
    elif n.before == "/" and n.after == "/" and k <= 2:  # month
        score += 2.0 if 1 <= v <= 12 else -3.0
    if n.after == ":" and k <= 2:
        score += 1.5 if v <= 23 else -3.0
    elif n.before == ":" and k == 2:
        score += 1.5 if v <= 59 else -3.0
    if k >= 2 and s[0] == "0" and n.before not in ("/", ":", ".") and n.after not in ("/", ":"):
        score -= 2.0
    if s in visible:  # the same number written with visible digits elsewhere
        score += 2.0 if k >= 3 else 0.5
    month = _month_of(n)
    if month and k <= 2 and (month, s) in visible_days:  # "3 مارس" here, "March 3" elsewhere
        score += 3.0
    if s[0] != "0":  # leading digits follow Benford's law in running text
        score += 2.0 * math.log10(1 + 1 / int(s[0]))
    return score


_PLURALS = frozenset("آلاف ملايين مليارات سنوات أيام أشهر أسابيع ساعات دقائق مراحل دول مرات أعوام أطفال".split())
_PERCENT = frozenset(("في", "بالمئة", "بالمائة", "%", "٪"))


def _agreement(noun: str, v: int) -> float:
    """Arabic counted nouns: plural after 3-10, accusative singular ("عاما", "ألفا") after 11-99."""
    if not noun:
        return 0.0
    if noun in _PLURALS:
        return 1.5 if 3 <= v <= 10 else -1.5
    if len(noun) >= 3 and noun.endswith("ا") and not noun.startswith("ال") and logp(noun[:-1]) > -6:
        return 1.5 if 11 <= v <= 99 else -1.0
    return 0.0


def _year_score(v: int, hijri: bool) -> float:
    """News years are mostly recent: graded rather than a flat 1900-2035 window."""
    if hijri:
        return 4.0 if 1400 <= v <= 1460 else 2.0 if 1300 <= v < 1400 else -4.0
    if 2000 <= v <= 2030:
        return 4.0
    if 1950 <= v < 2000:
        return 2.5
    if 2030 < v <= 2100:
        return 1.5  # targets and projections
    return 1.0 if 1900 <= v < 1950 else -4.0


def _order_prior(codes: list[str], assign: dict[str, int]) -> float:
    """Fonts usually number digit glyphs in order; a weak tie-breaker, never decisive alone."""
    agree = sum(1 for a, b in zip(codes, codes[1:]) if assign[a] < assign[b])
    return 0.05 * agree

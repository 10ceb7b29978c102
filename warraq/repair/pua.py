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
from functools import lru_cache

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
_YEAR_WORDS = frozenset("عام العام لعام بعام سنة السنة لسنة منذ م هـ ه".split())
_DIGIT_SEPS = "/:.,-"


@dataclass
class PuaDecoding:
    """What each code was read as; codes not in `mapping` are unresolved."""

    mapping: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)


def classify(text: str) -> dict[str, str]:
    """'letter' for codes found inside Arabic words, else 'digit'.

    Each occurrence votes by the run of codes and digits it sits in: a run with Arabic letters on
    both sides is inside a word (letter); a run standing alone, or of two or more codes touching
    a word on one side only ("2025هـ"), is a number; a lone code at a word edge leans letter.
    """
    votes: dict[str, float] = {}
    for m in _RUN_RE.finditer(text):
        run = m.group()
        left = text[:m.start()].rstrip(_MARKS)[-1:]  # tashkeel between letters is transparent
        right = text[m.end():].lstrip(_MARKS)[:1]
        sides = _is_letter(left) + _is_letter(right)
        has_digit = any(c.isdigit() for c in run)
        if sides == 2:
            v = 2.0
        elif sides == 0 or has_digit:
            v = -2.0
        else:
            v = 0.5 if len(run) == 1 else 0.0  # "فل" starting a word, or "2025هـ": others decide
        for ch in set(run):
            if is_pua(ch):
                votes[ch] = votes.get(ch, 0.0) + v
    return {c: ("letter" if v > 0 else "digit") for c, v in votes.items()}


_MARKS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
_RUN_RE = re.compile("[\ue000-\uf8ff0-9\u0660-\u0669]+")


def _is_letter(ch: str) -> bool:
    return bool(ch) and ("\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3")


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
    partners = {c: sorted({o for w in by_code[c] for o in w if o in code_set and o != c}) for c in codes}
    memo: dict[tuple[str, tuple[str, ...]], list[tuple[float, str]]] = {}
    margins: dict[str, float] = {}
    for _ in range(3):
        changed = False
        for code in sorted(codes, key=lambda c: -len(by_code[c])):
            key = (code, tuple(current.get(o, o) for o in partners[code]))
            scored = memo.get(key)
            if scored is None:  # a code's scores only change when a code sharing its words does
                scored = memo[key] = sorted(
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
    table = str.maketrans({**cur, code: cand})
    total = 0.0
    for w in ws:
        s = w.translate(table)
        lp = UNKNOWN if _PUA_RE.search(s) else logp(s)
        total += max(lp, UNKNOWN) * min(words[w], 3)
    return total


_PUA_RE = re.compile("[\ue000-\uf8ff]")


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
            n = _canonical(n)
            counted[n] = counted.get(n, 0) + 1
    numbers = list(counted)
    weight = [min(10, counted[n]) for n in numbers]
    plain = [n for n in _numbers(text, set()) if not any(is_pua(c) for c in n.raw)]
    visible = {n.raw for n in plain}
    visible_days = frozenset((_month_of(n), n.raw) for n in plain if _month_of(n) and len(n.raw) <= 2)
    alphabet = "٠١٢٣٤٥٦٧٨٩" if _indic_digits(text) else "0123456789"
    # At most ten codes can be digits of one set; keep the most used (a second digit set in the
    # same document stays unresolved rather than being forced into the first one).
    freq = {c: text.count(c) for c in codes}
    codes = sorted(sorted(codes, key=lambda c: -freq[c])[:10])
    # Literal digits in the same runs as codes came from the same font (an earlier decoding):
    # the codes cannot stand for them. This also keeps a second `repair` from guessing more.
    taken = {int(c) for n in numbers for c in n.raw if c.isdigit()}
    domain = [d for d in range(10) if d not in taken]
    if len(domain) < len(codes):
        domain = list(range(10))
    solved = _solve(tuple(numbers), tuple(weight), tuple(codes), frozenset(visible), visible_days, tuple(domain))
    for a, digit, margin in solved:
        out.mapping[a] = alphabet[digit]
        out.confidence[a] = min(1.0, margin / 6)


@lru_cache(maxsize=256)
def _solve(numbers: tuple[_Number, ...], weight: tuple[int, ...], codes: tuple[str, ...],
           visible: frozenset[str], visible_days: frozenset[tuple[int, str]],
           domain: tuple[int, ...]) -> tuple[tuple[str, int, float], ...]:
    """(code, digit, margin) for each code whose best digit beats every single change by 1.

    Cached: the rounds of `repair` and a second `repair` often pose the very same problem.
    """
    search = _Search(list(numbers), list(weight), list(codes), set(visible), visible_days)
    best_assign: dict[str, int] = {}
    best = float("-inf")
    for start in _starts(list(codes), list(numbers), random.Random(1234), list(domain)):
        assign, cur = search.climb(start, list(domain))
        if cur > best:
            best, best_assign = cur, assign
    out = []
    for a in codes:
        alt = max((search.move(best_assign, a, d)[1] for d in domain if d != best_assign[a]),
                  default=float("-inf"))
        if -alt >= 1.0:  # the best single change, relative to the best assignment
            out.append((a, best_assign[a], -alt))
    return tuple(out)


def _canonical(n: _Number) -> _Number:
    """Keep only the context the scorer reads, so that like numbers are scored once."""
    def word(w: str) -> str:
        if w in MONTHS or w in _YEAR_WORDS or w in _PLURALS:
            return w
        return "عاما" if _agreement(w, 20) > 0 else ""

    return _Number(n.raw, word(n.prev), word(n.next), n.before, n.after,
                   "1" if n.prev_num else "", "1" if n.next_num else "")


class _Search:
    """Local search over digit assignments, scoring only the numbers a move touches."""

    def __init__(self, numbers: list[_Number], weight: list[int], codes: list[str],
                 visible: set[str], visible_days: frozenset[tuple[int, str]]) -> None:
        self.numbers, self.weight, self.codes = numbers, weight, codes
        self.visible, self.visible_days = visible, visible_days
        self.by_code = {c: [i for i, n in enumerate(numbers) if c in n.raw] for c in codes}
        self.uses = [tuple(sorted({c for c in n.raw if c in self.by_code})) for n in numbers]
        self.memo: dict[tuple[int, tuple[int, ...]], float] = {}
        self.visited: set[tuple[int, ...]] = set()
        self.pairs: dict[tuple[str, str], list[int]] = {}
        neighbours = list(zip(codes, codes[1:]))
        self.order_pairs = {c: frozenset(p for p in neighbours if c in p) for c in codes}

    def _num(self, i: int, assign: dict[str, int]) -> float:
        key = (i, tuple(map(assign.__getitem__, self.uses[i])))
        got = self.memo.get(key)
        if got is None:
            s = _value(self.numbers[i].raw, assign)
            got = self.weight[i] * _score_value(self.numbers[i], s, self.visible, self.visible_days)
            self.memo[key] = got
        return got

    def total(self, assign: dict[str, int]) -> float:
        return sum(self._num(i, assign) for i in range(len(self.numbers))) + _order_prior(self.codes, assign)

    def move(self, assign: dict[str, int], a: str, d: int,
             scores: list[float] | None = None) -> tuple[dict[str, int], float]:
        """Give code a the digit d (swapping with the code that had it); (new assignment, delta).

        `scores`, the score of each number under `assign`, saves looking those up again.
        """
        other = next((c for c in self.codes if assign[c] == d), None)
        trial = dict(assign)
        trial[a] = d
        touched = self.by_code[a]
        if other is not None:
            trial[other] = assign[a]
            touched = self.pair_touched(a, other)
        num = self._num
        if scores is None:
            delta = sum([num(i, trial) - num(i, assign) for i in touched])
        else:
            delta = sum([num(i, trial) - scores[i] for i in touched])
        pairs = self.order_pairs[a] if other is None else self.order_pairs[a] | self.order_pairs[other]
        for x, y in pairs:  # the order prior, on the neighbours of the codes that moved
            delta += 0.05 * ((trial[x] < trial[y]) - (assign[x] < assign[y]))
        return trial, delta

    def pair_touched(self, a: str, b: str) -> list[int]:
        key = (a, b) if a < b else (b, a)
        got = self.pairs.get(key)
        if got is None:
            got = self.pairs[key] = sorted(set(self.by_code[a]) | set(self.by_code[b]))
        return got

    def climb(self, start: dict[str, int], domain: list[int]) -> tuple[dict[str, int], float]:
        """Hill-climb from start; stops early on reaching a point an earlier climb went through."""
        assign, cur = start, self.total(start)
        scores = [self._num(i, assign) for i in range(len(self.numbers))]
        improved = True
        while improved:
            improved = False
            key = tuple(assign[c] for c in self.codes)
            if key in self.visited:
                return assign, float("-inf")  # that climb's result is already known
            self.visited.add(key)
            for a in self.codes:
                for d in domain:
                    if assign[a] != d:
                        trial, delta = self.move(assign, a, d, scores)
                        if delta > 1e-9:
                            moved = [c for c in self.codes if trial[c] != assign[c]]
                            assign, cur, improved = trial, cur + delta, True
                            for i in {i for c in moved for i in self.by_code[c]}:
                                scores[i] = self._num(i, assign)
        return assign, cur


# A year followed by the Hijri sign, or a month name that is only Hijri (not "رمضان" or "صفر",
# which are also common words; a bare "هـ" may be a justification kashida after ه).
_HIJRI = re.compile("[0-9\u0660-\u0669\ue000-\uf8ff] ?هـ?(?![\u0621-\u064a])|محرم|جمادى|شعبان|شوال|القعدة|الحجة")


def _indic_digits(text: str) -> bool:
    """Which digit shapes the codes stand for: those the document shows elsewhere.

    With no visible digits, the text alone cannot tell; Hijri dates lean to Arabic-Indic digits
    (official Gulf documents), anything else to European digits.
    """
    indic = sum("\u0660" <= c <= "\u0669" for c in text)
    latin = sum("0" <= c <= "9" for c in text)
    if indic or latin:
        return indic > latin
    return len(_HIJRI.findall(text)) >= 2


_LIKELY_YEARS = [*range(2030, 1989, -1), *range(1989, 1949, -1)]


def _starts(codes: list[str], numbers: list[_Number], rng: random.Random,
            domain: list[int]) -> list[dict[str, int]]:
    """Starting assignments for the local search: each plausible reading of a year, then random.

    Years pin several codes at once ("2024" fixes 2 and 0 together), which single-code moves
    cannot find from a bad start.
    """
    partials: list[dict[str, int]] = []
    for n in numbers:
        if len(n.raw) != 4 or not all(c in codes or c.isdigit() for c in n.raw):
            continue
        for year in _LIKELY_YEARS:
            p: dict[str, int] = {}
            if all((c.isdigit() and int(c) == int(y)) or (not c.isdigit() and p.setdefault(c, int(y)) == int(y))
                   for c, y in zip(n.raw, str(year))) and len(set(p.values())) == len(p) \
                    and all(v in domain for v in p.values()):
                partials.append(p)
        if len(partials) > 60:
            break
    starts = []
    unique = list({frozenset(p.items()): p for p in partials}.values())
    for p in unique[:6]:
        free = [d for d in domain if d not in p.values()] + [d for d in range(10) if d not in domain]
        rest = [c for c in codes if c not in p]
        starts.append({**p, **dict(zip(rest, free))})
    for _ in range(3):
        pool = list(domain)
        rng.shuffle(pool)
        pool += [d for d in range(10) if d not in domain]
        starts.append(dict(zip(codes, pool)))
    return starts


def _month_of(n: _Number) -> int:
    return _MONTH_NUMBER.get(n.next, 0) or _MONTH_NUMBER.get(n.prev, 0)


def _value(raw: str, assign: dict[str, int]) -> str:
    return "".join(str(assign[c]) if c in assign else str(int(c)) if c.isdigit() else "?" for c in raw)


def _score_value(n: _Number, s: str, visible: set[str], visible_days: frozenset[tuple[int, str]]) -> float:
    """How well the reading s fits the number's context (dates, years, times, counts)."""
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

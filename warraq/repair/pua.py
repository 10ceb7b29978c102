"""Rule 4: private-use code points decoded per document, like a substitution cipher.

A PDF font that never mapped some glyphs leaves PUA code points (U+E000-U+F8FF) in the text:
often all the digits, sometimes contextual letter forms. Within one document a code always
stands for the same character, so:
- codes that sit inside Arabic words are letters, chosen by word frequency (which letter makes
  "المدي?ة" and "?ديدة" real words), one code at a time with the others held fixed;
- codes in number runs are digits, an injective assignment searched to fit the numeric contexts
  (a day before a month name, a year after one or in a span of years, dd/mm/yyyy, hh:mm, the
  markers of a numbered list counting up, the same number written with visible digits
  elsewhere) with weak priors (leading digits, round thousands, code order). A font may leave
  both its digit sets unmapped: codes of one number or list are of one set, and each set gets
  the shapes its separators go with (٪ ٫ ٬ or %).
A code whose best reading does not beat the runner-up clearly stays as it is and is reported:
a wrong digit in a date or an amount is worse than a visible code.
"""

from __future__ import annotations

import datetime
import math
import random
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from warraq.repair.digitsearch import DigitSearch
from warraq.repair.digitsets import ITEM_RE, digit_sets, indic_digits
from warraq.repair.model import UNKNOWN, logp
from warraq.repair.text import LETTERS, arabic_core, is_pua

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
        for ch in dict.fromkeys(run):  # first-seen order: a set's would vary from run to run
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
                scored = memo[key] = _letter_scores(code, by_code[code], words, current)
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


def _letter_scores(code: str, ws: list[str], words: dict[str, int], cur: dict[str, str]) -> list[tuple[float, str]]:
    """(score, letter) of the two best letters the code may stand for, best first.

    The other codes are put in once per word, not once per candidate letter; a word that still
    holds an undecided code counts as unknown whatever this code is. Every word adds a score
    at most 0, so a letter whose running total falls below the second best so far is dropped
    before its last words are looked up.
    """
    others = {k: v for k, v in cur.items() if k != code}
    table = str.maketrans(others) if others else None
    prepared = []
    for w in ws:
        base = w.translate(table) if table else w
        prepared.append((base, _PUA_RE.search(base.replace(code, "")) is not None, min(words[w], 3)))
    top: list[tuple[float, str]] = []
    bar = -math.inf
    probe = {c: _partial(prepared[:_PROBE], code, c) for c in LETTERS}
    for cand in sorted(LETTERS, key=lambda c: -probe[c]):  # likely ones first
        total = probe[cand]  # the running total only falls: below the bar now, below it at the end
        if total < bar:
            continue
        for base, blocked, count in prepared[_PROBE:]:
            lp = UNKNOWN if blocked else logp(base.replace(code, cand))
            total += max(lp, UNKNOWN) * count
            if total < bar:
                break
        else:
            top = sorted([*top, (total, cand)], reverse=True)[:2]
            if len(top) == 2:
                bar = top[1][0]
    return top


_PROBE = 8  # words that order the letters before the full count


def _partial(prepared: list[tuple[str, bool, int]], code: str, cand: str) -> float:
    return sum(max(UNKNOWN if blocked else logp(base.replace(code, cand)), UNKNOWN) * count
               for base, blocked, count in prepared)


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
    span: bool = False  # one end of a span of years ("2021-2025")
    items: int = 0      # > 0: not a number but the markers of a numbered list, "|" between them
    weekday: int = -1   # >= 0: not a number but "day|year" of a dated weekday ("الخميس 31 يوليو 2025")
    month: int = 0      # ... and its month


def _numbers(text: str, codes: set[str]) -> list[_Number]:
    """Every number run with its context; contexts run across line breaks.

    The words around each number are looked up in one list of the text's words (bisect), not
    found again in everything before it: that made long documents quadratic.
    """
    line = text.replace("\n", " ")
    words = list(_WORD_RE.finditer(line))
    starts = [w.start() for w in words]
    ends = [w.end() for w in words]
    spans = [m for m in _NUM_RE.finditer(line) if not any(is_pua(c) and c not in codes for c in m.group())]
    found: list[_Number] = []
    for k, m in enumerate(spans):
        s, e = m.start(), m.end()
        before = bisect_right(ends, s) - 1  # the last word that ends before the number
        after = bisect_left(starts, e)      # the first word that starts after it
        found.append(_Number(
            m.group(),
            words[before].group() if before >= 0 and _letter_across(line, s - 1, -1) else "",
            words[after].group() if after < len(words) and _letter_across(line, e, 1) else "",
            line[s - 1:s] if s and line[s - 1] in _DIGIT_SEPS else "",
            line[e:e + 1] if line[e:e + 1] in _DIGIT_SEPS else "",
            spans[k - 1].group() if k and line[spans[k - 1].end():s].strip(" ,/") == "" else "",
            spans[k + 1].group() if k + 1 < len(spans) and line[e:spans[k + 1].start()].strip(" ,/") == "" else "",
            e - s == 4 and (k + 1 < len(spans) and spans[k + 1].start() == e + 1 and line[e] in "-–"
                            and len(spans[k + 1].group()) == 4
                            or k > 0 and spans[k - 1].end() == s - 1 and line[s - 1] in "-–"
                            and len(spans[k - 1].group()) == 4),
        ))
    return found


WEEKDAYS = {name: k for k, names in enumerate(("الاثنين الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
                                              "السبت", "الأحد")) for name in names.split()}  # Monday = 0


def _dated_weekdays(found: list[_Number]) -> list[_Number]:
    """Dates that name their weekday, as one item for the search: the calendar tells which
    years have "الخميس 31 يوليو", where a year's last digit has nothing else to go by."""
    out = []
    for n, y in zip(found, found[1:]):
        month = _MONTH_NUMBER.get(n.next, 0)
        if (n.prev in WEEKDAYS and month and len(n.raw) <= 2 and len(y.raw) == 4 and y.prev in MONTHS
                and y.next not in ("هـ", "ه")):
            out.append(_Number(f"{n.raw}|{y.raw}", n.prev, "", "", "", "", "", weekday=WEEKDAYS[n.prev], month=month))
    return out


def _list_markers(text: str, codes: set[str]) -> _Number | None:
    """The numbers that start the items of numbered lists, in order ("1." "2." ... or "(3)"),
    as one item for the search: they count up by one, starting again at 1 for a new list."""
    marks = [m.group(1) if all(c in codes or c.isdigit() for c in m.group(1)) else ""  # "": not known here
             for m in ITEM_RE.finditer(text)]
    if sum(any(c in codes for c in m) for m in marks) < 2:
        return None
    return _Number("|".join(marks), "", "", "", "", "", "", items=len(marks))


_WORD_RE = re.compile(r"[^\W\d_]+")


def _letter_across(line: str, i: int, step: int) -> bool:
    """Is the first character from i on (in direction step), past spaces and commas, a letter?"""
    while 0 <= i < len(line) and line[i] in " ,،":
        i += step
    return 0 <= i < len(line) and line[i].isalpha()


def _decode_digits(text: str, codes: list[str], out: PuaDecoding) -> None:
    code_set = set(codes)
    counted: dict[_Number, int] = {}
    found = _numbers(text, code_set)
    for n in found:
        if any(c in code_set for c in n.raw):
            n = _canonical(n)
            counted[n] = counted.get(n, 0) + 1
    for n in _dated_weekdays(found):
        if any(c in code_set for c in n.raw):
            counted[n] = counted.get(n, 0) + 1
    plain = [n for n in found if not any(is_pua(c) for c in n.raw)]  # only their words are read
    visible = frozenset(n.raw for n in plain)
    visible_days = frozenset((_month_of(n), n.raw) for n in plain if _month_of(n) and len(n.raw) <= 2)
    sets = digit_sets(text, codes)
    # Each set's shapes by its own separators; a set without any has the other set's other
    # shapes, or the document's (the first set) and the others (the second).
    own = [indic_digits(text, group) for group in sets]
    if len(sets) == 2 and (own[0] is None) != (own[1] is None):
        known = own[0] if own[0] is not None else own[1]
        own = [o if o is not None else not known for o in own]
    main_indic = bool(indic_digits(text))
    for k, group in enumerate(sets):
        indic = own[k] if own[k] is not None else main_indic != (k == 1)
        numbers = [n for n in counted if any(c in group for c in n.raw)]
        # Literal digits in the same runs as codes came from the same font (an earlier
        # decoding): the codes cannot stand for them, and there can be no more codes than the
        # digits left (the most used keep their place; the others wait unresolved).
        taken = {int(c) for n in numbers for c in n.raw if c.isdigit()}
        domain = tuple(d for d in range(10) if d not in taken)
        freq = {c: text.count(c) for c in group}
        kept = tuple(sorted(sorted(group, key=lambda c: (-freq[c], c))[:len(domain)]))
        if not kept:
            continue
        listed = _list_markers(text, set(kept))
        numbers = [n for n in numbers if any(c in kept for c in n.raw)] + ([listed] if listed else [])
        solved = _solve(tuple(numbers), tuple(min(10, counted.get(n, 1)) for n in numbers), kept, visible,
                        visible_days, domain)
        alphabet = "٠١٢٣٤٥٦٧٨٩" if indic else "0123456789"
        for a, digit, margin in solved:
            out.mapping[a] = alphabet[digit]
            out.confidence[a] = min(1.0, margin / 6)


@lru_cache(maxsize=256)
def _solve(numbers: tuple[_Number, ...], weight: tuple[int, ...], codes: tuple[str, ...],
           visible: frozenset[str], visible_days: frozenset[tuple[int, str]],
           domain: tuple[int, ...]) -> tuple[tuple[str, int, float], ...]:
    """(code, digit, margin) for each code whose digit in the best assignment beats, by 1.5,
    every assignment one change away and every other climb's peak that reads it otherwise.

    Cached: the rounds of `repair` and a second `repair` often pose the very same problem.
    """
    index = {c: k for k, c in enumerate(codes)}
    uses = [tuple(sorted({index[c] for c in n.raw if c in index})) for n in numbers]
    # Each number's reading as a template: a code's place in its digit key, or a fixed character.
    templates = ["".join(f"{{{u.index(index[c])}}}" if c in index else str(int(c)) if c.isdigit()
                         else c if c == "|" else "?"
                         for c in n.raw) for n, u in zip(numbers, uses)]
    readings = [_Reading(n, visible, visible_days) for n in numbers]

    def score(i: int, digits: tuple[int, ...]) -> float:
        return weight[i] * readings[i].score(templates[i].format(*digits))

    search = DigitSearch(uses, len(codes), score)
    peaks = [search.climb([start[c] for c in codes], domain)
             for start in _starts(list(codes), list(numbers), random.Random(1234), list(domain))]
    best_assign, best = max(peaks, key=lambda p: p[1])
    owner = [-1] * 10
    for k, v in enumerate(best_assign):
        owner[v] = k
    scores = search.scores(best_assign)
    out = []
    for k, a in enumerate(codes):
        # The best reading with another digit here: one change away, or another climb's peak.
        alt = max((search.delta(best_assign, owner, k, d, scores) for d in domain if d != best_assign[k]),
                  default=float("-inf"))
        rival = max((total - best for assign, total in peaks if assign[k] != best_assign[k]),
                    default=float("-inf"))
        margin = -max(alt, rival)
        if margin >= 1.5:
            out.append((a, best_assign[k], margin))
    return tuple(out)


def _canonical(n: _Number) -> _Number:
    """Keep only the context the scorer reads, so that like numbers are scored once."""
    def word(w: str) -> str:
        if w in MONTHS or w in _YEAR_WORDS or w in _PLURALS:
            return w
        return "عاما" if _agreement_kind(w) == "accusative" else ""

    return _Number(n.raw, word(n.prev), word(n.next), n.before, n.after,
                   "1" if n.prev_num else "", "1" if n.next_num else "", n.span)


_LIKELY_YEARS = [*range(2030, 1989, -1), *range(1989, 1949, -1)]


def _starts(codes: list[str], numbers: list[_Number], rng: random.Random,
            domain: list[int]) -> list[dict[str, int]]:
    """Starting assignments for the local search: a numbered list counting from 1, each
    plausible reading of a year, then random.

    Lists and years pin several codes at once ("2024" fixes 2 and 0 together), which
    single-code moves cannot find from a bad start.
    """
    partials: list[dict[str, int]] = []
    for n in numbers:
        if n.items:  # a list counting up from 1
            up: dict[str, int] = {}
            for value, mark in enumerate(n.raw.split("|"), 1):
                if len(mark) == 1 and mark in codes and value <= 9 and up.setdefault(mark, value) != value:
                    break
            else:
                if up and len(set(up.values())) == len(up) and all(v in domain for v in up.values()):
                    partials.append(up)
            continue
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


class _Reading:
    """How well a reading fits one number's context (dates, years, times, counts).

    The context is read once per number; the search then scores thousands of readings of it.
    """

    def __init__(self, n: _Number, visible: frozenset[str], visible_days: frozenset[tuple[int, str]]) -> None:
        self.year = n.prev in MONTHS or n.prev in _YEAR_WORDS or n.next in ("م", "هـ", "ه") \
            or bool(n.prev_num and n.before == "/" or (n.prev in MONTHS and n.prev_num)) or n.span
        self.items = n.items
        self.weekday, self.month = n.weekday, n.month
        self.hijri = n.next in ("هـ", "ه")
        self.day = n.next in MONTHS or n.prev in MONTHS
        self.agreement = _agreement_kind(n.next)
        self.date_day = n.after == "/" and n.before != "/"      # day of dd/mm/yyyy
        self.date_month = n.before == "/" and n.after == "/"    # month
        self.hour, self.minute = n.after == ":", n.before == ":"
        self.lone = n.before not in ("/", ":", ".") and n.after not in ("/", ":")  # no leading zero
        self.group = n.before == "," and bool(n.prev_num)  # thousands: "3,000", "45,000"
        self.visible = visible  # the same number written with visible digits elsewhere
        month = _month_of(n)    # "3 مارس" here, "March 3" elsewhere
        self.days = frozenset(raw for m, raw in visible_days if m == month) if month else frozenset()

    def score(self, s: str) -> float:
        if "?" in s:
            return 0.0
        if self.items:
            return _count_up([int(x) if x else None for x in s.split("|")])
        if self.weekday >= 0:
            day, year = s.split("|")
            return _calendar_fit(int(day), self.month, int(year), self.weekday)
        v, k = int(s), len(s)
        score = 0.0
        if self.year and k == 4:
            score += _year_score(v, self.hijri)
        elif self.day and k <= 2:
            score += 3.0 if 1 <= v <= 31 else -4.0
        elif k == 4 and self.lone:  # four digits standing alone are most often a year
            score += max(0.0, _year_score(v, False)) / 2
        if self.agreement == "plural":
            score += 1.5 if 3 <= v <= 10 else -1.5
        elif self.agreement == "accusative":
            score += 1.5 if 11 <= v <= 99 else -1.0
        if self.date_day and k <= 2:
            score += 2.0 if 1 <= v <= 31 else -3.0
        elif self.date_month and k <= 2:
            score += 2.0 if 1 <= v <= 12 else -3.0
        if self.hour and k <= 2:
            score += 1.5 if v <= 23 else -3.0
        elif self.minute and k == 2:
            score += 1.5 if v <= 59 else -3.0
        if self.group and k == 3:  # amounts are mostly round
            score += 0.7 * (k - len(s.rstrip("0")))
        if k >= 2 and s[0] == "0" and self.lone:
            score -= 2.0
        if s in self.visible:
            score += 2.0 if k >= 3 else 0.5
        if k <= 2 and s in self.days:
            score += 3.0
        return score + _BENFORD[int(s[0])]


def _calendar_fit(day: int, month: int, year: int, weekday: int) -> float:
    """A date against the weekday it names: one year in five or six has it."""
    try:
        return 3.0 if datetime.date(year, month, day).weekday() == weekday else -1.0
    except ValueError:  # no such day, or no such year
        return -2.0


def _count_up(marks: list[int | None]) -> float:
    """List markers count up by one from 1; a 1 may start another list. None: a marker not
    read here (another digit set), which still takes its place in the count."""
    score = 1.5 if marks[0] == 1 else -1.5 if marks[0] == 0 else 0.0  # or it goes on from a page before
    last: tuple[int, int] | None = None  # place and value of the last marker read
    for i, b in enumerate(marks):
        if b is None:
            continue
        if last is not None:
            score += 1.5 if b == last[1] + i - last[0] else 0.0 if b == 1 else -1.5
        last = (i, b)
    return score


# Leading digits follow Benford's law in running text.
_BENFORD = [0.0, *(2.0 * math.log10(1 + 1 / d) for d in range(1, 10))]


_PLURALS = frozenset("آلاف ملايين مليارات سنوات أيام أشهر أسابيع ساعات دقائق مراحل دول مرات أعوام أطفال".split())


def _agreement_kind(noun: str) -> str:
    """Arabic counted nouns: plural after 3-10, accusative singular ("عاما", "ألفا") after 11-99."""
    if not noun:
        return ""
    if noun in _PLURALS:
        return "plural"
    if len(noun) >= 3 and noun.endswith("ا") and not noun.startswith("ال") and logp(noun[:-1]) > -6:
        return "accusative"
    return ""


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

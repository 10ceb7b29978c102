"""Rule 5: mixed-direction lines whose runs were written in visual order.

"handle) March 3, 2024@) اسم الحساب —" for "— اسم الحساب (@handle) March 3, 2024", or a line
that starts with its own final period. The Arabic inside each run is in logical order, so the
word model sees nothing wrong; the evidence is punctuation standing where writing never puts it.
A candidate reading replaces the line only when it leaves no such misplacement, so a line that
reads as well either way is left alone, unless the document shows the damage on other lines and
the line's numbers then sit clearly better (`number_reading`). Tools break lines in different
ways, so candidates come in families (`FAMILIES`), and each document prefers the family that
mends most of its lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from warraq.repair import rules
from warraq.repair.context import conjunction, line_score
from warraq.repair.model import is_debris
from warraq.repair.pua import MONTHS, WEEKDAYS

_ATTACH_LEFT = ".،,:;؛!?؟%)\\]}»"
_OPENING = "([{«"
_LETTER = "\u0621-\u063f\u0641-\u064a"  # letters, not tatweel
_DIGIT = "0-9\u0660-\u0669"
_NOT_SUFFIX = "\u0621-\u063f\u0641-\u0644\u0646\u0648-\u064a"  # letters but ه and م (1396ه، 2025م)
_MISPLACED = [re.compile(p) for p in (
    f"^\\s*[{_ATTACH_LEFT}](?!\\.\\.)",                  # the line starts with a sentence end
    f"[{_OPENING}]\\s*$",                                  # ... or ends with an opening bracket
    f"(?:^|\\s)[{_ATTACH_LEFT}]+(?=[{_LETTER}A-Za-z])",     # ".القطاعين", "%Q"
    f"(?:^|(?<![{_DIGIT}])\\s)[{_ATTACH_LEFT}]+(?=[{_DIGIT}])",  # "،2027", "%50"; "850,000 .00" is a split number
    f"[{_LETTER}{_DIGIT}A-Za-z][{_OPENING}]+(?=\\s|$)",    # "غير«", "مساحة2025-2021("
    f"[{_LETTER}]{{2}}[{_OPENING}](?=[{_LETTER}])",         # "حالة]حتى" read as "حالة[حتى"
    f"[)\\]}}»][{_LETTER}{_DIGIT}A-Za-z]",                   # "]حتى", ")Paracetamol"
    f"(?:(?<=[^{_DIGIT}\\s])|(?<=\\S\\s))[{_DIGIT}]*[{_DIGIT}%][{_LETTER}]{{2}}",  # a number glued to a word
    # (not at the line start: a footnote's number, "1ابن منظور")
    f"[{_DIGIT}][{_NOT_SUFFIX}](?![{_LETTER}])",          # "3و", a prefix left behind
    f"[{_LETTER}]{{2}}[A-Za-z]|[A-Za-z][{_LETTER}]",        # Latin glued to Arabic ("TikTokو")
    "[•▪◦●](?=\\S*\\s*$)",                                 # a bullet at the line end
    "\\s[،,]+$",                                            # a comma set apart at the line end
)]
# Every pattern above (and `_inside_out`) needs one of these: a line without them has none to count
_MAY_MISPLACE = re.compile(f"(?:^|\\s)[{_ATTACH_LEFT}]|[{_OPENING})\\]}}»{_DIGIT}%A-Za-z•▪◦●]")


@lru_cache(maxsize=20_000)
def misplacements(line: str) -> int:
    """Punctuation and numbers standing where logical text never puts them."""
    if not _MAY_MISPLACE.search(line):  # most lines: none of the characters the patterns need
        return 0
    return sum(len(p.findall(line)) for p in _MISPLACED) + _inside_out(line)


_PAIRS = {")": "(", "]": "[", "}": "{"}  # not quotes: «» close and open again in dialogue
_PAIR_OPENERS = frozenset(_PAIRS.values())
_INSIDE_OUT_SPAN = 12  # characters: a number or a word between the two


def _inside_out(line: str) -> int:
    """Bracket pairs drawn inside out, ") 1 (": a closing bracket that nothing opened, shortly
    followed by an opening one that nothing closes. A lone closer ("أ) البند", or the end of
    a bracket opened on the line above) is no such sign."""
    if not any(c in line for c in _PAIRS):
        return 0
    opened: list[tuple[str, int]] = []
    strays: list[int] = []
    for i, ch in enumerate(line):
        if ch in _PAIR_OPENERS:
            opened.append((ch, i))
        elif ch in _PAIRS:
            if opened and opened[-1][0] == _PAIRS[ch]:
                opened.pop()
            elif not opened:
                strays.append(i)
    return sum(any(0 < i - s <= _INSIDE_OUT_SPAN for _, i in opened) for s in strays)


def repair_line(line: str, prefer: str = "bidi") -> tuple[str, float] | None:
    """The better reading of a mixed line, with a confidence, or None if the line is fine.

    Each family of readings (`FAMILIES`) offers its best, smaller edits first; the reading with
    fewest misplacements wins, and between equals the family the document prefers
    (`choose_family`). Only a reading without misplacements is taken. A line with digits inside
    its Arabic words, or mostly made of non-words, is glyph debris that no reordering mends.
    """
    before = misplacements(line)
    if before == 0 or _DIGIT_IN_WORD_RE.search(line) or is_debris(line):
        return None
    found = [(best[1], family != prefer, best[0]) for family in FAMILIES if (best := best_reading(line, family))]
    if not found:
        return None
    after, _, cand = min(found)
    if after > 0:  # still looks wrong: not sure enough, and a second pass could move it again
        return None
    return cand, min(0.95, 0.5 + 0.15 * before)


def choose_family(lines: list[str]) -> str:
    """The family of readings that mends most of this document's lines (one tool made them all)."""
    mended = dict.fromkeys(FAMILIES, 0)
    for line in lines:
        if misplacements(line) == 0 or _DIGIT_IN_WORD_RE.search(line):
            continue
        for family in FAMILIES:
            best = best_reading(line, family)
            mended[family] += best is not None and best[1] == 0
    return max(FAMILIES, key=lambda f: (mended[f], f == "bidi"))


@lru_cache(maxsize=20_000)
def best_reading(line: str, family: str) -> tuple[str, int] | None:
    """A family's reading with fewest misplacements (local edits before moving runs), and that count."""
    scored = [(misplacements(c), size, _bracketed(c), k, c)
              for size, group in enumerate(FAMILIES[family](line)) for k, c in enumerate(group) if c != line]
    if not scored:
        return None
    after, *_, cand = min(scored)
    return cand, after


def _bidi_family(line: str) -> list[list[str]]:
    """The display order of the whole line, each Arabic run kept whole (issue pattern 5):
    UAX #9 inverted, brackets mirrored as drawn (rules.reorder_runs)."""
    return [[rules.reorder_runs(line)]]


def _swap_family(line: str) -> list[list[str]]:
    """Runs written left to right, each kept in logical order, brackets not mirrored (PyMuPDF,
    pypdf).

    Local edits first: a lost space restored; brackets mirrored in place; the sentence-end
    punctuation a tool moved to the line start put back at the end; a list bullet moved back to
    the front. Then the runs of Latin letters and digits swapped back around the Arabic runs.
    """
    moved = [end_punct_back(line, k) for k in range(1, _leading_end(line) + 1)]
    moved += [bullet_front(x) for x in [line, *moved] if bullet_front(x) != x]
    runs = [swap_runs(x, apart) for apart in (False, True) for x in [line, *moved]]
    return [[respace(line), mirror_brackets(line), *moved], runs]


def _flip_family(line: str) -> list[list[str]]:
    """Punctuation read backwards between Arabic words (pdftotext: "الساحلية .وأضاف« :لا")."""
    return [[respace(line), mirror_brackets(line), flip_stretches(line), flip_stretches(mirror_brackets(line))]]


FAMILIES: dict[str, Callable[[str], list[list[str]]]] = {
    "bidi": _bidi_family, "swap": _swap_family, "flip": _flip_family}


def _bracketed(line: str) -> int:
    """Characters inside bracket pairs: between two readings, brackets around less is likelier."""
    inside, opened = 0, []
    for i, ch in enumerate(line):
        if ch in _OPENING:
            opened.append(i)
        elif ch in ")]}»" and opened:
            inside += i - opened.pop()
    return inside


_DIGIT_IN_WORD_RE = re.compile(f"[{_LETTER}][{_DIGIT}]+[\u064b-\u0652{_LETTER}]")
_LEADING_END_RE = re.compile(f"^([{_ATTACH_LEFT}\"”’]+)(?=\\S)")
_LTR_RUN_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9@#&_/.,:;%+\-' ]*[A-Za-z0-9%])?")
_LTR_OR_BRACKET_RE = re.compile(_LTR_RUN_RE.pattern + r"|[()\[\]{}«»]")


_MIRROR = str.maketrans("()[]{}«»", ")(][}{»«")


def mirror_brackets(line: str) -> str:
    """"رقم )٧٤١( لسنة" -> "رقم (٧٤١) لسنة": brackets written as their mirrored glyphs show them."""
    return line.translate(_MIRROR)


def _leading_end(line: str) -> int:
    m = _LEADING_END_RE.match(line)
    return len(m.group(1)) if m else 0


def end_punct_back(line: str, k: int) -> str:
    """".»تنمية من دونه" -> "تنمية من دونه».": k punctuation marks a tool moved from the end to the start."""
    return line[k:] + line[:k][::-1]


_WORD_LETTER = "\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc\u064b-\u0652"
_STRETCH_RE = re.compile(f"(?<=[{_WORD_LETTER}])[^{_WORD_LETTER}]+(?=[{_WORD_LETTER}])")
_UNIT_RE = re.compile(r"[0-9\u0660-\u0669]+(?:[.,:/\u066b\u066c][0-9\u0660-\u0669]+)*%?|[A-Za-z0-9](?:[A-Za-z0-9@#&_/.:%+\-' ]*[A-Za-z0-9])?|\S")


def flip_stretches(line: str) -> str:
    """"الساحلية .وأضاف« :لا" -> "الساحلية. وأضاف: «لا": what stands between two Arabic words
    read backwards, a number or a Latin word counting as one unit, and spaced as writing spaces
    it (punctuation after its word, an opening bracket before its word, a number apart)."""
    def flip(m: re.Match[str]) -> str:
        stretch = m.group()
        units = _UNIT_RE.findall(stretch)[::-1]
        if not units or stretch.strip() == "-":
            return stretch
        if " " not in stretch:
            return "".join(units)
        out = "" if units[0][0] in _ATTACH_LEFT else " "
        for prev, unit in zip([""] + units, units):
            if prev and unit[0] not in _ATTACH_LEFT and prev[-1] not in _OPENING and "-" not in (prev, unit):
                out += " "
            out += unit
        return out + ("" if units[-1][-1] in _OPENING else " ")

    return _STRETCH_RE.sub(flip, line)


_BULLET_END_RE = re.compile("^(.*?)\\s*([•▪◦●])\\s*$")


def bullet_front(line: str) -> str:
    """" صداع شديد ودوار وغثيان.•" -> "• صداع شديد ودوار وغثيان.": a list bullet written last."""
    m = _BULLET_END_RE.match(line)
    return f"{m.group(2)} {m.group(1).strip()}" if m else line


def swap_runs(line: str, brackets_apart: bool = False) -> str:
    """Runs of Latin letters and digits and the text between them, back in logical order.

    ")، لأنه لا يفيد في هذه الحالةParacetamol(" -> "(Paracetamol)، لأنه لا يفيد في هذه الحالة":
    the tool kept each right-to-left run whole but wrote the runs left to right. Some tools cut
    the right-to-left text at brackets too (`brackets_apart`). Sentence-end punctuation already
    put back at the end stays there.
    """
    end = len(line.rstrip(_ATTACH_LEFT))
    body, tail = line[:end], line[end:]
    pattern = _LTR_OR_BRACKET_RE if brackets_apart else _LTR_RUN_RE
    pieces: list[str] = []
    pos = 0
    for m in pattern.finditer(body):
        if m.start() > pos:
            pieces.append(body[pos:m.start()])
        pieces.append(m.group())
        pos = m.end()
    if pos < len(body):
        pieces.append(body[pos:])
    if len(pieces) < 2:
        return line
    return respace("".join(_flip_edges(p) for p in reversed(pieces))) + tail


def respace(line: str) -> str:
    """"من2025: نمو" -> "من 2025: نمو": a space a tool lost where a Latin or digit run meets a word."""
    return _GLUED_RUN_RE.sub(" ", line)


# Where a Latin or digit run now meets an Arabic word with no space: the tool dropped it at the
# run's edge. A one-letter prefix (وGoogle) or a year suffix (2025م) stays glued.
_GLUED_RUN_RE = re.compile(f"(?<=[{_LETTER}]{{2}})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{_LETTER}]{{2}})")


def _flip_edges(piece: str) -> str:
    """A piece's leading spaces become trailing ones and back, as the pieces turn around."""
    core = piece.strip(" ")
    if not core:
        return piece
    lead = len(piece) - len(piece.lstrip(" "))
    trail = len(piece) - len(piece.rstrip(" "))
    return " " * trail + core + " " * lead


# Rule 5 without punctuation to show it: where a number stands tells. Arabic sets a number after
# the words that introduce one (a preposition, "الساعة", "بلغت") and before what it counts (a unit,
# a month, "صباحًا"); a line whose runs were turned around puts it between the wrong words.
_BEFORE_NUMBER = frozenset(
    "في من إلى الى نحو حوالي بحوالي قرابة بلغ بلغت يبلغ تبلغ بلغا بنسبة بمقدار قدره قدرها بقيمة بتكلفة "
    "الساعة رقم بين منذ حتى تتجاوز يتجاوز تجاوزت تجاوز تجاوزا أصل مقابل عدد إجمالي بواقع بمعدل "
    "عام العام لعام بعام سنة السنة لسنة".split()) | frozenset(WEEKDAYS)
_AFTER_NUMBER = frozenset(
    "ألف آلاف مليون ملايين مليار مليارات ريال ريالا ريالًا دولار دولارا دولارًا درهم درهما دينار دينارا جنيه "
    "جنيها يورو طن طنا طنًا متر مترا مترًا كيلومتر كيلومترا كيلومترًا كيلوواط ميغاواط درجة نقطة ساعة ساعات "
    "دقيقة دقائق يوم يوما يومًا أيام شهر شهرا شهرًا أشهر أسبوع أسابيع سنة سنوات عاما عامًا أعوام صباحا صباحًا "
    "مساء مساءً مساءا بالمئة بالمائة % ٪ م هـ ه".split()) | MONTHS
_NUMBER_TOKEN_RE = re.compile(f"^[{_DIGIT}][{_DIGIT}.,:/%٪٫٬-]*$")


def number_fit(line: str) -> int:
    """How well the line's numbers sit: +1 for each introducing word before a number and each
    counted word after it, -1 for each the other way round (a number in brackets has none), -2
    for a range that runs backwards ("2025-2021")."""
    raw = [part for token in line.split() for part in _SUFFIXED_RE.sub(r"\1 \2", token).split()]
    words = [w.strip("،,.:;؛!?؟()[]«»\"'") for w in raw]
    fit = 0
    for k, w in enumerate(words):
        if not _NUMBER_TOKEN_RE.match(w):
            continue
        if (m := _RANGE_RE.fullmatch(w)) and len(m.group(1)) == len(m.group(2)) and int(m.group(1)) > int(m.group(2)):
            fit -= 2
        # of a pair of names ("سبتمبر/أيلول") the one next to the number counts
        before = words[k - 1].rpartition("/")[2] if k and raw[k][0] not in _OPENING else ""
        after = words[k + 1].partition("/")[0] if k + 1 < len(words) and raw[k][-1] not in ")]}»" else ""
        if (before == "الساعة" and not _TIME_RE.match(w)) or (before in WEEKDAYS and not _DAY_RE.match(w)):
            before = ""  # the hour introduces a time, a weekday the day of the month: not a year or an amount
        if after in MONTHS and not _DAY_RE.match(w):
            after = ""  # a month counts the day before it; a year comes after it
        fit += (before in _BEFORE_NUMBER or (before in MONTHS and _YEAR_RE.match(w) is not None)) + (after in _AFTER_NUMBER)
        fit -= ((before in _AFTER_NUMBER and before not in _BEFORE_NUMBER and before not in MONTHS)
                + (after in _BEFORE_NUMBER and after not in _AFTER_NUMBER))
        fit -= bool(after) and conjunction(after)  # a clause opened by و/ف follows a word, not a number
    return fit


_RANGE_RE = re.compile("([0-9]{2,4})-([0-9]{2,4})")
_SUFFIXED_RE = re.compile(f"^([{_DIGIT}]+)(هـ|ه|م)(?=[،,.]?$)")  # "1446هـ": a year and its era, two words
_YEAR_RE = re.compile(f"^[{_DIGIT}]{{4}}$")
_DAY_RE = re.compile(f"^[{_DIGIT}]{{1,2}}$")
_TIME_RE = re.compile(f"^[{_DIGIT}]{{1,2}}(?:[:.٫][{_DIGIT}]{{2}})?$")


def number_reading(line: str, family: str) -> str | None:
    """The family's reading of a line that shows no misplacement, where its numbers sit clearly
    better (by NUMBER_FIT, or by one with its word pairs reading better too) and nothing is
    misplaced after it; for a document that shows the damage."""
    if not any(c.isdigit() for c in line) or _DIGIT_IN_WORD_RE.search(line) or is_debris(line):
        return None
    best = best_reading(line, family)
    if best is None or best[1] > 0:
        return None
    gain = number_fit(best[0]) - number_fit(line)
    if gain >= NUMBER_FIT:
        return best[0]
    # one number better placed, and the words on either side of the junctions read better too
    # (not where a percent sign stands glued to a word: "عام%" is damage of another kind)
    if gain < 1 or _SIGN_ON_WORD_RE.search(line):
        return None
    return best[0] if line_score(best[0].split()) >= line_score(line.split()) + PAIR_FIT else None


NUMBER_FIT = 2
PAIR_FIT = 0.3  # what the word pairs (context.line_score) must gain where the numbers gain one
_SIGN_ON_WORD_RE = re.compile(f"[{_LETTER}][%\u066a]")

"""Lines whose direction runs a tool wrote left to right, each run in logical order (PyMuPDF, pypdf).

These tools take a drawn line left to right and turn each right-to-left run back into logical
order, but leave the runs themselves in display order: "أكبر2025  يوليو/تموز31 الخميس" for
"الخميس 31 يوليو/تموز 2025 أكبر", a line's final period at its start. Arabic-Indic digits
count as right-to-left there, so their numbers come out reversed ("٥٢٠٢" for "٢٠٢٥").

Nothing in one line proves it (the Arabic words read well), so both are decided once per
document, from what clean text never shows: numbers that start with a zero or whose thousands
group is short, and a Latin or digit run glued to the word on its left but spaced on its right.
A line is then put back by inverting UAX #9 over its units, each Arabic run one opaque
right-to-left unit (its punctuation inside it is already in place). Where else a tool ended its
runs (brackets, quotes, a sign drawn from another font) differs from tool to tool and producer
to producer, and is chosen per document by which choice leaves the lines reading best.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from warraq.arabic.bidi import visual_to_logical
from warraq.arabic.chars import fold_presentation_forms
from warraq.repair.mixed import misplacements, number_fit
from warraq.repair.strays import BULLETS
from warraq.repair.text import has_arabic

_AN_DIGIT = "\u0660-\u0669"
_AN_NUMBER_RE = re.compile(f"[{_AN_DIGIT}]+(?:[\u066b\u066c.,:/\\-][{_AN_DIGIT}]+)*")
_LETTER = "\u0621-\u063f\u0641-\u064a"
_FORMS = _LETTER + "\ufb50-\ufdff\ufe70-\ufefc"  # presentation forms are folded after this pass
# A Latin or digit run (an address or "+966" too) glued to two letters on its left and followed
# by a space: the space a tool kept on the run's far side ("أكبر2025  يوليو", "حسابinfo@x.org ");
# a one-letter prefix ("وGoogle ") is writing, and a list number is what a line cut into pieces
# written with no space shows ("يسأ1. التفكير"). A line may open with its stop and a space
# (". خلال أيام العمل"), after a space the tool kept at its start.
_GLUED_LEFT_RE = re.compile(f"[{_FORMS}]{{2}}(?![0-9]{{1,2}}\\. )[A-Za-z0-9+][A-Za-z0-9.,:%@/_+\\-]* ")
_GLUED_RIGHT_RE = re.compile(f" [A-Za-z0-9+][A-Za-z0-9.,:%@/_+\\-]*[{_FORMS}]{{2}}")
_LEADING_STOP_RE = re.compile(f"^ *[.:،؛!؟»)\\]]+ ?(?=[{_FORMS}\u0640\u064b-\u0652])")
_TRAILING_BULLET_RE = re.compile(f"[{_FORMS}\u064b-\u0652][.:،؛!؟]?[{BULLETS}]\\s*$")  # "أو أكثر.•"
MIN_EVIDENCE = 3
MIN_FIT_GAIN = 2  # numbers placed better as given (`spaces_moved`): one is chance in a short column
# Characters some tools also end a run at, decided per document (`best_cuts`): brackets and
# quotes, and signs a producer drew from another font than the words around them (the Arabic
# percent sign too: of the class that always ends a run, yet some tools keep it in theirs).
CUT_BRACKETS = "()[]{}«»“”\"'"
_PARENTHESES = "()[]{}"  # without the quotes, which a tool may keep in its runs ("حملة «شاطئنا أمانة» تجمع")
CUT_SIGNS = "-/+\u066a"
STOPS = ".:"  # a period or colon from another font than the words around it ("إطلاق.لم يعد": pypdf)
# In place of CUT_BRACKETS (PyMuPDF): brackets end a run only where they touch Latin or a number
# ("Models( صار"), and one that opens a run stays in it (") للكتابة" is in logical order).
BESIDE_LATIN = "\x00"
_JOINING_SIGNS = "-/+"  # set without spaces, and kept inside a run between two digits
# Alongside the others: brackets kept inside a run are mirrored (PyMuPDF on some producers:
# "رقم )١٤٧( لسنة"), so each one in an Arabic run is turned back.
MIRRORED = "\x01"
_MIRROR = str.maketrans("()[]{}", ")(][}{")


def _number_oddities(number: str) -> int:
    """How many ways a number breaks the way numbers are written (0 for a plausible one)."""
    bad = 0
    parts = re.split("[\u066b\u066c.,:/\\-]", number)
    if len(number) > 1 and number[0] == "\u0660" and number[1:2] not in ("\u066b", "."):
        bad += 1  # a leading zero ("٠٥")
    for sep, part in zip(re.findall("[\u066b\u066c.,:/\\-]", number), parts[1:]):
        if sep in "\u066c," and len(part) != 3 or sep == ":" and len(part) != 2:
            bad += 1  # a thousands group or minutes not of their size ("٠٠٥٬٤", "٠٠:٤")
    return bad


def an_reversed(text: str) -> bool:
    """Are the document's Arabic-Indic numbers written backwards?

    Each number is scored as given and reversed; the document is reversed when the numbers
    as given break the rules of writing numbers clearly more often than reversed ones do.
    """
    given = backwards = 0
    for m in _AN_NUMBER_RE.finditer(text):
        number = m.group()
        if len(number) < 2:
            continue
        given += _number_oddities(number)
        backwards += _number_oddities(number[::-1])
    return given >= MIN_EVIDENCE and given >= 3 * backwards


def reverse_an_numbers(line: str) -> str:
    """Every Arabic-Indic number of the line read backwards ("٥٢٠٢" -> "٢٠٢٥")."""
    return _AN_NUMBER_RE.sub(lambda m: m.group()[::-1], line)


def runs_swapped(lines: list[str], numbers_reversed: bool = False) -> bool:
    """Did the tool write the direction runs of its lines left to right (see the module doc)?

    Evidence: Latin and digit runs glued to the word on their left but spaced on their right,
    and lines that open with their own sentence end or close with their list marker. Careless
    clean text glues runs on either side alike and never opens a line with a period; a tool
    that writes whole lines backwards (pdfminer.six) is found by the visual rule before this
    one is asked. Where the document's numbers are backwards (`numbers_reversed`), the tool is
    one of these already, and such lines count as much as glued runs: a text without Latin has
    no other evidence.
    """
    left = sum(len(_GLUED_LEFT_RE.findall(ln)) for ln in lines)
    right = sum(len(_GLUED_RIGHT_RE.findall(ln)) for ln in lines)
    leading = sum(_LEADING_STOP_RE.match(ln) is not None or _TRAILING_BULLET_RE.search(ln) is not None
                  for ln in lines)
    if numbers_reversed:
        left += leading
    return left >= MIN_EVIDENCE and left + leading >= 3 * (right + 1)


def spaces_moved(lines: list[str], extra: str) -> bool:
    """Did the tool keep its runs in order and only move the spaces beside them (PyMuPDF on
    LibreOffice: "منChatGPT إلى" with the lost space at the line's start)?

    Such text glues runs on the left just as swapped text does. Two things tell it apart: a
    tool that swapped the runs leaves the space it took from the glued side doubled on the
    other ("أكبر2025  يوليو"), and putting the runs back moves the numbers away from the words
    that introduce and count them ("أكثر من 400 مليون" becomes "مليون 400 يكمن"), clearly.
    """
    if sum(len(_DOUBLED_RE.findall(t)) for t in lines) > 1:
        return False
    moved = [t for t in lines if has_runs(t, extra)]
    given = sum(number_fit(_unglued(t)) for t in moved)
    return given >= sum(number_fit(_unglued(unswap(t, extra))) for t in moved) + MIN_FIT_GAIN


def respace(line: str) -> str:
    """A line of such a tool: the spaces it moved to the line's start go back between each word
    and the Latin or digit run glued to it ("  منChatGPT إلى" -> " من ChatGPT إلى")."""
    lead = len(line) - len(line.lstrip(" "))
    points = [m.start() for m in _GLUED_POINT_RE.finditer(line)]
    if not points or len(points) > lead:  # which of the glued runs lost the space is unknown
        return line
    for p in reversed(points):
        line = line[:p] + " " + line[p:]
    return line[len(points):]


_GLUED_POINT_RE = re.compile(f"(?<=[{_FORMS}]{{2}})(?=[A-Za-z0-9][A-Za-z0-9.,:%]*(?: |$))")
_DOUBLED_RE = re.compile(r"\S  \S")
_GLUE_RE = re.compile(f"(?<=[{_FORMS}\u064b-\u0652])(?=[A-Za-z0-9])")


def _unglued(line: str) -> str:
    return _GLUE_RE.sub(" ", fold_presentation_forms(line))


def best_cuts(lines: list[str], every_line: bool) -> str | None:
    """The characters besides Latin and European digits at which the document's tool ended its
    runs (brackets with or without quotes, or `BESIDE_LATIN`, or none, with the brackets kept in
    runs maybe mirrored: `MIRRORED`; signs of `CUT_SIGNS`; or none),
    or None when the lines put back with the best of them read no better than as given.

    With `every_line` (the Latin shows the damage) each line that holds a cut is put back.
    Without it (only the numbers do) a line is put back only where it has a sign glued between
    a word and a number and then reads better: the tool's other lines are rule 5's (mixed.py),
    and brackets stay as they are, since a line whose brackets a tool mirrored looks the same.

    Reading better means fewer marks and numbers where writing never puts them, fewer signs
    glued between a word and a number, and no line opening with a bracket and a space
    (`oddities`). The brackets are chosen first, then the signs that help the lines holding
    them most, then `STOPS` where lines show a period or colon glued between two words.
    """
    stopped = [t for t in lines if every_line and has_arabic(t) and _GLUED_STOP_RE.search(t)]
    lines = [t for t in lines if has_arabic(t) and has_runs(t, CUT_BRACKETS + CUT_SIGNS)
             and (every_line or glued_sign(t))]

    def cost(texts: list[str], extra: str) -> int:
        total = 0
        for t in texts:
            given = oddities(t)
            # only the cut characters the line holds matter: the many subsets tried share them
            put_back = _put_back_oddities(t, "".join(c for c in extra if c in t or c in _MODES))
            total += put_back if every_line else min(given, put_back)
        return total

    # a tie keeps the fewer cuts
    modes = ("", MIRRORED, BESIDE_LATIN, _PARENTHESES, CUT_BRACKETS)
    extra = min(modes, key=lambda e: cost(lines, e)) if every_line else ""
    holding = [t for t in lines if any(c in t for c in CUT_SIGNS)]
    signs = [c for c in CUT_SIGNS if any(c in t for t in holding)]
    # every subset of them, fewest first: "ﺍﻟﺘﻲ/٢ ... ﻣﺎﻳﻮ-ﺗﻮّﺝ" reads well only with both cut
    subsets = sorted(("".join(c for k, c in enumerate(signs) if mask >> k & 1) for mask in range(1 << len(signs))),
                     key=len)
    extra += min(subsets, key=lambda sub: cost(holding, extra + sub))
    if stopped and cost(stopped, extra + STOPS) < cost(stopped, extra):
        extra += STOPS
        lines += [t for t in stopped if t not in lines]
    return extra if cost(lines, extra) < sum(map(oddities, lines)) else None


_MODES = BESIDE_LATIN + MIRRORED


@lru_cache(maxsize=20_000)
def _put_back_oddities(line: str, extra: str) -> int:
    return oddities(unswap(line, extra)) if has_runs(line, extra) else oddities(line)


def flipped_quotes(line: str) -> bool:
    """Does the line hold a quotation whose marks face away from it and touch the words outside
    ("يفهم”الخوارزميات“ذو")? No writing does; a tool that swapped the line's runs does."""
    return _FLIPPED_RE.search(line) is not None


_FLIPPED_RE = re.compile(f"[{_FORMS}](?:»[^«»\\s][^«»]{{0,80}}(?<!\\s)«|”[^“”\\s][^“”]{{0,80}}(?<!\\s)“)[{_FORMS}]")


def glued_sign(line: str) -> bool:
    return _GLUED_SIGN_RE.search(line) is not None


def oddities(line: str) -> int:
    """Marks, numbers, signs and brackets where writing never puts them (see `best_cuts`)."""
    return (misplacements(line) + len(_GLUED_SIGN_RE.findall(line)) + len(_SPACED_BRACKET_RE.findall(line))
            + len(_GLUED_STOP_RE.findall(line)))


_GLUED_STOP_RE = re.compile(f"[{_FORMS}]{{2}}[.:][{_FORMS}]")  # "الأبحاث.فمنذ": never in writing
_SPACED_BRACKET_RE = re.compile("^[([{] ")  # "( صار ... والبحث)": a bracket a tool carried to the line's end


# A sign between a word and a number, or a hyphen or plus between two words, with no space: the
# place where a tool joined two runs it had swapped ("التي/٢", "٤+النصر", "التي-توّج", "أيام،/حذرت").
# A one-letter abbreviation before a number is writing: a decree "م/٥", a page "ص/١٢".
_GLUED_SIGN_RE = re.compile(f"[{_FORMS}]{{2}}[-+/][0-9\u0660-\u0669]|[0-9\u0660-\u0669][-+/][{_FORMS}]{{2}}"
                            f"|[{_FORMS}][-+][{_FORMS}]|[،؛.,][-+/]|[-+/][،؛]")


def left_to_right(line: str) -> bool:
    """Is the line an English sentence with Arabic in it (four Latin words or more, twice as many
    Latin letters as Arabic)? A run-swapping tool writes the runs of a left-to-right paragraph
    in their order, and `unswap` inverts the algorithm for a right-to-left one. (Rule 5 still
    looks at such lines: pdfminer.six writes their Arabic backwards.)"""
    latin = _LATIN_WORD_RE.findall(line)
    return len(latin) >= 4 and sum(map(len, latin)) > 2 * len(_ARABIC_LETTER_RE.findall(line))


_LATIN_WORD_RE = re.compile(r"(?<![\w@/:.])[A-Za-z]{2,}(?![\w@/:]|\.\w)")  # not in an address or a URL
_ARABIC_LETTER_RE = re.compile(f"[{_FORMS}]")


def has_runs(line: str, extra: str = CUT_BRACKETS) -> bool:
    """Does the line hold anything a tool could have moved: a run cut out of it (at the
    characters that always cut a run, or at `extra`), or a sentence end standing at its start?
    Not in a left-to-right sentence (`left_to_right`)."""
    if left_to_right(line):
        return False
    if MIRRORED in extra and any(c in line for c in "()[]{}"):
        return True
    return _LEADING_END_RE.match(line) is not None or any(_cut(line, i, extra) for i in range(len(line)))


def _rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL", "AN", "NSM")


def _is_run(unit: str) -> bool:
    return any(_rtl(c) for c in unit)


def _cut(line: str, i: int, extra: str) -> bool:
    """Does a tool end a right-to-left run at line[i]? Always at Latin letters, European digits
    and number signs; at the `extra` characters too, but at a sign only where it does not stand
    between two digits (the tool keeps "٢٠٢١-٢٠٢٥" in one run)."""
    ch = line[i]
    if ch not in CUT_SIGNS and unicodedata.bidirectional(ch) in ("L", "EN", "ET"):
        return True
    if ch not in extra:
        return BESIDE_LATIN in extra and ch in CUT_BRACKETS and (_latin(line, i - 1) or _latin(line, i + 1))
    return (ch not in _JOINING_SIGNS and ch not in STOPS
            or not (0 < i < len(line) - 1 and line[i - 1].isdigit() and line[i + 1].isdigit()))


def _latin(line: str, i: int) -> bool:
    return 0 <= i < len(line) and unicodedata.bidirectional(line[i]) in ("L", "EN")


def _units(line: str, extra: str) -> list[str]:
    """The line as Arabic runs and single other characters.

    A run takes in the neutral characters on both sides of its Arabic up to the next cut (the
    tool turned them around with it), except the sentence end a tool left at the line start.
    In a numbered item ("1. التفكير"), whose number the tool wrote last, glued to the item's
    last word, the period before the space is the number's: ".. العمل ... المهارات2".
    """
    leading = _LEADING_STOP_ONLY_RE if BESIDE_LATIN in extra else _LEADING_END_RE
    lead = len(line) - len(leading.sub("", line, count=1))
    if lead and line[lead - 1] == "." and line[lead:lead + 1] == " " and _ITEM_NUMBER_END_RE.search(line):
        lead -= 1
    # a comma or bracket after the sentence end is the run's: ".، وسلامتكم تهمناhttps://..."
    if (stops := _STOPS_RE.match(line)) is not None:
        lead = min(lead, stops.end())
    units = list(line[:lead])
    i, n = lead, len(line)
    while i < n:
        j = i
        while j < n and not _cut(line, j, extra):
            j += 1
        if j == i:
            units.append(line[i])
            i += 1
        elif any(_rtl(c) for c in line[i:j]):
            units.append(line[i:j])
            i = j
        else:
            units.extend(line[i:j])
            i = j
    return units


_STOPS_RE = re.compile("[.!؟]+(?=[،؛)])")
_ITEM_NUMBER_END_RE = re.compile(f"[{_FORMS}][0-9]{{1,3}}$")
_LEADING_END_RE = re.compile("^[.:،؛!؟»)\\]”]+")
_LEADING_STOP_ONLY_RE = re.compile("^[.:،؛!؟]+")


def unswap(line: str, extra: str = "") -> str:
    """A line written run by run left to right, back in logical order.

    Each Arabic run (up to a Latin letter, a European digit or a number sign, or one of the
    `extra` characters) is one unit of class R; the rest are single
    characters, and UAX #9 is inverted over them for a right-to-left paragraph. A tool keeps a
    run's spaces on whichever side it drew them, so they are dropped and set again: one space
    where a run meets a number or Latin word, none before punctuation that ends a phrase.
    """
    units = _units(line, extra)
    texts = ["\u0628" if _is_run(u) else u for u in units]
    ordered, _ = visual_to_logical(units, texts, "rtl")
    out: list[str] = []
    for k, u in enumerate(ordered):
        if not _is_run(u):
            out.append(u)
            continue
        core = u.strip(" ").translate(_MIRROR) if MIRRORED in extra else u.strip(" ")
        # a phrase end glued to the run's first letter is the run's own end, which the tool left
        # where it was drawn (":للتواصل مع الكاتبة"); one followed by a space ends what came before
        if (end := _GLUED_END_RE.match(core)) is not None:
            core = core[end.end():] + end.group()
        before = (k > 0 and not _bare(ordered[k - 1]) and core[0] not in _ATTACH_LEFT
                  and ordered[k - 1] not in _ATTACH_RIGHT)
        after = k + 1 < len(ordered) and not _bare(ordered[k + 1]) and ordered[k + 1] not in _ATTACH_LEFT
        out.append((" " if before else "") + core + (" " if after else ""))
    return end_item(_SPACES_RE.sub(" ", "".join(out)).strip(" "))


def end_item(line: str) -> str:
    """A list item put back with its own end beside its marker ("•.صداع شديد") ends with it."""
    if (m := _MARKER_STOP_RE.match(line)) is None:
        return line
    return m.group(1) + " " + line[m.end():].rstrip(" ") + m.group(2)


def _bare(unit: str) -> bool:
    """A unit a run meets without a space: a space itself, or a sign that joins ("٣-٢")."""
    return unit.isspace() or unit in _JOINING_SIGNS


_ATTACH_LEFT = ".,:;!?،؛؟)]}»”%_"
_ATTACH_RIGHT = "([{«“"
_SPACES_RE = re.compile(" {2,}")
_MARKER_STOP_RE = re.compile(f"^([{BULLETS}])([.:،؛!؟]+) ?")
_GLUED_END_RE = re.compile(f"[:،؛!؟]+(?=[{_FORMS}])")

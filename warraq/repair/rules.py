"""The line rules of `warraq repair`, each a small pure function (rules 1, 3, 5 and 6 of issue 5).

Segments (rule 2) live in segments.py and PUA decoding (rule 4) in pua.py; this module holds the
rules that need no search: visual-order reversal, run reordering, kashida, presentation forms,
lam-ligature order and bidi controls.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from itertools import combinations

from warraq.arabic import chars
from warraq.arabic.bidi import bracket_sides, mirror_brackets, visual_to_logical
from warraq.repair.model import NON_JOINING, known, listed, logp, logp_conj, word_key
from warraq.repair.text import EDGE_PUNCT, MARK_CLASS, MARKS, arabic_core, clusters, marks_lead, split_core

# Letters X for which the font has a lam+X ligature; a bad ToUnicode (or a tool reversing a
# visual line code point by code point) writes the pair as X+lam: "األولى", "املدينة".
LAM_PARTNERS = frozenset(s[1] for s in chars.LIGATURES if len(s) == 2 and s[0] == "ل")
# Only lam-alef (chars.LAM_ALEF_PARTNERS) is in every Arabic font; "يل" or "مل" in a rare word
# ("قبيلها") is no ligature read backwards unless the document shows that pattern (core._lam_damage).
LAM_ALEF_PARTNERS = chars.LAM_ALEF_PARTNERS


_C0_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def strip_controls(line: str, marks_first: bool = False) -> str:
    """Rule 6: remove bidi controls (LRM, RLM, embeddings, isolates) and stray C0 controls.

    A NUL or other C0 control in Arabic text is a glyph a tool could not map to text, often a
    joining piece between two letters ("لك\\x00ن"); tab, line and page breaks stay. A
    left-to-right embedding in a line opened right to left is first read in logical order
    (`_embedded`; `marks_first`: the tool wrote marks before their letters).
    """
    if line.startswith(_RLE):
        line = _EMBEDDING_RE.sub(lambda m: _embedded(m.group(1), marks_first), line)
    return _C0_RE.sub("", chars.strip_bidi_controls(line))


# pdftotext opens each right-to-left line with RLE and wraps what it set left to right in
# LRE ... PDF, in display order: "من ‪ :2025‬نمو" for "من 2025: نمو", "ذلك‪ ،‬يتوقع" for "ذلك، يتوقع".
_RLE = "\u202b"
_EMBEDDING_RE = re.compile("\u202a([^\u202a-\u202e]*)\u202c")
_DIGITS_LATIN = "A-Za-z0-9\u0660-\u0669"
# a bracket glued to the far side of a word, spaced on the other: display order ("2025 )handle")
_SHOWN_BRACKET_RE = re.compile(f" [)\\]}}][{_DIGITS_LATIN}@]|[{_DIGITS_LATIN}][(\\[{{] ")
_NUMBERS_RE = re.compile("[0-9.,:%]+(?:[-/ ][0-9.,:%]+)+")  # ranges, dates, a phone number's groups
_NUMBERS_SPLIT_RE = re.compile("([-/ ])")
# a number with its sign after it: "12.1%+" is +12.1% shown right to left
_SIGN_LAST_RE = re.compile("[0-9.,% ]*[0-9%][+-] *")
_EMBEDDED_TOKEN_RE = re.compile(f"[{_DIGITS_LATIN}](?:[{_DIGITS_LATIN} .,:/%@_#-]*[{_DIGITS_LATIN}])?%?|.", re.S)


def _embedded(segment: str, marks_first: bool = False) -> str:
    """An embedding's text in logical order, where its display order shows. Such a segment is
    read right to left as a whole, each word or number kept as it is (numbers in a row one by
    one):
    - punctuation and spaces, or a segment that ends in a word or number and starts with
      anything else ("،", " :2025", ")Federal Reserve");
    - a bracket on the wrong side of a word ("July 24, 2025 )handle");
    - Arabic punctuation, which only right-to-left text sets (" %0.6 ،");
    - a number followed by its sign ("12.1%+"), or a spaced colon or period at the end.

    Marks at its start stay on the letter before it, or go to the letter after it where the tool
    wrote marks before their letters ("عظيمٌ\u202aَ ،\u202cوهو"). Anything else ("(Word)", "Word")
    is taken as given."""
    body = segment.lstrip("".join(c for c in segment if unicodedata.category(c) == "Mn"))
    lead = segment[: len(segment) - len(body)]
    # numbers in a row (a range, a date, a phone number) are set one by one: "2024-2020"
    tokens = [part for t in _EMBEDDED_TOKEN_RE.findall(body)
              for part in (_NUMBERS_SPLIT_RE.split(t) if _NUMBERS_RE.fullmatch(t) else (t,))]
    words = [len(t) > 1 or t.isalnum() for t in tokens]
    if tokens and (not any(words) or (not words[0] and words[-1]) or _SHOWN_BRACKET_RE.search(body)
                   or "،" in body or "؛" in body or _SIGN_LAST_RE.fullmatch(body) or body.endswith((" :", " ."))):
        body = "".join(reversed(tokens))
        return body + lead if marks_first else lead + body
    return segment


def fold_forms(line: str) -> str:
    """Rule 6: fold Arabic presentation forms per character (never NFKC on the whole string)."""
    return chars.fold_presentation_forms(line)


def remove_kashida(line: str) -> str:
    """Rule 3: drop justification tatweel inside words.

    Decision: tatweel between two letters is stretching and goes. One tatweel after a letter at
    the end of a word is kept, because there it is written on purpose ("هـ" after a Hijri year,
    "الـ" before a number). A tatweel that starts a word has nothing to stretch and goes; one
    standing between spaces was typed as a dash ("ب ـ لا") and stays.
    """
    return chars.remove_kashida(line)


def fix_allah(word: str) -> str:
    """Rule 6: "اهلل" is the word الله read through a broken ligature mapping ("العبداهلل"), and
    "االله" its alef drawn apart from a ligature mapped to all of الله ("العبداالله")."""
    if "اهلل" in word:
        word = word.replace("اهلل", "الله")
    return word.replace("االله", "الله") if "االله" in word else word


def fix_lam_order(word: str, margin: float = 1.5, partners: frozenset[str] = LAM_PARTNERS) -> str:
    """Rule 6: undo "X+lam" written for a lam+X ligature, if that makes a (more) common word.

    Every combination of up to three suspicious pairs is tried; the word is changed only when
    the best candidate is listed and `margin` (log10: 1.5 is 30 times) more frequent than the
    word as given.
    """
    spots = [i for i in range(len(word) - 1) if word[i + 1] == "ل" and word[i] in partners]
    if not spots:
        return word
    given = best_lp = logp_conj(word)  # "ولطالب" is a word, not "ولطلاب" misread
    best = word
    for k in range(1, min(3, len(spots)) + 1):
        for combo in combinations(spots, k):
            if any(b - a < 2 for a, b in zip(combo, combo[1:])):
                continue  # overlapping pairs
            w = list(word)
            for i in combo:
                w[i], w[i + 1] = w[i + 1], w[i]
            cand = "".join(w)
            lp = logp_conj(cand)
            if lp > best_lp:
                best, best_lp = cand, lp
    if best != word and best_lp >= given + margin:
        return best
    return word


JOIN_SPLIT_GAIN = 6.0
JOIN_SPLIT_GAIN_DAMAGED = 5.0  # in a document whose joins at JOIN_SPLIT_GAIN show the damage
MARK_GAP_GAIN = 0.0  # a word that started with a mark asks no more than a likelier join
_FINAL_ALEF_TANWEEN = re.compile("\u0627\u064b(?![\u0621-\u064a])")
_SPACE_BEFORE_MARK = re.compile("[ \u00a0]+(?=[\u064b-\u065f\u0670])")
_SPACE_AFTER_MARK = re.compile("(?<=[\u064b-\u065f\u0670])[ \u00a0]+(?=[\u0621-\u064a])")


def drop_mark_spaces(line: str, marks_first: bool = False) -> str:
    """Spaces a tool put between a mark and its letter, from the gap the mark glyph leaves.

    Where marks follow their letter, a mark never starts a word ("ﺎ ًﺳﺪﻨﻬﻣ"); where they were
    read before it, a mark is never followed by a space ("اً لطب"). Other split words are left
    to `join_split_words`.
    """
    return (_SPACE_AFTER_MARK if marks_first else _SPACE_BEFORE_MARK).sub("", line)


# a space between a word's last mark and the punctuation after it (not an ellipsis: "الشَّمْسُ ...")
_GAP_AFTER_MARK_RE = re.compile("(?<=[\u064b-\u0652]) (?=[،:؛؟!,]|\\.(?!\\.))")
_GAP_AFTER_LETTER_RE = re.compile("(?<=[\u0621-\u064a]) (?=[،:؛؟!,]|\\.(?!\\.))")
MARK_GAPS = 3  # spaces a document must show after marks, four times as many as after letters


def shows_mark_gaps(text: str) -> bool:
    """Does the document put a space before punctuation after a mark, where its writer does not
    after a letter? (A tool measured the gap from the mark glyph's box: "النَّاسُ ، وَمَنْ".)"""
    after_marks = len(_GAP_AFTER_MARK_RE.findall(text))
    return after_marks >= MARK_GAPS and after_marks >= 4 * len(_GAP_AFTER_LETTER_RE.findall(text))


def close_punctuation_gaps(line: str) -> str:
    return _GAP_AFTER_MARK_RE.sub("", line)


# three groups of digits or more, with the plus sign after them
_PLUS_LAST_RE = re.compile(r"(?<![\d+])(\d+(?: \d+){2,})\+(?! ?\d)")


def international_numbers(line: str) -> str:
    """A number its author kept left to right ("+966 11 234 5678"), which turning a line back
    from display order reads as right-to-left groups with the plus sign after them ("5678 234
    11 966+"): its groups in their order again, the sign first. (No text writes the sign last.)"""
    return _PLUS_LAST_RE.sub(lambda m: "+" + " ".join(reversed(m.group(1).split(" "))), line)


_MARKS_BEFORE_LETTER_RE = re.compile(f"({MARK_CLASS}+)([\u0621-\u064a])")


def marks_after_letters(line: str) -> str:
    """Each run of marks a tool wrote before its letter put after it ("ُنّفذ" -> "نُفّذ"). A
    word that started with a mark then joins the word before it wherever together they are the
    likelier reading: no word starts with a mark, so the space is most likely the gap the mark
    glyph left ("ط ًنا" -> "طنًا", "شهر ًيا" -> "شهريًا", but "وقد ُنّفذ" -> "وقد نُفّذ")."""
    out: list[str] = []
    for token in line.split(" "):
        moved = _MARKS_BEFORE_LETTER_RE.sub(lambda m: m.group(2) + m.group(1), token)
        if out and _MARKS_BEFORE_LETTER_RE.match(token) and _join_gain(out[-1], moved) > MARK_GAP_GAIN:
            out[-1] += moved
        else:
            out.append(moved)
    return " ".join(out)


@lru_cache(maxsize=20_000)  # each line is asked up to four times a round, and again next round
def join_split_words(line: str, bar: float = JOIN_SPLIT_GAIN, joined_letters: bool = False,
                     lone_letters: bool = True) -> str:
    """Rejoin words that a tool cut with a space ("فر يق" -> "فريق"), where the model insists.

    Such spaces come from glyph gaps: the joined word must be listed, and far likelier than the
    two pieces side by side. A piece between two others joins the side it gains most with
    ("أحكام ه ذا" -> "أحكام هذا", not "أحكامه ذا"): the surest joins are made first.
    With `joined_letters`, only a cut between two letters drawn joined is mended, and only
    between pieces of two letters or more ("تط وير"): a justified line is never cut there, so
    such joins cannot take a piece that reversed segments (segments.py) still has to place.
    Without `lone_letters` (counting evidence), a lone letter stays apart unless it makes a common
    word ("ع ن"): many writers set the conjunction و apart, and letters stand alone as labels
    (a triangle's vertices "أ ب ج", whose joins "أب" and "بج" are words of the list).
    """
    tokens = line.split(" ")
    if len(tokens) < 2:
        return line
    words = listed()
    gains = {}
    for k, (a, b) in enumerate(zip(tokens, tokens[1:])):
        # most tokens are bare letters, their own lookup forms: two such are one word only if
        # the list has them together, which a dictionary lookup tells before any closer reading;
        # a sign or a digit between them keeps them apart
        ab = a + b
        if ab.isalpha() and "\u0640" not in ab:
            if ab not in words:
                continue
        elif not (a and b and (a[-1].isalpha() or a[-1] in MARKS) and b[0].isalpha()):
            continue
        if joined_letters and not _joined_cut(a, b) or _set_apart(a, b):
            continue
        if not lone_letters and (a == "و" or _lone_label(a, b)):
            continue
        if (g := _join_gain(a, b)) >= bar:
            gains[k] = g
    if not gains:
        return line
    glued: set[int] = set()  # k: tokens k and k + 1 are one word again
    for k in sorted(gains, key=lambda k: -gains[k]):
        if k - 1 not in glued and k + 1 not in glued:
            glued.add(k)
    out = [tokens[0]]
    for k, tok in enumerate(tokens[1:]):
        if k in glued:
            out[-1] += tok
        else:
            out.append(tok)
    return " ".join(out)


LONE_LETTER_JOIN = -4.0  # log10: a lone letter is evidence of a cut only if it makes a word this common
_LABELS = frozenset("أبجدهوزحطيكلمنسعفصقرشتثخذضظغ")


def _lone_label(left: str, right: str) -> bool:
    """Is one side a lone letter whose join makes no common word (maybe a label, not a cut)?
    A bare alef labels nothing (a figure's first point is أ), nor does a letter with a vowel:
    alone they are cuts ("درسً ا", "خَ سِرَ")."""
    if left.strip(EDGE_PUNCT) not in _LABELS and right.strip(EDGE_PUNCT) not in _LABELS:
        return False
    return logp(_join_piece(left)[0] + _join_piece(right)[0]) < LONE_LETTER_JOIN


def _set_apart(left: str, right: str) -> bool:
    """A prefix a writer set apart with a tatweel ("بـ غرّة", "الـ 50"): its cut is on purpose."""
    return left.endswith(chars.TATWEEL) and len(word_key(arabic_core(left))) <= 2 and known(arabic_core(right))


def _joined_cut(left: str, right: str) -> bool:
    """Are both pieces Arabic words of two letters or more, the left ending in a letter that joins?"""
    a = [c for c in arabic_core(left) if c.isalpha()]
    b = [c for c in arabic_core(right) if c.isalpha()]
    return len(a) >= 2 and len(b) >= 2 and left.rstrip(MARKS)[-1:] == a[-1] and a[-1] not in NON_JOINING


def _join_gain(left: str, right: str) -> float:
    """How much likelier left+right is as one word than as the two pieces (0 if not a word)."""
    return _pieces_gain(_join_piece(left), _join_piece(right))


def _pieces_gain(a: tuple[str, float, bool, bool], b: tuple[str, float, bool, bool]) -> float:
    key_a, lp_a, _, open_end = a
    key_b, lp_b, open_start, _ = b
    if not (key_a and key_b and open_end and open_start):
        return 0.0  # not Arabic words, or punctuation between them
    joined = listed().get(key_a + key_b)
    if not joined:
        return 0.0
    if key_a == "ال":  # a lone article ending a piece is a cut
        lp_a = min(lp_a, -8.0)
    return math.log10(joined) - lp_a - lp_b


@lru_cache(maxsize=100_000)
def _join_piece(token: str) -> tuple[str, float, bool, bool]:
    """(lookup form of the token's Arabic word, its log frequency as a piece, nothing but the word
    before it, after it); a lone letter is a cut-off piece whatever the list says of it. Marks
    after the last letter belong to the word."""
    core = arabic_core(token) if token else ""
    if not core:
        return "", 0.0, False, False
    lead, _, trail = split_core(token)
    key = word_key(core)
    lp = logp(key)
    if len(key) == 1:
        lp = min(lp, -8.0)
    return key, lp, not lead, not trail.strip(MARKS)


def reverse_visual(line: str, marks_first: bool | None = None, classes: str | None = None) -> str:
    """Rule 1: a whole line given in visual (left-to-right display) order, back to logical order.

    Clusters (a letter with its marks, a presentation form) are the units; UAX #9 levels decide
    which runs (Latin words, numbers) keep their internal order; brackets are re-sided by what
    they touch, and a final period found at the line start moves back to the end. `classes`, a
    string as long as the line, gives characters whose bidi class should be read differently
    (see `class_stand_ins`).
    """
    lead = marks_lead(line) if marks_first is None else marks_first
    units = clusters(line, lead)
    texts = clusters(classes, lead) if classes is not None else units
    if len(texts) != len(units):
        texts = units
    ordered, levels = visual_to_logical(units, texts, "rtl")
    ordered = bracket_sides(mirror_brackets(ordered, levels))
    return tanween_before_alef(fold_forms("".join(reversed_cluster_marks(u) for u in ordered)))


_LATIN_NUMBER_RE = re.compile(r"(?<=[A-Za-z] )[0-9]+(?:[.,][0-9]+)*(?:, [0-9]+)*(?![0-9A-Za-z])")


def class_stand_ins(line: str, pua_kinds: dict[str, str] | None = None) -> str:
    """The line with characters replaced by stand-ins of the bidi class they should have.

    A PUA code takes the class of the letter or digit it stands for. A number shown right after
    a Latin word and a space ("SPF 30", "Llama 3", "May 5, 2023") is read as part of that run: in visual
    order it cannot be told from a number that precedes a Latin word in the logical text, and
    names with a number are the common case.
    """
    out = list(line)
    for m in _LATIN_NUMBER_RE.finditer(line):
        out[m.start():m.end()] = "x" * (m.end() - m.start())
    for i, ch in enumerate(line):
        if "\ue000" <= ch <= "\uf8ff":
            out[i] = "\u0628" if (pua_kinds or {}).get(ch) == "letter" else "5"
    return "".join(out)


def tanween_before_alef(text: str) -> str:
    """Fathatan on a word-final alef ("صباحاً") written before it ("صباحًا").

    In visual order the mark glyph sits between the two letters and either reading is possible;
    the spelling with the mark on the letter before the alef is the standard one.
    """
    return _FINAL_ALEF_TANWEEN.sub("\u064b\u0627", text)


def reversed_cluster_marks(unit: str) -> str:
    """A cluster whose marks were read before its base, put back as base + marks."""
    if len(unit) > 1 and unicodedata.category(unit[0]) == "Mn":
        bases = [c for c in unit if unicodedata.category(c) != "Mn"]
        marks = [c for c in unit if unicodedata.category(c) == "Mn"]
        return "".join(bases) + "".join(reversed(marks))
    return unit


_ARABIC_RUN_RE = re.compile(
    "[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]"
    "(?:[\u0610-\u061a\u0621-\u065f\u0660-\u0669\u0670-\u06d3\ufb50-\ufdff\ufe70-\ufefc\u060c\u061b\u061f ]*"
    "[\u0621-\u065f\u0660-\u0669\u0670-\u06d3\ufb50-\ufdff\ufe70-\ufefc])?"
)


def reorder_runs(line: str) -> str:
    """Rule 5: a mixed line whose runs are in visual order while Arabic inside a run is logical.

    "handle) March 3, 2024@) اسم الحساب —" -> "— اسم الحساب (@handle) March 3, 2024".
    Each Arabic run (words, the spaces between them, Arabic commas) is one unit; everything
    else is reordered per cluster with UAX #9, as in rule 1 (a number after a Latin word stays
    with it, see `class_stand_ins`).
    """
    units: list[str] = []
    texts: list[str] = []
    stand_ins = class_stand_ins(line)
    pos = 0
    for m in [*_ARABIC_RUN_RE.finditer(line), None]:
        start = m.start() if m else len(line)
        units.extend(clusters(line[pos:start]))
        texts.extend(clusters(stand_ins[pos:start]))
        if m:
            units.append(m.group())
            texts.append(m.group())
            pos = m.end()
    if len(texts) != len(units):
        texts = units
    ordered, levels = visual_to_logical(units, texts, "rtl")
    return "".join(bracket_sides(mirror_brackets(ordered, levels)))

"""Rule 1: whole lines given in visual (display) order, as pdfminer.six and pdfplumber write them.

Detection compares every word read as given and read backwards in the word model. Repair
reverses the line cluster by cluster with UAX #9 levels (rules.reverse_visual), after deciding
once per document on which side of its letter a tool wrote each mark.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from warraq.repair import rules
from warraq.repair.model import UNKNOWN, logp
from warraq.repair.text import PUA_RE, clusters, has_arabic, marks_lead

Evidence = tuple[int, int, int, float]
LEAD_SAMPLE = 40  # lines with marks read both ways to decide where a tool wrote marks
_WORD_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc\u064b-\u065f\u0670\ue000-\uf8ff]+")
_PLAIN_WORD_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]+")  # _WORD_RE without marks, forms and PUA
_MARK_RE = re.compile("[\u064b-\u0652]")
_HAMZA_MARKS = "\u0653\u0654\u0655"  # madda, hamza above and below: written as marks by some fonts
_TANWEEN = "\u064b\u064c\u064d"
_SHORT_VOWELS_NOT_BEFORE_ALEF = "\u064c\u064d\u064f\u0650\u0652"
_GAP_BEFORE_MARK = re.compile("[ \u00a0]+(?=[\u064b-\u065f\u0670])")
_GAP_BEFORE_FINAL_ALEF = re.compile("(?<=\u064b)[ \u00a0]+(?=\u0627(?![\u0621-\u064a\u064b-\u065f]))")


@lru_cache(maxsize=20_000)
def evidence(line: str) -> Evidence:
    """(words known forward, words known reversed, comparable words, summed log-odds reversed).

    Counting known words alone is fooled by the noise in a web word list (reversed words such
    as "ماع" occur there), so the sum of log-frequency differences decides, and counts guard it.
    """
    fwd = rev = eligible = 0
    diff = 0.0
    if not has_arabic(line):
        return 0, 0, 0, 0.0
    for core in _WORD_RE.findall(line):
        if _PLAIN_WORD_RE.fullmatch(core):  # most words: each code point is a cluster, none folds
            if len(core) < 2:
                continue
            f, r = core, core[::-1]
        else:
            if PUA_RE.search(core):
                continue
            cl = clusters(core)
            if len(cl) < 2:
                continue
            f = rules.fold_forms(core)
            r = rules.fold_forms("".join(reversed(cl)))
        if f == r:
            continue
        eligible += 1
        lf, lr = logp(f), logp(r)
        fwd += lf > UNKNOWN
        rev += lr > UNKNOWN
        diff += lr - lf
    return fwd, rev, eligible, diff


def is_visual(ev: Evidence, doc_visual: bool) -> bool:
    fwd, rev, eligible, diff = ev
    if rev < fwd or diff <= 0:
        return False
    if doc_visual:  # the document vouches for the line, but a line of fragments known both ways does not
        return rev > fwd or diff >= 0.5 * eligible
    return diff >= max(3.0, 1.5 * eligible)


def doc_visual(evidence: list[Evidence]) -> bool:
    """Does the document as a whole read backwards? (then weaker lines are trusted too)"""
    decided = [diff > 0 for fwd, rev, el, diff in evidence if el >= 3 and abs(diff) >= max(3.0, 0.5 * el)]
    return len(decided) >= 3 and sum(decided) >= 0.8 * len(decided)


def doc_marks_lead(lines: list[str]) -> bool:
    """Did the tool write each mark before its letter (a line reversed code point by code point)?

    One tool and producer wrote the whole document, so it is decided once: each reading is tried
    and the one that leaves fewer marks where Arabic spelling never puts them wins. A tie falls
    back to words that begin or end with a mark, and then to marks first, which is what a line
    shaped right to left and written in display order gives.
    """
    marked = [ln for ln in lines if _MARK_RE.search(ln)][:LEAD_SAMPLE]
    if not marked:
        return True
    # line by line: most lines are Arabic alone, which UAX #9 reverses without resolving levels
    before = sum(misplaced_marks(reversed_line(ln, True)) for ln in marked)
    after = sum(misplaced_marks(reversed_line(ln, False)) for ln in marked)
    if before != after:
        return before < after
    return marks_lead("\n".join(marked), True)


def misplaced_marks(text: str) -> int:
    """Marks in logical text where spelling does not put them.

    A haraka on a bare alef or alef maqsura (only fathatan may stand there; a hamza's alef takes
    any), a mark on anything but a letter, shadda on the first letter of a word, damma, kasra or
    sukun before a long-vowel alef, and tanween anywhere but on a word's last letter or before
    its final alef. A madda or hamza written as a mark is no evidence: fonts that draw it apart
    may place it by another rule than the harakat (hamza.py seats it).
    """
    bad = 0
    for token in text.split():
        units = clusters(token)
        letters = [k for k, u in enumerate(units) if _is_letter(u[0])]
        for k, unit in enumerate(units):
            marks = [m for m in unit if unicodedata.category(m) == "Mn"]
            if not marks:
                continue
            base = unit[0]
            nxt = units[k + 1][0] if k + 1 < len(units) else ""
            seated = any(m in _HAMZA_MARKS for m in marks)
            for m in marks:
                if m in _HAMZA_MARKS:
                    continue
                if not _is_letter(base) or (base in "اى" and m != "\u064b" and not seated):
                    bad += 1
                elif m == "\u0651" and letters and k == letters[0]:
                    bad += 1
                elif m in _SHORT_VOWELS_NOT_BEFORE_ALEF and nxt == "\u0627":
                    bad += 1
                elif m in _TANWEEN and _is_letter(nxt) and not (nxt in "اى" and k + 1 == letters[-1]):
                    bad += 1
    return bad


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def repair_line(line: str, kinds: dict[str, str], lead: bool) -> str:
    """Rule 1 on one line: drop spaces from mark gaps, reverse, close gaps the reversal exposes."""
    return rules.join_split_words(close_mark_gaps(reversed_line(line, lead, kinds)))


def reversed_line(line: str, lead: bool, kinds: dict[str, str] | None = None) -> str:
    """The line without spaces at mark gaps, reversed (`rules.reverse_visual`) with its PUA
    codes read as the `kinds` they stand for."""
    before = rules.drop_mark_spaces(line, lead)
    classes = rules.class_stand_ins(before, kinds)
    return reversal(before, lead, None if classes == before else classes)


@lru_cache(maxsize=20_000)  # doc_marks_lead reverses the lines that repair_line reverses again
def reversal(line: str, lead: bool, classes: str | None) -> str:
    return rules.reverse_visual(line, lead, classes)


def close_mark_gaps(line: str) -> str:
    """Spaces a tool put at a mark glyph's edge, as they stand after reversal.

    In logical text no word starts with a mark ("طن ًا"), and a fathatan is not followed by a
    lone alef ("أيضً ا"): both are one word split by the gap the mark glyph leaves.
    """
    return _GAP_BEFORE_FINAL_ALEF.sub("", _GAP_BEFORE_MARK.sub("", line))

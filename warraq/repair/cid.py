"""Rule 3 for glyphs a tool could not name: a code or stray character that stands for a kashida.

LibreOffice draws its justification kashidas as glyphs without a Unicode mapping, and each tool
writes such a glyph its own way: pdfminer.six as "(cid:N)" ("أس(cid:5)(cid:5)عار"), PyMuPDF and
pypdf as the character whose code is the glyph's number (a control, "," "*" "$" "M": "الن,اتج"),
others as ".". A code stretches words when taking it out of the words it sits in leaves known
words (read either way round: the line may still be in visual order); one that stands for a
letter leaves fragments and stays, visible, as the tool wrote it. One font drew the whole
document, so each code is decided once, from all its words. A single character must show it in
more words, of four letters or more: "ص.ب" and "يوليو/تموز" are writing.
"""

from __future__ import annotations

import re

from warraq.repair.model import UNKNOWN, logp

_LETTER = "[\u0621-\u064a\u0671-\u06d3]"
_MARK = "[\u064b-\u065f\u0670]"
# "(cid:N)", or one character of no Arabic word: not Arabic, not a space, not a bracket or
# double quote, not a private-use code (pua.py reads those as letters and digits) or U+FFFD;
# an apostrophe may be one (PyMuPDF: "المنطق''ة"), and passes only where the words show it
CODE = r"\(cid:\d+\)|[^\s\u0600-\u06ff\u0750-\u077f()\[\]{}«»\"\u200c-\u200f\u2066-\u2069\ue000-\uf8ff\ufffd]"
_INNER_RE = re.compile(f"(?<={_LETTER}|{_MARK})(?:{CODE})+(?={_LETTER})")
_WORD_RE = re.compile(f"(?:{_LETTER}|{_MARK}|{CODE}|[\ue000-\uf8ff\ufffd])+")
_CODE_RE = re.compile(CODE)
_LETTERS_RE = re.compile(_LETTER)
MIN_WORDS = 2       # known words a "(cid:N)" code must leave
MIN_WORDS_CHAR = 3  # ... and a single character
MIN_LETTERS = 4     # letters of a word that counts for a single character
MIN_SHARE = 0.6     # of a code's words that must be known without it


def stretchers(text: str) -> frozenset[str]:
    """The codes ("(cid:N)" or a character) that stand for kashida in this document."""
    if _INNER_RE.search(text) is None:
        return frozenset()
    words: dict[str, set[str]] = {}
    for m in _WORD_RE.finditer(text):
        word = m.group()
        for run in _INNER_RE.finditer(word):
            for code in set(_CODE_RE.findall(run.group())):
                if len(code) > 1 or _two_letters(word, run.start(), run.end()):
                    words.setdefault(code, set()).add(_CODE_RE.sub("", word))
    found = set()
    for code, ws in words.items():
        single = len(code) == 1
        if single:
            ws = {w for w in ws if len(_LETTERS_RE.findall(w)) >= MIN_LETTERS}
        known = sum(logp(w) > UNKNOWN or logp(w[::-1]) > UNKNOWN for w in ws)
        if known >= (MIN_WORDS_CHAR if single else MIN_WORDS) and known >= MIN_SHARE * len(ws):
            found.add(code)
    return frozenset(found)


def _two_letters(word: str, start: int, end: int) -> bool:
    """Does a single character's run cut its word into pieces of two letters or more ("و/أو"
    and "ص.ب" are writing)?"""
    return len(_LETTERS_RE.findall(word[:start])) >= 2 and len(_LETTERS_RE.findall(word[end:])) >= 2


def remove(line: str, codes: frozenset[str]) -> str:
    """Drop the stretcher codes inside Arabic words, and a "(cid:N)" elsewhere too (pdfminer.six
    ends a text box at a kashida glyph, pdfplumber sets it apart with spaces), but not one that
    touches a digit or a Latin letter (another font's glyph, maybe). A single character outside
    a word may be writing."""
    if not codes:
        return line
    line = _INNER_RE.sub(lambda m: "".join(c for c in _CODE_RE.findall(m.group()) if c not in codes), line)
    if "(cid:" in line:
        line = _drop_loose(line, codes)
    return line


def _drop_loose(line: str, codes: frozenset[str]) -> str:
    """Runs of stretcher "(cid:N)" codes outside words, with a space of theirs: words keep one
    space between them, and a line no space at its ends."""
    out, pos = [], 0
    for m in CID_RUN_RE.finditer(line):
        before, after = line[m.start() - 1:m.start()], line[m.end():m.end() + 1]
        if (_OTHER_FONT_RE.match(before) or _OTHER_FONT_RE.match(after)
                or not set(_CODE_RE.findall(m.group())) <= codes):
            continue
        out.append(line[pos:m.start()])
        pos = m.end()
        if after == " " and (before in (" ", "") or m.end() + 1 == len(line)):
            pos += 1
        elif not after and before == " ":
            out[-1] = out[-1][:-1]
    out.append(line[pos:])
    return "".join(out)


CID_RE = re.compile(r"\(cid:\d+\)")
CID_RUN_RE = re.compile(r"(?:\(cid:\d+\))+")
_OTHER_FONT_RE = re.compile("[0-9A-Za-z]")  # a code beside a number or Latin word may be its font's

"""The repair pipeline: detect each line's damage, apply only the rules it needs, log every change.

Pass 0 (per line): bidi and C0 controls, which would hide words from every judgement below (a
left-to-right embedding pdftotext wrote in display order is read first, rules.py); a
NUL inside a word is first read as the letter or the nothing the word model picks (nul.py).
Kashida glyphs a tool wrote as "(cid:N)" or as a stray character inside words, as the document
shows them (cid.py), go too: a stray Latin letter would pass for a left-to-right run below; so
does a "(cid:N)" for a mark drawn apart from a letter that has it (silent.py).
Where such stand-ins mark the cuts of pieces written last-first, each stretch is turned back
(kashidacuts.py); letters of another script that stand for glyphs go (foreign.py).
Pass 1 (per line, with per-document decisions): in a document that reads backwards, lines that are
pieces of one visual line (pdfminer.six text boxes, pieces.py) are joined first, and a list item
written after the next one is put back (strays.py); in one that does not, a tool that wrote each
line's direction runs left to right or its Arabic-Indic numbers backwards (PyMuPDF, pypdf) is
recognised, and those lines put back, or one that only moved the spaces beside its runs has them
put back (runs.py). Then visual order (rule 1, visual.py; in a document that reads backwards, a
table row of figures too) or presentation forms and mixed runs (rule 5, mixed.py). The document
decides whether it reads backwards, on which side of their letters a tool wrote marks, and which
kind of run damage its tool makes, and whether it wrote marks before their letters in lines that
are in logical order. A fathatan alone on a line then goes back onto its word in the line above
(strays.py); other lines of bare marks, there or inside bidi controls, join the line above without
them. Letters and marks a font's glyphs gave the wrong character across the whole document are read
right: ی ک ھ in Arabic words (arabic/shared.py), a digit standing for shadda (standins.py), a hamza
drawn apart from its alef and now on the next letter, or an alef with hamza written twice
(hamza.py); and the space a mark glyph left before punctuation (rules.py).
Pass 2 (per document): PUA codes decoded like a substitution cipher (rule 4, pua.py).
Pass 3 (per line): words cut between two letters drawn joined, which no justified line is,
are rejoined first where the document shows them; then reversed segments (rule 2, segments.py,
chosen with the neighbouring lines in view by context.py; a lettered list's lines excepted),
kashida (rule 3), lam-ligature order (rule 6); then, in a document that shows them on several
lines, the other words a tool cut with a space are rejoined. A line
that no rule fires on is returned exactly as given, so clean text is byte-identical.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from warraq.arabic.shared import shared_letters, unshare
from warraq.gcpause import gc_paused
from warraq.repair import (
    cid,
    context,
    foreign,
    hamza,
    kashidacuts,
    mixed,
    nul,
    pieces,
    pua,
    rules,
    runs,
    silent,
    strays,
    visual,
)
from warraq.repair.model import UNKNOWN, logp, logp_conj
from warraq.repair.segments import SegmentFix, find_segments, lettered_items, readings
from warraq.repair.standins import restore_shadda, shadda_standins
from warraq.repair.text import ARABIC_WORD_RE, MARK_CLASS, PUA_RE, SUSPECT_RE, arabic_core, has_arabic, is_pua

KINDS = ("clean", "visual", "reversed-segments", "mixed", "chars")
_LEADING_STOP_RE = re.compile(r"[.,:;!?،؛؟](?=\w)")
# A table row of figures (`_figures_row`): two or more numbers with their signs, not one number
# whose thousands groups a tool set apart with spaces ("1 250 000")
_FIGURE = "[+\\-\u2212]?[0-9\u0660-\u0669](?:[0-9\u0660-\u0669.,:/\u066b\u066c]*[0-9\u0660-\u0669])?[%\u066a]?[+\\-\u2212]?"
_FIGURES_ROW_RE = re.compile(f"[ \\t]*{_FIGURE}(?:[ \\t]+{_FIGURE})+[ \\t]*")
_DRAWN_FIGURE_RE = re.compile("[0-9\u0660-\u0669][.,%\u066a\u066b\u066c]")
_LEADING_SIGN_RE = re.compile("(?:^|\\s)[+\\-\u2212][0-9\u0660-\u0669]")
_SPACED_THOUSANDS_RE = re.compile("[ \\t]*[0-9]{1,3}(?:[ \\t]+[0-9]{3})+[ \\t]*")


@dataclass(frozen=True)
class Change:
    """One edit: which line (1-based), which rule, the line before and after, how sure."""

    line: int
    rule: str
    before: str
    after: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class LineVerdict:
    """The detector's reading of one line: its damage kind and how sure (0-1) that is."""

    line: int
    kind: str
    score: float
    rules: tuple[str, ...] = ()


@dataclass
class Repaired:
    """Result of `repair`: the text, every change, and confidence per line and for the document."""

    text: str
    changes: list[Change] = field(default_factory=list)
    confidence: float = 1.0
    line_confidence: list[float] = field(default_factory=list)
    verdicts: list[LineVerdict] = field(default_factory=list)
    unresolved: dict[str, list[int]] = field(default_factory=dict)  # PUA code -> lines

    def report(self) -> dict[str, Any]:
        """The JSON-able log written by `warraq repair --report`."""
        return {
            "confidence": round(self.confidence, 4),
            "lines": len(self.line_confidence),
            "changed_lines": len({c.line for c in self.changes}),
            "kinds": {k: sum(v.kind == k for v in self.verdicts) for k in KINDS},
            "unresolved_pua": {f"U+{ord(c):04X}": ls for c, ls in sorted(self.unresolved.items())},
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass
class _Line:
    number: int
    original: str
    text: str
    eol: str
    kind: str = "clean"
    score: float = 1.0
    rules: list[str] = field(default_factory=list)


@gc_paused()
def repair(text: str | bytes) -> Repaired:
    """Repair Arabic text that another tool broke. Clean and non-Arabic text come back unchanged.

    Bytes are read as UTF-8 (a file opened in binary mode); anything else is a TypeError.

    The passes are run again on their own output until nothing changes (at most three rounds):
    a PUA code decoded only once its neighbours are, or a word rejoined only once a segment is
    in place, would otherwise make a second `repair` change the text again.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if not isinstance(text, str):
        raise TypeError(f"repair() takes text (str or UTF-8 bytes), not {type(text).__name__}")
    for cached in (readings, visual.evidence, visual.reversal, mixed.misplacements, mixed.best_reading,
                   _fix_lam_line, _lam_hits, _text_confidence, rules.join_split_words):
        cached.cache_clear()  # per call: the rounds below see mostly the same lines again
    result = _repair_once(text)
    for _ in range(2):
        if result.text == text:
            break
        text = result.text
        again = _repair_once(text)
        if again.text == text:
            break
        result = _merge(result, again)
    return result


def _merge(first: Repaired, second: Repaired) -> Repaired:
    """The second round's text and verdicts, with the changes of both rounds."""
    kinds = [b if b.kind != "clean" else a for a, b in zip(first.verdicts, second.verdicts)]
    if len(kinds) != len(second.verdicts):
        kinds = second.verdicts
    return Repaired(second.text, sorted(first.changes + second.changes, key=lambda c: c.line),
                    second.confidence, second.line_confidence, kinds, second.unresolved)


def _repair_once(text: str) -> Repaired:
    raw_lines = text.split("\n")
    if not has_arabic(text):  # non-Arabic text (PUA icons in a Latin text included) is not ours
        n = len(raw_lines)
        return Repaired(text, [], 1.0, [1.0] * n, [LineVerdict(i + 1, "clean", 1.0) for i in range(n)])
    lines = [_Line(i + 1, s, s[:-1] if s.endswith("\r") else s, "\r" if s.endswith("\r") else "")
             for i, s in enumerate(raw_lines)]
    changes: list[Change] = []
    kinds = pua.classify(text) if PUA_RE.search(text) else {}
    raw = [ln.text for ln in lines]
    for ln in lines:  # controls first: they would hide words from every judgement below
        if has_arabic(ln.text) or SUSPECT_RE.search(ln.text):
            _change(ln, "bidi-controls", ln.text, rules.strip_controls(ln.text), 1.0, changes)
    stretch = cid.stretchers("\n".join(ln.text for ln in lines))
    for ln in lines:  # kashida glyphs a tool wrote as codes or stray characters ("الن,اتج"): cid.py
        _change(ln, "kashida", ln.text, cid.remove(ln.text, stretch), 0.95, changes)
    quiet = silent.silent_codes("\n".join(ln.text for ln in lines))
    for ln in lines:  # codes of marks drawn apart from letters that have them: silent.py
        _change(ln, "silent-glyphs", ln.text, silent.drop(ln.text, quiet), 0.8, changes)
    evidence = [visual.evidence(ln.text) for ln in lines]
    doc_visual = visual.doc_visual(evidence)
    for i, ln in enumerate(lines):  # a NUL dropped above may have been a letter (nul.py)
        if "\x00" in raw[i] and has_arabic(raw[i]):
            _change(ln, "nul-letter", ln.text, rules.strip_controls(nul.resolve(raw[i], doc_visual)), 0.7, changes)
            evidence[i] = visual.evidence(ln.text)
    # glyphs written as letters of another script ("пاكبر": foreign.py), some at the cuts of pieces
    stand = foreign.standins("\n".join(ln.text for ln in lines))
    turns = kashidacuts.turn_all([ln.text for ln in lines], stand) if not doc_visual else [None] * len(lines)
    for i, (ln, turned) in enumerate(zip(lines, turns)):
        given = ln.text
        if turned is not None:
            _change(ln, "kashida-cuts", ln.text, turned, 0.8, changes)
            ln.kind, ln.score = "reversed-segments", 0.8
        _change(ln, "foreign-standins", ln.text, foreign.drop(ln.text, stand), 0.7, changes)
        if ln.text != given:
            evidence[i] = visual.evidence(ln.text)
    if doc_visual:
        lines = _join_pieces(lines, changes)
        _swap_list_items(lines, changes)
        evidence = [visual.evidence(ln.text) for ln in lines]
    else:
        _pass_runs(lines, changes)
    visual_lines = [ln.text for ln, ev in zip(lines, evidence) if visual.is_visual(ev, doc_visual)]
    _pass_mark_order([ln for ln, ev in zip(lines, evidence) if not visual.is_visual(ev, doc_visual)], changes)
    lead = visual.doc_marks_lead(visual_lines)
    family = mixed.choose_family([ln.text for ln, ev in zip(lines, evidence) if not visual.is_visual(ev, doc_visual)])
    for ln, ev in zip(lines, evidence):
        _pass_one(ln, ev, doc_visual, kinds, changes, lead, family)
    if sum("mixed-runs" in ln.rules for ln in lines) >= MIXED_LINES:
        _pass_number_order(lines, family, changes)
    if doc_visual:
        _place_stray_tanween(lines, changes)
    lines = _drop_stray_marks(lines, changes, doc_visual)
    letters = shared_letters([ln.text for ln in lines])
    for ln in lines:  # ی ک ھ that a font's shared glyph gave Arabic words (warraq.arabic.shared)
        _change(ln, "shared-glyph", ln.text, unshare(ln.text, letters), 0.9, changes)
    standins = shadda_standins([ln.text for ln in lines])
    for ln in lines:  # a digit a font's ToUnicode gave to shadda ("الش2ُرْفَةِ": standins.py)
        _change(ln, "shadda-standin", ln.text, restore_shadda(ln.text, standins), 0.9, changes)
    # "النَّاسُ ، وَمَنْ": only where a tool shows its hand (display order, bidi controls), since a
    # writer who sets a space before punctuation does it after the marks of vocalised text too
    tool_seen = doc_visual or any("bidi-controls" in ln.rules for ln in lines)
    if tool_seen and rules.shows_mark_gaps("\n".join(ln.text for ln in lines)):
        for ln in lines:
            _change(ln, "mark-gap", ln.text, rules.close_punctuation_gaps(ln.text), 0.8, changes)
    if hamza.shows_doubled([ln.text for ln in lines]):  # "ال أأسبوع": a ligature written twice
        for ln in lines:
            _change(ln, "hamza-doubled", ln.text, hamza.undouble(ln.text), 0.8, changes)
    if hamza.shows_damage([ln.text for ln in lines]):  # a hamza drawn apart, now on the wrong letter
        for ln in lines:
            _change(ln, "hamza-apart", ln.text, hamza.fix(ln.text), 0.8, changes)
    unresolved: dict[str, list[int]] = {}
    if kinds:
        _pass_pua(lines, kinds, changes, unresolved)
    lam_doc = _lam_damage(lines)
    split = _pass_split_words(lines, changes, joined_letters=True)  # before segments: join_split_words
    items = lettered_items([ln.text for ln in lines])
    fixes = context.choose([ln.text for ln in lines],
                           [has_arabic(ln.text) and ln.kind not in ("visual", "mixed", "reversed-segments")
                            and k not in items for k, ln in enumerate(lines)])
    for ln, fix in zip(lines, fixes):
        _pass_three(ln, fix, lam_doc, changes)
    _pass_split_words(lines, changes, shown=split)
    for ln in lines:  # last: the passes above read a double space as a gap they must not close
        if ln.kind == "visual" and _justified(ln.text):
            _change(ln, "justified-gaps", ln.text, _INNER_SPACES_RE.sub(" ", ln.text), 0.9, changes)
    changes.sort(key=lambda c: c.line)
    out = "\n".join(ln.text + ln.eol if ln.rules else ln.original for ln in lines)
    conf = [_text_confidence(ln.text) for ln in lines]
    weights = [max(1, len(ln.text.split())) if has_arabic(ln.text) else 0 for ln in lines]
    total = sum(weights)
    doc_conf = sum(c * w for c, w in zip(conf, weights)) / total if total else 1.0
    verdicts = [LineVerdict(ln.number, ln.kind, round(ln.score, 3), tuple(ln.rules)) for ln in lines]
    return Repaired(out, changes, doc_conf, conf, verdicts, unresolved)


def _justified(text: str) -> bool:
    """Are most gaps of a line written as two spaces or more? Tools that write display order
    write a justified line's wide gaps so (pdfminer.six); no alignment survives the reversal, so
    they become one. A few such gaps are the room of a glyph left out ("ا  قيمت") and stay."""
    wide = len(_INNER_SPACES_RE.findall(text))
    return wide >= 2 and 2 * wide >= len(_GAPS_RE.findall(text))


_INNER_SPACES_RE = re.compile("(?<=[^ ])  +(?=[^ ])")
_GAPS_RE = re.compile("(?<=[^ ]) +(?=[^ ])")


def detect(text: str) -> list[LineVerdict]:
    """Per-line damage verdicts (clean / visual / reversed-segments / mixed / chars)."""
    verdicts = repair(text).verdicts
    return verdicts[:-1] if text.endswith("\n") else verdicts  # no line after the last newline


def _change(ln: _Line, rule: str, before: str, after: str, conf: float, changes: list[Change]) -> None:
    if before == after:
        return
    ln.text = after
    ln.rules.append(rule)
    if ln.kind == "clean":
        ln.kind = "chars"
    changes.append(Change(ln.number, rule, before, after, round(conf, 3)))


def _join_pieces(lines: list[_Line], changes: list[Change]) -> list[_Line]:
    """Lines that are pieces of one visual line (pieces.py) become one line again."""
    runs = pieces.chains([ln.original.rstrip("\r") for ln in lines])
    if not runs:
        return lines
    out: list[_Line] = []
    k = 0
    for first, last in runs:
        out.extend(lines[k:first])
        group = lines[first:last + 1]
        merged = _Line(group[0].number, "\n".join(ln.original for ln in group), "", group[-1].eol)
        before = "\n".join(ln.text for ln in group)
        merged.text = before
        _change(merged, "line-pieces", before, pieces.join([ln.text for ln in group]), 0.7, changes)
        out.append(merged)
        k = last + 1
    out.extend(lines[k:])
    return out


def _swap_list_items(lines: list[_Line], changes: list[Change]) -> None:
    """A whole list item written after the first line of the next one goes back (strays.py)."""
    for a, b in strays.list_swaps([ln.text for ln in lines]):
        first, second = lines[a].text, lines[b].text
        _change(lines[a], "list-order", first, second, 0.7, changes)
        _change(lines[b], "list-order", second, first, 0.7, changes)


def _place_stray_tanween(lines: list[_Line], changes: list[Change]) -> None:
    """A fathatan alone on a line goes back onto its word in the line above (strays.py)."""
    for above, ln in zip(lines, lines[1:]):
        if strays.is_lone_tanween(ln.text) and (fixed := strays.tanween_home(above.text)) is not None:
            _change(above, "stray-mark", above.text, fixed, 0.7, changes)
            _change(ln, "stray-mark", ln.text, "", 0.7, changes)


def _drop_stray_marks(lines: list[_Line], changes: list[Change], doc_visual: bool) -> list[_Line]:
    """Lines of marks alone that no rule put back join the line above, without them: pdfplumber
    gives a mark drawn above its letter a line of its own in a document it wrote in display
    order, pdftotext one inside bidi controls; which word it came from is lost. (A lesson on
    tashkeel may set the marks out on a line of their own: elsewhere such a line stays.)"""
    out: list[_Line] = []
    for ln in lines:
        stray = strays.marks_only(ln.text) and (doc_visual or "bidi-controls" in ln.rules)
        if out and (not ln.text.strip() and "stray-mark" in ln.rules or stray):
            above = out[-1]
            merged = _Line(above.number, above.original + "\n" + ln.original,
                           above.text + "\n" + ln.text, ln.eol, above.kind, above.score, above.rules)
            _change(merged, "stray-mark", merged.text, above.text, 0.6, changes)
            out[-1] = merged
        else:
            out.append(ln)
    return out


def _pass_runs(lines: list[_Line], changes: list[Change]) -> None:
    """Tools that write a line's direction runs left to right (runs.py), decided per document.
    Numbers written backwards are the same tool's doing, so they show its runs are swapped too."""
    reversed_numbers = runs.an_reversed("\n".join(ln.text for ln in lines))
    if reversed_numbers:
        for ln in lines:
            _change(ln, "arabic-indic-numbers", ln.text, runs.reverse_an_numbers(ln.text), 0.9, changes)
    texts = [ln.text for ln in lines]
    swapped = runs.runs_swapped(texts, reversed_numbers)
    extra = runs.best_cuts(texts, every_line=swapped) if swapped or reversed_numbers else None
    if swapped and not reversed_numbers and extra is not None and runs.spaces_moved(texts, extra):
        for ln in lines:  # (numbers written backwards would have proved the runs swapped)
            _change(ln, "moved-spaces", ln.text, runs.respace(ln.text), 0.8, changes)
        return
    for ln in lines:
        if extra is not None and has_arabic(ln.text) and runs.has_runs(ln.text, extra):
            fixed = runs.unswap(ln.text, extra)
            if swapped or (runs.glued_sign(ln.text) and runs.oddities(fixed) < runs.oddities(ln.text)):
                _change(ln, "run-order", ln.text, fixed, 0.8, changes)
                ln.kind, ln.score = "mixed", 0.8
        elif runs.flipped_quotes(ln.text):  # the line alone shows it: its quotation's marks
            fixed = runs.unswap(ln.text, runs.CUT_BRACKETS)
            if not runs.flipped_quotes(fixed) and runs.oddities(fixed) <= runs.oddities(ln.text):
                _change(ln, "run-order", ln.text, fixed, 0.7, changes)
                ln.kind, ln.score = "mixed", 0.7


# ---- pass 1: order --------------------------------------------------------------------------

def _figures_row(text: str) -> bool:
    """A row of figures as drawn: a decimal, a percentage or a thousands group among them, and
    any sign after its number (a leading one, "+962 79 310 2287", is a phone number in order)."""
    return (_FIGURES_ROW_RE.fullmatch(text) is not None and _SPACED_THOUSANDS_RE.fullmatch(text) is None
            and _DRAWN_FIGURE_RE.search(text) is not None and _LEADING_SIGN_RE.search(text) is None)


def _pass_one(ln: _Line, ev: visual.Evidence, doc_visual: bool,
              kinds: dict[str, str], changes: list[Change], lead: bool, family: str) -> None:
    if not has_arabic(ln.text):
        # ".policy@example.org" cut off a visual line; a table row of figures, its cells drawn right to left
        if doc_visual and (_LEADING_STOP_RE.match(ln.text) or _figures_row(ln.text)):
            _change(ln, "visual-order", ln.text, rules.reverse_visual(ln.text, False), 0.6, changes)
            ln.kind, ln.score = "visual", 0.6
        if not SUSPECT_RE.search(ln.text):
            return
    if has_arabic(ln.text) and visual.is_visual(ev, doc_visual):
        eligible, diff = ev[2], ev[3]
        conf = min(1.0, 0.5 + diff / (10 * max(1, eligible)))
        logical = rules.international_numbers(visual.repair_line(ln.text, kinds, lead))
        _change(ln, "visual-order", ln.text, logical, conf, changes)
        ln.kind, ln.score = "visual", conf
        return
    _change(ln, "presentation-forms", ln.text, rules.fold_forms(ln.text), 1.0, changes)
    moved = "run-order" in ln.rules  # its runs are in place already; the mixed rule would move them
    fix = mixed.repair_line(ln.text, family) if has_arabic(ln.text) and not moved else None
    if fix is not None:
        _change(ln, "mixed-runs", ln.text, runs.end_item(fix[0]), fix[1], changes)
        ln.kind, ln.score = "mixed", fix[1]


def _pass_number_order(lines: list[_Line], family: str, changes: list[Change]) -> None:
    """In a document whose mixed lines show the damage (MIXED_LINES of them), a line with no
    punctuation out of place is turned around too where its numbers then sit between the words
    that introduce and count them (mixed.number_reading)."""
    for ln in lines:
        if ln.kind in ("chars", "clean"):
            fix = mixed.number_reading(ln.text, family) if has_arabic(ln.text) else None
            if fix is not None:
                _change(ln, "mixed-runs", ln.text, fix, 0.6, changes)
                ln.kind, ln.score = "mixed", 0.6


MIXED_LINES = 3


def _pass_mark_order(lines: list[_Line], changes: list[Change]) -> None:
    """Lines in logical order whose marks a tool wrote before their letters (PyMuPDF and
    pdftotext, with a space where the mark glyph left a gap: "ط ًنا" for "طنًا"), decided per
    document: moving every mark after its letter must leave at most a third of the marks
    Arabic spelling never puts where they stand (visual.misplaced_marks)."""
    marked = [ln for ln in lines if _MARK_RE.search(ln.text) and not PUA_RE.search(ln.text)]  # a code is no letter yet
    if not any(_MARK_FIRST_RE.search(ln.text) for ln in marked):
        return  # no word starts with a mark, no tanween before a letter: the costlier test can wait
    given = sum(visual.misplaced_marks(ln.text) for ln in marked)
    # a tool that writes marks first misplaces most of them (every tanween, every first letter's
    # mark); a few misplaced among many are the writer's slips ("نيابٌي"), and the rest are right
    if given < MARK_ORDER_MIN or given < MARK_ORDER_SHARE * sum(len(_MARK_RE.findall(ln.text)) for ln in marked):
        return
    # a pdftotext embedding's marks belong to the letter after it here (rules._embedded)
    moved = [rules.marks_after_letters(_marks_first_controls(ln)) for ln in marked]
    if 3 * sum(map(visual.misplaced_marks, moved)) <= given:
        for ln, text in zip(marked, moved):
            _change(ln, "mark-order", ln.text, text, 0.8, changes)


MARK_ORDER_MIN = 3
MARK_ORDER_SHARE = 0.15


def _marks_first_controls(ln: _Line) -> str:
    """The line's text with its bidi controls read as those of a tool that writes marks first,
    where nothing but the controls changed it."""
    raw = ln.original.rstrip("\r")
    if not raw.startswith("\u202b") or ln.text != rules.strip_controls(raw):
        return ln.text
    return rules.strip_controls(raw, marks_first=True)


_MARK_RE = re.compile(MARK_CLASS)
_MARK_FIRST_RE = re.compile(f"(?:^|\\s){MARK_CLASS}|[\u064b-\u064d][\u0621-\u0626\u0628-\u0648\u064a]")


# ---- pass 2: PUA ----------------------------------------------------------------------------

def _pass_pua(lines: list[_Line], kinds: dict[str, str], changes: list[Change],
              unresolved: dict[str, list[int]]) -> None:
    result = pua.decode("\n".join(ln.text for ln in lines), kinds)
    for ln in lines:
        if not PUA_RE.search(ln.text):
            continue
        after = pua.apply(ln.text, result.mapping)
        used = {c for c in ln.text if c in result.mapping}
        conf = min((result.confidence[c] for c in used), default=0.0)
        _change(ln, "pua", ln.text, after, conf, changes)
        for c in sorted({c for c in after if is_pua(c)}):
            unresolved.setdefault(c, []).append(ln.number)
            if "pua-unresolved" not in ln.rules:
                ln.rules.append("pua-unresolved")
                ln.kind = "chars" if ln.kind == "clean" else ln.kind


def _pass_split_words(lines: list[_Line], changes: list[Change], joined_letters: bool = False,
                      shown: bool = False) -> bool:
    """Words a tool cut with a space where the glyphs had a gap ("ه ذا", "الإحص اء"; pdftotext on
    justified lines), rejoined in a document that shows SPLIT_JOINS of them. Visual lines
    had theirs rejoined with their order, and a line put back from reversed segments its
    pieces; a clean document has none, so it stays as it is. With `joined_letters` the damage
    is shown only by cuts no justified line has, so that the words are whole before
    segments.py looks for reversed pieces; `shown`: an earlier call found the damage. True
    where the document shows it."""
    todo = [ln for ln in lines if has_arabic(ln.text) and ln.kind not in ("visual", "reversed-segments")]
    # a lone و joined is no evidence (the conjunction set apart: "و التقدير"), nor a lone letter
    # that makes no common word (a label: "الضلعين أ ب")
    joins = sum(ln.text.count(" ")
                - rules.join_split_words(ln.text, joined_letters=joined_letters, lone_letters=False).count(" ")
                for ln in todo)
    if joins < SPLIT_JOINS and not shown:  # each join the model insists on is evidence of its own
        return False
    for ln in todo:
        joined = rules.join_split_words(ln.text, rules.JOIN_SPLIT_GAIN_DAMAGED)
        _change(ln, "split-words", ln.text, joined, 0.8, changes)
    return True


SPLIT_JOINS = 3


# ---- pass 3: segments, kashida, lam --------------------------------------------------------

def _pass_three(ln: _Line, fix: SegmentFix | None, lam_doc: bool, changes: list[Change]) -> None:
    if not has_arabic(ln.text):
        return
    if fix is not None and find_segments(fix.text) is None:  # a reading that would move again is no fix
        conf = min(1.0, 0.5 + fix.gain / 30)
        _change(ln, "segments", ln.text, fix.text, conf, changes)
        ln.kind, ln.score = "reversed-segments", conf
    _change(ln, "kashida", ln.text, rules.remove_kashida(ln.text), 0.95, changes)
    after = _fix_lam_line(ln.text, lam_doc or ln.kind == "visual")
    _change(ln, "lam-ligature", ln.text, after, 0.8, changes)


_NEXT_WORD_RE = re.compile(f"[ \u00a0]+({ARABIC_WORD_RE.pattern})")


LONE_LAM_FLOOR = -7.0  # log10: a lam-alef fix with no pattern in the document must make a word this common


@lru_cache(maxsize=20_000)
def _fix_lam_line(line: str, trust_pattern: bool) -> str:
    """Rule 6 per word: unknown words always (lam-alef only); listed words, and every lam ligature,
    only where the document shows the pattern.

    Words are the Arabic runs, so a hashtag or a compound ("#الذكاء_االصطناعي") is looked at part
    by part. Where the pattern is trusted, a listed word yields to a clearly more common one.
    """
    if "ل" not in line:
        return line

    def fix(m: re.Match[str]) -> str:
        core = m.group()
        if core == "االله":  # the alef of an Allah ligature drawn apart ("ياالله" is writing)
            return "الله"
        if "ل" not in core or (logp(core) > UNKNOWN and not trust_pattern):
            return core
        if core in ("ال", "هلل") and trust_pattern:  # a lam ligature read backwards ...
            after = _NEXT_WORD_RE.match(line, m.end())
            if core == "ال" and after and logp("ال" + after.group(1)) > UNKNOWN:
                return core  # ... or an article a stray space cut from its word ("عن ال وزارة")
            return "لا" if core == "ال" else "لله"
        if trust_pattern:
            return rules.fix_lam_order(rules.fix_allah(core), 1.0)
        fixed = rules.fix_lam_order(rules.fix_allah(core), 1.5, rules.LAM_ALEF_PARTNERS)
        # alone, a rare unknown word ("وثالثتها") is likelier than a rare word read backwards
        return fixed if fixed == core or logp_conj(fixed) >= LONE_LAM_FLOOR else core

    return ARABIC_WORD_RE.sub(fix, line)


def _lam_damage(lines: list[_Line]) -> bool:
    """Does the document show the lam-ligature pattern on at least two unknown words?"""
    hits = 0
    for ln in lines:
        hits += _lam_hits(ln.text)
        if hits >= 2:
            return True
    return False


@lru_cache(maxsize=20_000)
def _lam_hits(text: str) -> int:
    """Unknown words of a line that the lam-ligature rule would change (two at most)."""
    hits = 0
    if "ل" in text:
        for t in text.split():
            core = arabic_core(t)
            if core and logp_conj(core) <= UNKNOWN and rules.fix_lam_order(rules.fix_allah(core)) != core:
                hits += 1
                if hits >= 2:
                    break
    return hits


@lru_cache(maxsize=20_000)
def _text_confidence(text: str) -> float:
    """Share of the line's Arabic words that the model knows, lowered for leftover PUA codes."""
    words = [c for c in (arabic_core(t) for t in text.split()) if c]
    pua_left = PUA_RE.search(text) is not None
    if not words:
        return 0.5 if pua_left else 1.0
    known = sum(logp(w) > UNKNOWN for w in words if not (pua_left and PUA_RE.search(w)))
    base = (known + 1) / (len(words) + 1)
    if pua_left:
        base *= 0.5
    return round(base, 3)

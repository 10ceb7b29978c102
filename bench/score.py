"""Scorer of the benchmark: normalisation, CER/WER, diagnostic counters, aggregation.

Scoring rules (documented in docs/benchmarks.md too):
- Both texts are normalised the same way before CER/WER: a leading BOM is dropped, then NFC, then
  Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFE) are folded *per character* to the base
  letters of that character's own compatibility decomposition (U+FEFB -> لا, U+FDF2 -> الله),
  then NFC again, then every whitespace run becomes one space. NFKC is never applied to the whole
  string: "ﬁ", "²", full-width forms and the like stay as they are (and count as errors).
  The isolated/medial forms of harakat (U+FE70-FE7F) fold to the bare mark: their decomposition's
  leading space or tatweel is a rendering carrier, not text.
- Bidi controls, tatweel (U+0640), private-use code points and U+FFFD are NOT removed before CER:
  in a logical-order text they are errors. They are also reported as diagnostic counters.
- CER = Levenshtein(chars) / len(truth chars); WER = Levenshtein(words) / len(truth words).
  `cer()`/`wer()` are uncapped; the per-file score record caps both at 1.0 (an output cannot score
  worse than an empty one; "(cid:12)" for every glyph would otherwise give 600 % and swamp means)
  and keeps the raw value as cer_raw. A tool that crashes or times out is scored as an empty
  output (CER 1.0) and counted as a failure.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

_RF: Any
try:  # rapidfuzz (MIT) is a bench-only speed-up; the bit-parallel fallback gives identical results.
    from rapidfuzz.distance import Levenshtein as _RF
except ImportError:  # pragma: no cover - exercised when rapidfuzz is absent
    _RF = None

# ---- normalisation ---------------------------------------------------------------------------

TATWEEL = "\u0640"
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WS = re.compile(r"\s+")
_CID = re.compile(r"\(cid:\d+\)")


def is_presentation_form(ch: str) -> bool:
    """True for Arabic Presentation Forms-A/-B code points (U+FEFF, the BOM, excluded)."""
    cp = ord(ch)
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFE


def _fold_char(ch: str) -> str:
    """Base letters of one presentation-form character, from its own decomposition only."""
    dec = unicodedata.decomposition(ch)
    if not dec:
        return ch  # e.g. U+FDFD basmala, ornate parentheses: no base letters to fold to
    parts = [chr(int(p, 16)) for p in dec.split() if not p.startswith("<")]
    if len(parts) > 1 and parts[0] in (" ", TATWEEL) and all(
        unicodedata.combining(p) for p in parts[1:]
    ):
        parts = parts[1:]  # isolated/medial harakat forms: the space/tatweel is only a carrier
    return "".join(parts)


_FOLD_TABLE: dict[int, str] = {
    cp: _fold_char(chr(cp))
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]
    if unicodedata.decomposition(chr(cp))
}


def fold_presentation_forms(text: str) -> str:
    """Replace each presentation-form character by its base letters (per character)."""
    return text.translate(_FOLD_TABLE)


def normalise(text: str) -> str:
    """Scoring normal form: BOM dropped, NFC, per-char presentation folding, whitespace collapsed."""
    text = text.lstrip("\ufeff")
    text = unicodedata.normalize("NFC", text)
    text = unicodedata.normalize("NFC", fold_presentation_forms(text))
    return _WS.sub(" ", text).strip()


def letters_only(text: str) -> str:
    """Letters only (Unicode category L*, tatweel excluded), for lenient comparisons."""
    return "".join(
        c for c in normalise(text) if unicodedata.category(c).startswith("L") and c != TATWEEL
    )


# ---- edit distance ---------------------------------------------------------------------------

def _bitparallel(a: Sequence[Any], b: Sequence[Any]) -> int:
    """Levenshtein distance by Myers/Hyyro bit-vectors over Python ints (any hashable items)."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    m = len(b)  # the pattern (bit positions) is the shorter sequence
    peq: dict[Any, int] = {}
    for i, c in enumerate(b):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for c in a:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
    return score


def levenshtein(a: Sequence[Any], b: Sequence[Any]) -> int:
    """Unit-cost edit distance between two strings or two lists of words."""
    if _RF is not None:
        return int(_RF.distance(a, b))
    return _bitparallel(a, b)


def cer(output: str, truth: str) -> float:
    """Character error rate of `output` against `truth`, both normalised here."""
    o, t = normalise(output), normalise(truth)
    if not t:
        return 0.0 if not o else 1.0
    return levenshtein(o, t) / len(t)


def wer(output: str, truth: str) -> float:
    """Word error rate (whitespace tokens of the normalised texts)."""
    o, t = normalise(output).split(), normalise(truth).split()
    if not t:
        return 0.0 if not o else 1.0
    return levenshtein(o, t) / len(t)


def letters_cer(output: str, truth: str) -> float:
    """CER on letters only: ignores spaces, punctuation, digits, marks and tatweel."""
    o, t = letters_only(output), letters_only(truth)
    if not t:
        return 0.0 if not o else 1.0
    return levenshtein(o, t) / len(t)


# ---- diagnostics -----------------------------------------------------------------------------

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER = re.compile(f"[{_DIGITS}]{{2,}}")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe]")
_PUNCT_EDGES = re.compile(r"^[^\w\u0600-\u06ff]+|[^\w\u0600-\u06ff]+$")


def _words(text: str) -> list[str]:
    """Normalised words with punctuation trimmed from their edges."""
    out = []
    for w in normalise(text).split():
        w = _PUNCT_EDGES.sub("", w)
        if w:
            out.append(w)
    return out


def reversed_words(output: str, truth: str) -> int:
    """Arabic output words that are not truth words but whose reverse is (visual-order words)."""
    tw = set(_words(truth))
    n = 0
    for w in _words(output):
        if len(w) >= 2 and _ARABIC.search(w) and w not in tw and w[::-1] in tw:
            n += 1
    return n


def reversed_numbers(output: str, truth: str) -> int:
    """Digit runs (2+ digits) absent from the truth whose reverse is in it (e.g. 2202 for 2022)."""
    tn = set(_NUMBER.findall(normalise(truth)))
    return sum(
        1 for d in _NUMBER.findall(normalise(output)) if d not in tn and d[::-1] in tn
    )


def interleaved_lines(output: str, truth: str) -> tuple[int, int]:
    """(interleaved, located) output lines.

    A line is *located* when at least one of its word bigrams occurs in exactly one truth block
    (truth line). It is *interleaved* when the truth blocks it draws from are not a contiguous run:
    two blocks with a locatable block between them that the line does not touch, as when two
    columns are merged line by line. Consecutive blocks run together (a heading glued to its
    paragraph) are a different fault and are not counted. Lines whose words match nothing
    (e.g. reversed text) are not located and not counted.
    """
    owner: dict[tuple[str, str], int] = {}
    for i, line in enumerate(x for x in truth.splitlines() if x.strip()):
        ws = _words(line)
        for bg in zip(ws, ws[1:]):
            owner[bg] = -1 if bg in owner and owner[bg] != i else i
    rank = {b: r for r, b in enumerate(sorted({b for b in owner.values() if b >= 0}))}
    inter = located = 0
    for line in output.splitlines():
        ws = _words(line)
        ranks = sorted({rank[owner[bg]] for bg in zip(ws, ws[1:]) if owner.get(bg, -1) >= 0})
        if not ranks:
            continue
        located += 1
        if any(b - a > 1 for a, b in zip(ranks, ranks[1:])):
            inter += 1
    return inter, located


def diagnostics(output: str, truth: str | None = None) -> dict[str, float]:
    """Diagnostic counters of one output. Without a truth only the code-point counters exist.

    With a truth, tatweel is counted in excess of the truth's own (a Hijri "هـ" is legitimate).
    """
    d: dict[str, float] = {
        "presentation_forms": sum(1 for c in output if is_presentation_form(c)),
        "tatweel": output.count(TATWEEL),
        "bidi_controls": sum(1 for c in output if c in BIDI_CONTROLS),
        "pua": sum(1 for c in output if _is_pua(c)),
        "replacement": output.count("\ufffd") + len(_CID.findall(output)),
        "chars": len(output),
    }
    if truth is not None:
        d["tatweel"] = max(0, d["tatweel"] - truth.count(TATWEEL))
        d["reversed_words"] = reversed_words(output, truth)
        d["reversed_numbers"] = reversed_numbers(output, truth)
        inter, located = interleaved_lines(output, truth)
        d["interleaved_lines"] = inter
        d["interleaved_frac"] = inter / located if located else 0.0
    return d


def _is_pua(ch: str) -> bool:
    cp = ord(ch)
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def score(output: str | None, truth: str) -> dict[str, Any]:
    """Full score record of one output (None = the tool failed: scored as empty)."""
    out = output or ""
    raw = cer(out, truth)
    return {
        "cer": min(raw, 1.0),
        "cer_raw": raw,
        "wer": min(wer(out, truth), 1.0),
        "letters_cer": min(letters_cer(out, truth), 1.0),
        "diag": diagnostics(out, truth),
    }


# ---- aggregation -----------------------------------------------------------------------------

def summarise(values: Iterable[float]) -> dict[str, float]:
    """n, median, mean and worst (max) of a list of CERs."""
    v = list(values)
    if not v:
        return {"n": 0, "median": float("nan"), "mean": float("nan"), "worst": float("nan")}
    return {"n": len(v), "median": statistics.median(v), "mean": statistics.fmean(v), "worst": max(v)}


def aggregate(
    rows: list[dict[str, Any]], by: str, metric: str = "cer"
) -> dict[tuple[str, str], dict[str, float]]:
    """Group score rows by (tool, row[by]) and summarise `metric`.

    `by` may name a list field (e.g. "features"): a row then counts in each of its groups.
    Each summary also carries `failed`, the number of rows whose tool crashed or timed out.
    """
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        keys = r.get(by)
        for k in keys if isinstance(keys, list) else [keys]:
            groups.setdefault((r["tool"], str(k)), []).append(r)
    out = {}
    for key, rs in groups.items():
        s = summarise(r[metric] for r in rs)
        s["failed"] = sum(1 for r in rs if r.get("status", "ok") != "ok")
        out[key] = s
    return out


def diag_totals(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Sum of each diagnostic counter per tool (interleaved_frac averaged)."""
    out: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = {}
    for r in rows:
        t = out.setdefault(r["tool"], {})
        counts[r["tool"]] = counts.get(r["tool"], 0) + 1
        for k, v in r.get("diag", {}).items():
            t[k] = t.get(k, 0) + v
    for tool, t in out.items():
        if "interleaved_frac" in t:
            t["interleaved_frac"] /= counts[tool]
    return out

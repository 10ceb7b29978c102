"""Rule 2: a justified line whose pieces were written last-first.

A producer cut the line into 2-4 pieces, after a letter that does not join to the left, at a
kashida or between words, and a tool wrote the pieces in reverse order with a space at each cut.
For damaged tokens d[0..n-1] and cuts g1 < ... < gm the pieces are Q0 = d[0:g1], Q1, ..., Qm and
the original is Qm ... Q1 Q0. Where two pieces meet again, the last token of one and the first
token of the next either make one word (a mid-word cut: no space) or stay two words (one space).

Evidence comes only from those junctions: joining a and b gains logp(ab) - logp(a) - logp(b),
large when two fragments make a real word (جد + يدة -> جديدة) and small or negative for two
words. Each cut costs a fixed penalty, so the line stays as it is unless fragments speak clearly.

A cut between words leaves no trace a word list can see, and neither does the seam where the
original line's end meets its start; `_edge_cues` places such free cuts from punctuation only
(a sentence end closes the line, brackets open before they close, a list marker starts it);
context.py weighs the readings that tie against the neighbouring lines. A line with no word
evidence at all moves only in a document damaged beyond doubt, where a heading marker or a
paragraph's last sentence end is out of place (`free_readings`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from warraq.arabic.chars import TATWEEL
from warraq.repair.model import NON_JOINING, UNKNOWN, listed, logp, word_key

CUT_PENALTY = 2.5
MIN_JOIN_GAIN = 3.0
MIN_JOINED = -8.0        # the rarest listed words are mostly typos of the web ("هذالعرض")
FRAGMENT_FLOOR = -8.0    # a lone letter ending or starting a piece is a cut-off, not a word
MAX_TOKENS = 40
MIN_SCORE = 3.0          # below this even the best reordering is not worth the risk ...
MIN_SCORE_DAMAGED = 1.0  # ... unless other lines of the document show the damage clearly
MAX_MIDDLE = 12          # longest token taken as the middle piece of a word cut twice
MAX_CUTS = 3
MAX_CHAIN_ONLY = 5       # a short line may hold nothing but a word cut twice ("ية؟». لو الأو"); the
                         # search for one costs too much to run on every line without a junction
SENTENCE_END = 0.4
MAX_CUES = 1.3           # the most `_edge_cues` can add
READING_MARGIN = 1.5     # readings this close to the best are kept for the context to judge
MAX_READINGS = 64
FREE_GAIN = 1.0          # a marker or sentence end out of place, in a document shown to be damaged

_ARABIC_RUN = "[\u0621-\u064a\u0671-\u06d3\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+"
_LEFT_RE = re.compile(f"{_ARABIC_RUN}$")
_RIGHT_RE = re.compile(f"^[\u0621-\u064a\u0671-\u06d3]{_ARABIC_RUN[:-1]}*")
_LETTERS_RE = re.compile("[\u0621-\u063f\u0641-\u064a\u0671-\u06d3]+")  # no marks, no tatweel
_ANY_ARABIC_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u064b-\u0652]")
_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+$")
_TANWEEN = frozenset("\u064b\u064c\u064d")
_SENTENCE_END = tuple(".!?؟…:")
_FULL_STOP = tuple(".!?؟…")  # a colon may end a "key:" or introduce a list
ATTACHES_LEFT = frozenset("،,.:;؛)]}»!?؟%")  # punctuation set against the word before it
_OPENING = "([{«"
_CLOSING = ")]}»"
_SPEAKER = "[\u0621-\u064a]:"  # "س:" "ج:" open an interview's question and answer lines
_SPEAKER_RE = re.compile(f"^{_SPEAKER}$")
_MARKER_RE = re.compile(rf"^(#+|[-*•>]|[0-9\u0660-\u0669]{{1,2}}[.)]|\[\^[^\]]+\]:|{_SPEAKER})$")
_MARKER_CHAR_RE = re.compile("[-#*•>0-9\u0660-\u0669^:]")  # in every _MARKER_RE match
_OPENING_RE = re.compile("[([{«]")
TATWEEL_TOKEN_RE = re.compile("\u0640+[\u064b-\u0652]*")  # a tatweel alone, maybe with marks
_HEAD_RE = re.compile("^(#+|•)$")  # markers that only ever start a line (a dash or "15." may not)


@dataclass(frozen=True)
class SegmentFix:
    """The chosen reordering of one line."""

    text: str
    cuts: tuple[int, ...]
    joins: int
    gain: float


def _left_piece(token: str) -> str:
    """The Arabic run ending a token, if a producer could have cut right after it ('' if not)."""
    m = _LEFT_RE.search(token)
    if m is None:
        return ""
    bare = _MARKS_RE.sub("", m.group())
    return m.group() if bare and (bare[-1] in NON_JOINING or bare[-1] == TATWEEL) else ""


def _right_piece(token: str) -> str:
    """The Arabic run starting a token ('' if it starts with anything else)."""
    m = _RIGHT_RE.match(token)
    return m.group() if m else ""


@lru_cache(maxsize=50_000)
def token_ends(token: str) -> tuple[str, str, str, str]:
    """The token's left and right pieces, each with its lookup form (cached across documents)."""
    if _LETTERS_RE.fullmatch(token):  # most tokens: one run of letters, its own lookup form
        left = token if token[-1] in NON_JOINING else ""
        return left, left, token, token
    left, right = _left_piece(token), _right_piece(token)
    return left, word_key(left), right, word_key(right)


def _fragment_logp(piece: str, waw_word: bool = False) -> float:
    lp = logp(piece)
    bare = _MARKS_RE.sub("", piece).replace(TATWEEL, "")
    if len(bare) == 1 and not (waw_word and bare == "و"):
        return min(lp, FRAGMENT_FLOOR)
    # tanween ends a word: a piece whose first letter bears it is a cut-off end ("مًا" of
    # "يومًا"), whatever word its bare letters spell ("ما")
    return min(lp, FRAGMENT_FLOOR) if len(piece) > 1 and piece[1] in _TANWEEN else lp


@lru_cache(maxsize=100_000)
def _piece_gain(left: str, right: str, shown_cut: bool = False) -> float:
    return _chain_gain([left, right], shown_cut)


def join_gain(left: str, right: str) -> float:
    """How much better left+right reads as one word than as two (log10 units; 0 if not joinable)."""
    lp, rp = _left_piece(left), _right_piece(right)
    if not lp or not rp:
        return 0.0
    return _piece_gain(lp, rp)


def find_segments(line: str) -> SegmentFix | None:
    """The best reordering of a line with reversed pieces, or None if the line reads as it is."""
    found = readings(line)
    return found[0] if found and found[0].gain >= MIN_SCORE else None


@lru_cache(maxsize=20_000)
def readings(line: str, shown_cut: bool = False, chains: bool = True) -> tuple[SegmentFix, ...]:
    """Reorderings that may be worth a change, best first: all within READING_MARGIN of the best.

    Free cuts often tie; the line's neighbours may tell them apart (context.py), which also
    decides how sure a reading must be (MIN_SCORE, or MIN_SCORE_DAMAGED in a damaged document).
    With shown_cut (a document shown to be cut into pieces), a lone و before a whole word is the
    cut-off first letter of a word, not the conjunction set apart (`_chain_gain`), a token of
    tatweel alone what a cut left of a kashida, not a dash or a mark shown on its own, and lone
    letters side by side what cuts left of words, not letters spelled out. Without `chains`, no
    word cut twice is looked for (the cubic part of the search).
    """
    tokens = line.split(" ")
    n = len(tokens)
    if n < 2 or n > MAX_TOKENS or "" in tokens:
        return ()
    lefts, rights, gains = pair_gains(tokens, shown_cut)
    if not lefts:
        return ()
    if (not gains and n > MAX_CHAIN_ONLY) or _fragments(tokens) > max(2 * MAX_CUTS, n // 3):
        return ()  # a line of glyph debris is not a line cut into a few pieces
    pairs = set(gains) | _chain_pairs(tokens, lefts, rights) if chains else set(gains)
    if not pairs:
        return ()
    scored = _scored(tokens, pairs, gains)
    found: list[tuple[int, SegmentFix]] = []
    best = MIN_SCORE_DAMAGED
    # Surest first: once even the best cues cannot lift a cut set to within READING_MARGIN of the
    # best reading, none after it can (the cues are what makes restoring a reading worth it).
    for k in sorted(range(len(scored)), key=lambda k: -scored[k][0]):
        score, cuts, joined = scored[k]
        if score + MAX_CUES < best - READING_MARGIN:
            break
        text, joins = _restore(tokens, cuts, joined)
        score += _edge_cues(text.split(" "), cuts, n)
        found.append((k, SegmentFix(text, cuts, joins, score)))
        best = max(best, score)
    floor = max(MIN_SCORE_DAMAGED, best - READING_MARGIN)
    # ties keep the candidates' fixed order, as if they had been tried in it
    kept = sorted((kf for kf in found if kf[1].gain >= floor), key=lambda kf: (-round(kf[1].gain, 6), kf[0]))
    return tuple(f for _, f in kept[:MAX_READINGS])


Piece = tuple[int, str, str]  # token index, piece, its lookup form


def pair_gains(tokens: list[str], shown_cut: bool = False) -> tuple[list[Piece], list[Piece], dict[tuple[int, int], float]]:
    """The left pieces (a token's end a cut could follow), the right pieces (a token's start),
    and the gain of each junction of a left and a right piece that rejoins a word, by (i, j)."""
    ends = [token_ends(t) for t in tokens]
    if not shown_cut:  # in a text not shown to be cut, writing: tatweel alone ("ـَ", "ب ـ لا"), and
        # letters spelled out or set out as labels, a lone letter beside another ("م ر ح ب ا", "أ ب ج")
        ends = [("", "", "", "") if (len(t) == 1 or t[0] == TATWEEL) and _writing(tokens, k) else e
                for k, (t, e) in enumerate(zip(tokens, ends))]
    lefts = [(i, e[0], e[1]) for i, e in enumerate(ends) if e[0]]
    speaker = _SPEAKER_RE.match(tokens[0]) is not None  # its letter is no word's cut-off end
    rights = [(j, e[2], e[3]) for j, e in enumerate(ends) if e[2] and not (j == 0 and speaker)]
    words = listed()
    gains: dict[tuple[int, int], float] = {}
    for i, lp, lk in lefts:
        for j, rp, rk in rights:
            # neighbours are one piece already; an unlisted join gains nothing (_chain_gain)
            if i != j and i + 1 != j and lk + rk in words:
                g = _piece_gain(lp, rp, shown_cut)
                if g >= MIN_JOIN_GAIN:
                    gains[(i, j)] = g
    return lefts, rights, gains


def reads_otherwise_when_cut(line: str) -> bool:
    """Would `readings` see the line otherwise in a document shown to be cut (`shown_cut`)?"""
    tokens = line.split(" ")
    return any(t == "و" or _writing(tokens, k) for k, t in enumerate(tokens))


def _writing(tokens: list[str], k: int) -> bool:
    """Is token k tatweel alone, or a lone letter with another lone letter beside it?"""
    def lone(j: int) -> bool:
        return 0 <= j < len(tokens) and len(tokens[j]) == 1 and tokens[j].isalpha()
    return TATWEEL_TOKEN_RE.fullmatch(tokens[k]) is not None or lone(k) and (lone(k - 1) or lone(k + 1))


def lettered_items(lines: Sequence[str]) -> set[int]:
    """The lines of a lettered list ("أ. ..." then "ب. ..."): a letter and a stop open each.

    A cut after a letter that does not join ("الانتخابا|ت.") leaves such a piece at a damaged
    line's start as well, so only a document whose lines open with the first two letters of
    the alphabet, in order, has its letters taken for markers, which no reading may move.
    """
    opened = {k: m.group(1) for k, line in enumerate(lines) if (m := _LETTERED_RE.match(line))}
    firsts = list(opened.values())  # in line order
    return set(opened) if any(a == "أ" and b == "ب" for a, b in zip(firsts, firsts[1:])) else set()


_LETTERED_RE = re.compile("^([\u0621-\u064a])[.)] ")


def free_readings(line: str, last: bool) -> tuple[SegmentFix, ...]:
    """Rotations of a line with no word cut, for a document that shows the damage elsewhere.

    A cut between words leaves no word evidence, so only what cannot be in place is used: a
    heading or bullet marker inside the line, or, on a paragraph's last line, a sentence end
    inside it while the line ends elsewhere. Each rotation that starts at the marker, or ends
    at the sentence end, is offered; the neighbouring lines choose (context.py).
    """
    tokens = line.split(" ")
    n = len(tokens)
    if n < 2 or n > MAX_TOKENS or "" in tokens:
        return ()
    cuts = {b for b in range(1, n) if _HEAD_RE.match(tokens[b])}
    if last and not tokens[-1].endswith(_SENTENCE_END) and not _HEAD_RE.match(tokens[0]):
        cuts |= {b + 1 for b in range(n - 1) if tokens[b].rstrip("»)\"'").endswith(_FULL_STOP)}
    out = []
    for b in sorted(cuts):
        restored = tokens[b:] + tokens[:b]
        gain = FREE_GAIN + _edge_cues(restored, (b,), n) - _edge_cues(tokens, (), n)
        out.append(SegmentFix(" ".join(restored), (b,), 0, gain))
    return tuple(sorted(out, key=lambda f: -f.gain))


def _fragments(tokens: list[str]) -> int:
    """Arabic tokens that are no word: led by a mark, a single letter, or not in the word list."""
    count = 0
    for t in tokens:
        if not _ANY_ARABIC_RE.search(t):
            continue
        m = _RIGHT_RE.match(t)
        count += m is None or len(m.group()) < 2 or logp(m.group()) <= UNKNOWN
    return count


def _chain_pairs(tokens: list[str], lefts: list[Piece], rights: list[Piece]) -> set[tuple[int, int]]:
    """Junctions of a word cut twice, whose middle piece is a short token of its own ("و حد ات")."""
    words = listed()
    out: set[tuple[int, int]] = set()
    for k, mid, mk in lefts:
        if mid != tokens[k] or len(_MARKS_RE.sub("", mid)) > MAX_MIDDLE:
            continue
        after = [r for r in rights if r[0] != k and r[0] != k + 1]
        for i, lp, lk in lefts:
            if i == k or i + 1 == k:
                continue
            head = lk + mk
            for j, rp, rk in after:
                # cubic in the tokens: the cheap tests first; an unlisted word gains nothing
                if head + rk not in words or j == i or ((i, k) in out and (k, j) in out):
                    continue
                if _chain_gain([lp, mid, rp]) >= MIN_JOIN_GAIN:
                    out |= {(i, k), (k, j)}
    return out


def _join_score(tokens: list[str], pairs: Sequence[tuple[int, int]],
                gains: dict[tuple[int, int], float]) -> tuple[float, frozenset[tuple[int, int]]]:
    """Gain of the junctions that rejoin words, and which ones.

    A one-token piece can be glued on both sides ("و" + "حد" + "ات"); such a chain is scored as
    one word, and when junctions share a token the best subset of them joins.
    """
    if not {j for _, j in pairs} & {i for i, _ in pairs}:
        chosen = [p for p in pairs if p in gains]
        return sum(gains[p] for p in chosen), frozenset(chosen)
    best: tuple[float, frozenset[tuple[int, int]]] = (0.0, frozenset())
    for mask in range(1, 1 << len(pairs)):
        subset = [p for k, p in enumerate(pairs) if mask >> k & 1]
        score = _chains_gain(tokens, subset, gains)
        if score > best[0]:
            best = (score, frozenset(subset))
    return best


def _chains_gain(tokens: list[str], pairs: list[tuple[int, int]], gains: dict[tuple[int, int], float]) -> float:
    """Summed gain of the words these junctions make (0 if any of them is not a word)."""
    nxt = dict(pairs)
    total = 0.0
    for head in set(nxt) - set(nxt.values()):
        chain = [head]
        while chain[-1] in nxt:
            chain.append(nxt[chain[-1]])
        if len(chain) == 2:
            g = gains.get((chain[0], chain[1]), 0.0)
        elif all(tokens[k] == _left_piece(tokens[k]) for k in chain[1:-1]):
            mids = [tokens[k] for k in chain[1:-1]]
            g = _chain_gain([_left_piece(tokens[chain[0]]), *mids, _right_piece(tokens[chain[-1]])])
        else:
            g = 0.0
        if g < MIN_JOIN_GAIN:
            return 0.0
        total += g
    return total


def _chain_gain(parts: list[str], shown_cut: bool = False) -> float:
    joined = logp("".join(parts))
    if joined < MIN_JOINED:
        return 0.0
    # A lone و before a whole word may be the conjunction set apart, as many writers do
    # ("و التقدير"); before a fragment ("و زارة"), or where the document is shown to be cut into
    # pieces, it is the cut-off first letter of a word. (A chain of three pieces is a word cut
    # twice: `shown_cut` only matters for two.)
    whole = not shown_cut and len(parts) == 2 and parts[0] == "و" and logp(parts[1]) > FRAGMENT_FLOOR
    return joined - sum(_fragment_logp(p, whole) for p in parts)


def _scored(tokens: list[str], pairs: set[tuple[int, int]],
            gains: dict[tuple[int, int], float]) -> list[tuple[float, tuple[int, ...], frozenset[tuple[int, int]]]]:
    """Cut sets with at least one junction in `pairs`, in a fixed order, each with its score
    before the edge cues and the junctions that rejoin a word.

    With one cut the only junction is (last token, first token) and the cut itself is free; with
    two cuts a<b the junctions are (b-1, 0) and (n-1, a); with three a<b<c they are (b-1, 0),
    (c-1, a) and (n-1, b). Most three-cut sets differ only in a free cut c: their junctions in
    `pairs`, and so their score, are those of (a, b), scored once.
    """
    n = len(tokens)
    seen: dict[tuple[tuple[int, int], ...], tuple[float, frozenset[tuple[int, int]]]] = {}

    def scored(junctions: tuple[tuple[int, int], ...],
               cuts: tuple[int, ...]) -> tuple[float, tuple[int, ...], frozenset[tuple[int, int]]]:
        if junctions not in seen:
            seen[junctions] = _join_score(tokens, junctions, gains)
        gain, joined = seen[junctions]
        return gain - CUT_PENALTY * len(cuts), cuts, joined

    out: list[tuple[float, tuple[int, ...], frozenset[tuple[int, int]]]] = []
    if (n - 1, 0) in pairs:
        out.extend(scored(((n - 1, 0),), (b,)) for b in range(1, n))
    into: dict[int, list[int]] = {}  # right token a -> the cuts c with (c-1, a) in pairs
    for i, j in sorted(pairs):
        into.setdefault(j, []).append(i + 1)
    for a in range(1, n):
        tail = ((n - 1, a),) if (n - 1, a) in pairs else ()
        mids = into.get(a, [])
        for b in range(a + 1, n):
            first = ((b - 1, 0),) if (b - 1, 0) in pairs else ()
            last = ((n - 1, b),) if (n - 1, b) in pairs else ()
            if first or tail:
                out.append(scored(first + tail, (a, b)))
            if first or last:
                free, _, joined = scored(first + last, (a, b, b + 1))
                out.extend(scored(first + ((c - 1, a),) + last, (a, b, c)) if c in mids else (free, (a, b, c), joined)
                           for c in range(b + 1, n))
            else:
                # a junction into a from the last token is the tail's, not a third cut's at n
                out.extend(scored(((c - 1, a),), (a, b, c)) for c in mids if b < c < n)
    return out


def _restore(tokens: list[str], cuts: tuple[int, ...], joined: frozenset[tuple[int, int]]) -> tuple[str, int]:
    """The pieces in restored order, rejoined without a space where a word was cut."""
    g = (0, *cuts, len(tokens))
    spans = [(g[j], g[j + 1]) for j in range(len(g) - 1)][::-1]
    out = " ".join(tokens[spans[0][0]:spans[0][1]])
    joins = 0
    for (_, prev_end), (start, end) in zip(spans, spans[1:]):
        piece = " ".join(tokens[start:end])
        if (prev_end - 1, start) in joined:
            out += piece
            joins += 1
        else:
            out += " " + piece
    return out, joins


def _edge_cues(restored: list[str], cuts: tuple[int, ...], n: int) -> float:
    """Weak hints (well below one cut's penalty) for cuts that no word evidence pins down.

    A full stop likes to close the line (paragraphs end there; context.py knows which lines end
    one; a colon more often introduces what follows on the line). Punctuation that attaches to
    the word before it does not start a line, nor does an opening bracket end one. A list,
    heading or footnote marker or an interview's speaker ("ج:") starts its line; a table row
    opens and closes with a pipe and has no empty cell a cut made up; brackets open before they
    close. Last, pieces of similar length are slightly preferred: a free cut is uniformly likely
    anywhere, so the middle is the least costly guess.
    """
    start, end = restored[0], restored[-1]
    bonus = SENTENCE_END if end.endswith(_FULL_STOP) else 0.0
    if start[:1] in ATTACHES_LEFT:
        bonus -= 0.4
    if end[-1:] in _OPENING:
        bonus -= 0.4
    chars = "".join(restored)  # most lines have no marker and no bracket: one search each
    if _MARKER_CHAR_RE.search(chars) and any(_MARKER_RE.match(t) for t in restored[1:]):
        bonus -= 0.8
    if "|" in chars and restored.count("|") > 1:  # a table row: its cells between pipes
        bonus += 0.5 * ((start == "|") + (end == "|")) - 0.5 * ("| |" in " ".join(restored))
    if _OPENING_RE.search(chars):
        bonus += 0.3 * min(3, _matched_brackets(chars))
    bounds = (0, *cuts, n)
    sizes = [b - a for a, b in zip(bounds, bounds[1:])]
    return bonus - 0.01 * (max(sizes) - min(sizes))


def _matched_brackets(text: str) -> int:
    """Bracket and quote pairs that open before they close."""
    depth = matched = 0
    for ch in text:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING and depth:
            depth -= 1
            matched += 1
    return matched

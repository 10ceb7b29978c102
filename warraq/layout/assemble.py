"""Raw blocks of visual-order clusters -> typed Blocks of logical-order Lines and Words."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import islice
from statistics import median

from warraq.arabic.bidi import Direction, bracket_sides, last_strong, mirror_brackets, visual_to_logical
from warraq.arabic.chars import (
    compose_dots,
    fold_presentation_forms,
    remove_kashida,
    strip_bidi_controls,
    strong_direction,
)
from warraq.arabic.lexicon import glued_join, join_score, redotted, split_glued
from warraq.document import BBox, Block, Line, Word, union
from warraq.layout.blocks import RawBlock
from warraq.layout.lines import Cluster, Segment


def strong_counts(segments: list[Segment]) -> tuple[int, int]:
    """(right-to-left letters, left-to-right letters) in some segments."""
    r = l_ = 0
    for s in segments:
        counts = s.strong
        if counts is None:  # a segment is counted for its page, then for its block
            sr = sl = 0
            for c in s.clusters:
                cr, cl = _strong_letters(c.glyph.text)
                sr += cr
                sl += cl
            counts = s.strong = (sr, sl)
        r += counts[0]
        l_ += counts[1]
    return r, l_


@lru_cache(maxsize=8192)
def _strong_letters(text: str) -> tuple[int, int]:
    r = l_ = 0
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in ("R", "AL"):
            r += 1
        elif cls == "L":
            l_ += 1
    return r, l_


@lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    """A cluster's text with presentation forms folded and dots drawn apart put back on their
    letter; cluster texts repeat (letters, common marks), so each is done once."""
    return compose_dots(fold_presentation_forms(text))


def block_direction(segments: list[Segment], page_direction: Direction) -> Direction:
    """The paragraph direction of a block, from its first line and the page.

    UAX #9 takes a paragraph's direction from its first strong letter. Read as right-to-left,
    the first line's first letter is its rightmost; read as left-to-right, its leftmost. When
    only one reading is consistent it wins; otherwise the side a short last line keeps to
    (an English paragraph of a bilingual page whose first line ends in an Arabic title), and
    then the page's direction, decides for a block with any Arabic in it.
    """
    r, l_ = strong_counts(segments)
    if r == 0:  # digits and signs alone follow the page; English set right to left in an Arabic
        # document ends its sentences at the left (".The committee ... 2025")
        if l_ and not (page_direction == "rtl" and _stops_at(segments, "left", "ltr")):
            return "ltr"
        return page_direction
    if _stops_at(segments, "right", "rtl"):
        return "ltr"
    first = min(segments, key=lambda s: s.baseline)
    # the line's leftmost and rightmost strong letters (searched from either end)
    leftmost = next(filter(None, (strong_direction(c.glyph.text) for c in first.clusters)), None)
    if leftmost is not None:
        rightmost = next(filter(None, (strong_direction(c.glyph.text) for c in reversed(first.clusters))))
        rtl_ok = rightmost == "rtl"
        ltr_ok = leftmost == "ltr"
        if ltr_ok and not rtl_ok and page_direction == "rtl" and (_marker_on_right(first) or r > l_):
            # an item set right to left that opens in English ("3. ^ IEA urges ..."), or a
            # paragraph of Arabic whose line opens and closes with English words ("OpenAI
            # وMeta دعمها ... مثل Gemini وLlama 3."): its author set it right to left
            return "rtl"
        if rtl_ok != ltr_ok:
            return "rtl" if rtl_ok else "ltr"
        if _stops_at(segments, "left", "rtl"):  # its sentences end at the left: right to left,
            return "rtl"  # however its lines are aligned (LibreOffice's HTML import sets them left)
        kept = _kept_side(segments)
        if kept is not None:
            return kept
    if page_direction == "rtl" or r >= l_:
        return "rtl"
    return "ltr"


def _stops_at(segments: list[Segment], side: str, script: Direction) -> bool:
    """Do the block's sentences end at this side ("left" or "right") of its lines, beside a
    letter of this script, and at the other side of none?

    A paragraph's direction puts its sentence ends at its far side, whatever its letters:
    Arabic an author or an import set left to right (never setting its direction) ends them at
    the right, a line's rightmost sign a full stop or comma right of an Arabic letter, which
    read right to left would open the line; English set right to left ends them at the left."""
    found = 0
    for seg in segments:  # only each line's two outermost glyphs at either end are looked at
        head = list(islice((c.glyph.text for c in seg.clusters if not c.glyph.is_space), 2))
        if len(head) < 2:
            continue
        tail = list(islice((c.glyph.text for c in reversed(seg.clusters) if not c.glyph.is_space), 2))
        near, far = (tail, head) if side == "right" else (head, tail)
        if far[0] in _SENTENCE_SIGNS and strong_direction(far[1]) == script:
            return False
        found += near[0] in _SENTENCE_SIGNS and strong_direction(near[1]) == script
    return found > 0


_SENTENCE_SIGNS = frozenset(".،,؛;:؟?!")


# A list item's number as a right-to-left line shows it at its right end: "3." drawn ".3"
_RIGHT_MARKER_RE = re.compile(r"(?:^|\s)[.)]\d{1,3}\s*$")


def _marker_on_right(line: Segment) -> bool:
    """Does the line end, right of its last strong letter, in a list item's number (".3")?"""
    tail: list[str] = []
    for c in reversed(line.clusters):
        if strong_direction(c.glyph.text):
            break
        tail.append(c.glyph.text)
    return bool(_RIGHT_MARKER_RE.search("".join(reversed(tail))))


def _kept_side(segments: list[Segment]) -> Direction | None:
    """The side a paragraph's short last line keeps to: its start (None if no line tells)."""
    if len(segments) < 2:
        return None
    last = max(segments, key=lambda s: s.baseline)
    x0, x1 = min(s.x0 for s in segments), max(s.x1 for s in segments)
    em = max(last.size, 1.0)
    if x1 - x0 - (last.x1 - last.x0) < 3 * em:
        return None  # a full last line (or a centred one too wide to tell)
    left, right = last.x0 - x0 < em, x1 - last.x1 < em
    return "ltr" if left and not right else "rtl" if right and not left else None


def to_block(raw: RawBlock, page_direction: Direction, keep_tatweel: bool, before: Block | None = None) -> Block:
    """A typed block: its lines in logical order, or a table's cells row by row. `before` is
    the block read just before it, which it may continue (`_continues`)."""
    direction = block_direction(raw.segments, page_direction)
    context = None
    if before is not None and page_direction == "rtl" and _continues(raw, before, flipped=direction == "ltr"):
        direction, context = "rtl", last_strong(before.lines[-1].text)
    lines: list[Line] = []
    if raw.rows is not None:
        rows_text: list[list[str]] = []
        for row in raw.rows:
            cells = [_cell_line(cell, page_direction, keep_tatweel) for cell in row]
            if page_direction == "rtl":
                cells.reverse()
            rows_text.append([c.text for c in cells])
            lines.extend(cells)
        return Block("table", lines, _bbox(raw.segments), page_direction, rows=rows_text)
    for seg in raw.segments:  # a wrapped line is resolved in the context of the paragraph so far
        lines.append(to_line(seg, direction, keep_tatweel, context))
        context = last_strong(lines[-1].text) or context
    kind = raw.kind if raw.kind in ("heading", "footnote", "list-item") else "paragraph"
    return Block(kind, lines, _bbox(raw.segments), direction)  # type: ignore[arg-type]


def _continues(raw: RawBlock, before: Block, flipped: bool) -> bool:
    """Is a block the rest of the right-to-left paragraph read before it, which widely spaced
    lines cut into blocks of one line? That paragraph ends mid-sentence, and the block keeps
    its right edge and has Arabic in it; its first line then reads in the paragraph's context
    ("70%" at a line start). A block that opens with a Latin word (`flipped`: it would read
    left to right) must also not keep the left edge, as a last line does not: "Gemini وGPT-4o
    وLlama 3." under "...في نماذجها الأحدث، مثل"."""
    if before.kind not in ("paragraph", "list-item") or before.direction != "rtl" or not before.lines:
        return False
    if strong_counts(raw.segments)[0] == 0 or before.lines[-1].text.rstrip().endswith(_SENTENCE_END):
        return False
    size = median([s.size for s in raw.segments])
    return abs(raw.x1 - before.bbox[2]) <= 0.5 * size and (not flipped or raw.x0 - before.bbox[0] >= 2 * size)


_SENTENCE_END = tuple(".!?؟:؛…")


def goes_on(block: Block, before: Block | None) -> bool:
    """Is a paragraph the rest of the one read before it, cut by a column break? The reading
    went up into another column as wide (or to a paragraph's last line alone, which may be
    short), and that paragraph's last line is a full line of running text (as wide as its
    widest, four words or more) that ends mid-sentence, in type of the same size."""
    if (before is None or block.kind != "paragraph" or before.kind != "paragraph" or len(before.lines) < 2
            or not block.lines or block.direction != before.direction):
        return False
    last, first = before.lines[-1], block.lines[0]
    widest = max(ln.bbox[2] - ln.bbox[0] for ln in before.lines)
    other = max(ln.bbox[2] - ln.bbox[0] for ln in block.lines)
    ending = _CITATION_RE.sub("", last.text.rstrip()).rstrip("»\"')")
    return (first.bbox[1] < last.bbox[1] - last.size
            and (block.bbox[0] >= before.bbox[2] or block.bbox[2] <= before.bbox[0])
            and last.bbox[2] - last.bbox[0] >= 0.95 * widest
            and (abs(other - widest) <= 0.1 * widest or len(block.lines) == 1 and other <= 1.1 * widest)
            and len(last.words) >= 4 and not ending.endswith(_SENTENCE_END)
            and abs(first.size - last.size) <= 0.1 * last.size)


_CITATION_RE = re.compile(r"(\[[^\]]{1,8}\]|[0-9\u0660-\u0669]+)+$")  # "…الأمريكية.[2]", a note's number


def _cell_line(cell: list[Segment], page_direction: Direction, keep_tatweel: bool) -> Line:
    """A table cell as one line: its wrapped lines joined in order (empty if it has none)."""
    if not cell:
        return Line([], (0.0, 0.0, 0.0, 0.0), page_direction, 0.0)
    direction = block_direction(cell, page_direction)
    lines = [to_line(s, direction, keep_tatweel) for s in cell]
    if len(lines) == 1:
        return lines[0]
    return Line([w for ln in lines for w in ln.words], union([ln.bbox for ln in lines]), direction,
                lines[0].size, sorted({f for ln in lines for f in ln.fonts}),
                sum((ln.sources for ln in lines), Counter()))


def to_line(seg: Segment, direction: Direction, keep_tatweel: bool, context: str | None = None) -> Line:
    """Order one segment's clusters logically and cut it into words."""
    texts = [_folded(c.text if c.marks else c.glyph.text) for c in seg.clusters]
    apart = _set_apart(seg, texts, direction)
    order, levels = _logical(texts, apart, direction, context)
    ordered_texts = bracket_sides(mirror_brackets([texts[i] for i in order], levels))
    if context is not None and any(map(str.isdigit, texts)):
        # Some renderers (WeasyPrint) run the bidi algorithm line by line, others over the whole
        # paragraph; numbers at a line start come out differently. Keep the tidier reading.
        alt, alt_levels = _logical(texts, apart, direction, None)
        if alt != order:
            alt_texts = bracket_sides(mirror_brackets([texts[i] for i in alt], alt_levels))
            if number_oddities("".join(alt_texts)) < number_oddities("".join(ordered_texts)):
                order, ordered_texts = alt, alt_texts
    if direction == "rtl" and "+" in texts:
        order, ordered_texts = _international_numbers(order, ordered_texts)
    # words as (texts, clusters, joinable with the previous word), cut at spaces
    clusters = seg.clusters
    pieces: list[tuple[list[str], list[Cluster], bool]] = []
    texts_now: list[str] = []
    clusters_now: list[Cluster] = []
    joinable = False
    for i, text in zip(order, ordered_texts):
        if text.isspace():
            if texts_now:
                pieces.append((texts_now, clusters_now, joinable))
                texts_now, clusters_now = [], []
            joinable = clusters[i].uncertain
            continue
        texts_now.append(text)
        clusters_now.append(clusters[i])
    if texts_now:
        pieces.append((texts_now, clusters_now, joinable))
    words: list[Word] = []
    for piece_texts, piece_clusters in _rejoined(pieces, glued_join if seg.cascading else join_score):
        if seg.cascading:
            for part in _parted(piece_texts):
                _flush(words, _redotted(piece_texts[part]), piece_clusters[part], keep_tatweel)
        else:
            _flush(words, piece_texts, piece_clusters, keep_tatweel)
    drawn = [c.glyph for c in seg.clusters if not c.inserted_space]
    sources = Counter([g.source for g in drawn])
    fonts = list(dict.fromkeys([c.glyph.font for c in seg.clusters if c.glyph.font]))
    artifact = all([g.artifact for g in drawn])
    return Line(words, _bbox([seg]), direction, seg.size, fonts, sources, artifact)


def _set_apart(seg: Segment, texts: list[str], direction: Direction) -> list[int]:
    """Places k where a raised or lowered digit (a note's number, a formula's index) stands
    left of a number drawn on the line of a right-to-left paragraph, between clusters k - 1 and k.

    Laid out with the number as one left-to-right run, the digit would come at the number's
    right end (Chromium draws "2025.<sup>1</sup>" as "2025.1"). At its left end it is a box the
    renderer placed after the number on its own (WeasyPrint: "1.2025"), which read as one run
    with the number would make 1.2025 of it."""
    if direction != "rtl":
        return []

    def shifted(c: Cluster) -> bool:
        g = c.glyph
        return 0 < g.size <= SHIFTED_SIZE * seg.size and abs(g.oy - seg.baseline) >= SHIFTED_RISE * seg.size

    numeric = [_numeric(t) for t in texts]
    return [k for k in range(1, len(texts)) if numeric[k - 1] and numeric[k]
            and shifted(seg.clusters[k - 1]) and not shifted(seg.clusters[k])]


SHIFTED_SIZE = 0.9   # of the line's type size: a superscript or subscript is set smaller ...
SHIFTED_RISE = 0.15  # ... and this far off the line's baseline


def _numeric(text: str) -> bool:
    """A digit, or a sign that joins digits into one number (. , : / % + -)."""
    return unicodedata.bidirectional(text[:1]) in ("EN", "AN", "ES", "ET", "CS") if text else False


def _logical(texts: list[str], apart: list[int], direction: Direction,
             context: str | None) -> tuple[list[int], list[int]]:
    """visual_to_logical over cluster indices, with a neutral between the clusters `apart`
    keeps (it stops rule W4 from making one number of them) and leaves out of the result."""
    if not apart:
        return visual_to_logical(list(range(len(texts))), texts, direction, context)
    units: list[int] = []
    with_bounds: list[str] = []
    for k, text in enumerate(texts):
        if k in apart:
            units.append(-1)
            with_bounds.append(_BOUND)
        units.append(k)
        with_bounds.append(text)
    order, levels = visual_to_logical(units, with_bounds, direction, context)
    kept = [(u, lv) for u, lv in zip(order, levels) if u >= 0]
    return [u for u, _ in kept], [lv for _, lv in kept]


_BOUND = "\ufffc"  # an object replacement character: bidi class ON, never in the output


def _rejoined(pieces: list[tuple[list[str], list[Cluster], bool]],
              join_score: Callable[[str, str], float] = join_score) -> list[tuple[list[str], list[Cluster]]]:
    """Word pieces with the uncertain gaps that cut one word closed, surest first: a piece
    between two others joins the side the lexicon likes better ("تعليم ا ستخدام")."""
    merged = [(texts, clusters) for texts, clusters, _ in pieces]
    gaps = [may_join for _, _, may_join in pieces[1:]]  # gaps[k]: between merged[k] and merged[k + 1]
    while any(gaps):
        scores = [join_score(_plain(merged[k][0]), _plain(merged[k + 1][0])) if gap else 0.0
                  for k, gap in enumerate(gaps)]
        best = max(range(len(scores)), key=scores.__getitem__, default=-1)
        if best < 0 or scores[best] <= 0.0:
            return merged
        (ta, ca), (tb, cb) = merged[best], merged[best + 1]
        merged[best:best + 2] = [(ta + tb, ca + cb)]
        del gaps[best]
    return merged


_PERCENT_FIRST = re.compile(r"(?<![\d\u0660-\u0669])[%\u066a][\d\u0660-\u0669]")
_RANGE = re.compile(r"(?<![\d.,-])(\d{2,4})-(\d{2,4})(?![\d.,-])")  # not a date's parts
_SIGN_AFTER = re.compile(r"[\d\u0660-\u0669]-(?=\s|$)")


def number_oddities(text: str) -> int:
    """Typographic oddities of numbers in logical text: a percent sign before its number, a
    descending range ("2024-2020"), a minus sign after its number, a trunk code after the
    number it dials ("5001122-06")."""
    odd = len(_PERCENT_FIRST.findall(text)) + len(_SIGN_AFTER.findall(text)) + len(_TRUNK_LAST.findall(text))
    odd += sum(1 for a, b in _RANGE.findall(text) if len(a) == len(b) and int(a) > int(b))
    return odd


_TRUNK_LAST = re.compile(r"(?<![\d.,])[1-9]\d{4,}-0\d{1,3}(?![\d.,])")


def _international_numbers(order: list[int], texts: list[str]) -> tuple[list[int], list[str]]:
    """Put back a number written "+971 4 123 4567" that its author kept left to right (a
    left-to-right mark before it): the implicit rules read its groups right to left, which
    leaves the plus sign after the first group ("4567 123 4 971+"). Three groups or more."""
    n = len(texts)
    k = 0
    while k < n:
        if texts[k] != "+" or k == 0 or not texts[k - 1].isdigit() or (k + 1 < n and texts[k + 1].isdigit()):
            k += 1
            continue
        start = k
        while start > 0 and (texts[start - 1].isdigit() or (texts[start - 1] == " " and start > 1
                                                            and texts[start - 2].isdigit())):
            start -= 1
        groups = "".join(texts[start:k]).split(" ")
        if len(groups) >= 3 and all(groups) and (start == 0 or not texts[start - 1].isdigit()):
            spans, at = [], start
            for g in groups:
                spans.append(list(range(at, at + len(g))))
                at += len(g) + 1
            spaces = [spans[j][-1] + 1 for j in range(len(spans) - 1)]
            new = [k] + [i for j, span in enumerate(reversed(spans)) for i in span + ([spaces[j]] if j < len(spaces) else [])]
            order = order[:start] + [order[i] for i in new] + order[k + 1:]
            texts = texts[:start] + [texts[i] for i in new] + texts[k + 1:]
        k += 1
    return order, texts


def _parted(texts: list[str]) -> list[slice]:
    """The words of a piece of cascading text (Nastaliq), whose overlapping words leave no gap
    for a space: a word ends after punctuation, and an unknown run of letters that parts into
    known words is cut there. Punctuation stays with the word before it (or after it, at the
    piece's start)."""
    def stop(k: int) -> bool:  # punctuation, but not a number's separator ("4,500")
        return texts[k] in _PUNCTUATION and not (0 < k < len(texts) - 1 and texts[k - 1].isdigit()
                                                 and texts[k + 1].isdigit())

    bounds = [0]
    start = 0
    while start < len(texts):
        lo = start
        while lo < len(texts) and stop(lo):
            lo += 1
        hi = lo
        while hi < len(texts) and not stop(hi):
            hi += 1
        end = hi
        while end < len(texts) and stop(end):
            end += 1
        bounds += [lo + c for c in split_glued([remove_kashida(t) for t in texts[lo:hi]]) or ()]
        bounds.append(end)
        start = end
    return [slice(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _redotted(texts: list[str]) -> list[str]:
    """A word of cascading text with its letters' dots read again from the lexicon where the
    page's make no word (`lexicon.redotted`): its clusters keep their marks."""
    chars = "".join(texts)
    core = "".join(_LETTER_RE.findall(chars))
    if not core or any(ch.isalnum() for ch in _LETTER_RE.sub("", chars)):  # digits, Latin: not ours
        return texts
    found = redotted(core)
    if found is None:
        return texts
    letters = iter(found)
    return ["".join(next(letters) if _LETTER_RE.match(ch) else ch for ch in t) for t in texts]


_LETTER_RE = re.compile("[\u0621-\u063f\u0641-\u064a\u066e-\u06d3]")


def _plain(texts: list[str]) -> str:
    """The letters of a word piece, for the lexicon (punctuation at its ends dropped)."""
    return remove_kashida("".join(texts)).strip(_PUNCTUATION)


_PUNCTUATION = "،؛؟.,:;!?«»“”\"'()[]{}-–—…"


def _flush(words: list[Word], texts: list[str], clusters: list[Cluster], keep_tatweel: bool) -> None:
    text = strip_bidi_controls("".join(texts))
    if not keep_tatweel:
        text = remove_kashida(text)
    if text:
        box = (min([c.x0 for c in clusters]), min([c.glyph.top for c in clusters]),
               max([c.x1 for c in clusters]), max([c.glyph.bottom for c in clusters]))
        words.append(Word(text, box))


def _bbox(segments: list[Segment]) -> BBox:
    return union([(s.x0, s.top, s.x1, s.bottom) for s in segments])

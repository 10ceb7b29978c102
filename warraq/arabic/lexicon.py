"""Arabic word frequencies (from the wordfreq package's bundled data), loaded once, lazily.

Extraction asks for a few hundred words per document, but building wordfreq's dictionary of
600,000 words costs half a second in every process. `frequency` therefore looks words up by
bisection in wordfreq's list sorted once and cached on disk (`word_list_file`), which loads in
a few milliseconds; `frequencies` still gives the whole dictionary to those who need it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import math
import re
import unicodedata
from array import array
from functools import lru_cache
from pathlib import Path

from warraq.arabic.chars import SKELETONS
from warraq.cache import cache_root, find_packed, write_atomically

_DICT: dict[str, float] | None = None


def frequencies() -> dict[str, float]:
    """Word -> relative frequency for Arabic (empty if the data is missing)."""
    global _DICT
    if _DICT is None:
        try:
            import wordfreq

            _DICT = wordfreq.get_frequency_dict("ar")
        except Exception:  # no data: every decision falls back to geometry alone
            _DICT = {}
    return _DICT


class WordList:
    """wordfreq's Arabic words in code point order, each with its band (minus centibels).

    The words stay one UTF-8 buffer with their offsets (UTF-8 keeps code point order): loading
    copies two arrays instead of decoding and splitting 600,000 strings, which took a tenth of
    a second before an extraction's first page.
    """

    def __init__(self, data: bytes, offsets: array[int], bands: array[int]) -> None:
        self._data = data
        self._offsets = offsets  # word k is data[offsets[k]: offsets[k + 1]]
        self._bands = bands

    def __len__(self) -> int:
        return len(self._bands)

    @classmethod
    def from_buckets(cls, buckets: list[list[str]]) -> WordList:
        """From wordfreq's list of words per band; a word listed twice keeps its last band, as
        in wordfreq.get_frequency_dict."""
        band = {word: index for index, bucket in enumerate(buckets) for word in bucket}
        words = sorted(band)
        encoded = [w.encode("utf-8", "surrogatepass") for w in words]
        offsets = array("I", [0])
        for w in encoded:
            offsets.append(offsets[-1] + len(w))
        return cls(b"".join(encoded), offsets, array("I", [band[w] for w in words]))

    def listed(self, band: int) -> list[tuple[str, float]]:
        """Every word at least as common as a band (centibels below 1), with its frequency."""
        data, offsets = self._data, self._offsets
        return [(data[offsets[k]: offsets[k + 1]].decode("utf-8", "surrogatepass"), 10 ** (-b / 100))
                for k, b in enumerate(self._bands) if b <= band]

    def get(self, word: str) -> float:
        """The word's frequency as wordfreq.get_frequency_dict gives it, 0.0 if unlisted."""
        k = find_packed(self._data, self._offsets, len(self._bands), word.encode("utf-8", "surrogatepass"))
        if k is not None:
            return 10 ** (-self._bands[k] / 100)  # wordfreq.cB_to_freq
        return 0.0

    def save(self, path: Path) -> None:
        """Count, bands, offsets, then the words' UTF-8 bytes."""
        write_atomically(path, _MAGIC + len(self).to_bytes(4, "little") + self._bands.tobytes()
                         + self._offsets.tobytes() + self._data)

    @classmethod
    def load(cls, path: Path) -> WordList | None:
        data = path.read_bytes()
        if not data.startswith(_MAGIC):
            return None
        start = len(_MAGIC) + 4
        n = int.from_bytes(data[len(_MAGIC): start], "little")
        bands, offsets = array("I"), array("I")
        end = start + n * bands.itemsize
        bands.frombytes(data[start: end])
        offsets.frombytes(data[end: end + (n + 1) * offsets.itemsize])
        words = data[end + (n + 1) * offsets.itemsize:]
        if len(bands) != n or len(offsets) != n + 1 or offsets[-1] != len(words):
            return None
        return cls(words, offsets, bands)


_MAGIC = b"warraq word list 2\n"
_WORDS: WordList | None = None


def word_list_file() -> Path | None:
    """Where the sorted list of the installed wordfreq is cached (None without wordfreq)."""
    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or not spec.origin:
        return None
    tag = f"{_MAGIC!r}|{spec.origin}|{importlib.metadata.version('wordfreq')}"
    return cache_root() / f"words-ar-{hashlib.sha1(tag.encode()).hexdigest()[:16]}.bin"


def word_list() -> WordList:
    """The sorted word list: from the disk cache, else built from wordfreq (and cached)."""
    global _WORDS
    if _WORDS is None:
        try:
            path = word_list_file()
        except Exception:  # importlib metadata missing: no cache
            path = None
        try:
            _WORDS = WordList.load(path) if path is not None else None
        except (OSError, ValueError):
            _WORDS = None
        if _WORDS is None:
            try:
                import wordfreq

                _WORDS = WordList.from_buckets(wordfreq.get_frequency_list("ar"))
            except Exception:  # no data: every decision falls back to geometry alone
                _WORDS = WordList(b"", array("I", [0]), array("I"))
            if path is not None and len(_WORDS):
                try:
                    _WORDS.save(path)
                except (OSError, ValueError):  # a read-only home: the list is built again next time
                    pass
    return _WORDS


def _key(word: str) -> str:
    return "".join(c for c in word if unicodedata.category(c) != "Mn" and c != "\u0640")


@lru_cache(maxsize=65536)
def frequency(word: str) -> float:
    """Relative frequency of a word in Arabic text (0.0 if unknown)."""
    return word_list().get(_key(word))


def join_score(left: str, right: str) -> float:
    """How sure it is that left+right is one word pulled apart (by kashida or odd glyph boxes)
    rather than two words: log10 of how much likelier the joined word is than the pieces side
    by side beyond the margin asked of it, or 0.0 where they stay apart.

    Only a fragment can be half of a split word, so one side must be rare on its own; the
    joined word must then be far likelier than the two pieces side by side (a unigram model,
    with a wide margin so that real pairs such as "لا بد" stay apart). A lone letter is a
    fragment however often the list counts it (list labels and initials make them look
    common), but asks a wider margin; و and ف, which writers do set apart, are taken as words.
    """
    joined = frequency(left + right)
    if joined <= 0.0:
        return 0.0
    # the article, alone or behind و ف ب ك ل, never stands as a word ("ال وزارة"), however
    # often a tokenizer left it in the list
    a = 0.0 if _key(left) in _ARTICLE_ONLY else frequency(left)
    b = frequency(right)
    if min(a, b) < FRAGMENT and joined > MARGIN * a * b:
        return math.log10(joined / (MARGIN * max(a * b, UNLISTED)))
    a, b = _lone(left, a), _lone(right, b)
    if min(a, b) == LONE_LETTER and joined > LONE_MARGIN * a * b:
        return math.log10(joined / (LONE_MARGIN * max(a * b, UNLISTED)))
    return 0.0


def split_glued(pieces: list[str]) -> list[int] | None:
    """Where an unknown word made of these pieces (letters with their marks) parts into known
    words, most likely first: the cut positions, or None where it is a word or parts into none.

    For text whose spaces the page cannot show (Nastaliq words overlap): every part must be a
    common enough word of two letters or more, and each word costs a margin, so that fewer
    and commoner words win.
    """
    whole = "".join(pieces)
    n = len(pieces)
    if n < 4 or frequency(whole) >= GLUED_WORD:
        return None
    best: list[tuple[float, int]] = [(0.0, -1)] + [(-math.inf, -1)] * n  # score, previous cut
    for end in range(2, n + 1):
        for start in range(0, end - 1):
            if best[start][0] == -math.inf:
                continue
            word = "".join(pieces[start:end])
            key = _key(word)
            freq = 0.0 if key in _ARTICLE_ONLY else frequency(word)
            if freq >= (SHORT_PART if len(key) < 3 else PART):
                score = best[start][0] + math.log10(freq) - WORD_MARGIN
                if score > best[end][0]:
                    best[end] = (score, start)
    if best[n][0] == -math.inf:
        return None
    cuts, at = [], best[n][1]
    while at > 0:
        cuts.append(at)
        at = best[at][1]
    return cuts[::-1]


def glued_join(left: str, right: str) -> float:
    """`join_score` for text whose gaps do not show its spaces (Nastaliq), where a lone letter
    beside a word is a piece of it, و and ف too ("و سط", "مع ك")."""
    score = join_score(left, right)
    joined = frequency(left + right)
    if score > 0.0 or joined < PART or not (len(_key(left)) == 1 or len(_key(right)) == 1):
        return score
    return math.log10(joined / PART)


def redotted(word: str) -> list[str] | None:
    """For text whose dots a page leaves in doubt (a cascading script draws them as glyphs of
    their own, which may land on a neighbour, on nothing, or be read once more as a dotless
    letter beside their own): the listed word with the same dotless skeleton that the dots seen
    make likeliest ("ىخو" -> "نحو", "مںن" -> "من"), as the letter each letter of `word` becomes
    ("" where it goes); None if the word is listed, shows no sign of dots gone astray, or none
    is likely enough. Each letter read with other dots costs DOT_COST, each dotless letter
    dropped beside its own DROP_COST."""
    if len(word) < 3 or not _STRAY_DOTS_RE.search(word) or frequency(word) >= PART:
        return None  # (two letters: too many words share a skeleton)
    shapes = word.translate(_SKELETON_MAP)
    variants = [list(range(len(word)))]  # the letters kept
    for i, ch in enumerate(word):
        if ch in _DOTLESS and any(0 <= j < len(word) and j != i and shapes[j] == shapes[i] and word[j] not in _DOTLESS
                                  for j in (i - 1, i + 1)):
            variants.append([k for k in range(len(word)) if k != i])
    best: tuple[str, list[int]] | None = None
    top = REDOT_FLOOR
    for kept in variants:
        seen = "".join(word[k] for k in kept)
        cost = DROP_COST * (len(word) - len(kept))
        for cand, freq in _skeleton_index().get(seen.translate(_SKELETON_MAP), ()):
            score = math.log10(freq) - cost - DOT_COST * sum(a != b for a, b in zip(cand, seen))
            if score > top:
                best, top = (cand, kept), score
    if best is None:
        return None
    out = [""] * len(word)
    for letter, k in zip(*best):
        out[k] = letter
    return out


_SKELETON_INDEX: dict[str, list[tuple[str, float]]] | None = None


def _skeleton_index() -> dict[str, list[tuple[str, float]]]:
    """Dotless skeleton -> the listed words drawn on it, commonest first (built once, on the
    first doubtful word: a few tenths of a second, which only cascading pages pay)."""
    global _SKELETON_INDEX
    if _SKELETON_INDEX is None:
        index: dict[str, list[tuple[str, float]]] = {}
        for w, freq in word_list().listed(round(-100 * math.log10(PART))):
            index.setdefault(w.translate(_SKELETON_MAP), []).append((w, freq))
        for words in index.values():
            words.sort(key=lambda wf: -wf[1])
            del words[REDOT_CANDIDATES:]
        _SKELETON_INDEX = index
    return _SKELETON_INDEX


# Persian letters too: an Arabic word read with پ چ ژ ڤ is one whose dots went astray
_PERSIAN = {"\u067e": "\u066e", "\u0686": "\u062d", "\u0698": "\u0631", "\u06a4": "\u06a1"}
_SKELETON_MAP = str.maketrans({**SKELETONS, **_PERSIAN})
_NEVER_WRITTEN = "\u066e\u066f\u06a1\u06ba"  # ٮ ٯ ڡ ں: dotless forms Arabic spelling never writes
_DOTLESS = _NEVER_WRITTEN + "\u0649"  # skeletons without their dots, ى too
# What shows a word's dots went astray: such a form, a Persian letter, a dotless yeh inside it
_STRAY_DOTS_RE = re.compile(f"[{_NEVER_WRITTEN}{''.join(_PERSIAN)}]|\u0649(?=.)")
DOT_COST = 1.3       # log10: a letter read with other dots than the page shows
DROP_COST = 0.5      # log10: a dotless letter dropped beside a letter of its skeleton
REDOT_FLOOR = -8.5   # log10: a word read so must be likelier than an unlisted word read right
REDOT_CANDIDATES = 8  # words kept per skeleton

WORD_MARGIN = 1.0  # log10: what one more word in a parting costs
# The list holds web debris too (typos, words run together): a whole rarer than GLUED_WORD may
# be two words, and a part must be commoner than PART, or SHORT_PART for one of two letters
# (function words: في من ما لم; the list's two-letter debris is rarer)
GLUED_WORD, PART, SHORT_PART = 1e-7, 1e-7, 1e-4


def _lone(text: str, freq: float) -> float:
    key = _key(text)
    return LONE_LETTER if len(key) == 1 and key not in "وف" else freq


_ARTICLE_ONLY = frozenset("ال وال فال بال كال لل ولل فلل وبال فبال وكال".split())
FRAGMENT = 1e-5  # rarer than this on its own: may be a piece of a word
MARGIN = 1000.0
LONE_LETTER = 1e-8
LONE_MARGIN = 1e7
UNLISTED = 1e-20  # the pieces' product where one is not listed at all

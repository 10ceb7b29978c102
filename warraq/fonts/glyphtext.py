"""Text of every glyph of a font program: cmap inverted, then glyph names, then GSUB closure."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from warraq.arabic.chars import dots_between
from warraq.fonts.gsub import Rule
from warraq.fonts.names import fold_presentation, text_from_name
from warraq.fonts.program import FontProgram

# A glyph reached from several sources: prefer the one a reader would pick (base letter first).
_CONF = {"font-cmap": 0.97, "gsub": 0.9}


@dataclass(frozen=True)
class GlyphText:
    text: str
    method: str  # "font-cmap" | "glyph-name" | "gsub"
    confidence: float


#: Arabic presentation forms -> the letters they show, looked up once per code point.
_LETTERS = {u: fold_presentation(chr(u)) for u in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00))}


def text_rank(text: str) -> tuple[int, int, str]:
    """Several texts for one glyph: prefer basic Arabic letters and ASCII, then shorter text.

    Fonts map one glyph from many code points (heh from U+06BE and U+06C1, beh forms from
    Arabic Extended ones); a reader of Arabic text means the basic letter.
    """
    rare = sum(1 for c in text if not (0x20 <= ord(c) < 0x7F or 0x060C <= ord(c) <= 0x066D))
    return (rare, len(text), text)


def cmap_texts(cmap: dict[int, int]) -> dict[int, str]:
    """Glyph id -> the text its cmap gives it: a presentation form as its letters; of several
    code points, the plainest (the first of the plainest)."""
    texts = list(map(_LETTERS.get, cmap, map(chr, cmap)))
    by_gid = dict(zip(cmap.values(), texts))
    if len(by_gid) == len(cmap):
        return by_gid  # one code point per glyph
    shared = {g for g, n in Counter(cmap.values()).items() if n > 1}
    for g in shared:
        del by_gid[g]
    for g, plain in zip(cmap.values(), texts):
        if g in shared:
            held = by_gid.get(g)
            if held is None or text_rank(plain) < text_rank(held):
                by_gid[g] = plain
    return by_gid


def _nominal_preference(u: int) -> tuple[int, tuple[int, int, str]]:
    """Several code points on one glyph: prefer a base Arabic letter over a presentation form,
    and of two forms the one of a basic letter (yeh's medial form over Farsi yeh's)."""
    pres = 0xFB50 <= u <= 0xFDFF or 0xFE70 <= u <= 0xFEFF
    return (1 if pres else 0, text_rank(fold_presentation(chr(u))))


def glyph_texts(prog: FontProgram, trust_names: bool = True,
                only: Collection[int] | None = None) -> dict[int, GlyphText]:
    """gid -> text for all glyphs the font itself can explain; with `only`, for those glyphs
    (and the ones GSUB makes them from) alone, the same texts for a fraction of the work."""
    rules = _rules(prog)
    wanted = None if only is None else _sources(rules, only)
    if wanted is not None:
        rules = [rule for rule in rules if rule[1] in wanted]
    out: dict[int, GlyphText] = {}
    cmap = [(u, gid) for u, name in prog.cmap.items()
            if (gid := prog.gid_of.get(name)) is not None and (wanted is None or gid in wanted)]
    for u, gid in sorted(cmap, key=lambda kv: _nominal_preference(kv[0])):
        if gid not in out and _usable(chr(u)):
            out[gid] = GlyphText(fold_presentation(chr(u)), "font-cmap", _CONF["font-cmap"])
    if trust_names and prog.named:
        order = prog.glyph_order
        for gid in range(len(order)) if wanted is None else sorted(g for g in wanted if 0 <= g < len(order)):
            if gid not in out:
                hit = text_from_name(order[gid])
                if hit is not None and all(_usable(c) for c in hit[0]):
                    out[gid] = GlyphText(hit[0], "glyph-name", hit[1])
    if rules:
        _gsub_closure(rules, out)
        if _dots_of_decompositions(rules, out):
            _gsub_closure(rules, out)  # to the dots' contextual variants
    return out


def _dots_of_decompositions(rules: list[Rule], out: dict[int, GlyphText]) -> bool:
    """A font that decomposes a dotted letter into its dotless skeleton and a glyph of dots
    (Noto Nastaliq Urdu: ت -> ٮ + two dots above) tells what that glyph is: the dots between
    the two letters, as the placeholder mark chars.compose_dots puts back on a skeleton. A
    glyph that serves letters with different dots says nothing. Whether any glyph was told."""
    said: dict[int, set[str]] = {}
    for src, dst in rules:
        whole, shape = out.get(dst), out.get(src[0]) if src else None
        if len(src) == 2 and src[1] not in out and whole is not None and shape is not None:
            mark = dots_between(whole.text, shape.text)
            if mark is not None:
                said.setdefault(src[1], set()).add(mark)
    found = {gid: GlyphText(marks.pop(), "gsub", 0.85) for gid, marks in said.items() if len(marks) == 1}
    out.update(found)
    return bool(found)


def _sources(rules: list[Rule], targets: Iterable[int]) -> set[int]:
    """The targets and every glyph a substitution makes them from, however indirectly: the
    texts of these depend on nothing else."""
    feeds: dict[int, list[tuple[int, ...]]] = {}
    for src, dst in rules:
        feeds.setdefault(dst, []).append(src)
    found: set[int] = set()
    todo = list(targets)
    while todo:
        gid = todo.pop()
        if gid not in found:
            found.add(gid)
            for src in feeds.get(gid, ()):
                todo += src
    return found


def _usable(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat not in ("Cc", "Co", "Cn", "Cs") and ch != "\ufffd"


def _gsub_closure(rules: list[Rule], out: dict[int, GlyphText]) -> None:
    """Glyphs reachable by single, alternate, 1:1 multiple or ligature substitution inherit text."""
    for _ in range(6):  # chains are short: isol -> init -> a contextual variant -> ...
        found: dict[int, GlyphText] = {}
        for src, g in rules:
            old = out.get(g)
            if old is not None and old.method != "glyph-name":
                continue
            parts = [out.get(s) for s in src]
            if any(p is None for p in parts):
                continue
            text = "".join(p.text for p in parts if p)
            conf = min(p.confidence for p in parts if p) * 0.95
            prev = found.get(g) or old
            # a shared form named after a rare letter (uni06CC.init) reads as the basic one
            if prev is None or text_rank(text) < text_rank(prev.text):
                found[g] = GlyphText(text, "gsub", round(conf, 3))
        # decide after the whole pass, so that the best of several sources wins, not the first
        found = {g: t for g, t in found.items() if out.get(g) != t and (g not in out or t.method == "gsub")}
        out.update(found)
        if not found:
            break


def _rules(prog: FontProgram) -> list[Rule]:
    """(source glyphs, result glyph) of every substitution that passes text on, in lookup order;
    a source glyph the font does not have is -1, which no glyph text is found for."""
    n = len(prog.glyph_order)
    return [(tuple(s if s < n else -1 for s in src), dst) for src, dst in prog.gsub if dst < n]

"""Text of every glyph of a font program: cmap inverted, then glyph names, then GSUB closure."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from warraq.fonts.names import fold_presentation, text_from_name
from warraq.fonts.program import FontProgram

# A glyph reached from several sources: prefer the one a reader would pick (base letter first).
_CONF = {"font-cmap": 0.97, "gsub": 0.9}


@dataclass(frozen=True)
class GlyphText:
    text: str
    method: str  # "font-cmap" | "glyph-name" | "gsub"
    confidence: float


def text_rank(text: str) -> tuple[int, int, str]:
    """Several texts for one glyph: prefer basic Arabic letters and ASCII, then shorter text.

    Fonts map one glyph from many code points (heh from U+06BE and U+06C1, beh forms from
    Arabic Extended ones); a reader of Arabic text means the basic letter.
    """
    rare = sum(1 for c in text if not (0x20 <= ord(c) < 0x7F or 0x060C <= ord(c) <= 0x066D))
    return (rare, len(text), text)


def _nominal_preference(u: int) -> tuple[int, tuple[int, int, str]]:
    """Several code points on one glyph: prefer a base Arabic letter over a presentation form."""
    pres = 0xFB50 <= u <= 0xFDFF or 0xFE70 <= u <= 0xFEFF
    return (1 if pres else 0, text_rank(chr(u)))


def glyph_texts(prog: FontProgram, trust_names: bool = True) -> dict[int, GlyphText]:
    """gid -> text for all glyphs the font itself can explain."""
    out: dict[int, GlyphText] = {}
    for u, name in sorted(prog.cmap.items(), key=lambda kv: _nominal_preference(kv[0])):
        gid = prog.gid_of.get(name)
        if gid is None or gid in out or not _usable(chr(u)):
            continue
        text = fold_presentation(chr(u))
        out[gid] = GlyphText(text, "font-cmap", _CONF["font-cmap"])
    if trust_names and prog.named:
        for gid, name in enumerate(prog.glyph_order):
            if gid not in out:
                hit = text_from_name(name)
                if hit is not None and all(_usable(c) for c in hit[0]):
                    out[gid] = GlyphText(hit[0], "glyph-name", hit[1])
    if prog.gsub is not None:
        _gsub_closure(prog, out)
    return out


def _usable(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat not in ("Cc", "Co", "Cn", "Cs") and ch != "\ufffd"


def _is_presentation(u: int) -> bool:
    return 0xFB50 <= u <= 0xFDFF or 0xFE70 <= u <= 0xFEFF


def _subtables(gsub: Any) -> list[tuple[int, Any]]:
    """(lookup type, subtable) of every GSUB lookup, Extension (type 7) unwrapped."""
    subs: list[tuple[int, Any]] = []
    if gsub.LookupList is None:
        return subs
    for lookup in gsub.LookupList.Lookup:
        for st in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:
                kind, st = st.ExtensionLookupType, st.ExtSubTable
            subs.append((kind, st))
    return subs


def _gsub_closure(prog: FontProgram, out: dict[int, GlyphText]) -> None:
    """Glyphs reachable by single, alternate, 1:1 multiple or ligature substitution inherit text."""
    rules = _rules(prog)
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


def _rules(prog: FontProgram) -> list[tuple[tuple[int, ...], int]]:
    """(source glyphs, result glyph) of every substitution that passes text on, in lookup order."""
    gid = prog.gid_of
    pairs: list[tuple[list[str], str]] = []
    for kind, st in _subtables(prog.gsub):
        if kind == 1:
            pairs += [([a], b) for a, b in getattr(st, "mapping", {}).items()]
        elif kind == 2:
            for a, seq in getattr(st, "mapping", {}).items():
                if len(seq) == 1:
                    pairs.append(([a], seq[0]))
                else:  # a decomposition: the composed glyph reads as its parts
                    pairs.append((list(seq), a))
        elif kind == 3:
            pairs += [([a], b) for a, alts in getattr(st, "alternates", {}).items() for b in alts]
        elif kind == 4:
            for first, ligs in getattr(st, "ligatures", {}).items():
                pairs += [([first, *lig.Component], lig.LigGlyph) for lig in ligs]
    return [(tuple(gid.get(s, -1) for s in src), gid[dst]) for src, dst in pairs if dst in gid]

"""Outline matching: a glyph's normalised outline, looked up in an index of installed fonts.

Embedded subsets copy outlines verbatim, so a hash of the decomposed outline scaled to 1000
units per em finds the same glyph in the installed font, whose cmap, names and GSUB give its
text. One index per reference font file, built once and cached under ~/.cache/warraq.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from warraq.cache import cache_root
from warraq.fonts.glyphtext import glyph_texts, text_rank
from warraq.fonts.program import FontProgram

SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
_INDEX_VERSION = 5


def cache_dir() -> Path:
    return cache_root() / "outline-index"


def signature(prog: FontProgram, gid: int) -> str | None:
    """A hash of the glyph's outline in 1000-unit em space; None for an empty or missing glyph.

    TrueType outlines are hashed from their points, a composite from its components' hashes
    and offsets: decoding points is far cheaper than drawing through a pen, and a component
    shared by many glyphs (a letter body under different dots) is hashed once per font.
    """
    name = prog.glyph_order[gid] if 0 <= gid < len(prog.glyph_order) else None
    if name is None:
        return None
    if gid not in prog.signatures:
        glyf = prog.tt["glyf"] if prog.tt is not None and "glyf" in prog.tt else None
        prog.signatures[gid] = _glyf_signature(prog, glyf, name, 0) if glyf is not None else _pen_signature(prog, name)
    return prog.signatures[gid]


def _glyf_signature(prog: FontProgram, glyf: Any, name: str, depth: int) -> str | None:
    try:
        glyph = glyf[name]
    except Exception:
        return None
    scale = 1000.0 / prog.upem
    if glyph.numberOfContours > 0:
        points = array("i", [round(v * scale) for v in glyph.coordinates.array])
        digest = hashlib.sha1(points.tobytes())
        digest.update(array("i", glyph.endPtsOfContours).tobytes())
        digest.update(bytes(f & 1 for f in glyph.flags))  # on- or off-curve
        return digest.hexdigest()[:20]
    if glyph.numberOfContours == 0 or depth > 8:  # depth: a component cycle in a broken font
        return None
    parts = []
    for comp in glyph.components:
        gid = prog.gid_of.get(comp.glyphName)
        if gid is None:
            return None
        if gid not in prog.signatures:
            prog.signatures[gid] = _glyf_signature(prog, glyf, comp.glyphName, depth + 1)
        where = (f"@{comp.firstPt},{comp.secondPt}" if hasattr(comp, "firstPt")
                 else f"{round(comp.x * scale)},{round(comp.y * scale)}")
        matrix = ",".join(f"{v:.4f}" for row in getattr(comp, "transform", ()) for v in row)
        parts.append(f"{prog.signatures[gid]}:{where}:{matrix}")
    return hashlib.sha1(";".join(parts).encode()).hexdigest()[:20]


def _pen_signature(prog: FontProgram, name: str) -> str | None:
    """CFF outlines: the drawn path, points rounded in 1000-unit em space."""
    pen = RecordingPen()
    try:
        prog.glyphset[name].draw(pen)
    except Exception:
        return None
    if not pen.value:
        return None
    scale = 1000.0 / prog.upem
    parts = []
    for op, args in pen.value:
        pts = ",".join(f"{round(p[0] * scale)}:{round(p[1] * scale)}" if p else "-" for p in args)
        parts.append(f"{op[0]}{pts}")
    return hashlib.sha1(";".join(parts).encode()).hexdigest()[:20]


def _font_files(dirs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        if d.is_dir():
            files += sorted(p for p in d.rglob("*") if p.suffix.lower() in (".ttf", ".otf"))
    return files


def _is_arabic(path: Path) -> bool:
    try:
        tt = TTFont(str(path), lazy=True, fontNumber=0)
        cmap = tt.getBestCmap() or {}
        tt.close()
    except Exception:
        return False
    return 0x0627 in cmap and 0x0644 in cmap


class ReferenceIndex:
    """Signature -> (text, confidence) per reference font file, loaded lazily, cached on disk."""

    def __init__(self, font_dirs: Sequence[Path] = ()) -> None:
        self.extra = [Path(d) for d in font_dirs]
        self._files: list[Path] | None = None
        self._arabic: dict[Path, bool] = {}
        self._tables: dict[Path, dict[str, tuple[str, float]]] = {}
        self._combined: tuple[str, dict[str, tuple[str, float, str]]] | None = None
        self._family: dict[str, list[Path]] = {}
        self._flags: dict[str, bool] | None = None
        self._flags_changed = False
        self._extra: set[Path] | None = None

    def files(self) -> list[Path]:
        if self._files is None:
            self._files = _font_files(self.extra) + _font_files(SYSTEM_FONT_DIRS)
        return self._files

    def family(self, base_font: str) -> list[Path]:
        """Reference files of the same family as BaseFont (subset tag dropped), closest first."""
        hit = self._family.get(base_font)
        if hit is None:
            ranked = [(rank, p) for p in self.files() if (rank := self._family_rank(base_font, p)) < 3]
            hit = self._family[base_font] = [p for _, p in sorted(ranked, key=lambda rp: rp[0])]
        return hit

    def _extra_set(self) -> set[Path]:
        if self._extra is None:
            self._extra = {p for p in self.files() if any(d in p.parents for d in self.extra)}
        return self._extra

    def _arabic_cached(self, p: Path) -> bool:
        """Does this installed font cover Arabic? Remembered on disk: opening every installed
        font costs more than a page's whole extraction."""
        if p not in self._arabic:
            if self._flags is None:
                try:
                    saved = json.loads((cache_dir() / "arabic-fonts.json").read_text("utf-8"))
                    self._flags = {str(k): bool(v) for k, v in saved.items()}
                except (OSError, ValueError, AttributeError):
                    self._flags = {}
            st = p.stat()
            key = f"{p}|{st.st_size}|{st.st_mtime_ns}"
            if key not in self._flags:
                self._flags[key] = _is_arabic(p)
                self._flags_changed = True
            self._arabic[p] = self._flags[key]
        return self._arabic[p]

    def _arabic_files(self) -> list[Path]:
        """The reference fonts outside the family: Arabic ones and those of --font-dir."""
        files = [p for p in self.files() if p in self._extra_set() or self._arabic_cached(p)]
        if self._flags_changed and self._flags is not None:
            _write_json(cache_dir() / "arabic-fonts.json", self._flags)
            self._flags_changed = False
        return files

    def table(self, path: Path) -> dict[str, tuple[str, float]]:
        """The signature table of one reference font, from the disk cache or built now."""
        hit = self._tables.get(path)
        if hit is not None:
            return hit
        st = path.stat()
        key = hashlib.sha1(f"{_INDEX_VERSION}|{path}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:24]
        cfile = cache_dir() / f"{key}.json"
        table: dict[str, tuple[str, float]] = {}
        try:
            table = {k: (v[0], v[1]) for k, v in json.loads(cfile.read_text("utf-8")).items()}
        except (OSError, ValueError):
            table = _build_table(path)
            _write_json(cfile, table)
        self._tables[path] = table
        return table

    def lookup(self, base_font: str, sigs: dict[int, str]) -> dict[int, tuple[str, float, str]]:
        """gid -> (text, confidence, reference file name) for the signatures found.

        The same family is searched file by file; the rest through one combined table, so
        that a glyph found nowhere costs one dictionary lookup, not one per installed font.
        """
        found: dict[int, tuple[str, float, str]] = {}
        todo = dict(sigs)
        for i, path in enumerate(self.family(base_font)):
            if not todo:
                return found
            table = self.table(path)
            for gid, sig in list(todo.items()):
                hit = table.get(sig)
                if hit is not None:
                    found[gid] = (hit[0], hit[1] * (0.95 if i == 0 else 0.92), path.name)
                    del todo[gid]
        if todo:  # one combined table for every document: all reference fonts, family or not
            combined = self.combined(self._arabic_files())
            for gid, sig in todo.items():
                chit = combined.get(sig)
                if chit is not None:
                    found[gid] = (chit[0], chit[1] * 0.9, chit[2])
        return found

    def combined(self, files: list[Path]) -> dict[str, tuple[str, float, str]]:
        """One table over many reference fonts, cached on disk as a whole."""
        key_src = "|".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
        key = hashlib.sha1(f"{_INDEX_VERSION}|{key_src}".encode()).hexdigest()[:24]
        if self._combined is not None and self._combined[0] == key:
            return self._combined[1]
        cfile = cache_dir() / f"all-{key}.json"
        try:
            table = {k: (v[0], v[1], v[2]) for k, v in json.loads(cfile.read_text("utf-8")).items()}
        except (OSError, ValueError):
            table = {}
            for p in files:
                for sig, (text, conf) in self.table(p).items():
                    table.setdefault(sig, (text, conf, p.name))
            _write_json(cfile, table)
        self._combined = (key, table)
        return table

    @staticmethod
    def _family_rank(base_font: str, p: Path) -> int:
        """0 exact name, 1 all family words and the same weight, 2 all family words, 3 other."""
        name = base_font.split("+", 1)[-1]
        words = {t.lower() for t in re.split(r"[-_,\s]+|(?<=[a-z])(?=[A-Z])", name) if len(t) >= 2}
        words -= {"regular", "bold", "italic", "light", "medium", "book", "w", "mt", "ps"}
        full = re.sub(r"[^a-z0-9]", "", name.lower())
        stem = re.sub(r"[^a-z0-9]", "", p.stem.lower())
        if stem == full or stem == full + "regular":
            return 0
        if words and all(w in stem for w in words):
            return 1 if ("bold" in stem) == ("bold" in full) else 2
        return 3


def _write_json(cfile: Path, table: object) -> None:
    try:
        cfile.parent.mkdir(parents=True, exist_ok=True)
        tmp = cfile.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table, ensure_ascii=False), "utf-8")
        tmp.replace(cfile)
    except OSError:
        pass  # a read-only home: the index is rebuilt next time


def _build_table(path: Path) -> dict[str, tuple[str, float]]:
    try:
        prog = FontProgram.from_ttfont(TTFont(str(path), fontNumber=0))
    except Exception:
        return {}
    texts = glyph_texts(prog)
    table: dict[str, tuple[str, float]] = {}
    for gid, gt in texts.items():
        sig = signature(prog, gid)
        # twin outlines (yeh and farsi yeh share their initial form): keep the basic letter
        if sig is not None and (sig not in table or text_rank(gt.text) < text_rank(table[sig][0])):
            table[sig] = (gt.text, gt.confidence)
    return table


def warm(font_dirs: Sequence[Path] = ()) -> int:
    """Build the on-disk index of every reference font now (setup scripts); returns the glyph count."""
    index = ReferenceIndex(font_dirs)
    return len(index.combined(index._arabic_files()))


if __name__ == "__main__":
    import sys

    print(f"{warm([Path(a) for a in sys.argv[1:]])} reference glyph outlines indexed in {cache_dir()}")

"""Outline matching: a glyph's normalised outline, looked up in an index of installed fonts.

Embedded subsets copy outlines verbatim, so a hash of the decomposed outline scaled to 1000
units per em finds the same glyph in the installed font, whose cmap, names and GSUB give its
text. One index per reference font file, built once and cached under ~/.cache/warraq.
"""

from __future__ import annotations

import hashlib
import json
import re
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from warraq.cache import cache_root, write_atomically
from warraq.fonts.glyphtext import GlyphText, glyph_texts, text_rank
from warraq.fonts.program import FontProgram
from warraq.fonts.sigtable import SignatureTable

SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
_INDEX_VERSION = 9


def cache_dir() -> Path:
    return cache_root() / "outline-index"


def signature(prog: FontProgram, gid: int) -> str | None:
    """An outline key in 1000-unit em space; None for an empty or missing glyph. TrueType
    outlines are keyed from their raw bytes (fonts/glyf.py); CFF ones are drawn and hashed."""
    name = prog.glyph_order[gid] if 0 <= gid < len(prog.glyph_order) else None
    if name is None:
        return None
    raw = prog.raw_glyf
    if raw is not None:
        return raw.key(gid)
    if gid not in prog.signatures:
        prog.signatures[gid] = _pen_signature(prog, name)
    return prog.signatures[gid]


def blank_text(prog: FontProgram, gid: int) -> str | None:
    """What a glyph without contours says: a space if it has an advance, nothing if not (a
    joiner); None for a glyph with contours, or none at all."""
    if signature(prog, gid) is not None or not 0 < gid < len(prog.glyph_order):
        return None
    try:
        return " " if prog.advance(gid) > 0 else ""
    except Exception:
        return None


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
        self._combined: tuple[str, SignatureTable] | None = None
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

    def lookup(self, base_font: str, sig: str, full: Callable[[], str | None]) -> tuple[str, float, str] | None:
        """(text, confidence, reference file name) of the glyph with outline key `sig`, or None.

        The same family is searched file by file; the rest through one combined table, so
        that a glyph found nowhere costs one dictionary lookup, not one per installed font.
        A key several outlines share (mirror images, dot variants) is settled by `full`, the
        glyph's decoded outline hash, computed only then.
        """
        decoded: list[str | None] = []

        def get(table: Mapping[str, Any] | SignatureTable) -> Any:
            hit = table.get(sig)
            if hit is None or hit[0]:
                return hit
            if not decoded:
                decoded.append(full())
            return table.get(f"={decoded[0]}") if decoded[0] else None

        for i, path in enumerate(self.family(base_font)):
            hit = get(self.table(path))
            if hit is not None:
                return hit[0], hit[1] * (0.95 if i == 0 else 0.92), path.name
        # one combined table for every document: all reference fonts, family or not
        chit = get(self.combined(self._arabic_files()))
        return (chit[0], chit[1] * 0.9, chit[2]) if chit is not None else None

    def combined(self, files: list[Path]) -> SignatureTable:
        """One table over many reference fonts, cached on disk as a whole."""
        key_src = "|".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
        key = hashlib.sha1(f"{_INDEX_VERSION}|{key_src}".encode()).hexdigest()[:24]
        if self._combined is not None and self._combined[0] == key:
            return self._combined[1]
        cfile = cache_dir() / f"all-{key}.bin"
        try:
            found = SignatureTable.load(cfile)
        except (OSError, ValueError):
            found = None
        if found is None:
            table: dict[str, tuple[str, float, str]] = {}
            for p in files:
                for sig, (text, conf) in self.table(p).items():
                    held = table.setdefault(sig, (text, conf, p.name))
                    if held[0] != text and not sig.startswith("="):
                        table[sig] = ("", 0.0, "")  # outlines of other fonts share the key: decode
            found = SignatureTable.from_dict(table)
            try:
                found.save(cfile)
            except (OSError, ValueError):
                pass  # a read-only home: the table is built again next time
        self._combined = (key, found)
        return found

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
        write_atomically(cfile, json.dumps(table, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a read-only home: the index is rebuilt next time


def _build_table(path: Path) -> dict[str, tuple[str, float]]:
    """Outline key -> (text, confidence) of one reference font. A key that outlines with other
    texts share maps to ("", 0) and each of those outlines gets a "=decoded hash" entry."""
    try:
        prog = FontProgram.from_ttfont(TTFont(str(path), fontNumber=0))
    except Exception:
        return {}
    groups: dict[str, list[tuple[int, GlyphText]]] = {}
    for gid, gt in glyph_texts(prog).items():
        sig = signature(prog, gid)
        if sig is not None:
            groups.setdefault(sig, []).append((gid, gt))
    table: dict[str, tuple[str, float]] = {}
    shared: dict[str, list[GlyphText]] = {}  # decoded hash -> texts, of keys several outlines share
    for sig, members in groups.items():
        if len({gt.text for _, gt in members}) == 1:
            table[sig] = _plainest(gt for _, gt in members)
            continue
        outlines: dict[str | None, list[GlyphText]] = {}
        for gid, gt in members:
            outlines.setdefault(full_signature(prog, gid), []).append(gt)
        if len(outlines) == 1:
            table[sig] = _plainest(gt for _, gt in members)
            continue
        table[sig] = ("", 0.0)
        for decoded, texts in outlines.items():
            if decoded is not None:
                shared.setdefault(decoded, []).extend(texts)
    # one outline may sit under several keys (a letter, and a composite that copies it)
    table.update((f"={decoded}", _plainest(texts)) for decoded, texts in shared.items())
    return table


def _plainest(texts: Iterable[GlyphText]) -> tuple[str, float]:
    """Twin outlines (yeh and farsi yeh share their initial form): keep the basic letter."""
    best = min(texts, key=lambda gt: text_rank(gt.text))
    return best.text, best.confidence


def full_signature(prog: FontProgram, gid: int) -> str | None:
    """A hash of every point of a TrueType glyph, components resolved, in 1000-unit em space:
    for the few glyphs whose outline key others share."""
    name = prog.glyph_order[gid] if 0 <= gid < len(prog.glyph_order) else None
    if name is None or prog.tt is None or "glyf" not in prog.tt:
        return None
    try:
        glyf = prog.tt["glyf"]
        coords, ends, flags = glyf[name].getCoordinates(glyf)
    except Exception:
        return None
    if not len(coords):
        return None
    scale = 1000.0 / prog.upem
    digest = hashlib.sha1(array("i", [round(v * scale) for xy in coords for v in xy]).tobytes())
    digest.update(f"{list(ends)}".encode() + bytes(f & 1 for f in flags))
    return digest.hexdigest()[:20]


def warm(font_dirs: Sequence[Path] = ()) -> int:
    """Build the on-disk index of every reference font now (setup scripts); returns the glyph count."""
    index = ReferenceIndex(font_dirs)
    return len(index.combined(index._arabic_files()))


if __name__ == "__main__":
    import sys

    print(f"{warm([Path(a) for a in sys.argv[1:]])} reference glyph outlines indexed in {cache_dir()}")

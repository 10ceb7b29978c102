"""Parse the benchmark text format (docs/CORPUS-FORMAT.md) into typed blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_NOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")  # levels beyond 3 are drawn as level 3
HEADINGS = ("h1", "h2", "h3")
_NUMBERED = re.compile(r"^[0-9\u0660-\u0669\u06f0-\u06f9]+[.)]\s")


@dataclass(frozen=True)
class Block:
    """One block of a text. kind: h1 | h2 | h3 | p | bullet | numbered | table | post."""

    kind: str
    runs: tuple[str | int, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    lines: tuple[str, ...] = ()

    def plain(self) -> str:
        """The inline text with footnote numbers written as digits."""
        return "".join(str(r) for r in self.runs)

    def notes(self) -> list[int]:
        return [r for r in self.runs if isinstance(r, int)]


@dataclass(frozen=True)
class Doc:
    """A parsed text: front matter, blocks, footnote definitions keyed by rendered number."""

    slug: str
    meta: dict[str, str]
    blocks: tuple[Block, ...]
    notes: dict[int, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.meta.get("title", self.slug)

    def subset(self, indices: list[int]) -> Doc:
        """Keep only some blocks; footnotes are renumbered 1.. in order of their markers."""
        blocks = [self.blocks[i] for i in indices]
        old = [n for b in blocks for n in b.notes()]
        new_of = {o: i + 1 for i, o in enumerate(dict.fromkeys(old))}
        out = []
        for b in blocks:
            if b.runs:
                b = replace(b, runs=tuple(new_of[r] if isinstance(r, int) else r for r in b.runs))
            out.append(b)
        return Doc(self.slug, dict(self.meta), tuple(out), {new_of[o]: self.notes[o] for o in new_of})


class FormatError(ValueError):
    """The text does not follow docs/CORPUS-FORMAT.md."""


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise FormatError("front matter is not closed by ---") from None
    meta = {}
    for ln in lines[1:end]:
        if ":" in ln:
            k, v = ln.split(":", 1)
            meta[k.strip()] = v.strip()
    return meta, lines[end + 1 :]


def _split_cells(line: str) -> tuple[str, ...]:
    body = line.strip().strip("|")
    return tuple(c.strip() for c in body.split("|"))


def _runs(text: str, number_of: dict[str, int]) -> tuple[str | int, ...]:
    """Split inline text at footnote markers; markers get numbers in order of first appearance."""
    out: list[str | int] = []
    pos = 0
    for m in _NOTE_REF.finditer(text):
        if m.start() > pos:
            out.append(text[pos : m.start()])
        out.append(number_of.setdefault(m.group(1), len(number_of) + 1))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return tuple(out)


def _is_separator(cells: tuple[str, ...]) -> bool:
    return all(re.fullmatch(r":?-{2,}:?", c) for c in cells)


def parse(source: str, slug: str = "text") -> Doc:
    """Parse one text. Consecutive table lines form a table, consecutive '>' lines a post."""
    meta, lines = _front_matter(source.replace("\r\n", "\n").split("\n"))
    number_of: dict[str, int] = {}
    defs: dict[str, str] = {}
    blocks: list[Block] = []
    table: list[tuple[str, ...]] = []
    post: list[str] = []

    def flush() -> None:
        if table:
            blocks.append(Block("table", rows=tuple(table)))
            table.clear()
        if post:
            blocks.append(Block("post", lines=tuple(post)))
            post.clear()

    for raw in lines:
        line = raw.strip()
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            if post:
                flush()
            cells = _split_cells(line)
            if not _is_separator(cells):
                table.append(cells)
            continue
        if line.startswith(">"):
            if table:
                flush()
            post.append(line[1:].strip())
            continue
        flush()
        if not line:
            continue
        if m := _NOTE_DEF.match(line):
            defs[m.group(1)] = m.group(2).strip()
        elif m := _HEADING.match(line):
            blocks.append(Block(f"h{min(len(m.group(1)), 3)}", _runs(m.group(2).strip(), number_of)))
        elif line.startswith("• "):
            blocks.append(Block("bullet", _runs(line, number_of)))
        elif _NUMBERED.match(line):
            blocks.append(Block("numbered", _runs(line, number_of)))
        else:
            blocks.append(Block("p", _runs(line, number_of)))
    flush()
    missing = [k for k in number_of if k not in defs]
    if missing:
        raise FormatError(f"{slug}: footnote marker(s) without definition: {', '.join(missing)}")
    notes = {n: defs[k] for k, n in number_of.items()}
    return Doc(slug, meta, tuple(blocks), notes)


def load(path: Path) -> Doc:
    """Parse bench/texts/NN-slug.md; the slug is the file stem."""
    return parse(path.read_text(encoding="utf-8"), path.stem)


_FEATURES: list[tuple[str, re.Pattern[str]]] = [
    ("digits", re.compile(r"[0-9]")),
    ("arabic-digits", re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")),
    ("percent", re.compile(r"[%\u066a]")),
    ("decimals", re.compile(r"[0-9\u0660-\u0669][.,\u066b][0-9\u0660-\u0669]")),
    ("negatives", re.compile(r"(?:^|[\s(])[-\u2212][0-9\u0660-\u0669]")),
    ("dates", re.compile(r"[0-9\u0660-\u0669]{1,2}[/-][0-9\u0660-\u0669]{1,2}[/-][0-9\u0660-\u0669]{2,4}|(?:19|20)\d\d|[\u0660-\u0669]{4}")),
    ("hijri", re.compile(r"[\d\u0660-\u0669]+\s*هـ")),
    ("times", re.compile(r"(?<![\d\u0660-\u0669])[\d\u0660-\u0669]{1,2}:[\d\u0660-\u0669]{2}(?![\d\u0660-\u0669])")),
    # international numbers, or 3-3-4 style groups; not year ranges like 2020-2024
    ("phones", re.compile(r"\+\d{1,3}[\s-]\d[\d\s-]{5,}\d|(?<!\d)\d{3}[\s-]\d{3}[\s-]\d{3,4}(?!\d)")),
    ("latin", re.compile(r"[A-Za-z]{2,}")),
    ("urls", re.compile(r"https?://|www\.")),
    ("emails", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),
    ("handles", re.compile(r"(?<![\w.])@\w+")),
    ("hashtags", re.compile(r"#\w+")),
    ("quotes", re.compile(r"[«»“”]")),
    ("parentheses", re.compile(r"[()]")),
    ("lam-alef", re.compile(r"ل[\u064b-\u0652]*[اأإآ]")),  # marks between still ligate
    ("allah", re.compile(r"لل[\u064b-\u0652\u0670]*ه(?![\u0621-\u064a])")),
    ("arabic-punct", re.compile(r"[\u060c\u061b\u061f]")),
    ("tashkeel", re.compile(r"[\u064b-\u0652]{1}.{0,3}[\u064b-\u0652]")),
]


def features(doc: Doc) -> list[str]:
    """Feature tags of the text actually kept in this doc (for the manifest)."""
    from .truth import body_lines  # local: truth depends on this module

    text = "\n".join(body_lines(doc) + [doc.notes[n] for n in sorted(doc.notes)])
    tags = [name for name, pat in _FEATURES if pat.search(text)]
    kinds = {b.kind for b in doc.blocks}
    if kinds & set(HEADINGS):
        tags.append("headings")
    if kinds & {"bullet", "numbered"}:
        tags.append("lists")
    for k in ("table", "post"):
        if k in kinds:
            tags.append(k)
    if doc.notes:
        tags.append("footnotes")
    return tags

"""Which PDFs to make: texts x producers, rotating fonts and layouts deterministically."""

from __future__ import annotations

from dataclasses import dataclass

from . import fonts
from .textfmt import Doc

PRODUCERS = ("chromium", "libreoffice", "weasyprint", "fpdf2", "legacy")
LAYOUTS = ("single", "two-column", "table", "footnotes", "header-footer", "multipage")
SHORT = {"single": "single", "two-column": "2col", "table": "table", "footnotes": "notes",
         "header-footer": "hf", "multipage": "multi"}
VARIANTS = 2  # PDFs per (text, producer): 10 texts x 5 producers x 2 = 100


@dataclass(frozen=True)
class Job:
    producer: str
    font: fonts.Font
    layout: str
    doc: Doc

    @property
    def id(self) -> str:
        return f"{self.producer}-{self.font.slug}-{SHORT[self.layout]}-{self.doc.slug}"


def eligible(doc: Doc, layout: str) -> bool:
    if layout == "table":
        return any(b.kind == "table" for b in doc.blocks)
    if layout == "footnotes":
        return bool(doc.notes)
    return True


def fonts_for(producer: str, found: list[fonts.Font]) -> list[fonts.Font]:
    if producer == "legacy":  # needs presentation-form glyphs
        return [f for f in found if f.presentation_forms]
    return list(found)


def plan(docs: list[Doc], producers: list[str], found: list[fonts.Font]) -> list[Job]:
    """Every text with every producer, VARIANTS times, each with a different layout and font."""
    jobs: list[Job] = []
    count: dict[tuple[str, str], int] = {}  # (producer, layout) -> jobs so far, to spread fallbacks
    for i, doc in enumerate(docs):
        for j, prod in enumerate(producers):
            pool = fonts_for(prod, found)
            if not pool:
                continue
            used: set[str] = set()
            for v in range(VARIANTS):
                start = (i + 2 * j + 3 * v) % len(LAYOUTS)
                order = [LAYOUTS[(start + k) % len(LAYOUTS)] for k in range(len(LAYOUTS))]
                ok = [lay for lay in order if eligible(doc, lay) and lay not in used]
                # few texts have a table or footnotes: their second variant always shows one
                rare: list[str] = [lay for lay in ("table", "footnotes") if lay in ok]
                layout: str
                if v == 1 and rare:
                    layout = rare[(i + j) % len(rare)]
                elif order[0] in ok:  # the rotation's choice when it fits this text
                    layout = order[0]
                else:
                    layout = min(ok, key=lambda lay: count.get((prod, lay), 0))
                used.add(layout)
                count[(prod, layout)] = count.get((prod, layout), 0) + 1
                font = pool[(i + j + 2 * v) % len(pool)]
                jobs.append(Job(prod, font, layout, doc))
    return jobs


def combos(docs: list[Doc], producers: list[str], found: list[fonts.Font]) -> list[Job]:
    """Every producer with every font and layout, each with one text that fits the layout
    (chosen in turn): the pairings `plan` leaves out, for a side corpus of held-out texts."""
    jobs: list[Job] = []
    k = 0
    for prod in producers:
        for font in fonts_for(prod, found):
            for layout in LAYOUTS:
                fit = [d for d in docs if eligible(d, layout)]
                if fit:
                    jobs.append(Job(prod, font, layout, fit[k % len(fit)]))
                    k += 1
    return jobs


def quick(jobs: list[Job]) -> list[Job]:
    """A representative subset: two per producer, preferring layouts and fonts not yet taken."""
    out: list[Job] = []
    for prod in PRODUCERS:
        mine = [j for j in jobs if j.producer == prod]
        for _ in range(2):
            seen_l = {j.layout for j in out}
            seen_f = {j.font.family for j in out}
            rest = [j for j in mine if j not in out]
            if not rest:
                break
            rest.sort(key=lambda j: ((j.layout in seen_l) + (j.font.family in seen_f), j.id))
            out.append(rest[0])
    return out

"""Build the corpus: render every planned job, write truth files and manifest.json."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import pypdfium2 as pdfium

from . import deps, flow, fonts, lo, selfcheck
from .plan import PRODUCERS, Job, combos, plan, quick
from .textfmt import HEADINGS, Block, Doc, FormatError, features, load
from .truth import truth_text

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "bench" / ".cache" / "corpus"
DEFAULT_TEXTS = ROOT / "bench" / "texts"
# producer -> module with render(doc, font, layout, out, workdir); imported only when used, so a
# missing optional library skips one producer (deps.check says which) instead of the whole build
MODULES = {"chromium": "chromium", "weasyprint": "weasy", "fpdf2": "fpdf_shaped", "legacy": "legacy",
           "libreoffice": "lo"}


def renderer(producer: str) -> Callable[..., None]:
    fn: Callable[..., None] = import_module(f"{__package__}.{MODULES[producer]}").render
    return fn
NOTE_BUDGETS = (200, 150, 110, 80, 55)  # words kept for a one-page footnotes layout, tried in turn


def page_count(pdf: Path) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def _words(b: Block) -> int:
    if b.kind == "table":
        return sum(len(c.split()) for r in b.rows for c in r) + 4 * len(b.rows)
    if b.kind == "post":
        return sum(len(ln.split()) for ln in b.lines) + 6
    return len(b.plain().split()) + (6 if b.kind in HEADINGS else 0)


def one_page_subset(doc: Doc, budget: int) -> Doc:
    """A prefix of the text short enough for one page, always holding a footnote marker."""
    note_words = {n: len(t.split()) for n, t in doc.notes.items()}
    idx: list[int] = []
    used = 0
    for i, b in enumerate(doc.blocks):
        w = _words(b) + sum(note_words[n] for n in b.notes())
        if idx and used + w > budget:
            break
        idx.append(i)
        used += w
    first = next((i for i, b in enumerate(doc.blocks) if b.notes()), None)
    if first is not None and not any(doc.blocks[i].notes() for i in idx):
        idx = [i for i in idx[:1] if doc.blocks[i].kind in HEADINGS] + [first]
    return doc.subset(idx)


class Builder:
    """Renders jobs into out/pdf and out/truth and collects manifest entries."""

    def __init__(self, out: Path):
        self.out = out
        self.entries: list[dict[str, object]] = []
        self.seconds: dict[str, float] = {}
        self.failed: list[str] = []
        self.notes: list[str] = []  # text-layer quirks of the producers, for the summary
        self.work = Path(tempfile.mkdtemp(prefix="warraq-corpus-"))

    def doc_for(self, job: Job, attempt: int) -> Doc:
        return one_page_subset(job.doc, NOTE_BUDGETS[attempt]) if job.layout == "footnotes" else job.doc

    def finish(self, job: Job, doc: Doc, pdf: Path) -> bool:
        """Record a rendered PDF; False if a one-page layout spilled onto a second page."""
        pages = page_count(pdf)
        if job.layout == "footnotes" and pages != 1:
            return False
        truth = self.out / "truth" / f"{job.id}.txt"
        text = truth_text(doc)
        truth.write_text(text, encoding="utf-8")
        warn, note = selfcheck.problems(pdf, text, job.layout == "header-footer")
        if warn and job.producer in selfcheck.GARBLED_TOUNICODE:
            warn, note = None, warn
        if warn:
            deps.warn(f"{job.id}: {warn}")
        if note:
            self.notes.append(f"{job.id}: {note}")
        self.entries.append({
            "id": job.id, "pdf": f"pdf/{job.id}.pdf", "truth": f"truth/{job.id}.txt",
            "producer": job.producer, "font": job.font.family, "layout": job.layout,
            "text": job.doc.slug, "pages": pages, "features": features(doc), "damage": None})
        return True

    def run(self, jobs: list[Job]) -> None:
        pending = [(j, 0) for j in jobs]
        while pending:
            retry: list[tuple[Job, int]] = []
            batch: list[tuple[Job, int, Doc]] = []
            for job, attempt in pending:
                doc = self.doc_for(job, attempt)
                if job.producer == "libreoffice":
                    (self.work / f"{job.id}.fodt").write_text(lo.fodt(doc, job.font, job.layout), "utf-8")
                    batch.append((job, attempt, doc))
                    continue
                if not self._one(job, attempt, doc):
                    retry.append((job, attempt + 1))
            if batch:
                t0 = time.monotonic()
                try:
                    lo.convert([self.work / f"{j.id}.fodt" for j, _, _ in batch], self.out / "pdf")
                except Exception as e:  # noqa: BLE001 - one broken batch must not stop the build
                    deps.warn(f"libreoffice batch failed: {e}")
                self.seconds["libreoffice"] = self.seconds.get("libreoffice", 0.0) + time.monotonic() - t0
                for job, attempt, doc in batch:
                    pdf = self.out / "pdf" / f"{job.id}.pdf"
                    if not pdf.exists():
                        self.failed.append(job.id)
                    elif not self.finish(job, doc, pdf):
                        retry.append((job, attempt + 1))
            pending = []
            for job, attempt in retry:
                if attempt < len(NOTE_BUDGETS):
                    pending.append((job, attempt))
                else:
                    deps.warn(f"{job.id}: does not fit one page; dropped")
                    (self.out / "pdf" / f"{job.id}.pdf").unlink(missing_ok=True)
                    self.failed.append(job.id)

    def _one(self, job: Job, attempt: int, doc: Doc) -> bool:
        """Render one non-LibreOffice job; False means retry with less text."""
        pdf = self.out / "pdf" / f"{job.id}.pdf"
        t0 = time.monotonic()
        try:
            renderer(job.producer)(doc, job.font, job.layout, pdf, self.work)
        except flow.Overflow:
            return False
        except Exception as e:  # noqa: BLE001 - record and go on
            deps.warn(f"{job.id}: {type(e).__name__}: {e}")
            self.failed.append(job.id)
            return True
        finally:
            self.seconds[job.producer] = self.seconds.get(job.producer, 0.0) + time.monotonic() - t0
        return self.finish(job, doc, pdf)


def build(out: Path = DEFAULT_OUT, texts: Path = DEFAULT_TEXTS, quick_mode: bool = False,
          pool: tuple[fonts.Font, ...] = fonts.FONTS, every_pairing: bool = False) -> int:
    """Build the corpus (with the fonts of `pool`; `every_pairing`: every producer, font and
    layout once, plan.combos); returns the number of PDFs written."""
    t0 = time.monotonic()
    producers, found = deps.check(list(PRODUCERS), pool)
    paths = sorted(texts.glob("*.md"))
    if not paths:
        deps.warn(f"no texts in {texts}")
        return 0
    docs = []
    for p in paths:
        try:
            docs.append(load(p))
        except (FormatError, UnicodeDecodeError) as e:
            deps.warn(f"{p.name} skipped: {e}")
    jobs = combos(docs, producers, found) if every_pairing else plan(docs, producers, found)
    if quick_mode:
        jobs = quick(jobs)
    for sub in ("pdf", "truth"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)
    b = Builder(out)
    try:
        b.run(jobs)
    finally:
        shutil.rmtree(b.work, ignore_errors=True)
    b.entries.sort(key=lambda e: str(e["id"]))
    (out / "manifest.json").write_text(json.dumps(b.entries, ensure_ascii=False, indent=1) + "\n", "utf-8")
    _summary(b, time.monotonic() - t0, out)
    return len(b.entries)


def _summary(b: Builder, seconds: float, out: Path) -> None:
    print(f"corpus: {len(b.entries)} PDFs in {out} ({seconds:.0f} s); failed: {len(b.failed)}")
    for key in ("producer", "font", "layout"):
        c = Counter(str(e[key]) for e in b.entries)
        print(f"  by {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print("  seconds by producer: " + ", ".join(f"{k} {v:.0f}" for k, v in sorted(b.seconds.items())))
    if b.notes:
        print(f"  text-layer quirks of the producers (not truth errors): {len(b.notes)}")
        for n in b.notes:
            print(f"    {n}")
    if b.failed:
        print("  failed: " + ", ".join(b.failed))

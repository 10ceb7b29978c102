"""Real-world PDFs (no exact truth): diagnostics, agreement between tools, partial references.

For every file of /work/shared/realworld/pdfs (or --realworld DIR):
- the diagnostic counters of each tool's output (presentation forms, bidi controls, PUA, U+FFFD
  and (cid:N), tatweel);
- disagreement: the CER of each tool's output measured against each other tool's output, and
  its median over the others (a tool that agrees with nobody is suspect; agreement is not proof);
- where expected/NAME.txt exists, full and letters-only CER against it (SOURCES.md says how far
  each expected text can be trusted);
- the few strings upstream test suites assert for files without an expected text.
"""

from __future__ import annotations

import statistics
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.peers import SLOW_TOOLS, TOOLS, run_tool
from bench.score import cer, diagnostics, letters_cer, levenshtein, normalise

DEFAULT_DIR = Path("/work/shared/realworld")
# Outputs every tool is compared with (diverse, fast tools; the quadratic all-pairs is too slow on
# 20-page files). A tool is never compared with itself.
REFERENCES = ("warraq", "pypdfium2", "pdftotext", "qalam", "pymupdf")

# Strings asserted by upstream test suites (see realworld/SOURCES.md): present / absent.
CHECKS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "pysamples-habibi": (("حَبيبي habibi",), ()),
    "pysamples-habibi-oneline-cmap": (("حَبيبي habibi",), ()),
    "pypdf-multilang": (("مرحبا بالعالم",), ()),
    "indesign-egypt-gazette-law": (
        ("قانون", "المنشآت الفندقية", "رقم", "لسنة", "العدد", "2022"), ("2202",)),
}


def _read(p: Path | None) -> str:
    return p.read_text(encoding="utf-8", errors="replace") if p and p.exists() else ""


def run(tools: list[str], work: Path, root: Path = DEFAULT_DIR, *, timeout: float = 60.0,
        use_venv: bool = True, limit: int | None = None, jobs: int = 2) -> dict[str, Any]:
    """Run every tool over root/pdfs/*.pdf (the `limit` smallest files if given)."""
    pdfs = sorted((root / "pdfs").glob("*.pdf"))
    if limit:
        pdfs = sorted(sorted(pdfs, key=lambda p: p.stat().st_size)[:limit])
    if not pdfs:
        return {"error": f"no PDFs in {root / 'pdfs'}"}
    outs: dict[str, dict[str, str]] = {}  # tool -> stem -> text
    status: dict[str, dict[str, str]] = {}
    def one(name: str):  # type: ignore[no-untyped-def]
        return run_tool(TOOLS[name], pdfs, work / name, timeout=timeout, use_venv=use_venv)

    walls: dict[str, float] = {}
    order = sorted(tools, key=lambda t: t not in SLOW_TOOLS)  # long poles start first
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
        for name, r in zip(order, ex.map(one, order)):
            outs[name] = {Path(k).stem: _read(v.out) for k, v in r.items.items()}
            status[name] = {Path(k).stem: v.status for k, v in r.items.items()}
            walls[name] = r.wall
    files: dict[str, Any] = {}
    for pdf in pdfs:
        stem = pdf.stem
        texts = {t: outs[t].get(stem, "") for t in tools}
        files[stem] = _one_file(stem, texts, {t: status[t].get(stem, "?") for t in tools}, root)
    return {"files": files, "tools": tools, "dir": str(root), "walls": walls,
            "references": [t for t in REFERENCES if t in tools]}


def _one_file(stem: str, texts: dict[str, str], status: dict[str, str],
              root: Path) -> dict[str, Any]:
    """Tables of one real-world file."""
    rec: dict[str, Any] = {"status": status, "diag": {}, "disagreement": {}, "vs_warraq": {}}
    norm = {t: normalise(x) for t, x in texts.items()}
    for t, x in texts.items():
        rec["diag"][t] = diagnostics(x)
    pair: dict[tuple[str, str], float] = {}
    refs = [r for r in REFERENCES if r in texts] or list(texts)
    for a in texts:
        for b in refs:
            if a != b and norm[b]:
                pair[(a, b)] = levenshtein(norm[a], norm[b]) / len(norm[b])
    for a in texts:
        vals = [v for (x, _), v in pair.items() if x == a]
        rec["disagreement"][a] = statistics.median(vals) if vals else None
        if "warraq" in texts and a != "warraq":
            rec["vs_warraq"][a] = pair.get((a, "warraq"))
    exp = root / "expected" / f"{stem}.txt"
    if exp.exists():
        truth = exp.read_text(encoding="utf-8")
        rec["expected"] = {t: {"cer": cer(x, truth), "letters_cer": letters_cer(x, truth)}
                           for t, x in texts.items()}
    if stem in CHECKS:
        present, absent = CHECKS[stem]
        rec["checks"] = {
            t: sum(normalise(s) in norm[t] for s in present)
            + sum(normalise(s) not in norm[t] for s in absent)
            for t in texts
        }
        rec["checks_total"] = len(present) + len(absent)
    return rec

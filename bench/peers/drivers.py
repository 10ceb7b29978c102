"""Per-tool extraction snippets, run inside each tool's own venv by the batch driver.

Each snippet defines `extract(path) -> str` using the tool's documented text-extraction entry
point. Pages are joined with a newline; scoring collapses whitespace, so the joiner is neutral.
"""

from __future__ import annotations

# The batch driver: reads a job file, extracts every PDF, writes one .txt per PDF and one JSON
# event line per start/finish to the log (the parent uses it to enforce per-PDF timeouts and to
# resume after a crash).
DRIVER = r'''
import json, re, sys, time
job = json.load(open(sys.argv[1], encoding="utf-8"))
def _hwm():
    # Peak RSS of this process since exec (VmHWM). ru_maxrss is not used: Linux carries the
    # parent's high-water mark over fork+exec, which would inflate small tools.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
{setup}
log = open(job["log"], "a", encoding="utf-8")
for i, (pdf, out) in enumerate(job["items"]):
    log.write(json.dumps({{"i": i, "ev": "start"}}) + "\n"); log.flush()
    t0 = time.perf_counter()
    try:
        text, status, err = extract(pdf), "ok", ""
    except BaseException as e:  # a tool error on one PDF is recorded, not fatal
        text, status, err = "", "error", (type(e).__name__ + ": " + str(e))[:300]
    secs = time.perf_counter() - t0
    text = re.sub("[\ud800-\udfff]", "\ufffd", text or "")
    open(out, "w", encoding="utf-8").write(text)
    ev = {{"i": i, "ev": "done", "status": status, "err": err, "secs": secs, "hwm_kb": _hwm()}}
    log.write(json.dumps(ev) + "\n")
    log.flush()
'''

PDFMINER = """
from pdfminer.high_level import extract_text as _x
def extract(p):
    return _x(p)
"""

PDFPLUMBER = """
import pdfplumber
def extract(p):
    with pdfplumber.open(p) as pdf:
        out = []
        for page in pdf.pages:
            out.append(page.extract_text() or "")
            page.close()
        return "\\n".join(out)
"""

PYPDF = """
from pypdf import PdfReader
def extract(p):
    return "\\n".join(page.extract_text() or "" for page in PdfReader(p).pages)
"""

PYPDFIUM2 = """
import pypdfium2 as pdfium
def extract(p):
    pdf = pdfium.PdfDocument(p)
    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            out.append(tp.get_text_range())
            tp.close(); page.close()
    finally:
        pdf.close()
    return "\\n".join(out)
"""

PYMUPDF = """
import pymupdf
def extract(p):
    with pymupdf.open(p) as doc:
        return "\\n".join(page.get_text() for page in doc)
"""

QALAM = """
import qalam
def extract(p):
    return qalam.extract_text(p)
"""

# rtldoc's documented entry is `rtldoc parse book.pdf` (Markdown on stdout). We call the same
# pipeline per page and keep the blocks' text without the Markdown markup, so it is not
# penalised for '#', '>' or '|' that are not part of the truth. Table rows: cells joined by space.
RTLDOC = """
import fitz
from rtldoc import arabic, pipeline
_opts = arabic.NormalizeOptions()
def extract(p):
    doc = fitz.open(p)
    out = []
    for i in range(doc.page_count):
        r = pipeline.parse_page(doc[i], None, _opts)
        for b in r.blocks:
            if b.role == "figure" or not b.text:
                continue
            if b.role == "table" and b.table_grid:
                out.extend(" ".join(c for c in row if c) for row in b.table_grid)
            else:
                out.append(b.text)
    doc.close()
    return "\\n".join(out)
"""

ARAFIX = """
import arafix
def extract(p):
    return arafix.read(p)
"""

# harfix is a quality gate, not an extractor: its documented pipeline is "extract with another
# tool, then `harfix repair`". Its own PDF reading uses pdfminer.six (its one dependency), so the
# harfix row is pdfminer.six output passed through harfix.repair_text.
HARFIX = """
from pdfminer.high_level import extract_text as _x
from harfix import repair_text
def extract(p):
    return repair_text(_x(p)).text
"""

WARRAQ = """
import warraq
def extract(p):
    return warraq.extract(p).text()
"""

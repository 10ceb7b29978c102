"""Side corpus: PDFs rewritten or reshaped after they were made.

Rewritten by another program, as printing a PDF to a file or "compressing" it does: cairo
(pdftocairo, the path of a PDF printed from a viewer built on poppler) and Ghostscript (pdfwrite:
print-to-PDF drivers, most PDF compressors) re-subset the fonts and write a ToUnicode of their
own, which may say each mark twice or be made up. Reshaped: shown upside down (/Rotate 180), set
sideways by the drawing matrix (a landscape table on a portrait page), and with a diagonal
watermark laid over it (qpdf --overlay). The text to read is the same each time.

    python -m bench.rewrite SRC_CORPUS DST_CORPUS
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pikepdf

from bench.run import load_manifest

Rewrite = Callable[[Path, Path], None]


def _run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)


def _sideways(src: Path, dst: Path) -> None:
    """The content turned a quarter counter-clockwise onto a landscape page, by the drawing matrix."""
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            box = [float(v) for v in page.MediaBox]
            width, height = box[2] - box[0], box[3] - box[1]
            page.contents_add(pikepdf.Stream(pdf, b"q 0 1 -1 0 %f %f cm" % (height + box[1], -box[0])),
                              prepend=True)
            page.contents_add(pikepdf.Stream(pdf, b"Q"))
            page.MediaBox = [0, 0, height, width]
            if "/CropBox" in page:
                del page["/CropBox"]
        pdf.save(dst)


def _watermark_pdf(out: Path) -> None:
    """A light diagonal "نسخة للمراجعة" across an A4 page (fpdf2, Amiri)."""
    from fpdf import FPDF

    from bench.corpus.fonts import BY_FAMILY, regular_path

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("Amiri", "", str(regular_path(BY_FAMILY["Amiri"])))
    pdf.set_font("Amiri", size=60)
    pdf.set_text_shaping(True)
    pdf.set_text_color(200, 200, 200)
    with pdf.rotation(45, x=105, y=148):
        pdf.set_xy(30, 130)
        pdf.cell(150, 30, "نسخة للمراجعة", align="C")
    pdf.output(str(out))


def _watermarked(mark: Path) -> Rewrite:
    return lambda src, dst: _run(["qpdf", str(src), "--overlay", str(mark), "--repeat=1", "--", str(dst)])


def rewriters(work: Path) -> dict[str, Rewrite]:
    """Name -> rewrite(source, destination); the watermark is made in `work`."""
    mark = work / "watermark.pdf"
    _watermark_pdf(mark)
    return {
        "cairo": lambda src, dst: _run(["pdftocairo", "-pdf", str(src), str(dst)]),
        "ghostscript": lambda src, dst: _run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                                              f"-sOutputFile={dst}", str(src)]),
        "upside-down": lambda src, dst: _run(["qpdf", "--rotate=+180", str(src), str(dst)]),
        "sideways": _sideways,
        "watermark": _watermarked(mark),
    }


def rewrite(src: Path, dst: Path) -> int:
    """Every PDF of the corpus in `src` through every rewriter, into `dst` with its manifest
    (truths stay where they are; `damage` names the rewriter). Returns the PDFs written."""
    missing = [exe for exe in ("pdftocairo", "gs", "qpdf") if not shutil.which(exe)]
    if missing:
        raise RuntimeError(f"not installed: {', '.join(missing)} (bash scripts/setup.sh --bench)")
    (dst / "pdf").mkdir(parents=True, exist_ok=True)
    out = []
    with tempfile.TemporaryDirectory(prefix="warraq-rewrite-") as work:
        ways = rewriters(Path(work))
        for e in load_manifest(src):
            for name, way in ways.items():
                pdf = dst / "pdf" / f"{e['id']}--{name}.pdf"
                try:
                    way(Path(e["pdf"]), pdf)
                except (subprocess.SubprocessError, OSError, pikepdf.PdfError):
                    continue  # a file a rewriter cannot take is left out, not the corpus
                truth = os.path.relpath(Path(e["truth"]).resolve(), dst.resolve())  # as load_manifest reads it
                out.append({**e, "id": pdf.stem, "pdf": f"pdf/{pdf.name}", "truth": truth, "damage": name})
    (dst / "manifest.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(out)


if __name__ == "__main__":
    print(rewrite(Path(sys.argv[1]), Path(sys.argv[2])), "PDFs")

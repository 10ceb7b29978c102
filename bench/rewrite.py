"""Side corpus: PDFs rewritten by another program, as printing a PDF to a file or "compressing"
it does. cairo (pdftocairo, the path of a PDF printed from a viewer built on poppler) and
Ghostscript (pdfwrite: print-to-PDF drivers, most PDF compressors) re-subset the fonts and write
a ToUnicode of their own, which may say each mark twice or be made up.

    python -m bench.rewrite SRC_CORPUS DST_CORPUS
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bench.run import load_manifest

#: rewriter -> its command line for (source, destination)
REWRITERS: dict[str, Callable[[str, str], list[str]]] = {
    "cairo": lambda src, dst: ["pdftocairo", "-pdf", src, dst],
    "ghostscript": lambda src, dst: ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                                     f"-sOutputFile={dst}", src],
}


def rewrite(src: Path, dst: Path) -> int:
    """Every PDF of the corpus in `src` through every rewriter, into `dst` with its manifest
    (truths stay where they are; `damage` names the rewriter). Returns the PDFs written."""
    missing = [cmd("a", "b")[0] for cmd in REWRITERS.values() if not shutil.which(cmd("a", "b")[0])]
    if missing:
        raise RuntimeError(f"not installed: {', '.join(missing)} (bash scripts/setup.sh --bench)")
    (dst / "pdf").mkdir(parents=True, exist_ok=True)
    out = []
    for e in load_manifest(src):
        for name, cmd in REWRITERS.items():
            pdf = dst / "pdf" / f"{e['id']}--{name}.pdf"
            proc = subprocess.run(cmd(str(e["pdf"]), str(pdf)), capture_output=True, timeout=300)
            if proc.returncode == 0 and pdf.exists():
                truth = os.path.relpath(Path(e["truth"]).resolve(), dst.resolve())  # as load_manifest reads it
                out.append({**e, "id": pdf.stem, "pdf": f"pdf/{pdf.name}", "truth": truth, "damage": name})
    (dst / "manifest.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(out)


if __name__ == "__main__":
    print(rewrite(Path(sys.argv[1]), Path(sys.argv[2])), "PDFs")

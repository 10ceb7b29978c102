"""Reproducible Arabic PDF corpus: texts x producers x fonts x layouts, each with exact ground truth.

    python -m bench.corpus build [--quick] [--out DIR] [--texts DIR]   # -> bench/.cache/corpus
    python -m bench.corpus fixtures                                    # -> tests/fixtures

Modules: textfmt (parse bench/texts/*.md), truth (ground truth), plan (which PDFs), one module per
producer (chromium, lo, weasy, fpdf_shaped, legacy; htmlgen and flow are shared), build (manifest),
selfcheck (text layer vs truth), fixtures + fixture_texts (the small test PDFs), deps (what is missing).
"""

from __future__ import annotations

import logging

# fontTools' subsetter logs every table it drops; keep build output readable.
logging.getLogger("fontTools").setLevel(logging.ERROR)

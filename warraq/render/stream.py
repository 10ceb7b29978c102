"""Write a document page by page, so the command line's memory stays flat in the page count."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from warraq.document import Page
from warraq.extract import no_text_message
from warraq.render.json import SCHEMA_VERSION, page_dict
from warraq.render.markdown import page_markdown

_RANK = {"clean": 0, "repaired": 1, "needs-ocr": 2}


def write_pages(pages: Iterable[Page], fmt: str, out: TextIO, *, path: str, metadata: dict[str, str],
                keep_lines: bool = False) -> list[Page]:
    """Render pages as they come; returns light page stubs (number, verdict, emptiness)."""
    seen: list[Page] = []
    first = True
    if fmt == "json":
        head = {"schema": SCHEMA_VERSION, "path": path, "metadata": metadata}
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "pages": [\n')
    for page in pages:
        if fmt == "json":
            text = json.dumps(page_dict(page), ensure_ascii=False)
        else:
            text = page_markdown(page) if fmt == "md" else page.text(keep_lines)
        if text:
            out.write(("" if first else (",\n" if fmt == "json" else "\n\n")) + text)
            first = False
        # keep only what the summary needs: verdict and whether the page had any text
        seen.append(Page(page.number, page.width, page.height, page.blocks[:1], page.verdict, page.ocr))
    if fmt == "json":
        verdict = max((p.verdict.verdict for p in seen), key=_RANK.__getitem__, default="clean")
        errors = [no_text_message(p) for p in seen if not p.blocks]
        tail = json.dumps({"verdict": verdict, "errors": errors}, ensure_ascii=False)
        out.write("\n], " + tail[1:] + "\n")
    elif not first:
        out.write("\n")
    return seen

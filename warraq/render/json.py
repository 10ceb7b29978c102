"""JSON rendering of a Document (schema: docs/json-schema.md)."""

from __future__ import annotations

import json
from typing import Any

from warraq.document import BBox, Block, Document, Line, Page

SCHEMA_VERSION = 1


def _box(b: BBox) -> list[float]:
    return [round(v, 2) for v in b]


def _line(line: Line) -> dict[str, Any]:
    return {
        "text": line.text,
        "bbox": _box(line.bbox),
        "direction": line.direction,
        "size": round(line.size, 2),
        "fonts": line.fonts,
        "sources": dict(line.sources),
        "words": [{"text": w.text, "bbox": _box(w.bbox)} for w in line.words],
    }


def _block(b: Block) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": b.kind,
        "role": "furniture" if b.kind in ("header", "footer", "page-number") else "body",
        "text": b.text,
        "bbox": _box(b.bbox),
        "direction": b.direction,
        "lines": [_line(line) for line in b.lines],
    }
    if b.rows is not None:
        out["rows"] = b.rows
    return out


def page_dict(p: Page) -> dict[str, Any]:
    return {
        "number": p.number,
        "width": round(p.width, 2),
        "height": round(p.height, 2),
        "ocr": p.ocr,
        "verdict": {
            "verdict": p.verdict.verdict,
            "confidence": p.verdict.confidence,
            "reasons": p.verdict.reasons,
            "methods": dict(p.verdict.methods),
        },
        "blocks": [_block(b) for b in p.blocks],
    }


def to_dict(doc: Document) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "path": doc.path,
        "metadata": doc.metadata,
        "verdict": doc.verdict,
        "errors": doc.errors,
        "pages": [page_dict(p) for p in doc.pages],
    }


def to_json(doc: Document, indent: int | None = 1) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)

"""warraq: faithful logical-order Unicode text from Arabic PDFs, and repair of broken Arabic text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from warraq.document import Block, Document, Line, Page, Word
from warraq.errors import ExitCode, WarraqError, WarraqWarning
from warraq.extract import extract, iter_pages
from warraq.options import Options

if TYPE_CHECKING:
    from warraq.repair import Repaired

__version__ = "0.1.0"
__all__ = [
    "Block", "Document", "ExitCode", "Line", "Options", "Page", "WarraqError", "WarraqWarning", "Word",
    "extract", "iter_pages", "repair",
]


def repair(text: str, **kwargs: Any) -> Repaired:
    """Repair Arabic text that another tool broke (see `warraq.repair`)."""
    from warraq.repair import repair as _repair

    return _repair(text, **kwargs)

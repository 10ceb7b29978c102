"""`warraq repair`: restore Arabic text that another tool already broke (issue 5).

    >>> from warraq.repair import repair
    >>> fixed = repair(broken_text)
    >>> fixed.text, fixed.changes, fixed.confidence

Each line is first judged (`detect`): clean, visual order, reversed segments, mixed runs, or
character damage only. Clean lines and non-Arabic text come back byte-identical, and repairing
twice changes nothing more.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from warraq.repair.core import Change, LineVerdict, Repaired, detect, repair


class _CallablePackage(types.ModuleType):
    """Importing this subpackage rebinds the name `warraq.repair` from the API function to the
    package, so the package answers calls too: `warraq.repair(text)` works before and after."""

    def __call__(self, text: str | bytes, **kwargs: Any) -> Repaired:
        return repair(text, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage

__all__ = ["Change", "LineVerdict", "Repaired", "detect", "repair"]

"""`warraq repair`: restore Arabic text that another tool already broke (issue 5).

    >>> from warraq.repair import repair
    >>> fixed = repair(broken_text)
    >>> fixed.text, fixed.changes, fixed.confidence

Each line is first judged (`detect`): clean, visual order, reversed segments, mixed runs, or
character damage only. Clean lines and non-Arabic text come back byte-identical, and repairing
twice changes nothing more.
"""

from __future__ import annotations

from warraq.repair.core import Change, LineVerdict, Repaired, detect, repair

__all__ = ["Change", "LineVerdict", "Repaired", "detect", "repair"]

"""One exception root, one warning class, and the CLI exit codes they map to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented process exit codes (see README)."""

    OK = 0
    PARTIAL = 1          # some pages or files came out, others did not (e.g. a page needs OCR)
    USAGE = 2            # bad command line
    BAD_INPUT = 3        # not a PDF, truncated, damaged beyond reading, zero pages
    ENCRYPTED = 4        # needs a password, or the one given is wrong
    GATE = 5             # `check --fail-on` condition met
    INTERNAL = 70        # a bug in warraq


class WarraqError(Exception):
    """Root of every error warraq raises on purpose; carries its exit code."""

    exit_code: ExitCode = ExitCode.BAD_INPUT


class NotAPdfError(WarraqError):
    """The file is not a PDF, or is damaged beyond reading."""


class EmptyDocumentError(WarraqError):
    """The PDF has no pages."""


class PasswordError(WarraqError):
    """The PDF is encrypted and no password, or a wrong one, was given."""

    exit_code = ExitCode.ENCRYPTED


class WarraqWarning(UserWarning):
    """Something was extracted but should not be trusted blindly."""

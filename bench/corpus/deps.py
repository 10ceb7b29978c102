"""Check the generator's system and Python dependencies; say clearly what is missing."""

from __future__ import annotations

import importlib.util
import shutil
import sys

from . import fonts

# producer -> (executables, python modules) it needs
NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "chromium": (("chromium|chromium-browser|google-chrome",), ()),
    "libreoffice": (("soffice|libreoffice",), ()),
    "weasyprint": ((), ("weasyprint",)),
    "fpdf2": ((), ("fpdf", "uharfbuzz")),
    "legacy": ((), ("fpdf", "arabic_reshaper", "bidi")),
}
COMMON_TOOLS = {"qpdf": "qpdf", "pdftoppm": "poppler-utils"}
APT = {"chromium": "chromium", "soffice": "libreoffice-writer-nogui"}


def which(alternatives: str) -> str | None:
    """The first executable found among 'a|b|c'."""
    for name in alternatives.split("|"):
        if path := shutil.which(name):
            return path
    return None


def warn(msg: str) -> None:
    print(f"corpus: warning: {msg}", file=sys.stderr)


def check(producers: list[str], pool: tuple[fonts.Font, ...] = fonts.FONTS) -> tuple[list[str], list[fonts.Font]]:
    """The producers and fonts usable here; warnings for everything missing."""
    ok: list[str] = []
    for prod in producers:
        exes, mods = NEEDS[prod]
        missing = [e.split("|")[0] for e in exes if which(e) is None]
        missing += [f"python module {m}" for m in mods if importlib.util.find_spec(m) is None]
        if missing:
            hint = ", ".join(f"{m} (apt install {APT.get(m, m)})" if m in APT else m for m in missing)
            warn(f"skipping producer {prod}: missing {hint}")
        else:
            ok.append(prod)
    for tool, pkg in COMMON_TOOLS.items():
        if shutil.which(tool) is None:
            warn(f"{tool} is missing (apt install {pkg}); the rest of the bench needs it")
    found = fonts.available(pool)
    for f in pool:
        if f not in found:
            warn(f"font {f.family} not found (apt install {f.package}); skipped")
    if fonts.fallback_path() is None:
        warn("DejaVu Sans not found (apt install fonts-dejavu-core): Latin text may be missing")
    return ok, found

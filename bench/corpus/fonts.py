"""The Debian Arabic fonts the corpus uses, and where their files are."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOTS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
# Latin fallback: Noto Naskh/Sans Arabic and KacstBook have no Latin letters.
FALLBACK_FILE = "DejaVuSans.ttf"
FALLBACK_FAMILY = "DejaVu Sans"


@dataclass(frozen=True)
class Font:
    family: str  # the name in the manifest and in CSS/ODT
    slug: str  # the short name in corpus ids
    regular: str  # file names searched under ROOTS
    bold: str
    package: str  # the Debian package that ships it
    presentation_forms: bool  # has glyphs for U+FB50..U+FEFF (usable by the legacy producer)
    scale: float = 1.0  # size factor so that fonts with small letters read like the others


FONTS: tuple[Font, ...] = (
    Font("Amiri", "amiri", "Amiri-Regular.ttf", "Amiri-Bold.ttf", "fonts-hosny-amiri", True),
    Font("Noto Naskh Arabic", "notonaskh", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf",
         "fonts-noto-core", True),
    Font("Noto Sans Arabic", "notosans", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf",
         "fonts-noto-core", True),
    Font("KacstBook", "kacstbook", "KacstBook.ttf", "KacstBook.ttf", "fonts-kacst", True),
    # The old SIL Scheherazade in Debian 12 has no presentation-form glyphs: not for legacy.
    Font("Scheherazade", "scheherazade", "Scheherazade-Regular.ttf", "Scheherazade-Bold.ttf",
         "fonts-sil-scheherazade", False, 1.3),
)
# A side corpus of other fonts the same Debian packages ship, among them a cascading script
# (Nastaliq), to show how the tools do beyond the fonts the main corpus is made with.
OTHER_FONTS: tuple[Font, ...] = (
    Font("Noto Kufi Arabic", "notokufi", "NotoKufiArabic-Regular.ttf", "NotoKufiArabic-Bold.ttf",
         "fonts-noto-core", True),
    Font("Noto Nastaliq Urdu", "nastaliq", "NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf",
         "fonts-noto-core", False),
    Font("KacstOffice", "kacstoffice", "KacstOffice.ttf", "KacstOffice.ttf", "fonts-kacst", True),
    Font("KacstNaskh", "kacstnaskh", "KacstNaskh.ttf", "KacstNaskh.ttf", "fonts-kacst", True),
    Font("DejaVu Sans", "dejavu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "fonts-dejavu-core", True),
)
BY_FAMILY = {f.family: f for f in FONTS + OTHER_FONTS}


@cache
def find_file(name: str) -> Path | None:
    """The first font file with this name under the system font folders."""
    for root in ROOTS:
        if root.is_dir():
            for p in root.rglob(name):
                return p
    return None


def regular_path(font: Font) -> Path:
    p = find_file(font.regular)
    if p is None:
        raise FileNotFoundError(f"{font.regular} (install {font.package})")
    return p


def bold_path(font: Font) -> Path:
    return find_file(font.bold) or regular_path(font)


def fallback_path() -> Path | None:
    return find_file(FALLBACK_FILE)


def available(pool: tuple[Font, ...] = FONTS) -> list[Font]:
    return [f for f in pool if find_file(f.regular) is not None]

"""Pages shown turned (/Rotate) read as they read unturned: PDFium lays its text page out as the
page is shown, and its word breaks in a page turned upside down fall between letters."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from conftest import FIXTURES

import warraq


@pytest.mark.parametrize("name", ["chromium-amiri-notice", "fpdf2-amiri-bakery"])
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_turned_page_reads_as_the_page_itself(name: str, turn: int, tmp_path: Path) -> None:
    src = FIXTURES / f"{name}.pdf"
    turned = tmp_path / f"{name}-{turn}.pdf"
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            page.Rotate = turn
        pdf.save(turned)
    assert warraq.extract(turned).text() == warraq.extract(src).text()

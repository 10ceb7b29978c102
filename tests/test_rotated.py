"""Pages shown turned (/Rotate) read as they read unturned: PDFium lays its text page out as the
page is shown, and its word breaks in a page turned upside down fall between letters. Text set
sideways by its drawing matrix is read in its own frame."""

from __future__ import annotations

import math
from pathlib import Path

import pikepdf
import pytest
from conftest import FIXTURES

import warraq
from warraq.layout.turned import Frame


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


def _set_sideways(src: Path, out: Path) -> None:
    """The page's content drawn turned a quarter counter-clockwise onto a landscape page, by its
    drawing matrix (as LaTeX's sidewaystable or an imposition tool does), not by /Rotate."""
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            _, _, width, height = (float(v) for v in page.MediaBox)
            page.contents_add(pikepdf.Stream(pdf, b"q 0 1 -1 0 %f 0 cm" % height), prepend=True)
            page.contents_add(pikepdf.Stream(pdf, b"Q"))
            page.MediaBox = [0, 0, height, width]
        pdf.save(out)


@pytest.mark.parametrize("name", ["chromium-amiri-notice", "fpdf2-amiri-bakery", "weasyprint-notonaskh-notice"])
def test_text_set_sideways_reads_as_the_page_itself(name: str, tmp_path: Path) -> None:
    sideways = tmp_path / f"{name}-sideways.pdf"
    _set_sideways(FIXTURES / f"{name}.pdf", sideways)
    assert warraq.extract(sideways).text() == warraq.extract(FIXTURES / f"{name}.pdf").text()


@pytest.mark.parametrize("degrees", [90, -90, 180, 30])
def test_a_turned_frame_puts_points_back_where_they_were(degrees: float) -> None:
    frame = Frame(math.radians(degrees), 400.0, 600.0)
    for x, y in ((0.0, 0.0), (400.0, 600.0), (123.0, 456.0)):
        fx, fy = frame.point(x, y)
        assert fx >= -1e-9 and fy >= -1e-9
        bx, by = frame.back(fx, fy)
        assert abs(bx - x) < 1e-9 and abs(by - y) < 1e-9

"""Long documents are split over worker processes; the result must not depend on it."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pikepdf
import pytest

import warraq

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """14 pages from two fixtures, alternating, so that page order is visible in the text."""
    out = tmp_path_factory.mktemp("long") / "long.pdf"
    with pikepdf.open(FIXTURES / "chromium-amiri-notice.pdf") as a, \
            pikepdf.open(FIXTURES / "fpdf2-notosans-memoir.pdf") as b, pikepdf.new() as pdf:
        for _ in range(7):
            pdf.pages.append(a.pages[0])
            pdf.pages.append(b.pages[0])
        pdf.save(out)
    return out


def _text(path: str, workers: int) -> str:
    return warraq.extract(path, workers=workers).text()


def test_workers_give_the_pages_in_order_and_unchanged(long_pdf: Path) -> None:
    alone = warraq.extract(long_pdf, workers=1)
    shared = warraq.extract(long_pdf, workers=2)
    assert [p.number for p in shared.pages] == list(range(1, 15))
    assert shared.text() == alone.text()
    assert alone.pages[0].text() != alone.pages[1].text()  # the two sources alternate


def test_inside_a_pool_worker_extraction_stays_in_process(long_pdf: Path) -> None:
    """A daemonic process may not start workers: a caller's own pool must still work."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        got = pool.apply(_text, (str(long_pdf), 0))
    assert got == _text(str(long_pdf), 1)

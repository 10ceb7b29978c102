"""Golden tests: small PDFs made by several producers from texts we wrote, against those texts.

Each tests/fixtures/NAME.pdf has NAME.txt beside it: the text in logical reading order as a
careful reader types it (written from the source text, never from warraq's output). Scoring
collapses whitespace, so line wrapping does not matter.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import FIXTURES

import warraq
from bench.score import levenshtein as distance

PAIRS = sorted(p for p in FIXTURES.glob("*.pdf") if p.with_suffix(".txt").exists())


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_there_are_fixtures_from_three_producers() -> None:
    producers = {p.name.split("-")[0] for p in PAIRS}
    assert len(producers) >= 3, f"golden fixtures from {sorted(producers)} only"


@pytest.mark.parametrize("pdf", PAIRS, ids=[p.stem for p in PAIRS])
def test_fixture_matches_its_truth(pdf) -> None:  # type: ignore[no-untyped-def]
    truth = normal(pdf.with_suffix(".txt").read_text(encoding="utf-8"))
    got = normal(warraq.extract(pdf).text())
    cer = distance(got, truth) / max(len(truth), 1)  # whitespace collapsed, nothing folded
    assert cer <= 0.01, f"CER {cer:.2%}\n got: {got[:300]}\nwant: {truth[:300]}"

"""The benchmark's damage functions change exactly what they claim to."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from bench.damage import (
    AMIRI,
    build_damaged,
    drop_actualtext,
    pdfium_chars,
    remap_to_pua,
    sample_pdf,
    strip_tounicode,
)

pytestmark = pytest.mark.skipif(not AMIRI.exists(), reason="fonts-hosny-amiri not installed")
DIGITS = "\u0661\u0669\u0668\u0667"  # 1987 in Arabic-Indic digits


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # "born in 1987 in the city" (original test text)
    return sample_pdf(tmp_path_factory.mktemp("damage") / "c.pdf",
                      ["\u0648\u0644\u062f \u0641\u064a " + DIGITS + " \u0641\u064a \u0627\u0644\u0645\u062f\u064a\u0646\u0629"])


def test_strip_tounicode(clean: Path, tmp_path: Path) -> None:
    dst = tmp_path / "d.pdf"
    assert strip_tounicode(clean, dst) == 1
    with pikepdf.open(dst) as pdf:
        assert all("/ToUnicode" not in f for f in pdf.pages[0].Resources.Font.values())
    assert all(err for t, err, _, _ in pdfium_chars(dst) if not t.isspace())


def test_remap_to_pua_digits_only(clean: Path, tmp_path: Path) -> None:
    dst = tmp_path / "d.pdf"
    remap_to_pua(clean, dst, seed=1, letters=False)
    text = "".join(c[0] for c in pdfium_chars(dst))
    assert not any(d in text for d in DIGITS)
    assert sum(0xE000 <= ord(c) <= 0xF8FF for c in text) == len(DIGITS)
    assert "\u0645\u062f\u064a\u0646\u0629" in text or "\u0629\u0646\u064a\u062f\u0645" in text  # letters kept


def test_remap_to_pua_letters_is_seeded(clean: Path, tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    n1 = remap_to_pua(clean, a, seed=3)
    n2 = remap_to_pua(clean, b, seed=3)
    assert n1 == n2 > len(set(DIGITS))
    ta = "".join(x[0] for x in pdfium_chars(a))
    assert ta == "".join(x[0] for x in pdfium_chars(b))
    remap_to_pua(clean, c, seed=4)
    assert sum(0xE000 <= ord(ch) <= 0xF8FF for ch in ta) > len(DIGITS)


def test_drop_actualtext(tmp_path: Path) -> None:
    src, dst = tmp_path / "s.pdf", tmp_path / "d.pdf"
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    content = b"/Span <</ActualText (fi)>> BDC BT /F1 12 Tf 10 10 Td (x) Tj ET EMC"
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 100, 100],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(content))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(src)
    assert "".join(c[0] for c in pdfium_chars(src)) == "fi"
    assert drop_actualtext(src, dst) == 1
    assert "".join(c[0] for c in pdfium_chars(dst)) == "x"


def test_build_damaged(clean: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    (corpus / "truth").mkdir()
    (corpus / "pdf" / "x.pdf").write_bytes(clean.read_bytes())
    (corpus / "truth" / "x.txt").write_text("truth", "utf-8")
    entry = {"id": "x", "pdf": "pdf/x.pdf", "truth": "truth/x.txt", "producer": "fpdf2", "font": "Amiri",
             "layout": "single", "text": "t", "pages": 1, "features": [], "damage": None}
    (corpus / "manifest.json").write_text(json.dumps([entry]), "utf-8")
    made = build_damaged(corpus)
    assert {m["damage"] for m in made} == {"no-tounicode", "pua-remap"}  # no ActualText to drop
    manifest = json.loads((corpus / "damaged" / "manifest.json").read_text("utf-8"))
    for m in manifest:
        assert (corpus / "damaged" / m["pdf"]).exists()
        assert (corpus / "damaged" / m["truth"]).read_text("utf-8") == "truth"

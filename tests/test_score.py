"""Tests of the benchmark scorer (bench/score.py), the peer runner and a smoke run of the bench."""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest

from bench import score as s
from bench.peers import Tool, run_tool

ROOT = Path(__file__).resolve().parents[1]


def _naive(a, b) -> int:
    """Textbook DP edit distance, the reference for the fast implementations."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# ---- edit distance and CER -------------------------------------------------------------------

def test_bitparallel_matches_textbook_dp() -> None:
    rnd = random.Random(7)
    for _ in range(400):
        a = "".join(rnd.choice("ابت ") for _ in range(rnd.randint(0, 30)))
        b = "".join(rnd.choice("ابت ") for _ in range(rnd.randint(0, 150)))
        assert s._bitparallel(a, b) == _naive(a, b)
        assert s._bitparallel(a.split(), b.split()) == _naive(a.split(), b.split())
    assert s.levenshtein("kitten", "sitting") == 3


def test_cer_known_pairs() -> None:
    assert s.cer("abd", "abc") == pytest.approx(1 / 3)
    # كتاب -> كتب: one deletion over four letters
    assert s.cer("\u0643\u062a\u0628", "\u0643\u062a\u0627\u0628") == pytest.approx(0.25)
    # إلى written as الى: one substitution; truth has 21 characters
    truth = "ذهب الولد \u0625\u0644\u0649 المدرسة"
    out = "ذهب الولد \u0627\u0644\u0649 المدرسة"
    assert len(s.normalise(truth)) == 21
    assert s.cer(out, truth) == pytest.approx(1 / 21)
    assert s.wer(out, truth) == pytest.approx(1 / 4)
    assert s.cer("", truth) == 1.0
    assert s.cer("anything", "") == 1.0 and s.cer("  ", "") == 0.0


def test_whitespace_collapsed_and_bom_dropped() -> None:
    assert s.cer("\ufeffa  b\n\n c ", "a b c") == 0.0


def test_errors_not_removed_before_cer() -> None:
    salam = "\u0633\u0644\u0627\u0645"  # سلام
    assert s.cer("\u200f" + salam, salam) == pytest.approx(0.25)  # bidi control = 1 error
    assert s.cer("\u0633\u0640\u0644\u0627\u0645", salam) == pytest.approx(0.25)  # tatweel


def test_nfc_applied() -> None:
    # alef + combining hamza above (decomposed) equals U+0623 after NFC
    assert s.cer("\u0627\u0654\u062d\u0645\u062f", "\u0623\u062d\u0645\u062f") == 0.0


# ---- folding ---------------------------------------------------------------------------------

def test_presentation_forms_fold_per_character() -> None:
    assert s.normalise("\ufefb") == "\u0644\u0627"  # lam-alef ligature -> لا
    assert s.normalise("\ufdf2") == "\u0627\u0644\u0644\u0647"  # ligature Allah -> الله
    assert s.normalise("\ufe8e") == "\u0627"  # alef final form
    assert s.normalise("\ufb50") == "\u0671"  # alef wasla isolated
    # "مرحبا" in presentation forms: meem initial, reh final, hah initial, beh medial, alef final
    assert s.normalise("\ufee3\ufeae\ufea3\ufe92\ufe8e") == "\u0645\u0631\u062d\u0628\u0627"
    assert s.cer("\ufedf\ufe8e\ufeb3", "\u0644\u0627\u0633") == 0.0


def test_harakat_forms_fold_to_bare_mark() -> None:
    assert s.normalise("\u0628\ufe76") == "\u0628\u064e"  # fatha isolated form: no space
    assert s.normalise("\u0628\ufe77") == "\u0628\u064e"  # fatha medial form: no tatweel


def test_no_nfkc_on_whole_string() -> None:
    assert s.normalise("\ufb01") == "\ufb01"  # Latin ligature fi stays
    assert s.normalise("x\u00b2") == "x\u00b2"  # superscript two stays
    assert s.normalise("\uff21") == "\uff21"  # full-width A stays
    assert s.cer("\ufb01", "fi") == 1.0
    assert s.normalise("\ufdfd") == "\ufdfd"  # basmala ligature has no decomposition


def test_letters_only() -> None:
    assert s.letters_only("كَتَبَ، (2025) ـ") == "\u0643\u062a\u0628"
    assert s.letters_cer("كتب 2025.", "كَتَبَ") == 0.0


# ---- diagnostics -----------------------------------------------------------------------------

def test_reversed_words_and_numbers() -> None:
    truth = "\u0643\u062a\u0627\u0628 \u062c\u062f\u064a\u062f \u0641\u064a 2022"  # كتاب جديد في 2022
    out = "\u0628\u0627\u062a\u0643 \u062c\u062f\u064a\u062f \u064a\u0641 2202."  # باتك جديد يف 2202.
    assert s.reversed_words(out, truth) == 2
    assert s.reversed_numbers(out, truth) == 1
    assert s.reversed_numbers("2002", "2002") == 0  # palindrome present in truth: fine
    assert s.reversed_words(truth, truth) == 0


def test_code_point_counters() -> None:
    d = s.diagnostics("\ufefb\ufe8e \u202b\u0646\u0635\u202c\u200f \ue000\uf8ff \ufffd (cid:12) (cid:3)")
    assert d["presentation_forms"] == 2
    assert d["bidi_controls"] == 3
    assert d["pua"] == 2
    assert d["replacement"] == 3
    assert "reversed_words" not in d  # needs a truth


def test_tatweel_counted_in_excess_of_truth() -> None:
    truth = "1447\u0647\u0640 \u0633\u0644\u0627\u0645"  # 1447هـ سلام
    out = "1447\u0647\u0640 \u0633\u0640\u0640\u0644\u0627\u0645"
    assert s.diagnostics(out, truth)["tatweel"] == 2
    assert s.diagnostics(truth, truth)["tatweel"] == 0


def test_interleaved_lines() -> None:
    truth = "الشمس تشرق في الصباح\nالقمر يظهر في الليل\nالنجوم تلمع فوق البحر\n"
    out = "الشمس تشرق النجوم تلمع\nالصباح القمر يظهر\nلا شيء هنا\n"
    assert s.interleaved_lines(out, truth) == (1, 2)
    assert s.interleaved_lines(truth, truth) == (0, 3)
    # three consecutive blocks run together: not interleaving
    assert s.interleaved_lines(truth.replace("\n", " "), truth) == (0, 1)
    assert s.diagnostics(out, truth)["interleaved_frac"] == pytest.approx(0.5)


# ---- aggregation -----------------------------------------------------------------------------

def test_aggregate_median_mean_worst_and_list_fields() -> None:
    rows = [
        {"tool": "t", "producer": "a", "features": ["x", "y"], "cer": 0.1},
        {"tool": "t", "producer": "a", "features": ["x"], "cer": 0.3, "status": "crash"},
        {"tool": "t", "producer": "a", "features": [], "cer": 0.2},
    ]
    agg = s.aggregate(rows, "producer")[("t", "a")]
    assert agg["median"] == pytest.approx(0.2)
    assert agg["mean"] == pytest.approx(0.2)
    assert agg["worst"] == pytest.approx(0.3)
    assert agg["failed"] == 1 and agg["n"] == 3
    feat = s.aggregate(rows, "features")
    assert feat[("t", "x")]["n"] == 2 and feat[("t", "y")]["n"] == 1


# ---- the peer runner -------------------------------------------------------------------------

FAKE = """
import os, time
def extract(p):
    if "slow" in p:
        time.sleep(30)
    if "crash" in p:
        os._exit(3)
    if "error" in p:
        raise ValueError("bad pdf")
    return "text of " + os.path.basename(p)
"""


def test_runner_records_timeout_crash_and_error_then_continues(tmp_path: Path) -> None:
    pdfs = [tmp_path / f"{n}.pdf" for n in ("a", "slow", "b", "crash", "error", "c")]
    r = run_tool(Tool("fake", FAKE), pdfs, tmp_path / "out", timeout=2.0)
    st = {Path(k).stem: v.status for k, v in r.items.items()}
    assert st == {"a": "ok", "slow": "timeout", "b": "ok", "crash": "crash", "error": "error",
                  "c": "ok"}
    assert (tmp_path / "out" / "c.txt").read_text(encoding="utf-8") == "text of c.pdf"
    assert r.max_rss_kb > 0


# ---- smoke run of the bench ------------------------------------------------------------------

def test_bench_smoke_run(tmp_path: Path) -> None:
    if importlib.util.find_spec("warraq.cli") is None:
        pytest.skip("warraq CLI not importable yet")
    out = tmp_path / "bench.md"
    proc = subprocess.run([sys.executable, "-m", "bench.run", "--smoke", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert "| warraq |" in text and "| pypdfium2 |" in text
    assert "## Headline" in text


# ---- bench plumbing --------------------------------------------------------------------------

def test_quick_subset_covers_every_producer_font_and_layout() -> None:
    from bench.run import quick_subset

    entries = [
        {"id": f"{p}-{f}-{lay}", "producer": p, "font": f, "layout": lay, "pages": 1}
        for p in ("chromium", "fpdf2", "legacy") for f in ("Amiri", "KacstBook", "Noto")
        for lay in ("single", "two-column", "table", "footnotes")
    ]
    sub = quick_subset(entries, limit=8)
    assert len(sub) <= 8
    for key in ("producer", "font", "layout"):
        assert {e[key] for e in sub} == {e[key] for e in entries}


def test_report_marks_failures_and_headline() -> None:
    from bench.report import render

    def row(tool: str, prod: str, cer: float, status: str = "ok") -> dict[str, object]:
        return {"tool": tool, "id": f"{prod}-x", "producer": prod, "font": "Amiri",
                "layout": "single", "features": ["digits"], "damage": None, "status": status,
                "err": "boom" if status != "ok" else "", "secs": 1.0, "cer": cer, "wer": cer,
                "diag": {"bidi_controls": 3}}

    res = {"meta": {"date": "d", "machine": "m", "command": "c", "mode": "quick", "seconds": 1.0,
                    "corpus": "2 PDFs"},
           "tools": ["warraq", "peer"], "versions": {}, "notes": {},
           "rows": [row("warraq", "chromium", 0.004), row("peer", "chromium", 1.0, "crash")]}
    md = render(res)
    assert "- **chromium**: warraq 0.40 %, best peer peer 100.0 %" in md
    assert "(1✗)" in md
    assert "**peer**: crash 1" in md

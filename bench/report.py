"""Render the benchmark results (the dict built by bench/run.py) as docs/benchmarks.md."""

from __future__ import annotations

import math
from typing import Any

from bench.score import aggregate, diag_totals

DIAG_COLS = [
    ("reversed_words", "reversed words"), ("reversed_numbers", "reversed numbers"),
    ("presentation_forms", "presentation forms"), ("tatweel", "excess tatweel"),
    ("bidi_controls", "bidi controls"), ("pua", "PUA"), ("replacement", "U+FFFD / (cid:N)"),
    ("interleaved_lines", "interleaved lines"),
]


def pct(v: float | None) -> str:
    """CER as a percentage: two decimals below 1 %, one above."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    p = v * 100
    return f"{p:.2f}" if p < 1 else f"{p:.1f}"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out + [""]


def _groups(rows: list[dict[str, Any]], by: str) -> list[str]:
    keys: set[str] = set()
    for r in rows:
        v = r.get(by)
        keys.update(map(str, v if isinstance(v, list) else [v]))
    keys.discard("None")
    return sorted(keys)


def _matrix(rows: list[dict[str, Any]], tools: list[str], by: str, cell: str) -> list[str]:
    """Tools as rows, groups of `by` as columns; cell = 'median', 'mmw' or 'mw'."""
    agg = aggregate(rows, by)
    cols = _groups(rows, by)
    if not cols:
        return [f"(no {by} recorded)", ""]
    counts = {c: max((agg[(t, c)]["n"] for t in tools if (t, c) in agg), default=0) for c in cols}
    head = ["tool"] + [f"{c} (n={counts[c]})" for c in cols]
    body = []
    for t in tools:
        line = [t]
        for c in cols:
            s = agg.get((t, c))
            if not s:
                line.append("–")
            elif cell == "median":
                line.append(pct(s["median"]))
            elif cell == "mw":
                line.append(f"{pct(s['median'])} / {pct(s['worst'])}")
            else:
                line.append(f"{pct(s['median'])} / {pct(s['mean'])} / {pct(s['worst'])}")
            if s and s.get("failed"):
                line[-1] += f" ({int(s['failed'])}✗)"
        body.append(line)
    return _table(head, body)


def _headline(rows: list[dict[str, Any]], tools: list[str]) -> list[str]:
    agg = aggregate(rows, "producer")
    out = []
    for prod in _groups(rows, "producer"):
        peers = [(agg[(t, prod)]["median"], t) for t in tools
                 if t != "warraq" and (t, prod) in agg]
        best = min(peers) if peers else None
        w = agg.get(("warraq", prod))
        out.append(f"- **{prod}**: warraq {pct(w['median']) if w else '–'} %, best peer "
                   + (f"{best[1]} {pct(best[0])} %" if best else "–"))
    return out


def _diag(rows: list[dict[str, Any]], tools: list[str]) -> list[str]:
    tot = diag_totals(rows)
    head = ["tool"] + [h for _, h in DIAG_COLS] + ["interleaved (mean %)"]
    body = []
    for t in tools:
        d = tot.get(t, {})
        body.append([t] + [str(int(d.get(k, 0))) for k, _ in DIAG_COLS]
                    + [pct(d.get("interleaved_frac"))])
    return _table(head, body)


def _failures(rows: list[dict[str, Any]], tools: list[str]) -> list[str]:
    out = []
    for t in tools:
        bad = [r for r in rows if r["tool"] == t and r.get("status") != "ok"]
        if bad:
            kinds: dict[str, int] = {}
            for r in bad:
                kinds[r["status"]] = kinds.get(r["status"], 0) + 1
            ex = bad[0]
            out.append(f"- **{t}**: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
                       + f" — e.g. `{ex['id']}`: {str(ex.get('err', ''))[:160]}")
    return out or ["- none"]


def _speed(sp: dict[str, Any]) -> list[str]:
    if "error" in sp:
        return [f"Speed run failed: {sp['error']}", ""]
    out: list[str] = []
    s = sp.get("speed")
    if s:
        out.append(f"Same {s['pages']}-page PDF for every tool (corpus PDFs concatenated with qpdf), "
                   "a fresh process per run; tools under 30 s run three times, taking turns, and "
                   "keep their fastest run. pages/s excludes interpreter start-up and imports "
                   "(wall includes them). Peak RSS: VmHWM of the tool's process (not ru_maxrss, which "
                   "Linux inflates with the parent's peak across fork+exec).")
        out.append("")
        body = []
        for t, v in s["tools"].items():
            body.append([t, _pps(v),
                         f"{v['secs']:.1f}", f"{v['wall']:.1f}",
                         f"{v['rss_mb']:.0f}" if v["rss_mb"] else "–",
                         _ratio(s["vs_pypdfium2"].get(t)), _ratio(s["vs_pdfminer"].get(t))])
        out += _table(["tool", "pages/s", "extract s", "wall s", "peak RSS MB",
                       "× pypdfium2", "× pdfminer.six"], body)
    m = sp.get("memory")
    if m:
        out.append(f"Memory run: {m['pages']} pages.")
        out.append("")
        body = [[t, f"{v['rss_mb']:.0f}" if v["rss_mb"] else "–", _pps(v)]
                for t, v in m["tools"].items()]
        body += [[t, "skipped", why] for t, why in m.get("skipped", {}).items()]
        out += _table(["tool", "peak RSS MB", "pages/s"], body)
    return out


def _recovery_cost(rc: dict[str, Any]) -> list[str]:
    if "error" in rc:
        return [f"Recovery cost run failed: {rc['error']}", ""]
    out = ["warraq with font recovery against `recover=False`, in one process, the two settings "
           "taking turns run by run, fastest process (CPU) time of seven runs each, on every second corpus PDF "
           "(bench/recovery_cost.py). *Clean fonts*: files whose every page is judged clean, so "
           "recovery only diagnoses their fonts; *born-digital*: all of them (some fonts have small "
           "mapping faults that recovery fixes); *no-tounicode*: the same files without ToUnicode.", ""]
    body = [[k, f"{v['files']:.0f}", f"{v['off']:.2f}", f"{v['on']:.2f}", f"+{v['added']:.1f} %",
             f"{v['vs_intact']:+.1f} %" if "vs_intact" in v else "–"] for k, v in rc.items()]
    return out + _table(["files", "n", "without recovery s", "with recovery s", "added",
                         "against the twins with ToUnicode"], body) + [
        "Without recovery a ToUnicode-less file comes out as U+FFFD, which is cheaper to lay out "
        "than text; the last column compares the recovered file with the same document whose "
        "ToUnicode is intact.", ""]


def _pps(v: dict[str, Any]) -> str:
    if v.get("pages_per_s"):
        return f"{v['pages_per_s']:.1f}"
    if v.get("below"):
        return f"< {v['below']:.1f} (timeout)"
    return str(v.get("status"))


def _ratio(v: float | None) -> str:
    return f"{v:.2f}" if v else "–"


def _other_fonts(of: dict[str, Any], tools: list[str]) -> list[str]:
    if "error" in of:
        return [f"Not run: {of['error']}", ""]
    rows = of["rows"]
    nastaliq = [r for r in rows if r["font"] == "Noto Nastaliq Urdu"]
    out = [f"The held-out texts (bench/heldout) set in fonts the main corpus does not use, by the same "
           f"producers: {of['corpus']}. Noto Nastaliq Urdu is a cascading script: a word's letters climb "
           "from its baseline and words overlap, so lines and spaces are not where they are in other fonts.",
           "", "CER % per font: median / worst.", ""]
    out += _matrix(rows, tools, "font", "mw")
    out += ["Noto Nastaliq Urdu, CER % per producer: median / worst.", ""]
    return out + _matrix(nastaliq, tools, "producer", "mw")


def _pairings(pr: dict[str, Any], tools: list[str]) -> list[str]:
    if "error" in pr:
        return [f"Not run: {pr['error']}", ""]
    rows = pr["rows"]
    out = [f"The held-out texts (bench/heldout) with every producer, every main font and every layout "
           f"a text fits, where the main corpus pairs each text with two: {pr['corpus']}.", "",
           "CER % per layout: median / worst.", ""]
    out += _matrix(rows, tools, "layout", "mw")
    out += ["CER % per producer: median / worst.", ""]
    return out + _matrix(rows, tools, "producer", "mw")


def _rewritten(rw: dict[str, Any], tools: list[str]) -> list[str]:
    if "error" in rw:
        return [f"Not run: {rw['error']}", ""]
    rows = rw["rows"]
    out = ["The pairings side corpus rewritten or reshaped after it was made (bench/rewrite.py): "
           "rewritten as printing a PDF to a file or compressing it does, by cairo (`pdftocairo -pdf`) "
           "and Ghostscript (`gs -sDEVICE=pdfwrite`), which re-subset the fonts and write a ToUnicode "
           "of their own; shown upside down (/Rotate 180); set sideways by the drawing matrix; with a "
           f"diagonal watermark laid over it (`qpdf --overlay`), which the truth leaves out: {rw['corpus']}.",
           "", "CER % per rewriter: median / mean / worst.", ""]
    out += _matrix(rows, tools, "damage", "mmw")
    for name in ("cairo", "ghostscript"):
        out += [f"{name}, CER % per original producer: median / worst.", ""]
        out += _matrix([r for r in rows if r.get("damage") == name], tools, "producer", "mw")
    return out


def _realworld(rw: dict[str, Any]) -> list[str]:
    if "error" in rw:
        return [f"Real-world run: {rw['error']}", ""]
    tools, files = rw["tools"], rw["files"]
    refs = ", ".join(rw.get("references", []))
    out = [f"{len(files)} PDFs from `{rw['dir']}/pdfs` made by tools outside this project. There "
           "is no exact truth: the first table sums the diagnostic counters; the second gives, per "
           "file, each tool's median CER measured against the outputs of the reference tools "
           f"({refs}; never itself). High = it disagrees with the field; low is not proof of "
           "being right.", ""]
    keys = ["presentation_forms", "bidi_controls", "pua", "replacement", "tatweel"]
    body = []
    for t in tools:
        tot = {k: sum(f["diag"][t].get(k, 0) for f in files.values()) for k in keys}
        fails = sum(1 for f in files.values() if f["status"][t] != "ok")
        dis = [f["disagreement"][t] for f in files.values() if f["disagreement"].get(t) is not None]
        med = sorted(dis)[len(dis) // 2] if dis else None
        body.append([t] + [str(int(tot[k])) for k in keys] + [str(fails), pct(med)])
    out += _table(["tool", "presentation forms", "bidi controls", "PUA", "U+FFFD / (cid:N)",
                   "tatweel", "failed files", "median disagreement %"], body)
    body = [[name] + [pct(f["disagreement"].get(t)) + ("" if f["status"][t] == "ok" else " ✗")
                      for t in tools] for name, f in files.items()]
    out += ["Disagreement per file (CER % vs the other tools' outputs, median):", ""]
    out += _table(["file"] + tools, body)
    exp = {n: f for n, f in files.items() if "expected" in f}
    if exp:
        out += ["Against the expected texts of `expected/` (full CER / letters-only CER, %; see "
                "realworld/SOURCES.md for how trustworthy each is):", ""]
        body = [[n] + [f"{pct(f['expected'][t]['cer'])} / {pct(f['expected'][t]['letters_cer'])}"
                       for t in tools] for n, f in exp.items()]
        out += _table(["file"] + tools, body)
    chk = {n: f for n, f in files.items() if "checks" in f}
    if chk:
        out += ["Strings asserted by upstream test suites (passed / total):", ""]
        body = [[n] + [f"{f['checks'][t]}/{f['checks_total']}" for t in tools]
                for n, f in chk.items()]
        out += _table(["file"] + tools, body)
        if "indesign-egypt-gazette-law" in chk:
            out += ["", "warraq's plain text leaves running headers out of the body by design (they stay in "
                    "its JSON with role `header`); the gazette's \"العدد\" appears only in its running header."]
    return out


def _repair(rp: dict[str, Any]) -> list[str]:
    if not rp:
        return ["Not run.", ""]
    if "error" in rp:
        return [f"Repair evaluation not available: {rp['error']}", ""]
    out = ["Median CER % before repair and after each repairer (bench/repair_eval.py). Simulated: "
           "the damage simulator (bench/textdamage.py) on the truths, several seeds. Real: the "
           "actual outputs of the general extractors on the corpus.", ""]
    peers = rp.get("peers", {})
    who = list(peers) or ["warraq"]
    for table, rows in rp.get("tables", {}).items():
        if not rows:
            continue
        out.append(f"**{table}**")
        out.append("")
        body = [[k, str(r.get("n", "")), pct(r.get("cer_before_median"))]
                + [pct(r.get(f"{w}_median")) for w in who] for k, r in rows.items()]
        out += _table(["input", "n", "before"] + who, body)
    if "clean_unchanged" in rp:
        out.append("Clean text returned byte-identical (share of lines): " + ", ".join(
            f"{k} {('–' if v is None else f'{v * 100:.1f} %')}"
            for k, v in rp["clean_unchanged"].items()))
    if "warraq_lines_per_s" in rp:
        out.append(f"\nwarraq repair speed: {rp['warraq_lines_per_s']} lines/s (every input above, CPU time, "
                   "fastest of three passes, each in a fresh process with the word model loaded first).")
    bad = {k: v for k, v in peers.items() if v != "ok"}
    if bad:
        out.append("\nRepair peers not measured: " + "; ".join(f"{k}: {v}" for k, v in bad.items()))
    return out + [""]


SCORING = """CER is the Levenshtein distance between the tool's output and the truth, divided by the
truth's length, after the same normalisation of both: NFC, Arabic presentation forms (U+FB50–FDFF,
U+FE70–FEFE) folded *per character* to the base letters of that character's own decomposition
(U+FEFB → لا, U+FDF2 → الله; isolated/medial harakat forms → the bare mark), NFC again, and every
whitespace run collapsed to one space. NFKC is never applied to the whole text, so ligatures such
as "ﬁ", superscripts and full-width forms count as errors. Bidi controls, tatweel, private-use
characters and U+FFFD are *not* removed before scoring: in a logical-order text they are errors,
and they are also counted separately. WER is the same on whitespace-separated words. Per file,
CER and WER are capped at 100 % (no output can score worse than an empty one). A tool that
crashes or times out on a PDF is scored as an empty output (CER 100 %) and marked ✗.
Diagnostics: *reversed words/numbers* are output words (Arabic) or digit runs (2+) that are not in
the truth but whose reverse is; *excess tatweel* is U+0640 beyond the truth's own (e.g. "هـ");
*interleaved lines* are output lines whose word pairs come from two truth blocks that are not
neighbours (two columns merged line by line)."""


def render(res: dict[str, Any]) -> str:
    """The whole Markdown report."""
    meta, tools = res["meta"], res["tools"]
    rows = res["rows"]
    base = [r for r in rows if not r.get("damage")]
    dmg = [r for r in rows if r.get("damage")]
    L = ["# Benchmarks", "",
         "<!-- Generated by bench/report.py from a bench run. Do not edit by hand. -->", "",
         f"- Date: {meta['date']}", f"- Machine: {meta['machine']}",
         f"- Command: `{meta['command']}` ({meta['mode']} mode, {meta['seconds']:.0f} s)",
         f"- Corpus: {meta['corpus']}", ""]
    L += ["## Headline: median CER per producer (born-digital corpus)", ""] + _headline(base, tools)
    L += ["", "## Tools and versions", ""]
    secs = {t: sum(r.get("secs", 0.0) for r in rows if r["tool"] == t) for t in tools}
    L += _table(["tool", "version", "how it is called", "extraction s, whole corpus"],
                [[t, res["versions"].get(t, "?"), res.get("notes", {}).get(t, ""),
                  f"{secs[t]:.0f}"] for t in tools])
    L += ["## Born-digital corpus", "", "CER % per producer: median / mean / worst.", ""]
    L += _matrix(base, tools, "producer", "mmw")
    L += ["CER % per font: median / worst.", ""] + _matrix(base, tools, "font", "mw")
    L += ["CER % per layout: median / worst.", ""] + _matrix(base, tools, "layout", "mw")
    L += ["CER % per feature (a PDF counts under each feature of its text): median.", ""]
    L += _matrix(base, tools, "features", "median")
    L += ["WER % per producer: median.", ""]
    L += _matrix([{**r, "cer": r["wer"]} for r in base], tools, "producer", "median")
    L += ["## Damaged variants", ""]
    if not dmg:
        L += ["No damaged variants in this run (bench/damage.py missing or failed: "
              f"{meta.get('damage_note', '')}).", ""]
    for kind in _groups(dmg, "damage"):
        sub = [r for r in dmg if r["damage"] == kind]
        L += [f"**{kind}** — CER % per producer: median / worst.", ""]
        L += _matrix(sub, tools, "producer", "mw")
    L += ["## Diagnostics (born-digital corpus, totals over all PDFs)", ""] + _diag(base, tools)
    if dmg:
        L += ["Diagnostics on the damaged variants:", ""] + _diag(dmg, tools)
    L += ["Failures (crash, timeout, error, unavailable):", ""] + _failures(rows, tools) + [""]
    L += ["## Speed and memory", ""] + _speed(res.get("speed") or {"error": "not run"})
    if res.get("recovery_cost"):
        L += ["### Cost of font recovery", ""] + _recovery_cost(res["recovery_cost"])
    if res.get("other_fonts"):
        L += ["## Other fonts (side corpus)", ""] + _other_fonts(res["other_fonts"], tools)
    if res.get("pairings"):
        L += ["## Every producer, font and layout (side corpus)", ""] + _pairings(res["pairings"], tools)
    if res.get("rewritten"):
        L += ["## Rewritten, turned and watermarked (side corpus)", ""] + _rewritten(res["rewritten"], tools)
    L += ["## Real-world PDFs", ""] + _realworld(res.get("realworld") or {"error": "not run"})
    L += ["## Repair", ""] + _repair(res.get("repair") or {})
    L += ["## How scores are computed", "", SCORING, ""]
    return "\n".join(L)

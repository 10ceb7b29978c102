"""Run the whole benchmark and write docs/benchmarks.md.

    python -m bench.run            # full: corpus + damaged variants, every tool, speed, memory,
                                   # real world, repair (~20 min on 2 cores once venvs exist)
    python -m bench.run --quick    # representative subset (~2-3 min)
    python -m bench.run --smoke    # warraq + pypdfium2 on 3 fixture PDFs, no venvs/network;
                                   # report to a temp file (what CI runs); exit 1 if a tool failed

Options: --tools a,b  --out FILE  --timeout S  --no-speed --no-realworld --no-repair  --jobs N
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench import report
from bench.peers import SLOW_TOOLS, SMOKE_TOOLS, TOOLS, RunResult, run_tool, versions
from bench.score import score

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
CORPUS = CACHE / "corpus"
QUICK_CORPUS = CACHE / "corpus-quick"
FONTS_CORPUS = CACHE / "corpus-fonts"  # the held-out texts in other fonts
PAIRINGS_CORPUS = CACHE / "corpus-pairings"  # the held-out texts, every producer x font x layout
REWRITTEN_CORPUS = CACHE / "corpus-rewritten"  # the pairings corpus rewritten and reshaped (bench/rewrite.py)
FIXTURES = ROOT / "tests" / "fixtures"
SMOKE_PDFS = ("chromium-amiri-notice", "libreoffice-kacstbook-table", "legacy-amiri-notice")
DOC = ROOT / "docs" / "benchmarks.md"
REAL_OUTPUT_TOOLS = ("pdfminer.six", "pdfplumber", "pypdf", "pymupdf", "pdftotext")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---- corpus ----------------------------------------------------------------------------------

def load_manifest(mdir: Path, fallback: Path | None = None) -> list[dict[str, Any]]:
    """Entries of mdir/manifest.json with absolute pdf/truth paths (missing files dropped)."""
    entries = json.loads((mdir / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for e in entries:
        e = dict(e)
        for key in ("pdf", "truth"):
            p = Path(e[key])
            cands = [p] if p.is_absolute() else [mdir / p] + ([fallback / p] if fallback else [])
            e[key] = next((c for c in cands if c.exists()), cands[0])
        if e["pdf"].exists() and e["truth"].exists():
            out.append(e)
    return out


def fixture_entries(names: tuple[str, ...] = SMOKE_PDFS) -> list[dict[str, Any]]:
    """Manifest-like entries for fixture PDFs named producer-font-slug."""
    out: list[dict[str, Any]] = []
    for n in names:
        prod, font, *rest = n.split("-")
        out.append({"id": n, "pdf": FIXTURES / f"{n}.pdf", "truth": FIXTURES / f"{n}.txt",
                    "producer": prod, "font": font, "layout": "-".join(rest) or "single",
                    "features": [], "damage": None, "pages": 1})
    return [e for e in out if e["pdf"].exists() and e["truth"].exists()]


def quick_subset(entries: list[dict[str, Any]], limit: int = 10) -> list[dict[str, Any]]:
    """A small subset covering every producer, font and layout (greedy, short PDFs first)."""
    pool = sorted(entries, key=lambda e: (e.get("pages", 1), e["id"]))
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []

    def keys(e: dict[str, Any]) -> set[tuple[str, str]]:
        return {("producer", str(e.get("producer"))), ("font", str(e.get("font"))),
                ("layout", str(e.get("layout"))),
                ("pl", f"{e.get('producer')}/{e.get('layout')}")}

    while pool and len(out) < limit:
        best = max(pool, key=lambda e: len(keys(e) - seen))  # first of the best: shortest
        out.append(best)
        pool.remove(best)
        seen |= keys(best)
    return sorted(out, key=lambda e: e["id"])


def get_corpus(quick: bool) -> tuple[list[dict[str, Any]], Path]:
    """The corpus entries (building the corpus if missing) and its directory."""
    if (CORPUS / "manifest.json").exists():
        entries = load_manifest(CORPUS)
        return (quick_subset(entries) if quick else entries), CORPUS
    target = QUICK_CORPUS if quick else CORPUS
    if not (target / "manifest.json").exists():
        log(f"building the corpus into {target} ...")
        from bench.corpus.build import build

        build(target, ROOT / "bench" / "texts", quick)
    return load_manifest(target), target


def get_damaged(cdir: Path, base: list[dict[str, Any]],
                limit: int | None = None) -> tuple[list[dict[str, Any]], str]:
    """Damaged variants of the base entries (of at most `limit` of them), made by bench/damage.py."""
    ddir = cdir / "damaged"
    note = ""
    dm, cm = ddir / "manifest.json", cdir / "manifest.json"
    if not dm.exists() or dm.stat().st_mtime < cm.stat().st_mtime:  # missing or stale
        try:
            import bench.damage as damage
        except ImportError:
            return [], "bench/damage.py not present"
        try:
            _call_damage(damage, cdir, ddir)
        except Exception as exc:  # the damage module belongs to someone else: stay defensive
            return [], f"bench.damage failed: {type(exc).__name__}: {str(exc)[:200]}"
    if not (ddir / "manifest.json").exists():
        return [], note or "bench.damage wrote no damaged/manifest.json"
    ids = {e["id"] for e in base}
    if limit and len(ids) > limit:  # every k-th base (ids sort by producer: all stay covered)
        k = -(-len(ids) // limit)
        ids = set(sorted(ids)[::k])
    out = []
    for e in load_manifest(ddir, fallback=cdir):
        src = e.get("source") or e.get("base") or str(e["id"]).rsplit("--", 1)[0]
        if src in ids or any(str(e["id"]).startswith(i) for i in ids):
            out.append(e)
    return out, note


def _call_damage(damage: Any, cdir: Path, ddir: Path) -> None:
    """Call the damage module's builder, whatever its entry point is named."""
    for name in ("build", "build_damaged", "make_damaged", "damage_corpus"):
        fn = getattr(damage, name, None)
        if callable(fn):
            log(f"making damaged variants with bench.damage.{name} ...")
            fn(cdir)
            return
    if callable(getattr(damage, "main", None)):
        damage.main([str(cdir)])
        return
    raise RuntimeError("bench.damage has no build()/main() entry point")


# ---- running and scoring ---------------------------------------------------------------------

def run_tools(tools: list[str], pdfs: list[Path], out: Path, timeout: float, use_venv: bool,
              jobs: int) -> dict[str, RunResult]:
    """Each tool over all PDFs (tools in parallel, `jobs` at a time)."""
    def one(name: str) -> RunResult:
        t0 = time.monotonic()
        r = run_tool(TOOLS[name], pdfs, out / name, timeout=timeout, use_venv=use_venv)
        bad = sum(1 for i in r.items.values() if i.status != "ok")
        log(f"{name}: {len(pdfs)} PDFs in {time.monotonic() - t0:.0f} s, {bad} not ok"
            + (f" ({r.error[:100]})" if r.error else ""))
        return r

    order = sorted(tools, key=lambda t: t not in SLOW_TOOLS)  # long poles start first
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
        done = dict(zip(order, ex.map(one, order)))
    return {t: done[t] for t in tools}


def score_rows(entries: list[dict[str, Any]], results: dict[str, RunResult],
               outdir: Path) -> list[dict[str, Any]]:
    """One score row per tool × PDF."""
    rows = []
    for e in entries:
        truth = Path(e["truth"]).read_text(encoding="utf-8")
        for tool, rr in results.items():
            it = rr.items.get(str(e["pdf"]))
            text = it.out.read_text(encoding="utf-8", errors="replace") if it and it.out else None
            rows.append({
                "tool": tool, "id": e["id"], "producer": e.get("producer", "?"),
                "font": e.get("font", "?"), "layout": e.get("layout", "?"),
                "features": list(e.get("features") or []), "damage": e.get("damage"),
                "pages": e.get("pages", 1), "status": it.status if it else "missing",
                "err": it.err if it else "", "secs": it.secs if it else 0.0,
                **score(text, truth),
            })
    return rows


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines()
                   if x.startswith("MemTotal"))
        ram = f"{mem / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        ram = "? RAM"
    return (f"{cpu}, {len(os.sched_getaffinity(0))} usable cores ({os.cpu_count()} total), {ram}, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


# ---- main ------------------------------------------------------------------------------------

def parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--tools", default="", help="comma-separated subset of: " + ", ".join(TOOLS))
    ap.add_argument("--out", type=Path, default=None, help="report path (default docs/benchmarks.md)")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per PDF per tool (60; 30 with --quick)")
    ap.add_argument("--jobs", type=int, default=2, help="tools run in parallel")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-realworld", action="store_true")
    ap.add_argument("--no-fonts", action="store_true", help="skip the side corpora (other fonts, every pairing)")
    ap.add_argument("--no-repair", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the tools' outputs (temp dir)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    t_start = time.monotonic()
    load0 = os.getloadavg()[0]
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    use_venv = not args.smoke
    if args.timeout is None:
        args.timeout = 30.0 if args.quick else 60.0
    tools = [t for t in (args.tools.split(",") if args.tools else
                         (SMOKE_TOOLS if args.smoke else TOOLS)) if t]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        print(f"bench: unknown tool(s) {', '.join(unknown)}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix=f"bench-{mode}-"))
    timings: dict[str, float] = {}

    t0 = time.monotonic()
    if args.smoke:
        entries, cdir, damage_note = fixture_entries(), FIXTURES, "not in smoke mode"
    else:
        entries, cdir = get_corpus(args.quick)
        damaged, damage_note = get_damaged(cdir, entries, None if args.quick else 40)
        entries = entries + damaged
    timings["corpus"] = time.monotonic() - t0
    if not entries:
        print("bench: empty corpus", file=sys.stderr)
        return 1
    log(f"{mode}: {len(entries)} PDFs ({sum(1 for e in entries if e.get('damage'))} damaged), "
        f"tools: {', '.join(tools)}")

    t0 = time.monotonic()
    results = run_tools(tools, [Path(e["pdf"]) for e in entries], work / "out", args.timeout,
                        use_venv, args.jobs)
    timings["extract"] = time.monotonic() - t0
    t0 = time.monotonic()
    rows = score_rows(entries, results, work / "out")
    timings["score"] = time.monotonic() - t0

    res: dict[str, Any] = {"tools": tools, "rows": rows,
                           "versions": versions([TOOLS[t] for t in tools], use_venv),
                           "notes": {t: TOOLS[t].note for t in tools}}
    base = [e for e in entries if not e.get("damage")]
    if not args.no_speed:
        res["speed"] = _speed(mode, base, tools, work, use_venv, timings)
    if not args.no_speed and mode == "full":
        res["recovery_cost"] = _recovery_cost(timings)
    if mode == "full" and not args.no_fonts:
        res["other_fonts"] = _side_corpus("other fonts", FONTS_CORPUS, tools, work, args.timeout, use_venv,
                                          args.jobs, timings)
        res["pairings"] = _side_corpus("pairings", PAIRINGS_CORPUS, tools, work, args.timeout, use_venv,
                                       args.jobs, timings)
        res["rewritten"] = _side_corpus("rewritten", REWRITTEN_CORPUS, tools, work, args.timeout, use_venv,
                                        args.jobs, timings)
    if not args.no_realworld and not args.smoke:
        res["realworld"] = _realworld(mode, tools, work, args.timeout, use_venv, args.jobs,
                                      timings)
    if not args.no_repair and not args.smoke:
        res["repair"] = _repair(base, results, work, mode, timings)

    corpus_desc = (f"{len(base)} born-digital PDFs + {len(entries) - len(base)} damaged variants "
                   f"from `{cdir.relative_to(ROOT) if cdir.is_relative_to(ROOT) else cdir}`")
    cmd = "python -m bench.run" + {"full": "", "quick": " --quick", "smoke": " --smoke"}[mode]
    if args.tools:
        cmd += f" --tools {shlex.quote(args.tools)}"
    res["meta"] = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                   "machine": machine() + f"; load average {load0:.1f} at start, "
                   f"{os.getloadavg()[0]:.1f} at end", "command": cmd, "mode": mode, "corpus": corpus_desc,
                   "seconds": time.monotonic() - t_start, "timings": timings,
                   "damage_note": damage_note}
    out = args.out or (Path(tempfile.mkstemp(prefix="benchmarks-smoke-", suffix=".md")[1])
                       if args.smoke else DOC)
    (CACHE / "results").mkdir(parents=True, exist_ok=True)
    (CACHE / "results" / f"{mode}.json").write_text(
        json.dumps(res, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    out.write_text(report.render(res), encoding="utf-8")
    log(f"report written to {out} ({time.monotonic() - t_start:.0f} s; "
        + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()) + ")")
    print(out)
    if args.keep:
        log(f"outputs kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    if args.smoke:
        bad = [r for r in rows if r["status"] != "ok"]
        for r in bad:
            print(f"bench smoke: {r['tool']} {r['status']} on {r['id']}: {r['err']}",
                  file=sys.stderr)
        return 1 if bad else 0
    return 0


def _speed(mode: str, base: list[dict[str, Any]], tools: list[str], work: Path, use_venv: bool,
           timings: dict[str, float]) -> dict[str, Any]:
    t0 = time.monotonic()
    pages, mem, timeout = {"full": (200, 500, 150.0), "quick": (30, 0, 40.0),
                           "smoke": (10, 0, 60.0)}[mode]
    pdfs = [Path(e["pdf"]) for e in sorted(base, key=lambda e: e["id"])]
    try:
        from bench import speed

        log(f"speed run ({pages} pages" + (f", memory {mem} pages)" if mem else ")"))
        return speed.run(pdfs, work / "speed", tools, pages=pages, mem_pages=mem,
                         timeout=timeout, use_venv=use_venv)
    except Exception as exc:  # qpdf missing etc.: the rest of the report still stands
        return {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        timings["speed"] = time.monotonic() - t0


def _recovery_cost(timings: dict[str, float]) -> dict[str, Any]:
    """bench.recovery_cost in a fresh process: warraq with and without font recovery."""
    t0 = time.monotonic()
    log("font recovery cost")
    try:
        out = subprocess.run([sys.executable, "-m", "bench.recovery_cost", "--every", "2", "--json"],
                             capture_output=True, text=True, timeout=1800, cwd=ROOT)
        found: dict[str, Any] = json.loads(out.stdout)
        return found
    except Exception as exc:  # its absence leaves the rest of the report standing
        return {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        timings["recovery_cost"] = time.monotonic() - t0


def _side_corpus(name: str, folder: Path, tools: list[str], work: Path, timeout: float, use_venv: bool,
                 jobs: int, timings: dict[str, float]) -> dict[str, Any]:
    """Every tool on a side corpus of the held-out texts (bench/heldout), built once into
    `folder`: "other fonts", the fonts the main corpus does not use (corpus/fonts.py
    OTHER_FONTS); "pairings", every producer with every main font and layout (plan.combos);
    "rewritten", the pairings rewritten by cairo and Ghostscript, turned and watermarked
    (bench/rewrite.py)."""
    t0 = time.monotonic()
    log(f"side corpus: {name}")
    try:
        if not (folder / "manifest.json").exists():
            from bench.corpus.build import build
            from bench.corpus.fonts import FONTS, OTHER_FONTS

            heldout = ROOT / "bench" / "heldout"
            if name == "rewritten":
                from bench.rewrite import rewrite

                if not (PAIRINGS_CORPUS / "manifest.json").exists():
                    build(PAIRINGS_CORPUS, heldout, False, FONTS, every_pairing=True)
                rewrite(PAIRINGS_CORPUS, folder)
            elif name == "pairings":
                build(folder, heldout, False, FONTS, every_pairing=True)
            else:
                build(folder, heldout, False, OTHER_FONTS)
        entries = load_manifest(folder)
        out = work / f"out-{name.replace(' ', '-')}"
        results = run_tools(tools, [Path(e["pdf"]) for e in entries], out, timeout, use_venv, jobs)
        return {"rows": score_rows(entries, results, out),
                "corpus": f"{len(entries)} PDFs from `{folder.relative_to(ROOT)}`"}
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        timings[name] = time.monotonic() - t0


def _realworld(mode: str, tools: list[str], work: Path, timeout: float, use_venv: bool,
               jobs: int, timings: dict[str, float]) -> dict[str, Any]:
    t0 = time.monotonic()
    log("real-world PDFs")
    try:
        from bench import realworld

        # warraq OCRs the pages of legacy-font magazines there, seconds per page: more time per file
        return realworld.run(tools, work / "realworld", timeout=max(timeout, 180.0), use_venv=use_venv,
                             jobs=jobs, limit=5 if mode == "quick" else None)
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        timings["realworld"] = time.monotonic() - t0


def _repair(base: list[dict[str, Any]], results: dict[str, RunResult], work: Path, mode: str,
            timings: dict[str, float]) -> dict[str, Any]:
    """Call bench.repair_eval.run(corpus_truths, real_outputs, out_dir) defensively."""
    t0 = time.monotonic()
    try:
        from bench import repair_eval
    except Exception as exc:  # missing, or broken while someone edits it
        return {"error": f"bench/repair_eval.py not importable: {exc}"}
    log("repair evaluation")
    # One document per source text (producers cycled): the truths of one text rendered by several
    # producers are near-identical, so more would only repeat the simulated cases.
    by_text: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(base, key=lambda e: e["id"]):
        by_text.setdefault(str(e.get("text") or e["id"]), []).append(e)
    prods = sorted({str(e.get("producer")) for e in base})
    per_text = {}
    for k, (key, lst) in enumerate(sorted(by_text.items())):
        want = prods[k % len(prods)]
        per_text[key] = next((e for e in lst if e.get("producer") == want), lst[0])
    sub = list(per_text.values())[: (None if mode == "full" else 4)]
    truths = {e["id"]: Path(e["truth"]).read_text(encoding="utf-8") for e in sub}
    real: dict[tuple[str, str], str] = {}
    for tool in REAL_OUTPUT_TOOLS:
        rr = results.get(tool)
        for e in sub if rr else []:
            it = rr.items.get(str(e["pdf"])) if rr else None
            if it and it.out:
                real[(tool, e["id"])] = it.out.read_text(encoding="utf-8", errors="replace")
    try:
        return repair_eval.run(truths, real, work / "repair")
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
    finally:
        timings["repair"] = time.monotonic() - t0


if __name__ == "__main__":
    sys.exit(main())

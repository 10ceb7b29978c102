"""Damaged variants of benchmark PDFs: the mapping defects real producers ship, made on purpose.

- strip_tounicode: every font loses its /ToUnicode (text must come from the font program);
- remap_to_pua: ToUnicode entries of digits and some letters point to U+E000... (the truth stays
  the original text);
- drop_actualtext: /ActualText removed from marked content and structure elements.

`python -m bench.damage [CORPUS_DIR]` builds CORPUS_DIR/damaged/ from CORPUS_DIR/manifest.json.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any

import pikepdf

from warraq.fonts.tounicode import parse_tounicode

DAMAGES = ("no-tounicode", "pua-remap", "no-actualtext")
PUA_START = 0xE000
_DIGITS = set("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
              "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9")


def _fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every font dictionary in the file (pages, forms, annotations alike)."""
    out = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/Subtype" in obj:
            out.append(obj)
    return out


def strip_tounicode(src: str | Path, dst: str | Path) -> int:
    """Remove /ToUnicode from every font; returns how many fonts lost one."""
    with pikepdf.open(src) as pdf:
        n = 0
        for font in _fonts(pdf):
            if "/ToUnicode" in font:
                del font["/ToUnicode"]
                n += 1
        pdf.save(dst)
    return n


def _cmap_stream(pdf: pikepdf.Pdf, mapping: dict[int, str], width: int) -> pikepdf.Stream:
    """A ToUnicode CMap with one bfchar per code (chunks of 100, as the spec limits)."""
    lo, hi = "0" * (2 * width), "F" * (2 * width)
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", f"<{lo}> <{hi}>", "endcodespacerange"]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for code, text in chunk:
            lines.append(f"<{code:0{2 * width}X}> <{text.encode('utf-16-be').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return pikepdf.Stream(pdf, "\n".join(lines).encode("ascii"))


def remap_to_pua(src: str | Path, dst: str | Path, *, seed: int, letters: bool = True,
                 letter_share: float = 0.35) -> int:
    """Point ToUnicode entries of all digits and (if `letters`) some Arabic letter glyphs to PUA.

    Each font gets its own PUA run from U+E000, as font tools do. Returns how many codes moved.
    """
    rng = random.Random(seed)
    moved = 0
    with pikepdf.open(src) as pdf:
        for font in _fonts(pdf):
            tu = font.get("/ToUnicode")
            if not isinstance(tu, pikepdf.Stream):
                continue
            mapping = parse_tounicode(tu.read_bytes())
            nxt = PUA_START
            for code in sorted(mapping):
                text = mapping[code]
                arabic_letter = any(0x0621 <= ord(c) <= 0x064A for c in text)
                if (text and all(c in _DIGITS for c in text)) or (
                        letters and arabic_letter and rng.random() < letter_share):
                    mapping[code] = chr(nxt)
                    nxt += 1
                    moved += 1
            width = 2 if font.get("/Subtype") == "/Type0" else 1
            font["/ToUnicode"] = _cmap_stream(pdf, mapping, width)
        pdf.save(dst)
    return moved


def _drop_in_content(pdf: pikepdf.Pdf, owner: Any) -> int:
    """Strip /ActualText from inline BDC property lists of one content stream owner."""
    ops = pikepdf.parse_content_stream(owner)
    n = 0
    out = []
    for instr in ops:
        operands, op = instr.operands, instr.operator
        if str(op) == "BDC" and len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary):
            if "/ActualText" in operands[1]:
                del operands[1]["/ActualText"]
                n += 1
        out.append((operands, op))
    if n:
        data = pikepdf.unparse_content_stream(out)
        if isinstance(owner, pikepdf.Page):
            owner.obj.Contents = pdf.make_stream(data)
        else:
            owner.write(data)
    return n


def drop_actualtext(src: str | Path, dst: str | Path) -> int:
    """Remove /ActualText everywhere; returns how many were removed."""
    with pikepdf.open(src) as pdf:
        n = 0
        for obj in pdf.objects:  # structure elements, named /Properties
            if isinstance(obj, pikepdf.Dictionary) and "/ActualText" in obj:
                del obj["/ActualText"]
                n += 1
        for page in pdf.pages:
            n += _drop_in_content(pdf, page)
            for xobj in (page.obj.get("/Resources", {}).get("/XObject") or {}).values():
                if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == "/Form":
                    n += _drop_in_content(pdf, xobj)
        pdf.save(dst)
    return n


def has_actualtext(path: str | Path) -> bool:
    """Does the file carry any /ActualText (so that dropping it changes something)?"""
    data = Path(path).read_bytes()
    if b"/ActualText" in data:
        return True
    with pikepdf.open(path) as pdf:
        return any(b"/ActualText" in p.obj.Contents.read_bytes() if isinstance(p.obj.get("/Contents"),
                   pikepdf.Stream) else False for p in pdf.pages)


AMIRI = Path("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf")


def sample_pdf(dst: str | Path, lines: list[str], font: str | Path = AMIRI, size: float = 18) -> Path:
    """A small shaped right-to-left PDF (fpdf2, HarfBuzz shaping): a clean base to damage."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=timezone.utc))  # same bytes every run
    pdf.add_page()
    pdf.add_font("base", fname=str(font))
    pdf.set_font("base", size=size)
    pdf.set_text_shaping(True, direction="rtl", script="arab")
    for line in lines:
        pdf.cell(w=0, h=size * 0.6, text=line, new_x="LMARGIN", new_y="NEXT", align="R")
    pdf.output(str(dst))
    return Path(dst)


def build_damaged(corpus_dir: str | Path, seed: int = 7) -> list[dict[str, Any]]:
    """Write corpus_dir/damaged/{pdf,truth}/ and its manifest.json from corpus_dir/manifest.json."""
    corpus = Path(corpus_dir)
    entries = json.loads((corpus / "manifest.json").read_text("utf-8"))
    out_dir = corpus / "damaged"
    (out_dir / "pdf").mkdir(parents=True, exist_ok=True)
    (out_dir / "truth").mkdir(parents=True, exist_ok=True)
    made: list[dict[str, Any]] = []
    for i, entry in enumerate(entries):
        if entry.get("damage"):
            continue
        src = corpus / entry["pdf"]
        for damage in DAMAGES:
            if damage == "no-actualtext" and not has_actualtext(src):
                continue  # would be a byte-for-byte copy of the clean variant
            did = f"{entry['id']}--{damage}"
            dst = out_dir / "pdf" / f"{did}.pdf"
            if damage == "no-tounicode":
                changed = strip_tounicode(src, dst)
            elif damage == "pua-remap":
                changed = remap_to_pua(src, dst, seed=seed + i)
            else:
                changed = drop_actualtext(src, dst)
            if not changed:
                dst.unlink(missing_ok=True)
                continue
            shutil.copyfile(corpus / entry["truth"], out_dir / "truth" / f"{did}.txt")
            made.append({**entry, "id": did, "pdf": f"pdf/{did}.pdf", "truth": f"truth/{did}.txt",
                         "damage": damage, "base": entry["id"]})
    (out_dir / "manifest.json").write_text(json.dumps(made, ensure_ascii=False, indent=1), "utf-8")
    return made


def measure(corpus_dir: str | Path) -> dict[str, dict[str, Any]]:
    """Per-glyph recovery accuracy per (damage, producer) over the damaged corpus, all pages."""
    corpus = Path(corpus_dir)
    damaged = json.loads((corpus / "damaged" / "manifest.json").read_text("utf-8"))
    base = {e["id"]: e for e in json.loads((corpus / "manifest.json").read_text("utf-8"))}
    table: dict[str, dict[str, Any]] = {}
    for entry in damaged:
        if entry["damage"] == "no-actualtext":
            continue
        clean = corpus / base[entry["base"]]["pdf"]
        for page in range(entry.get("pages", 1)):
            res = glyph_accuracy(clean, corpus / "damaged" / entry["pdf"], page)
            row = table.setdefault(f"{entry['damage']}/{entry['producer']}",
                                   {"right": {}, "wrong": {}, "total": 0, "seconds": 0.0, "files": set()})
            for key in ("right", "wrong"):
                for method, n in res[key].items():
                    row[key][method] = row[key].get(method, 0) + n
            row["total"] += res["total"]
            row["seconds"] += res["seconds"]
            row["files"].add(entry["id"])
            if res["accuracy"] < 0.98:
                print(f"  {entry['id']} p{page + 1}: {res['accuracy']:.3f} {res['examples'][:4]}", file=sys.stderr)
    for row in table.values():
        row["files"] = len(row["files"])
        row["accuracy"] = sum(row["right"].values()) / row["total"] if row["total"] else 1.0
    return table


def pdfium_chars(path: str | Path, page_index: int = 0,
                 programs: dict[str, bytes] | None = None) -> list[tuple[str, bool, str, tuple[float, float]]]:
    """(text, map error, font key, origin) of every drawn char of a page.

    The font key is the BaseFont as PDFium reports it; with `programs` given it is made unique
    per embedded program ("name#sha1") and `programs` maps each key to the program bytes.
    """
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(str(path))
    tp = doc[page_index].get_textpage()
    out = []
    x, y = ctypes.c_double(), ctypes.c_double()
    buf = ctypes.create_string_buffer(256)
    for i in range(c.FPDFText_CountChars(tp.raw)):
        obj = c.FPDFText_GetTextObject(tp.raw, i)
        if not obj or c.FPDFText_IsGenerated(tp.raw, i) == 1:
            continue
        font = c.FPDFTextObj_GetFont(obj)
        buf.value = b""
        c.FPDFFont_GetBaseFontName(font, buf, 256)
        key = buf.value.decode("utf-8", "replace")
        if programs is not None:
            size = ctypes.c_size_t()
            c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
            data = (ctypes.c_uint8 * size.value)()
            c.FPDFFont_GetFontData(font, data, size.value, ctypes.byref(size))
            blob = bytes(data)
            key = f"{key}#{hashlib.sha1(blob).hexdigest()[:12]}"
            programs[key] = blob
        c.FPDFText_GetCharOrigin(tp.raw, i, x, y)
        out.append((chr(c.FPDFText_GetUnicode(tp.raw, i)), c.FPDFText_HasUnicodeMapError(tp.raw, i) == 1,
                    key, (round(x.value, 1), round(y.value, 1))))
    doc.close()
    return out


def glyph_accuracy(clean: str | Path, damaged: str | Path, page_index: int = 0,
                   font_dirs: tuple[Path, ...] = ()) -> dict[str, Any]:
    """Per-glyph recovery on a damaged PDF against its clean twin (glyphs matched by origin).

    Returns counts per method of right and wrong glyphs, glyphs left unmapped, and the time
    the recovery took.
    """
    import time
    import unicodedata

    from warraq.fonts import FontDoctor

    def fold(s: str) -> str:
        return unicodedata.normalize("NFKC", s)

    truth: dict[tuple[float, float], str] = {}
    for text, _err, _font, origin in pdfium_chars(clean, page_index):
        truth[origin] = truth.get(origin, "") + text
    programs: dict[str, bytes] = {}
    chars = pdfium_chars(damaged, page_index, programs)
    t0 = time.perf_counter()
    with pikepdf.open(damaged) as pdf:
        doctor = FontDoctor(pdf, font_dirs=font_dirs)
        fonts = {k: f for k, blob in programs.items()
                 if (f := doctor.font_for(page_index, k.rsplit("#", 1)[0], partial(bytes, blob))) is not None}
        got_at: dict[tuple[float, float], tuple[str, str]] = {}
        for text, err, name, origin in chars:  # glyphs sharing an origin (base + mark) join up
            rec = fonts[name].resolve(text, err) if name in fonts and fonts[name].suspect else None
            got, method = (rec.text, rec.method) if rec is not None else (text, "tounicode")
            prev = got_at.get(origin)
            got_at[origin] = (prev[0] + got, prev[1]) if prev else (got, method)
        right: dict[str, int] = {}
        wrong: dict[str, int] = {}
        examples: list[str] = []
        for origin, (got, method) in got_at.items():
            want = truth.get(origin, "")
            if not want.strip():
                continue
            ok = sorted(fold(got)) == sorted(fold(want))  # PDFium may list a glyph's chars reversed
            (right if ok else wrong)[method] = (right if ok else wrong).get(method, 0) + 1
            if not ok and len(examples) < 8:
                examples.append(f"{want!r}->{got!r}({method})")
    elapsed = time.perf_counter() - t0
    total = sum(right.values()) + sum(wrong.values())
    return {"right": right, "wrong": wrong, "total": total,
            "accuracy": sum(right.values()) / total if total else 1.0,
            "seconds": elapsed, "examples": examples}


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = Path(args[0]) if args else Path(__file__).parent / ".cache" / "corpus"
    if "--measure" in sys.argv:
        for key, row in sorted(measure(root).items()):
            print(f"{key:28} files={row['files']:3} glyphs={row['total']:6} acc={row['accuracy']:.4f} "
                  f"t={row['seconds']:.1f}s right={row['right']} wrong={row['wrong']}")
    else:
        print(f"{len(build_damaged(root))} damaged PDFs in {root / 'damaged'}")

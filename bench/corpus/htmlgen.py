"""HTML for the Chromium and WeasyPrint producers (same markup, per-producer footnote styling)."""

from __future__ import annotations

from html import escape

from . import fonts
from .textfmt import HEADINGS, Block, Doc

# How footnotes are drawn: "end" = a notes list after the body (any page count),
# "float" = CSS GCPM float:footnote (WeasyPrint), "bottom" = pinned to the bottom of a one-page doc.
NOTE_MODES = ("end", "float", "bottom")


def _css_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _font_css(font: fonts.Font) -> str:
    reg, bold = fonts.regular_path(font), fonts.bold_path(font)
    fam = _css_string("W " + font.family)
    return (f"@font-face{{font-family:{fam};src:url(file://{reg});font-weight:normal}}\n"
            f"@font-face{{font-family:{fam};src:url(file://{bold});font-weight:bold}}\n")


def _inline(block: Block, note_mode: str, notes: dict[int, str], done: set[int]) -> str:
    """Inline text. In "float" mode each note floats once; a repeated marker is a plain <sup>."""
    out = []
    for r in block.runs:
        if isinstance(r, int):
            if note_mode == "float" and r not in done:
                done.add(r)
                out.append(f'<span class="fn">{escape(notes[r])}</span>')
            else:
                out.append(f"<sup>{r}</sup>")
        else:
            out.append(escape(r))
    return "".join(out)


def _block_html(b: Block, note_mode: str, notes: dict[int, str], done: set[int]) -> str:
    if b.kind in HEADINGS:
        return f"<{b.kind}>{_inline(b, note_mode, notes, done)}</{b.kind}>"
    if b.kind == "table":
        rows = []
        for i, row in enumerate(b.rows):
            tag = "th" if i == 0 else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{escape(c)}</{tag}>" for c in row) + "</tr>")
        return "<table>" + "".join(rows) + "</table>"
    if b.kind == "post":
        return '<div class="post">' + "".join(f"<p>{escape(ln)}</p>" for ln in b.lines) + "</div>"
    cls = ' class="li"' if b.kind in ("bullet", "numbered") else ""
    return f"<p{cls}>{_inline(b, note_mode, notes, done)}</p>"


def html_document(doc: Doc, font: fonts.Font, layout: str, note_mode: str = "end") -> str:
    """A complete HTML page. layout: single | two-column | table | footnotes | header-footer | multipage."""
    fam = f'{_css_string("W " + font.family)}, "{fonts.FALLBACK_FAMILY}"'
    pt, margin = (14.0, "1.5cm") if layout == "multipage" else (12.0, "2cm")
    size = f"{pt * font.scale:.1f}pt"
    page = "A5" if layout == "multipage" else "A4"
    css = [_font_css(font),
           f"@page{{size:{page};margin:{margin};",
           (f"@top-center{{content:{_css_string(doc.title)};font-family:{fam};font-size:9pt;color:#444}}"
            f"@bottom-center{{content:counter(page);font-family:{fam};font-size:9pt}}"
            if layout == "header-footer" else ""),
           "}",
           f"html,body{{margin:0;padding:0}} body{{font-family:{fam};font-size:{size};line-height:1.55;"
           "text-align:justify}",
           "h1{font-size:1.6em;margin:0 0 .4em} h2{font-size:1.25em;margin:.6em 0 .3em}"
           " h3{font-size:1.1em;margin:.5em 0 .25em}",
           "p{margin:0 0 .5em} p.li{margin:0 1.2em .2em 0}",
           "table{border-collapse:collapse;margin:.4em 0 .8em;width:100%;text-align:right}",
           "td,th{border:1px solid #555;padding:2px 6px;font-size:.92em}",
           ".post{border:1px solid #999;border-radius:6px;padding:6px 10px;margin:.4em 0 .8em;"
           "background:#f4f6f8} .post p{margin:0}",
           "sup{font-size:.7em;line-height:0}",
           ".notes{font-size:.85em;border-top:1px solid #666;padding-top:4px;margin-top:1em}",
           ".notes p{margin:0}"]
    if layout == "two-column":
        css.append(".main{column-count:2;column-gap:1cm;column-rule:1px solid #ccc}")
    if note_mode == "float":
        css.append(".fn{float:footnote;font-size:.85em;text-align:right}"
                   "::footnote-call{content:counter(footnote);font-size:.7em;vertical-align:super}"
                   "::footnote-marker{content:counter(footnote) ' '}"
                   "@page{@footnote{border-top:1px solid #666;padding-top:4px}}")
    if note_mode == "bottom":
        # fixed boxes repeat on every printed page: the build keeps this layout to one page
        css.append(".notes{position:fixed;bottom:0;left:0;right:0;margin:0}")
    done: set[int] = set()
    body = "\n".join(_block_html(b, note_mode, doc.notes, done) for b in doc.blocks)
    notes = ""
    if doc.notes and note_mode != "float":
        notes = '<div class="notes">' + "".join(
            f"<p>{n} {escape(doc.notes[n])}</p>" for n in sorted(doc.notes)) + "</div>"
    return ("<!doctype html>\n<html dir=\"rtl\" lang=\"ar\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(doc.title)}</title><style>\n" + "\n".join(css) + "\n</style></head>\n"
            f'<body><div class="main">\n{body}\n</div>{notes}</body></html>\n')

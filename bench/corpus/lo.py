"""Producer: LibreOffice Writer. A Flat ODT written here, converted headless to PDF in one batch.

Justified paragraphs with Arabic as the complex-script language get kashida justification.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from . import deps, fonts
from .textfmt import HEADINGS, Block, Doc

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def _pstyle(name: str, para: str = "", text: str = "", parent: str = "Body") -> str:
    return (f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="{parent}">'
            f'<style:paragraph-properties style:writing-mode="rl-tb" {para}/>'
            f"<style:text-properties {text}/></style:style>")


def _styles(font: fonts.Font, size: float) -> str:
    fam = quoteattr(f"'{font.family}'")
    big, mid, h3, small = size * 1.5, size * 1.2, round(size * 1.08, 1), size * 0.82
    return f"""<office:font-face-decls>
<style:font-face style:name="AR" svg:font-family={fam} style:font-pitch="variable"/>
<style:font-face style:name="LAT" svg:font-family="'{fonts.FALLBACK_FAMILY}'" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties style:writing-mode="rl-tb"/>
<style:text-properties style:font-name="LAT" fo:font-size="{size - 1}pt" fo:language="en" fo:country="US"
 style:font-name-complex="AR" style:font-size-complex="{size}pt" style:language-complex="ar"
 style:country-complex="EG"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
{_pstyle("Body", 'fo:text-align="justify" style:justify-single-word="false" fo:margin-bottom="0.18cm" '
         'fo:line-height="135%"', "", "Standard")}
{_pstyle("H1", 'fo:text-align="right" fo:margin-bottom="0.3cm" fo:keep-with-next="always"',
         f'fo:font-size="{big}pt" style:font-size-complex="{big}pt" fo:font-weight="bold" '
         'style:font-weight-complex="bold"')}
{_pstyle("H2", 'fo:text-align="right" fo:margin-top="0.2cm" fo:keep-with-next="always"',
         f'fo:font-size="{mid}pt" style:font-size-complex="{mid}pt" fo:font-weight="bold" '
         'style:font-weight-complex="bold"')}
{_pstyle("H3", 'fo:text-align="right" fo:margin-top="0.15cm" fo:keep-with-next="always"',
         f'fo:font-size="{h3}pt" style:font-size-complex="{h3}pt" fo:font-weight="bold" '
         'style:font-weight-complex="bold"')}
{_pstyle("Item", 'fo:margin-right="0.6cm" fo:margin-bottom="0.05cm"')}
{_pstyle("Post", 'fo:border="0.5pt solid #888888" fo:padding="0.15cm" fo:background-color="#f2f4f6" '
         'fo:margin-bottom="0cm" style:join-border="true"')}
{_pstyle("Cell", 'fo:text-align="right" fo:margin-bottom="0cm"')}
{_pstyle("Note", 'fo:margin-bottom="0cm"', f'fo:font-size="{small}pt" style:font-size-complex="{small}pt"')}
{_pstyle("Footnote", 'fo:margin-bottom="0cm" fo:text-align="right"',
         f'fo:font-size="{small}pt" style:font-size-complex="{small}pt"')}
{_pstyle("HF", 'fo:text-align="center"', 'fo:font-size="9pt" style:font-size-complex="9pt"')}
<style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
</office:styles>"""


def _auto_styles(layout: str, margin: str) -> str:
    pw, ph = ("14.8cm", "21cm") if layout == "multipage" else ("21cm", "29.7cm")
    hf = ('<style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.3cm"/>'
          '</style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" '
          'fo:margin-top="0.3cm"/></style:footer-style>') if layout == "header-footer" else ""
    return f"""<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}"
 fo:margin-top="{margin}" fo:margin-bottom="{margin}" fo:margin-left="{margin}" fo:margin-right="{margin}"
 style:writing-mode="rl-tb"><style:footnote-sep style:width="0.02cm" style:distance-before-sep="0.1cm"
 style:distance-after-sep="0.1cm" style:adjustment="right" style:rel-width="25%" style:color="#000000"/>
</style:page-layout-properties>{hf}</style:page-layout>
<style:style style:name="Sect2" style:family="section"><style:section-properties style:writing-mode="rl-tb">
<style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties table:align="margins"
 style:writing-mode="rl-tb" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="TC" style:family="table-cell"><style:table-cell-properties
 fo:border="0.5pt solid #000000" fo:padding="0.06cm"/></style:style>
</office:automatic-styles>"""


def _master(doc: Doc, layout: str) -> str:
    inner = ""
    if layout == "header-footer":
        inner = (f'<style:header><text:p text:style-name="HF">{escape(doc.title)}</text:p></style:header>'
                 '<style:footer><text:p text:style-name="HF"><text:page-number text:select-page="current">'
                 "1</text:page-number></text:p></style:footer>")
    return (f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">'
            f"{inner}</style:master-page></office:master-styles>")


def _inline(b: Block, doc: Doc, notes_done: set[int] | None) -> str:
    """Inline text; notes_done is None for plain superscript markers, else real notes are made
    once per number (LibreOffice numbers notes itself, so a repeated marker stays superscript)."""
    out = []
    for r in b.runs:
        if isinstance(r, int):
            if notes_done is not None and r not in notes_done:
                notes_done.add(r)
                # <text:s/>: a real space between the note number and its text
                out.append(f'<text:note text:id="ftn{r}" text:note-class="footnote"><text:note-citation>{r}'
                           f'</text:note-citation><text:note-body><text:p text:style-name="Footnote"><text:s/>'
                           f"{escape(doc.notes[r])}</text:p></text:note-body></text:note>")
            else:
                out.append(f'<text:span text:style-name="Sup">{r}</text:span>')
        else:
            out.append(escape(r))
    return "".join(out)


def _block(b: Block, doc: Doc, notes_done: set[int] | None) -> str:
    if b.kind in HEADINGS:
        return f'<text:p text:style-name="{b.kind.upper()}">{_inline(b, doc, notes_done)}</text:p>'
    if b.kind == "table":
        ncol = max(len(r) for r in b.rows)
        rows = "".join("<table:table-row>" + "".join(
            f'<table:table-cell table:style-name="TC" office:value-type="string"><text:p text:style-name="Cell">'
            f"{escape(row[i]) if i < len(row) else ''}</text:p></table:table-cell>" for i in range(ncol))
            + "</table:table-row>" for row in b.rows)
        return (f'<table:table table:name="T{id(b)}" table:style-name="Tbl">'
                f'<table:table-column table:number-columns-repeated="{ncol}"/>{rows}</table:table>')
    if b.kind == "post":
        return "".join(f'<text:p text:style-name="Post">{escape(ln)}</text:p>' for ln in b.lines)
    style = "Item" if b.kind in ("bullet", "numbered") else "Body"
    return f'<text:p text:style-name="{style}">{_inline(b, doc, notes_done)}</text:p>'


def fodt(doc: Doc, font: fonts.Font, layout: str) -> str:
    """The Flat ODT of one document. Footnotes are real text:note only in the footnotes layout."""
    size, margin = (14.0, "1.5cm") if layout == "multipage" else (12.0, "2cm")
    size = round(size * font.scale, 1)
    real = layout == "footnotes"
    done: set[int] | None = set() if real else None
    body = "".join(_block(b, doc, done) for b in doc.blocks)
    if layout == "two-column":
        body = f'<text:section text:style-name="Sect2" text:name="Cols">{body}</text:section>'
    if doc.notes and not real:
        body += "".join(f'<text:p text:style-name="Note">{n} {escape(doc.notes[n])}</text:p>'
                        for n in sorted(doc.notes))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f"{_styles(font, size)}{_auto_styles(layout, margin)}{_master(doc, layout)}"
            f"<office:body><office:text>{body}</office:text></office:body></office:document>\n")


def convert(sources: list[Path], outdir: Path) -> None:
    """Convert .fodt files to PDF in one soffice call with a private profile."""
    exe = deps.which(deps.NEEDS["libreoffice"][0][0])
    if exe is None:
        raise RuntimeError("soffice not found")
    if not sources:
        return
    prof = Path(tempfile.mkdtemp(prefix="warraq-lo-"))
    try:
        cmd = [exe, f"-env:UserInstallation={prof.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=60 + 20 * len(sources))
    finally:
        shutil.rmtree(prof, ignore_errors=True)


def render(doc: Doc, font: fonts.Font, layout: str, out: Path, workdir: Path) -> None:
    """Single-document path (the build batches instead)."""
    src = workdir / (out.stem + ".fodt")
    src.write_text(fodt(doc, font, layout), encoding="utf-8")
    convert([src], out.parent)

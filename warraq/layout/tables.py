"""Tables: runs of baseline rows whose short cells line up, with their wrapped header.

A row is a baseline with two or more short segments; consecutive rows belong to one table when
they share a gutter. Lines of a neighbouring column that sit level with the table do not end
it. Header cells often wrap onto several lines, each cell centred on its own baselines: the
lines above the table's first full row that each fit inside one column are stacked into that
column's header cell. Top-aligned cells leave the wrapped lines below a full header row, on
rows of their own (`_wrapped_below`).
"""

from __future__ import annotations

from statistics import median

from warraq.layout.lines import Segment
from warraq.pdf.rules import Across

#: Most characters a table cell has on one line; longer segments are lines of text.
_SHORT = 28

#: A cell: its lines top to bottom (one for most cells).
Cell = list[Segment]
Row = list[Cell]  # cells in visual order, left to right


def find_tables(segments: list[Segment], across: list[Across] | None = None) -> tuple[list[list[Row]], list[Segment]]:
    """The tables of a page (each a list of rows) and the segments outside them; a table drawn
    with a rule between its rows takes its rows from the rules (`across`)."""
    tables: list[list[list[Segment]]] = []
    run: list[list[Segment]] = []
    rows, merged = _rows(segments)
    if across:
        rows = [_inside_rules(row, across) for row in rows]
    above: list[Segment] = []
    for row in rows:
        is_cells = len(row) >= 2 and median(s.char_count for s in row) <= _SHORT
        if is_cells and not run and _ends_of_text(above, row):
            is_cells = False  # the last lines of paragraphs side by side, not a table's first row
        above = row
        if is_cells and run and _aligned(run[-1], row):
            run.append(row)
        elif run and not is_cells and _beside(run, row):
            continue  # a line of the next column, level with the table: not its end
        elif run and _within_columns(run, row):
            run.append(row)  # a wrapped cell line on a baseline of its own
        elif run and _columns_go_on(run, row):
            run = []  # titles atop columns of text (cards side by side), not a table
        else:
            _close(run, tables, merged)
            run = [row] if is_cells else []
    _close(run, tables, merged)
    used = {id(s) for t in tables for r in t for s in r}
    out: list[list[Row]] = []
    taken: set[int] = set()  # by an earlier table's ruled grid
    for t in tables:
        t = [kept for r in t if (kept := [s for s in r if id(s) not in taken])]
        if len(t) < 2:
            continue  # rows of the grid above, cut off by a row of long cells
        table = _with_header(t, [s for s in segments if id(s) not in used])
        if across:  # lines no earlier table took (its own are left out there)
            table = _ruled_rows(table, across, [s for s in segments if id(s) not in taken])
        used.update(id(s) for row in table for cell in row for s in cell)
        taken.update(id(s) for row in table for cell in row for s in cell)
        out.append(table)
    return out, [s for s in segments if id(s) not in used]


def _ends_of_text(above: list[Segment], row: list[Segment]) -> bool:
    """Does each segment of the row sit right under a line of text of its own (longer than any
    cell, over it)? Then each ends a paragraph of its column. (A table under a paragraph has
    all its cells under that paragraph's one line.)"""
    if not above or not _right_under(above, row):
        return False
    size = max(median(s.size for s in row), 1.0)
    over = [[k for k, t in enumerate(above) if t.char_count > _SHORT and t.x0 - size <= s.x0 and s.x1 <= t.x1 + size]
            for s in row]
    return all(len(ks) == 1 for ks in over) and len({ks[0] for ks in over}) == len(row)


def _inside_rules(row: list[Segment], across: list[Across]) -> list[Segment]:
    """A row's segments within the horizontal rules drawn just above or below it, where two or
    more are and others lie wholly outside them: those are lines of the next column that sit
    level with a ruled table's row."""
    size = median(s.size for s in row)
    y = median(s.baseline for s in row)
    for a in across:
        if abs(a.y - y) > 1.5 * size:
            continue
        inside = [s for s in row if a.left - 1 <= s.x0 and s.x1 <= a.right + 1]
        if len(inside) >= 2 and all(s.x1 < a.left or s.x0 > a.right for s in row if s not in inside):
            return inside if len(inside) < len(row) else row  # the row itself: `merged` knows it by id
    return row


def _ruled_rows(table: list[Row], across: list[Across], free: list[Segment]) -> list[Row]:
    """The table's rows as its horizontal rules part them: every line between two rules, in
    the table's columns, is in one row (a cell wrapped onto two lines beside a cell of one, set
    midway; rows below whose cells are too long to be taken for cells). Unchanged where fewer
    than three rules span the table, or where a line would cross a column boundary."""
    lines = [s for row in table for cell in row for s in cell]
    x0, x1 = min(s.x0 for s in lines), max(s.x1 for s in lines)
    size = median(s.size for s in lines)
    top, bottom = min(s.top for s in lines), max(s.bottom for s in lines)
    spanning = [a for a in across if abs(a.left - x0) < 4 * size and abs(a.right - x1) < 4 * size
                and a.left <= x0 + 1 and a.right >= x1 - 1 and top - 3 * size < a.y]
    grid = sorted({round(a.y, 1) for a in spanning})
    if len(grid) < 3 or len([y for y in grid if y < bottom + size]) < 2:
        return table
    width = max(len(r) for r in table)
    full = [r for r in table if len(r) == width and all(r)]
    spans = [(min(s.x0 for s in c), max(s.x1 for s in c)) for c in full[-1]] if full else []
    bounds = [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:])]
    own = {id(s) for s in lines}
    left, right = min((a.left for a in spanning), default=x0), max((a.right for a in spanning), default=x1)
    pool = lines + [s for s in free if id(s) not in own and s.x0 >= left - 1 and s.x1 <= right + 1]
    rows: list[Row] = []
    for a, b in zip(grid, grid[1:]):
        inside = sorted((s for s in pool if a < s.baseline < b), key=lambda s: s.baseline)
        if any(_column(s, bounds) is None for s in inside):
            if a > bottom:
                break  # text below the table's grid
            return table
        if not inside:
            if a > bottom:
                break
            continue
        row: Row = [[] for _ in range(width)]
        for s in inside:
            row[_column(s, bounds) or 0].append(s)
        rows.append(row)
    taken = {id(s) for row in rows for cell in row for s in cell}
    if not bounds or not all(id(s) in taken for s in lines):
        return table  # some of the table's own lines lie outside the rules: not its grid
    return rows


def _rows(segments: list[Segment]) -> tuple[list[list[Segment]], set[int]]:
    """Segments grouped by baseline, top to bottom, and the ids of the rows that took in a
    near-level one. Cells set in two fonts (Arabic words, and figures from a Latin font) may sit
    a point or two apart: a row of short cells takes in one within a fifth of the type size."""
    level: dict[float, list[Segment]] = {}
    for s in segments:
        level.setdefault(round(s.baseline, 1), []).append(s)
    rows: list[list[Segment]] = []
    merged: set[int] = set()
    for _, row in sorted(level.items()):
        if rows and _near_level(rows[-1], row):
            rows[-1].extend(row)
            merged.add(id(rows[-1]))
        else:
            rows.append(row)
    return rows, merged


def _near_level(above: list[Segment], row: list[Segment]) -> bool:
    """Are two rows of short cells, side by side and within a fifth of their type size of
    each other in baseline, one row of a table?"""
    size = max(median(s.size for s in above + row), 1.0)
    if row[0].baseline - above[0].baseline > 0.2 * size:
        return False
    if any(s.char_count > _SHORT for s in above + row):
        return False
    return all(a.x1 <= b.x0 or b.x1 <= a.x0 for a in above for b in row)


def _close(run: list[list[Segment]], tables: list[list[list[Segment]]], merged: set[int]) -> None:
    """Keep a finished run as a table, without the partial rows after its last full row."""
    width = max((len(r) for r in run), default=0)
    while run and len(run[-1]) < width:
        run.pop()
    # one full row among partial ones is a wide gap in a line of text (a justified line of a
    # narrow column), not a table; rows made of near-level lines must be more (two headings
    # of a bilingual page's columns sit as near)
    full = sum(len(r) == width for r in run)
    least = 3 if any(id(r) in merged for r in run) else 2
    if full >= least and width >= 2 and not _text_columns(run, width):
        tables.append(run)


def _text_columns(run: list[list[Segment]], width: int) -> bool:
    """Are the run's columns narrow columns of running text, level line for line (a newspaper's
    three columns)? All lines of every column but a paragraph's last are words filling the
    column's width, where a table has cells of a few words or figures in one column at least.
    A poem's half-lines fill their halves too, but centred: their ends wander, their middles
    do not."""
    full = [sorted(r, key=lambda s: s.x0) for r in run if len(r) == width]
    words = 4 if len(full) >= 3 else 5  # two rows tell less: a letter's addressee beside its date
    centred = True
    for k in range(width):
        column = [r[k] for r in full]
        lo, hi = min(s.x0 for s in column), max(s.x1 for s in column)
        filled = [s for s in column if s.x1 - s.x0 >= 0.8 * (hi - lo) and _word_gaps(s) >= words - 1]
        # a paragraph's short last line may end a column's run
        if not filled or len(column) - len(filled) > max(1.0, 0.3 * len(column)):
            return False
        tol = max(1.0, 0.1 * median(s.size for s in column))
        middles = [(s.x0 + s.x1) / 2 for s in column]
        centred = centred and len(column) >= 3 and max(middles) - min(middles) <= tol < min(
            max(s.x0 for s in column) - lo, hi - min(s.x1 for s in column))
    return not centred


def _word_gaps(s: Segment) -> int:
    return sum(1 for c in s.clusters if c.glyph.is_space)


def _within_columns(run: list[list[Segment]], row: list[Segment]) -> bool:
    """Is the row right under the table so far, each of its segments inside one column?"""
    if not _right_under(run[-1], row):
        return False
    if any(s.char_count > _SHORT for s in row):
        return False  # text lines of columns, not a cell's wrapped words
    size = max(median(s.size for s in row), 1.0)
    widest = run[0]
    for r in run:
        widest = r if len(r) > len(widest) else widest
    cells = sorted(widest, key=lambda s: s.x0)
    bounds = [(a.x1 + b.x0) / 2 for a, b in zip(cells, cells[1:])]
    return all(cells[0].x0 - size <= s.x0 and s.x1 <= cells[-1].x1 + size and _column(s, bounds) is not None
               for s in row)


def _columns_go_on(run: list[list[Segment]], row: list[Segment]) -> bool:
    """Is the row right under the run lines of text, one per column, over the run's gutter?"""
    if len(row) < 2 or not _right_under(run[-1], row):
        return False
    return all(s.char_count > _SHORT for s in row) and _aligned(run[-1], row)


def _right_under(above: list[Segment], row: list[Segment]) -> bool:
    """Does the row sit right under the one above: no more than one and a half lines apart?"""
    size = max(median(s.size for s in row), 1.0)
    return min(s.top for s in row) - max(s.bottom for s in above) <= 1.5 * size


def _with_header(run: list[list[Segment]], free: list[Segment]) -> list[Row]:
    """Rows of cells; partial rows and loose lines above the first full row become one header."""
    width = max(len(r) for r in run)
    first = next(k for k, r in enumerate(run) if len(r) == width)
    body = [[[s] for s in sorted(r, key=lambda s: s.x0)] for r in run[first:]]
    columns = [(c[0].x0, c[0].x1) for c in body[0]]
    bounds = [(columns[k - 1][1] + lo) / 2 for k, (lo, _) in enumerate(columns) if k]
    size = median(s.size for s in run[first])
    left, right = columns[0][0] - 4 * size, columns[-1][1] + 4 * size  # headers outgrow numbers
    top = min(s.top for s in run[first])
    _wrapped_below(body, bounds)
    lines = [s for r in run[:first] for s in r]
    # loose lines just above, inside the table's width, each within one column
    for s in sorted(free, key=lambda s: -s.bottom):
        if s.bottom > top + 1 or s.x1 < left or s.x0 > right:
            continue
        reach = min([t.top for t in lines] + [top])
        if s.bottom < reach - 1.5 * size or _column(s, bounds) is None or s.x0 < left or s.x1 > right:
            break
        if any(0 < s.baseline - t.baseline <= 2 * size and t.x0 < s.x1 and s.x0 < t.x1
               and _column(t, bounds) is None for t in free):
            break  # the last line of the paragraph above, not a header cell
        lines.append(s)
    # a header names at least two columns; lines over one column alone are text above the table
    if len({_column(s, bounds) for s in lines}) < 2 or any(_column(s, bounds) is None for s in lines):
        return [*([[s] for s in sorted(r, key=lambda s: s.x0)] for r in run[:first]), *body]
    header: Row = [[] for _ in columns]
    for s in sorted(lines, key=lambda s: s.top):
        header[_column(s, bounds) or 0].append(s)
    return [header, *body]


def _wrapped_below(body: list[Row], bounds: list[float]) -> None:
    """Header cells that wrap onto lines of their own under a full row of words ("الإيرادات"
    over "(مليار $)"), set like rows but only where a cell wrapped: those lines join the cells
    above, while the rows of figures below stay rows."""
    head = body[0]
    if not all(_words(s) for cell in head for s in cell):
        return  # a row of figures heads no wrapped header
    full = next((j for j in range(1, len(body)) if len(body[j]) == len(head)), 0)
    parts = [s for row in body[1:full] for cell in row for s in cell]
    spots = [_column(s, bounds) for s in parts]
    if not parts or not all(_words(s) for s in parts) or None in spots:
        return
    for s, k in zip(parts, spots):
        head[k or 0].append(s)
    del body[1:full]


def _words(s: Segment) -> bool:
    """Is a segment words alone (letters, no figures), as header cells and their units are?"""
    texts = [c.glyph.text for c in s.clusters]
    return any(t[:1].isalpha() for t in texts) and not any(ch.isdigit() for t in texts for ch in t)


def _column(s: Segment, bounds: list[float]) -> int | None:
    """The column a segment lies in, None if it crosses a column boundary."""
    k = sum(b <= s.x0 for b in bounds)
    return k if k == sum(b < s.x1 for b in bounds) else None


def _beside(run: list[list[Segment]], row: list[Segment]) -> bool:
    """Does the row lie wholly to one side of the table being gathered?"""
    x0 = min(s.x0 for r in run for s in r)
    x1 = max(s.x1 for r in run for s in r)
    return all(s.x1 < x0 or s.x0 > x1 for s in row)


def _aligned(prev: list[Segment], row: list[Segment]) -> bool:
    """Consecutive table rows: close vertically and at least one gutter in common."""
    size = max(median(s.size for s in row), 1.0)
    if min(s.top for s in row) - max(s.bottom for s in prev) > 2.5 * size:
        return False
    gutters_prev = _gutters(prev)
    return any(a < b2 and a2 < b for a, b in _gutters(row) for a2, b2 in gutters_prev)


def _gutters(row: list[Segment]) -> list[tuple[float, float]]:
    cells = sorted(row, key=lambda s: s.x0)
    return [(a.x1, b.x0) for a, b in zip(cells, cells[1:])]

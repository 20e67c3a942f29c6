"""Reading a CSV table row by row, strictly, with the line each row starts on.

A lenient reader let one stray quote in row 3 of a 1,000-row file swallow the
other 997 rows into a note, and the import "succeeded". So quoting is read
strictly (a quoted cell must be closed, and closed only before a comma or the
end of the line), and a quoted cell that runs over lines which themselves
look like rows of the table is refused as a stray quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from rlbaby.model.limits import MAX_NAME_CHARS, MAX_NOTE_CHARS
from rlbaby.store.exchange.formats import VERBATIM, err, unescape_cell

# Cells with a name or an id; a note may be longer (MAX_NOTE_CHARS).
_NAME_COLUMNS = frozenset({"id", "child", "name", "episode", "test", "value", "unit"})
_NOTE_COLUMNS = frozenset({"note", "notes"})
STRAY_QUOTE = 'a quoted cell starts here and never ends (a stray " ?)'


def _limit_problem(column: str, value: str) -> str | None:
    limit = (
        MAX_NAME_CHARS
        if column in _NAME_COLUMNS
        else MAX_NOTE_CHARS
        if column in _NOTE_COLUMNS
        else None
    )
    if limit is not None and len(value) > limit:
        return f"column {column!r} is {len(value):,} characters long; at most {limit:,} are allowed"
    return None


def _swallowed_row(cell: str, width: int) -> bool:
    """True if a line inside `cell` (after its first) reads as a whole row of a
    table `width` columns wide: the mark of a quote that was never closed."""
    if width < 2:
        return False
    for line in cell.splitlines()[1:]:
        if line and len(next(csv.reader([line]), [])) >= width:
            return True
    return False


def read_rows(
    raw: bytes, where: Path | str, required: list[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line the row starts on, {column: cell}) for each non-blank row.

    Cells are un-escaped (see formats.escape_cell); free text (VERBATIM) is
    kept as written, every other cell is trimmed.

    Raises:
        ImportError_: names the file, the line and the problem.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise err(where, line, "not UTF-8 text") from None
    reader = csv.reader(io.StringIO(text), strict=True)
    line = 0  # the last line of the row read before
    try:
        header = [h.strip() for h in next(reader, [])]
        line = reader.line_num
        missing = [c for c in required if c not in header]
        if missing:
            found = ", ".join(header) or "none"
            raise err(where, 1, f"missing column(s) {', '.join(missing)}; found {found}")
        width = len(header)
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > width:
                raise err(where, start, "more fields than the header has")
            row: dict[str, str] = {}
            for column, cell in zip(header, cells, strict=False):
                if line > start and ("\n" in cell or "\r" in cell) and _swallowed_row(cell, width):
                    raise err(
                        where,
                        start,
                        f"a quoted cell starts here and runs on to line {line}, over lines "
                        'that look like rows (a stray " ?)',
                    )
                value = unescape_cell(cell)
                value = value if column in VERBATIM else value.strip()
                problem = _limit_problem(column, value)
                if problem:
                    raise err(where, start, problem)
                row[column] = value
            for column in header[len(cells) :]:
                row[column] = ""
            yield start, row
    except csv.Error as exc:
        raise _csv_problem(where, line + 1, reader.line_num, str(exc)) from None


def _csv_problem(where: Path | str, start: int, at: int, message: str) -> Exception:
    if "field larger than field limit" in message:
        return err(
            where,
            start,
            f"a cell is longer than {csv.field_size_limit():,} characters "
            f"(a note may have at most {MAX_NOTE_CHARS:,})",
        )
    if "unexpected end of data" in message:
        return err(where, start, STRAY_QUOTE)
    if "expected after" in message:
        return err(
            where,
            at,
            'a quote inside a quoted cell must be doubled ("")',
        )
    return err(where, at, f"not a readable CSV row ({message})")

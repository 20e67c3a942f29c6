"""The exchange formats: CSV columns, the JSON format name, cell escaping, and the errors."""

from __future__ import annotations

import uuid
from pathlib import Path

from rlbaby.store.errors import StoreError

JSON_FORMAT = "rlbaby-export/1"
NAMESPACE = uuid.UUID("6f1d3c1e-4b7a-4e8e-9a51-2b0d9c1f7a10")

MOVEMENT_COLUMNS = ["id", "child", "time", "kind", "episode", "note"]
EPISODE_COLUMNS = [
    "id",
    "child",
    "opened",
    "settled",
    "onset_state",
    "soothing",
    "response",
    "stopped_when_woken",
    "signs",
    "triggers",
    "video",
    "note",
]
SLEEP_COLUMNS = ["id", "child", "asleep", "awake"]
CHILD_COLUMNS = ["id", "name", "birth_date", "born_early", "family_history", "notes"]
LAB_COLUMNS = ["child", "test", "value", "unit", "taken"]
# The tables in the order an import reads them (children before what refers to them).
CSV_TABLES = ("children.csv", "labs.csv", "episodes.csv", "sleep.csv", "movements.csv")
# Free text is kept exactly as written; every other field is trimmed.
VERBATIM = frozenset({"note", "notes", "test", "value", "unit"})


# A spreadsheet runs a cell that starts with one of these as a formula (CSV
# injection). OWASP's advice: write such a cell with a leading single quote,
# which spreadsheets show as text and import takes off again.
FORMULA_STARTS = frozenset("=+-@\t\r")


def escape_cell(text: str) -> str:
    """`text` as written to a CSV cell: `'` before a formula start, and before a
    `'` that would otherwise be read back as such a prefix (so the two are
    exact inverses)."""
    first = text[:1]
    if first in FORMULA_STARTS or (first == "'" and text[1:2] in _ESCAPED):
        return "'" + text
    return text


def unescape_cell(cell: str) -> str:
    """The inverse of `escape_cell`. A `'` before anything else is kept: a
    hand-written CSV may well start a note with one."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in _ESCAPED else cell


_ESCAPED = FORMULA_STARTS | {"'"}


class ImportError_(StoreError):
    """A file that cannot be imported; the message names file, line and problem."""


class ExportError(StoreError):
    """An export that was refused before anything was written."""


def err(path: Path | str, line: int | None, problem: str) -> ImportError_:
    name = path.name if isinstance(path, Path) else path  # a str: a zip's member, as given
    where = f"{name}:{line}" if line else name
    return ImportError_(f"{where}: {problem}")

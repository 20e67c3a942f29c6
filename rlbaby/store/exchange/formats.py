"""The exchange formats: CSV columns, the JSON format name, and the import error."""

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


class ImportError_(StoreError):
    """A file that cannot be imported; the message names file, line and problem."""


def err(path: Path | str, line: int | None, problem: str) -> ImportError_:
    where = f"{Path(path).name}:{line}" if line else Path(path).name
    return ImportError_(f"{where}: {problem}")

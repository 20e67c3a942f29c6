"""Schema migrations, run one step at a time after a backup.

Each step takes a data folder at version N and leaves it at N + 1.

- 1 -> 2: format 2 adds the tap log (`taps.log`, see taplog.py). A format-1
  folder is already a valid format-2 folder, so nothing runs at the open: the
  store states version 2 in meta.json before it makes the log or logs a save
  (a restored format-1 backup brings an empty log), so an older rlbaby then
  refuses the folder instead of ignoring the log's taps.
  A folder only read, or whose meta.json cannot be read, is never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson

from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.backend import FileBackend
from rlbaby.store.errors import StoreError
from rlbaby.store.schema import SCHEMA_VERSION, read_schema_version

Migration = Callable[[Path], None]


def _nothing_to_change(_data_dir: Path) -> None:
    """1 -> 2: only the version number changes (see the module's notes)."""


# from_version -> step to from_version + 1
MIGRATIONS: dict[int, Migration] = {1: _nothing_to_change}
# Steps that change no data: no backup is taken before them alone.
NO_DATA_CHANGE = frozenset({_nothing_to_change})


def _set_version(data_dir: Path, version: int) -> None:
    path = data_dir / "meta.json"
    data = orjson.loads(path.read_bytes())
    for doc in data.get("meta", {}).values():
        doc["schema_version"] = version
    atomic_write_bytes(path, orjson.dumps(data))


def migrate_if_needed(
    data_dir: Path, migrations: dict[int, Migration] | None = None, target: int | None = None
) -> list[int]:
    """Bring the folder up to `target` (default: the current schema). Returns steps run."""
    steps = MIGRATIONS if migrations is None else migrations
    target = SCHEMA_VERSION if target is None else target
    version = read_schema_version(FileBackend(data_dir))
    if version is None or version >= target:
        return []
    if all(steps.get(v) in NO_DATA_CHANGE for v in range(version, target)):
        return []  # see the module's notes: the store states the version when it must
    missing = [v for v in range(version, target) if v not in steps]
    if missing:
        raise StoreError(
            f"This version of rlbaby cannot update data format {version} "
            f"(no step from format {missing[0]}). Nothing was changed."
        )
    # Imported only here: every writable open asks, and almost never migrates.
    from rlbaby.store.backup import create_backup

    if any(steps[v] not in NO_DATA_CHANGE for v in range(version, target)):
        create_backup(data_dir, reason=f"before-migration-v{version}", schema_version=version)
    ran = []
    while version < target:
        steps[version](data_dir)
        version += 1
        _set_version(data_dir, version)
        ran.append(version)
    return ran

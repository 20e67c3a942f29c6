"""Schema migrations, run one step at a time after a backup.

Each step takes a data folder at version N and leaves it at N + 1. There are
none yet (the format is at version 1); the mechanism is tested with a fake step.
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

# from_version -> step to from_version + 1
MIGRATIONS: dict[int, Migration] = {}


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
    missing = [v for v in range(version, target) if v not in steps]
    if missing:
        raise StoreError(
            f"This version of rlbaby cannot update data format {version} "
            f"(no step from format {missing[0]}). Nothing was changed."
        )
    # Imported only here: every writable open asks, and almost never migrates.
    from rlbaby.store.backup import create_backup

    create_backup(data_dir, reason=f"before-migration-v{version}", schema_version=version)
    ran = []
    while version < target:
        steps[version](data_dir)
        version += 1
        _set_version(data_dir, version)
        ran.append(version)
    return ran

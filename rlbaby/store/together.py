"""Several files saved in one durable step: the tap that opens an episode.

Each file is still replaced atomically (see atomic.py); together they wait for
the disk fewer times than one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rlbaby.store import osfs
from rlbaby.store.atomic import (
    AtomicJSONStorage,
    MemoryStorage,
    atomic_write_bytes,
    staging,
    temp_path,
    write_synced,
)
from rlbaby.store.errors import WriteError


class PartlyReplacedError(WriteError):
    """`atomic_write_files` replaced the first `replaced` files, then failed."""

    def __init__(self, path: Path, cause: OSError, replaced: int) -> None:
        super().__init__(path, cause)
        self.replaced = replaced


def atomic_write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace several files, each atomically and durably, with fewer waits.

    Every new version is written and fsynced first, then each is renamed into
    place in the order given, then each folder is fsynced once. One by one,
    each file costs two journal commits; here the second file's folder fsync
    finds the first's commit already done. A crash before the renames leaves
    every file as it was; one during them leaves the first files replaced, so
    callers put first the file that can stand alone (an episode before its
    movement).

    Raises:
        WriteError: nothing was replaced; every file is byte-identical to before.
        PartlyReplacedError: the first `replaced` files were replaced before a
            rename failed; the caller puts them back.
    """
    if staging() or len(files) == 1:
        for path, data in files:  # a journalled batch stages each file itself
            atomic_write_bytes(path, data)
        return
    temps: list[Path] = []
    for path, data in files:
        temps.append(temp_path(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_synced(temps[-1], data)
        except OSError as exc:
            _remove_quietly(temps)
            raise WriteError(path, exc) from exc
    for i, ((path, _data), tmp) in enumerate(zip(files, temps, strict=True)):
        try:
            osfs.replace(tmp, path)
        except OSError as exc:
            _remove_quietly(temps[i:])
            _fsync_dirs([p for p, _d in files[:i]])
            if i == 0:
                raise WriteError(path, exc) from exc
            raise PartlyReplacedError(path, exc, i) from exc
    _fsync_dirs([p for p, _d in files])


def _remove_quietly(paths: list[Path]) -> None:
    for tmp in paths:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself is failing; temp files are swept at next start


def _fsync_dirs(paths: list[Path]) -> None:
    for folder in dict.fromkeys(p.parent for p in paths):
        try:
            osfs.fsync_dir(folder)
        except OSError:
            pass  # as in atomic_write_bytes: the files are in place and fsynced


def write_together(
    writes: Sequence[
        tuple[AtomicJSONStorage | MemoryStorage, dict[str, Any], tuple[str, str] | None]
    ],
) -> None:
    """Save several storages' new contents in one step (`atomic_write_files`).

    Each storage appears once, with its new contents and `added` (see
    `AtomicJSONStorage.encode`). On any error every storage drops its cache (the
    caller may have edited it), so memory never claims what the disk lacks.

    Raises:
        StoreError: as `write` raises it; PartlyReplacedError when the first
            `replaced` storages were saved and the others were not.
    """
    try:
        raws = [storage.encode(data, added) for storage, data, added in writes]
        files = [
            (storage.path, raw)
            for (storage, _data, _added), raw in zip(writes, raws, strict=True)
            if isinstance(storage, AtomicJSONStorage)
        ]
        atomic_write_files(files)
    except BaseException:
        for storage, _data, _added in writes:
            storage.forget()
        raise
    for (storage, data, _added), raw in zip(writes, raws, strict=True):
        storage.written(data, raw)

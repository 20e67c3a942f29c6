"""Several files saved in one durable step: the tap that opens an episode.

Each file is still replaced atomically (see atomic.py); together they wait for
the disk fewer times than one by one.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from rlbaby.store import osfs
from rlbaby.store.atomic import (
    AtomicJSONStorage,
    MemoryStorage,
    atomic_write_bytes,
    staging,
    temp_path,
    write_new,
)
from rlbaby.store.errors import WriteError


class PartlyReplacedError(WriteError):
    """`atomic_write_files` replaced the first `replaced` files, then failed."""

    def __init__(self, path: Path, cause: OSError, replaced: int) -> None:
        super().__init__(path, cause)
        self.replaced = replaced


@functools.cache
def _syncer() -> ThreadPoolExecutor:
    """The thread that writes and fsyncs the other files of a step (one, idle
    between taps; it only ever runs `write_new`)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="rlbaby-fsync")


def prestart() -> None:
    """Start the helper thread now, while nothing waits for it: starting it
    takes ~0.5 ms, which the first tap opening an episode would pay."""
    _syncer().submit(int).result()


def atomic_write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace several files, each atomically and durably, with fewer waits.

    Every new version is written and fsynced first, the first file in this
    thread and the others in a helper thread at the same time: the file
    system commits both fsyncs together (on a busy ext4 disk here, two files
    took a median 13 ms this way and 21 ms one after the other). Then each is
    renamed into place in the order given, then each folder is fsynced once.
    A crash before the renames leaves every file as it was; one during them
    leaves the first files replaced, so callers put first the file that can
    stand alone (an episode before its movement).

    Raises:
        WriteError: nothing was replaced; every file is byte-identical to before.
        PartlyReplacedError: the first `replaced` files were replaced before a
            rename failed; the caller puts them back.
    """
    if staging() or len(files) <= 1:
        for path, data in files:  # a journalled batch stages each file itself
            atomic_write_bytes(path, data)
        return
    temps = [temp_path(path) for path, _data in files]
    others = [
        _syncer().submit(write_new, tmp, data)
        for (path, data), tmp in zip(files[1:], temps[1:], strict=True)
    ]
    failed: tuple[Path, OSError] | None = None
    try:
        try:
            write_new(temps[0], files[0][1])
        except OSError as exc:
            failed = (files[0][0], exc)
        for (path, _data), future in zip(files[1:], others, strict=True):
            try:
                future.result()
            except OSError as exc:
                failed = failed or (path, exc)
    except BaseException:
        for future in others:  # interrupted: let the helper finish before cleaning up
            wait([future])
        _remove_quietly(temps)
        raise
    if failed is not None:
        _remove_quietly(temps)
        raise WriteError(failed[0], failed[1]) from failed[1]
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

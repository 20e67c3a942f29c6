"""Crash-safe files: write a temp file, fsync it, replace the old one, fsync the folder.

A reader therefore sees either the old file or the new one, never a torn mix,
even after kill -9 or a power cut. Stock TinyDB JSONStorage rewrites the file in
place; in our crash loop it left unreadable files after 4 of 200 kills.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from rlbaby.store import osfs
from rlbaby.store.errors import CorruptFileError, ReadOnlyError, WriteError, why
from rlbaby.store.files import Guard, NotRegularFileError, read_regular_file

TEMP_SUFFIX = ".rlbaby-tmp"
_counter = itertools.count()
# While set (see `staged_writes`), atomic_write_bytes hands each write to it
# instead; it returns False for a path it does not stage.
_stage: ContextVar[Callable[[Path, bytes], bool] | None] = ContextVar("stage", default=None)


@contextmanager
def staged_writes(stage: Callable[[Path, bytes], bool]) -> Iterator[None]:
    """Divert this thread's atomic writes to `stage` (rlbaby.store.journal)."""
    token = _stage.set(stage)
    try:
        yield
    finally:
        _stage.reset(token)


@contextmanager
def unstaged() -> Iterator[None]:
    """Write for real inside a journalled batch: for what is no part of it
    (a checkpoint of the tap log, which a discarded batch must not take along)."""
    token = _stage.set(None)
    try:
        yield
    finally:
        _stage.reset(token)


def staging() -> bool:
    """Whether this thread's atomic writes go to a journalled batch now."""
    return _stage.get() is not None


def temp_path(path: Path) -> Path:
    """A new name for the next version of `path`, beside it; swept if left."""
    return path.with_name(f".{path.name}.{os.getpid()}.{next(_counter)}{TEMP_SUFFIX}")


def write_synced(path: Path, data: bytes) -> None:
    """Write a new file (never an existing one) whole, and fsync it.

    Raises:
        OSError: as the system gives it; the caller cleans up.
    """
    fd = osfs.open_fd(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        osfs.fsync(fd)
    finally:
        os.close(fd)


def write_new(tmp: Path, data: bytes) -> None:
    """`write_synced`, creating the folder only when it is missing: a tap's
    folder almost always exists, and a mkdir on every save is a system call
    (and a raised FileExistsError) on the tap's path for nothing.

    Raises:
        OSError: as the system gives it; the caller cleans up.
    """
    try:
        write_synced(tmp, data)
    except FileNotFoundError:
        tmp.parent.mkdir(parents=True, exist_ok=True)
        write_synced(tmp, data)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably.

    Raises:
        WriteError: on any OSError; `path` is then byte-identical to before.
    """
    stage = _stage.get()
    if stage is not None and stage(path, data):
        return
    tmp = temp_path(path)
    try:
        write_new(tmp, data)
        osfs.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself is failing; the temp file is swept at next start
        raise WriteError(path, exc) from exc
    try:
        osfs.fsync_dir(path.parent)
    except OSError:
        # The new file's bytes are fsynced and it is in place, so the save has
        # happened: raising here would tell the user "unchanged" while memory and
        # disk already agree on the new data. Only the rename's survival of a
        # power cut is less certain; some file systems refuse directory fsync.
        pass


def remove_temp_files(folder: Path) -> list[Path]:
    """Delete temp files a killed writer left behind. Returns what was removed.

    Best effort: a temp file is never read as data (its name starts with a
    dot), so one that cannot be removed (a read-only subfolder) is only logged.
    """
    removed = []
    if folder.is_dir():
        for tmp in folder.rglob(f"*{TEMP_SUFFIX}"):
            try:
                tmp.unlink(missing_ok=True)
            except OSError as exc:
                log = logging.getLogger(__name__)
                log.warning("Could not remove the leftover temp file %s: %s", tmp, why(exc))
                continue
            removed.append(tmp)
    return removed


def parse_tinydb_json(raw: bytes, where: Path | str) -> dict[str, dict[str, dict[str, Any]]]:
    """Parse and shape-check a TinyDB file: {table: {doc_id: {field: value}}}.

    Raises:
        CorruptFileError: empty, not JSON, or not shaped like a TinyDB file.
    """
    if not raw.strip():
        # TinyDB would silently treat this as an empty database and the next
        # save would replace whatever the file should have held.
        raise CorruptFileError(where, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptFileError(where, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise CorruptFileError(where, "not a rlbaby data file (top level is not an object)")
    for table, docs in data.items():
        if not isinstance(docs, dict):
            raise CorruptFileError(where, f"table {table!r} is not an object")
        # TinyDB turns ids into ints: only plain ASCII digits ("²" is a digit
        # too) without a leading zero ("01" would collide with "1"). The checks
        # run as C-level map/all over every record, the slow path only names
        # the culprit.
        ids = docs.keys()
        if not (
            all(map(str.isascii, ids))
            and all(map(str.isdigit, ids))
            and all(i[0] != "0" for i in ids)
            and all(type(d) is dict for d in docs.values())
        ):
            for doc_id, doc in docs.items():
                canonical = doc_id.isascii() and doc_id.isdigit() and doc_id[0] != "0"
                if not canonical or not isinstance(doc, dict):
                    raise CorruptFileError(
                        where, f"table {table!r} has a malformed record {doc_id!r}"
                    )
    return data


class AtomicJSONStorage(Storage):
    """A TinyDB Storage with atomic, durable saves and a write-through cache.

    `read()` returns the cached dict without touching the disk. TinyDB mutates
    that dict before calling `write()`; if the write fails we drop the cache so
    the next read comes from the (unchanged) file, and memory never claims a
    record the disk does not have. (A tap does not write here: it appends to
    the tap log, and the cache holds it until a checkpoint `flush`es it.)
    """

    def __init__(
        self,
        path: Path,
        readonly: bool = False,
        guard: Guard | None = None,
    ) -> None:
        """`guard()` runs before every write and raises StoreError to stop it
        (the data-folder lock checks that it is still ours)."""
        self.path = Path(path)
        self.readonly = readonly
        self.guard = guard
        self._cache: dict[str, Any] | None = None

    def _drop(self) -> None:
        """Forget the cache (the next read comes from the disk)."""
        self._cache = None

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            try:
                raw = read_regular_file(self.path)
            except FileNotFoundError:
                return None
            except NotRegularFileError as exc:
                raise CorruptFileError(
                    self.path, f"{exc.strerror}: move it out of the data folder"
                ) from exc
            except OSError as exc:
                # An I/O error, no permission: unreadable, so it is set aside
                # like a damaged file.
                raise CorruptFileError(self.path, f"the file cannot be read ({why(exc)})") from exc
            self._cache = parse_tinydb_json(raw, self.path)
        return self._cache

    def _check_writable(self) -> None:
        if self.readonly:
            self._drop()
            raise ReadOnlyError()
        if self.guard is not None:
            try:
                self.guard()
            except BaseException:
                self._drop()  # TinyDB may have edited it already
                raise

    def write(self, data: dict[str, Any]) -> None:
        """Save `data`, atomically and durably."""
        try:
            self._check_writable()
            atomic_write_bytes(self.path, orjson.dumps(data))
        except BaseException:
            self._drop()
            raise
        self._cache = data

    def forget(self) -> None:
        """Drop the cache: the next read comes from the disk."""
        self._drop()

    def hold(self, data: dict[str, Any]) -> None:
        """Make `data` the cache of a file that does not exist yet (the tap
        log holds its first record until a checkpoint writes it)."""
        self._cache = data

    def flush(self) -> None:
        """Save the cache as it is (a checkpoint of the tap log).

        Unlike `write`, a failure keeps the cache: it holds saves that only the
        tap log has, and dropping it would let a later save lose them.

        Raises:
            WriteError: the disk refused; file and cache are as they were.
        """
        if self._cache is None:
            return
        if self.readonly:
            raise ReadOnlyError()
        if self.guard is not None:
            self.guard()
        atomic_write_bytes(self.path, orjson.dumps(self._cache))

    def snapshot(self) -> bytes | None:
        """The file's bytes now (None: no file), so a batch can put it back exactly.

        Raises:
            WriteError: the file exists but cannot be read.
        """
        try:
            return read_regular_file(self.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise WriteError(self.path, exc) from exc

    def restore(self, raw: bytes | None) -> None:
        """Put back a `snapshot()`: the same bytes, or no file at all."""
        self._drop()
        self._check_writable()
        if raw is not None:
            atomic_write_bytes(self.path, raw)
            return
        try:
            self.path.unlink(missing_ok=True)
            osfs.fsync_dir(self.path.parent)
        except OSError as exc:
            raise WriteError(self.path, exc) from exc

    def close(self) -> None:
        self._drop()


class MemoryStorage(Storage):
    """The same contract in memory (tests run the store on both)."""

    def __init__(self, readonly: bool = False) -> None:
        self.readonly = readonly
        self._raw: bytes | None = None
        self._cache: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._cache is None and self._raw is not None:
            self._cache = parse_tinydb_json(self._raw, "<memory>")
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        if self.readonly:
            self._cache = None
            raise ReadOnlyError()
        self._raw = orjson.dumps(data)
        self._cache = data

    def forget(self) -> None:
        self._cache = None

    def hold(self, data: dict[str, Any]) -> None:
        self._cache = data

    def snapshot(self) -> bytes | None:
        return self._raw

    def restore(self, raw: bytes | None) -> None:
        self._raw = raw
        self._cache = None

    def close(self) -> None:
        pass

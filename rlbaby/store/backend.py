"""Where the store's files live: a data folder on disk, or memory for tests.

The store asks a backend for named TinyDB storages ("movements", "2026-11"),
so the same store code runs on both, and every store test runs on both.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rlbaby.store import osfs
from rlbaby.store.atomic import AtomicJSONStorage, MemoryStorage, atomic_write_bytes
from rlbaby.store.errors import LockLostError, StoreError, WriteError, why
from rlbaby.store.files import Guard

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """A file the store could not read, and what happened to it."""

    name: str
    reason: str
    moved_to: str | None

    def message(self) -> str:
        where = f" It was moved to {self.moved_to}." if self.moved_to else ""
        return f"Could not read {self.name}: {self.reason}.{where}"


class Backend(Protocol):
    readonly: bool

    def keys(self, folder: str) -> list[str]: ...
    def storage(self, folder: str, key: str) -> AtomicJSONStorage | MemoryStorage: ...
    def exists(self, folder: str, key: str) -> bool: ...
    def quarantine(self, folder: str, key: str, reason: str) -> Problem: ...
    def describe(self, folder: str, key: str) -> str: ...


class FileBackend:
    """`<data dir>/<folder>/<key>.json`, with meta at `<data dir>/meta.json`.

    `guard()` runs before every write (see AtomicJSONStorage).
    """

    def __init__(
        self,
        data_dir: Path,
        readonly: bool = False,
        guard: Guard | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.readonly = readonly
        self.guard = guard

    def path(self, folder: str, key: str) -> Path:
        return self.data_dir / folder / f"{key}.json" if folder else self.data_dir / f"{key}.json"

    def keys(self, folder: str) -> list[str]:
        """The files of `folder`. Raises StoreError when it cannot be listed:
        showing it as empty would hide the parent's data."""
        base = self.data_dir / folder
        try:
            with os.scandir(base) as entries:
                names = [e.name for e in entries]
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            raise StoreError(
                f"Cannot list the folder {base}: {why(exc)}. Nothing was changed. "
                "Check that this folder can be read, then open rlbaby again."
            ) from exc
        return sorted(n[:-5] for n in names if n.endswith(".json") and not n.startswith("."))

    def exists(self, folder: str, key: str) -> bool:
        return self.path(folder, key).exists()

    def storage(self, folder: str, key: str) -> AtomicJSONStorage:
        return AtomicJSONStorage(self.path(folder, key), readonly=self.readonly, guard=self.guard)

    def describe(self, folder: str, key: str) -> str:
        return str(self.path(folder, key))

    def quarantine(self, folder: str, key: str, reason: str) -> Problem:
        """Move an unreadable file aside, with a note; never overwrite it.

        The note is written first and the file moved only then: if the note
        cannot be written (a full disk) or the move fails (a read-only
        subfolder), the file stays where it is, so every open reports it again
        until it is resolved; a file moved without its note would be reported
        once and then forgotten. A FIFO, socket or device is never moved (the
        folder entry is all rlbaby could move; a person should look at it).
        Regular files, folders and symlinks are moved: renaming them never
        touches what they hold or point to.
        """
        src = self.path(folder, key)
        rel = src.relative_to(self.data_dir).as_posix()
        if self.readonly:
            return Problem(rel, reason, None)
        try:
            mode = os.lstat(src).st_mode
        except OSError as exc:
            return Problem(rel, f"{reason}; {why(exc)}", None)
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
            return Problem(
                rel, f"{reason}. rlbaby left it where it is and will not replace it", None
            )
        try:
            if self.guard is not None:
                self.guard()
            qdir = self.data_dir / "quarantine"
            qdir.mkdir(exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            dest = qdir / f"{rel.replace('/', '__')}.{stamp}"
            n = 1
            while os.path.lexists(dest) or os.path.lexists(f"{dest}.why.txt"):
                dest = qdir / f"{rel.replace('/', '__')}.{stamp}.{n}"
                n += 1
            note_path = dest.with_name(dest.name + ".why.txt")
            note = f"{rel} could not be read: {reason}\nMoved here by rlbaby at {stamp}.\n"
            atomic_write_bytes(note_path, note.encode())
            try:
                osfs.replace(src, dest)
            except OSError:
                try:
                    note_path.unlink()
                except OSError:
                    pass  # a note without its file misleads no one
                raise
        except LockLostError:
            raise
        except (OSError, StoreError) as exc:
            cause = exc.cause if isinstance(exc, WriteError) else exc
            because = why(cause) if isinstance(cause, OSError) else str(cause)
            _log.warning("Could not set %s aside: %s", rel, because)
            left = (
                f"{reason}. It could not be moved to quarantine ({because}), so it was "
                "left where it is, untouched"
            )
            return Problem(rel, left, None)
        return Problem(rel, reason, str(dest.relative_to(self.data_dir)))


class MemoryBackend:
    def __init__(self) -> None:
        self.readonly = False
        self._storages: dict[tuple[str, str], MemoryStorage] = {}

    def keys(self, folder: str) -> list[str]:
        return sorted(
            k for (f, k), s in self._storages.items() if f == folder and s.read() is not None
        )

    def exists(self, folder: str, key: str) -> bool:
        s = self._storages.get((folder, key))
        return s is not None and s.read() is not None

    def storage(self, folder: str, key: str) -> MemoryStorage:
        return self._storages.setdefault((folder, key), MemoryStorage())

    def describe(self, folder: str, key: str) -> str:
        return f"<memory>/{folder}/{key}"

    def quarantine(self, folder: str, key: str, reason: str) -> Problem:
        self._storages.pop((folder, key), None)
        return Problem(f"{folder}/{key}", reason, "<memory quarantine>")

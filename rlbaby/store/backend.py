"""Where the store's files live: a data folder on disk, or memory for tests.

The store asks a backend for named TinyDB storages ("movements", "2026-11"),
so the same store code runs on both, and every store test runs on both.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rlbaby.store.atomic import AtomicJSONStorage, MemoryStorage, atomic_write_bytes


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
    """`<data dir>/<folder>/<key>.json`, with meta at `<data dir>/meta.json`."""

    def __init__(self, data_dir: Path, readonly: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self.readonly = readonly

    def path(self, folder: str, key: str) -> Path:
        return self.data_dir / folder / f"{key}.json" if folder else self.data_dir / f"{key}.json"

    def keys(self, folder: str) -> list[str]:
        base = self.data_dir / folder
        if not base.is_dir():
            return []
        return sorted(p.stem for p in base.glob("*.json") if not p.name.startswith("."))

    def exists(self, folder: str, key: str) -> bool:
        return self.path(folder, key).exists()

    def storage(self, folder: str, key: str) -> AtomicJSONStorage:
        return AtomicJSONStorage(self.path(folder, key), readonly=self.readonly)

    def describe(self, folder: str, key: str) -> str:
        return str(self.path(folder, key))

    def quarantine(self, folder: str, key: str, reason: str) -> Problem:
        """Move an unreadable file aside, with a note; never overwrite it."""
        src = self.path(folder, key)
        rel = src.relative_to(self.data_dir).as_posix()
        if self.readonly:
            return Problem(rel, reason, None)
        qdir = self.data_dir / "quarantine"
        qdir.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        dest = qdir / f"{rel.replace('/', '__')}.{stamp}"
        n = 1
        while dest.exists():
            dest = qdir / f"{rel.replace('/', '__')}.{stamp}.{n}"
            n += 1
        os.replace(src, dest)
        note = f"{rel} could not be read: {reason}\nMoved here by rlbaby at {stamp}.\n"
        atomic_write_bytes(dest.with_name(dest.name + ".why.txt"), note.encode())
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

"""How a read-only store follows the copy that writes: re-read only what changed.

The writer replaces whole files by rename, so a file's (size, mtime, inode)
tells whether it changed. A tap changes the newest movement file and perhaps
an episode file; re-reading those two costs milliseconds, where a whole fresh
load of 200k movements costs an open. Anything unusual (a file gone, a file
that cannot be read, a record that left a file and arrived nowhere) makes
`Store.refresh` fall back to the whole load, which is always right.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB

from rlbaby.store import codec
from rlbaby.store.columns import MovementColumns
from rlbaby.store.errors import StoreError
from rlbaby.store.movement_check import check_movement_docs
from rlbaby.store.records import Records
from rlbaby.store.shards import ShardedTable
from rlbaby.store.taplog import LOG_NAME
from rlbaby.store.tapreplay import apply_steps

if TYPE_CHECKING:
    from rlbaby.store.store import Store

# (name, size, mtime_ns, inode, ctime_ns): the last four as colcache.file_sig
# has them, so a read-only open checks its snapshots against these stats
# instead of taking every file's again (see stats_by_name).
Signature = tuple[tuple[str, int, int, int, int], ...]
RECORD_FOLDERS = ("movements", "episodes", "sleep")


def folder_signature(data_dir: Path) -> Signature:
    """Name, size, mtime, inode and ctime of every data file (a rename gives a new inode).

    One `os.scandir` per folder and a stat per file, without a `Path` each:
    with one movement file a day the folders hold ~2,000 files, and the
    pathlib version took longer than the rest of a summary's open.
    """
    base = os.fspath(data_dir)
    sig = []
    meta = os.path.join(base, "meta.json")
    try:
        st = os.stat(meta)
        sig.append(("meta.json", st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns))
    except OSError:
        pass
    taps = os.path.join(base, LOG_NAME)
    try:
        st = os.stat(taps)
        sig.append((LOG_NAME, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns))
    except OSError:
        pass
    for folder in RECORD_FOLDERS:
        try:
            with os.scandir(os.path.join(base, folder)) as it:
                names = sorted(e.name for e in it if e.name.endswith(".json"))
        except OSError:
            continue
        where = os.path.join(base, folder)
        for name in names:
            try:
                # os.stat, not DirEntry.stat: on Windows the latter has no inode.
                st = os.stat(f"{where}{os.sep}{name}")
            except OSError:
                continue  # replaced or removed between the listing and now
            sig.append((f"{folder}/{name}", st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns))
    return tuple(sig)


def stats_by_name(signature: Signature) -> dict[str, list[int]]:
    """Each file's [size, mtime_ns, inode, ctime_ns], as `colcache.file_sig` gives it."""
    return {name: [size, mtime, ino, ctime] for name, size, mtime, ino, ctime in signature}


class Follower:
    """Applies the files changed since the last look to a read-only store."""

    def __init__(self, store: Store, seen: Signature) -> None:
        self.store = store
        self.seen = seen

    def changed_files(self, now: Signature) -> tuple[list[str], bool]:
        """The files changed since the last look, and whether any went away."""
        before = {name: rest for name, *rest in self.seen}
        after = {name: rest for name, *rest in now}
        changed = [name for name, rest in after.items() if before.get(name) != rest]
        return changed, not before.keys() <= after.keys()

    def apply(self, names: list[str]) -> bool:
        """Re-read `names` into the store. False: do a whole load instead."""
        store = self.store
        problems = len(store.problems)
        try:
            if "meta.json" in names:
                store._children = {}
                store._meta_storage = store.backend.storage("", "meta")
                store._load_meta()
            if LOG_NAME in names:
                names = [n for n in names if n != LOG_NAME]
                if not self._apply_taps(names):
                    return False
            elif store._taplog is not None and store._taplog.lines:
                # A record file changed while the log holds saves of it: only
                # a checkpoint does that, and it cuts the log next. Load again.
                if any(n.partition("/")[0] in RECORD_FOLDERS for n in names):
                    return False
            gone: list[tuple[str, str, set[str]]] = []
            for name in names:
                folder, _, file = name.partition("/")
                if folder in RECORD_FOLDERS:
                    key = file.removesuffix(".json")
                    gone.append((folder, key, self._apply_file(folder, key)))
        except (StoreError, ValueError, KeyError, TypeError):
            return False
        # A record that left a file (an edit moved it) must now be in another.
        for folder, key, ids in gone:
            loc = self._table(folder).loc
            for rid in ids:
                where = loc.get(rid)
                if where is None or where[0] == key:
                    return False
        return len(store.problems) == problems

    def _apply_taps(self, others: list[str]) -> bool:
        """Apply the lines the writer appended to the tap log since the last
        look. False: load again (the log was cut, or files changed too)."""
        store = self.store
        taplog = store._taplog
        if taplog is None or any(n.partition("/")[0] in RECORD_FOLDERS for n in others):
            return False
        try:
            got = taplog.read_more()
        except (OSError, ValueError, StoreError):
            return False
        if got is None or got.damaged:
            return False
        first = taplog.lines - len(got.steps) + 2
        return not apply_steps(store, got.steps, first)

    def _table(self, folder: str) -> ShardedTable:
        store = self.store
        return {
            "movements": store._movements,
            "episodes": store._episodes,
            "sleep": store._sleep,
        }[folder]

    def _apply_file(self, folder: str, key: str) -> set[str]:
        """Re-read one record file. Returns the ids it held before and no longer holds."""
        store = self.store
        table = self._table(folder)
        before = self._ids_in(table, key)
        db = table._dbs.pop(key, None)
        if db is not None:
            db.close()
        table._tables.pop(key, None)
        storage = table.backend.storage(folder, key)
        raw = (storage.read() or {}).get(folder, {})
        # Keep it parsed, as loading does for the newest file: lookups read it,
        # and the next refresh knows what it held without a scan.
        table._dbs[key] = TinyDB(storage=lambda: storage)
        docs: list[Mapping[str, Any]] = list(raw.values())
        if folder == "movements":
            won = self._apply_movements(docs)
        else:
            decode: Callable[[Mapping[str, Any]], Any] = (
                codec.episode_from_doc if folder == "episodes" else codec.sleep_from_doc
            )
            into: Records[Any] = store._episode_recs if folder == "episodes" else store._sleep_recs
            won = set()
            for rec in map(decode, docs):
                old = into.get(rec.id)
                if old is None or old.updated_ms <= rec.updated_ms:
                    into[rec.id] = rec
                    won.add(rec.id)
        here = set()
        for doc_id, doc in raw.items():
            here.add(doc["id"])
            if doc["id"] in won:
                table.loc[doc["id"]] = (key, int(doc_id))
        return before - here

    @staticmethod
    def _ids_in(table: ShardedTable, key: str) -> set[str]:
        """The ids file `key` held at the last look."""
        db = table._dbs.get(key)
        cached = None if db is None else getattr(db.storage, "_cache", None)
        if cached is not None:
            return {doc["id"] for doc in cached.get(table.folder, {}).values()}
        # Not parsed since the open: ask the locations (a scan, at C speed).
        return table.loc.ids_in(key)

    def _apply_movements(self, docs: list[Mapping[str, Any]]) -> set[str]:
        columns = self.store.columns
        cols = check_movement_docs(docs, "")
        if not cols:
            return set()
        columns.load_columns(*(cols[name] for name in MovementColumns.LOAD_FIELDS))
        updated = columns.updated_ms
        return {
            rid
            for rid, ms in zip(cols["id"], cols["updated_ms"], strict=True)
            if updated[columns.row_of[rid]] == ms
        }

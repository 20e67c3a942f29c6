"""Loading through the derived snapshots, and refreshing them (part of Store).

Older files rarely change, so their decoded contents are kept beside the data:
the movement columns (colcache.py) and the episodes and sleep periods
(reccache.py). A writable store keeps them in the data folder's cache/; a
read-only one reads that copy too and keeps its own in the user's cache folder
(usercache.py), never writing into the data folder, and with
`write_cache=False` (`import --dry-run`) writes none at all. A snapshot serves
only the files whose signature (size, mtime_ns, inode, ctime_ns) it recorded
still matches; the rest are parsed as always, and any doubt about a snapshot
means parsing everything.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from rlbaby.store import colcache, errors, reccache
from rlbaby.store.backend import Backend, FileBackend, Problem
from rlbaby.store.columns import MovementColumns
from rlbaby.store.lock import DataDirLock
from rlbaby.store.records import Records
from rlbaby.store.shards import ShardedTable
from rlbaby.store.usercache import derived_path

Saver = Callable[[], None]


class DerivedCaches:
    """The snapshot side of `Store`'s load. Store sets these attributes."""

    backend: Backend
    data_dir: Path | None
    readonly: bool
    problems: list[Problem]
    columns: MovementColumns
    _movements: ShardedTable
    _write_cache: bool
    # A read-only open's stats of every data file, taken once before its load
    # (follow.folder_signature); the snapshots are checked against them.
    _stats_seen: dict[str, list[int]]
    _lock: DataDirLock | None
    # The older movement files when the snapshot was read (see _save_column_cache).
    _past_movement_files: set[str] | None = None

    def _snapshot_paths(self, inside: Path, kind: str) -> list[Path]:
        """Where a snapshot may be, best first (see the module's docstring)."""
        if not isinstance(self.backend, FileBackend) or self.data_dir is None:
            return []
        mine = self.data_dir / inside
        if not self.readonly:
            return [mine]
        return [mine, derived_path(self.data_dir, kind, inside.suffix)]

    def _may_write_snapshot(self) -> bool:
        if self.readonly and not self._write_cache:
            return False
        if self._lock is not None:
            try:
                self._lock.check()
            except errors.LockLostError:
                return False
        return True

    def _signatures(self, folder: str, keys: list[str]) -> dict[str, list[int]]:
        """The signature of each file of `keys` that can be looked at."""
        assert isinstance(self.backend, FileBackend)
        base = os.path.join(self.backend.data_dir, folder)
        seen = self._stats_seen
        sigs = {}
        for key in keys:
            try:
                sigs[key] = seen.get(f"{folder}/{key}.json") or colcache.file_sig(
                    f"{base}{os.sep}{key}.json"
                )
            except OSError:
                continue
        return sigs

    # --- movements (colcache.py) -------------------------------------------------

    def _movement_paths(self) -> tuple[list[str], dict[str, str]]:
        """The movement files' keys, and each one's path (a str: see `colcache.file_sig`)."""
        assert isinstance(self.backend, FileBackend)
        keys = self.backend.keys("movements")
        base = os.path.join(self.backend.data_dir, "movements")
        return keys, {k: f"{base}{os.sep}{k}.json" for k in keys}

    def _load_cached_files(self) -> tuple[frozenset[str], dict[str, tuple[int, int]]]:
        """Load older movement files from the snapshot where they are unchanged.

        Of several snapshots, the one that covers most files is used. Returns
        the files loaded, and the rows [start, end) each now holds (the
        locations' base: see Locations.base_doc_ids).
        """
        candidates = self._snapshot_paths(colcache.CACHE_REL, "columns")
        if not candidates:
            return frozenset(), {}
        keys, paths = self._movement_paths()
        past = set(keys[:-1])  # the newest file takes the taps: always parsed
        self._past_movement_files = past
        best: tuple[colcache.Snapshot, list[str]] | None = None
        for path in candidates:
            snap = colcache.read_file(path)
            if snap is None:
                continue
            usable = []
            seen = self._stats_seen
            for key, sig in zip(snap.keys, snap.sigs.tolist(), strict=True):
                try:
                    if key not in past:
                        continue
                    now = seen.get(f"movements/{key}.json") or colcache.file_sig(paths[key])
                    if now == sig:
                        usable.append(key)
                except OSError:
                    continue
            if best is None or len(usable) > len(best[1]):
                best = (snap, usable)
            if len(usable) == len(past):
                break  # nothing better to find
        if best is None:
            return frozenset(), {}
        snap, usable = best
        counts = self.columns.load_snapshot(snap, usable, index=not self.readonly)
        if counts is None:
            return frozenset(), {}
        bounds = snap.bounds()
        rows: dict[str, tuple[int, int]] = {}
        row = 0
        for key in usable:
            start, end = bounds[key]
            rows[key] = (row, row + end - start)
            row += end - start
        if len(usable) == len(snap.keys):  # the usual case: every file unchanged
            doc_ids = snap.doc_ids
        else:
            spans = [bounds[k] for k in usable]
            doc_ids = np.concatenate([snap.doc_ids[s:e] for s, e in spans] or [snap.doc_ids[:0]])
        # The columns hold these rows for good: the locations answer from
        # their index, not from two more dicts of every id (see Locations).
        self._movements.loc.set_base(self.columns, usable, counts, doc_ids)
        return frozenset(usable), rows

    def _save_column_cache(
        self, cached: dict[str, tuple[int, int]], parsed: dict[str, tuple[int, int]]
    ) -> None:
        """Refresh the snapshot when older files had to be parsed from JSON."""
        candidates = self._snapshot_paths(colcache.CACHE_REL, "columns")
        if not candidates or set(cached) == self._past_movement_files:
            return  # the usual open: the snapshot held every older file (no listing again)
        if not self._may_write_snapshot():
            return
        keys, paths = self._movement_paths()
        past = keys[:-1]
        if set(cached) == set(past):
            return
        files = []
        for key in past:
            rows = cached.get(key) or parsed.get(key)
            if rows is None:
                continue  # set aside as unreadable
            try:
                sig = colcache.signature(paths[key])
            except OSError:
                continue
            start, end = rows
            doc_ids = self._movements.loc.base_doc_ids(key)
            if doc_ids is None:  # parsed from JSON: its ids are str, in the dicts
                doc_ids = np.array(
                    [self._movements.loc[i][1] for i in self.columns.ids[start:end]], np.int64
                )
            files.append((key, start, end, doc_ids, sig))
        colcache.write_file(candidates[-1], self.columns.export_snapshot(files))

    # --- episodes and sleep periods (reccache.py, records.py) --------------------

    def _load_records(
        self,
        table: ShardedTable,
        spec: reccache.Spec,
        decode_all: Callable[[list[Mapping[str, Any]]], list[Any]],
        into: Records[Any],
    ) -> Saver | None:
        """Load a folder's records: older files from the snapshot where they
        are unchanged (built a child at a time when first asked for, see
        records.py), the rest decoded from JSON (a whole file at once,
        store/bulk.py); of two copies of a record, the later update wins.

        Returns what refreshes the snapshot, to be called once the whole
        load succeeded (a failed open writes nothing); None when it is fresh.
        """
        paths = self._snapshot_paths(reccache.relative_path(spec), spec.folder)
        past: list[str] = []
        sigs: dict[str, list[int]] = {}
        cached: dict[str, tuple[list[str], list[int]]] = {}
        if paths:
            assert isinstance(self.backend, FileBackend)
            past = self.backend.keys(table.folder)[:-1]  # the newest is always parsed
            # Taken before reading: a file changed meanwhile is then parsed next time.
            sigs = self._signatures(table.folder, past)
            cached = self._load_cached_records(table, spec, paths, sigs, into)
        decoded: list[Any] = []

        def validate(docs: list[Mapping[str, Any]], where: str) -> None:
            decoded.clear()
            decoded.extend(decode_all(docs))

        parsed: dict[str, list[Any]] = {}
        clash = False
        # `into` holds exactly the ids loaded so far, as the table's locations
        # do: asking it leaves those unbuilt until a lookup needs them.
        for _docs in table.load(validate, self.problems, frozenset(cached), into):
            parsed[table.loading_key] = list(decoded)
            for rec in decoded:
                if rec.id not in into:
                    into[rec.id] = rec
                    continue
                clash = True  # a record in two files (a crash mid-move)
                if into[rec.id].updated_ms <= rec.updated_ms:
                    into[rec.id] = rec
        if not paths or clash or all(k in cached for k in past):
            return None

        def save() -> None:
            if not self._may_write_snapshot():
                return
            files = reccache.RecordFiles([], np.empty((0, colcache.SIG_FIELDS), np.int64), [], [])
            rows = []
            for key in past:
                if key in cached:
                    ids, doc_ids = cached[key]
                    recs = [into[rid] for rid in ids]  # no clash: these very records
                elif key in parsed and key in sigs:
                    recs = parsed[key]
                    doc_ids = [table.loc[r.id][1] for r in recs]
                else:
                    continue  # set aside as unreadable, or not there to sign
                files.keys.append(key)
                rows.append(sigs[key])
                files.records.append(recs)
                files.doc_ids.append(doc_ids)
            files.sigs = np.array(rows, np.int64).reshape(len(rows), colcache.SIG_FIELDS)
            reccache.write(spec, paths[-1], files)
            reccache.remove_version_1(paths[-1])

        return save

    def _load_cached_records(
        self,
        table: ShardedTable,
        spec: reccache.Spec,
        paths: list[Path],
        sigs: dict[str, list[int]],
        into: Records[Any],
    ) -> dict[str, tuple[list[str], list[int]]]:
        """Hold the unchanged files' records of the best snapshot in `into`
        (waiting to be built, a child at a time) and the table's locations.
        Returns file key -> (record ids, doc ids)."""
        best: tuple[reccache.Snapshot, list[int]] | None = None
        for path in paths:
            snap = reccache.read(spec, path)
            if snap is None:
                continue
            usable = [
                i
                for i, (key, sig) in enumerate(zip(snap.keys, snap.sigs.tolist(), strict=True))
                if sigs.get(key) == sig
            ]
            if best is None or len(usable) > len(best[1]):
                best = (snap, usable)
            if len(usable) == len(sigs):
                break  # nothing better to find
        if best is None or not best[1]:
            return {}
        snap, usable = best
        spans = snap.spans()
        files: dict[str, tuple[list[str], list[int]]] = {}
        for i in usable:
            start, end = spans[i]
            ids = snap.ids[start:end]
            doc_ids = snap.doc_ids[start:end].tolist()
            table.loc.add_file(snap.keys[i], ids, doc_ids)
            files[snap.keys[i]] = (ids, doc_ids)
        if len(usable) == len(snap.keys):
            rows = np.arange(len(snap.ids))  # the usual case: every file unchanged
        else:
            rows = np.concatenate([np.arange(*spans[i]) for i in usable])
        codes = snap.child[rows]
        groups = []
        for code, child_id in enumerate(snap.children):
            mine = rows[codes == code]
            ids = list(map(snap.ids.__getitem__, mine.tolist()))
            groups.append((child_id, ids, partial(snap.build, mine)))
        every = snap.ids if rows.size == len(snap.ids) else [snap.ids[i] for i in rows.tolist()]
        into.add_waiting(every, codes.tolist(), groups)
        return files

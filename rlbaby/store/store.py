"""The store: the only code that reads or writes the data folder.

It answers questions as plain data (records, or numpy arrays of movements) so
that analysis and charts never walk TinyDB documents.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from rlbaby import __version__
from rlbaby.model import Child, Episode, Settings, SleepPeriod
from rlbaby.store import bulk, codec, errors, reccache
from rlbaby.store.atomic import remove_temp_files
from rlbaby.store.backend import Backend, FileBackend, MemoryBackend, Problem
from rlbaby.store.columns import MovementColumns
from rlbaby.store.derived import DerivedCaches
from rlbaby.store.errors import CorruptFileError, StoreError
from rlbaby.store.follow import Follower, folder_signature, stats_by_name
from rlbaby.store.journal import finish_pending
from rlbaby.store.lock import DataDirLock
from rlbaby.store.movement_check import check_movement_docs
from rlbaby.store.nocycles import collector_off
from rlbaby.store.queries import StoreQueries
from rlbaby.store.records import Records
from rlbaby.store.restore_marks import restore_marks_present
from rlbaby.store.schema import SCHEMA_VERSION, check_version, meta_version, single
from rlbaby.store.shards import ShardedTable
from rlbaby.store.taplog import LOG_NAME, TapLog
from rlbaby.store.tapreplay import apply_log, read_log
from rlbaby.store.writes import StoreWrites

log = logging.getLogger(__name__)


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


class Store(StoreWrites, StoreQueries, DerivedCaches):
    """Children, movements, episodes, sleep periods and settings of one data folder.

    This module opens, loads and follows the folder; what the store answers is
    `queries.StoreQueries`, how it saves is `writes.StoreWrites`, and how it
    loads through the derived snapshots is `derived.DerivedCaches`.

    Every `save()` is durable when it returns (fsync + atomic replace). On a
    failed save it raises StoreError and memory is left as it was.

    Attributes:
        problems: files that could not be read at open; each was moved to
            quarantine/ and the rest of the data is usable.
        readonly: True when another instance holds the folder.
    """

    def __init__(
        self,
        backend: Backend,
        *,
        now_ms: Callable[[], int] = _now_ms,
        lock: DataDirLock | None = None,
        data_dir: Path | None = None,
        write_cache: bool = True,
    ) -> None:
        self.backend = backend
        self._write_cache = write_cache
        self.readonly = backend.readonly
        self.data_dir = data_dir
        self.now_ms = now_ms
        self._lock = lock
        if lock is not None and isinstance(backend, FileBackend):
            backend.guard = lock.check  # every write first checks the lock file is still ours
        self.problems: list[Problem] = []
        self.revision = 0
        self._meta_storage = backend.storage("", "meta")
        self._meta_db = TinyDB(storage=lambda: self._meta_storage)
        self._settings = Settings()
        self._children: dict[str, Child] = {}
        self.columns = MovementColumns()
        self._movements = ShardedTable(backend, "movements")
        self._episodes = ShardedTable(backend, "episodes")
        self._sleep = ShardedTable(backend, "sleep")
        self._episode_recs: Records[Episode] = Records()
        self._sleep_recs: Records[SleepPeriod] = Records()
        self._taplog = None
        self._folder_version = SCHEMA_VERSION  # what meta.json states (see _state_format)
        self._taplog_copied = True  # False: a damaged log awaits its copy in quarantine
        # What a read-only copy last read (see refresh); taken before loading,
        # so a write during the load is seen as a change next time.
        self._follower: Follower | None = None
        self._stats_seen: dict[str, list[int]] = {}
        if self.readonly and data_dir is not None:
            seen = folder_signature(data_dir)
            self._follower = Follower(self, seen)
            # The snapshots are checked against these stats, not new ones.
            self._stats_seen = stats_by_name(seen)
        taps = None
        if isinstance(backend, FileBackend) and data_dir is not None:
            self._taplog = TapLog(data_dir / LOG_NAME, readonly=self.readonly, guard=backend.guard)
            taps = read_log(self)  # first: see there
        self._load()
        self._stats_seen = {}  # only the load may trust them
        if self._taplog is not None and taps is not None:
            if self.readonly and self._taplog.replaced_since_read():
                # A read-only copy: the writer folded the log into the files
                # just loaded and cut it. Its new lines are what is left.
                # (A writable store holds the lock: nobody else cuts its log.)
                taps = read_log(self)
            apply_log(self, taps)
            if not self.readonly:
                self._prepare_taplog()

    # --- opening -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path | str,
        *,
        readonly: bool = False,
        now_ms: Callable[[], int] = _now_ms,
        write_cache: bool = True,
    ) -> Store:
        """Open (creating if needed) a data folder.

        `write_cache=False` keeps a read-only open from writing its derived
        snapshot into the user's cache folder: it then writes nothing at all.

        Raises:
            LockedError: another instance writes here (retry with readonly=True).
            NewerVersionError: a newer rlbaby wrote this folder; nothing touched.
            StoreError: the folder cannot be created or read at all; every
                OSError (a read-only subfolder, an unlistable folder) becomes
                one, naming the file and what to do.
        """
        try:
            return cls._open(data_dir, readonly=readonly, now_ms=now_ms, write_cache=write_cache)
        except OSError as exc:
            raise errors.open_error(Path(data_dir).expanduser(), exc) from exc

    @classmethod
    def _open(
        cls,
        data_dir: Path | str,
        *,
        readonly: bool = False,
        now_ms: Callable[[], int] = _now_ms,
        write_cache: bool = True,
    ) -> Store:
        """Open (creating if needed) a data folder.

        Raises:
            LockedError: another instance writes here (retry with readonly=True).
            NewerVersionError: a newer rlbaby wrote this folder; nothing touched.
            StoreError: the folder cannot be created or read at all.
        """
        data_dir = Path(data_dir).expanduser()
        lock = None
        if not readonly:
            if data_dir.is_dir():
                # Refuse a newer folder before taking the lock, which would
                # create or rewrite rlbaby.lock in it; checked again below.
                check_version(FileBackend(data_dir, readonly=True))
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"Cannot create the data folder {data_dir}: {exc}") from exc
            lock = DataDirLock(data_dir)
            lock.acquire()
        elif not data_dir.is_dir():
            raise StoreError(f"There is no data folder at {data_dir}")
        try:
            # A restore cut short (kill -9, full disk) is finished or dropped
            # first, so the folder is the old data or the new, never a mix.
            if restore_marks_present(data_dir):
                from rlbaby.store.restore import finish_interrupted_restore

                finish_interrupted_restore(data_dir, readonly=readonly)
            finish_pending(data_dir, have_lock=lock is not None)  # an import a crash cut short
            backend = FileBackend(data_dir, readonly=readonly)
            check_version(backend)
            if not readonly:
                from rlbaby.store.migrations import migrate_if_needed

                migrate_if_needed(data_dir)
                remove_temp_files(data_dir)
            return cls(
                backend, now_ms=now_ms, lock=lock, data_dir=data_dir, write_cache=write_cache
            )
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def in_memory(cls, now_ms: Callable[[], int] = _now_ms) -> Store:
        return cls(MemoryBackend(), now_ms=now_ms)

    def close(self) -> None:
        if self._taplog is not None:
            if not self.readonly:
                try:
                    self.checkpoint()
                except StoreError as exc:
                    # Every save is in the log; the next open replays it.
                    log.warning("could not fold the tap log in at close: %s", exc)
            self._taplog.close()
        for table in (self._movements, self._episodes, self._sleep):
            table.close()
        self._meta_db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # --- following another copy (read-only) ------------------------------------

    def refresh(self) -> bool:
        """Re-read what the writing copy changed (a read-only store only).

        Only the files changed since the last look are read again (see
        follow.py); anything unusual falls back to a whole fresh load, swapped
        in only when it succeeds.

        Returns:
            True when something changed on disk and was re-read.

        Raises:
            StoreError: this store writes (its memory is the truth), or the
                folder can no longer be read; the old data stays in memory.
        """
        if not self.readonly or self.data_dir is None:
            raise StoreError("Only a read-only copy re-reads its folder.")
        if self._follower is None:
            self._follower = Follower(self, ())
        signature = folder_signature(self.data_dir)
        changed, removed = self._follower.changed_files(signature)
        if not changed and not removed:
            return False
        if removed or not self._follower.apply(changed):
            fresh = Store(
                FileBackend(self.data_dir, readonly=True),
                now_ms=self.now_ms,
                data_dir=self.data_dir,
                write_cache=self._write_cache,
            )
            revision = self.revision
            self.close()
            self.__dict__.update(fresh.__dict__)
            self.revision = revision
            self._follower = Follower(self, signature)
        self._follower.seen = signature
        self.revision += 1
        return True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _load(self) -> None:
        self._load_meta()
        # The loads below allocate hundreds of thousands of small objects and
        # no cycles; the cyclic GC would triple the time spent.
        with collector_off():
            cols: dict[str, tuple[Any, ...]] = {}

            def check(docs: list[Mapping[str, Any]], where: str) -> None:
                cols.clear()
                cols.update(check_movement_docs(docs, where))

            skip, cached = self._load_cached_files()
            parsed: dict[str, tuple[int, int]] = {}
            overwritten = False
            # The columns' index holds the ids loaded so far, as the table's
            # locations would: asking it lets a read-only open skip building those.
            known = self.columns.loaded
            for docs in self._movements.load(check, self.problems, skip, known):
                start = len(self.columns)
                if docs:
                    self.columns.load_columns(*(cols[name] for name in MovementColumns.LOAD_FIELDS))
                if len(self.columns) - start == len(docs):
                    parsed[self._movements.loading_key] = (start, len(self.columns))
                else:
                    overwritten = True  # a record in two files (a crash mid-move)
            savers = (
                self._load_records(
                    self._episodes, reccache.EPISODES, bulk.episodes_from_docs, self._episode_recs
                ),
                self._load_records(
                    self._sleep, reccache.SLEEP, bulk.sleep_from_docs, self._sleep_recs
                ),
            )
            # Only after the whole load: a failed open writes nothing.
            if not overwritten:
                self._save_column_cache(cached, parsed)
            for save in savers:
                if save is not None:
                    save()
            if not self.readonly:
                for table in (self._movements, self._episodes, self._sleep):
                    table.loc.flush()  # now, not in the first tap
                self.columns.build_index()  # the same: build the id index now
                for table in (self._movements, self._episodes, self._sleep):
                    table.drop_stale()

    def _may_cut_taplog(self) -> bool:
        return self._taplog_copied

    def _prepare_taplog(self) -> None:
        """Make and open the tap log now, not in the first tap (a folder's
        first one also states format 2 in meta.json, see migrations.py)."""
        assert self._taplog is not None
        try:
            # Even when the log exists: a restored format-1 backup brings an
            # empty one, and meta.json must still say 2 before a tap is logged.
            self._state_format()
            self._taplog.prepare()
        except StoreError as exc:
            log.warning("the tap log is not ready; the first save tries again: %s", exc)

    def _state_format(self) -> None:
        if self._folder_version < SCHEMA_VERSION:
            self._write_meta_header()

    def _load_meta(self) -> None:
        try:
            data = self._meta_storage.read()
            if data is None:
                if not self.readonly:
                    self._write_meta_header()
                return
            meta = single(data, "meta")
            if meta is None:
                if not self.readonly:
                    self._write_meta_header()
            else:
                self._folder_version = meta_version(meta)
            self._settings = codec.settings_from_doc(single(data, "settings") or {})
            for doc in data.get("children", {}).values():
                child = codec.child_from_doc(doc)
                self._children[child.id] = child
        except CorruptFileError as exc:
            self._quarantine_meta(exc.reason)
        except errors.MalformedRecord as exc:
            self._quarantine_meta(f"a record is malformed ({exc})")

    def _quarantine_meta(self, reason: str) -> None:
        problem = self.backend.quarantine("", "meta", reason + " (children, settings)")
        if problem.moved_to is None and not self.readonly:
            # Still in place: a fresh meta.json would overwrite it.
            raise StoreError(
                f"{problem.message()} rlbaby did not open the folder for writing, so that "
                "file is not overwritten. Move it out of the data folder (or free some "
                "space), then open rlbaby again."
            )
        self.problems.append(problem)
        self._meta_storage = self.backend.storage("", "meta")
        self._meta_db = TinyDB(storage=lambda: self._meta_storage)
        self._settings = Settings()
        self._children = {}
        if not self.readonly:
            self._write_meta_header()

    def _write_meta_header(self) -> None:
        self._meta_db.table("meta").upsert(
            {"schema_version": SCHEMA_VERSION, "app_version": __version__},
            lambda _doc: True,
        )
        self._folder_version = SCHEMA_VERSION

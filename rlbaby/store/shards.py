"""Records of one kind, kept in one TinyDB file per period of time.

(Over 400 lines: the load, the lookups and the two write paths, the batch's
and the tap log's, all work on the same cached dicts and locations.)

A tap does not write here: it appends a line to the tap log (taplog.py), and
`stage_put` keeps the record in its file's cached dict until a checkpoint
rewrites the files it changed (`flush_dirty`). A rewrite touches only its
period's files, so its cost does not grow with years of history.

Episodes and sleep periods are few: one file per calendar month
(`episodes/2026-11.json`, up to ~110 KB at 200k movements). Movements are
many, so each file holds one UTC day (`movements/2026-11-21d.json`). At 200k
movements over five years (two children, ~1,830 nights) a day file holds ~110
movements and ~31 KB, the fullest ~360 and ~100 KB. The ~1,830 files cost a
cold open no more CPU than ~180 did: older files come from the column cache
(colcache.py), checked by one stat each.

Any `<key>.json` in the folder is read as a shard, whatever its period: the
month files of 0.1 and the ten-day files of 0.2.0 stay where they are, and a
record edited later moves to its day file (`put` moves records between
shards). `key_bounds_ms` knows every key form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from rlbaby.store.atomic import AtomicJSONStorage, MemoryStorage
from rlbaby.store.backend import Backend, Problem
from rlbaby.store.codec import Doc
from rlbaby.store.errors import CorruptFileError, MalformedRecord, StoreError
from rlbaby.store.locations import Locations

DAY_SUFFIX = "d"


def month_key(utc_ms: int) -> str:
    """`2026-11`: the UTC calendar month (episode and sleep files)."""
    d = datetime.fromtimestamp(utc_ms / 1000, tz=UTC)
    return f"{d.year:04d}-{d.month:02d}"


def ten_day_key(utc_ms: int) -> str:
    """`2026-11-01`, `-11` or `-21`: the UTC month's third (movement files of 0.2.0).

    The last third runs to the month's end (8 to 11 days). Keys sort in time
    order, after the month's own key, so the newest file sorts last.
    """
    d = datetime.fromtimestamp(utc_ms / 1000, tz=UTC)
    start = 21 if d.day >= 21 else 11 if d.day >= 11 else 1
    return f"{d.year:04d}-{d.month:02d}-{start:02d}"


def day_key(utc_ms: int) -> str:
    """`2026-11-21d`: the UTC day (movement files, since the ten-day files of 0.2.0).

    The `d` tells it from the ten-day key of the same date (`2026-11-21`,
    which holds the 21st to the month's end). Keys of every form sort by the
    time they start, and a day key sorts after the ten-day or month key that
    starts the same day, so the newest file still sorts last.
    """
    d = datetime.fromtimestamp(utc_ms / 1000, tz=UTC)
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}{DAY_SUFFIX}"


def key_bounds_ms(key: str) -> tuple[int, int]:
    """[start, end) in UTC ms of the records a file key holds: the inverse of
    `month_key` (`2026-11`), `ten_day_key` (`2026-11-21`) and `day_key`
    (`2026-11-21d`).

    Raises:
        ValueError: `key` is none of these forms.
    """
    day = key.endswith(DAY_SUFFIX)
    try:
        parts = [int(p) for p in key.removesuffix(DAY_SUFFIX).split("-")]
        if len(parts) not in ((3,) if day else (2, 3)):
            raise ValueError(key)
        y, m, d = (*parts, 1) if len(parts) == 2 else parts
        start = datetime(y, m, d, tzinfo=UTC)
        if day:
            end = start + timedelta(days=1)
        elif len(parts) == 3 and d not in (1, 11, 21):
            raise ValueError(key)
        elif len(parts) == 3 and d < 21:
            end = datetime(y, m, d + 10, tzinfo=UTC)
        else:
            end = datetime(y + m // 12, m % 12 + 1, 1, tzinfo=UTC)
    except ValueError:
        raise ValueError(f"not a record file key: {key!r}") from None
    return int(start.timestamp() * 1000), int(end.timestamp() * 1000)


@dataclass
class PlannedPut:
    """A record put into a shard's cached dict, not yet written (`plan_put`)."""

    folder: str
    rid: str
    key: str
    doc_id: int
    moved_from: tuple[str, int] | None  # where the record was before, if anywhere
    storage: AtomicJSONStorage | MemoryStorage
    data: dict[str, Any]  # the storage's whole new contents
    before: Any  # what the dict held at doc_id before (None: nothing)
    new_file: bool  # the file did not exist

    def undo(self) -> None:
        """Take the record out of `data` again, as it was before `plan_put`."""
        table = self.data[self.folder]
        if self.before is None:
            table.pop(str(self.doc_id), None)
        else:
            table[str(self.doc_id)] = self.before


class ShardedTable:
    """TinyDB files under `<folder>/`, each holding one table `<folder>`.

    The caller names each record's file (`month_key`, `day_key`).
    """

    def __init__(self, backend: Backend, folder: str) -> None:
        self.backend = backend
        self.folder = folder
        self.loading_key = ""  # the file `load` is yielding
        self._tables: dict[str, Table] = {}
        self._dbs: dict[str, TinyDB] = {}
        # record id -> (file key, TinyDB doc id)
        self.loc = Locations()
        # file key -> a doc id that put() may use next (checked before use)
        self._next_ids: dict[str, int] = {}
        # Older copies of records that `load` met twice: a crash between the two
        # writes of a record moving to another file leaves one. `drop_stale`
        # removes them, or every later open would meet them again.
        self.stale: list[tuple[str, int]] = []
        # Files whose cached dict holds saves only the tap log has (taplog.py).
        self.dirty: set[str] = set()

    def _table(self, key: str) -> Table:
        table = self._tables.get(key)
        if table is None:
            db = self._dbs.get(key)
            if db is None:
                storage = self.backend.storage(self.folder, key)
                db = self._dbs[key] = TinyDB(storage=lambda: storage)
            table = self._tables[key] = Table(db.storage, self.folder, cache_size=0)
        return table

    def load(
        self,
        validate: Callable[[list[Mapping[str, Any]], str], None],
        problems: list[Problem],
        skip: frozenset[str] = frozenset(),
        known: Mapping[str, Any] | None = None,
    ) -> Iterator[list[Mapping[str, Any]]]:
        """Yield each readable file's documents; quarantine unreadable files.

        `validate(docs, where)` raises MalformedRecord for a wrongly shaped
        record; then the whole file is set aside untouched. Any other error
        is a bug, not damage: it propagates and no file is moved.

        `known` holds exactly the ids loaded so far, as `loc` does (the
        movement columns' index): asking it leaves `loc` unbuilt (see
        Locations).
        """
        keys = self.backend.keys(self.folder)
        for key in keys:
            if key in skip:
                continue  # loaded by the caller from a validated snapshot (colcache)
            self.loading_key = key
            storage = self.backend.storage(self.folder, key)
            where = self.backend.describe(self.folder, key)
            try:
                data = storage.read() or {}
                raw = data.get(self.folder, {})
                docs = list(raw.values())
                validate(docs, where)
            except CorruptFileError as exc:
                problems.append(self.backend.quarantine(self.folder, key, exc.reason))
                continue
            except MalformedRecord as exc:
                reason = f"a record is malformed ({exc})"
                problems.append(self.backend.quarantine(self.folder, key, reason))
                continue
            ids = [doc["id"] for doc in docs]
            seen = self.loc.keys() if known is None else known.keys()
            if len(set(ids)) == len(ids) and seen.isdisjoint(ids):
                self.loc.add_file(key, ids, map(int, raw))  # the usual case, at C speed
            else:
                for doc_id, doc in raw.items():
                    rid = doc["id"]
                    here = (key, int(doc_id))
                    old = self.loc.get(rid)
                    if old is None or self._updated(old) <= doc["updated_ms"]:
                        self.loc[rid] = here
                        if old is not None:
                            self.stale.append(old)
                    else:
                        self.stale.append(here)
            if key == keys[-1] and key not in self._dbs:
                # Taps go to the newest file: keep it parsed for the first one.
                self._dbs[key] = TinyDB(storage=lambda s=storage: s)
            yield docs

    def drop_stale(self) -> None:
        """Remove the older copies `load` met. If the disk refuses, they stay,
        and loading keeps the newer copy again next time."""
        by_key: dict[str, list[int]] = {}
        for key, doc_id in self.stale:
            by_key.setdefault(key, []).append(doc_id)
        self.stale = []
        for key, doc_ids in sorted(by_key.items()):
            try:
                self._table(key).remove(doc_ids=doc_ids)
            except (StoreError, KeyError):
                pass

    def _updated(self, where: tuple[str, int]) -> int:
        doc = self.get_doc_at(where)
        return -1 if doc is None else int(doc["updated_ms"])

    def get_doc_at(self, where: tuple[str, int]) -> Document | None:
        key, doc_id = where
        return self._table(key).get(doc_id=doc_id)

    def get_doc(self, rid: str) -> Document | None:
        where = self.loc.get(rid)
        return None if where is None else self.get_doc_at(where)

    def put(self, rid: str, key: str, doc: Doc) -> None:
        """Insert or replace the record `rid` in shard `key`. Durable on return.

        This is the tap's path, so it edits the storage's cached dict and
        writes it: TinyDB's insert and update copy the whole table twice, a
        third of a tap's CPU time at 2,500 records. If the write fails the
        storage drops its cache, so memory never claims what the disk lacks.
        """
        plan = self.plan_put(rid, key, doc)
        plan.storage.write(plan.data)
        self.finish_put(plan)

    def plan_put(self, rid: str, key: str, doc: Doc) -> PlannedPut:
        """Put the record into shard `key`'s cached dict; `finish_put` once it
        is written. If it is not written, drop the cache (a failed `write`
        does) or `PlannedPut.undo` it."""
        where = self.loc.get(rid)
        storage = self._storage(key)
        data = storage.read()
        new_file = data is None
        data = {} if data is None else data
        table = data.setdefault(self.folder, {})
        if where is not None and where[0] == key:
            doc_id = where[1]
        else:
            doc_id = self._next_ids.get(key, 0)
            if doc_id < 1 or str(doc_id) in table:  # first use, or a batch wrote around us
                doc_id = max(map(int, table), default=0) + 1
        before = table.get(str(doc_id))
        table[str(doc_id)] = dict(doc)
        return PlannedPut(self.folder, rid, key, doc_id, where, storage, data, before, new_file)

    def _placed(self, plan: PlannedPut) -> tuple[str, int] | None:
        """Note where the put record is now. Returns where its older copy
        is, when that is in another file (the record moved)."""
        where = plan.moved_from
        if where is not None and where[0] == plan.key:
            return None
        self._next_ids[plan.key] = plan.doc_id + 1
        self.loc[plan.rid] = (plan.key, plan.doc_id)
        return where

    def finish_put(self, plan: PlannedPut) -> None:
        """Note where the written record is; remove its copy from another file."""
        where = self._placed(plan)
        if where is not None:
            # Moved to another file. If this removal fails, the stale copy is
            # older and loading keeps the newer one, so nothing is lost.
            try:
                self._table(where[0]).remove(doc_ids=[where[1]])
            except StoreError:
                pass

    def stage_put(self, rid: str, key: str, doc: Doc) -> PlannedPut:
        """Put the record into shard `key`'s cached dict without writing the
        file: the tap log holds it (see taplog.py). `finish_staged` once the
        log line is durable, or `PlannedPut.undo` if it is not."""
        plan = self.plan_put(rid, key, doc)
        if plan.new_file:
            plan.storage.hold(plan.data)
        return plan

    def finish_staged(self, plan: PlannedPut) -> None:
        """The staged record's log line is durable: note where it is, and take
        an older copy out of the file it moved from, in memory too. Both
        files are rewritten at the next checkpoint (`flush_dirty`)."""
        self.dirty.add(plan.key)
        where = self._placed(plan)
        if where is not None:
            try:
                old = self._storage(where[0])
                data = old.read()
            except StoreError:
                return  # unreadable, so never rewritten; loading keeps the newer copy
            if data is not None and data.get(self.folder, {}).pop(str(where[1]), None):
                self.dirty.add(where[0])

    def flush_dirty(self) -> None:
        """Rewrite every file the tap log changed, each atomically.

        Raises:
            WriteError: the disk refused; the files not yet rewritten stay
                dirty (the log still holds their saves).
        """
        for key in sorted(self.dirty):
            storage = self._storage(key)
            if isinstance(storage, AtomicJSONStorage):  # memory has no log
                storage.flush()
            self.dirty.discard(key)

    def _storage(self, key: str) -> AtomicJSONStorage | MemoryStorage:
        self._table(key)
        return cast(AtomicJSONStorage | MemoryStorage, self._dbs[key].storage)

    def put_many(self, items: list[tuple[str, str, Doc]]) -> Callable[[], None]:
        """Insert or replace many records, one write per shard file.

        All or nothing: if any file cannot be written, the files already
        written are put back byte for byte (a file the batch created is
        removed again) and StoreError is raised. The returned function does
        the same later, for a batch that spans several tables.
        """
        latest: dict[str, tuple[str, Doc]] = {}
        for rid, key, doc in items:
            latest[rid] = (key, doc)  # the last copy of an id wins, as in put()
        # Plan every file's new contents before writing any of them.
        puts: dict[str, dict[str, Doc]] = {}
        drops: dict[str, list[int]] = {}
        next_ids: dict[str, int] = {}
        new_loc: dict[str, tuple[str, int]] = {}
        wheres = self.loc.get_many(list(latest))
        for (rid, (key, doc)), where in zip(latest.items(), wheres, strict=True):
            if where is not None and where[0] == key:
                puts.setdefault(key, {})[str(where[1])] = doc
                continue
            if key not in next_ids:
                current = (self._storage(key).read() or {}).get(self.folder, {})
                next_ids[key] = max((int(k) for k in current), default=0) + 1
            doc_id = next_ids[key]
            next_ids[key] += 1
            puts.setdefault(key, {})[str(doc_id)] = doc
            new_loc[rid] = (key, doc_id)
            if where is not None:
                drops.setdefault(where[0], []).append(where[1])
        written: list[tuple[str, bytes | None]] = []
        try:
            # New copies first, stale copies of moved records after: a crash in
            # between leaves an older duplicate (loading keeps the newest),
            # never a record in no file at all.
            for phase in (puts, drops):
                for key in sorted(phase):
                    storage = self._storage(key)
                    before = storage.snapshot()
                    data = storage.read()
                    data = {} if data is None else data
                    table = data.setdefault(self.folder, {})
                    if phase is puts:
                        table.update(puts[key])
                    else:
                        for doc_id in drops[key]:
                            table.pop(str(doc_id), None)
                    storage.write(data)
                    written.append((key, before))
        except BaseException:
            self._put_back(written)
            raise
        finally:
            # TinyDB tables cache their next id; we wrote around them.
            self._tables.clear()
        old_loc = dict(zip(new_loc, self.loc.get_many(list(new_loc)), strict=True))
        self.loc.update(new_loc)

        def rollback() -> None:
            self._put_back(written)
            for rid, where in old_loc.items():
                if where is None:
                    self.loc.pop(rid, None)
                else:
                    self.loc[rid] = where

        return rollback

    def _put_back(self, written: list[tuple[str, bytes | None]]) -> None:
        for key, before in reversed(written):
            try:
                self._storage(key).restore(before)
            except StoreError:
                pass  # the disk is failing; load-time dedupe keeps the newest copy
        self._tables.clear()

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
        self._tables.clear()

"""How the store saves: one durable write per file, all or nothing (part of Store)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from tinydb import TinyDB

from rlbaby.model import Child, Episode, Movement, Settings, SleepPeriod
from rlbaby.store import codec
from rlbaby.store.atomic import AtomicJSONStorage, MemoryStorage, unstaged
from rlbaby.store.columns import MovementColumns
from rlbaby.store.errors import StoreError
from rlbaby.store.records import Records
from rlbaby.store.shards import PlannedPut, ShardedTable, day_key, month_key
from rlbaby.store.taplog import MAX_LINES, TapLog

log = logging.getLogger(__name__)

R = TypeVar("R", bound=Movement | Episode | SleepPeriod | Child)
D = TypeVar("D", bound=Movement | Episode | SleepPeriod)


class StoreWrites:
    """The write side of `Store`. Store sets these attributes when it loads the folder."""

    now_ms: Callable[[], int]
    revision: int
    columns: MovementColumns
    _meta_storage: AtomicJSONStorage | MemoryStorage
    _meta_db: TinyDB
    _settings: Settings
    _children: dict[str, Child]
    _movements: ShardedTable
    _episodes: ShardedTable
    _sleep: ShardedTable
    _episode_recs: Records[Episode]
    _sleep_recs: Records[SleepPeriod]
    # The folder's tap log (None in memory): record saves append to it.
    _taplog: TapLog | None

    def save_settings(self, settings: Settings) -> None:
        self._meta_db.table("settings").upsert(codec.settings_to_doc(settings), lambda _d: True)
        self._settings = settings
        self.revision += 1

    def save(self, record: R) -> R:
        """Persist a new or changed record durably; returns it with fresh stamps.

        Raises:
            ReadOnlyError: the folder is open read-only.
            WriteError: the disk refused (full, read-only, I/O); nothing changed.
        """
        now = self.now_ms()
        stamped = replace(record, created_ms=record.created_ms or now, updated_ms=now)
        self._persist(stamped)
        self.revision += 1
        return stamped

    def save_together(self, records: Sequence[D]) -> list[D]:
        """Persist a few new or changed records in one durable step; all or nothing.

        The tap that opens an episode saves both with it, as one line of the
        tap log (so a crash keeps both or neither). Put first what can stand
        alone (the episode before its movement).

        Raises:
            ReadOnlyError: the folder is open read-only.
            WriteError: the disk refused; nothing changed, on disk or in memory.
            ValueError: two of the records belong in one file (use `save_many`).
        """
        now = self.now_ms()
        stamped = [replace(r, created_ms=r.created_ms or now, updated_ms=now) for r in records]
        wheres = [self._where(r) for r in stamped]
        if len({(table.folder, key) for table, key, _doc in wheres}) < len(wheres):
            raise ValueError("save_together saves records of different files")
        if self._taplog is not None:
            self._log_step(
                [(t, key, r.id, doc) for r, (t, key, doc) in zip(stamped, wheres, strict=True)]
            )
            for rec in stamped:
                self._remember(rec)
            self.revision += 1
            return stamped
        # No tap log (a store in memory): each file in turn, the earlier ones
        # put back if a later one fails.
        plans: list[tuple[ShardedTable, PlannedPut, bytes | None]] = []
        try:
            for rec, (table, key, doc) in zip(stamped, wheres, strict=True):
                plan = table.plan_put(rec.id, key, doc)
                try:
                    before = plan.storage.snapshot()
                except BaseException:
                    plan.storage.forget()  # plan_put edited its cache
                    raise
                plan.storage.write(plan.data)  # a failed write drops the edited cache
                plans.append((table, plan, before))
        except BaseException:
            for _table, plan, before in reversed(plans):
                try:
                    plan.storage.restore(before)
                except StoreError:
                    pass  # the disk is failing; what it kept are complete records
            raise
        for (table, plan, _before), rec in zip(plans, stamped, strict=True):
            table.finish_put(plan)
            self._remember(rec)
        self.revision += 1
        return stamped

    def save_many(self, records: list[Any], commit: Callable[[], None] | None = None) -> list[Any]:
        """Persist many records with one write per file; all or nothing.

        Used by import, restore and the demo. Children first, then the rest.
        `commit` runs once every file is written, before memory changes; if it
        raises, the batch is undone as for a failed write (import's journal).
        """
        self.checkpoint()  # the batch rewrites files: fold the tap log into them first
        if self._taplog is not None and self._taplog.lines:
            # A damaged log kept until its copy is set aside: the next open
            # would replay its older copies over what the batch writes.
            raise StoreError(
                "Nothing was changed: rlbaby keeps the tap log as it is until it can set "
                "aside a copy of its damaged lines (see the notice about taps.log). Free "
                "some space in the data folder, then open rlbaby again and retry."
            )
        now = self.now_ms()
        stamped = [
            replace(r, created_ms=r.created_ms or now, updated_ms=r.updated_ms or now)
            for r in records
        ]
        kids = [r for r in stamped if isinstance(r, Child)]
        groups: dict[str, list[tuple[str, str, codec.Doc]]] = {}
        for r in stamped:
            if isinstance(r, Movement):
                item = (r.id, day_key(r.at.utc_ms), codec.movement_to_doc(r))
                groups.setdefault("movements", []).append(item)
            elif isinstance(r, Episode):
                item = (r.id, month_key(r.opened.utc_ms), codec.episode_to_doc(r))
                groups.setdefault("episodes", []).append(item)
            elif isinstance(r, SleepPeriod):
                item = (r.id, month_key(r.asleep.utc_ms), codec.sleep_to_doc(r))
                groups.setdefault("sleep", []).append(item)
        # Episodes before movements: a crash in between leaves empty episodes,
        # never movements pointing at a missing episode.
        rollbacks = []
        children_before = dict(self._children)
        meta_before = self._meta_storage.snapshot() if kids else None
        try:
            for c in kids:
                self._persist(c)
            for name, table in (
                ("episodes", self._episodes),
                ("sleep", self._sleep),
                ("movements", self._movements),
            ):
                if name in groups:
                    rollbacks.append(table.put_many(groups[name]))
            if commit is not None:
                commit()
        except BaseException:
            # Put every file back byte for byte, and memory as it was.
            for undo in reversed(rollbacks):
                undo()
            if kids:
                try:
                    self._meta_storage.restore(meta_before)
                except StoreError:
                    pass  # the disk is failing; the children saved are complete records
            self._children = children_before
            raise
        self.columns.put_many([r for r in stamped if isinstance(r, Movement)])
        for r in stamped:
            if isinstance(r, Episode):
                self._episode_recs[r.id] = r
            elif isinstance(r, SleepPeriod):
                self._sleep_recs[r.id] = r
        self.revision += 1
        return stamped

    def delete(self, record: R) -> R:
        """Leave a tombstone (undo with `undelete`)."""
        return self.save(replace(record, deleted_ms=self.now_ms()))

    def undelete(self, record: R) -> R:
        return self.save(replace(record, deleted_ms=None))

    def _persist(self, rec: Movement | Episode | SleepPeriod | Child) -> None:
        if isinstance(rec, Child):
            table = self._meta_db.table("children")
            table.upsert(codec.child_to_doc(rec), lambda d: d.get("id") == rec.id)
            self._children[rec.id] = rec
            return
        shards, key, doc = self._where(rec)
        if self._taplog is not None:
            self._log_step([(shards, key, rec.id, doc)])
        else:
            shards.put(rec.id, key, doc)
        self._remember(rec)

    def _log_step(self, items: list[tuple[ShardedTable, str, str, codec.Doc]]) -> None:
        """Save records as one line of the tap log (see taplog.py): put them
        into their files' cached dicts, append the line, and undo the puts if
        it is not durable.

        Raises:
            ReadOnlyError, WriteError: nothing changed, on disk or in memory.
        """
        assert self._taplog is not None
        # Before the log: an older rlbaby must refuse the folder. (Not only when
        # the log is new: a restored format-1 backup brings an empty one.)
        self._state_format()
        plans: list[tuple[ShardedTable, PlannedPut]] = []
        try:
            for table, key, rid, doc in items:
                plans.append((table, table.stage_put(rid, key, doc)))
            self._taplog.append([(table.folder, key, doc) for table, key, _rid, doc in items])
        except BaseException:
            for _table, plan in reversed(plans):
                plan.undo()
                if plan.new_file:
                    plan.storage.forget()  # the file still does not exist
            raise
        for table, plan in plans:
            table.finish_staged(plan)
        if self._taplog.lines >= MAX_LINES:
            try:
                self.checkpoint()
            except StoreError as exc:
                # The save is durable in the log; folding it in waits for later.
                log.warning("could not fold the tap log into the record files: %s", exc)

    def checkpoint(self) -> None:
        """Fold the tap log into the record files: rewrite each file it
        changed (atomically), then cut the log back to its header.

        A crash in between replays the log onto files that already hold some
        of it, which ends in the same state (taplog.py).

        Raises:
            WriteError: the disk refused; the log keeps every save.
        """
        taplog = self._taplog
        if taplog is None or not taplog.lines or not self._may_cut_taplog():
            return
        # Never staged into an import's journal: the cut below is a real
        # write, so files staged (and then discarded, or lost in a crash
        # before the commit) would leave the log's taps nowhere on disk.
        with unstaged():
            for table in (self._episodes, self._sleep, self._movements):
                table.flush_dirty()
            taplog.cut()

    def _may_cut_taplog(self) -> bool:
        """False while a damaged log has no copy in quarantine (Store sets it)."""
        return True

    def _state_format(self) -> None:
        """Make meta.json state this format's version (Store does it)."""

    def _where(self, rec: Movement | Episode | SleepPeriod) -> tuple[ShardedTable, str, codec.Doc]:
        """The record's table, file key and stored form."""
        if isinstance(rec, Movement):
            return self._movements, day_key(rec.at.utc_ms), codec.movement_to_doc(rec)
        if isinstance(rec, Episode):
            return self._episodes, month_key(rec.opened.utc_ms), codec.episode_to_doc(rec)
        return self._sleep, month_key(rec.asleep.utc_ms), codec.sleep_to_doc(rec)

    def _remember(self, rec: Movement | Episode | SleepPeriod) -> None:
        """Show a saved record in memory."""
        if isinstance(rec, Movement):
            self.columns.put(rec)
        elif isinstance(rec, Episode):
            self._episode_recs[rec.id] = rec
        else:
            self._sleep_recs[rec.id] = rec

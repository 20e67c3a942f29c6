"""Undo and redo of the logger's changes (part of LoggerService).

Each use case records one `Change`: every record it touched, before and after.
Undo writes the "before" states back (a new record is tombstoned, never erased),
redo the "after" states; both are durable before listeners hear of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from rlbaby.model import Child, Episode, Movement, SleepPeriod
from rlbaby.services.events import Emitter, Record, RecordsChanged
from rlbaby.store import Store

UNDO_DEPTH = 200
R = TypeVar("R", Movement, Episode, SleepPeriod, Child)


@dataclass(frozen=True)
class Change:
    """One undoable step: each record's state before (None = did not exist) and after."""

    label: str
    pairs: tuple[tuple[Record | None, Record], ...]


class UndoHistory:
    """The undo and redo stacks over `store`; LoggerService sets the attributes."""

    store: Store
    events: Emitter
    _undo: list[Change]
    _redo: list[Change]

    # Forget the child's cached last tap: a change may have moved or removed it.
    _forget_last: Callable[[str], None]

    def _current(self, record: R) -> R:
        """The stored version of `record` (it may have changed since it was read)."""
        if isinstance(record, Movement):
            return self.store.movement(record.id) or record
        if isinstance(record, Episode):
            return self.store.episode(record.id) or record
        if isinstance(record, SleepPeriod):
            return self.store.sleep_period(record.id) or record
        return self.store.child(record.id) or record

    def _stored(self, record: Record) -> Record:
        """`_current` for a record of any kind (undo and redo hold all kinds)."""
        if isinstance(record, Movement):
            return self._current(record)
        if isinstance(record, Episode):
            return self._current(record)
        if isinstance(record, SleepPeriod):
            return self._current(record)
        return self._current(record)

    def _after_change(self, change: Change) -> None:
        self._push(change)
        self._changed(change, change.label)

    def _changed(self, change: Change, reason: str) -> None:
        for _before, after in change.pairs:
            if isinstance(after, Movement | Episode):
                self._forget_last(after.child_id)
        self.events.emit(RecordsChanged(tuple(a for _b, a in change.pairs), reason))

    def _push(self, change: Change) -> None:
        self._undo.append(change)
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    def undo(self) -> Change | None:
        """Revert the last change (a tap is tombstoned, never erased)."""
        if not self._undo:
            return None
        change = self._undo[-1]
        reverted: list[tuple[Record | None, Record]] = []
        for before, after in reversed(change.pairs):
            current = self._stored(after)
            if before is None:
                reverted.append((current, self.store.delete(current)))
            else:
                reverted.append((current, self.store.save(replace(before))))
        self._undo.pop()
        self._redo.append(change)
        self._changed(Change(change.label, tuple(reverted)), f"undo {change.label}")
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo[-1]
        redone: list[tuple[Record | None, Record]] = []
        for _before, after in change.pairs:
            current = self._stored(after)
            redone.append((current, self.store.save(replace(after))))
        self._redo.pop()
        self._undo.append(change)
        self._changed(Change(change.label, tuple(redone)), f"redo {change.label}")
        return change

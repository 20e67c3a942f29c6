"""The store's episodes or sleep periods by id, a snapshot's built a child at a time.

Building 24k record objects was most of what loading them from the snapshot
(reccache.py) cost, and what a parent opens first needs one child's: the Log
tab of the current child, `summary --child`. So the snapshot's records wait
in its columns, already checked, and one child's are built together the first
time anything asks for one of them: by id, by child, or all.

Until then the map holds a placeholder under each of their ids, in the order
the load met them, so the ids are known (a record in two files is still
caught at load) and the order of the map is exactly that of a full load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, KeysView, Mapping, Sequence, ValuesView
from typing import Any, Generic, Protocol, TypeVar, cast, overload

from rlbaby.store.nocycles import collector_off


class _Record(Protocol):
    @property
    def child_id(self) -> str: ...


R = TypeVar("R", bound=_Record)
T = TypeVar("T")


class _Waiting:
    """The placeholder of one child's records from one snapshot, not built yet."""

    __slots__ = ("build", "child_id", "ids")

    def __init__(self, child_id: str, ids: list[str], build: Callable[[], list[Any]]) -> None:
        self.child_id = child_id
        self.ids = ids
        self.build = build


class Records(Mapping[str, R], Generic[R]):
    """Record id -> record, for one folder of the store."""

    def __init__(self) -> None:
        self._recs: dict[str, R | _Waiting] = {}
        self._waiting: dict[str, list[_Waiting]] = {}  # child id -> groups not built yet

    def add_waiting(
        self,
        ids: list[str],
        group_of: list[int],
        groups: Sequence[tuple[str, list[str], Callable[[], list[R]]]],
    ) -> None:
        """Hold `ids` (none held yet), in this order, until their records are
        built: ids[i] by groups[group_of[i]], a (child id, its ids in order,
        build) whose build() returns the records of those ids in that order."""
        waiting = [_Waiting(child_id, gids, build) for child_id, gids, build in groups]
        self._recs.update(zip(ids, map(waiting.__getitem__, group_of), strict=True))
        for group in waiting:
            self._waiting.setdefault(group.child_id, []).append(group)

    @overload
    def get(self, rid: str, /) -> R | None: ...
    @overload
    def get(self, rid: str, /, default: R | T) -> R | T: ...
    def get(self, rid: str, /, default: Any = None) -> Any:
        rec = self._recs.get(rid, default)
        if type(rec) is _Waiting:
            self._build(rec.child_id)
            rec = self._recs[rid]
        return rec

    def __getitem__(self, rid: str) -> R:
        rec = self._recs[rid]
        if type(rec) is _Waiting:
            self._build(rec.child_id)
            rec = self._recs[rid]
        return cast(R, rec)

    def __setitem__(self, rid: str, rec: R) -> None:
        self._recs[rid] = rec

    def __contains__(self, rid: object) -> bool:
        return rid in self._recs

    def __iter__(self) -> Iterator[str]:
        return iter(self._recs)

    def __len__(self) -> int:
        return len(self._recs)

    def keys(self) -> KeysView[str]:
        return self._recs.keys()

    def values(self) -> ValuesView[R]:
        """Every record (building all that wait), in load-then-save order."""
        for child_id in list(self._waiting):
            self._build(child_id)
        return cast(ValuesView[R], self._recs.values())

    def of_child(self, child_id: str) -> list[R]:
        """The child's records (building those that wait), in the same order."""
        self._build(child_id)
        # Another child's placeholders have its child id: the test leaves them out.
        return cast(list[R], [r for r in self._recs.values() if r.child_id == child_id])

    def _build(self, child_id: str) -> None:
        groups = self._waiting.get(child_id)
        if not groups:
            return
        recs = self._recs
        with collector_off():  # tens of thousands of small objects, no cycles
            for group in groups:
                for rid, rec in zip(group.ids, group.build(), strict=True):
                    if recs.get(rid) is group:  # not replaced by a save meanwhile
                        recs[rid] = rec
            self._waiting.pop(child_id, None)  # only once built: a failure leaves them waiting

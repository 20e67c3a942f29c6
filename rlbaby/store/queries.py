"""What the store answers: records, and movements as numpy arrays (part of Store)."""

from __future__ import annotations

from rlbaby.model import Child, Episode, Movement, Settings, SleepPeriod
from rlbaby.model.arrays import MovementArrays
from rlbaby.store import codec
from rlbaby.store.columns import MovementColumns
from rlbaby.store.records import Records
from rlbaby.store.shards import ShardedTable


class StoreQueries:
    """The read side of `Store`: answers from memory, never from disk.

    Store sets these attributes when it loads the folder.
    """

    columns: MovementColumns
    _movements: ShardedTable
    _settings: Settings
    _children: dict[str, Child]
    _episode_recs: Records[Episode]
    _sleep_recs: Records[SleepPeriod]

    @property
    def settings(self) -> Settings:
        return self._settings

    def children(self, include_deleted: bool = False) -> list[Child]:
        kids = [c for c in self._children.values() if include_deleted or c.deleted_ms is None]
        return sorted(kids, key=lambda c: (c.created_ms, c.name))

    def child(self, child_id: str) -> Child | None:
        return self._children.get(child_id)

    def child_by_name(self, name: str) -> Child | None:
        folded = name.strip().casefold()
        for c in self.children():
            if c.name.strip().casefold() == folded:
                return c
        return None

    def movements(
        self,
        child_id: str | None = None,
        t0_ms: int | None = None,
        t1_ms: int | None = None,
        episode_id: str | None = None,
    ) -> MovementArrays:
        """Live movements in [t0_ms, t1_ms) as arrays sorted by time."""
        return self.columns.query(child_id, t0_ms, t1_ms, episode_id)

    def last_movement(
        self, child_id: str, until_ms: int | None = None
    ) -> tuple[str, int, str] | None:
        """The child's latest live movement (at or before `until_ms` if given):
        (movement id, UTC ms, episode id)."""
        return self.columns.last(child_id, until_ms)

    def movement(self, movement_id: str) -> Movement | None:
        doc = self._movements.get_doc(movement_id)
        return None if doc is None else codec.movement_from_doc(doc)

    def movements_of_episode(self, episode_id: str) -> list[Movement]:
        ids = self.columns.query(episode_id=episode_id).ids
        return [m for m in (self.movement(i) for i in ids) if m is not None]

    def episode(self, episode_id: str) -> Episode | None:
        return self._episode_recs.get(episode_id)

    def episodes(
        self,
        child_id: str | None = None,
        t0_ms: int | None = None,
        t1_ms: int | None = None,
        include_deleted: bool = False,
    ) -> list[Episode]:
        """Episodes opened in [t0_ms, t1_ms), oldest first."""
        recs = self._episode_recs
        out = [
            e
            for e in (recs.values() if child_id is None else recs.of_child(child_id))
            if (include_deleted or e.deleted_ms is None)
            and (t0_ms is None or e.opened.utc_ms >= t0_ms)
            and (t1_ms is None or e.opened.utc_ms < t1_ms)
        ]
        out.sort(key=lambda e: e.opened.utc_ms)
        return out

    def sleep_period(self, sleep_id: str) -> SleepPeriod | None:
        return self._sleep_recs.get(sleep_id)

    def sleep_periods(
        self,
        child_id: str | None = None,
        t0_ms: int | None = None,
        t1_ms: int | None = None,
        include_deleted: bool = False,
    ) -> list[SleepPeriod]:
        """Sleep periods overlapping [t0_ms, t1_ms), oldest first."""
        recs = self._sleep_recs
        out = [
            s
            for s in (recs.values() if child_id is None else recs.of_child(child_id))
            if (include_deleted or s.deleted_ms is None)
            and (t1_ms is None or s.asleep.utc_ms < t1_ms)
            and (t0_ms is None or s.awake is None or s.awake.utc_ms > t0_ms)
        ]
        out.sort(key=lambda s: s.asleep.utc_ms)
        return out

    def counts(self) -> dict[str, int]:
        return {
            "children": len(self.children()),
            "movements": int(self.columns.live[: len(self.columns)].sum()),
            "episodes": sum(1 for e in self._episode_recs.values() if e.deleted_ms is None),
            "sleep_periods": sum(1 for s in self._sleep_recs.values() if s.deleted_ms is None),
        }

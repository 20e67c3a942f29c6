"""In-memory columns of every movement, so range queries are numpy masks.

Rows are appended in arrival order (a tap is O(1)); a query masks, then sorts
the few rows it returns. Deleted movements stay as rows with live=False.

The ids of the rows live in column_ids.py: packed as a column snapshot
stored them, or as str for rows added since.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from rlbaby.model import Movement, MovementKind
from rlbaby.model.arrays import KIND_CODE, LazyIds, MovementArrays
from rlbaby.store.colcache import SIG_FIELDS, Snapshot
from rlbaby.store.column_ids import ColumnIds
from rlbaby.store.idblock import PackedIds

_KIND_BY_VALUE = {k.value: KIND_CODE[k] for k in MovementKind}


class Interner:
    """Maps uuid strings to small ints and back."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self.values: list[str] = []

    def code(self, value: str) -> int:
        c = self.codes.get(value)
        if c is None:
            c = self.codes[value] = len(self.values)
            self.values.append(value)
        return c

    def codes_of(self, values: Sequence[str]) -> list[int]:
        # New values are numbered in bulk, in order of first appearance, as
        # `code` would one by one (14k episode ids at an open: a call each cost
        # 8 ms).
        codes = self.codes
        new = [v for v in dict.fromkeys(values) if v not in codes]
        codes.update(zip(new, range(len(self.values), len(self.values) + len(new)), strict=True))
        self.values.extend(new)
        return list(map(codes.__getitem__, values))


class MovementColumns(ColumnIds):
    # The stored fields `load_columns` takes, in its argument order.
    LOAD_FIELDS = (
        "id",
        "at_ms",
        "at_offset_min",
        "kind",
        "child",
        "episode",
        "deleted_ms",
        "updated_ms",
    )

    def __init__(self) -> None:
        super().__init__()
        self._n = 0
        self._cap = 0
        self.at_ms = np.empty(0, np.int64)
        self.offset_min = np.empty(0, np.int32)
        self.kind = np.empty(0, np.int8)
        self.child = np.empty(0, np.int32)
        self.episode = np.empty(0, np.int32)
        self.live = np.empty(0, np.bool_)
        self.updated_ms = np.empty(0, np.int64)
        self.children = Interner()
        self.episodes = Interner()

    def _grow(self, need: int) -> None:
        if need <= self._cap:
            return
        # A quarter more, not double: right after a snapshot fills the columns
        # exactly, the newest file's rows would otherwise double 200k rows
        # (6 MB more for the whole session); appends stay amortised O(1).
        cap = max(need, self._cap + self._cap // 4, 1024)
        for name in ("at_ms", "offset_min", "kind", "child", "episode", "live", "updated_ms"):
            old = getattr(self, name)
            new = np.zeros(cap, old.dtype)
            new[: self._n] = old[: self._n]
            setattr(self, name, new)
        self._cap = cap

    def load_columns(
        self,
        ids: Sequence[str],
        at: Sequence[int],
        offset: Sequence[int],
        kinds: Sequence[str],
        children: Sequence[str],
        episodes: Sequence[str],
        deleted: Sequence[int | None],
        updated: Sequence[int],
    ) -> None:
        """Bulk-load movements, one column per field (already shape-checked).

        New ids are appended column-wise, without a Python call per row (this
        is most of the cost of opening 200k movements); a batch holding an id
        seen before goes row by row so the newer copy wins.
        """
        n = len(ids)
        if len(set(ids)) == n and self.disjoint(ids):
            start = self._n
            end = start + n
            self._grow(end)
            self.at_ms[start:end] = at
            self.offset_min[start:end] = offset
            self.kind[start:end] = list(map(_KIND_BY_VALUE.__getitem__, kinds))
            self.child[start:end] = self.children.codes_of(children)
            self.episode[start:end] = self.episodes.codes_of(episodes)
            self.live[start:end] = [d is None for d in deleted]
            self.updated_ms[start:end] = updated
            self._extra.extend(ids)  # _extra_rows indexes them when asked
            self._n = end
            return
        rows = zip(ids, at, offset, kinds, children, episodes, deleted, updated, strict=True)
        for mid, at_ms, off, kind, child, episode, dead, updated_ms in rows:
            self._set_row(
                mid, at_ms, off, _KIND_BY_VALUE[kind], child, episode, dead is None, updated_ms
            )

    def load_snapshot(
        self, snap: Snapshot, keys: list[str], index: bool = False
    ) -> list[int] | None:
        """Load the rows of files `keys` of a column snapshot into empty columns.

        Returns each file's number of rows; None, with nothing loaded, when
        an id repeats (then the caller parses those files' JSON instead). The
        id index is built now with `index` (a writable store needs it for its
        first tap), else when first asked.
        """
        if self._n:
            raise ValueError("a snapshot loads into empty columns only")
        bounds = snap.bounds()
        spans = [bounds[k] for k in keys]
        rows: slice | npt.NDArray[np.intp]
        ids = snap.ids
        if len(keys) == len(snap.keys):  # the usual case: no file changed
            rows = slice(0, len(ids))
        else:
            rows = np.concatenate([np.arange(s, e) for s, e in spans] or [np.empty(0, np.intp)])
            ids = ids.take(rows) if isinstance(ids, PackedIds) else [ids[r] for r in rows.tolist()]
        n = len(ids)
        if isinstance(ids, PackedIds):
            if index:
                ids.build_index()
            if not ids.distinct():
                return None
            self._packed, self._p = ids, n
        else:  # ids of several widths (never ours): kept as str
            if len(set(ids)) != n:
                return None
            self._extra = list(ids)
            if index:
                self._extra_rows()
        self._grow(n)
        self.at_ms[:n] = snap.at_ms[rows]
        self.offset_min[:n] = snap.offset[rows]
        self.kind[:n] = snap.kind[rows]
        children = np.array(self.children.codes_of(snap.child_values), np.int32)
        episodes = np.array(self.episodes.codes_of(snap.episode_values), np.int32)
        self.child[:n] = children[snap.child[rows]]
        self.episode[:n] = episodes[snap.episode[rows]]
        self.live[:n] = snap.live[rows]
        self.updated_ms[:n] = snap.updated_ms[rows]
        self._n = n
        return [end - start for start, end in spans]

    def export_snapshot(
        self, files: list[tuple[str, int, int, npt.NDArray[np.int64], npt.NDArray[np.int64]]]
    ) -> Snapshot:
        """Files as (key, first row, end row, doc ids, signature) -> a column snapshot."""
        rows = np.concatenate(
            [np.arange(s, e) for _k, s, e, _d, _g in files] or [np.empty(0, np.intp)]
        )
        child_u, child_inv = np.unique(self.child[rows], return_inverse=True)
        ep_u, ep_inv = np.unique(self.episode[rows], return_inverse=True)
        return Snapshot(
            keys=[f[0] for f in files],
            sigs=np.array([f[4] for f in files], np.int64).reshape(len(files), SIG_FIELDS),
            counts=np.array([e - s for _k, s, e, _d, _g in files], np.int64),
            ids=self._snapshot_ids(rows),
            doc_ids=np.concatenate([f[3] for f in files] or [np.empty(0, np.int64)]).astype(
                np.int64
            ),
            at_ms=self.at_ms[rows],
            offset=self.offset_min[rows],
            kind=self.kind[rows],
            child_values=[self.children.values[c] for c in child_u.tolist()],
            child=child_inv.astype(np.int32),
            episode_values=[self.episodes.values[c] for c in ep_u.tolist()],
            episode=ep_inv.astype(np.int32),
            live=self.live[rows],
            updated_ms=self.updated_ms[rows],
        )

    def put(self, m: Movement, row: int | None = None) -> None:
        """Set movement `m`'s row (a new row for a new id). `row`: where `m.id`
        was found by `rows_of` in a batch (-1: not there)."""
        self._set_row(
            m.id,
            m.at.utc_ms,
            m.at.offset_min,
            KIND_CODE[m.kind],
            m.child_id,
            m.episode_id,
            m.deleted_ms is None,
            m.updated_ms,
            row,
        )

    def put_many(self, movements: Sequence[Movement]) -> None:
        """`put` each, the ids looked up as arrays: an import of thousands
        would otherwise hash and search each id on its own."""
        rows = self.rows_of([m.id for m in movements]).tolist()
        for m, row in zip(movements, rows, strict=True):
            self.put(m, row)

    def _set_row(
        self,
        mid: str,
        at_ms: int,
        offset: int,
        kind: int,
        child: str,
        episode: str,
        live: bool,
        updated_ms: int,
        known: int | None = None,
    ) -> None:
        if known is None:
            row = self.row(mid)  # builds the index: a tap right after a scan is rare
        elif known < 0:  # not there when the batch began: maybe added by it since
            row = self._extra_rows().get(mid)
        else:
            row = known
        if row is None:
            self._grow(self._n + 1)
            row = self._add_id(mid)
            self._n += 1
        elif updated_ms < self.updated_ms[row]:
            return  # a stale duplicate (left by a crash mid-move); keep the newer
        self.at_ms[row] = at_ms
        self.offset_min[row] = offset
        self.kind[row] = kind
        self.child[row] = self.children.code(child)
        self.episode[row] = self.episodes.code(episode)
        self.live[row] = live
        self.updated_ms[row] = updated_ms

    def last(self, child_id: str, until_ms: int | None = None) -> tuple[str, int, str] | None:
        """The child's latest live movement (at or before `until_ms` if given)
        as (id, at_ms, episode id), or None.

        One masked argmax: the first tap of a session and the Log tab need only
        this, not the whole history as arrays.
        """
        n = self._n
        code = self.children.codes.get(child_id)
        if code is None or n == 0:
            return None
        mask = self.live[:n] & (self.child[:n] == code)
        if until_ms is not None:
            mask &= self.at_ms[:n] <= until_ms
        if not mask.any():
            return None
        times = np.where(mask, self.at_ms[:n], np.iinfo(np.int64).min)
        row = int(np.argmax(times))
        return self.id_at(row), int(self.at_ms[row]), self.episodes.values[int(self.episode[row])]

    def query(
        self,
        child_id: str | None = None,
        t0_ms: int | None = None,
        t1_ms: int | None = None,
        episode_id: str | None = None,
    ) -> MovementArrays:
        """Live movements in [t0_ms, t1_ms), sorted by time."""
        n = self._n
        mask = self.live[:n].copy()
        if child_id is not None:
            code = self.children.codes.get(child_id)
            if code is None:
                return MovementArrays()
            mask &= self.child[:n] == code
        if episode_id is not None:
            code = self.episodes.codes.get(episode_id)
            if code is None:
                return MovementArrays()
            mask &= self.episode[:n] == code
        if t0_ms is not None:
            mask &= self.at_ms[:n] >= t0_ms
        if t1_ms is not None:
            mask &= self.at_ms[:n] < t1_ms
        rows = np.flatnonzero(mask)
        rows = rows[np.argsort(self.at_ms[rows], kind="stable")]
        ep_codes = self.episode[rows]
        # Re-number episodes densely (in code order) so the result stands
        # alone; a lookup table, not np.unique's sort.
        present = np.zeros(len(self.episodes.values), np.bool_)
        present[ep_codes] = True
        uniq = np.flatnonzero(present)
        dense = (np.cumsum(present, dtype=np.int32) - 1)[ep_codes]
        return MovementArrays(
            at_ms=self.at_ms[rows],
            offset_min=self.offset_min[rows],
            kind=self.kind[rows],
            episode=dense,
            episode_ids=tuple(map(self.episodes.values.__getitem__, uniq.tolist())),
            ids=LazyIds(self, rows),
        )

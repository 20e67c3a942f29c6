"""In-memory columns of every movement, so range queries are numpy masks.

Rows are appended in arrival order (a tap is O(1)); a query masks, then sorts
the few rows it returns. Deleted movements stay as rows with live=False.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from rlbaby.model import Movement, MovementKind
from rlbaby.model.arrays import KIND_CODE, KINDS, MovementArrays

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


class MovementColumns:
    def __init__(self) -> None:
        self._n = 0
        self._cap = 0
        self.at_ms = np.empty(0, np.int64)
        self.offset_min = np.empty(0, np.int32)
        self.kind = np.empty(0, np.int8)
        self.child = np.empty(0, np.int32)
        self.episode = np.empty(0, np.int32)
        self.live = np.empty(0, np.bool_)
        self.updated_ms = np.empty(0, np.int64)
        self.ids: list[str] = []
        self.row_of: dict[str, int] = {}
        self.children = Interner()
        self.episodes = Interner()

    def __len__(self) -> int:
        return self._n

    def _grow(self, need: int) -> None:
        if need <= self._cap:
            return
        cap = max(need, self._cap * 2, 1024)
        for name in ("at_ms", "offset_min", "kind", "child", "episode", "live", "updated_ms"):
            old = getattr(self, name)
            new = np.zeros(cap, old.dtype)
            new[: self._n] = old[: self._n]
            setattr(self, name, new)
        self._cap = cap

    def load_docs(self, docs: Iterable[Mapping[str, Any]]) -> None:
        """Bulk-load stored movement documents (already shape-checked)."""
        for doc in docs:
            self._set_row(
                doc["id"],
                doc["at_ms"],
                doc["at_offset_min"],
                _KIND_BY_VALUE[doc["kind"]],
                doc["child"],
                doc["episode"],
                doc["deleted_ms"] is None,
                doc["updated_ms"],
            )

    def put(self, m: Movement) -> None:
        self._set_row(
            m.id,
            m.at.utc_ms,
            m.at.offset_min,
            KIND_CODE[m.kind],
            m.child_id,
            m.episode_id,
            m.deleted_ms is None,
            m.updated_ms,
        )

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
    ) -> None:
        row = self.row_of.get(mid)
        if row is None:
            row = self._n
            self._grow(row + 1)
            self._n += 1
            self.ids.append(mid)
            self.row_of[mid] = row
        elif updated_ms < self.updated_ms[row]:
            return  # a stale duplicate (left by a crash mid-move); keep the newer
        self.at_ms[row] = at_ms
        self.offset_min[row] = offset
        self.kind[row] = kind
        self.child[row] = self.children.code(child)
        self.episode[row] = self.episodes.code(episode)
        self.live[row] = live
        self.updated_ms[row] = updated_ms

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
        # Re-number episodes densely so the result stands alone.
        uniq, dense = np.unique(ep_codes, return_inverse=True)
        ep_values = self.episodes.values
        ids = self.ids
        return MovementArrays(
            at_ms=self.at_ms[rows],
            offset_min=self.offset_min[rows],
            kind=self.kind[rows],
            episode=dense.astype(np.int32),
            episode_ids=tuple(ep_values[c] for c in uniq.tolist()),
            ids=tuple(ids[r] for r in rows.tolist()),
        )

    def kind_of(self, code: int) -> MovementKind:
        return KINDS[code]

"""Where each record of a sharded table is: record id -> (file key, TinyDB doc id)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, KeysView, Mapping, Sequence
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Protocol

import numpy as np
import numpy.typing as npt


class RowIndex(Protocol):
    """Rows that never move once added (the movement columns): id -> row, row -> id."""

    @property
    def row_of(self) -> Mapping[str, int]: ...

    @property
    def ids(self) -> Sequence[str]: ...

    def rows_of(self, ids: Sequence[str]) -> npt.NDArray[np.intp]:
        """The row of each of `ids`, -1 for one not there."""
        ...


class _Base:
    """The files a snapshot loaded as rows [0, n) of a `RowIndex`, one file after another.

    Answers from the index's own id -> row dict, a list of each file's end
    row and an array of doc ids: no dict of its own (see Locations).
    """

    def __init__(
        self, index: RowIndex, keys: list[str], counts: list[int], doc_ids: npt.NDArray[np.int64]
    ) -> None:
        self.index = index
        self.keys = keys
        self.ends = list(accumulate(counts))
        self.n = self.ends[-1] if self.ends else 0
        if doc_ids.shape != (self.n,):
            raise ValueError(f"{self.n} rows but {doc_ids.shape} doc ids")
        self.doc_ids = doc_ids
        self.bounds = dict(zip(keys, zip([0, *self.ends], self.ends, strict=False), strict=True))

    def row(self, rid: str) -> int | None:
        row = self.index.row_of.get(rid)
        return row if row is not None and row < self.n else None

    def at(self, row: int) -> tuple[str, int]:
        # bisect_right skips files with no rows: their end equals the previous one.
        return self.keys[bisect_right(self.ends, row)], int(self.doc_ids[row])


class Locations:
    """Record id -> (file key, TinyDB doc id), the part of dict's API the table uses.

    Kept as two dicts of plain str and int values, which the cyclic GC never
    tracks. One dict of 200k (key, id) tuples is tracked again each time a tap
    adds a tuple, and the next young collections then walk all of it: about
    3 ms, landing in a tap or a repaint.

    The movement files a column snapshot loaded are not in the dicts at all
    (`set_base`): the columns already keep id -> row, and each file's rows
    are contiguous, so a row gives the file and an array the doc id. Two
    dicts of 200k ids cost 16 MB and a fifth of a writable open's CPU. The
    dicts then hold only what changed since (a tap, a move, an import, a
    refresh), and win over the base; `_gone` holds base ids popped since.

    Files added while loading wait in a list until something asks (`flush`):
    a read-only `rlbaby summary` never asks.
    """

    def __init__(self) -> None:
        self._key: dict[str, str] = {}
        self._doc: dict[str, int] = {}
        self._pending: list[tuple[str, Sequence[str], list[int]]] = []
        self._base: _Base | None = None
        self._gone: set[str] = set()

    def set_base(
        self, index: RowIndex, keys: list[str], counts: list[int], doc_ids: npt.NDArray[np.int64]
    ) -> None:
        """Record the files `keys` as rows [0, sum(counts)) of `index`, `counts[i]`
        rows for `keys[i]`, the i-th row stored under TinyDB id `doc_ids[i]`.

        Only into empty locations, and only rows that never move: the rows'
        ids must be distinct and stay at those rows.
        """
        if self._key or self._pending or self._base is not None:
            raise ValueError("a base goes into empty locations only")
        self._base = _Base(index, keys, counts, doc_ids)

    def flush(self) -> None:
        """Put the files `add_file` kept aside into the dicts."""
        pending, self._pending = self._pending, []
        for key, ids, doc_ids in pending:
            self._key.update(zip(ids, repeat(key)))
            self._doc.update(zip(ids, doc_ids, strict=True))
            if self._gone:
                self._gone.difference_update(ids)

    def __len__(self) -> int:
        self.flush()
        if self._base is None:
            return len(self._key)
        base = self._base
        extra = sum(1 for rid in self._key if base.row(rid) is None)
        return base.n - len(self._gone) + extra

    def __contains__(self, rid: object) -> bool:
        return isinstance(rid, str) and self.get(rid) is not None

    def keys(self) -> KeysView[str]:
        self.flush()
        if self._base is None:
            return self._key.keys()
        # Rarely asked (movements pass the columns' index to `load`): built each time.
        ids = self._base.index.ids[: self._base.n]
        every = dict.fromkeys(ids if not self._gone else (i for i in ids if i not in self._gone))
        every.update(self._key)
        return every.keys()

    def get(self, rid: str) -> tuple[str, int] | None:
        self.flush()
        key = self._key.get(rid)
        if key is not None:
            return key, self._doc[rid]
        base = self._base
        if base is None or rid in self._gone:
            return None
        row = base.row(rid)
        return None if row is None else base.at(row)

    def get_many(self, rids: Sequence[str]) -> list[tuple[str, int] | None]:
        """`get` of each of `rids`; the base rows looked up as arrays (a batch)."""
        self.flush()
        out: list[tuple[str, int] | None] = [None] * len(rids)
        ask: list[int] = []
        for k, rid in enumerate(rids):
            key = self._key.get(rid)
            if key is not None:
                out[k] = key, self._doc[rid]
            elif self._base is not None and rid not in self._gone:
                ask.append(k)
        base = self._base
        if base is not None and ask:
            rows = base.index.rows_of([rids[k] for k in ask]).tolist()
            for k, row in zip(ask, rows, strict=True):
                if 0 <= row < base.n:
                    out[k] = base.at(row)
        return out

    def __getitem__(self, rid: str) -> tuple[str, int]:
        where = self.get(rid)
        if where is None:
            raise KeyError(rid)
        return where

    def __setitem__(self, rid: str, where: tuple[str, int]) -> None:
        self.flush()
        self._key[rid], self._doc[rid] = where
        self._gone.discard(rid)

    def pop(self, rid: str, default: None = None) -> tuple[str, int] | None:
        where = self.get(rid)
        if where is None:
            return default
        if self._key.pop(rid, None) is not None:
            del self._doc[rid]
        if self._base is not None and self._base.row(rid) is not None:
            self._gone.add(rid)
        return where

    def update(self, other: Mapping[str, tuple[str, int]]) -> None:
        self.flush()
        self._key.update(zip(other, map(itemgetter(0), other.values()), strict=True))
        self._doc.update(zip(other, map(itemgetter(1), other.values()), strict=True))
        if self._gone:
            self._gone.difference_update(other)

    def base_doc_ids(self, key: str) -> npt.NDArray[np.int64] | None:
        """The doc ids of base file `key`'s rows, in row order; None when `key`
        is not a base file or any of its records was moved, popped or put
        again since (then ask record by record)."""
        self.flush()
        base = self._base
        if base is None or key not in base.bounds:
            return None
        start, end = base.bounds[key]
        if self._key:
            rows = base.index.rows_of(list(self._key))
            if bool(((rows >= start) & (rows < end)).any()):
                return None
        if self._gone:
            rows = base.index.rows_of(list(self._gone))
            if bool(((rows >= start) & (rows < end)).any()):
                return None
        return base.doc_ids[start:end]

    def add_file(self, key: str, ids: Sequence[str], doc_ids: Iterable[int]) -> None:
        """Record `ids` (new, distinct) as stored in file `key` (loading)."""
        doc_ids = list(doc_ids)
        if len(doc_ids) != len(ids):
            raise ValueError(f"{len(ids)} ids but {len(doc_ids)} doc ids")
        self._pending.append((key, ids, doc_ids))

    def ids_in(self, key: str) -> set[str]:
        """The ids recorded in file `key` (a scan, at C speed)."""
        self.flush()
        found = {rid for rid, k in self._key.items() if k == key}
        if self._base is not None and key in self._base.bounds:
            start, end = self._base.bounds[key]
            found.update(
                rid
                for rid in self._base.index.ids[start:end]
                if rid not in self._key and rid not in self._gone
            )
        return found

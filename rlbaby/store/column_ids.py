"""The ids of the movement columns' rows, and id -> row (part of MovementColumns).

The ids of the rows a column snapshot loaded stay packed as the snapshot
stored them (idblock.py): rows [0, p). The rows added since (taps, files
parsed from JSON) keep theirs as str in a list, rows [p, n), with a dict
id -> row built when first asked. Rows never move and never change their id,
so a `LazyIds` of some rows stays right after later taps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from rlbaby.model.arrays import LazyIds
from rlbaby.store.idblock import PackedIds

_MAX_SCANS = 4  # see ColumnIds.disjoint


class _LoadedKeys(KeysView[str]):
    """The ids loaded so far, as a keys view whose `isdisjoint` need not build the index."""

    def __init__(self, columns: ColumnIds) -> None:
        super().__init__(columns.loaded)
        self._columns = columns

    def isdisjoint(self, other: Iterable[object]) -> bool:
        return self._columns.disjoint([i for i in other if isinstance(i, str)])


class LoadedIds(Mapping[str, int]):
    """Id -> row of the columns, as `ShardedTable.load(known=...)` and the
    locations (locations.RowIndex) ask it.

    Its `keys().isdisjoint(ids)`, all the load asks, scans the ids instead of
    building the index first (see ColumnIds.disjoint).
    """

    def __init__(self, columns: ColumnIds) -> None:
        self._columns = columns

    def __getitem__(self, rid: str) -> int:
        row = self._columns.row(rid)
        if row is None:
            raise KeyError(rid)
        return row

    def get(self, rid: str, default: int | None = None) -> int | None:  # type: ignore[override]
        row = self._columns.row(rid)
        return default if row is None else row

    def __contains__(self, rid: object) -> bool:
        return isinstance(rid, str) and self._columns.row(rid) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns.ids)

    def __len__(self) -> int:
        return len(self._columns)

    def keys(self) -> KeysView[str]:
        return _LoadedKeys(self._columns)


class ColumnIds:
    """Row -> id and id -> row of the movement columns (MovementColumns inherits it)."""

    _n: int

    def __init__(self) -> None:
        self._packed: PackedIds | None = None  # the ids of rows [0, _p)
        self._p = 0
        self._extra: list[str] = []  # the ids of rows [_p, n)
        # id -> row, for _extra[:_indexed]; the rest are added when asked (_extra_rows).
        self._row_of: dict[str, int] = {}
        self._indexed = 0
        self._scans = 0
        self.loaded = LoadedIds(self)

    def __len__(self) -> int:
        return self._n

    @property
    def ids(self) -> LazyIds:
        """Every row's id, in row order (made into str when read)."""
        return LazyIds(self, range(self._n))

    @property
    def row_of(self) -> LoadedIds:
        """Movement id -> its row (a mapping over `row`)."""
        return self.loaded

    def id_at(self, row: int) -> str:
        if row < self._p:
            assert self._packed is not None
            return self._packed[row]
        return self._extra[row - self._p]

    def ids_of(self, rows: npt.NDArray[np.intp]) -> list[str]:
        """The ids of `rows`, as str (see LazyIds)."""
        p = self._p
        if self._packed is None or (rows.size and int(rows.min()) >= p):
            return list(map(self._extra.__getitem__, (rows - p).tolist()))
        if rows.size == 0 or int(rows.max()) < p:
            return self._packed.decode(rows)
        packed = rows < p
        out = np.empty(rows.size, object)
        out[packed] = self._packed.decode(rows[packed])
        out[~packed] = list(map(self._extra.__getitem__, (rows[~packed] - p).tolist()))
        return list(out.tolist())

    def _extra_rows(self) -> dict[str, int]:
        """Id -> row of the rows after the packed ones.

        Files parsed from JSON join it only when something asks: a dict of
        200k ids (the first open, before any snapshot) is a fifth of a
        read-only open, and `rlbaby summary` never asks.
        """
        extra = self._extra
        if self._indexed < len(extra):
            start = self._indexed
            p = self._p
            self._row_of.update(zip(extra[start:], range(p + start, p + len(extra)), strict=True))
            self._indexed = len(extra)
        return self._row_of

    def row(self, rid: str) -> int | None:
        """The row of movement `rid`, or None."""
        row = self._extra_rows().get(rid)
        if row is None and self._packed is not None:
            row = self._packed.find(rid)
        return row

    def rows_of(self, ids: Sequence[str]) -> npt.NDArray[np.intp]:
        """The row of each of `ids`, -1 for one not loaded (as arrays: a bulk ask)."""
        extra = self._extra_rows()
        out = np.fromiter((extra.get(i, -1) for i in ids), np.intp, len(ids))
        if self._packed is not None:
            out = np.where(out >= 0, out, self._packed.find_many(ids))
        return out

    def build_index(self) -> None:
        """Build id -> row now: a writable store asks at open, not in the first tap."""
        self._extra_rows()
        if self._packed is not None:
            self._packed.build_index()

    def disjoint(self, ids: Sequence[str]) -> bool:
        """No id of `ids` is loaded yet.

        Right after loading, the index of the rows parsed from JSON is not
        built: a set of the (few) new ids scanned against the list costs a
        tenth of building it. The newest file is asked about twice (by the
        table and by load_columns); a few more asks build the index, so many
        files never cost a scan each. The packed rows answer from their
        sorted hashes (PackedIds.any_of).
        """
        if self._packed is not None and self._packed.any_of(ids):
            return False
        if self._indexed < len(self._extra) and self._scans < _MAX_SCANS:
            self._scans += 1
            return set(ids).isdisjoint(self._extra)
        return self._extra_rows().keys().isdisjoint(ids)

    def _snapshot_ids(self, rows: npt.NDArray[np.intp]) -> PackedIds | list[str]:
        """The ids of `rows` for a snapshot: packed straight from the packed
        rows when every id has their width, else as str."""
        packed, p = self._packed, self._p
        if packed is not None:
            mine = rows < p
            extra = [self._extra[r - p] for r in rows[~mine].tolist()]
            where, encoded = packed.encode(extra)
            if where.size == len(extra):
                out = np.empty((rows.size, packed.width), np.uint8)
                out[mine] = packed.rows[rows[mine]]
                out[~mine] = encoded
                return PackedIds.from_rows(out)
        return self.ids_of(rows)

    def _add_id(self, mid: str) -> int:
        """Give new id `mid` the next row (after `row` found it nowhere, which built
        the index of the list's ids). Returns the row."""
        row = self._n
        self._extra.append(mid)
        self._row_of[mid] = row
        self._indexed = len(self._extra)
        return row

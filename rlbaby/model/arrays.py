"""Columnar views of movements: what the store answers and analysis consumes.

Charts and analysis never walk records one by one; they get numpy arrays.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, overload

import numpy as np
import numpy.typing as npt

from rlbaby.model.records import MovementKind

KINDS: tuple[MovementKind, ...] = tuple(MovementKind)
KIND_CODE: dict[MovementKind, int] = {k: i for i, k in enumerate(KINDS)}

I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
I8 = npt.NDArray[np.int8]


def _empty_i64() -> I64:
    return np.empty(0, np.int64)


def _empty_i32() -> I32:
    return np.empty(0, np.int32)


def _empty_i8() -> I8:
    return np.empty(0, np.int8)


class IdSource(Protocol):
    """Where `LazyIds` finds its ids: the store's movement columns."""

    def ids_of(self, rows: npt.NDArray[np.intp]) -> list[str]: ...


class LazyIds(Sequence[str]):
    """The ids of some rows of the store's columns, made into str only when read.

    A query of all history would otherwise make 200k str objects that most
    callers (charts, summaries) never look at. Rows never change their id, so
    the answer stays right after later taps. Reading it all (iterating, `in`)
    decodes every row each time: filter with `take` rather than by hand.
    """

    __slots__ = ("_rows", "_source")

    def __init__(self, source: IdSource, rows: npt.NDArray[np.intp] | range) -> None:
        self._source = source
        self._rows = rows

    def _array(self) -> npt.NDArray[np.intp]:
        r = self._rows
        if isinstance(r, range):
            return np.arange(r.start, r.stop, r.step, dtype=np.intp)
        return r

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> LazyIds: ...
    def __getitem__(self, i: int | slice) -> str | LazyIds:
        if isinstance(i, slice):
            return LazyIds(self._source, self._rows[i])
        row = int(self._rows[i])  # IndexError as a tuple raises it
        return self._source.ids_of(np.array([row], np.intp))[0]

    def __iter__(self) -> Iterator[str]:
        return iter(self._source.ids_of(self._array()))

    def __contains__(self, value: object) -> bool:
        return value in self._source.ids_of(self._array())

    def take(self, keep: npt.NDArray[np.bool_] | npt.NDArray[np.intp]) -> LazyIds:
        """The ids where `keep` is True (or at the positions `keep` lists)."""
        return LazyIds(self._source, self._array()[keep])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyIds | tuple | list):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyIds({list(self)!r})"


def take_ids(ids: Sequence[str], keep: npt.NDArray[np.bool_]) -> Sequence[str]:
    """The ids where `keep` is True, still lazy when `ids` is."""
    if isinstance(ids, LazyIds):
        return ids.take(keep)
    return tuple(i for i, k in zip(ids, keep.tolist(), strict=True) if k)


@dataclass(frozen=True)
class MovementArrays:
    """Live (not deleted) movements sorted by time.

    Attributes:
        at_ms: UTC epoch ms of each movement.
        offset_min: local UTC offset at each movement, in minutes.
        kind: index into KINDS.
        episode: index into `episode_ids`; equal codes mean the same episode.
        episode_ids: the episode uuid for each code.
        ids: the movement uuids (from the store: `LazyIds`).
    """

    at_ms: I64 = field(default_factory=_empty_i64)
    offset_min: I32 = field(default_factory=_empty_i32)
    kind: I8 = field(default_factory=_empty_i8)
    episode: I32 = field(default_factory=_empty_i32)
    episode_ids: tuple[str, ...] = ()
    ids: Sequence[str] = ()

    def __len__(self) -> int:
        return int(self.at_ms.size)

    @property
    def local_ms(self) -> I64:
        """Local wall-clock epoch ms (UTC ms + offset), for placing on a night."""
        return self.at_ms + self.offset_min.astype(np.int64) * 60_000

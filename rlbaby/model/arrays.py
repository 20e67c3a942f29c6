"""Columnar views of movements: what the store answers and analysis consumes.

Charts and analysis never walk records one by one; they get numpy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class MovementArrays:
    """Live (not deleted) movements sorted by time.

    Attributes:
        at_ms: UTC epoch ms of each movement.
        offset_min: local UTC offset at each movement, in minutes.
        kind: index into KINDS.
        episode: index into `episode_ids`; equal codes mean the same episode.
        episode_ids: the episode uuid for each code.
        ids: the movement uuids.
    """

    at_ms: I64 = field(default_factory=_empty_i64)
    offset_min: I32 = field(default_factory=_empty_i32)
    kind: I8 = field(default_factory=_empty_i8)
    episode: I32 = field(default_factory=_empty_i32)
    episode_ids: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()

    def __len__(self) -> int:
        return int(self.at_ms.size)

    @property
    def local_ms(self) -> I64:
        """Local wall-clock epoch ms (UTC ms + offset), for placing on a night."""
        return self.at_ms + self.offset_min.astype(np.int64) * 60_000

"""Hand-made movement arrays for analysis tests."""

from __future__ import annotations

import numpy as np

from rlbaby.model import Instant
from rlbaby.model.arrays import MovementArrays


def at(local: str, offset: str = "+01:00") -> Instant:
    """A local wall-clock time such as '2026-11-24T22:00:00' at `offset`."""
    return Instant.parse(local + offset)


def arrays(items: list[tuple[Instant, str]]) -> MovementArrays:
    """Movements as (instant, episode id), sorted by time like the store returns them."""
    items = sorted(items, key=lambda it: it[0].utc_ms)
    ep_ids: list[str] = []
    for _i, e in items:
        if e not in ep_ids:
            ep_ids.append(e)
    return MovementArrays(
        at_ms=np.array([i.utc_ms for i, _e in items], np.int64),
        offset_min=np.array([i.offset_min for i, _e in items], np.int32),
        kind=np.zeros(len(items), np.int8),
        episode=np.array([ep_ids.index(e) for _i, e in items], np.int32),
        episode_ids=tuple(ep_ids),
        ids=tuple(f"m{n}" for n in range(len(items))),
    )


def gaps_to_times(gaps_s: list[float], start_ms: int = 1_795_500_000_000) -> np.ndarray:
    """Times (ms) of movements separated by `gaps_s` seconds."""
    out = [start_ms]
    for g in gaps_s:
        out.append(out[-1] + round(g * 1000))
    return np.array(out, np.int64)

"""Intervals between movements, periodic runs and rapid clusters.

These are patterns in a parent's taps, not sleep-lab measurements: a tap is
when a parent noticed a movement, not an EMG onset. Never call the rate of
periodic runs a "PLMS index".

Periodic runs and rapid clusters are counted independently. Under the WASM rule
(10-90 s) they are disjoint: a rapid gap is under 10 s. Under the AASM rule
(5-90 s) gaps of 5 to under 10 s qualify for both, so a run with such gaps
counts once as a periodic run and once as a rapid cluster. This is kept on
purpose (a rapid cluster means the same whatever the rule) and said beside the
figures (`overlap_s`, the report's notes).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rlbaby.model.arrays import I32, I64

MIN_RUN_MOVEMENTS = 4
RAPID_BELOW_MS = 10_000

Bool = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Runs:
    """Maximal runs: `start` indexes the run's first movement, `movements` its length."""

    start: npt.NDArray[np.intp]
    movements: npt.NDArray[np.intp]

    def __len__(self) -> int:
        return int(self.start.size)


def intervals_ms(at_ms: I64, episode: I32) -> tuple[I64, Bool]:
    """Onset-to-onset gaps between consecutive movements, and which lie within one episode.

    Args:
        at_ms: movement times, sorted ascending.
        episode: each movement's episode code.

    Returns:
        (gaps, same_episode), both of length len(at_ms) - 1; gap i is between
        movement i and i + 1.
    """
    if at_ms.size < 2:
        return np.empty(0, np.int64), np.empty(0, np.bool_)
    return np.diff(at_ms), episode[1:] == episode[:-1]


def within_episode_intervals_s(at_ms: I64, episode: I32) -> npt.NDArray[np.float64]:
    gaps, same = intervals_ms(at_ms, episode)
    return gaps[same] / 1000.0


def maximal_runs(ok: Bool, min_movements: int = MIN_RUN_MOVEMENTS) -> Runs:
    """Maximal stretches of consecutive qualifying intervals, as runs of movements.

    `ok[i]` says the interval between movements i and i+1 qualifies. A stretch
    of k qualifying intervals is a run of k + 1 movements; it counts once, and
    only if it has at least `min_movements` movements.
    """
    padded = np.concatenate(([False], ok, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    starts, ends = edges[::2], edges[1::2]
    movements = ends - starts + 1
    keep = movements >= min_movements
    return Runs(starts[keep], movements[keep])


def periodic_runs(at_ms: I64, episode: I32, lo_s: float, hi_s: float) -> Runs:
    """Runs of >= 4 movements whose every gap lies in [lo_s, hi_s], inclusive."""
    gaps, same = intervals_ms(at_ms, episode)
    ok = same & (gaps >= round(lo_s * 1000)) & (gaps <= round(hi_s * 1000))
    return maximal_runs(ok)


def overlap_s(lo_s: float) -> tuple[float, float] | None:
    """Gaps [lo, hi) seconds that count toward both kinds of run, for a periodic
    rule starting at `lo_s`; None when the two are disjoint (WASM)."""
    hi = RAPID_BELOW_MS / 1000
    return (lo_s, hi) if lo_s < hi else None


def rapid_clusters(at_ms: I64, episode: I32) -> Runs:
    """Runs of >= 4 movements whose every gap is under 10 s (active-sleep twitching)."""
    gaps, same = intervals_ms(at_ms, episode)
    return maximal_runs(same & (gaps < RAPID_BELOW_MS))

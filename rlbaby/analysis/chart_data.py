"""The numbers behind each chart, built from store arrays and night summaries.

Qt-free and numpy-only, so every chart's data is unit-tested with hand-made
arrays and the same builders serve the Charts tab and the PDF report. The
widgets only draw what these functions return.

Times on a night are hours after the night's start (the night-start hour, in
local wall-clock time), so 0.0 is e.g. 18:00 and 8.5 is 02:30.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from rlbaby.analysis.night_table import NightTable
from rlbaby.analysis.nights import (
    MAX_OPEN_SLEEP_MS,
    NightSummary,
)
from rlbaby.analysis.ranges import NightRange
from rlbaby.model import (
    Episode,
    SleepPeriod,
)
from rlbaby.model.arrays import I8, I32, I64, MovementArrays
from rlbaby.model.timekeeping import (
    MS_PER_DAY,
    MS_PER_HOUR,
    MS_PER_MIN,
    night_index,
    night_number,
    night_window_local_ms,
)

F64 = npt.NDArray[np.float64]

# --- clock times on a night ------------------------------------------------------------


def hours_after_start(local_ms: I64 | int, night: date, start_hour: int) -> F64:
    """Local times as hours after the night's start (0 = the night-start hour)."""
    start, _end = night_window_local_ms(night, start_hour)
    return np.asarray((local_ms - start) / MS_PER_HOUR, np.float64)


# --- 1. the night timeline ---------------------------------------------------------------


@dataclass(frozen=True)
class TimelineData:
    """One night of one child, ready to draw.

    Attributes:
        x_h: each movement, in hours after the night start, ascending.
        kind: each movement's kind code (index into model.arrays.KINDS).
        episode: each movement's row in the span arrays.
        span_start_h / span_end_h: each episode, from its first movement to its
            last one (or to the "settled" mark, when later).
        span_movements: the number of movements in each episode.
        episode_ids: each span's episode id.
        sleep_start_h / sleep_end_h: the logged sleep, clipped to the night.
    """

    night: date
    start_hour: int
    x_h: F64 = field(default_factory=lambda: np.empty(0))
    kind: I8 = field(default_factory=lambda: np.empty(0, np.int8))
    episode: I32 = field(default_factory=lambda: np.empty(0, np.int32))
    span_start_h: F64 = field(default_factory=lambda: np.empty(0))
    span_end_h: F64 = field(default_factory=lambda: np.empty(0))
    span_movements: I64 = field(default_factory=lambda: np.empty(0, np.int64))
    episode_ids: tuple[str, ...] = ()
    sleep_start_h: F64 = field(default_factory=lambda: np.empty(0))
    sleep_end_h: F64 = field(default_factory=lambda: np.empty(0))

    @property
    def empty(self) -> bool:
        return self.x_h.size == 0

    @property
    def sleep_hours(self) -> float:
        return float((self.sleep_end_h - self.sleep_start_h).sum())


def sleep_spans_h(
    sleep: Iterable[SleepPeriod], night: date, start_hour: int, now_ms: int
) -> tuple[F64, F64]:
    """Sleep periods as hours after the night start, clipped to the night's 24 h.

    A period still open (no Awake mark) runs to now, for at most 16 hours,
    as in the night summaries.
    """
    lo, hi = night_window_local_ms(night, start_hour)
    starts: list[float] = []
    ends: list[float] = []
    for p in sleep:
        off = p.asleep.offset_min * MS_PER_MIN
        a = p.asleep.utc_ms + off
        if p.awake is not None:
            b = p.awake.utc_ms + p.awake.offset_min * MS_PER_MIN
        else:
            b = min(now_ms, p.asleep.utc_ms + MAX_OPEN_SLEEP_MS) + off
        a, b = max(a, lo), min(b, hi)
        if b > a:
            starts.append((a - lo) / MS_PER_HOUR)
            ends.append((b - lo) / MS_PER_HOUR)
    order = np.argsort(starts, kind="stable")
    return np.asarray(starts, np.float64)[order], np.asarray(ends, np.float64)[order]


def timeline_data(
    mv: MovementArrays,
    episodes: Iterable[Episode],
    sleep: Iterable[SleepPeriod],
    night: date,
    start_hour: int,
    now_ms: int,
) -> TimelineData:
    """What the timeline draws for `night`.

    Args:
        mv: the child's movements around the night (others are dropped here).
        episodes: the child's episodes (for the "settled" marks).
        sleep: the child's sleep periods around the night.
    """
    x_all = hours_after_start(mv.local_ms, night, start_hour)
    rows = np.flatnonzero((x_all >= 0) & (x_all < 24))
    x = x_all[rows]
    codes = mv.episode[rows]
    uniq, dense = np.unique(codes, return_inverse=True)
    n = uniq.size
    span_start = np.full(n, np.inf)
    span_end = np.full(n, -np.inf)
    np.minimum.at(span_start, dense, x)
    np.maximum.at(span_end, dense, x)
    ids = tuple(mv.episode_ids[c] for c in uniq.tolist())
    settled = {e.id: e.settled for e in episodes if e.settled is not None}
    lo, _hi = night_window_local_ms(night, start_hour)
    for i, eid in enumerate(ids):
        mark = settled.get(eid)
        if mark is not None:
            s_h = (mark.utc_ms + mark.offset_min * MS_PER_MIN - lo) / MS_PER_HOUR
            span_end[i] = min(max(span_end[i], s_h), 24.0)
    s0, s1 = sleep_spans_h(sleep, night, start_hour, now_ms)
    return TimelineData(
        night=night,
        start_hour=start_hour,
        x_h=x,
        kind=mv.kind[rows],
        episode=dense.astype(np.int32),
        span_start_h=span_start,
        span_end_h=span_end,
        span_movements=np.bincount(dense, minlength=n).astype(np.int64),
        episode_ids=ids,
        sleep_start_h=s0,
        sleep_end_h=s1,
    )


# --- 2. the interval histogram -----------------------------------------------------------

RAPID_BELOW_S = 10.0


@dataclass(frozen=True)
class IntervalHistogram:
    """Gaps between consecutive movements of one episode, on log-spaced bins.

    Attributes:
        edges_s: bin edges in seconds (counts has one fewer entry).
        below / above: gaps shorter than the first edge / longer than the last.
    """

    edges_s: F64
    counts: I64
    below: int = 0
    above: int = 0

    @property
    def total(self) -> int:
        return int(self.counts.sum()) + self.below + self.above

    @property
    def empty(self) -> bool:
        return self.total == 0


def interval_histogram(
    intervals_s: F64, lo_s: float = 1.0, hi_s: float = 3600.0, bins_per_decade: int = 10
) -> IntervalHistogram:
    """Count gaps on bins evenly spaced in log time from `lo_s` to `hi_s`."""
    n = max(1, math.ceil(math.log10(hi_s / lo_s) * bins_per_decade))
    edges = np.logspace(math.log10(lo_s), math.log10(hi_s), n + 1)
    counts, _ = np.histogram(intervals_s, bins=edges)
    return IntervalHistogram(
        edges_s=edges,
        counts=counts.astype(np.int64),
        below=int(np.count_nonzero(intervals_s < lo_s)),
        above=int(np.count_nonzero(intervals_s > hi_s)),
    )


def share_between(intervals_s: F64, lo_s: float, hi_s: float, inclusive_hi: bool = True) -> float:
    """The share (0-1) of gaps in [lo_s, hi_s] (or [lo_s, hi_s)); 0 when there are none."""
    if intervals_s.size == 0:
        return 0.0
    top = intervals_s <= hi_s if inclusive_hi else intervals_s < hi_s
    return float(np.count_nonzero((intervals_s >= lo_s) & top)) / intervals_s.size


# --- 3. the nights trend -------------------------------------------------------------------

# The figures of the trend, in the order shown (their names: ui/charts/words.py).
TREND_KEYS = ("movements", "episodes", "per_sleep_hour", "periodic_runs")
ROLLING_NIGHTS = 7


@dataclass(frozen=True)
class TrendData:
    """Per-night figures of the logged nights in a range, and their rolling means.

    Attributes:
        night_idx: the logged nights (night_number), ascending.
        values: per metric, one value per logged night; NaN when unknown
            (movements per hour asleep on a night without sleep marks).
        rolling_idx: every night of the range, logged or not.
        rolling: per metric, the mean over the logged nights among the last 7
            (that night and the 6 before); NaN when none of them was logged.
    """

    first: date
    last: date
    night_idx: I64
    values: dict[str, F64]
    rolling_idx: I64
    rolling: dict[str, F64]

    @property
    def empty(self) -> bool:
        return self.night_idx.size == 0


def _metric(s: NightSummary, name: str) -> float:
    if name == "per_sleep_hour":
        rate = s.movements_per_sleep_hour
        return math.nan if rate is None else rate
    return float(getattr(s, name))


def table_metrics(table: NightTable) -> dict[str, F64]:
    """Per TREND_KEYS name, each night's value from the night table's columns:
    what `_metric` gives for each summary (the same floats), without the records."""
    rate = np.full(len(table), np.nan)
    asleep = table.has_sleep & (table.sleep_hours != 0)
    np.divide(table.movements_in_sleep, table.sleep_hours, out=rate, where=asleep)
    return {
        "movements": table.movements.astype(np.float64),
        "episodes": table.episodes.astype(np.float64),
        "per_sleep_hour": rate,
        "periodic_runs": table.periodic_runs.astype(np.float64),
    }


def rolling_mean(idx: I64, values: F64, first_idx: int, last_idx: int, window: int) -> F64:
    """Trailing mean over the known values in each `window`-night window.

    Args:
        idx: night index of each value (any order, unique).
        values: NaN means "not known" and is skipped, not counted as zero.
        first_idx / last_idx: the inclusive nights to return a mean for.
    """
    lo = first_idx - (window - 1)
    n = last_idx - lo + 1
    dense = np.full(n, np.nan)
    inside = (idx >= lo) & (idx <= last_idx)
    dense[idx[inside] - lo] = values[inside]
    known = ~np.isnan(dense)
    sums = np.concatenate(([0.0], np.cumsum(np.where(known, dense, 0.0))))
    counts = np.concatenate(([0], np.cumsum(known)))
    win_sum = sums[window:] - sums[:-window]
    win_n = counts[window:] - counts[:-window]
    out = np.full(win_n.size, np.nan)
    np.divide(win_sum, win_n, out=out, where=win_n > 0)
    return out


def trend_data(
    summaries: Sequence[NightSummary], first: date, last: date, window: int = ROLLING_NIGHTS
) -> TrendData:
    """The trend of `first`..`last`. Pass earlier summaries too: the first
    rolling means of the range then include the nights just before it."""
    all_idx = np.array([night_number(s.night) for s in summaries], np.int64)
    metrics = {
        name: np.array([_metric(s, name) for s in summaries], np.float64) for name in TREND_KEYS
    }
    return trend_of(all_idx, metrics, first, last, window)


def trend_of(
    all_idx: I64, metrics: dict[str, F64], first: date, last: date, window: int = ROLLING_NIGHTS
) -> TrendData:
    """`trend_data` from columns: each night's number, and per TREND_KEYS name
    the nights' values (NaN: not known), as `_metric` gives them."""
    lo, hi = night_number(first), night_number(last)
    in_range = (all_idx >= lo) & (all_idx <= hi)
    values: dict[str, F64] = {}
    rolling: dict[str, F64] = {}
    for name in TREND_KEYS:
        v = metrics[name]
        values[name] = v[in_range]
        rolling[name] = rolling_mean(all_idx, v, lo, hi, window)
    return TrendData(
        first=first,
        last=last,
        night_idx=all_idx[in_range],
        values=values,
        rolling_idx=np.arange(lo, hi + 1, dtype=np.int64),
        rolling=rolling,
    )


# --- 4. the night map ---------------------------------------------------------------------


@dataclass(frozen=True)
class NightMap:
    """Movements per night (rows, first night first) and per time-of-night bin (columns).

    Column j covers hours [j * bin_min / 60, (j + 1) * bin_min / 60) after the night start.
    """

    first: date
    start_hour: int
    bin_min: int
    counts: I32

    @property
    def nights(self) -> int:
        return int(self.counts.shape[0])

    @property
    def bins(self) -> int:
        return int(self.counts.shape[1])

    @property
    def empty(self) -> bool:
        return not bool(self.counts.any())


def night_map(local_ms: I64, start_hour: int, nights: NightRange, bin_min: int = 15) -> NightMap:
    """Count movements into (night, time-of-night) cells; times outside `nights` are dropped."""
    if (24 * 60) % bin_min:
        raise ValueError("the bin width must divide a day")
    bins = 24 * 60 // bin_min
    shifted = local_ms - start_hour * MS_PER_HOUR
    rows = night_index(local_ms, start_hour) - night_number(nights.first)
    cols = (shifted % MS_PER_DAY) // (bin_min * MS_PER_MIN)
    keep = (rows >= 0) & (rows < nights.nights)
    flat = rows[keep] * bins + cols[keep]
    counts = np.bincount(flat, minlength=nights.nights * bins).astype(np.int32)
    return NightMap(nights.first, start_hour, bin_min, counts.reshape(nights.nights, bins))

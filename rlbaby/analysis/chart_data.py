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
from datetime import date, timedelta
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from rlbaby.analysis.nights import MAX_OPEN_SLEEP_MS, SETTLED, NightSummary, night_index
from rlbaby.model import (
    Episode,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    Trigger,
    label,
)
from rlbaby.model.arrays import I8, I32, I64, MovementArrays
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.model.timekeeping import (
    EPOCH_DATE,
    MS_PER_DAY,
    MS_PER_HOUR,
    MS_PER_MIN,
    night_window_local_ms,
)

F64 = npt.NDArray[np.float64]

# --- ranges of nights ----------------------------------------------------------------

# Titles and words shown in the charts: marked for Qt's lupdate (the UI
# translates them in the context "Charts"; the PDF report stays English).
RANGE_CHOICES: dict[str, str] = {
    "tonight": QT_TRANSLATE_NOOP("Charts", "Tonight"),
    "7": QT_TRANSLATE_NOOP("Charts", "Last 7 nights"),
    "30": QT_TRANSLATE_NOOP("Charts", "Last 30 nights"),
    "90": QT_TRANSLATE_NOOP("Charts", "Last 90 nights"),
    "all": QT_TRANSLATE_NOOP("Charts", "All nights"),
    "custom": QT_TRANSLATE_NOOP("Charts", "Chosen dates"),
    "night": QT_TRANSLATE_NOOP("Charts", "One night"),
}
SINGLE_NIGHT = "night"  # the choice that shows one night (its text names the night)


def single_night_text(night: date) -> str:
    """How the range box names a single night: "Night of Sun 29 Nov"."""
    return f"Night of {night:%a} {night.day} {night:%b}"


def day_index(night: date) -> int:
    """Days since 1970-01-01: the x (or y) coordinate of a night on the charts."""
    return (night - EPOCH_DATE).days


def night_from_index(index: int) -> date:
    return EPOCH_DATE + timedelta(days=int(index))


@dataclass(frozen=True)
class NightRange:
    """An inclusive range of nights, labelled by their evening dates."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the range ends ({self.last}) before it starts ({self.first})")

    @property
    def nights(self) -> int:
        return (self.last - self.first).days + 1

    def contains(self, night: date) -> bool:
        return self.first <= night <= self.last


def resolve_range(
    choice: str,
    tonight: date,
    first_logged: date | None = None,
    custom: tuple[date, date] | None = None,
) -> NightRange:
    """The nights a range choice means today.

    Args:
        choice: a key of RANGE_CHOICES.
        tonight: the current night (the night the clock is in).
        first_logged: the child's first logged night, for "all".
        custom: (from, to) for "custom", in either order; for "night", the
            night shown (first of the pair).

    Raises:
        ValueError: an unknown choice, or "custom" or "night" without dates.
    """
    if choice == "tonight":
        return NightRange(tonight, tonight)
    if choice in ("7", "30", "90"):
        return NightRange(tonight - timedelta(days=int(choice) - 1), tonight)
    if choice == "all":
        first = min(first_logged, tonight) if first_logged is not None else tonight
        return NightRange(first, tonight)
    if choice == "custom":
        if custom is None:
            raise ValueError("choose the first and last night")
        a, b = custom
        return NightRange(min(a, b), max(a, b))
    if choice == SINGLE_NIGHT:
        if custom is None:
            raise ValueError("choose the night to show")
        return NightRange(custom[0], custom[0])
    raise ValueError(f"unknown range {choice!r}")


def movements_in_nights(mv: MovementArrays, start_hour: int, nights: NightRange) -> MovementArrays:
    """The movements of `nights` only. Episode codes keep pointing into the same ids."""
    idx = night_index(mv.local_ms, start_hour)
    keep = (idx >= day_index(nights.first)) & (idx <= day_index(nights.last))
    if bool(keep.all()):
        return mv
    rows = np.flatnonzero(keep)
    return MovementArrays(
        at_ms=mv.at_ms[rows],
        offset_min=mv.offset_min[rows],
        kind=mv.kind[rows],
        episode=mv.episode[rows],
        episode_ids=mv.episode_ids,
        ids=tuple(mv.ids[i] for i in rows.tolist()),
    )


# --- clock times on a night ------------------------------------------------------------


def hours_after_start(local_ms: I64, night: date, start_hour: int) -> F64:
    """Local times as hours after the night's start (0 = the night-start hour)."""
    start, _end = night_window_local_ms(night, start_hour)
    return np.asarray((local_ms - start) / MS_PER_HOUR, np.float64)


def clock_text(hours_after: float, start_hour: int, seconds: bool = False) -> str:
    """A wall-clock label such as "21:00" (or "02:14:33") for hours after the night start."""
    total_s = round((start_hour + hours_after) * 3600) % (24 * 3600)
    h, rest = divmod(total_s, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{s:02d}" if seconds else f"{h:02d}:{m:02d}"


def duration_text(hours: float) -> str:
    """ "3 h 05 min", "12 min" or "40 s": durations as a parent reads them."""
    secs = round(hours * 3600)
    if secs < 60:
        return f"{secs} s"
    minutes = round(secs / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def pair_segments(x: F64, y0: float, y1: float) -> tuple[F64, F64]:
    """Vertical ticks at `x` as point pairs, for one line item drawn with connect='pairs'."""
    xs = np.repeat(np.asarray(x, np.float64), 2)
    ys = np.tile(np.array([y0, y1], np.float64), x.size)
    return xs, ys


def span_outline(start: F64, end: F64, y0: float, y1: float) -> tuple[F64, F64]:
    """Rectangles [start, end] x [y0, y1] as one outline to fill down to y0.

    Each span becomes four points (up, across, down); consecutive spans join
    along y0, which encloses no area, so one filled curve shades them all.
    """
    n = start.size
    xs = np.empty(4 * n, np.float64)
    xs[0::4] = start
    xs[1::4] = start
    xs[2::4] = end
    xs[3::4] = end
    ys = np.tile(np.array([y0, y1, y1, y0], np.float64), n)
    return xs, ys


def bar_outline(x: F64, heights: F64, half_width: float) -> tuple[F64, F64]:
    """Bars centred on `x`, from 0 up to `heights`, as one outline to fill down to 0.

    Cheaper to draw than one rectangle item per bar when there are thousands.
    """
    n = x.size
    xs = np.empty(4 * n, np.float64)
    xs[0::4] = x - half_width
    xs[1::4] = x - half_width
    xs[2::4] = x + half_width
    xs[3::4] = x + half_width
    ys = np.zeros(4 * n, np.float64)
    ys[1::4] = heights
    ys[2::4] = heights
    return xs, ys


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

TREND_METRICS: dict[str, str] = {
    "movements": QT_TRANSLATE_NOOP("Charts", "Movements"),
    "episodes": QT_TRANSLATE_NOOP("Charts", "Episodes"),
    "per_sleep_hour": QT_TRANSLATE_NOOP("Charts", "Movements per hour asleep"),
    "periodic_runs": QT_TRANSLATE_NOOP("Charts", "Periodic runs"),
}
ROLLING_NIGHTS = 7


@dataclass(frozen=True)
class TrendData:
    """Per-night figures of the logged nights in a range, and their rolling means.

    Attributes:
        night_idx: the logged nights (day_index), ascending.
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
    all_idx = np.array([day_index(s.night) for s in summaries], np.int64)
    lo, hi = day_index(first), day_index(last)
    in_range = (all_idx >= lo) & (all_idx <= hi)
    values: dict[str, F64] = {}
    rolling: dict[str, F64] = {}
    for name in TREND_METRICS:
        v = np.array([_metric(s, name) for s in summaries], np.float64)
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
    rows = shifted // MS_PER_DAY - day_index(nights.first)
    cols = (shifted % MS_PER_DAY) // (bin_min * MS_PER_MIN)
    keep = (rows >= 0) & (rows < nights.nights)
    flat = rows[keep] * bins + cols[keep]
    counts = np.bincount(flat, minlength=nights.nights * bins).astype(np.int32)
    return NightMap(nights.first, start_hour, bin_min, counts.reshape(nights.nights, bins))


# --- 5. the breakdowns ----------------------------------------------------------------------


@dataclass(frozen=True)
class Breakdown:
    """How often each answer was noted, over the episodes of a range.

    Attributes:
        field: the NightSummary dict it comes from ("responses", "signs", ...).
        keys: the stored answers, in the order shown.
        counts: episodes with each answer.
        base: what a percentage is "of" (episodes, or episodes with an answer).
        base_text: that base in words, e.g. "of 40 episodes".
    """

    field: str
    title: str
    keys: tuple[str, ...]
    labels: tuple[str, ...]
    counts: I64
    base: int
    base_text: str

    @property
    def percents(self) -> F64:
        if self.base == 0:
            return np.zeros(self.counts.size)
        return np.asarray(self.counts * 100.0 / self.base, np.float64)

    @property
    def empty(self) -> bool:
        return not bool(self.counts.any())


BREAKDOWNS: tuple[tuple[str, str, type[StrEnum]], ...] = (
    ("responses", QT_TRANSLATE_NOOP("Charts", "Response to soothing"), Response),
    ("signs", QT_TRANSLATE_NOOP("Charts", "Signs noticed"), Sign),
    ("triggers", QT_TRANSLATE_NOOP("Charts", "Possible triggers"), Trigger),
    ("onset", QT_TRANSLATE_NOOP("Charts", "State when it started"), OnsetState),
)
NOT_NOTED = "unknown"  # how summaries count an episode without an onset state


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def breakdowns(summaries: Iterable[NightSummary]) -> list[Breakdown]:
    """The four breakdown charts of the episodes in `summaries`.

    Percentages: responses are out of the episodes with a response noted (an
    episode has at most one); signs and triggers out of all episodes (an
    episode may have several, so they need not add up to 100); onset out of
    all episodes, with "not noted" for those without one.
    """
    totals: dict[str, dict[str, int]] = {name: {} for name, _t, _e in BREAKDOWNS}
    episodes = 0
    for s in summaries:
        episodes += s.episodes
        for name, _title, _enum in BREAKDOWNS:
            bucket = totals[name]
            for key, n in getattr(s, name).items():
                bucket[key] = bucket.get(key, 0) + n
    out = []
    for name, title, enum in BREAKDOWNS:
        keys = [m.value for m in enum]
        labels = [label(m) for m in enum]
        if name == "onset":
            keys.append(NOT_NOTED)
            labels.append(QT_TRANSLATE_NOOP("Charts", "not noted"))
        counts = np.array([totals[name].get(k, 0) for k in keys], np.int64)
        if name == "responses":
            base = int(counts.sum())
            base_text = f"of {_plural(base, 'episode')} with a response noted"
        else:
            base = episodes
            base_text = f"of {_plural(base, 'episode')}"
        out.append(Breakdown(name, title, tuple(keys), tuple(labels), counts, base, base_text))
    return out


# --- 6. soothing tried, and how often the parent noted it helped -------------------------


@dataclass(frozen=True)
class SoothingSummary:
    """What was tried to soothe the episodes of a range, and how they ended.

    An episode's response belongs to the whole episode, not to one thing tried:
    an episode where rocking and feeding were both tried, and that settled,
    counts as "helped" for each. "Helped" means the parent noted that the baby
    settled (within 5 minutes or slowly); it is what was noted, not proof.

    Attributes:
        keys / labels: every kind of soothing, in the order shown.
        tried: episodes in which each was tried.
        helped: of those, the episodes noted as settled.
        not_helped: of those, the episodes noted as "did not settle".
        episodes: all episodes of the range.
        with_soothing: episodes with anything tried noted.
    """

    keys: tuple[str, ...]
    labels: tuple[str, ...]
    tried: I64
    helped: I64
    not_helped: I64
    episodes: int
    with_soothing: int

    @property
    def not_noted(self) -> I64:
        """Episodes where it was tried but no response was noted."""
        return np.asarray(self.tried - self.helped - self.not_helped, np.int64)

    @property
    def noted(self) -> I64:
        """Episodes where it was tried and a response was noted."""
        return np.asarray(self.helped + self.not_helped, np.int64)

    @property
    def empty(self) -> bool:
        return not bool(self.tried.any())

    def helped_text(self, i: int) -> str:
        """One row in words, e.g. "tried in 12 episodes; you noted it helped in 9 of
        the 10 with a response noted"."""
        n, h, k = int(self.tried[i]), int(self.helped[i]), int(self.noted[i])
        if n == 0:
            return "not tried"
        text = f"tried in {_plural(n, 'episode')}"
        if k == 0:
            return text + "; no response noted"
        the = "the one" if k == 1 else f"the {k}"
        return text + f"; you noted it helped in {h} of {the} with a response noted"

    def order_by_tried(self) -> list[int]:
        """Rows that were tried, most tried first (ties in the usual order)."""
        return sorted(np.flatnonzero(self.tried).tolist(), key=lambda i: -int(self.tried[i]))


def soothing_summary(episodes: Iterable[Episode]) -> SoothingSummary:
    """Count, for each kind of soothing, the episodes it was tried in and how they ended."""
    kinds = list(Soothing)
    # Plain dict counters in one pass: a numpy update or Counter.update per
    # episode costs several times more at tens of thousands of episodes.
    tried = dict.fromkeys(kinds, 0)
    helped = dict.fromkeys(kinds, 0)
    not_helped = dict.fromkeys(kinds, 0)
    n = with_soothing = 0
    for e in episodes:
        n += 1
        tried_here = e.soothing
        if not tried_here:
            continue
        with_soothing += 1
        outcome = (
            helped
            if e.response in SETTLED
            else not_helped
            if e.response is Response.NOT_SETTLED
            else None
        )
        for k in tried_here:
            tried[k] += 1
            if outcome is not None:
                outcome[k] += 1

    def column(counts: dict[Soothing, int]) -> I64:
        return np.array([counts[k] for k in kinds], np.int64)

    return SoothingSummary(
        keys=tuple(k.value for k in kinds),
        labels=tuple(label(k) for k in kinds),
        tried=column(tried),
        helped=column(helped),
        not_helped=column(not_helped),
        episodes=n,
        with_soothing=with_soothing,
    )

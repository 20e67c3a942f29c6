"""One child's whole log as the charts cut it into ranges: pure data, no store.

Summarised once per change of the log (see `rlbaby.services.charts`), then cut
per range, so switching between "last 7 nights" and "all" costs only the cutting.
What the cutting needs more than once (each movement's local time and night,
the episodes' nights, the trend's columns) is worked out once per history, on
first use, and shared by every range. The per-night figures are cut from the
night table's columns: no record per night is made for the charts (building
1,800 of them, and their dicts, also woke the cyclic GC on every switch).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import numpy.typing as npt

from rlbaby.analysis.breakdowns import (
    BREAKDOWNS,
    Breakdown,
    SoothingSummary,
    breakdowns_of,
    soothing_summary,
)
from rlbaby.analysis.chart_data import (
    NightMap,
    TimelineData,
    TrendData,
    night_map,
    table_metrics,
    trend_of,
)
from rlbaby.analysis.chart_data import timeline_data as _timeline_data
from rlbaby.analysis.night_table import NightTable
from rlbaby.analysis.nights import NightSummary, movements_of_nights
from rlbaby.analysis.ranges import NightRange
from rlbaby.analysis.runs import within_episode_intervals_s
from rlbaby.model import Episode, RuleSet, SleepPeriod
from rlbaby.model.arrays import I64, MovementArrays
from rlbaby.model.timekeeping import (
    MS_PER_DAY,
    night_bounds_utc_ms,
    night_date,
    night_index,
    night_number,
)

F64 = npt.NDArray[np.float64]


@dataclass(frozen=True)
class RangeCharts:
    """What every chart of the Charts tab shows for one range of nights.

    Attributes:
        intervals_s: the gaps between movements within episodes, in seconds.
        latest_logged: the range's latest night with movements (None: none).
    """

    nights: NightRange
    intervals_s: F64
    trend: TrendData
    night_map: NightMap
    details: list[Breakdown]
    soothing: SoothingSummary
    latest_logged: date | None


@dataclass(frozen=True)
class ChartHistory:
    """One child's log, as the charts need it.

    Attributes:
        table: the figures of every logged night (the charts cut it by columns;
            `summaries` gives them as records, made on first use).
        sleep: the child's sleep periods (for a night's timeline).
    """

    child_id: str
    start_hour: int
    rule: RuleSet
    mv: MovementArrays
    table: NightTable
    episodes: tuple[Episode, ...] = ()
    episode_nights: dict[str, int] = field(default_factory=dict)
    sleep: tuple[SleepPeriod, ...] = ()

    @property
    def first_night(self) -> date | None:
        return night_date(int(self.table.nights[0])) if len(self.table) else None

    @cached_property
    def summaries(self) -> list[NightSummary]:
        return self.table.summaries()

    # --- worked out once per history -------------------------------------------------

    @cached_property
    def local_ms(self) -> I64:
        return self.mv.local_ms

    @cached_property
    def movement_nights(self) -> I64:
        return night_index(self.local_ms, self.start_hour)

    @cached_property
    def _trend_metrics(self) -> dict[str, F64]:
        return table_metrics(self.table)

    @cached_property
    def _episodes_by_night(self) -> tuple[list[Episode], I64]:
        """The episodes with a movement, ordered by their night, and those nights."""
        get, none = self.episode_nights.get, np.iinfo(np.int64).min
        nights = np.array([get(e.id, none) for e in self.episodes], np.int64)
        order = np.argsort(nights, kind="stable")  # the log's order within a night
        order = order[nights[order] != none]  # no movement left: not charted
        episodes = self.episodes
        return [episodes[i] for i in order.tolist()], nights[order]

    @cached_property
    def _episode_by_id(self) -> dict[str, Episode]:
        return {e.id: e for e in self.episodes}

    @cached_property
    def _sleep_bounds(self) -> tuple[list[SleepPeriod], I64, I64]:
        """The sleep periods by start, their starts, and the latest end so far
        (an open period is taken to end a day later: it counts for 16 hours)."""
        periods = sorted(self.sleep, key=lambda p: p.asleep.utc_ms)
        starts = np.array([p.asleep.utc_ms for p in periods], np.int64)
        ends = np.array(
            [p.awake.utc_ms if p.awake else p.asleep.utc_ms + MS_PER_DAY for p in periods],
            np.int64,
        )
        return periods, starts, np.maximum.accumulate(ends) if ends.size else ends

    # --- cut per range ---------------------------------------------------------------------

    def movements(self, nights: NightRange) -> MovementArrays:
        return movements_of_nights(self.mv, self.start_hour, nights.first, nights.last)

    def _movement_rows(self, nights: NightRange) -> slice | np.ndarray:
        keep = (self.movement_nights >= night_number(nights.first)) & (
            self.movement_nights <= night_number(nights.last)
        )
        return slice(None) if bool(keep.all()) else keep

    def _night_places(self, nights: NightRange) -> tuple[int, int]:
        """Where the range's nights lie among the table's: places lo..hi-1."""
        idx = self.table.nights
        lo = int(np.searchsorted(idx, night_number(nights.first), side="left"))
        hi = int(np.searchsorted(idx, night_number(nights.last), side="right"))
        return lo, hi

    def summaries_in(self, nights: NightRange) -> list[NightSummary]:
        lo, hi = self._night_places(nights)
        return self.summaries[lo:hi]

    def episodes_in(self, nights: NightRange) -> list[Episode]:
        """The episodes of `nights`: each belongs to the night of its first
        movement, as in the night summaries (so the counts agree)."""
        episodes, idx = self._episodes_by_night
        lo = int(np.searchsorted(idx, night_number(nights.first), side="left"))
        hi = int(np.searchsorted(idx, night_number(nights.last), side="right"))
        return episodes[lo:hi]

    def charts(self, nights: NightRange) -> RangeCharts:
        """Every chart's numbers for `nights`."""
        rows = self._movement_rows(nights)
        # Cut from the table's columns: the same numbers as from the range's
        # summaries (trend_data, breakdowns), without a record per night.
        t = self.table
        lo, hi = self._night_places(nights)
        logged = np.flatnonzero(t.movements[lo:hi])
        latest = night_date(int(t.nights[lo + int(logged[-1])])) if logged.size else None
        totals = {name: getattr(t, name).totals(lo, hi) for name, _enum in BREAKDOWNS}
        return RangeCharts(
            nights=nights,
            intervals_s=within_episode_intervals_s(self.mv.at_ms[rows], self.mv.episode[rows]),
            trend=trend_of(t.nights, self._trend_metrics, nights.first, nights.last),
            night_map=night_map(self.local_ms[rows], self.start_hour, nights),
            details=breakdowns_of(int(t.episodes[lo:hi].sum()), totals),
            soothing=soothing_summary(self.episodes_in(nights)),
            latest_logged=latest,
        )

    def timeline(self, night: date, now_ms: int) -> TimelineData:
        """One night's timeline, from this history (the same records the store holds)."""
        t0, t1 = night_bounds_utc_ms(night, self.start_hour)  # padded for any offset
        # timeline_data keeps exactly the night's movements and sleep: hand it
        # those around the night (movements are sorted by time).
        m = self.mv
        lo = int(np.searchsorted(m.at_ms, t0, side="left"))
        hi = int(np.searchsorted(m.at_ms, t1, side="right"))
        mv = MovementArrays(
            at_ms=m.at_ms[lo:hi],
            offset_min=m.offset_min[lo:hi],
            kind=m.kind[lo:hi],
            episode=m.episode[lo:hi],
            episode_ids=m.episode_ids,
            ids=m.ids[lo:hi],
        )
        by_id = self._episode_by_id
        codes = np.unique(mv.episode).tolist()
        episodes = [e for c in codes if (e := by_id.get(m.episode_ids[c])) is not None]
        periods, starts, ended_by = self._sleep_bounds
        a = int(np.searchsorted(ended_by, t0, side="left"))
        b = int(np.searchsorted(starts, t1, side="right"))
        return _timeline_data(mv, episodes, periods[a:b], night, self.start_hour, now_ms)


def first_tap_nights(mv: MovementArrays, start_hour: int) -> dict[str, int]:
    """The night (day index) of each episode's first movement; movements are sorted."""
    codes, first = np.unique(mv.episode, return_index=True)
    nights = night_index(mv.local_ms[first], start_hour)
    return {mv.episode_ids[c]: n for c, n in zip(codes.tolist(), nights.tolist(), strict=True)}

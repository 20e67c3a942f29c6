"""Where the charts get their numbers: the store, read once per change. Qt-free.

A child's whole history (movement arrays, episodes, sleep and night summaries)
is read and summarised once per store revision, then cut into ranges; so
switching between "last 7 nights" and "all" costs only the cutting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from rlbaby.analysis import NightSummary
from rlbaby.analysis.chart_data import (
    NightRange,
    TimelineData,
    timeline_data,
)
from rlbaby.analysis.nights import movements_of_nights
from rlbaby.model import Episode, RuleSet, SleepPeriod
from rlbaby.model.arrays import MovementArrays
from rlbaby.model.timekeeping import night_bounds_utc_ms, night_index, night_number
from rlbaby.services.nights import night_window
from rlbaby.store import Store


@dataclass(frozen=True)
class History:
    """One child's log, as the charts need it."""

    child_id: str
    start_hour: int
    rule: RuleSet
    mv: MovementArrays
    summaries: list[NightSummary]
    episodes: tuple[Episode, ...] = ()
    episode_nights: dict[str, int] = field(default_factory=dict)

    @property
    def first_night(self) -> date | None:
        return self.summaries[0].night if self.summaries else None

    def movements(self, nights: NightRange) -> MovementArrays:
        return movements_of_nights(self.mv, self.start_hour, nights.first, nights.last)

    def summaries_in(self, nights: NightRange) -> list[NightSummary]:
        return [s for s in self.summaries if nights.contains(s.night)]

    def episodes_in(self, nights: NightRange) -> list[Episode]:
        """The episodes of `nights`: each belongs to the night of its first
        movement, as in the night summaries (so the counts agree)."""
        lo, hi = night_number(nights.first), night_number(nights.last)
        return [e for e in self.episodes if lo <= self.episode_nights.get(e.id, lo - 1) <= hi]


def first_tap_nights(mv: MovementArrays, start_hour: int) -> dict[str, int]:
    """The night (day index) of each episode's first movement; movements are sorted."""
    codes, first = np.unique(mv.episode, return_index=True)
    nights = night_index(mv.local_ms[first], start_hour)
    return {mv.episode_ids[c]: n for c, n in zip(codes.tolist(), nights.tolist(), strict=True)}


class ChartSource:
    """Reads and caches what the charts show.

    Args:
        store: the open store.
        now_ms: the current UTC time (an open sleep period runs until now).
    """

    def __init__(self, store: Store, now_ms: Callable[[], int]) -> None:
        self.store = store
        self.now_ms = now_ms
        self._key: tuple[object, ...] | None = None
        self._history: History | None = None

    def invalidate(self) -> None:
        self._key = None
        self._history = None

    def history(self, child_id: str) -> History:
        settings = self.store.settings
        key = (child_id, self.store.revision, settings.night_start_hour, settings.rule)
        if self._history is None or key != self._key:
            window = night_window(self.store, child_id)
            self._history = History(
                child_id,
                window.start_hour,
                window.rule,
                window.mv,
                window.summaries(self.now_ms()),
                window.episodes,
                first_tap_nights(window.mv, window.start_hour),
            )
            self._key = key
        return self._history

    def timeline(self, child_id: str, night: date) -> TimelineData:
        """One night, read straight from the store (a small query, not the history)."""
        start_hour = self.store.settings.night_start_hour
        t0, t1 = night_bounds_utc_ms(night, start_hour)
        mv = self.store.movements(child_id, t0, t1)
        # Episodes may open up to an idle timeout before their first tap of the night.
        episodes: list[Episode] = self.store.episodes(child_id, t0 - 3_600_000, t1)
        sleep: list[SleepPeriod] = self.store.sleep_periods(child_id, t0, t1)
        return timeline_data(mv, episodes, sleep, night, start_hour, self.now_ms())

"""Where the charts get their numbers: the store, read once per change. Qt-free.

A child's whole history (movement arrays, episodes, sleep and night summaries)
is read and summarised once per store revision, then cut into ranges; so
switching between "last 7 nights" and "all" costs only the cutting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rlbaby.analysis import NightSummary, summarize_nights
from rlbaby.analysis.chart_data import NightRange, TimelineData, movements_in_nights, timeline_data
from rlbaby.model import Episode, RuleSet, SleepPeriod
from rlbaby.model.arrays import MovementArrays
from rlbaby.model.timekeeping import night_bounds_utc_ms
from rlbaby.store import Store


@dataclass(frozen=True)
class History:
    """One child's log, as the charts need it."""

    child_id: str
    start_hour: int
    rule: RuleSet
    mv: MovementArrays
    summaries: list[NightSummary]

    @property
    def first_night(self) -> date | None:
        return self.summaries[0].night if self.summaries else None

    def movements(self, nights: NightRange) -> MovementArrays:
        return movements_in_nights(self.mv, self.start_hour, nights)

    def summaries_in(self, nights: NightRange) -> list[NightSummary]:
        return [s for s in self.summaries if nights.contains(s.night)]


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
            mv = self.store.movements(child_id)
            summaries = summarize_nights(
                child_id,
                mv,
                self.store.episodes(child_id),
                self.store.sleep_periods(child_id),
                start_hour=settings.night_start_hour,
                rule=settings.rule,
                now_ms=self.now_ms(),
            )
            self._history = History(
                child_id, settings.night_start_hour, settings.rule, mv, summaries
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

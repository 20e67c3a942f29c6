"""Where the charts get their numbers: the store, read once per change. Qt-free.

A child's whole history (movement arrays, episodes, sleep and night summaries)
is read and summarised once per store revision (`night_window`, the one rule of
what a range holds), then cut into ranges by `ChartHistory`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rlbaby.analysis.chart_data import TimelineData, timeline_data
from rlbaby.analysis.chart_history import ChartHistory, first_tap_nights
from rlbaby.model import Episode, SleepPeriod
from rlbaby.model.timekeeping import night_bounds_utc_ms
from rlbaby.services.nights import night_window
from rlbaby.store import Store


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
        self._history: ChartHistory | None = None

    def invalidate(self) -> None:
        self._key = None
        self._history = None

    def history(self, child_id: str) -> ChartHistory:
        settings = self.store.settings
        key = (child_id, self.store.revision, settings.night_start_hour, settings.rule)
        if self._history is None or key != self._key:
            window = night_window(self.store, child_id)
            self._history = ChartHistory(
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

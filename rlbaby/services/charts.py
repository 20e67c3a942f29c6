"""Where the charts get their numbers: the store, read once per change. Qt-free.

A child's whole history (movement arrays, episodes, sleep and night summaries)
is read and summarised once per store revision (`night_window`, the one rule of
what a range holds), then cut into ranges by `ChartHistory`. The cut of the last
few ranges is kept with it, so going back to a range costs nothing until the
log changes; a new history (any write, another child, new settings) drops them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import date

from rlbaby.analysis.chart_data import TimelineData, timeline_data
from rlbaby.analysis.chart_history import ChartHistory, RangeCharts, first_tap_nights
from rlbaby.analysis.ranges import NightRange
from rlbaby.model import Episode, SleepPeriod
from rlbaby.model.timekeeping import night_bounds_utc_ms
from rlbaby.services.nights import night_window
from rlbaby.store import Store

KEPT_RANGES = 4  # the ranges whose numbers are kept (each holds a few arrays of the range)


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
        self._ranges: OrderedDict[NightRange, RangeCharts] = OrderedDict()

    def invalidate(self) -> None:
        """Forget everything: the next call reads and summarises the store again."""
        self._key = None
        self._history = None
        self._ranges.clear()

    def _current_key(self, child_id: str) -> tuple[object, ...]:
        settings = self.store.settings
        return (child_id, self.store.revision, settings.night_start_hour, settings.rule)

    def history(self, child_id: str) -> ChartHistory:
        key = self._current_key(child_id)
        if self._history is None or key != self._key:
            self._ranges.clear()  # cut from the history being replaced
            self._history = None  # let it go before the new one is built
            window = night_window(self.store, child_id)
            self._history = ChartHistory(
                child_id,
                window.start_hour,
                window.rule,
                window.mv,
                window.table(self.now_ms()),
                window.episodes,
                first_tap_nights(window.mv, window.start_hour),
                window.sleep,
            )
            self._key = key
        return self._history

    def charts(self, child_id: str, nights: NightRange) -> RangeCharts:
        """Every chart's numbers for `nights`, from the current history."""
        history = self.history(child_id)
        found = self._ranges.get(nights)
        if found is None:
            found = self._ranges[nights] = history.charts(nights)
            while len(self._ranges) > KEPT_RANGES:
                self._ranges.popitem(last=False)
        else:
            self._ranges.move_to_end(nights)
        return found

    def timeline(self, child_id: str, night: date) -> TimelineData:
        """One night: cut from the history when it is current, else a small store query."""
        if self._history is not None and self._key == self._current_key(child_id):
            return self._history.timeline(night, self.now_ms())
        start_hour = self.store.settings.night_start_hour
        t0, t1 = night_bounds_utc_ms(night, start_hour)
        mv = self.store.movements(child_id, t0, t1)
        # Episodes may open up to an idle timeout before their first tap of the night.
        episodes: list[Episode] = self.store.episodes(child_id, t0 - 3_600_000, t1)
        sleep: list[SleepPeriod] = self.store.sleep_periods(child_id, t0, t1)
        return timeline_data(mv, episodes, sleep, night, start_hour, self.now_ms())

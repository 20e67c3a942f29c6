"""The log beside the guide, for one child and a range of nights. Qt-free.

The Guide tab and the PDF report both ask here, so they show the same figures.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from rlbaby.analysis.comparison import (
    Comparison,
    compare,
)
from rlbaby.model.timekeeping import (
    night_bounds_utc_ms,
    night_index,
    night_number,
    night_of,
)
from rlbaby.services.nights import night_window
from rlbaby.store import Store


def comparison_for(store: Store, child_id: str, first: date, last: date, now_ms: int) -> Comparison:
    """Compare one child's log over the nights `first`..`last` (inclusive) with the guide.

    What the range holds is `night_window`'s rule: an episode belongs to the range
    when it has a tap in the range, on the night of its first such tap. Episodes
    without any tap are left out, as they are in the night summaries.
    """
    window = night_window(store, child_id, first, last)
    return compare(
        window.summaries(now_ms), list(window.episodes), window.mv, start_hour=window.start_hour
    )


def last_n_nights(store: Store, child_id: str, n: int, today: date) -> tuple[date, date]:
    """The inclusive range of the last `n` nights up to `today`'s night.

    `today` is the current night's label (`night_of(now, start_hour)`). While
    that night has nothing logged yet (the evening before bedtime, say), the
    range ends with the night before, so that it holds `n` nights that can have
    a log rather than one that has not begun.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    start_hour = store.settings.night_start_hour
    last = today
    t0, t1 = night_bounds_utc_ms(today, start_hour)
    today_idx = night_number(today)
    taps = night_index(store.movements(child_id, t0, t1).local_ms, start_hour)
    has_taps = bool(np.any(taps == today_idx))
    has_sleep = any(
        night_of(p.asleep, start_hour) == today for p in store.sleep_periods(child_id, t0, t1)
    )
    if not (has_taps or has_sleep):
        last = today - timedelta(days=1)
    return last - timedelta(days=n - 1), last

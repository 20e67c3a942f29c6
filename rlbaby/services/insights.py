"""The log beside the guide, for one child and a range of nights. Qt-free.

The Guide tab and the PDF report both ask here, so they show the same figures.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from rlbaby.analysis.comparison import Comparison, compare
from rlbaby.analysis.nights import (
    summarize_nights,
)
from rlbaby.model.arrays import MovementArrays
from rlbaby.model.timekeeping import (
    night_bounds_utc_ms,
    night_index,
    night_number,
    night_of,
)
from rlbaby.store import Store


def _night_range_arrays(
    mv: MovementArrays, first: date, last: date, start_hour: int
) -> MovementArrays:
    """The movements whose night lies in [first, last], with dense episode codes.

    summarize_nights expects every code in `episode_ids` to have a movement, so
    the codes of the episodes that remain are renumbered 0..k-1.
    """
    idx = night_index(mv.local_ms, start_hour)
    keep = (idx >= night_number(first)) & (idx <= night_number(last))
    if keep.all():
        return mv
    codes = mv.episode[keep]
    present = np.unique(codes)
    return MovementArrays(
        at_ms=mv.at_ms[keep],
        offset_min=mv.offset_min[keep],
        kind=mv.kind[keep],
        episode=np.searchsorted(present, codes).astype(np.int32),
        episode_ids=tuple(mv.episode_ids[int(c)] for c in present.tolist()),
        ids=tuple(i for i, k in zip(mv.ids, keep.tolist(), strict=True) if k),
    )


def comparison_for(store: Store, child_id: str, first: date, last: date, now_ms: int) -> Comparison:
    """Compare one child's log over the nights `first`..`last` (inclusive) with the guide.

    An episode belongs to the range when it has a tap in the range; the night
    summaries place it on the night of its first such tap. Episodes without any
    tap are left out, as they are in the night summaries.
    """
    settings = store.settings
    start_hour = settings.night_start_hour
    t0, _ = night_bounds_utc_ms(first, start_hour)
    _, t1 = night_bounds_utc_ms(last, start_hour)
    mv = _night_range_arrays(store.movements(child_id, t0, t1), first, last, start_hour)
    nights = summarize_nights(
        child_id,
        mv,
        store.episodes(child_id, t0, t1),
        store.sleep_periods(child_id, t0, t1),
        start_hour=start_hour,
        rule=settings.rule,
        now_ms=now_ms,
        nights=(first, last),
    )
    # The store's query is padded for any UTC offset; keep the range's episodes only.
    in_range = set(mv.episode_ids)
    episodes = [e for e in store.episodes(child_id, t0 - 86_400_000, t1) if e.id in in_range]
    return compare(nights, episodes, mv, start_hour=start_hour)


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

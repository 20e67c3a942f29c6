"""The demo log never runs into the future (issue 10: "Started 03:43" at 02:57)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from rlbaby.analysis.comparison import (
    stiffening_episode_ids,
)
from rlbaby.demo import night_of, populate
from rlbaby.store import Store

TODAY = date(2026, 11, 24)


def _local_ms(day: date, hour: int, minute: int) -> int:
    return int(datetime(day.year, day.month, day.day, hour, minute).timestamp() * 1000)


@pytest.mark.parametrize(
    ("hour", "minute"), [(2, 57), (3, 0), (6, 30), (12, 0), (18, 5), (21, 40), (23, 59)]
)
def test_nothing_ends_after_now(hour: int, minute: int) -> None:
    now = _local_ms(TODAY, hour, minute)
    with Store.in_memory(now_ms=lambda: now) as store:
        populate(store, nights=5, now_ms=now)
        moves = store.movements()
        assert len(moves.at_ms) > 0
        assert int(moves.at_ms.max()) <= now
        for ep in store.episodes():
            assert ep.opened.utc_ms <= now
            assert ep.settled is None or ep.settled.utc_ms <= now
            assert all(m.at.utc_ms <= now for m in store.movements_of_episode(ep.id))
        for period in store.sleep_periods():
            assert period.awake is not None, "an open sleep period would count on past now"
            assert period.asleep.utc_ms <= period.awake.utc_ms <= now
        # The log reaches up to now: yesterday's night at least is there.
        assert int(moves.at_ms.max()) > now - 2 * 24 * 3600 * 1000


def test_the_last_night_is_the_one_now_falls_in() -> None:
    assert night_of(_local_ms(TODAY, 2, 57)) == TODAY - timedelta(days=1)
    assert night_of(_local_ms(TODAY, 17, 59)) == TODAY - timedelta(days=1)
    assert night_of(_local_ms(TODAY, 18, 0)) == TODAY


def test_an_explicit_end_keeps_whole_nights() -> None:
    with Store.in_memory() as store:
        populate(store, nights=3, end=TODAY)
        latest = max(p.awake.utc_ms for p in store.sleep_periods() if p.awake)
        assert latest > _local_ms(TODAY + timedelta(days=1), 5, 59)


def test_the_demo_children_log_no_red_flags() -> None:
    """Ordinary restless sleepers: a red flag in the demo would sit on top of every
    comparison and report (issue 12 made "did not stop when woken: no" one)."""
    with Store.in_memory() as store:
        populate(store, nights=42, end=TODAY)
        episodes = store.episodes()
        assert len(episodes) > 100
        stiff = stiffening_episode_ids(store.movements())
        flagged = [e for e in episodes if e.red_flags(stiffening_tap=e.id in stiff)]
        assert flagged == []

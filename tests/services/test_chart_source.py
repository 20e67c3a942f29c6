"""ChartSource: one history per change of the log, the last ranges kept, nights cut from it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from rlbaby.analysis.breakdowns import breakdowns, soothing_summary
from rlbaby.analysis.chart_data import TimelineData, night_map, timeline_data, trend_data
from rlbaby.analysis.ranges import NightRange
from rlbaby.analysis.runs import within_episode_intervals_s
from rlbaby.model import (
    Child,
    Episode,
    Instant,
    Movement,
    MovementKind,
    Response,
    SleepPeriod,
    Soothing,
)
from rlbaby.model.timekeeping import night_bounds_utc_ms, night_number
from rlbaby.services import LoggerService
from rlbaby.services.charts import KEPT_RANGES, ChartSource
from rlbaby.store import Store

CET = timezone(timedelta(hours=1))
FIRST = date(2026, 11, 10)
LAST = date(2026, 11, 23)  # tonight at the test clock (2026-11-24 07:00 +01:00)


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> Instant:
    return Instant.from_datetime(datetime(2026, 11, day, hour, minute, second, tzinfo=CET))


def seed(store: Store, child_id: str) -> None:
    """Two weeks of nights, with what makes a night's edges hard: an episode
    that runs across the night start, a settled mark later than the last
    movement, a sleep period across the night start, and one never closed."""
    records: list[object] = []
    for day in range(10, 24):
        ep = Episode(
            child_id,
            at(day, 22),
            settled=at(day, 22, 30) if day % 3 == 0 else None,
            response=Response.SETTLED_FAST if day % 3 == 0 else None,
            soothing=frozenset({Soothing.ROCKING}) if day % 2 else frozenset(),
        )
        records.append(ep)
        for i in range(day % 5 + 2):
            kind = MovementKind.KICK if i % 2 else MovementKind.JERK
            records.append(Movement(child_id, ep.id, at(day, 22, i // 2, 25 * (i % 2)), kind=kind))
        records.append(SleepPeriod(child_id, at(day, 20), awake=at(day + 1, 6)))
    across = Episode(child_id, at(15, 17, 59))  # the night of the 14th into the 15th's
    records.append(across)
    for t in (at(15, 17, 59), at(15, 17, 59, 40), at(15, 18, 0, 20), at(15, 18, 1)):
        records.append(Movement(child_id, across.id, t))
    records.append(SleepPeriod(child_id, at(16, 14), awake=at(16, 19)))  # across 18:00
    records.append(SleepPeriod(child_id, at(23, 23, 30)))  # never closed: runs to now
    store.save_many(records)


@pytest.fixture
def source(store: Store, child: Child, clock) -> ChartSource:  # type: ignore[no-untyped-def]
    seed(store, child.id)
    return ChartSource(store, clock.now_ms)


def from_store(store: Store, child_id: str, night: date, now_ms: int) -> TimelineData:
    """The night as the store's own queries give it (what the source did before)."""
    start_hour = store.settings.night_start_hour
    t0, t1 = night_bounds_utc_ms(night, start_hour)
    return timeline_data(
        store.movements(child_id, t0, t1),
        store.episodes(child_id, t0 - 3_600_000, t1),
        store.sleep_periods(child_id, t0, t1),
        night,
        start_hour,
        now_ms,
    )


def assert_same_night(a: TimelineData, b: TimelineData) -> None:
    assert (a.night, a.start_hour, a.episode_ids) == (b.night, b.start_hour, b.episode_ids)
    for name in (
        "x_h",
        "kind",
        "episode",
        "span_start_h",
        "span_end_h",
        "span_movements",
        "sleep_start_h",
        "sleep_end_h",
    ):
        assert getattr(a, name).tolist() == getattr(b, name).tolist(), name


def test_a_night_cut_from_the_history_is_the_night_the_store_gives(
    source: ChartSource, store: Store, child: Child, clock
) -> None:  # type: ignore[no-untyped-def]
    source.history(child.id)  # current: timelines are cut from it
    for n in range(-1, (LAST - FIRST).days + 2):
        night = FIRST + timedelta(days=n)
        assert_same_night(
            source.timeline(child.id, night), from_store(store, child.id, night, clock.now_ms())
        )


def test_each_range_gets_the_figures_of_its_own_nights(source: ChartSource, child: Child) -> None:
    history = source.history(child.id)
    for first, last in ((FIRST, LAST), (date(2026, 11, 14), date(2026, 11, 16)), (LAST, LAST)):
        nights = NightRange(first, last)
        got = source.charts(child.id, nights)
        mv = history.movements(nights)
        lo, hi = night_number(first), night_number(last)
        assert got.intervals_s.tolist() == within_episode_intervals_s(mv.at_ms, mv.episode).tolist()
        assert got.night_map.counts.tolist() == night_map(mv.local_ms, 18, nights).counts.tolist()
        trend = trend_data(history.summaries, first, last)
        assert got.trend.night_idx.tolist() == trend.night_idx.tolist()
        for key, values in trend.values.items():
            np.testing.assert_array_equal(got.trend.values[key], values)
            np.testing.assert_array_equal(got.trend.rolling[key], trend.rolling[key])
        in_range = [s for s in history.summaries if first <= s.night <= last]
        assert history.summaries_in(nights) == in_range
        expected = [b.counts.tolist() for b in breakdowns(in_range)]
        assert [b.counts.tolist() for b in got.details] == expected
        episodes = [
            e for e in history.episodes if lo <= history.episode_nights.get(e.id, lo - 1) <= hi
        ]
        assert sorted(e.id for e in history.episodes_in(nights)) == sorted(e.id for e in episodes)
        assert got.soothing.tried.tolist() == soothing_summary(episodes).tried.tolist()
        assert got.latest_logged == max((s.night for s in in_range if s.movements), default=None)


def test_a_range_is_kept_until_the_log_changes(
    source: ChartSource, store: Store, child: Child, clock
) -> None:  # type: ignore[no-untyped-def]
    week = NightRange(date(2026, 11, 17), LAST)
    first = source.charts(child.id, week)
    assert source.charts(child.id, week) is first  # kept
    before = int(first.night_map.counts.sum())

    LoggerService(store, clock).record_movement(child.id)  # a tap: tonight
    after_tap = source.charts(child.id, week)
    assert after_tap is not first
    assert int(after_tap.night_map.counts.sum()) == before + 1

    newest = store.movements(child.id).ids[-1]
    LoggerService(store, clock).delete(store.movement(newest))  # an edit
    assert int(source.charts(child.id, week).night_map.counts.sum()) == before


def test_another_child_or_new_settings_get_their_own_figures(
    source: ChartSource, store: Store, child: Child
) -> None:
    from dataclasses import replace

    week = NightRange(date(2026, 11, 17), LAST)
    ada = source.charts(child.id, week)
    ben = store.save(Child("Ben"))
    assert source.charts(ben.id, week).night_map.counts.sum() == 0
    assert source.charts(child.id, week).night_map.counts.sum() == ada.night_map.counts.sum()
    store.save_settings(replace(store.settings, night_start_hour=20))
    later = source.charts(child.id, week)
    assert later.night_map.start_hour == 20
    assert source.timeline(child.id, LAST).start_hour == 20


def test_an_import_reaches_the_charts_after_invalidate(
    source: ChartSource, store: Store, child: Child
) -> None:
    week = NightRange(date(2026, 11, 17), LAST)
    before = int(source.charts(child.id, week).night_map.counts.sum())
    ep = Episode(child.id, at(20, 23))
    store.save_many(
        [ep, Movement(child.id, ep.id, at(20, 23)), Movement(child.id, ep.id, at(20, 23, 0, 30))]
    )
    source.invalidate()  # as on data_replaced
    assert int(source.charts(child.id, week).night_map.counts.sum()) == before + 2


def test_only_the_last_ranges_are_kept(source: ChartSource, child: Child) -> None:
    ranges = [NightRange(FIRST + timedelta(days=i), LAST) for i in range(KEPT_RANGES + 2)]
    made = [source.charts(child.id, r) for r in ranges]
    assert source.charts(child.id, ranges[-1]) is made[-1]
    assert source.charts(child.id, ranges[0]) is not made[0]  # dropped, made again


def test_the_store_is_asked_for_a_night_when_the_history_is_not_current(
    source: ChartSource, store: Store, child: Child, clock
) -> None:  # type: ignore[no-untyped-def]
    source.history(child.id)
    LoggerService(store, clock).record_movement(child.id)
    # The history is now a write behind: the night comes from the store, tap included.
    got = source.timeline(child.id, LAST)
    assert_same_night(got, from_store(store, child.id, LAST, clock.now_ms()))
    assert got.x_h.size == from_store(store, child.id, LAST, clock.now_ms()).x_h.size

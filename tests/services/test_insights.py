"""rlbaby/services/insights.py: the comparison for a child and a range of nights, from the store."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rlbaby.analysis.guide_table import (
    Lean,
)
from rlbaby.demo import populate
from rlbaby.model import Child, Episode, Instant, Movement, Response, Sign, SleepPeriod
from rlbaby.model.timekeeping import MS_PER_MIN
from rlbaby.services.insights import comparison_for, last_n_nights
from rlbaby.store import Store

FIRST = date(2026, 11, 1)
NOW = Instant.parse("2026-12-31T12:00:00+01:00").utc_ms


def local(day: date, clock: str) -> Instant:
    return Instant.parse(f"{day.isoformat()}T{clock}+01:00")


def log_night(
    store: Store, child: Child, night: date, signs: frozenset[Sign] = frozenset()
) -> Episode:
    """One settled episode of three taps at 23:00 and a sleep period from 20:00 to 06:00."""
    start = local(night, "23:00:00")
    ep = Episode(child.id, start, response=Response.SETTLED_FAST, signs=signs)
    taps = [Movement(child.id, ep.id, start.plus_ms(k * 30_000)) for k in range(3)]
    sleep = SleepPeriod(
        child.id, local(night, "20:00:00"), awake=local(night + timedelta(days=1), "06:00:00")
    )
    store.save_many([ep, *taps, sleep])
    return ep


@pytest.fixture
def kid(store: Store) -> Child:
    return store.save(Child("Ada"))


def test_comparison_covers_exactly_the_chosen_nights(store: Store, kid: Child) -> None:
    for i in range(10):
        log_night(store, kid, FIRST + timedelta(days=i))
    urgent = log_night(store, kid, FIRST + timedelta(days=10), frozenset({Sign.BREATHING_PAUSES}))
    c = comparison_for(store, kid.id, FIRST + timedelta(days=4), FIRST + timedelta(days=10), NOW)
    assert (c.nights, c.episodes, c.enough) == (7, 7, True)
    # Every tap at 23:00: the time row cannot judge a night log (it leaned
    # "worth discussing" here before, on a log of one quiet tap a night).
    assert [r.lean for r in c.rows] == [Lean.TYPICAL] * 3 + [Lean.NOT_ENOUGH, Lean.TYPICAL]
    assert c.rows[0].your_log == "1.0 episodes a night, longest 1 min"
    assert c.rows[1].your_log == "settled with soothing in 7 of 7 episodes"
    assert c.rows[3].your_log == "100% of your taps between 22:00 and 06:00"
    assert [u.episode_id for u in c.urgent] == [urgent.id]
    assert c.urgent[0].night == FIRST + timedelta(days=10)
    # The urgent night left out of the range: not listed, and one night fewer.
    c2 = comparison_for(store, kid.id, FIRST + timedelta(days=3), FIRST + timedelta(days=9), NOW)
    assert (c2.nights, c2.episodes, c2.urgent) == (7, 7, ())
    # Too short a range is "not enough".
    c3 = comparison_for(store, kid.id, FIRST, FIRST + timedelta(days=2), NOW)
    assert not c3.enough
    assert {r.lean for r in c3.rows} == {Lean.NOT_ENOUGH}


def test_other_children_and_deleted_records_do_not_count(store: Store, kid: Child) -> None:
    other = store.save(Child("Bo"))
    for i in range(8):
        log_night(store, kid, FIRST + timedelta(days=i))
        log_night(store, other, FIRST + timedelta(days=i), frozenset({Sign.COLOUR_CHANGE}))
    gone = log_night(store, kid, FIRST + timedelta(days=8))
    for m in store.movements_of_episode(gone.id):
        store.delete(m)
    store.delete(gone)
    c = comparison_for(store, kid.id, FIRST, FIRST + timedelta(days=8), NOW)
    assert c.episodes == 8
    assert c.urgent == ()


def test_episode_after_midnight_belongs_to_the_evening_before(store: Store, kid: Child) -> None:
    night = FIRST + timedelta(days=2)
    start = local(night + timedelta(days=1), "02:14:00")
    ep = Episode(kid.id, start, signs=frozenset({Sign.EYES_ROLLING}))
    store.save_many([ep, Movement(kid.id, ep.id, start)])
    c = comparison_for(store, kid.id, night, night, NOW)
    assert c.urgent[0].night == night
    assert (
        comparison_for(
            store, kid.id, night + timedelta(days=1), night + timedelta(days=1), NOW
        ).urgent
        == ()
    )


def test_last_n_nights_skips_a_night_not_begun(store: Store, kid: Child) -> None:
    today = FIRST + timedelta(days=20)
    assert last_n_nights(store, kid.id, 7, today) == (
        today - timedelta(days=7),
        today - timedelta(days=1),
    )
    log_night(store, kid, today)
    assert last_n_nights(store, kid.id, 7, today) == (today - timedelta(days=6), today)
    assert last_n_nights(store, kid.id, 1, today) == (today, today)
    with pytest.raises(ValueError, match="at least 1"):
        last_n_nights(store, kid.id, 0, today)


def test_demo_data_gives_a_full_comparison(store: Store) -> None:
    end = date(2026, 11, 30)
    populate(store, nights=30, end=end)
    mia = store.child_by_name("Mia")
    assert mia is not None
    first, last = last_n_nights(store, mia.id, 14, end + timedelta(days=1))
    assert (first, last) == (end - timedelta(days=13), end)
    c = comparison_for(store, mia.id, first, last, NOW)
    assert c.enough
    assert c.nights == 14
    assert c.episodes > 14
    assert all(r.lean is not Lean.NOT_ENOUGH for r in c.rows[:3])
    assert c.rows[3].lean is Lean.NOT_ENOUGH  # time of occurrence: never from a night log
    assert len(c.rows) == 5
    assert MS_PER_MIN  # the demo's episodes last minutes, not hours
    assert "min" in c.rows[0].your_log

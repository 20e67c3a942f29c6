"""The History tree as plain data, and the times a parent types."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from rlbaby.model import Child, Episode, Instant, Movement, MovementKind, SleepPeriod
from rlbaby.services import history
from rlbaby.services.history import (
    EpisodeItem,
    SleepItem,
    build_night,
    build_nights,
    check_not_future,
    check_sleep,
    format_local,
    parse_local,
)
from rlbaby.store import Store

CET = timezone(timedelta(hours=1))


def at(day: int, hour: int, minute: int = 0, second: int = 0, tz: timezone = CET) -> Instant:
    """A local time in November 2026 (UTC+1 unless told)."""
    return Instant.from_datetime(datetime(2026, 11, day, hour, minute, second, tzinfo=tz))


def episode_with(store: Store, child_id: str, *times: Instant) -> Episode:
    ep = store.save(Episode(child_id, opened=times[0]))
    for t in times:
        store.save(Movement(child_id, ep.id, t, kind=MovementKind.KICK))
    return ep


def test_nights_newest_first_with_episodes_sleep_and_movements(store: Store, child: Child) -> None:
    late = episode_with(store, child.id, at(23, 2, 10), at(23, 2, 10, 40), at(23, 2, 11, 20))
    early = episode_with(store, child.id, at(22, 21, 5), at(22, 21, 6))
    sleep = store.save(SleepPeriod(child.id, at(22, 20, 0), awake=at(23, 6, 30)))
    nights = build_nights(store, child.id, date(2026, 11, 20), date(2026, 11, 23))
    # 02:10 on the 23rd belongs to the night of the 22nd.
    assert [n.night for n in nights] == [date(2026, 11, 22)]
    (night,) = nights
    assert [i.key for i in night.items] == [sleep.id, early.id, late.id]  # time order
    assert isinstance(night.items[0], SleepItem)
    ep = night.items[2]
    assert isinstance(ep, EpisodeItem)
    assert [m.at for m in ep.movements] == [at(23, 2, 10), at(23, 2, 10, 40), at(23, 2, 11, 20)]
    assert ep.start == at(23, 2, 10)
    assert ep.end == at(23, 2, 11, 20)
    assert night.movement_count == 5
    assert night.sleep_hours(now_ms=0) == pytest.approx(10.5)


def test_range_and_night_start_hour(store: Store, child: Child) -> None:
    a = episode_with(store, child.id, at(20, 22, 0))
    b = episode_with(store, child.id, at(22, 17, 59))  # before 18:00: still the 21st's night
    c = episode_with(store, child.id, at(22, 18, 0))
    nights = build_nights(store, child.id, date(2026, 11, 21), date(2026, 11, 22))
    assert [(n.night, [i.key for i in n.items]) for n in nights] == [
        (date(2026, 11, 22), [c.id]),
        (date(2026, 11, 21), [b.id]),
    ]
    assert build_night(store, child.id, date(2026, 11, 20)).items[0].key == a.id  # type: ignore[union-attr]
    assert build_night(store, child.id, date(2026, 11, 19)) is None
    assert build_nights(store, child.id, date(2026, 11, 22), date(2026, 11, 21)) == []


def test_episode_is_placed_by_its_first_movement_across_the_night_edge(
    store: Store, child: Child
) -> None:
    # 17:50 to 18:10: the first movement decides (the 21st's night), and the
    # later movements stay with their episode even when only the 22nd is asked for.
    ep = episode_with(store, child.id, at(22, 17, 50), at(22, 18, 10))
    assert build_night(store, child.id, date(2026, 11, 22)) is None
    night = build_night(store, child.id, date(2026, 11, 21))
    assert night is not None
    assert [len(e.movements) for e in night.episodes] == [2]
    assert night.items[0].key == ep.id


def test_children_are_kept_apart(store: Store, child: Child) -> None:
    twin = store.save(Child("Ben"))
    mine = episode_with(store, child.id, at(22, 23, 0))
    theirs = episode_with(store, twin.id, at(22, 23, 0, 5))
    store.save(SleepPeriod(twin.id, at(22, 20, 0)))
    (n1,) = build_nights(store, child.id, date(2026, 11, 22), date(2026, 11, 22))
    (n2,) = build_nights(store, twin.id, date(2026, 11, 22), date(2026, 11, 22))
    assert [i.key for i in n1.items] == [mine.id]
    assert [i.key for i in n2.items][1:] == [theirs.id]
    assert isinstance(n2.items[0], SleepItem)


def test_deleted_records_are_left_out_and_an_emptied_episode_stays(
    store: Store, child: Child
) -> None:
    ep = episode_with(store, child.id, at(22, 23, 0), at(22, 23, 1))
    for m in store.movements_of_episode(ep.id):
        store.delete(m)
    gone = episode_with(store, child.id, at(22, 22, 0))
    store.delete(gone)
    for m in store.movements_of_episode(gone.id):
        store.delete(m)
    sleep = store.save(SleepPeriod(child.id, at(22, 20, 0)))
    store.delete(sleep)
    night = build_night(store, child.id, date(2026, 11, 22))
    assert night is not None
    # The emptied episode still shows (it can be annotated or deleted), with no movements.
    assert [(i.key, len(i.movements)) for i in night.episodes] == [(ep.id, 0)]
    assert night.sleeps == []


def test_settled_mark_extends_the_episode_end(store: Store, child: Child) -> None:
    ep = episode_with(store, child.id, at(22, 23, 0))
    store.save(Episode(child.id, ep.opened, id=ep.id, settled=at(22, 23, 9)))
    night = build_night(store, child.id, date(2026, 11, 22))
    assert night is not None
    assert night.episodes[0].end == at(22, 23, 9)


# --- typed times ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:40", at(22, 21, 40)),
        ("03:05", at(23, 3, 5)),
        ("3:05:09", at(23, 3, 5, 9)),
        ("3.05", at(23, 3, 5)),
        ("  18:00 ", at(22, 18, 0)),
        ("17:59", at(23, 17, 59)),  # before the start hour: the morning side of the night
        ("3:05 am", at(23, 3, 5)),
        ("9:40 PM", at(22, 21, 40)),
        ("12:10 am", at(23, 0, 10)),
        ("2026-11-20 04:00", at(20, 4, 0)),
        ("2026-11-20T04:00:30", at(20, 4, 0, 30)),
        ("2026-11-5 04:00", at(5, 4, 0)),
    ],
)
def test_parse_local_reads_what_parents_type(text: str, expected: Instant) -> None:
    assert parse_local(text, night=date(2026, 11, 22), start_hour=18, offset_min=60) == expected


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "type a time"),
        ("soon", "not a time I can read"),
        ("25:00", "not a time of day"),
        ("10:61", "not a time of day"),
        ("13:00 pm", "1 to 12"),
        ("2026-13-01 03:00", "not a date"),
        ("2026-02-30 03:00", "not a date"),
    ],
)
def test_parse_local_says_what_is_wrong(text: str, needle: str) -> None:
    with pytest.raises(ValueError, match=needle):
        parse_local(text, night=date(2026, 11, 22), start_hour=18, offset_min=60)


def test_a_bare_time_needs_a_night() -> None:
    with pytest.raises(ValueError, match="date too"):
        parse_local("03:00", night=None, start_hour=18, offset_min=60)


def test_edit_keeps_the_offset_and_new_times_use_the_system_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summer = timezone(timedelta(hours=2))
    kept = parse_local("03:00", night=date(2026, 11, 22), start_hour=18, offset_min=120)
    assert kept == at(23, 3, 0, tz=summer)
    assert kept.offset_min == 120
    assert format_local(kept) == "2026-11-23 03:00:00"

    # A zone that is +2 h before 02:00 UTC on the 23rd and +1 h after it (a DST end).
    switch_ms = at(23, 2, 0, tz=UTC).utc_ms

    def zone(utc_ms: int) -> int:
        return 120 if utc_ms < switch_ms else 60

    monkeypatch.setattr(history, "system_offset_min", zone)
    before = parse_local("2026-11-22 22:00", night=None, start_hour=18)
    after = parse_local("2026-11-23 06:00", night=None, start_hour=18)
    assert (before.offset_min, before.local().hour) == (120, 22)
    assert (after.offset_min, after.local().hour) == (60, 6)


def test_checks() -> None:
    now = at(24, 7, 0).utc_ms
    check_not_future(at(24, 7, 0, 59), now)  # a clock a little fast is fine
    with pytest.raises(ValueError, match="in the future"):
        check_not_future(at(24, 7, 5), now, "Awake")
    check_sleep(at(22, 20, 0), None)
    check_sleep(at(22, 20, 0), at(23, 6, 0))
    with pytest.raises(ValueError, match="must be after asleep"):
        check_sleep(at(22, 20, 0), at(22, 19, 0))
    with pytest.raises(ValueError, match="must be after asleep"):
        check_sleep(at(22, 20, 0), at(22, 20, 0))


def test_with_movement_adds_a_tap_without_reading_the_store(store: Store, child: Child) -> None:
    ep = episode_with(store, child.id, at(22, 23, 0), at(22, 23, 1))
    store.save(SleepPeriod(child.id, at(22, 20, 0)))
    night = build_night(store, child.id, date(2026, 11, 22))
    assert night is not None
    tap = store.save(Movement(child.id, ep.id, at(22, 23, 2)))  # as the service reports it
    grown = history.with_movement(night, tap, ep)
    assert grown is not None
    assert [m.at for m in grown.episodes[0].movements] == [
        at(22, 23, 0),
        at(22, 23, 1),
        at(22, 23, 2),
    ]
    assert grown == build_night(store, child.id, date(2026, 11, 22))
    # A tap opening a new episode becomes a new row, in time order.
    new_ep = Episode(child.id, opened=at(23, 1, 0))
    first = Movement(child.id, new_ep.id, new_ep.opened)
    again = history.with_movement(grown, first, new_ep)
    assert again is not None
    assert [i.key for i in again.items][-1] == new_ep.id
    # An episode begun before this night is not this night's to change.
    older = Episode(child.id, opened=at(22, 17, 59))
    assert history.with_movement(night, Movement(child.id, older.id, at(22, 18, 0)), older) is None

"""rlbaby/model/timekeeping.py: instants, offsets and the night a moment belongs to."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rlbaby.model import Instant, night_of
from rlbaby.model.timekeeping import (
    MS_PER_HOUR,
    MS_PER_MIN,
    night_bounds_utc_ms,
    night_window_local_ms,
)


def test_parse_keeps_utc_and_offset() -> None:
    i = Instant.parse("2026-11-24T03:02:00+01:00")
    assert i.offset_min == 60
    assert i.utc_ms == int(datetime(2026, 11, 24, 2, 2, tzinfo=UTC).timestamp() * 1000)


def test_parse_z_suffix_and_negative_and_half_hour_offsets() -> None:
    assert Instant.parse("2026-11-24T02:02:00Z") == Instant.parse("2026-11-24T02:02:00+00:00")
    ny = Instant.parse("2026-11-23T21:02:00-05:00")
    assert ny.offset_min == -300
    assert ny.utc_ms == Instant.parse("2026-11-24T02:02:00Z").utc_ms
    assert Instant.parse("2026-11-24T07:32:00+05:30").offset_min == 330
    assert Instant.parse("2026-11-23T22:32:00-03:30").offset_min == -210


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2026-11-24T03:02:00", "no UTC offset"),
        ("2026-11-24", "no UTC offset"),
        ("yesterday", "not an ISO 8601 time"),
        ("", "not an ISO 8601 time"),
        ("2026-13-24T03:02:00+01:00", "not an ISO 8601 time"),
    ],
)
def test_parse_rejects(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Instant.parse(text)


def test_from_datetime_rejects_naive() -> None:
    with pytest.raises(ValueError, match="no UTC offset"):
        Instant.from_datetime(datetime(2026, 11, 24, 3, 2))


def test_from_datetime_aware() -> None:
    tz = timezone(timedelta(hours=2))
    i = Instant.from_datetime(datetime(2026, 3, 29, 3, 2, 30, 250_000, tzinfo=tz))
    assert i == Instant(
        int(datetime(2026, 3, 29, 1, 2, 30, tzinfo=UTC).timestamp()) * 1000 + 250, 120
    )


def test_isoformat_shows_local_time_with_offset() -> None:
    i = Instant.parse("2026-03-29T03:02:00+02:00")
    assert i.isoformat() == "2026-03-29T03:02:00.000+02:00"
    assert Instant.parse("2026-11-23T21:02:00.125-05:00").isoformat() == (
        "2026-11-23T21:02:00.125-05:00"
    )


@settings(derandomize=True)
@given(
    utc_ms=st.integers(0, 4_000_000_000_000),
    offset_min=st.integers(-12 * 60, 14 * 60),
)
def test_isoformat_parse_round_trip(utc_ms: int, offset_min: int) -> None:
    i = Instant(utc_ms, offset_min)
    assert Instant.parse(i.isoformat()) == i


def test_local_is_wall_clock() -> None:
    i = Instant.parse("2026-03-29T01:58:00+01:00")
    local = i.local()
    assert (local.hour, local.minute, local.utcoffset()) == (1, 58, timedelta(hours=1))


def test_plus_ms_keeps_offset() -> None:
    assert Instant(1000, 60).plus_ms(500) == Instant(1500, 60)


def test_dst_spring_forward_same_night_and_4_minutes_apart() -> None:
    before = Instant.parse("2026-03-29T01:58:00+01:00")
    after = Instant.parse("2026-03-29T03:02:00+02:00")
    assert after.utc_ms - before.utc_ms == 4 * MS_PER_MIN
    assert night_of(before, 18) == date(2026, 3, 28)
    assert night_of(after, 18) == date(2026, 3, 28)


def test_dst_fall_back_same_night() -> None:
    # 02:50 CEST, then the clock goes back: 02:10 CET is 20 minutes later.
    first = Instant.parse("2026-10-25T02:50:00+02:00")
    second = Instant.parse("2026-10-25T02:10:00+01:00")
    assert second.utc_ms - first.utc_ms == 20 * MS_PER_MIN
    assert night_of(first, 18) == night_of(second, 18) == date(2026, 10, 24)


@pytest.mark.parametrize(
    ("text", "night"),
    [
        ("2026-11-24T17:59:59.999+01:00", date(2026, 11, 23)),
        ("2026-11-24T18:00:00+01:00", date(2026, 11, 24)),
        ("2026-11-24T23:59:59+01:00", date(2026, 11, 24)),
        ("2026-11-25T00:00:00+01:00", date(2026, 11, 24)),
        ("2026-11-25T02:00:00+01:00", date(2026, 11, 24)),
        ("2026-11-25T17:59:00+01:00", date(2026, 11, 24)),
        ("2026-12-31T23:30:00+01:00", date(2026, 12, 31)),
        ("2027-01-01T01:30:00+01:00", date(2026, 12, 31)),
        # Local time decides, not UTC: 01:00 in New York is 06:00 UTC.
        ("2026-11-25T01:00:00-05:00", date(2026, 11, 24)),
        ("2026-11-24T19:00:00-05:00", date(2026, 11, 24)),
    ],
)
def test_night_of_across_midnight(text: str, night: date) -> None:
    assert night_of(Instant.parse(text), 18) == night


@pytest.mark.parametrize(
    ("start_hour", "text", "night"),
    [
        (20, "2026-11-24T19:59:00+01:00", date(2026, 11, 23)),
        (20, "2026-11-24T20:00:00+01:00", date(2026, 11, 24)),
        (0, "2026-11-24T00:00:00+01:00", date(2026, 11, 24)),
        (0, "2026-11-23T23:59:00+01:00", date(2026, 11, 23)),
        (12, "2026-11-25T11:59:00+01:00", date(2026, 11, 24)),
        (12, "2026-11-25T12:00:00+01:00", date(2026, 11, 25)),
    ],
)
def test_night_start_hour_is_configurable(start_hour: int, text: str, night: date) -> None:
    assert night_of(Instant.parse(text), start_hour) == night


def test_night_window_and_bounds() -> None:
    lo, hi = night_window_local_ms(date(2026, 11, 24), 18)
    start = Instant.parse("2026-11-24T18:00:00+00:00").utc_ms
    assert (lo, hi) == (start, start + 24 * MS_PER_HOUR)
    blo, bhi = night_bounds_utc_ms(date(2026, 11, 24), 18)
    assert (blo, bhi) == (lo - 14 * MS_PER_HOUR, hi + 14 * MS_PER_HOUR)


def test_night_numbers_and_dates_are_one_rule() -> None:
    import numpy as np

    from rlbaby.model.timekeeping import night_date, night_index, night_number

    assert night_number(date(1970, 1, 1)) == 0
    assert night_date(night_number(date(2026, 11, 24))) == date(2026, 11, 24)
    at = Instant.parse("2026-11-25T02:00:00+01:00")
    local = at.utc_ms + at.offset_min * MS_PER_MIN
    assert (
        night_index(local, 18) == night_number(night_of(at, 18)) == night_number(date(2026, 11, 24))
    )
    arr = night_index(np.array([local, local + 16 * 60 * MS_PER_MIN], np.int64), 18)
    assert [night_date(n) for n in arr.tolist()] == [date(2026, 11, 24), date(2026, 11, 25)]

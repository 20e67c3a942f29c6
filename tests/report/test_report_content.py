"""The report's content (Qt-free): which nights, which episodes, which figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from report_fixtures import FIRST, LAST, NOTE, fill

from rlbaby.analysis import NightSummary
from rlbaby.report.content import (
    averages,
    doctor_questions,
    gather,
    sample_nights,
)
from rlbaby.store import Store

NOW = 1_800_000_000_000


@pytest.fixture
def content(store: Store):  # type: ignore[no-untyped-def]
    child = fill(store)
    return gather(store, child, FIRST, LAST, now_ms=NOW)


def test_nights_and_per_night_figures(content) -> None:  # type: ignore[no-untyped-def]
    got = [
        (n.night, n.movements, n.episodes, n.periodic_runs, n.rapid_clusters)
        for n in content.nights
    ]
    assert got == [
        (date(2026, 11, 10), 5, 1, 1, 0),
        (date(2026, 11, 11), 6, 2, 0, 1),
        (date(2026, 11, 12), 3, 1, 0, 0),
    ]
    assert content.nights[0].movements_per_sleep_hour == pytest.approx(0.5)
    assert content.nights[1].movements_per_sleep_hour is None
    assert content.few_nights
    assert content.movements == 14


def test_averages_pool_sleep_hours(content) -> None:  # type: ignore[no-untyped-def]
    a = content.averages
    assert a.movements == pytest.approx(14 / 3)
    assert a.episodes == pytest.approx(4 / 3)
    # (5 + 3) taps in 10 + 8 marked hours; the unmarked night does not count.
    assert a.movements_per_sleep_hour == pytest.approx(8 / 18)
    assert a.periodic_runs == pytest.approx(1 / 3)
    assert a.longest_episode_min == pytest.approx((80 / 60 + 40 / 60 + 120 / 60) / 3)


def test_episodes_with_signs_videos_and_urgent(content) -> None:  # type: ignore[no-untyped-def]
    assert content.episodes == 4
    assert content.videos == 1
    assert content.urgent_episodes == 1
    first, second = content.sign_episodes
    # It also did not stop when woken: a red flag of its own, listed first.
    assert first.urgent == ("did not stop when woken", "breathing pauses")
    assert first.other == ("inconsolable crying",)
    assert first.soothing == "rocking"
    assert first.response == "did not settle"
    assert first.stopped_when_woken == "no"
    assert first.note == NOTE
    assert first.at.local().strftime("%H:%M") == "22:00"
    assert second.urgent == ()
    assert second.other == ("feeding difficulty",)
    assert second.night == date(2026, 11, 11)


def test_soothing_tried_and_how_it_ended(content) -> None:  # type: ignore[no-untyped-def]
    s = content.soothing
    rocking, feeding = s.keys.index("rocking"), s.keys.index("feeding")
    assert (s.tried[rocking], s.helped[rocking], s.not_helped[rocking]) == (2, 0, 1)
    assert (s.tried[feeding], s.not_noted[feeding]) == (1, 1)
    assert (s.episodes, s.with_soothing) == (4, 2)
    assert s.order_by_tried() == [rocking, feeding]


def test_range_limits_everything(store: Store) -> None:
    child = fill(store)
    one = gather(store, child, LAST, LAST, now_ms=NOW)
    assert [n.night for n in one.nights] == [LAST]
    assert one.episodes == 1
    assert one.sign_episodes == ()
    assert one.videos == 1
    assert one.soothing.tried.sum() == 2  # rocking and feeding on the last night only
    assert one.soothing.not_helped.sum() == 0
    with pytest.raises(ValueError, match="before it starts"):
        gather(store, child, LAST, FIRST, now_ms=NOW)


def test_comparison_is_included(content) -> None:  # type: ignore[no-untyped-def]
    cmp = content.comparison
    assert cmp is not None
    assert len(cmp.rows) == 5
    assert cmp.nights == 3
    assert cmp.episodes == 4
    assert not cmp.enough  # 3 nights are too few to lean either way


def _night(d: date, movements: int) -> NightSummary:
    return NightSummary(night=d, child_id="c", movements=movements)


def test_sample_nights_worst_typical_latest() -> None:
    d = date(2026, 1, 1)
    nights = [_night(d + timedelta(days=i), m) for i, m in enumerate([5, 40, 12, 0, 9, 7])]
    picks = sample_nights(nights)
    assert [(p.night.day, p.reasons) for p in picks] == [
        (2, ("most movements",)),
        (5, ("a typical night (the median)",)),
        (6, ("the latest night",)),
    ]


def test_sample_nights_merge_reasons_and_skip_empty() -> None:
    d = date(2026, 1, 1)
    picks = sample_nights([_night(d, 3), _night(d + timedelta(days=1), 8)])
    assert [(p.night.day, p.reasons) for p in picks] == [
        (2, ("most movements", "the latest night")),
        (1, ("a typical night (the median)",)),
    ]
    assert sample_nights([_night(d, 0)]) == ()
    assert averages([]) is None


def test_doctor_questions_come_from_the_guide() -> None:
    qs = doctor_questions()
    assert len(qs) >= 4
    assert any("ferritin" in q for q in qs)
    assert all(q and not q.startswith(("-", "*")) for q in qs)

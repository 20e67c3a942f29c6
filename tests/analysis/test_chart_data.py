"""The numbers behind each chart, on hand-made arrays and summaries."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from analysis_helpers import arrays, at

from rlbaby.analysis import NightSummary
from rlbaby.analysis.breakdowns import breakdowns, soothing_summary
from rlbaby.analysis.chart_data import (
    interval_histogram,
    night_map,
    rolling_mean,
    share_between,
    timeline_data,
    trend_data,
)
from rlbaby.analysis.nights import movements_of_nights
from rlbaby.analysis.ranges import SINGLE_NIGHT, NightRange, resolve_range
from rlbaby.model import Episode, Response, Sign, SleepPeriod, Soothing, Trigger
from rlbaby.model.timekeeping import night_number
from rlbaby.ui.charts.geometry import bar_outline
from rlbaby.ui.charts.words import (
    answer_labels,
    base_text,
    helped_text,
    single_night_text,
    soothing_labels,
)
from rlbaby.wording import clock_text

NIGHT = date(2026, 11, 23)


# --- ranges ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "first"),
    [("tonight", NIGHT), ("7", date(2026, 11, 17)), ("30", date(2026, 10, 25))],
)
def test_resolve_fixed_ranges(choice: str, first: date) -> None:
    assert resolve_range(choice, NIGHT) == NightRange(first, NIGHT)


def test_resolve_all_and_custom() -> None:
    assert resolve_range("all", NIGHT, date(2025, 1, 2)) == NightRange(date(2025, 1, 2), NIGHT)
    assert resolve_range("all", NIGHT, None) == NightRange(NIGHT, NIGHT)
    custom = (date(2026, 3, 9), date(2026, 3, 1))
    assert resolve_range("custom", NIGHT, None, custom) == NightRange(
        date(2026, 3, 1), date(2026, 3, 9)
    )
    assert resolve_range("custom", NIGHT, None, custom).nights == 9
    with pytest.raises(ValueError, match="choose"):
        resolve_range("custom", NIGHT)
    with pytest.raises(ValueError, match="unknown"):
        resolve_range("fortnight", NIGHT)
    with pytest.raises(ValueError, match="before"):
        NightRange(NIGHT, date(2026, 11, 1))


def test_movements_of_nights_cuts_a_range_with_dense_episode_codes() -> None:
    mv = arrays(
        [
            (at("2026-11-22T23:00:00"), "a"),  # night of the 22nd
            (at("2026-11-23T02:00:00"), "a"),  # still the 22nd
            (at("2026-11-23T19:00:00"), "b"),  # night of the 23rd
        ]
    )
    cut = movements_of_nights(mv, 18, NIGHT, NIGHT)
    assert len(cut) == 1
    assert cut.episode_ids[int(cut.episode[0])] == "b"
    assert cut.ids == ("m2",)
    assert cut.episode.tolist() == [0]
    assert cut.episode_ids == ("b",)
    assert movements_of_nights(mv, 18, date(2026, 11, 22), NIGHT) is mv
    assert movements_of_nights(mv, 18, None, date(2026, 11, 22)).ids == ("m0", "m1")
    assert movements_of_nights(mv, 18, None, None) is mv


# --- small helpers --------------------------------------------------------------


def test_clock_text() -> None:
    assert clock_text(0, 18) == "18:00"
    assert clock_text(3, 21) == "00:00"
    assert clock_text(8.25, 18) == "02:15"
    assert clock_text(8 + 14 / 60 + 33 / 3600, 18, seconds=True) == "02:14:33"


def test_bar_outlines() -> None:
    xs, ys = bar_outline(np.array([10.0, 11.0]), np.array([3.0, 5.0]), 0.4)
    assert xs.tolist() == pytest.approx([9.6, 9.6, 10.4, 10.4, 10.6, 10.6, 11.4, 11.4])
    assert ys.tolist() == [0, 3, 3, 0, 0, 5, 5, 0]


# --- 1. timeline ----------------------------------------------------------------


def test_timeline_places_movements_episodes_and_sleep() -> None:
    mv = arrays(
        [
            (at("2026-11-23T17:59:00"), "early"),  # the night before: dropped
            (at("2026-11-23T22:00:00"), "a"),
            (at("2026-11-23T22:00:30"), "a"),
            (at("2026-11-24T03:00:00"), "b"),
        ]
    )
    episodes = [
        Episode("c", at("2026-11-23T22:00:00"), id="a", settled=at("2026-11-23T22:10:00")),
        Episode("c", at("2026-11-24T03:00:00"), id="b"),
    ]
    sleep = [
        SleepPeriod("c", at("2026-11-23T20:00:00"), awake=at("2026-11-24T02:00:00")),
        SleepPeriod("c", at("2026-11-24T02:30:00")),  # still asleep: runs to now
    ]
    now = at("2026-11-24T06:00:00").utc_ms
    d = timeline_data(mv, episodes, sleep, NIGHT, 18, now)
    assert d.x_h.tolist() == pytest.approx([4.0, 4.0 + 30 / 3600, 9.0])
    assert d.episode_ids == ("a", "b")
    assert d.episode.tolist() == [0, 0, 1]
    assert d.span_start_h.tolist() == pytest.approx([4.0, 9.0])
    assert d.span_end_h.tolist() == pytest.approx([4.0 + 10 / 60, 9.0])  # settled mark
    assert d.span_movements.tolist() == [2, 1]
    assert d.sleep_start_h.tolist() == pytest.approx([2.0, 8.5])
    assert d.sleep_end_h.tolist() == pytest.approx([8.0, 12.0])
    assert d.sleep_hours == pytest.approx(9.5)
    assert not d.empty


def test_timeline_of_an_empty_night() -> None:
    d = timeline_data(arrays([]), [], [], NIGHT, 18, 0)
    assert d.empty
    assert d.span_start_h.size == 0
    assert d.sleep_hours == 0


# --- 2. intervals -------------------------------------------------------------------


def test_interval_histogram_counts_on_log_bins() -> None:
    gaps = np.array([0.5, 1.0, 5.0, 5.0, 30.0, 30.0, 30.0, 4000.0])
    h = interval_histogram(gaps, 1.0, 3600.0, bins_per_decade=10)
    assert h.edges_s[0] == pytest.approx(1.0)
    assert h.edges_s[-1] == pytest.approx(3600.0)
    assert h.counts.size == h.edges_s.size - 1 == math.ceil(math.log10(3600) * 10)
    assert np.allclose(np.diff(np.log10(h.edges_s)), np.log10(3600) / h.counts.size)
    assert (h.below, h.above, h.total) == (1, 1, 8)
    assert h.counts.sum() == 6
    assert h.counts[np.searchsorted(h.edges_s, 30.0, side="right") - 1] == 3
    assert interval_histogram(np.empty(0)).empty


def test_share_between() -> None:
    gaps = np.array([5.0, 10.0, 90.0, 91.0])
    assert share_between(gaps, 10, 90) == 0.5
    assert share_between(gaps, 0, 10, inclusive_hi=False) == 0.25
    assert share_between(np.empty(0), 0, 10) == 0.0


# --- 3. trend ---------------------------------------------------------------------------


def _summary(night: date, movements: int, **kw: object) -> NightSummary:
    return replace(NightSummary(night, "c", movements=movements), **kw)  # type: ignore[arg-type]


def test_rolling_mean_skips_unlogged_nights() -> None:
    idx = np.array([100, 101, 105], np.int64)
    vals = np.array([2.0, 4.0, 9.0])
    out = rolling_mean(idx, vals, 100, 108, 3)
    # windows: [98..100]=2, [99..101]=3, [100..102]=3, [101..103]=4, [102..104]=nan,
    # [103..105]=9, [104..106]=9, [105..107]=9, [106..108]=nan
    expected = [2, 3, 3, 4, np.nan, 9, 9, 9, np.nan]
    assert np.allclose(out, expected, equal_nan=True)


def test_trend_per_night_and_rolling() -> None:
    sums = [
        _summary(date(2026, 11, 1), 10, episodes=2, sleep_hours=10.0, movements_in_sleep=5),
        _summary(date(2026, 11, 3), 20, episodes=4, periodic_runs=1),
        _summary(date(2026, 11, 20), 6, episodes=1, sleep_hours=2.0, movements_in_sleep=6),
    ]
    t = trend_data(sums, date(2026, 11, 2), date(2026, 11, 20))
    assert t.night_idx.tolist() == [
        night_number(date(2026, 11, 3)),
        night_number(date(2026, 11, 20)),
    ]
    assert t.values["movements"].tolist() == [20, 6]
    assert t.values["episodes"].tolist() == [4, 1]
    assert np.isnan(t.values["per_sleep_hour"][0])  # no sleep logged: unknown, not zero
    assert t.values["per_sleep_hour"][1] == 3.0
    assert t.values["periodic_runs"].tolist() == [1, 0]
    assert t.rolling_idx.size == 19
    # The first night of the range averages in the 1 Nov night just before it.
    assert t.rolling["movements"][0] == 10
    assert t.rolling["movements"][1] == 15
    assert t.rolling["movements"][-1] == 6
    assert np.isnan(t.rolling["movements"][10])
    assert not t.empty
    assert trend_data([], NIGHT, NIGHT).empty


# --- 4. night map -------------------------------------------------------------------------


def test_night_map_counts_cells() -> None:
    mv = arrays(
        [
            (at("2026-11-22T18:00:00"), "a"),  # night 22, first cell
            (at("2026-11-22T18:14:59"), "a"),  # same cell
            (at("2026-11-23T02:20:00"), "b"),  # night 22, 08:20 after start -> cell 33
            (at("2026-11-23T19:00:00"), "c"),  # night 23, cell 4
            (at("2026-11-25T19:00:00"), "d"),  # outside the range
        ]
    )
    m = night_map(mv.local_ms, 18, NightRange(date(2026, 11, 22), NIGHT))
    assert m.counts.shape == (2, 96)
    assert m.counts[0, 0] == 2
    assert m.counts[0, 33] == 1
    assert m.counts[1, 4] == 1
    assert m.counts.sum() == 4
    assert not m.empty
    assert (m.nights, m.bins) == (2, 96)
    with pytest.raises(ValueError, match="divide"):
        night_map(mv.local_ms, 18, NightRange(NIGHT, NIGHT), bin_min=7)


# --- 5. breakdowns --------------------------------------------------------------------------


def test_breakdowns_sum_nights_and_give_percentages() -> None:
    sums = [
        _summary(
            date(2026, 11, 1),
            5,
            episodes=3,
            responses={Response.SETTLED_FAST.value: 2},
            signs={Sign.STIFFNESS.value: 1},
            triggers={Trigger.HUNGER.value: 1},
            onset={"asleep": 2, "unknown": 1},
        ),
        _summary(
            date(2026, 11, 2),
            5,
            episodes=1,
            responses={Response.NOT_SETTLED.value: 1},
            signs={Sign.STIFFNESS.value: 1},
            onset={"awake": 1},
        ),
    ]
    by = {b.field: b for b in breakdowns(sums)}
    r = by["responses"]
    assert r.keys == tuple(x.value for x in Response)
    assert answer_labels(r)[0] == "settled within 5 minutes"
    assert r.counts.tolist() == [2, 0, 1]
    assert r.base == 3
    assert r.percents.tolist() == pytest.approx([200 / 3, 0, 100 / 3])
    s = by["signs"]
    assert s.counts[s.keys.index(Sign.STIFFNESS.value)] == 2
    assert s.base == 4
    assert s.percents[s.keys.index(Sign.STIFFNESS.value)] == 50
    assert base_text(s) == "of 4 episodes"
    t = by["triggers"]
    assert t.counts.sum() == 1
    o = by["onset"]
    assert answer_labels(o)[-1] == "not noted"
    assert dict(zip(o.keys, o.counts.tolist(), strict=True)) == {
        "asleep": 2,
        "drowsy": 0,
        "awake": 1,
        "unknown": 1,
    }
    empty = breakdowns([])
    assert all(b.empty and b.base == 0 for b in empty)
    assert empty[0].percents.tolist() == [0, 0, 0]


# --- single night and soothing ----------------------------------------------------------


def test_resolve_a_single_night() -> None:
    earlier = date(2026, 11, 20)
    assert resolve_range(SINGLE_NIGHT, NIGHT, None, (earlier, earlier)) == NightRange(
        earlier, earlier
    )
    assert single_night_text(earlier) == "Night of Fri, 20 Nov"
    with pytest.raises(ValueError, match="night"):
        resolve_range(SINGLE_NIGHT, NIGHT)


def _ep(soothing: set[Soothing], response: Response | None = None) -> Episode:
    return Episode("c", at("2026-11-23T22:00:00"), soothing=frozenset(soothing), response=response)


def test_soothing_summary_counts_what_was_tried_and_how_it_ended() -> None:
    s = soothing_summary(
        [
            _ep({Soothing.ROCKING, Soothing.FEEDING}, Response.SETTLED_FAST),
            _ep({Soothing.ROCKING}, Response.SETTLED_SLOW),
            _ep({Soothing.ROCKING}, Response.NOT_SETTLED),
            _ep({Soothing.ROCKING}),  # tried, no response noted
            _ep({Soothing.MASSAGE}, Response.NOT_SETTLED),
            _ep(set(), Response.SETTLED_FAST),  # nothing tried: not in any row
        ]
    )
    row = {k: i for i, k in enumerate(s.keys)}
    r, f, m = row["rocking"], row["feeding"], row["leg_massage"]
    assert s.keys == tuple(x.value for x in Soothing)
    assert soothing_labels(s)[m] == "leg massage"
    assert (s.tried[r], s.helped[r], s.not_helped[r], s.not_noted[r]) == (4, 2, 1, 1)
    assert (s.tried[f], s.helped[f], s.noted[f]) == (1, 1, 1)
    assert (s.tried[m], s.helped[m], s.not_helped[m]) == (1, 0, 1)
    assert int(s.tried.sum()) == 6
    assert (s.episodes, s.with_soothing) == (6, 5)
    assert s.order_by_tried() == [r, f, m]
    assert helped_text(s, r) == (
        "tried in 4 episodes; you noted it helped in 2 of the 3 with a response noted"
    )
    assert helped_text(s, f) == (
        "tried in 1 episode; you noted it helped in 1 of the one with a response noted"
    )
    assert helped_text(s, row["white_noise"]) == "not tried"
    assert not s.empty


def test_soothing_summary_of_nothing() -> None:
    s = soothing_summary([_ep(set())])
    assert s.empty
    assert s.order_by_tried() == []
    assert (s.episodes, s.with_soothing) == (1, 0)
    only = soothing_summary([_ep({Soothing.WHITE_NOISE})])
    assert helped_text(only, only.keys.index("white_noise")) == (
        "tried in 1 episode; no response noted"
    )

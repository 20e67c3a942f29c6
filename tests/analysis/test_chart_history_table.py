"""The charts cut from the night table's columns show what the night summaries show.

ChartHistory reads the trend, the breakdowns and the range's latest logged night
from the table's columns; these tests compare them with the same charts worked
out from the summaries (`trend_data`, `breakdowns`), on generated logs.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from test_nights_equivalence import C, generated_log

from rlbaby.analysis.breakdowns import breakdowns
from rlbaby.analysis.chart_data import trend_data
from rlbaby.analysis.chart_history import ChartHistory, first_tap_nights
from rlbaby.analysis.night_table import night_table
from rlbaby.analysis.ranges import NightRange


def _history(seed: int) -> ChartHistory:
    mv, episodes, periods, now_ms, start_hour, rule = generated_log(seed)
    table = night_table(C, mv, episodes, periods, start_hour=start_hour, rule=rule, now_ms=now_ms)
    return ChartHistory(
        C,
        start_hour,
        rule,
        mv,
        table,
        tuple(episodes),
        first_tap_nights(mv, start_hour),
        tuple(periods),
    )


@pytest.mark.parametrize("seed", range(60))
def test_range_charts_from_columns_equal_those_from_summaries(seed: int) -> None:
    history = _history(seed)
    if history.first_night is None:
        assert history.summaries == []
        return
    assert history.first_night == history.summaries[0].night
    last = history.summaries[-1].night
    first = history.first_night
    ranges = [
        NightRange(first, last),  # "all"
        NightRange(last - timedelta(days=6), last),  # the last 7, with nights before them
        NightRange(first + timedelta(days=2), first + timedelta(days=4)),
        NightRange(last + timedelta(days=3), last + timedelta(days=9)),  # nothing logged
    ]
    for nights in ranges:
        got = history.charts(nights)
        in_range = history.summaries_in(nights)
        want_trend = trend_data(history.summaries, nights.first, nights.last)
        assert np.array_equal(got.trend.night_idx, want_trend.night_idx)
        assert np.array_equal(got.trend.rolling_idx, want_trend.rolling_idx)
        for name, values in want_trend.values.items():
            assert np.array_equal(got.trend.values[name], values, equal_nan=True), name
            assert np.array_equal(got.trend.rolling[name], want_trend.rolling[name], equal_nan=True)
        for g, w in zip(got.details, breakdowns(in_range), strict=True):
            assert (g.field, g.keys, g.base) == (w.field, w.keys, w.base)
            assert g.counts.tolist() == w.counts.tolist()
        latest = next((s.night for s in reversed(in_range) if s.movements), None)
        assert got.latest_logged == latest

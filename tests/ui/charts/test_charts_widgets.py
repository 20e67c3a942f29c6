"""Each chart widget on hand-made data: the drawn data equals the analysis, hover, export, theme."""

from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from PySide6.QtGui import QImage

from rlbaby.analysis.breakdowns import breakdowns, soothing_summary
from rlbaby.analysis.chart_data import (
    TimelineData,
    interval_histogram,
    night_map,
    trend_data,
)
from rlbaby.analysis.nights import (
    NightSummary,
)
from rlbaby.analysis.ranges import NightRange
from rlbaby.model import Episode, Instant, MovementKind, Response, Soothing
from rlbaby.model.arrays import KIND_CODE
from rlbaby.model.timekeeping import night_number
from rlbaby.ui.charts.axes import ClockAxis, NightAxis, count_step
from rlbaby.ui.charts.breakdown_chart import BreakdownChart
from rlbaby.ui.charts.geometry import bar_outline
from rlbaby.ui.charts.interval_chart import IntervalChart
from rlbaby.ui.charts.night_map_chart import NightMapChart
from rlbaby.ui.charts.soothing_chart import SoothingChart
from rlbaby.ui.charts.timeline_chart import TimelineChart
from rlbaby.ui.charts.timeline_items import MovementTicks
from rlbaby.ui.charts.trend_chart import BAR_HALF_WIDTH, TrendChart, label_step
from rlbaby.ui.theme import load_palette

NIGHT = date(2026, 11, 23)
NIGHT_AT = Instant.parse("2026-11-23T22:00:00+01:00")
NIGHT_PAL = load_palette("night")
DAY_PAL = load_palette("day")
KICK = KIND_CODE[MovementKind.KICK]
JERK = KIND_CODE[MovementKind.JERK]


@pytest.fixture
def add(qtbot):  # type: ignore[no-untyped-def]
    def _add(widget):  # type: ignore[no-untyped-def]
        qtbot.addWidget(widget)
        widget.resize(900, 500)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return _add


def _timeline_data() -> TimelineData:
    return TimelineData(
        night=NIGHT,
        start_hour=18,
        x_h=np.array([4.0, 4.5, 9.0]),
        kind=np.array([KICK, JERK, KICK], np.int8),
        episode=np.array([0, 0, 1], np.int32),
        span_start_h=np.array([4.0, 9.0]),
        span_end_h=np.array([4.5, 9.0]),
        span_movements=np.array([2, 1]),
        episode_ids=("a", "b"),
        sleep_start_h=np.array([2.0]),
        sleep_end_h=np.array([12.0]),
    )


# --- axes --------------------------------------------------------------------------


def test_clock_axis_labels_in_clock_time(qapp) -> None:  # type: ignore[no-untyped-def]
    axis = ClockAxis(18)
    (step, values), *_ = axis.tickValues(0.0, 15.0, 900)
    assert step == 2.0
    assert axis.tickStrings(values, 1, step)[:3] == ["18:00", "20:00", "22:00"]
    (step, values), *_ = axis.tickValues(8.0, 8.5, 900)  # zoomed in to half an hour
    assert axis.tickStrings(values, 1, step)[:2] == ["02:00", "02:05"]
    assert axis.tickValues(3.0, 3.0, 900) == []


def test_night_axis_labels_dates_and_months(qapp) -> None:  # type: ignore[no-untyped-def]
    axis = NightAxis()
    lo = night_number(date(2026, 11, 1))
    (step, values), *_ = axis.tickValues(lo, lo + 6, 900)
    assert step == 1
    assert axis.tickStrings(values, 1, step)[:2] == ["1 Nov", "2 Nov"]
    (step, values), *_ = axis.tickValues(lo - 365, lo, 700)
    assert axis.tickStrings(values, 1, step)[:2] == ["Jan 2026", "Apr 2026"]  # quarters
    left = NightAxis("left", offset=0.5)  # inverted views pass the range reversed
    (step, values), *_ = left.tickValues(lo + 10, lo, 400)
    assert values[0] == lo + 0.5
    assert left.tickStrings(values, 1, step)[0] == "1 Nov"


# --- 1. timeline -----------------------------------------------------------------------


def test_timeline_draws_its_data(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(TimelineChart(NIGHT_PAL))
    chart.set_data(_timeline_data())
    assert chart.ticks.x_of(KICK).tolist() == [4.0, 9.0]
    assert chart.ticks.x_of(JERK).tolist() == [4.5]
    start, end = chart.sleep_item.spans()
    assert (start.tolist(), end.tolist()) == ([2.0], [12.0])
    assert not chart.is_empty
    assert "3 movements in 2 episodes" in chart.title.text()
    assert "10 h 00 min asleep" in chart.title.text()
    assert chart.plot.getViewBox().viewRange()[0] == pytest.approx([0.0, 15.0])


def test_timeline_appends_a_tap_in_place(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(TimelineChart(NIGHT_PAL))
    chart.set_data(_timeline_data())
    chart.append_movement(9.01, KICK, "b")
    chart.append_movement(14.0, JERK, "c")
    assert chart.ticks.x_of(KICK).tolist()[-1] == 9.01
    assert chart.ticks.x_of(JERK).tolist()[-1] == 14.0
    assert chart.span_item.spans()[0].size == 3
    assert "5 movements in 3 episodes" in chart.title.text()
    assert chart.plot.getViewBox().viewRange()[0][1] >= 14.0  # the view follows a late tap
    rows = chart.csv_table()[1]
    assert [r[4] for r in rows] == [1, 1, 2, 2, 3]


@given(
    st.lists(st.tuples(st.floats(0.0, 24.0), st.integers(0, len(KIND_CODE) - 1)), max_size=60),
    st.floats(1.0, 3000.0),
    st.floats(-500.0, 500.0),
)
def test_ticks_are_drawn_once_per_kind_and_pixel_column(
    qapp, taps: list[tuple[float, int]], sx: float, dx: float
) -> None:  # type: ignore[no-untyped-def]
    ticks = MovementTicks(["o"] * len(KIND_CODE), 0.08, 0.92)
    x = np.sort(np.array([t[0] for t in taps], np.float64))
    kind = np.array([t[1] for t in taps], np.int8)
    ticks.set_data(x, kind)
    expected = []
    for code in range(len(KIND_CODE)):
        cols = np.round(x[kind == code] * sx + dx - 1.0)
        if cols.size:
            expected.append((code, sorted(set(cols.tolist()))))
    assert ticks._columns(sx, dx, 1.0) == expected


def test_timeline_hover_readout(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(TimelineChart(NIGHT_PAL))
    chart.set_data(_timeline_data())
    text = chart.describe_point(chart.plot, 4.001, 0.5)
    assert text.startswith("22:00:00 · kick · episode 1 of 2: 2 movements, 22:00 to 22:30")
    assert chart.describe_point(chart.plot, 6.0, -0.3) == "Asleep 20:00 to 06:00 (10 h 00 min)"
    assert chart.describe_point(chart.plot, 13.0, -0.3).endswith("no sleep logged at this time")
    assert chart.describe_point(chart.plot, 12.0, 0.5) == "06:00"


def test_timeline_empty_state(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(TimelineChart(NIGHT_PAL))
    chart.set_data(TimelineData(NIGHT, 18))
    assert chart.is_empty
    assert chart.empty_label.text().startswith("No movements logged on this night yet.")
    chart.append_movement(5.0, KICK, "x")
    assert not chart.is_empty


# --- 2. intervals ----------------------------------------------------------------------------


def test_interval_chart_draws_the_histogram_and_bands(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(IntervalChart(NIGHT_PAL))
    gaps = np.array([2.0, 3.0, 20.0, 25.0, 30.0, 200.0])
    chart.set_data(gaps, (10.0, 90.0))
    h = interval_histogram(gaps)
    x, y = chart.bars.getData()
    assert np.allclose(x, np.log10(h.edges_s))
    assert y.tolist() == h.counts.tolist()
    assert chart.periodic_band.getRegion() == pytest.approx((1.0, math.log10(90)))
    assert chart.rapid_band.getRegion() == pytest.approx((0.0, 1.0))
    assert "10-90 s" in chart.periodic_label.toPlainText()
    assert "50% of gaps" in chart.periodic_label.toPlainText()
    assert "33% of gaps" in chart.rapid_label.toPlainText()
    chart.set_data(gaps, (5.0, 90.0))  # AASM
    assert chart.periodic_band.getRegion()[0] == pytest.approx(math.log10(5))
    text = chart.describe_point(chart.plot, math.log10(25.0), 1.0)
    assert text.startswith("Gaps of ")
    assert text.endswith("(33% of all gaps)")


@pytest.mark.parametrize("gaps", [[20.0], [20.0, 21.0, 22.0], [20.0] * 7, [20.0] * 40])
def test_gap_counts_are_labelled_in_whole_numbers(add, gaps: list[float]) -> None:  # type: ignore[no-untyped-def]
    """A count of gaps has no halves: the y axis read "0.5, 1.0, 1.5" for a few gaps."""
    chart = add(IntervalChart(DAY_PAL))
    chart.set_data(np.array(gaps), (10.0, 90.0))
    axis = chart.plot.getAxis("left")
    lo, hi = chart.plot.getViewBox().viewRange()[1]
    for size in (120.0, float(axis.size().height()), 900.0):
        levels = axis.tickValues(lo, hi, size)
        values = [v for _spacing, vs in levels for v in vs]
        assert values, size
        assert all(float(v).is_integer() for v in values), (size, values)
        strings = axis.tickStrings(values, 1.0, levels[0][0])
        assert all(t.replace(",", "").isdigit() for t in strings), strings


def test_count_step_is_whole_and_round() -> None:
    assert count_step(4.0, 10) == 1
    assert count_step(4.0, 2) == 2
    assert count_step(40.0, 5) == 10
    assert count_step(1300.0, 6) == 500
    assert count_step(0.5, 10) == 1


def test_interval_chart_empty_state(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(IntervalChart(NIGHT_PAL))
    assert chart.is_empty
    assert "two movements in one episode" in chart.empty_label.text()


# --- 3. trend -----------------------------------------------------------------------------------


def _summaries() -> list[NightSummary]:
    return [
        NightSummary(date(2026, 11, 20), "c", movements=10, episodes=2, sleep_hours=5.0,
                     movements_in_sleep=10),
        NightSummary(NIGHT, "c", movements=4, episodes=1, periodic_runs=1),
    ]  # fmt: skip


def test_trend_chart_draws_bars_and_rolling_mean(qtbot, add) -> None:  # type: ignore[no-untyped-def]
    chart = add(TrendChart(NIGHT_PAL))
    data = trend_data(_summaries(), date(2026, 11, 17), NIGHT)
    chart.set_data(data)
    x, y = chart.bar_items["movements"].getData()
    ex, ey = bar_outline(data.night_idx.astype(float), np.array([10.0, 4.0]), BAR_HALF_WIDTH)
    assert x.tolist() == ex.tolist()
    assert y.tolist() == ey.tolist()
    # The unknown rate (no sleep logged on the 23rd) is not drawn as a zero bar.
    assert chart.bar_items["per_sleep_hour"].getData()[1].max() == 2.0
    assert chart.bar_items["per_sleep_hour"].getData()[0].size == 4
    mx, my = chart.mean_items["movements"].getData()
    assert mx.tolist() == data.rolling_idx.tolist()
    assert np.allclose(my, data.rolling["movements"], equal_nan=True)
    text = chart.describe_point(chart.plots[0], night_number(NIGHT) + 0.3, 1)
    assert text.startswith("Night of Mon, 23 Nov 2026 · movements: 4 · episodes: 1")
    assert "movements per hour asleep: not known" in text
    assert "7-night average of movements: 7.0" in text
    assert chart.describe_point(chart.plots[0], night_number(NIGHT) - 1, 1) is None
    with qtbot.waitSignal(chart.night_chosen) as blocker:
        chart.clicked_at(chart.plots[2], night_number(date(2026, 11, 20)) - 0.4, 0)
    assert blocker.args == [date(2026, 11, 20)]
    header, rows = chart.csv_table()
    assert rows[0][:5] == ["2026-11-20", 10, 2, 2, 0]
    assert rows[1][3] == ""  # unknown, not zero


@pytest.mark.parametrize(
    ("view_top", "step"),
    [(1.0, 1), (2.2, 1), (3.3, 2), (4.62, 2), (11, 5), (25.3, 10), (66, 50), (1098.9, 500)],
)
def test_trend_label_step_is_round(view_top: float, step: float) -> None:
    assert label_step(view_top) == step


@given(st.floats(min_value=1.0, max_value=1e6))
def test_trend_label_step_gives_one_or_two_labels(view_top: float) -> None:
    step = label_step(view_top)
    assert 1 <= view_top // step <= 2
    assert step / 10 ** math.floor(math.log10(step)) in (1, 2, 5)


def test_trend_panels_label_their_scale_sparingly(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(TrendChart(NIGHT_PAL))
    chart.set_data(trend_data(_summaries(), date(2026, 11, 17), NIGHT))
    movements = chart.metric_plots["movements"].getAxis("left")
    assert movements._tickSpacing == [(5.0, 0), (5.0, 0)]  # top 11 -> labels at 5 and 10
    runs = chart.metric_plots["periodic_runs"].getAxis("left")
    assert runs._tickSpacing == [(1.0, 0), (1.0, 0)]


def test_trend_chart_empty_state(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(TrendChart(NIGHT_PAL))
    chart.set_data(trend_data([], NIGHT, NIGHT))
    assert chart.is_empty
    assert "No nights logged in this range yet" in chart.empty_label.text()


# --- 4. night map ---------------------------------------------------------------------------------


def test_night_map_image_is_the_counts(qtbot, add) -> None:  # type: ignore[no-untyped-def]
    chart = add(NightMapChart(NIGHT_PAL))
    nights = NightRange(date(2026, 11, 22), NIGHT)
    start = night_number(date(2026, 11, 22)) * 86_400_000 + 18 * 3_600_000
    local = np.array([start, start + 60_000, start + 86_400_000 + 8 * 3_600_000], np.int64)
    m = night_map(local, 18, nights)
    chart.set_data(m)
    assert np.array_equal(chart.image.image, m.counts.T)
    assert chart.image.getLevels() == pytest.approx((0, 2))
    assert chart.top == 2
    assert "2 movements in 15 minutes" in chart.legend.text()
    text = chart.describe_point(chart.plot, 8.1, night_number(NIGHT) + 0.5)
    assert text == "Night of Mon, 23 Nov 2026, 02:00 to 02:15: 1 movement"
    assert chart.describe_point(chart.plot, 8.1, night_number(NIGHT) + 1.5) is None
    with qtbot.waitSignal(chart.night_chosen) as blocker:
        chart.clicked_at(chart.plot, 1.0, night_number(date(2026, 11, 22)) + 0.9)
    assert blocker.args == [date(2026, 11, 22)]
    header, rows = chart.csv_table()
    assert header[:3] == ["night", "18:00", "18:15"]
    assert rows[0][:3] == ["2026-11-22", 2, 0]


def test_night_map_colours_come_from_the_palette(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(NightMapChart(NIGHT_PAL))
    lut = chart.colormap.getLookupTable(nPts=2)
    assert ["#{:02x}{:02x}{:02x}".format(*tuple(int(c) for c in row[:3])) for row in lut] == [
        NIGHT_PAL["heat_low"],
        NIGHT_PAL["heat_high"],
    ]
    chart.apply_palette(DAY_PAL)
    lut = chart.colormap.getLookupTable(nPts=2)
    assert "#{:02x}{:02x}{:02x}".format(*tuple(int(c) for c in lut[-1][:3])) == DAY_PAL["heat_high"]
    assert chart.is_empty


# --- 5. breakdowns --------------------------------------------------------------------------


def test_breakdown_bars_are_the_counts(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(BreakdownChart(NIGHT_PAL))
    sums = [
        NightSummary(NIGHT, "c", episodes=4, responses={"settled_slowly": 3},
                     signs={"stiffness": 1}, onset={"asleep": 4}),
    ]  # fmt: skip
    data = breakdowns(sums)
    chart.set_data(data)
    for b in data:
        assert chart.bar_values(b.field).tolist() == b.counts.tolist()
    labels = [t.toPlainText() for t in chart.value_labels["responses"]]
    assert labels == [" 0", " 3 · 100%", " 0"]
    assert chart.value_labels["signs"][2].toPlainText() == " 1 · 25%"
    assert chart.titles["signs"].plain_text() == "Signs noticed (% of 4 episodes)"
    text = chart.describe_point(chart.breakdown_plots["onset"], 2, 0.1)
    assert text == "State when it started: asleep: 4 episodes, 100% of 4 episodes"
    assert not chart.is_empty


def test_breakdown_empty_state(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(BreakdownChart(NIGHT_PAL))
    assert chart.is_empty
    assert "key A" in chart.empty_label.text()


# --- 6. soothing -------------------------------------------------------------------------------


def test_soothing_bars_split_tried_into_helped_not_settled_and_not_noted(add) -> None:  # type: ignore[no-untyped-def]
    chart = add(SoothingChart(DAY_PAL))
    assert chart.is_empty
    assert "key A" in chart.empty_label.text()
    eps = [
        Episode("c", NIGHT_AT, soothing=frozenset({Soothing.FEEDING}), response=r)
        for r in (Response.SETTLED_FAST, Response.SETTLED_SLOW, Response.NOT_SETTLED, None)
    ]
    chart.set_data(soothing_summary(eps))
    k = chart.summary.keys.index("feeding")
    assert [chart.part_values(p)[k] for p in ("helped", "not_helped", "not_noted")] == [2, 1, 1]
    # The parts sit end to end: the bar's length is the episodes it was tried in.
    x0 = {p: np.asarray(chart.bars[p].opts["x0"])[k] for p in chart.bars}
    assert (x0["helped"], x0["not_helped"], x0["not_noted"]) == (0, 2, 3)
    assert chart.value_labels[k].toPlainText() == " 4 · helped 2 of 3"
    assert chart.value_labels[k].pos().x() == 4
    only_tried = soothing_summary([Episode("c", NIGHT_AT, soothing=frozenset({Soothing.ROCKING}))])
    chart.set_data(only_tried)
    assert chart.value_labels[0].toPlainText() == " 1 · no response noted"
    assert chart.bars["not_noted"].opts["brush"].color().name() == DAY_PAL["chart_grid"]
    assert chart.bars["helped"].opts["brush"].color().name() == DAY_PAL["chart_line"]


# --- shared: theme and export ----------------------------------------------------------------


@pytest.mark.parametrize(
    "make", [TimelineChart, IntervalChart, TrendChart, NightMapChart, BreakdownChart, SoothingChart]
)
def test_every_chart_follows_the_palette(add, make) -> None:  # type: ignore[no-untyped-def]
    chart = add(make(NIGHT_PAL))
    for pal in (DAY_PAL, NIGHT_PAL):
        chart.apply_palette(pal)
        assert chart.graphics.backgroundBrush().color().name() == pal["chart_bg"]
        # The view is painted as opaque (nothing drawn behind it): its fill must be.
        assert chart.graphics.backgroundBrush().color().alpha() == 255
        for plot in chart.plots:
            axis = plot.getAxis("left")
            assert axis.textPen().color().name() == pal["chart_fg"]
            assert axis.pen().color().name() == pal["chart_grid"]
        assert pal["chart_fg"] in chart.styleSheet()


def test_png_export_is_a_picture(add, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chart = add(TimelineChart(DAY_PAL))
    chart.set_data(_timeline_data())
    chart.export_png(tmp_path / "t.png")
    image = QImage(str(tmp_path / "t.png"))
    assert image.size() == chart.picture.size()
    with pytest.raises(FileNotFoundError):  # the OS error itself, errno and all
        chart.export_png(tmp_path / "missing-folder" / "t.png")
    chart.export_png(tmp_path / "c.png", caption="Ada · nights 1 Nov 2026 to 7 Nov 2026")
    captioned = QImage(str(tmp_path / "c.png"))
    assert captioned.text("Title") == "Ada · nights 1 Nov 2026 to 7 Nov 2026"
    assert captioned.width() == chart.picture.width()
    assert captioned.height() > chart.picture.height() + 10


def test_csv_export_round_trips(add, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chart = add(TimelineChart(DAY_PAL))
    chart.set_data(_timeline_data())
    assert chart.export_csv(tmp_path / "t.csv") == 3
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["night", "time", "hours_after_night_start", "kind", "episode"]
    assert rows[1] == ["2026-11-23", "22:00:00", "4.0", "kick", "1"]
    assert rows[3] == ["2026-11-23", "03:00:00", "9.0", "kick", "2"]

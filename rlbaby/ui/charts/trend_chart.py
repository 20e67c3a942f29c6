"""Nights over time: per-night figures as bars, and their 7-night rolling average."""

from __future__ import annotations

import math
from datetime import date

import numpy as np

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from rlbaby.analysis.chart_data import (
    ROLLING_NIGHTS,
    TrendData,
)
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.model.timekeeping import night_date, night_number
from rlbaby.ui.charts.axes import NightAxis
from rlbaby.ui.charts.base import ChartWidget, brush, pen
from rlbaby.ui.charts.geometry import bar_outline
from rlbaby.ui.charts.pgtypes import PlotDataItem, PlotItem
from rlbaby.ui.charts.words import TREND_METRICS
from rlbaby.ui.i18n import tr_marked
from rlbaby.ui.locale_format import format_date

BAR_HALF_WIDTH = 0.4


def label_step(view_top: float) -> float:
    """The smallest round step (1, 2 or 5 times a power of ten, at least 1)
    that labels a panel going up to `view_top` at most twice above zero: the
    panels are short, and printed they are shorter still. Round numbers are
    never more than 2.5 times apart, so one lies in (view_top / 3, view_top]
    and the panel always gets a label."""
    third = view_top / 3
    power = 10.0 ** math.floor(math.log10(third)) if third > 0 else 1.0
    steps = (m * power for m in (1, 2, 5, 10, 20))
    return max(1.0, next(s for s in steps if s > third))


def _number(v: float) -> str:
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}"


class TrendChart(ChartWidget):
    """Four stacked plots sharing the night axis: movements, episodes,
    movements per hour asleep and periodic runs. Clicking a night asks for its timeline.

    Signals:
        night_chosen(object): the date of the night clicked.
    """

    night_chosen = Signal(object)

    empty_text = QT_TRANSLATE_NOOP(
        "TrendChart",
        "No nights logged in this range yet. Log movements or sleep marks on the Log tab, "
        "and each night will appear here.",
    )

    # Set to "" for print (the report), where nothing can be clicked.
    hint = QT_TRANSLATE_NOOP("TrendChart", "  ·  click a night to see it on the timeline")

    def __init__(self, palette: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(palette, parent)
        self.metric_plots: dict[str, PlotItem] = {}
        self.bar_items: dict[str, PlotDataItem] = {}
        self.mean_items: dict[str, PlotDataItem] = {}
        last = len(TREND_METRICS) - 1
        for row, (name, title) in enumerate(TREND_METRICS.items()):
            plot = self.add_plot(row, bottom=NightAxis())
            plot.setTitle(tr_marked("Charts", title))
            plot.titleLabel.opts["justify"] = "left"
            plot.getViewBox().setMouseEnabled(x=True, y=False)
            plot.showGrid(x=True, y=True, alpha=0.6)
            plot.getAxis("left").setWidth(48)
            if row != last:
                plot.getAxis("bottom").setStyle(showValues=False)
            if row:
                plot.setXLink(self.plots[0])
            bars = PlotDataItem(fillLevel=0)
            mean = PlotDataItem(connect="finite")
            plot.addItem(bars)
            plot.addItem(mean)
            self.metric_plots[name] = plot
            self.bar_items[name] = bars
            self.mean_items[name] = mean
        self.graphics.ci.layout.setVerticalSpacing(2)
        self.legend.show()
        self.data = TrendData(
            date.today(), date.today(), np.empty(0, np.int64), {}, np.empty(0, np.int64), {}
        )
        self.apply_palette(palette)

    def set_data(self, data: TrendData) -> None:
        self.data = data
        for name in TREND_METRICS:
            values = data.values.get(name, np.empty(0))
            known = ~np.isnan(values)
            self.bar_items[name].setData(
                *bar_outline(
                    data.night_idx[known].astype(np.float64), values[known], BAR_HALF_WIDTH
                )
            )
            rolling = data.rolling.get(name, np.empty(0))
            if rolling.size and not np.isnan(rolling).all():
                self.mean_items[name].setData(data.rolling_idx.astype(np.float64), rolling)
            else:
                self.mean_items[name].setData([], [])
        n = data.night_idx.size
        self.title.setText(
            self.tr("%n night(s) logged from {first} to {last}", "", n).format(
                first=format_date(data.first), last=format_date(data.last)
            )
            + (self.tr(self.hint) if self.hint else "")
        )
        self.set_empty(data.empty)
        self.reset_view()

    def reset_view(self) -> None:
        lo, hi = night_number(self.data.first) - 0.5, night_number(self.data.last) + 0.5
        for name, plot in self.metric_plots.items():
            vb = plot.getViewBox()
            vb.setLimits(xMin=lo - 1, xMax=hi + 1)
            top = 0.0
            for arr in (self.data.values.get(name), self.data.rolling.get(name)):
                if arr is not None and arr.size and not np.isnan(arr).all():
                    top = max(top, float(np.nanmax(arr)))
            view_top = max(top * 1.1, 1.0)
            vb.setYRange(0, view_top, padding=0)
            step = label_step(view_top)
            plot.getAxis("left").setTickSpacing(step, step)
        # The others follow through the x link (setting each would fight the link).
        self.plots[0].getViewBox().setXRange(lo, hi, padding=0)

    def _apply_item_colours(self) -> None:
        p = self.colours
        for name in TREND_METRICS:
            self.bar_items[name].setPen(None)
            self.bar_items[name].setBrush(brush(p, "chart_bar"))
            self.mean_items[name].setPen(pen(p, "chart_line", 2.0))
        self.legend.setText(
            f'<span style="color:{p["chart_bar"]}">&#9632;</span>&nbsp;'
            + self.tr("each night")
            + " &nbsp;&nbsp; "
            + f'<span style="color:{p["chart_line"]}">&#9473;&#9473;</span>&nbsp;'
            + self.tr("average of the last {n} nights (nights not logged are left out)").format(
                n=ROLLING_NIGHTS
            )
        )

    def _night_near(self, x: float) -> int | None:
        idx = self.data.night_idx
        if idx.size == 0:
            return None
        i = int(np.argmin(np.abs(idx - x)))
        return i if abs(idx[i] - x) <= 0.5 else None

    def describe_point(self, plot: PlotItem, x: float, y: float) -> str | None:
        i = self._night_near(x)
        if i is None:
            return None
        night = night_date(int(self.data.night_idx[i]))
        parts = [self.tr("Night of {date}").format(date=format_date(night, weekday=True))]
        for name, title in TREND_METRICS.items():
            v = float(self.data.values[name][i])
            value = self.tr("not known") if math.isnan(v) else _number(v)
            # Lower case mid-sentence in English; a translation keeps its own
            # capitals (German nouns are capitalised).
            shown = tr_marked("Charts", title)
            parts.append(f"{title.lower() if shown == title else shown}: {value}")
        r = self.data.rolling["movements"][int(self.data.night_idx[i] - self.data.rolling_idx[0])]
        if not math.isnan(r):
            parts.append(
                self.tr("{n}-night average of movements: {value}").format(
                    n=ROLLING_NIGHTS, value=f"{r:.1f}"
                )
            )
        return " · ".join(parts)

    def clicked_at(self, plot: PlotItem, x: float, y: float) -> None:
        i = self._night_near(x)
        if i is not None:
            self.night_chosen.emit(night_date(int(self.data.night_idx[i])))

    def csv_table(self) -> tuple[list[str], list[list[object]]]:
        d = self.data
        names = list(TREND_METRICS)
        header = ["night", *names, *(f"{n}_{ROLLING_NIGHTS}_night_average" for n in names)]
        rows: list[list[object]] = []
        for i, idx in enumerate(d.night_idx.tolist()):
            r = idx - int(d.rolling_idx[0])
            vals = [_csv_number(d.values[n][i]) for n in names]
            means = [_csv_number(d.rolling[n][r], 3) for n in names]
            rows.append([night_date(idx).isoformat(), *vals, *means])
        return header, rows


def _csv_number(v: float, digits: int = 2) -> object:
    if math.isnan(v):
        return ""
    return int(v) if float(v).is_integer() else round(float(v), digits)

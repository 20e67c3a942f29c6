"""How far apart movements come within an episode: a histogram on log time."""

from __future__ import annotations

import math

import numpy as np

from PySide6.QtWidgets import QWidget

from rlbaby.analysis.chart_data import (
    F64,
    RAPID_BELOW_S,
    IntervalHistogram,
    interval_histogram,
    share_between,
)
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.charts.axes import CountAxis, fixed_ticks
from rlbaby.ui.charts.base import ChartWidget, brush, pen
from rlbaby.ui.charts.pgtypes import LinearRegionItem, PlotDataItem, PlotItem, TextItem, mkPen

LO_S, HI_S = 1.0, 3600.0
TIME_MARKS = (
    (1, "1 s"),
    (5, "5 s"),
    (10, "10 s"),
    (30, "30 s"),
    (60, "1 min"),
    (90, "90 s"),
    (300, "5 min"),
    (600, "10 min"),
    (1800, "30 min"),
    (3600, "1 h"),
)


def seconds_text(s: float) -> str:
    if s < 60:
        return f"{s:.1f} s" if s < 10 else f"{s:.0f} s"
    if s < 3600:
        m, sec = divmod(round(s), 60)
        return f"{m} min {sec:02d} s"
    return f"{s / 3600:.1f} h"


class IntervalChart(ChartWidget):
    """Gaps between consecutive movements of the same episode.

    The x axis is log time from 1 s to 1 h (drawn as log10 of seconds, with
    marks in words). The regular ("periodic") range of the chosen rule set and
    the under-10 s range are shaded and labelled.
    """

    empty_text = QT_TRANSLATE_NOOP(
        "IntervalChart",
        "No gaps to show yet: this needs at least two movements in one episode. "
        "Tap each movement on the Log tab as you see it.",
    )

    def __init__(
        self,
        palette: dict[str, str],
        periodic_s: tuple[float, float] = (10.0, 90.0),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(palette, parent)
        self.plot = self.add_plot(0, left=CountAxis())
        self.plot.setLabel(
            "bottom", self.tr("Time between one movement and the next (same episode)")
        )
        self.plot.setLabel("left", self.tr("Number of gaps"))
        fixed_ticks(self.plot.getAxis("bottom"), [(math.log10(s), t) for s, t in TIME_MARKS])
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.setLimits(xMin=-0.05, xMax=math.log10(HI_S) + 0.05, minXRange=0.2)
        self.plot.showGrid(x=True, y=True, alpha=0.6)
        self.rapid_band = LinearRegionItem(movable=False)
        self.periodic_band = LinearRegionItem(movable=False)
        self.rapid_label = TextItem(anchor=(0.0, 0.0))
        self.periodic_label = TextItem(anchor=(0.0, 0.0))
        for z, item in enumerate((self.rapid_band, self.periodic_band)):
            item.setZValue(-20 + z)
            self.plot.addItem(item)
        for item in (self.rapid_label, self.periodic_label):
            self.plot.addItem(item)
        self.bars = PlotDataItem(stepMode="center", fillLevel=0)
        self.plot.addItem(self.bars)
        self.histogram = interval_histogram(np.empty(0), LO_S, HI_S)
        self.intervals_s: F64 = np.empty(0)
        self.periodic_s = periodic_s
        self.apply_palette(palette)
        self.set_data(self.intervals_s, periodic_s)

    def set_data(self, intervals_s: F64, periodic_s: tuple[float, float]) -> None:
        """Show these within-episode gaps (seconds) against the rule's regular range."""
        self.intervals_s = intervals_s
        self.periodic_s = periodic_s
        h = self.histogram = interval_histogram(intervals_s, LO_S, HI_S)
        self.bars.setData(np.log10(h.edges_s), h.counts.astype(np.float64))
        lo, hi = periodic_s
        self.rapid_band.setRegion((0.0, math.log10(RAPID_BELOW_S)))
        self.periodic_band.setRegion((math.log10(lo), math.log10(hi)))
        rapid = share_between(intervals_s, 0.0, RAPID_BELOW_S, inclusive_hi=False)
        regular = share_between(intervals_s, lo, hi)
        self.rapid_label.setText(
            self.tr("under 10 s\n{share} of gaps").format(share=f"{rapid:.0%}")
        )
        self.periodic_label.setText(
            self.tr("periodic range\n{lo}-{hi} s\n{share} of gaps").format(
                lo=f"{lo:g}", hi=f"{hi:g}", share=f"{regular:.0%}"
            )
        )
        title = self.tr("Gaps between movements within episodes")
        self.title.setText(
            title + "  ·  " + self.tr("%n gap(s)", "", h.total) if h.total else title
        )
        self.set_empty(h.empty)
        self.reset_view()

    def _y_top(self) -> float:
        peak = float(self.histogram.counts.max()) if self.histogram.counts.size else 0.0
        return max(peak * 1.35, 4.0)

    def reset_view(self) -> None:
        top = self._y_top()
        # A little room either side, so the "1 s" and "1 h" marks are drawn.
        self.plot.getViewBox().setRange(
            xRange=(-0.04, math.log10(HI_S) + 0.04), yRange=(0, top), padding=0
        )
        self.rapid_label.setPos(0.02, top)
        self.periodic_label.setPos(math.log10(self.periodic_s[0]) + 0.02, top)

    def _apply_item_colours(self) -> None:
        p = self.colours
        self.bars.setPen(pen(p, "chart_line", 1.5))
        self.bars.setBrush(brush(p, "chart_bar"))
        self.rapid_band.setBrush(brush(p, "band_rapid"))
        self.periodic_band.setBrush(brush(p, "band_periodic"))
        for band in (self.rapid_band, self.periodic_band):
            for line in band.lines:
                line.setPen(mkPen(None))
        for text in (self.rapid_label, self.periodic_label):
            text.setColor(p["chart_fg"])

    def describe_point(self, plot: PlotItem, x: float, y: float) -> str | None:
        h: IntervalHistogram = self.histogram
        edges = np.log10(h.edges_s)
        i = int(np.searchsorted(edges, x, side="right")) - 1
        if not 0 <= i < h.counts.size:
            return None
        a, b = h.edges_s[i], h.edges_s[i + 1]
        n = int(h.counts[i])
        share = n / h.total if h.total else 0.0
        return self.tr("Gaps of {lo} to {hi}: {n} ({share} of all gaps)").format(
            lo=seconds_text(a), hi=seconds_text(b), n=f"{n:,}", share=f"{share:.0%}"
        )

    def csv_table(self) -> tuple[list[str], list[list[object]]]:
        h = self.histogram
        rows: list[list[object]] = [[0, LO_S, h.below]]
        rows += [
            [round(float(a), 3), round(float(b), 3), int(n)]
            for a, b, n in zip(h.edges_s[:-1], h.edges_s[1:], h.counts, strict=True)
        ]
        rows.append([HI_S, "", h.above])
        return ["from_seconds", "to_seconds", "gaps"], rows

"""The night map: one row per night, movements per quarter hour as colour."""

from __future__ import annotations

from datetime import date

import numpy as np

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from rlbaby.analysis.chart_data import (
    NightMap,
    night_map,
)
from rlbaby.analysis.ranges import NightRange
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.model.timekeeping import night_date, night_number
from rlbaby.ui.charts.axes import ClockAxis, NightAxis
from rlbaby.ui.charts.base import ChartWidget
from rlbaby.ui.charts.pgtypes import ColorMap, ImageItem, PlotItem
from rlbaby.ui.charts.timeline_chart import DEFAULT_HOURS
from rlbaby.ui.i18n import Plurals
from rlbaby.ui.locale_format import format_clock, format_date


def blend(a: str, b: str, t: float) -> str:
    """The colour a share `t` of the way from `a` to `b` (both '#rrggbb')."""
    ca, cb = QColor(a), QColor(b)
    pairs = ((ca.red(), cb.red()), (ca.green(), cb.green()), (ca.blue(), cb.blue()))
    r, g, bl = (round(x + (y - x) * t) for x, y in pairs)
    return QColor(r, g, bl).name()


class NightMapChart(ChartWidget):
    """A heat map: nights down (first at the top), time of night across.

    Colour goes from `heat_low` (none) to `heat_high` (the busiest quarter
    hour of the range), so at night the brightest cell is still a dim red.

    Signals:
        night_chosen(object): the date of the night clicked.
    """

    night_chosen = Signal(object)

    empty_text = QT_TRANSLATE_NOOP(
        "NightMapChart",
        "No movements logged in this range yet. Tap on the Log tab when you see a movement, "
        "and the busy times of night will show here.",
    )

    def __init__(
        self, palette: dict[str, str], start_hour: int = 18, parent: QWidget | None = None
    ) -> None:
        super().__init__(palette, parent)
        self.clock_axis = ClockAxis(start_hour)
        self.plot = self.add_plot(0, bottom=self.clock_axis, left=NightAxis("left", offset=0.5))
        self.plot.setLabel("bottom", self.tr("Time of night"))
        vb = self.plot.getViewBox()
        vb.invertY(True)
        vb.setLimits(xMin=0, xMax=24, minXRange=0.5)
        self.image = ImageItem(autoDownsample=True)
        self.plot.addItem(self.image)
        self.colormap: ColorMap | None = None
        self.legend.show()
        today = date.today()
        self.map = night_map(np.empty(0, np.int64), start_hour, NightRange(today, today))
        self.apply_palette(palette)
        self.set_data(self.map)

    def set_data(self, data: NightMap) -> None:
        self.map = data
        self.clock_axis.start_hour = data.start_hour
        # ImageItem indexes [x, y]: columns (time) first, then nights.
        self.image.setImage(
            data.counts.T.astype(np.float32), levels=(0.0, float(self.top)), autoLevels=False
        )
        self.image.setRect(QRectF(0.0, float(night_number(data.first)), 24.0, float(data.nights)))
        self.title.setText(
            self.tr("Each row is one night ({nights}); each cell is {minutes} minutes").format(
                nights=Plurals().nights(data.nights), minutes=data.bin_min
            )
        )
        self._update_legend()
        self.set_empty(data.empty)
        self.reset_view()

    @property
    def top(self) -> int:
        """The count shown in the brightest colour."""
        return max(1, int(self.map.counts.max()) if self.map.counts.size else 1)

    def reset_view(self) -> None:
        m = self.map
        cols = np.flatnonzero(m.counts.any(axis=0)) if m.counts.size else np.empty(0)
        lo, hi = 0.0, DEFAULT_HOURS
        if cols.size:
            width = m.bin_min / 60
            lo = min(lo, float(cols[0]) * width)
            hi = max(hi, float(cols[-1] + 1) * width)
        first = night_number(m.first)
        vb = self.plot.getViewBox()
        # Only the rows of the range: no empty night above or below it, even
        # for "Tonight" (one row), and zooming in stops at one night.
        vb.setLimits(
            yMin=first, yMax=first + m.nights, minYRange=min(3, m.nights), maxYRange=m.nights
        )
        vb.setRange(xRange=(lo, hi), yRange=(first, first + m.nights), padding=0)

    def _apply_item_colours(self) -> None:
        p = self.colours
        self.colormap = ColorMap([0.0, 1.0], [QColor(p["heat_low"]), QColor(p["heat_high"])])
        self.image.setColorMap(self.colormap)
        self._update_legend()

    def _update_legend(self) -> None:
        if not hasattr(self, "map"):
            return
        p = self.colours
        cells = "".join(
            f'<span style="color:{blend(p["heat_low"], p["heat_high"], t)}">&#9608;</span>'
            for t in (0.0, 0.25, 0.5, 0.75, 1.0)
        )
        self.legend.setText(
            self.tr(
                "Color: no movements {cells} {movements} in {minutes} minutes "
                "(the busiest in this range)"
            ).format(cells=cells, movements=Plurals().movements(self.top), minutes=self.map.bin_min)
        )

    def _cell(self, x: float, y: float) -> tuple[int, int] | None:
        m = self.map
        row = int(np.floor(y)) - night_number(m.first)
        col = int(np.floor(x * 60 / m.bin_min))
        if 0 <= row < m.nights and 0 <= col < m.bins:
            return row, col
        return None

    def describe_point(self, plot: PlotItem, x: float, y: float) -> str | None:
        cell = self._cell(x, y)
        if cell is None:
            return None
        row, col = cell
        m = self.map
        night = night_date(night_number(m.first) + row)
        a = col * m.bin_min / 60
        n = int(m.counts[row, col])
        return self.tr("Night of {date}, {start} to {end}: {movements}").format(
            date=format_date(night, weekday=True),
            start=format_clock(a, m.start_hour),
            end=format_clock(a + m.bin_min / 60, m.start_hour),
            movements=Plurals().movements(n),
        )

    def clicked_at(self, plot: PlotItem, x: float, y: float) -> None:
        cell = self._cell(x, y)
        if cell is not None:
            self.night_chosen.emit(night_date(night_number(self.map.first) + cell[0]))

    def csv_table(self) -> tuple[list[str], list[list[object]]]:
        m = self.map
        header = ["night"] + [format_clock(j * m.bin_min / 60, m.start_hour) for j in range(m.bins)]
        first = night_number(m.first)
        rows: list[list[object]] = [
            [night_date(first + i).isoformat(), *row] for i, row in enumerate(m.counts.tolist())
        ]
        return header, rows

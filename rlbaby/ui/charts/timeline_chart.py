"""The night timeline: every movement of one night, live as the parent taps."""

from __future__ import annotations

from datetime import date

import numpy as np

from PySide6.QtWidgets import QWidget

from rlbaby.analysis.chart_data import TimelineData
from rlbaby.model.arrays import KINDS
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.model.timekeeping import MS_PER_HOUR
from rlbaby.ui.charts import kind_marks
from rlbaby.ui.charts.axes import ClockAxis, fixed_ticks
from rlbaby.ui.charts.base import ChartWidget, qcolor
from rlbaby.ui.charts.pgtypes import PlotItem
from rlbaby.ui.charts.timeline_items import MovementTicks, Spans
from rlbaby.ui.i18n import Plurals, tr_label
from rlbaby.ui.locale_format import format_clock, format_date
from rlbaby.wording import duration

TICK_Y = (0.08, 0.92)  # movement ticks; each tick's kind marker sits on its top end
TICK_PX = 2  # tick width in screen pixels
MARK_PX = 10  # marker size in screen pixels
SPAN_Y = (0.0, 1.0)  # episode shading behind them
SLEEP_Y = (-0.42, -0.14)  # the "asleep" band below
Y_RANGE = (-0.5, 1.06)
SPAN_PAD_H = 1 / 60  # shade a minute either side, so a one-tap episode shows
DEFAULT_HOURS = 15.0  # the default view: night start to 15 h later (18:00 to 09:00)


class TimelineChart(ChartWidget):
    """One night of one child along the clock.

    Each movement is a vertical tick coloured by its kind (one item draws them
    all, so thousands of ticks stay cheap: timeline_items.py), topped by the
    kind's marker shape, so kinds differ by more than colour (kind_marks.py);
    episodes are shaded; logged sleep is a band below. `append_movement` adds a tap in
    place, without reading the store.
    """

    empty_text = QT_TRANSLATE_NOOP(
        "TimelineChart",
        "No movements logged on this night yet. Tap on the Log tab when you see a movement.",
    )

    def __init__(
        self, palette: dict[str, str], start_hour: int = 18, parent: QWidget | None = None
    ) -> None:
        super().__init__(palette, parent)
        self.axis = ClockAxis(start_hour)
        self.plot = self.add_plot(0, bottom=self.axis)
        self.cache_axes()  # repainted on every live tap
        self.plot.setLabel("bottom", self.tr("Time of night"))
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.setLimits(xMin=0, xMax=24, minXRange=5 / 60)
        vb.setYRange(*Y_RANGE, padding=0)
        self.plot.showGrid(x=True, y=False, alpha=0.6)
        fixed_ticks(
            self.plot.getAxis("left"),
            [(sum(TICK_Y) / 2, self.tr("movements")), (sum(SLEEP_Y) / 2, self.tr("asleep"))],
        )
        self.sleep_item = Spans(*SLEEP_Y)
        self.span_item = Spans(*SPAN_Y)
        for item in (self.sleep_item, self.span_item):
            item.setZValue(-10)
            self.plot.addItem(item)
        self.ticks = MovementTicks(
            [kind_marks.symbol(k) for k in KINDS], *TICK_Y, tick_px=TICK_PX, mark_px=MARK_PX
        )
        self.plot.addItem(self.ticks)
        self.data = TimelineData(date.today(), start_hour)
        self._x = np.empty(0)
        self._kind = np.empty(0, np.int8)
        self._ep = np.empty(0, np.int32)
        self._span_start = np.empty(0)
        self._span_end = np.empty(0)
        self._span_n = np.empty(0, np.int64)
        self._ep_row: dict[str, int] = {}
        self.apply_palette(palette)
        self.set_data(self.data)

    # --- data --------------------------------------------------------------------

    @property
    def night(self) -> date:
        return self.data.night

    @property
    def movement_count(self) -> int:
        return int(self._x.size)

    @property
    def last_movement_h(self) -> float:
        """The latest movement, in hours after the night start (0 when none)."""
        return float(self._x.max()) if self._x.size else 0.0

    def set_data(self, data: TimelineData) -> None:
        """Show a whole night (after a night or range change, or an edit)."""
        self.data = data
        self.axis.start_hour = data.start_hour
        self._x = data.x_h.copy()
        self._kind = data.kind.copy()
        self._ep = data.episode.copy()
        self._span_start = data.span_start_h.copy()
        self._span_end = data.span_end_h.copy()
        self._span_n = data.span_movements.copy()
        self._ep_row = {eid: i for i, eid in enumerate(data.episode_ids)}
        self.ticks.set_data(self._x, self._kind)
        self._update_spans()
        self.sleep_item.set_spans(data.sleep_start_h, data.sleep_end_h)
        self._update_title()
        self.set_empty(data.empty)
        self.reset_view()

    def append_movement(self, x_h: float, kind_code: int, episode_id: str) -> None:
        """Add one tap (the hot path): only its kind's ticks and the shading are redone."""
        row = self._ep_row.get(episode_id)
        if row is None:
            row = self._ep_row[episode_id] = self._span_start.size
            self._span_start = np.append(self._span_start, x_h)
            self._span_end = np.append(self._span_end, x_h)
            self._span_n = np.append(self._span_n, 1)
        else:
            self._span_start[row] = min(self._span_start[row], x_h)
            self._span_end[row] = max(self._span_end[row], x_h)
            self._span_n[row] += 1
        pos = int(np.searchsorted(self._x, x_h, side="right"))
        self._x = np.insert(self._x, pos, x_h)
        self._kind = np.insert(self._kind, pos, kind_code)
        self._ep = np.insert(self._ep, pos, row)
        self.ticks.set_data(self._x, self._kind)
        self._update_spans()
        self._update_title()
        if self.is_empty:
            self.set_empty(False)
        lo, hi = self.plot.getViewBox().viewRange()[0]
        if not lo <= x_h <= hi:
            self.reset_view()

    def _update_spans(self) -> None:
        start = np.clip(self._span_start - SPAN_PAD_H, 0, 24)
        end = np.clip(self._span_end + SPAN_PAD_H, 0, 24)
        self.span_item.set_spans(start, end)

    def _update_title(self) -> None:
        d = self.data.night
        plurals = Plurals()
        parts = [self.tr("Night of {date}").format(date=format_date(d, long=True))]
        n = self._x.size
        if n:
            parts.append(
                self.tr("{movements} in {episodes}").format(
                    movements=plurals.movements(n),
                    episodes=plurals.episodes(self._span_start.size),
                )
            )
        sleep = self.data.sleep_hours
        if sleep > 0:
            parts.append(
                self.tr("{duration} asleep logged").format(
                    duration=duration(round(sleep * MS_PER_HOUR))
                )
            )
        self.title.setText("  ·  ".join(parts))

    # --- theme -----------------------------------------------------------------------

    def _apply_item_colours(self) -> None:
        p = self.colours
        # A thin rim of the background keeps touching markers apart.
        self.ticks.set_colours(
            [qcolor(p, kind_marks.colour_token(k)) for k in KINDS], qcolor(p, "chart_bg")
        )
        self.span_item.set_colour(qcolor(p, "episode_span"))
        self.sleep_item.set_colour(qcolor(p, "sleep_band"))
        swatch = '<span style="color:{c}">{g}</span>&nbsp;{t}'
        bits = [
            swatch.format(c=p[kind_marks.colour_token(k)], g=kind_marks.glyph(k), t=tr_label(k))
            for k in KINDS
        ]
        area = kind_marks.AREA_GLYPH
        bits.append(swatch.format(c=p["episode_span"], g=area, t=self.tr("episode")))
        bits.append(swatch.format(c=p["sleep_band"], g=area, t=self.tr("asleep")))
        self.legend.setText("&nbsp;&nbsp; ".join(bits))
        self.legend.show()

    # --- view, hover, export ------------------------------------------------------------

    def default_x_range(self) -> tuple[float, float]:
        lo, hi = 0.0, DEFAULT_HOURS
        xs = [self._x, self._span_end, self.data.sleep_start_h, self.data.sleep_end_h]
        present = [a for a in xs if a.size]
        if present:
            lo = min(lo, min(float(a.min()) for a in present) - 0.25)
            hi = max(hi, max(float(a.max()) for a in present) + 0.25)
        return max(0.0, lo), min(24.0, hi)

    def reset_view(self) -> None:
        self.plot.getViewBox().setRange(xRange=self.default_x_range(), yRange=Y_RANGE, padding=0)

    def describe_point(self, plot: PlotItem, x: float, y: float) -> str | None:
        sh = self.data.start_hour
        (lo, hi), _ = plot.getViewBox().viewRange()
        if y < SPAN_Y[0] - 0.04:
            inside = np.flatnonzero((self.data.sleep_start_h <= x) & (x <= self.data.sleep_end_h))
            if inside.size:
                a, b = self.data.sleep_start_h[inside[0]], self.data.sleep_end_h[inside[0]]
                return self.tr("Asleep {start} to {end} ({duration})").format(
                    start=format_clock(a, sh),
                    end=format_clock(b, sh),
                    duration=duration(round((b - a) * MS_PER_HOUR)),
                )
            return self.tr("{time} · no sleep logged at this time").format(time=format_clock(x, sh))
        if self._x.size:
            i = int(np.argmin(np.abs(self._x - x)))
            if abs(self._x[i] - x) <= 0.01 * (hi - lo):
                return (
                    f"{format_clock(self._x[i], sh, seconds=True)} · "
                    f"{tr_label(KINDS[self._kind[i]])}"
                    + (f" · {self._episode_text(int(self._ep[i]))}")
                )
        inside = np.flatnonzero(
            (self._span_start - SPAN_PAD_H <= x) & (x <= self._span_end + SPAN_PAD_H)
        )
        if inside.size:
            return f"{format_clock(x, sh)} · {self._episode_text(int(inside[0]))}"
        return format_clock(x, sh)

    def _episode_text(self, row: int) -> str:
        sh = self.data.start_hour
        a, b = self._span_start[row], self._span_end[row]
        return self.tr(
            "episode {number} of {count}: {movements}, {start} to {end} ({duration})"
        ).format(
            number=row + 1,
            count=self._span_start.size,
            movements=Plurals().movements(int(self._span_n[row])),
            start=format_clock(a, sh),
            end=format_clock(b, sh),
            duration=duration(round((b - a) * MS_PER_HOUR)),
        )

    def csv_table(self) -> tuple[list[str], list[list[object]]]:
        sh = self.data.start_hour
        night = self.data.night.isoformat()
        rows: list[list[object]] = [
            [
                night,
                format_clock(float(x), sh, seconds=True),
                round(float(x), 5),
                KINDS[int(k)].value,
                int(e) + 1,
            ]
            for x, k, e in zip(self._x, self._kind, self._ep, strict=True)
        ]
        return ["night", "time", "hours_after_night_start", "kind", "episode"], rows

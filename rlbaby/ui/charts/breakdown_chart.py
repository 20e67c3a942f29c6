"""What parents noted about episodes: four bar charts with counts and percentages."""

from __future__ import annotations

import numpy as np

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from rlbaby.analysis.breakdowns import BREAKDOWNS, Breakdown, breakdowns
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.charts.axes import fixed_ticks
from rlbaby.ui.charts.base import ChartWidget, brush, pen, qcolor
from rlbaby.ui.charts.pgtypes import BarGraphItem, PlotItem, TextItem
from rlbaby.ui.charts.plot_title import PlotTitle
from rlbaby.ui.charts.words import BREAKDOWN_TITLES, answer_labels
from rlbaby.ui.i18n import Plurals, tr_chart_word, tr_marked

BAR_HEIGHT = 0.6


class BreakdownChart(ChartWidget):
    """Response to soothing, signs, possible triggers and state at onset, as
    horizontal bars (one plot each, in a 2 x 2 grid) labelled "count · percent"."""

    empty_text = QT_TRANSLATE_NOOP(
        "BreakdownChart",
        "No episode details noted in this range yet. After an episode, open its details on "
        "the Log tab (key A) and note what helped, what you saw and what might have set it off.",
    )

    def __init__(self, palette: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(palette, parent)
        self.bar_items: dict[str, BarGraphItem] = {}
        self.value_labels: dict[str, list[TextItem]] = {}
        self.breakdown_plots: dict[str, PlotItem] = {}
        self.titles: dict[str, PlotTitle] = {}
        self.data: dict[str, Breakdown] = {b.field: b for b in breakdowns([])}
        layout = self.graphics.ci.layout
        for i, (name, _enum) in enumerate(BREAKDOWNS):
            b = self.data[name]
            row, col = 2 * (i // 2), i % 2
            # Each title over the whole width of its plot (axis included), wrapped.
            title = PlotTitle()
            self.graphics.ci.addItem(title, row=row, col=col)
            self.titles[name] = title
            plot = self.add_plot(row + 1, col)
            layout.setColumnStretchFactor(col, 1)
            vb = plot.getViewBox()
            vb.setMouseEnabled(x=False, y=False)
            vb.invertY(True)
            plot.hideAxis("bottom")  # each bar carries its count and percentage
            answers = [tr_chart_word(t) for t in answer_labels(b)]
            fixed_ticks(plot.getAxis("left"), list(enumerate(answers)))
            y = np.arange(len(b.keys), dtype=np.float64)
            bars = BarGraphItem(x0=0, y=y, height=BAR_HEIGHT, width=np.zeros(y.size))
            plot.addItem(bars)
            labels = []
            for k in range(len(b.keys)):
                t = TextItem(anchor=(0.0, 0.5))
                t.setPos(0, k)
                plot.addItem(t)
                labels.append(t)
            self.breakdown_plots[name] = plot
            self.bar_items[name] = bars
            self.value_labels[name] = labels
        self.graphics.ci.layout.setHorizontalSpacing(16)
        self.title.setText(self.tr("What you noted about the episodes"))
        self.apply_palette(palette)
        self.set_data(list(self.data.values()))

    def set_data(self, data: list[Breakdown]) -> None:
        self.data = {b.field: b for b in data}
        for name, b in self.data.items():
            widths = b.counts.astype(np.float64)
            self.bar_items[name].setOpts(width=widths)
            for k, (t, n, pct) in enumerate(
                zip(self.value_labels[name], b.counts, b.percents, strict=True)
            ):
                t.setText(f" {int(n)} · {pct:.0f}%" if n else " 0")
                t.setPos(float(n), k)
            self.titles[name].set_html(
                f"<b>{tr_marked('Charts', BREAKDOWN_TITLES[name])}</b> (% {self.base_words(b)})"
            )
        self.set_empty(all(b.empty for b in data))
        self.reset_view()

    def base_words(self, b: Breakdown) -> str:
        """What the percentages are of ("of 12 episodes"), in the UI's language."""
        if b.field == "responses":
            return self.tr("of %n episode(s) with a response noted", "", b.base)
        return self.tr("of %n episode(s)", "", b.base)

    def bar_values(self, name: str) -> np.ndarray:
        """The bar lengths drawn for one breakdown (for tests and the report)."""
        return np.asarray(self.bar_items[name].opts["width"], np.float64)

    def reset_view(self) -> None:
        for name, plot in self.breakdown_plots.items():
            b = self.data[name]
            top = float(b.counts.max()) if b.counts.size else 0.0
            plot.getViewBox().setRange(
                xRange=(0, max(top * 1.45, 3.0)), yRange=(-0.6, len(b.keys) - 0.4), padding=0
            )

    def _apply_item_colours(self) -> None:
        p = self.colours
        for name, bars in self.bar_items.items():
            bars.setOpts(brush=brush(p, "chart_bar"), pen=pen(p, "chart_line", 1.0))
            for t in self.value_labels[name]:
                t.setColor(p["chart_fg"])
        self._style_titles()

    def _style_fonts(self) -> None:
        super()._style_fonts()
        if hasattr(self, "titles"):
            self._style_titles()

    def _style_titles(self) -> None:
        """Titles at the text size, value labels at the tick size (both follow 150 %)."""
        font = QFont(self.font())
        font.setPointSizeF(self._point_size())
        for title in self.titles.values():
            title.set_style(font, qcolor(self.colours, "chart_fg"))
        tick = self.tick_font()
        for labels in self.value_labels.values():
            for t in labels:
                t.setFont(tick)

    def describe_point(self, plot: PlotItem, x: float, y: float) -> str | None:
        for name, p in self.breakdown_plots.items():
            if p is plot:
                b = self.data[name]
                k = round(y)
                if 0 <= k < len(b.keys):
                    n = int(b.counts[k])
                    return self.tr("{title}: {answer}: {episodes}, {percent}% {base}").format(
                        title=tr_marked("Charts", BREAKDOWN_TITLES[name]),
                        answer=tr_chart_word(answer_labels(b)[k]),
                        episodes=Plurals().episodes(n),
                        percent=f"{b.percents[k]:.0f}",
                        base=self.base_words(b),
                    )
        return None

    def csv_table(self) -> tuple[list[str], list[list[object]]]:
        rows: list[list[object]] = []
        for b in self.data.values():
            for key, n, pct in zip(b.keys, b.counts, b.percents, strict=True):
                rows.append([b.field, key, int(n), round(float(pct), 1), b.base])
        return ["breakdown", "answer", "episodes", "percent", "out_of"], rows

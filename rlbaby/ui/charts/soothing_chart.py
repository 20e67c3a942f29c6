"""What the parent tried to soothe the episodes, and how often they noted it helped."""

from __future__ import annotations

import numpy as np

from PySide6.QtWidgets import QWidget

from rlbaby.analysis.breakdowns import SoothingSummary, soothing_summary
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.charts.axes import fixed_ticks
from rlbaby.ui.charts.base import ChartWidget, brush, pen
from rlbaby.ui.charts.pgtypes import BarGraphItem, PlotItem, TextItem
from rlbaby.ui.charts.words import soothing_labels
from rlbaby.ui.i18n import Plurals, tr_chart_word

BAR_HEIGHT = 0.6
# The three parts of each bar, left to right, and the colour token of each.
PARTS = (
    ("helped", "chart_line", QT_TRANSLATE_NOOP("SoothingChart", "you noted it helped (settled)")),
    ("not_helped", "chart_bar", QT_TRANSLATE_NOOP("SoothingChart", "you noted it did not settle")),
    ("not_noted", "chart_grid", QT_TRANSLATE_NOOP("SoothingChart", "no response noted")),
)
HONEST_NOTE = QT_TRANSLATE_NOOP(
    "SoothingChart",
    "An episode where you tried several things counts for each of them. "
    "This is what you noted, not a test of what works.",
)


class SoothingChart(ChartWidget):
    """One horizontal bar per kind of soothing: the episodes it was tried in,
    split into those noted as settled, as not settled, and with no response noted."""

    empty_text = QT_TRANSLATE_NOOP(
        "SoothingChart",
        "Nothing tried is noted in this range yet. After an episode, open its details on "
        "the Log tab (key A) and tick what you tried and how your baby responded.",
    )

    def __init__(self, palette: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(palette, parent)
        self.summary = soothing_summary([])
        self.plot = self.add_plot(0)
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=False, y=False)
        vb.invertY(True)
        self.plot.hideAxis("bottom")  # each bar carries its numbers
        fixed_ticks(
            self.plot.getAxis("left"),
            [(k, tr_chart_word(t)) for k, t in enumerate(soothing_labels(self.summary))],
        )
        y = np.arange(len(self.summary.keys), dtype=np.float64)
        self.bars: dict[str, BarGraphItem] = {}
        for name, _token, _text in PARTS:
            bars = BarGraphItem(x0=np.zeros(y.size), y=y, height=BAR_HEIGHT, width=0)
            self.plot.addItem(bars)
            self.bars[name] = bars
        self.value_labels: list[TextItem] = []
        for k in range(y.size):
            t = TextItem(anchor=(0.0, 0.5))
            t.setPos(0, k)
            self.plot.addItem(t)
            self.value_labels.append(t)
        self.title.setText(self.tr("What you tried, and how often you noted it helped"))
        self.legend.show()
        self.apply_palette(palette)
        self.set_data(self.summary)

    def set_data(self, data: SoothingSummary) -> None:
        self.summary = data
        parts = {"helped": data.helped, "not_helped": data.not_helped, "not_noted": data.not_noted}
        left = np.zeros(len(data.keys), np.float64)
        for name, _token, _text in PARTS:
            width = parts[name].astype(np.float64)
            self.bars[name].setOpts(x0=left.copy(), width=width)
            left += width
        for k, t in enumerate(self.value_labels):
            n, h, noted = int(data.tried[k]), int(data.helped[k]), int(data.noted[k])
            if n == 0:
                t.setText(" 0")
            elif noted:
                t.setText(
                    self.tr(" {n} · helped {helped} of {noted}").format(n=n, helped=h, noted=noted)
                )
            else:
                t.setText(self.tr(" {n} · no response noted").format(n=n))
            t.setPos(float(n), k)
        self._update_legend()
        self.set_empty(data.empty)
        self.reset_view()

    def part_values(self, name: str) -> np.ndarray:
        """The lengths drawn for one part of the bars (for tests)."""
        return np.asarray(self.bars[name].opts["width"], np.float64)

    def reset_view(self) -> None:
        top = float(self.summary.tried.max()) if self.summary.tried.size else 0.0
        self.plot.getViewBox().setRange(
            xRange=(0, max(top * 1.6, 3.0)),
            yRange=(-0.6, len(self.summary.keys) - 0.4),
            padding=0,
        )

    def _update_legend(self) -> None:
        p = self.colours
        s = self.summary
        swatch = '<span style="color:{c}">&#9632;</span>&nbsp;{t}'
        keys = " &nbsp;&nbsp; ".join(
            swatch.format(c=p[token], t=self.tr(t)) for _n, token, t in PARTS
        )
        base = self.tr("Something tried is noted for {n} of {episodes} in this range.").format(
            n=s.with_soothing, episodes=Plurals().episodes(s.episodes)
        )
        self.legend.setText(f"{keys}<br>{base} {self.tr(HONEST_NOTE)}")

    def _apply_item_colours(self) -> None:
        p = self.colours
        for name, token, _text in PARTS:
            self.bars[name].setOpts(brush=brush(p, token), pen=pen(p, "chart_line", 1.0))
        for t in self.value_labels:
            t.setColor(p["chart_fg"])
            t.setFont(self.tick_font())
        self._update_legend()

    def _style_fonts(self) -> None:
        super()._style_fonts()
        for t in getattr(self, "value_labels", []):
            t.setFont(self.tick_font())

    def describe_point(self, plot: PlotItem, x: float, y: float) -> str | None:
        k = round(y)
        if 0 <= k < len(self.summary.keys):
            s = self.summary
            return f"{tr_chart_word(soothing_labels(s)[k]).capitalize()}: {self._helped_text(k)}"
        return None

    def _helped_text(self, i: int) -> str:
        """One row in words (as SoothingSummary.helped_text, in the UI's language)."""
        s = self.summary
        n, h, k = int(s.tried[i]), int(s.helped[i]), int(s.noted[i])
        if n == 0:
            return self.tr("not tried")
        text = self.tr("tried in {episodes}").format(episodes=Plurals().episodes(n))
        if k == 0:
            return text + self.tr("; no response noted")
        return text + self.tr(
            "; you noted it helped in {helped} of the %n with a response noted", "", k
        ).format(helped=h)

    def csv_table(self) -> tuple[list[str], list[list[object]]]:
        s = self.summary
        rows: list[list[object]] = [
            [key, int(n), int(h), int(nh), int(nn)]
            for key, n, h, nh, nn in zip(
                s.keys, s.tried, s.helped, s.not_helped, s.not_noted, strict=True
            )
        ]
        header = ["soothing", "episodes_tried", "noted_helped", "noted_not_settled"]
        return [*header, "no_response_noted"], rows

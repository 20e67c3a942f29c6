"""What every chart shares: header, plot area, empty message, hover readout, theme, export."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QPointF, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsView,
    QLabel,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.charts.pgtypes import AxisItem, GraphicsLayoutWidget, PlotItem, mkBrush, mkPen

HOVER_HINT = QT_TRANSLATE_NOOP("ChartWidget", "Point at the chart to see exact values.")


def qcolor(palette: dict[str, str], token: str, alpha: int | None = None) -> QColor:
    c = QColor(palette[token])
    if alpha is not None:
        c.setAlpha(alpha)
    return c


def pen(palette: dict[str, str], token: str, width: float = 1.0) -> QPen:
    p = mkPen(qcolor(palette, token), width=width)
    p.setCosmetic(True)
    return p


def brush(palette: dict[str, str], token: str, alpha: int | None = None) -> QBrush:
    return mkBrush(qcolor(palette, token, alpha))


class ChartWidget(QWidget):
    """Base of one chart.

    Layout: a title and an optional legend line, the plot area (a pyqtgraph
    GraphicsLayoutWidget with an empty-state message laid over it), and a
    readout line that shows exact values under the mouse.

    Subclasses create their plot items once, register their PlotItems in
    `self.plots`, and implement `set_data`, `reset_view`, `csv_table`,
    `describe_point` and `_apply_item_colours`.

    Attributes:
        picture: the part exported as PNG (title, legend, plot; not the readout).
    """

    # Each subclass marks its own empty_text in its own context (its class name):
    # self.tr looks a text up under the runtime class first.
    empty_text = QT_TRANSLATE_NOOP("ChartWidget", "Nothing to show yet.")

    def __init__(self, palette: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # The theme's colours by token (not `palette`: that is QWidget.palette()).
        self.colours = dict(palette)
        self.plots: list[PlotItem] = []

        self.title = QLabel()
        self.title.setObjectName("chart_title")
        self.title.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("chart_legend")
        self.legend.setWordWrap(True)
        self.legend.hide()
        self.graphics = GraphicsLayoutWidget()
        self.graphics.setAntialiasing(True)
        # pyqtgraph caches the view's background as a pixmap the view's size
        # (about 2 MB per chart at 1024 x 600, six charts); it is one colour,
        # which fills as fast as the pixmap would be copied.
        self.graphics.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        # The view fills all of itself with the theme's opaque chart_bg (no
        # frame, no scroll bars), so Qt need not paint the styled chart behind
        # it first: about 0.7 ms of every live-tap repaint of the timeline.
        self.graphics.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.graphics.setMinimumHeight(160)
        self.empty_label = QLabel(self.tr(self.empty_text))
        self.empty_label.setObjectName("chart_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.empty_label.setContentsMargins(60, 20, 60, 40)
        self.readout = QLabel(self.tr(HOVER_HINT))
        self.readout.setObjectName("chart_readout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        host = QWidget()
        stack = QStackedLayout(host)
        stack.setStackingMode(QStackedLayout.StackingMode.StackAll)
        stack.addWidget(self.graphics)
        stack.addWidget(self.empty_label)
        stack.setCurrentWidget(self.empty_label)  # raised above the plot
        self.picture = QWidget()
        self.picture.setObjectName("chart_picture")
        pic = QVBoxLayout(self.picture)
        pic.setContentsMargins(8, 6, 8, 4)
        pic.addWidget(self.title)
        pic.addWidget(self.legend)
        pic.addWidget(host, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(2)
        root.addWidget(self.picture, 1)
        root.addWidget(self.readout)
        self.readout.setContentsMargins(8, 0, 8, 4)

        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._on_scene_mouse_moved)
        scene.sigMouseClicked.connect(self._on_scene_mouse_clicked)

    # --- building ---------------------------------------------------------------

    def add_plot(self, row: int, col: int = 0, **axis_items: AxisItem) -> PlotItem:
        # No context menus: the tab has one "Reset view" button, and pyqtgraph's
        # menu widgets cost about half a megabyte per plot.
        plot = self.graphics.addPlot(
            row=row, col=col, axisItems=axis_items or None, enableMenu=False
        )
        plot.hideButtons()
        self.plots.append(plot)
        return plot

    def cache_axes(self) -> None:
        """Keep each axis (with its grid lines) as a picture until it changes.

        For a chart repainted often (the live timeline): redrawing the axis text
        cost about 3 ms of every repaint. Each cached axis holds a pixmap about
        the plot's size, so the other charts do not.
        """
        for plot in self.plots:
            for side in ("left", "bottom", "right", "top"):
                plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # --- state ----------------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return self.empty_label.isVisibleTo(self)

    def set_empty(self, empty: bool, text: str | None = None) -> None:
        """Show or hide the message that explains what to log to fill this chart."""
        self.empty_label.setText(text or self.tr(self.empty_text))
        self.empty_label.setVisible(empty)

    def set_readout(self, text: str | None) -> None:
        self.readout.setText(text or self.tr(HOVER_HINT))

    # --- theme ------------------------------------------------------------------------

    def apply_palette(self, palette: dict[str, str]) -> None:
        """Recolour everything from the theme's palette (called on theme_changed)."""
        self.colours = dict(palette)
        p = self.colours
        self.setStyleSheet(
            f"#chart, #chart_picture {{ background-color: {p['chart_bg']}; }}"
            f"QLabel {{ background: transparent; color: {p['chart_fg']}; }}"
            "QLabel#chart_title { font-weight: bold; }"
            f"QLabel#chart_readout {{ color: {p['text_dim']}; }}"
        )
        self.graphics.setBackground(qcolor(p, "chart_bg"))
        self._style_fonts()
        for plot in self.plots:
            for name in ("left", "bottom", "right", "top"):
                axis = plot.getAxis(name)
                axis.setPen(pen(p, "chart_grid"))
                axis.setTextPen(pen(p, "chart_fg"))
                if axis.label.isVisible():
                    axis.setLabel(axis.labelText, **self._label_style())
            plot.titleLabel.opts["color"] = p["chart_fg"]
            if plot.titleLabel.text:
                plot.setTitle(plot.titleLabel.text, color=p["chart_fg"])
        self._apply_item_colours()

    def _label_style(self) -> dict[str, str]:
        return {"color": self.colours["chart_fg"], "font-size": f"{self._point_size():.1f}pt"}

    def _point_size(self) -> float:
        size = self.font().pointSizeF()
        return size if size > 0 else 10.0

    def tick_font(self) -> QFont:
        """The font of axis ticks and value labels: a little smaller than the text."""
        tick = QFont(self.font())
        tick.setPointSizeF(max(8.0, self._point_size() * 0.9))
        return tick

    def _style_fonts(self) -> None:
        tick = self.tick_font()
        for plot in self.plots:
            for name in ("left", "bottom"):
                plot.getAxis(name).setTickFont(tick)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # The text-size setting reaches us as a style-sheet font change.
        if event.type() == QEvent.Type.FontChange and self.plots:
            self._style_fonts()
        super().changeEvent(event)

    def _apply_item_colours(self) -> None:
        raise NotImplementedError

    # --- hover and click ----------------------------------------------------------------

    def _plot_at(self, scene_pos: QPointF) -> tuple[PlotItem, float, float] | None:
        for plot in self.plots:
            vb = plot.getViewBox()
            if vb.sceneBoundingRect().contains(scene_pos):
                view = vb.mapSceneToView(scene_pos)
                return plot, float(view.x()), float(view.y())
        return None

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        hit = self._plot_at(scene_pos)
        self.set_readout(None if hit is None else self.describe_point(*hit))

    def _on_scene_mouse_clicked(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self._plot_at(event.scenePos())
        if hit is not None:
            self.clicked_at(*hit)

    def describe_point(self, plot: PlotItem, x: float, y: float) -> str | None:
        """The exact values at view coordinates (x, y) of `plot`, in words."""
        return None

    def clicked_at(self, plot: PlotItem, x: float, y: float) -> None:
        """A left click at view coordinates (x, y) of `plot`."""

    # --- view and export ------------------------------------------------------------------

    def reset_view(self) -> None:
        raise NotImplementedError

    def csv_table(self) -> tuple[list[str], list[list[object]]]:
        """The numbers behind the chart as (header, rows)."""
        raise NotImplementedError

    def export_csv(self, path: Path) -> int:
        """Write the chart's numbers as CSV (UTF-8). Returns the number of data rows.

        Raises:
            OSError: the file could not be written.
        """
        header, rows = self.csv_table()
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        return len(rows)

    def to_image(self, caption: str = "") -> QImage:
        """The chart as it looks now (title, legend and plot), as an image.

        Args:
            caption: when given, painted in a band above the chart (whose chart,
                which nights) and kept in the PNG's "Title" text too, so a saved
                picture still says what it shows once it is sent on.
        """
        image = self.picture.grab().toImage()
        if not caption or image.isNull():
            return image
        return self._captioned(image, caption)

    def _captioned(self, grabbed: QImage, caption: str) -> QImage:
        # Work in device pixels: on a high-DPI screen the grab is larger than the widget.
        dpr = grabbed.devicePixelRatio()
        chart = QImage(grabbed)
        chart.setDevicePixelRatio(1.0)
        font = QFont(self.font())
        font.setPointSizeF(self._point_size() * dpr)
        font.setBold(True)
        metrics = QFontMetrics(font, chart)  # the image's resolution, not the screen's
        pad = max(6, metrics.height() // 3)
        width = chart.width()
        text_rect = metrics.boundingRect(
            QRect(0, 0, width - 2 * pad, 10_000), int(Qt.TextFlag.TextWordWrap), caption
        )
        band = text_rect.height() + 2 * pad
        image = QImage(width, chart.height() + band, QImage.Format.Format_RGB32)
        image.fill(qcolor(self.colours, "chart_bg"))
        painter = QPainter(image)
        try:
            painter.setFont(font)
            painter.setPen(qcolor(self.colours, "chart_fg"))
            painter.drawText(
                QRect(pad, pad, width - 2 * pad, text_rect.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                caption,
            )
            painter.setPen(qcolor(self.colours, "chart_grid"))
            painter.drawLine(pad, band - 1, width - pad, band - 1)
            painter.drawImage(0, band, chart)
        finally:
            painter.end()
        image.setText("Title", caption)
        image.setText("Software", "rlbaby")
        return image

    def export_png(self, path: Path, caption: str = "") -> QImage:
        """Save the chart as a PNG picture, with `caption` in a band above it.

        Raises:
            OSError: the picture could not be made or written (the OS error's
                errno and reason are kept).
        """
        image = self.to_image(caption)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # The format must be the str "PNG": PySide6's stubs ask for bytes, which
        # raises at run time (the themed pictures broke in the wheel and bundle).
        if image.isNull() or not image.save(buffer, "PNG"):  # type: ignore[call-overload]
            raise OSError(f"could not make the picture for {path}")
        with open(path, "wb") as f:
            f.write(bytes(buffer.data().data()))
        return image

"""The timeline's plot items: movement ticks with kind markers, and shaded spans.

The timeline is repainted on every live tap, so its items are drawn in device
pixels, without pyqtgraph's general line and scatter items: a 2-pixel antialiased
pen goes through Qt's stroker (250 ticks took 5 ms of every repaint), and each
of the ten line and scatter items had its own per-paint and per-update work.
Here a tick is a solid rectangle and a marker a pre-rendered symbol image; ticks
on the same pixel column are drawn once, so a paint costs at most one rectangle
and one marker per visible column, however many movements the night has.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from rlbaby.ui.charts.pgtypes import GraphicsObject, render_symbol

F64 = npt.NDArray[np.float64]
I8 = npt.NDArray[np.int8]


class MovementTicks(GraphicsObject):
    """Vertical ticks from `y0` to `y1` (view units), one colour and marker per kind.

    Args:
        symbols: each kind code's pyqtgraph symbol name (drawn on the tick's top end).
        y0, y1: the tick's bottom and top, in view units.
        tick_px: the tick's width in pixels.
        mark_px: the marker's size in pixels.
    """

    def __init__(
        self, symbols: list[str], y0: float, y1: float, tick_px: float = 2.0, mark_px: int = 10
    ) -> None:
        super().__init__()
        self.symbols = list(symbols)
        self._y0, self._y1 = y0, y1
        self._tick_px = tick_px
        self._mark_px = mark_px
        self._x = np.empty(0)
        self._kind = np.empty(0, np.int8)
        self._colours = [QColor("gray") for _ in symbols]
        self._rim = QColor("black")
        self._images: list[QImage] = []
        self._images_dpr = 0.0

    # --- data and look -------------------------------------------------------------

    def set_data(self, x: F64, kind: I8) -> None:
        """Show a movement at each `x` (view units), of kind code `kind`."""
        self.prepareGeometryChange()
        self._x = np.asarray(x, np.float64)
        self._kind = np.asarray(kind, np.int8)
        self.update()

    def x_of(self, code: int) -> F64:
        """The positions of kind `code`'s ticks, ascending."""
        return np.sort(self._x[self._kind == code])

    def set_colours(self, colours: list[QColor], rim: QColor) -> None:
        """Each kind's colour (ticks and marker fill), and the markers' thin rim."""
        self._colours = [QColor(c) for c in colours]
        self._rim = QColor(rim)
        self._images = []  # rendered again at the next paint
        self.update()

    def colour(self, code: int) -> QColor:
        return QColor(self._colours[code])

    # --- QGraphicsItem ---------------------------------------------------------------

    def _pad(self) -> tuple[float, float]:
        """Half a marker, in view units along x and y (the ticks are narrower)."""
        px, py = self.pixelVectors()
        half = self._mark_px / 2 + 1
        wx = 0.0 if px is None else math.hypot(px.x(), px.y()) * half
        wy = 0.0 if py is None else math.hypot(py.x(), py.y()) * half
        return wx, wy

    def dataBounds(  # noqa: N802 (pyqtgraph's name)
        self,
        ax: int,
        frac: float = 1.0,
        orthoRange: tuple[float, float] | None = None,  # noqa: N803
    ) -> tuple[float | None, float | None]:
        if ax == 1:
            return (self._y0, self._y1)
        if not self._x.size:
            return (None, None)
        return (float(self._x.min()), float(self._x.max()))

    def pixelPadding(self) -> float:  # noqa: N802 (pyqtgraph's name)
        return self._mark_px / 2 + 1

    def boundingRect(self) -> QRectF:  # noqa: N802
        if not self._x.size:
            return QRectF()
        wx, wy = self._pad()
        lo, hi = float(self._x.min()), float(self._x.max())
        top, bottom = min(self._y0, self._y1), max(self._y0, self._y1)
        return QRectF(lo - wx, top - wy, hi - lo + 2 * wx, bottom - top + 2 * wy)

    def viewTransformChanged(self) -> None:  # noqa: N802
        # The pixel padding of the bounds follows the zoom.
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self._x.size:
            return
        t = p.transform()  # view units -> device pixels (a ViewBox only scales and moves)
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        dpr = widget.devicePixelRatioF() if widget is not None else p.device().devicePixelRatioF()
        if not self._images or self._images_dpr != dpr:
            self._render_marks(dpr)
        ya, yb = sorted((self._y0 * sy + dy, self._y1 * sy + dy))
        mark_y = self._y1 * sy + dy
        p.save()
        try:
            p.resetTransform()
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            p.setPen(Qt.PenStyle.NoPen)
            half = self._tick_px / 2
            top = round(ya)
            height = max(1, round(yb) - top)
            for code, lefts in self._columns(sx, dx, half):
                p.setBrush(self._colours[code])
                p.drawRects([QRectF(left, top, self._tick_px, height) for left in lefts])
                image = self._images[code]
                offset = image.width() / dpr / 2
                y = round(mark_y - offset)
                for left in lefts:
                    p.drawImage(QPointF(round(left + half - offset), y), image)
        finally:
            p.restore()

    def _columns(self, sx: float, dx: float, half: float) -> list[tuple[int, list[float]]]:
        """Each kind present (by code) with its ticks' left pixel columns, ascending.

        One tick per pixel column: overlapping ticks look the same. Sorted and
        deduplicated in one pass over every kind (a tap repaints the timeline;
        a pass per kind cost about four times the numpy calls).
        """
        cols = np.round(self._x * sx + dx - half)
        order = np.lexsort((cols, self._kind))
        cols, kind = cols[order], self._kind[order]
        keep = np.ones(cols.size, dtype=bool)
        keep[1:] = (cols[1:] != cols[:-1]) | (kind[1:] != kind[:-1])
        cols, kind = cols[keep], kind[keep]
        bounds = np.searchsorted(kind, np.arange(len(self.symbols) + 1)).tolist()
        return [
            (code, cols[a:b].tolist())
            for code, (a, b) in enumerate(zip(bounds[:-1], bounds[1:], strict=True))
            if b > a
        ]

    def _render_marks(self, dpr: float) -> None:
        rim = QPen(self._rim)
        rim.setWidthF(1.0)
        rim.setCosmetic(True)
        self._images = [
            render_symbol(sym, self._mark_px, rim, colour, dpr)
            for sym, colour in zip(self.symbols, self._colours, strict=True)
        ]
        self._images_dpr = dpr


class Spans(GraphicsObject):
    """Filled bands from `start` to `end` (view units along x), between y0 and y1."""

    def __init__(self, y0: float, y1: float) -> None:
        super().__init__()
        self._y0, self._y1 = y0, y1
        self._start = np.empty(0)
        self._end = np.empty(0)
        self._colour = QColor("gray")

    def set_spans(self, start: F64, end: F64) -> None:
        self.prepareGeometryChange()
        self._start = np.asarray(start, np.float64)
        self._end = np.asarray(end, np.float64)
        self.update()

    def spans(self) -> tuple[F64, F64]:
        """The bands shown, as (start, end)."""
        return self._start.copy(), self._end.copy()

    def set_colour(self, colour: QColor) -> None:
        self._colour = QColor(colour)
        self.update()

    def colour(self) -> QColor:
        return QColor(self._colour)

    def dataBounds(  # noqa: N802 (pyqtgraph's name)
        self,
        ax: int,
        frac: float = 1.0,
        orthoRange: tuple[float, float] | None = None,  # noqa: N803
    ) -> tuple[float | None, float | None]:
        if ax == 1:
            return (min(self._y0, self._y1), max(self._y0, self._y1))
        if not self._start.size:
            return (None, None)
        return (float(self._start.min()), float(self._end.max()))

    def boundingRect(self) -> QRectF:  # noqa: N802
        if not self._start.size:
            return QRectF()
        lo, hi = float(self._start.min()), float(self._end.max())
        top, bottom = min(self._y0, self._y1), max(self._y0, self._y1)
        return QRectF(lo, top, hi - lo, bottom - top)

    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self._start.size:
            return
        t = p.transform()
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        ya, yb = sorted((self._y0 * sy + dy, self._y1 * sy + dy))
        left = np.round(self._start * sx + dx).tolist()
        right = np.round(self._end * sx + dx).tolist()
        top = round(ya)
        height = max(1, round(yb) - top)
        p.save()
        try:
            p.resetTransform()
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._colour)
            # At least a pixel wide, so a one-tap episode still shows.
            p.drawRects(
                [QRectF(a, top, max(1.0, b - a), height) for a, b in zip(left, right, strict=True)]
            )
        finally:
            p.restore()

"""pyqtgraph, as the charts import it and as mypy sees it.

pyqtgraph ships no type hints. Every chart file imports it from here: at run
time these names are pyqtgraph's own; for the type checker, the classes the
charts subclass or keep are declared on their Qt base classes with the few
methods the charts override or call typed, and everything else of theirs as
Any (`__getattr__`). So the charts are checked strictly against Qt, and
`mypy --strict` needs no setting for pyqtgraph.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QImage, QPen

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QGraphicsObject,
        QGraphicsScene,
        QGraphicsView,
        QGraphicsWidget,
    )

    class GraphicsObject(QGraphicsObject):
        """pyqtgraph.GraphicsObject: a QGraphicsObject that knows its ViewBox."""

        def pixelVectors(  # noqa: N802
            self, direction: QPointF | None = None
        ) -> tuple[QPointF | None, QPointF | None]: ...
        def viewTransformChanged(self) -> None: ...  # noqa: N802
        def __getattr__(self, name: str) -> Any: ...

    class GraphicsWidget(QGraphicsWidget):
        """pyqtgraph.GraphicsWidget: a QGraphicsWidget for pyqtgraph's layouts."""

        def __getattr__(self, name: str) -> Any: ...

    class AxisItem(GraphicsWidget):
        """pyqtgraph.AxisItem: ticks, tick labels and the axis label of one side."""

        def __init__(self, orientation: str, *args: Any, **kwargs: Any) -> None: ...
        def tickValues(  # noqa: N802
            self,
            minVal: float,
            maxVal: float,
            size: float,  # noqa: N803
        ) -> list[tuple[float, list[float]]]: ...
        def tickStrings(  # noqa: N802
            self, values: list[float], scale: float, spacing: float
        ) -> list[str]: ...
        def __getattr__(self, name: str) -> Any: ...

    class PlotItem(QGraphicsWidget):
        """pyqtgraph.PlotItem: a ViewBox with axes and a title."""

        def __getattr__(self, name: str) -> Any: ...

    class GraphicsScene(QGraphicsScene):
        def __getattr__(self, name: str) -> Any: ...

    class GraphicsLayoutWidget(QGraphicsView):
        """pyqtgraph.GraphicsLayoutWidget: the widget the plots live in."""

        def addPlot(self, *args: Any, **kwargs: Any) -> PlotItem: ...  # noqa: N802
        def scene(self) -> GraphicsScene: ...
        def __getattr__(self, name: str) -> Any: ...

    # Items the charts only make and feed: their API is pyqtgraph's, unchecked.
    PlotDataItem: TypeAlias = Any
    ScatterPlotItem: TypeAlias = Any
    BarGraphItem: TypeAlias = Any
    TextItem: TypeAlias = Any
    ImageItem: TypeAlias = Any
    LinearRegionItem: TypeAlias = Any
    ColorMap: TypeAlias = Any

    def mkPen(*args: Any, **kwargs: Any) -> QPen: ...  # noqa: N802
    def mkBrush(*args: Any, **kwargs: Any) -> QBrush: ...  # noqa: N802
    def render_symbol(
        symbol: str, size: float, pen: QPen, brush: QBrush | QColor, dpr: float = 1.0
    ) -> QImage: ...

else:
    _pg = importlib.import_module("pyqtgraph")
    GraphicsObject = _pg.GraphicsObject
    GraphicsWidget = _pg.GraphicsWidget
    AxisItem = _pg.AxisItem
    PlotItem = _pg.PlotItem
    GraphicsScene = _pg.GraphicsScene
    GraphicsLayoutWidget = _pg.GraphicsLayoutWidget
    PlotDataItem = _pg.PlotDataItem
    ScatterPlotItem = _pg.ScatterPlotItem
    BarGraphItem = _pg.BarGraphItem
    TextItem = _pg.TextItem
    ImageItem = _pg.ImageItem
    LinearRegionItem = _pg.LinearRegionItem
    ColorMap = _pg.ColorMap
    mkPen = _pg.mkPen
    mkBrush = _pg.mkBrush

    def render_symbol(symbol, size, pen, brush, dpr=1.0):
        """One marker symbol as an image (pyqtgraph's renderer, as its scatter plots use)."""
        from pyqtgraph.graphicsItems.ScatterPlotItem import renderSymbol

        return renderSymbol(symbol, size, pen, brush, dpr=dpr)

"""A plot title that wraps to the width it is given, for charts with several plots."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneResizeEvent,
    QGraphicsTextItem,
    QSizePolicy,
)

from rlbaby.ui.charts.pgtypes import GraphicsWidget


class PlotTitle(GraphicsWidget):
    """Rich text in a GraphicsLayout cell, wrapped to the cell's width.

    pyqtgraph's own plot title (LabelItem) never wraps, asks for its whole
    text width as its minimum and has a fixed 30 px row: a long title on a
    narrow plot, or at 150 % text, pushes the layout past the window and is
    cut off. This one asks only for its longest word, wraps to the width the
    layout gives it, and takes the height its lines need.
    """

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.item = QGraphicsTextItem(self)
        self.item.document().setDocumentMargin(0)
        self._html = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def plain_text(self) -> str:
        return self.item.toPlainText()

    def set_html(self, html: str) -> None:
        self._html = html
        self.item.setHtml(html)
        self._fit()

    def set_style(self, font: QFont, colour: QColor) -> None:
        self.item.setFont(font)
        self.item.setDefaultTextColor(colour)
        self.item.setHtml(self._html)
        self._fit()

    def text_size(self) -> QSizeF:
        """The size the wrapped text takes (it must fit inside `size()`)."""
        return self.item.boundingRect().size()

    def _longest_word(self) -> float:
        bold = QFont(self.item.font())
        bold.setBold(True)  # a word may be bold; measure it so
        metrics = QFontMetricsF(bold)
        words = self.item.toPlainText().split() or [""]
        return max(metrics.horizontalAdvance(w) for w in words) + 2

    def _fit(self) -> None:
        self.setMinimumWidth(self._longest_word())
        self._wrap()
        self.updateGeometry()

    def _wrap(self) -> None:
        """Wrap to the current width; ask for a new height only when it changed,
        so a resize settles after one more layout pass."""
        self.item.setTextWidth(max(self.size().width(), self.minimumWidth()))
        height = self.item.boundingRect().height()
        if abs(height - self.preferredHeight()) > 0.5:
            self.setMinimumHeight(height)
            self.setPreferredHeight(height)
            self.setMaximumHeight(height)
            self.updateGeometry()

    def resizeEvent(self, event: QGraphicsSceneResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._wrap()

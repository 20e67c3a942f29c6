"""A page canvas: lays blocks top to bottom on a QPdfWriter, breaking pages.

Coordinates are device pixels of the writer (300 dpi); `mm()` and `pt()`
convert. Every page gets the same footer: the statement that this is a
parent's log and not a diagnosis, and "Page n of N".
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

DPI = 300
FOOTER_MM = 12.0


class Fonts:
    """The report's fonts, sized in points for the writer's resolution."""

    def __init__(self) -> None:
        self.body = self._make(9.5)
        self.small = self._make(8.0)
        self.bold = self._make(9.5, bold=True)
        self.small_bold = self._make(8.0, bold=True)
        self.h2 = self._make(12.5, bold=True)
        self.h1 = self._make(17.0, bold=True)

    @staticmethod
    def _make(size: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(["DejaVu Sans", "Helvetica", "Arial", "sans-serif"])
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(size)
        font.setBold(bold)
        return font


class PageCanvas:
    """Flows text, tables and pictures down the pages of one document.

    Args:
        device: the QPdfWriter (or any paged device) to paint on.
        palette: colour tokens (the day theme: print is light).
        footer: the left-hand footer text, shown on every page.
        total_pages: the page count from a first pass, for "Page n of N";
            None during that first pass.
    """

    def __init__(
        self,
        device: QPagedPaintDevice,
        palette: dict[str, str],
        footer: str,
        total_pages: int | None = None,
    ) -> None:
        self.device = device
        self.palette = palette
        self.footer = footer
        self.total_pages = total_pages
        self.fonts = Fonts()
        self.painter = QPainter(device)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.width = float(device.width())
        self.bottom = float(device.height()) - self.mm(FOOTER_MM)
        self.page = 1
        self.y = 0.0

    # --- units and colours ---------------------------------------------------

    @staticmethod
    def mm(value: float) -> float:
        return value * DPI / 25.4

    @staticmethod
    def pt(value: float) -> float:
        return value * DPI / 72.0

    def color(self, token: str) -> QColor:
        return QColor(self.palette[token])

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    # --- pages ---------------------------------------------------------------

    @property
    def space_left(self) -> float:
        return self.bottom - self.y

    def new_page(self) -> None:
        self._draw_footer()
        self.device.newPage()
        self.page += 1
        self.y = 0.0

    def ensure(self, height: float) -> bool:
        """Start a new page unless `height` fits below the cursor; True if it broke."""
        if self.y > 0 and height > self.space_left:
            self.new_page()
            return True
        return False

    def skip(self, height: float) -> None:
        self.y = min(self.y + height, self.bottom)

    def finish(self) -> int:
        """Draw the last footer and close the painter; returns the page count."""
        self._draw_footer()
        self.painter.end()
        return self.page

    def _draw_footer(self) -> None:
        p = self.painter
        top = self.bottom + self.mm(FOOTER_MM) - self.mm(7)
        p.setPen(QPen(self.color("border"), self.pt(0.5)))
        p.drawLine(QPointF(0, top), QPointF(self.width, top))
        p.setFont(self.fonts.small)
        p.setPen(self.color("text_dim"))
        total = f" of {self.total_pages}" if self.total_pages else ""
        right = f"Page {self.page}{total}"
        rw = self.metrics(self.fonts.small).horizontalAdvance(right) + self.mm(2)
        box = QRectF(0, top + self.mm(1.5), self.width - rw - self.mm(4), self.mm(5))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        p.drawText(box, int(flags), self.footer)
        p.drawText(
            QRectF(self.width - rw, top + self.mm(1.5), rw, self.mm(5)),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            right,
        )

    # --- blocks --------------------------------------------------------------

    def text_height(self, text: str, font: QFont, width: float) -> float:
        rect = self.metrics(font).boundingRect(
            QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text
        )
        return rect.height()

    def paragraph(
        self,
        text: str,
        font: QFont | None = None,
        color: str = "text",
        indent: float = 0.0,
        after: float | None = None,
    ) -> None:
        """Wrapped text, broken between lines where a page ends."""
        font = font or self.fonts.body
        width = self.width - indent
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.painter.setPen(self.color(color))
        for part in text.split("\n"):
            layout = QTextLayout(part, font, self.device)
            layout.setTextOption(option)
            layout.beginLayout()
            lines = []
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines.append(line)
            layout.endLayout()
            for line in lines:
                self.ensure(line.height())
                line.setPosition(QPointF(0, 0))
                line.draw(self.painter, QPointF(indent, self.y))
                self.y += line.height()
        self.skip(self.pt(4) if after is None else after)

    def heading(self, text: str, level: int = 2, keep: float | None = None) -> None:
        """A heading kept on one page with at least `keep` of what follows."""
        font = self.fonts.h1 if level == 1 else self.fonts.h2
        height = self.metrics(font).height()
        before = self.pt(10) if self.y > 0 and level > 1 else 0.0
        self.ensure(before + height + (keep if keep is not None else self.pt(60)))
        if self.y > 0:
            self.skip(before)
        self.painter.setFont(font)
        self.painter.setPen(self.color("accent"))
        self.painter.drawText(QPointF(0, self.y + self.metrics(font).ascent()), text)
        self.y += height + self.pt(3)
        self.painter.setFont(self.fonts.body)

    def bullets(self, items: list[str], marker: str = "•", font: QFont | None = None) -> None:
        font = font or self.fonts.body
        indent = self.mm(5)
        for item in items:
            height = self.text_height(item, font, self.width - indent)
            self.ensure(height)
            self.painter.setFont(font)
            self.painter.setPen(self.color("text"))
            self.painter.drawText(QPointF(self.mm(1), self.y + self.metrics(font).ascent()), marker)
            self.painter.drawText(
                QRectF(indent, self.y, self.width - indent, height),
                int(Qt.TextFlag.TextWordWrap),
                item,
            )
            self.y += height + self.pt(2)
        self.skip(self.pt(3))

    def picture(self, image: QImage, height: float, caption: str = "") -> None:
        """An image scaled to the full width and `height`, with a caption above."""
        cap_h = self.text_height(caption, self.fonts.small_bold, self.width) if caption else 0.0
        self.ensure(cap_h + height + self.pt(4))
        if caption:
            self.painter.setFont(self.fonts.small_bold)
            self.painter.setPen(self.color("text"))
            self.painter.drawText(
                QRectF(0, self.y, self.width, cap_h), int(Qt.TextFlag.TextWordWrap), caption
            )
            self.y += cap_h + self.pt(2)
        target = QRectF(0, self.y, self.width, height)
        self.painter.drawImage(target, image)
        self.painter.setPen(QPen(self.color("border"), self.pt(0.5)))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(target)
        self.y += height + self.pt(8)

    def writing_lines(
        self, title: str, lines: int, gap_mm: float = 8.0, fill: bool = False
    ) -> None:
        """A titled space with ruled lines to write on by hand.

        Args:
            lines: how many lines at least (they are kept on one page).
            fill: go on ruling lines down to the foot of the page.
        """
        title_h = self.metrics(self.fonts.bold).height() if title else 0.0
        gap = self.mm(gap_mm)
        self.ensure(title_h + lines * gap + self.pt(4))
        if fill:
            lines = max(lines, int((self.space_left - title_h - self.pt(4)) // gap))
        p = self.painter
        if title:
            p.setFont(self.fonts.bold)
            p.setPen(self.color("text"))
            p.drawText(QPointF(0, self.y + self.metrics(self.fonts.bold).ascent()), title)
            self.y += title_h
        p.setPen(QPen(self.color("border"), self.pt(0.5)))
        for _ in range(lines):
            self.y += gap
            p.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
        self.skip(self.pt(8))

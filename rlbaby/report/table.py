"""Tables that break across pages, repeating their header row on each page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPen

from rlbaby.report.canvas import PageCanvas


@dataclass(frozen=True)
class Column:
    """A column: its header, its share of the page width and its alignment."""

    header: str
    share: float
    right: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Row:
    """A row of cell texts. `tones` colours single cells with a palette token."""

    cells: Sequence[str]
    bold: bool = False
    tones: dict[int, str] = field(default_factory=dict)
    rule_above: bool = False


PAD_MM = 1.2


def draw_table(
    canvas: PageCanvas, columns: Sequence[Column], rows: Sequence[Row], header: bool = True
) -> None:
    """Draw the table at the cursor; rows never split, and a new page repeats the header.

    Args:
        header: False for a plain two-column list of labels and values.
    """
    total = sum(c.share for c in columns)
    widths = [canvas.width * c.share / total for c in columns]
    pad = canvas.mm(PAD_MM)
    fonts = canvas.fonts

    def height(cells: Sequence[str], font: QFont) -> float:
        return (
            max(
                canvas.text_height(text, font, w - 2 * pad)
                for text, w in zip(cells, widths, strict=True)
            )
            + 2 * pad
        )

    head = [c.header for c in columns]
    head_h = height(head, fonts.small_bold) if header else 0.0

    def draw_row(cells: Sequence[str], font: QFont, h: float, row: Row | None, shade: str) -> None:
        p = canvas.painter
        if shade:
            p.fillRect(QRectF(0, canvas.y, canvas.width, h), canvas.color(shade))
        if row is not None and row.rule_above:
            p.setPen(QPen(canvas.color("text_dim"), canvas.pt(0.75)))
            p.drawLine(QPointF(0, canvas.y), QPointF(canvas.width, canvas.y))
        x = 0.0
        for i, (text, w) in enumerate(zip(cells, widths, strict=True)):
            p.setFont(fonts.small_bold if columns[i].bold and row is not None else font)
            tone = row.tones.get(i, "text") if row is not None else "text"
            p.setPen(canvas.color(tone))
            align = Qt.AlignmentFlag.AlignRight if columns[i].right else Qt.AlignmentFlag.AlignLeft
            rect = QRectF(x + pad, canvas.y + pad, w - 2 * pad, h - 2 * pad)
            p.drawText(
                rect, int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text
            )
            x += w
        canvas.y += h
        p.setPen(QPen(canvas.color("border"), canvas.pt(0.4)))
        p.drawLine(QPointF(0, canvas.y), QPointF(canvas.width, canvas.y))

    def draw_header() -> None:
        if header:
            draw_row(head, fonts.small_bold, head_h, None, "surface_alt")

    first_h = height(rows[0].cells, fonts.small) if rows else 0.0
    canvas.ensure(head_h + first_h)
    draw_header()
    for n, row in enumerate(rows):
        font = fonts.small_bold if row.bold else fonts.small
        h = height(row.cells, font)
        if canvas.ensure(h):
            draw_header()
        draw_row(row.cells, font, h, row, "bg" if n % 2 else "")
    canvas.skip(canvas.pt(6))

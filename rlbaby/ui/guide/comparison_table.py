"""The five aspects: Typical | Worth discussing with a doctor | Your log.

A grid of word-wrapped labels rather than a table view: five fixed rows of prose
read better without a view's grid, selection and scrolling. The cell the log
leans to carries `lean="on"`, which the Guide tab's style sheet marks gently.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from rlbaby.analysis.comparison import (
    AspectRow,
)
from rlbaby.analysis.guide_table import (
    ENOUGH_RULE,
    LEAN_WORDS,
    Lean,
)
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.i18n import tr_marked

HEADERS = (
    "",
    QT_TRANSLATE_NOOP("ComparisonTable", "Typical"),
    QT_TRANSLATE_NOOP("ComparisonTable", "Worth discussing with a doctor"),
    QT_TRANSLATE_NOOP("ComparisonTable", "Your log"),
)


def lean_text(row: AspectRow) -> str:
    """The lean in words, then why (for NOT_ENOUGH the why says it all)."""
    if row.lean is Lean.NOT_ENOUGH:
        return row.why
    return f"{tr_marked('Comparison', LEAN_WORDS[row.lean])}. {row.why}"


def _label(text: str = "", role: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if role:
        lab.setProperty("role", role)
    return lab


def _cell(*labels: QLabel) -> QFrame:
    """One cell: a frame, so the leaned-to side can have a background and border."""
    frame = QFrame()
    frame.setProperty("cell", True)
    box = QVBoxLayout(frame)
    box.setContentsMargins(8, 6, 8, 6)
    box.setSpacing(4)
    for lab in labels:
        box.addWidget(lab)
    box.addStretch(1)
    return frame


def _set_property(widget: QWidget, name: str, value: str) -> None:
    """Set a style-sheet property and re-polish (with the labels inside) when it changes."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        for w in (widget, *widget.findChildren(QLabel)):
            w.style().unpolish(w)
            w.style().polish(w)


class ComparisonTable(QWidget):
    """Shows AspectRows; each row's rule is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison_table")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for col, text in enumerate(HEADERS):
            head = _label(self.tr(text) if text else "", "dim")
            head.setObjectName(f"comparison_head_{col}")
            grid.addWidget(head, 0, col)
        for col, stretch in enumerate((2, 3, 3, 5)):
            grid.setColumnStretch(col, stretch)
        self._grid = grid
        self.rows: list[AspectRow] = []
        # Per row: aspect, typical, concerning, your_log, lean (labels) and the two side cells.
        self.labels: list[dict[str, QLabel]] = []
        self.cells: list[dict[str, QFrame]] = []

    def set_rows(self, rows: tuple[AspectRow, ...] | list[AspectRow]) -> None:
        while len(self.labels) < len(rows):
            self._add_row(len(self.labels) + 1)
        for i, row in enumerate(rows):
            labs = self.labels[i]
            labs["aspect"].setText(tr_marked("Comparison", row.aspect))
            labs["typical"].setText(tr_marked("Comparison", row.typical))
            labs["concerning"].setText(tr_marked("Comparison", row.concerning))
            labs["your_log"].setText(row.your_log)
            labs["lean"].setText(lean_text(row))
            # "Not enough logged yet" explains itself once, above the table.
            labs["lean"].setHidden(row.why == ENOUGH_RULE)
            cells = self.cells[i]
            _set_property(cells["typical"], "lean", "on" if row.lean is Lean.TYPICAL else "off")
            _set_property(cells["concerning"], "lean", "on" if row.lean is Lean.DISCUSS else "off")
            _set_property(cells["your_log"], "lean", row.lean.value)
            for w in (*labs.values(), *cells.values()):
                w.setToolTip(self.tr("How this row is read: {rule}").format(rule=row.rule))
        self.rows = list(rows)

    def _add_row(self, r: int) -> None:
        aspect = _label()
        aspect.setProperty("role", "aspect")
        typical, concerning = _label(), _label()
        your_log, lean = _label(), _label(role="dim")
        your_log.setProperty("role", "your_log")
        cells = {
            "aspect": _cell(aspect),
            "typical": _cell(typical),
            "concerning": _cell(concerning),
            "your_log": _cell(your_log, lean),
        }
        for col, cell in enumerate(cells.values()):
            self._grid.addWidget(cell, r, col)
        self.labels.append(
            {
                "aspect": aspect,
                "typical": typical,
                "concerning": concerning,
                "your_log": your_log,
                "lean": lean,
            }
        )
        self.cells.append(cells)

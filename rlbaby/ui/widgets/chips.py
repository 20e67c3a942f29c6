"""Chips: rows of checkable buttons for one annotation field."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from rlbaby.ui.i18n import tr_label

CHECK = "✓ "


def show_checked(button: QPushButton, text: str) -> None:
    """Mark a chosen chip with a check mark, not only a colour (night colours are
    close, and some parents do not see red); keeps the mark in step with the chip."""

    def mark(checked: bool) -> None:
        button.setText(CHECK + text if checked else text)

    button.toggled.connect(mark)
    mark(button.isChecked())


class FlowRow(QWidget):
    """Lays chips out left to right, wrapping onto new rows as width allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QWidget] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def add(self, w: QWidget) -> None:
        w.setParent(self)
        self._items.append(w)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._layout(width, apply=False)

    def sizeHint(self) -> QSize:  # noqa: N802
        from PySide6.QtCore import QSize

        w = sum(i.sizeHint().width() + 6 for i in self._items)
        h = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(min(w, 480), h)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        from PySide6.QtCore import QSize

        w = max((i.sizeHint().width() for i in self._items), default=0)
        return QSize(w, self.heightForWidth(max(w, 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._layout(self.width(), apply=True)
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A chip's text grew (its check mark): lay the row out again, or it is clipped.
        if event.type() == QEvent.Type.LayoutRequest:
            self._layout(self.width(), apply=True)
            self.updateGeometry()
        return super().event(event)

    def _layout(self, width: int, apply: bool) -> int:
        x = y = row_h = 0
        gap = 6
        for w in self._items:
            hint = w.sizeHint()
            if x > 0 and x + hint.width() > width:
                x = 0
                y += row_h + gap
                row_h = 0
            if apply:
                w.setGeometry(x, y, hint.width(), hint.height())
            x += hint.width() + gap
            row_h = max(row_h, hint.height())
        return y + row_h


class ChipGroup(QWidget):
    """Chips for the values of one enum.

    Exclusive groups behave like radio buttons that can be cleared again by
    clicking the chosen chip. Emits the value (exclusive; None when cleared)
    or the frozenset of values (multi).

    Signals:
        changed(object): the new value or set, after a user click.
    """

    changed = Signal(object)

    def __init__(
        self,
        values: Sequence[StrEnum],
        *,
        exclusive: bool,
        tooltips: dict[StrEnum, str] | None = None,
        urgent: frozenset[StrEnum] = frozenset(),
        focusable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exclusive = exclusive
        self.buttons: dict[StrEnum, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.row = FlowRow(self)
        layout.addWidget(self.row)
        for v in values:
            b = QPushButton(tr_label(v))
            b.setCheckable(True)
            b.setProperty("chip", True)
            b.setProperty("urgent", v in urgent)
            b.setObjectName(f"chip_{v.value}")
            if not focusable:
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tip = (tooltips or {}).get(v)
            if tip:
                b.setToolTip(tip)
            b.clicked.connect(lambda checked, value=v: self._on_chip_clicked(value, checked))
            if v in urgent:  # a chosen urgent sign must be unmistakable, not only red
                show_checked(b, tr_label(v))
            self.row.add(b)
            self.buttons[v] = b

    def set_question(self, question: str) -> None:
        """Name each chip with its question ("Stopped when woken: no"), so a screen
        reader never says a bare "yes" or "no"."""
        for v, b in self.buttons.items():
            b.setAccessibleName(f"{question}: {tr_label(v)}")

    def _on_chip_clicked(self, value: StrEnum, checked: bool) -> None:
        if self.exclusive:
            for v, b in self.buttons.items():
                if v is not value:
                    b.setChecked(False)
            self.changed.emit(value if checked else None)
        else:
            self.changed.emit(self.value())

    def value(self) -> StrEnum | frozenset[StrEnum] | None:
        chosen = [v for v, b in self.buttons.items() if b.isChecked()]
        if self.exclusive:
            return chosen[0] if chosen else None
        return frozenset(chosen)

    def set_value(self, value: StrEnum | frozenset[StrEnum] | None) -> None:
        """Show `value` without emitting `changed`."""
        wanted = value if isinstance(value, frozenset) else ({value} if value else set())
        for v, b in self.buttons.items():
            b.setChecked(v in wanted)

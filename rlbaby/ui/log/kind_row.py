"""The row under the tap target: the four kinds (keys 1-4) and Undo.

Its words are the Log tab's (translation context "LogTab").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from rlbaby.model import MovementKind
from rlbaby.ui.i18n import tr_label

KIND_KEYS = (
    (MovementKind.KICK, "1"),
    (MovementKind.JERK, "2"),
    (MovementKind.STRETCH, "3"),
    (MovementKind.STIFFENING, "4"),
)


class KindRow(QHBoxLayout):
    """A layout, not a widget: its buttons sit in the tab's own column.

    Signals:
        kind_chosen(object): a kind's button was clicked (a MovementKind).
    """

    kind_chosen = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.buttons: dict[MovementKind, QPushButton] = {}
        for kind, key in KIND_KEYS:
            b = QPushButton(f"{tr_label(kind).capitalize()}  {key}")
            b.setObjectName(f"kind_{kind.value}")
            b.setProperty("chip", True)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.setToolTip(
                QCoreApplication.translate(
                    "LogTab",
                    "Within 5 s of a tap: that tap was a {kind}. "
                    "Later: log a new {kind}. Key {key}.",
                ).format(kind=tr_label(kind), key=key)
            )
            b.clicked.connect(lambda _c=False, k=kind: self.kind_chosen.emit(k))
            self.addWidget(b)
            self.buttons[kind] = b
        self.addStretch(1)
        self.undo_button = QPushButton(QCoreApplication.translate("LogTab", "Undo  (Ctrl+Z)"))
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.undo_button.setToolTip(
            QCoreApplication.translate(
                "LogTab", "Take back the last change, such as that tap (redo: Ctrl+Shift+Z)"
            )
        )
        self.undo_button.hide()
        self.addWidget(self.undo_button)

    def set_readonly(self, readonly: bool) -> None:
        """Nothing can be logged or undone here (another copy writes)."""
        for b in (*self.buttons.values(), self.undo_button):
            b.setEnabled(not readonly)
        if readonly:
            self.undo_button.hide()

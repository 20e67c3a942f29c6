"""A line that says what went wrong: in the urgent colour, wrapped, and shown
only while it has something to say (an empty error box would look like an error)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class ProblemLine(QLabel):
    """Hidden until `say` gives it a text; `say("")` hides it again."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "urgent")
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

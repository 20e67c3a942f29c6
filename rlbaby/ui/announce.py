"""Tell a screen reader something without moving the keyboard focus.

A saved tap changes only a painted number and a status line, which a screen
reader does not read by itself; an announcement says "Saved 03:07:12" out loud.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget


def announce(source: QWidget, message: str, *, urgent: bool = False) -> None:
    """Post an accessibility announcement of `message` on behalf of `source`.

    Args:
        source: the widget the news is about (its window gets the event).
        message: the words to speak, short and complete.
        urgent: interrupt what the screen reader is saying (red flags only);
            otherwise it waits its turn.
    """
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


class LiveLabel(QLabel):
    """A status line whose every new text is also announced.

    Args:
        urgent: interrupt the screen reader (for "Not saved" errors).
    """

    def __init__(self, parent: QWidget | None = None, *, urgent: bool = False) -> None:
        super().__init__(parent)
        self._urgent = urgent

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        if text:
            announce(self, text, urgent=self._urgent)

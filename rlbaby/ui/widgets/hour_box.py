"""A spin box for a whole hour of the day, shown as the locale writes times."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from rlbaby.ui.locale_format import format_time


def _plain(text: str) -> str:
    """Any space as a plain one (CLDR writes "6:00\u202fPM"), in lower case."""
    return re.sub(r"\s+", " ", text).casefold()


class HourBox(QSpinBox):
    """0-23, shown as "6:00 PM" in en_US and "18:00" in de_DE; a bare number
    typed (0-23) is read too."""

    def __init__(self, value: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 23)
        self.setValue(value)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt's name)
        return format_time(time(value))

    def valueFromText(self, text: str) -> int:  # noqa: N802
        hour = self._hour_of(text)
        return self.value() if hour is None else hour

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._hour_of(text) is not None:
            return QValidator.State.Acceptable, text, pos
        typed = _plain(text).lstrip()
        if any(_plain(self.textFromValue(h)).startswith(typed) for h in range(24)):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def _hour_of(self, text: str) -> int | None:
        typed = _plain(text).strip()
        for hour in range(24):
            if _plain(self.textFromValue(hour)) == typed:
                return hour
        return int(typed) if typed.isdigit() and int(typed) < 24 else None

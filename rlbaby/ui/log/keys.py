"""The Log tab's keys, which act on that tab only (never from History or Charts).

Enter taps wherever the focus is on the tab, Space taps on the target (a
button reached with Tab takes Space itself, a chip in the sheet ticks) · 1-4
kind · E settled · A episode details · S asleep/awake · C next child · N
night/day theme · Escape back to the target. Tab reaches every control; a
click on a button leaves the focus on the target, so Space keeps logging.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

TAP_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def add_shortcuts(tab: QWidget, keys: Iterable[tuple[str, Callable[[], object]]]) -> None:
    """Each key calls its slot while the focus is anywhere on `tab`.

    A shortcut outranks the focused widget, so Enter on a chip or in the note
    still logs; a held key is one movement, not twenty.
    """
    for key, slot in keys:
        sc = QShortcut(QKeySequence(key), tab)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.setAutoRepeat(False)
        sc.activated.connect(slot)


def is_tap(event: QKeyEvent) -> bool:
    """Space or Enter, pressed (a held key repeats nothing)."""
    return event.key() in TAP_KEYS

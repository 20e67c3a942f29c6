"""A dim text caret for the night theme.

Qt paints the caret by inverting the pixels under it, so on a dark field it is a
near-white line. At night `ThemeStyle` makes Qt's caret 0 px wide and this
object draws one instead: a thin bar in the theme's focus colour (QSS
`QFrame#text_caret`), placed over the focused text field at its cursor, and
blinking at the platform's rate.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TextField = QLineEdit | QPlainTextEdit | QTextEdit


class CaretOverlay(QObject):
    """Draws the caret of the focused text field while `enabled` (night)."""

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        # A caret left by an earlier theme manager's overlay. Searched from the
        # windows down, in C++: `allWidgets()` would make a Python wrapper for
        # every widget alive, and one run of the suite crashed (SIGSEGV) inside
        # that loop, in a test session with thousands of widgets.
        for top in app.topLevelWidgets():
            for old in top.findChildren(QFrame, "text_caret"):
                old.hide()
                old.deleteLater()
        self._enabled = False
        self._field: QWidget | None = None
        self.bar: QFrame | None = None
        self._blink = QTimer(self)
        self._blink.timeout.connect(self._on_blink_timeout)
        app.focusChanged.connect(self._on_app_focus_changed)

    def set_enabled(self, on: bool) -> None:
        if on == self._enabled:
            return
        self._enabled = on
        self._detach()
        if on:
            self._attach(self._app.focusWidget())

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._detach()
        if self._enabled:
            self._attach(new)

    def _attach(self, widget: QWidget | None) -> None:
        if not isinstance(widget, TextField) or widget.isReadOnly():
            return
        self._field = widget
        bar = QFrame(widget)
        bar.setObjectName("text_caret")
        bar.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.bar = bar
        for signal in _moves(widget):
            signal.connect(self._on_field_changed)
        widget.destroyed.connect(self._on_field_destroyed)
        widget.installEventFilter(self)
        self._on_field_changed()

    def _detach(self) -> None:
        self._blink.stop()
        field, bar = self._field, self.bar
        self._field = None
        self.bar = None
        if field is not None and shiboken6.isValid(field):
            field.removeEventFilter(self)
            # Exactly the signals _attach connected: a QPlainTextEdit has a
            # selectionChanged too, which was never connected.
            for signal in _moves(field):
                signal.disconnect(self._on_field_changed)
            field.destroyed.disconnect(self._on_field_destroyed)
        if bar is not None and shiboken6.isValid(bar):
            bar.hide()
            bar.deleteLater()

    def _on_field_destroyed(self) -> None:
        self._blink.stop()
        self._field = None
        self.bar = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._field:
            if event.type() in (event.Type.Resize, event.Type.Show):
                self._on_field_changed()
            elif event.type() == event.Type.Paint:
                # A line edit centres its text when it paints, so the cursor's
                # place is only sure afterwards: look again once it has painted.
                QTimer.singleShot(0, self._place)
        return False

    def _place(self) -> None:
        bar = self.bar
        if bar is not None and shiboken6.isValid(bar):
            rect = self.caret_rect()
            if rect != bar.geometry() and not rect.isEmpty():
                bar.setGeometry(rect)

    def caret_rect(self) -> QRect:
        """Where the caret goes, in the field's coordinates (empty: no field)."""
        field, bar = self._field, self.bar
        if field is None or bar is None:
            return QRect()
        at = field.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
        rect = at.toRect() if hasattr(at, "toRect") else QRect(at)
        width = max(2, round(field.fontMetrics().height() / 12))
        # QLineEdit widens its cursor rectangle by 5 px each side; a text edit's
        # is as wide as the caret (0 here): the middle is the caret's place in both.
        x = rect.x() + rect.width() // 2 - width // 2
        rect = QRect(x, rect.y(), width, max(rect.height(), 4))
        return rect.intersected(field.contentsRect())

    def _on_field_changed(self, *_args: object) -> None:
        """The cursor moved or the text changed: show the caret there, restart the blink."""
        bar = self.bar
        if bar is None:
            return
        rect = self.caret_rect()
        bar.setGeometry(rect)
        bar.setVisible(not rect.isEmpty())
        bar.raise_()
        flash = self._app.cursorFlashTime()
        if flash > 0:
            self._blink.start(flash // 2)
        else:
            self._blink.stop()

    def _on_blink_timeout(self) -> None:
        if self.bar is not None and not self.caret_rect().isEmpty():
            self.bar.setVisible(not self.bar.isVisible())


def _moves(field: QWidget) -> list[SignalInstance]:
    """The signals after which the caret of `field` may have moved."""
    if isinstance(field, QLineEdit):
        return [field.cursorPositionChanged, field.textChanged, field.selectionChanged]
    assert isinstance(field, QPlainTextEdit | QTextEdit)
    return [
        field.cursorPositionChanged,
        field.textChanged,
        field.verticalScrollBar().valueChanged,
        field.horizontalScrollBar().valueChanged,
    ]

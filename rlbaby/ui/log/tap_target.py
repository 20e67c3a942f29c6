"""The huge tap target: one click, Space or Enter logs a movement.

Its bottom line always says so (`keys_hint()`): a parent woken at 3 a.m. should not
have to remember which key works.

Feedback is a slow, dim ring that fades (no flash, no brightness jump).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from rlbaby.ui.theme import ThemeManager


class TapTarget(QAbstractButton):
    """Most of the window; emits `tapped` on press (not release: the instant matters).

    A button, so screen readers call it one; its own click signals (on release)
    are not used.

    Signals:
        tapped(): the parent saw a movement.
    """

    tapped = Signal()

    def __init__(self, theme: ThemeManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._pressed = False
        self._pulse = 0.0
        self.headline = self.tr("Tap")
        self.detail = ""
        self.hint = self.keys_hint()
        self.setObjectName("tap_target")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self.setAccessibleName(self.tr("Log a movement"))
        self.setAccessibleDescription(self.tr("Logs one movement now. Space, Enter or a click."))
        self.setToolTip(self.tr("Log one movement now (Space, Enter or click)"))
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(1.0)
        self._anim.setEndValue(0.0)
        self._anim.setDuration(600)
        self._anim.valueChanged.connect(self._on_anim_value)
        theme.theme_changed.connect(lambda _name: self.update())

    def keys_hint(self) -> str:
        """The foot line: which keys log a movement."""
        return self.tr("Space or Enter: log a movement")

    def set_readonly(self, readonly: bool) -> None:
        """Another copy logs to this folder: no taps here, and the words say why.

        Words of the Log tab's (translation context "LogTab"), which set them
        before the target did.
        """
        self.setEnabled(not readonly)
        if readonly:
            self.setToolTip(
                QCoreApplication.translate(
                    "LogTab", "Read-only: another copy of rlbaby is logging to this folder"
                )
            )
        # The foot line invites a key that does nothing here: say where logging happens.
        self.hint = (
            QCoreApplication.translate("LogTab", "Log in the other copy of rlbaby")
            if readonly
            else self.keys_hint()
        )
        self.update()

    def set_text(self, headline: str, detail: str) -> None:
        self.headline, self.detail = headline, detail
        self.update()

    def pulse(self) -> None:
        """Confirm a saved tap: a dim ring fades out over 0.6 s."""
        self._anim.stop()
        self._anim.start()

    @property
    def pulsing(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def _on_anim_value(self, value: object) -> None:
        self._pulse = float(value)  # type: ignore[arg-type]
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = True
            self.setFocus()
            self.update()
            self.tapped.emit()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._pressed = False
        self.update()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.isAutoRepeat():
                self.tapped.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = self._theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        painter.setPen(QPen(QColor(p["focus"] if self.hasFocus() else p["border"]), 2))
        painter.setBrush(QColor(p["tap_pressed"] if self._pressed else p["tap"]))
        painter.drawRoundedRect(rect, 18, 18)
        if self._pulse > 0:
            ring = QColor(p["pulse"])
            ring.setAlphaF(0.7 * self._pulse)
            grow = 10 * (1 - self._pulse)
            painter.setPen(QPen(ring, 6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(8 - grow, 8 - grow, grow - 8, grow - 8), 16, 16)
        painter.setPen(QColor(p["tap_text"]))
        base = self.font()
        big = QFont(base)
        big.setPointSizeF(max(base.pointSizeF(), 9.0) * 3.2)
        painter.setFont(big)
        upper = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.62)
        painter.drawText(
            upper, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.headline
        )
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.3)
        painter.setFont(small)
        painter.setPen(QColor(p["text_dim"]))
        lower = QRectF(
            rect.left(), rect.top() + rect.height() * 0.64, rect.width(), rect.height() * 0.3
        )
        painter.drawText(
            lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.detail
        )
        painter.setFont(base)
        foot = rect.adjusted(12, 0, -12, -10)
        painter.drawText(
            foot, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.hint
        )
        painter.end()

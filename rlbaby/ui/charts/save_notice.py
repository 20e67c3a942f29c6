"""A line under the charts that says where a picture or table was saved, or why not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from rlbaby.store.errors import why

SAVED_SHOWN_MS = 20_000  # long enough to read a path; an error stays until the next save


class SaveNotice(QLabel):
    """Hidden until a save: then "Picture saved to /path" or, on failure, the
    reason in words and what to do, in the theme's urgent colour."""

    def __init__(self, palette: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("charts_notice")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold "<" or "&"
        self.failed = False
        self._palette = dict(palette)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVED_SHOWN_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.hide()

    def saved(self, what: str, path: Path) -> None:
        """Say that `what` ("Picture", "Numbers", already translated) is in `path`."""
        self.failed = False
        self._show(self.tr("{what} saved to {path}").format(what=what, path=path))
        self._timer.start()

    def not_saved(self, what: str, path: Path, error: OSError) -> None:
        """Say that `what` could not be saved to `path`, why, and what to try."""
        self.failed = True
        reason = why(error) if error.errno else str(error)
        self._show(
            self.tr(
                "{what} not saved to {path}: {reason}. Try again, or choose another folder."
            ).format(what=what, path=path, reason=reason)
        )
        self._timer.stop()

    def clear(self) -> None:
        self.failed = False
        self._timer.stop()
        self.setText("")
        self.hide()

    def apply_palette(self, palette: dict[str, str]) -> None:
        self._palette = dict(palette)
        self._restyle()

    def _show(self, text: str) -> None:
        self.setText(text)
        self._restyle()
        self.show()

    def _restyle(self) -> None:
        token = "urgent" if self.failed else "text"
        weight = "bold" if self.failed else "normal"
        self.setStyleSheet(f"color: {self._palette[token]}; font-weight: {weight};")

    def _on_timer_timeout(self) -> None:
        if not self.failed:
            self.clear()

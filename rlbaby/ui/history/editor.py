"""What the History side-panel editors share: the message line, saving a change
through the service with one error path, and Escape back to the list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from rlbaby.model import Clock, Episode, Movement, SleepPeriod
from rlbaby.services import LoggerService
from rlbaby.store import StoreError

# One kind at a time, as the service's update takes them.
Edited = TypeVar("Edited", Movement, Episode, SleepPeriod)


def live(record: Edited | None) -> Edited | None:
    """The stored record an editor shows: None once it is gone (or was never there)."""
    return None if record is None or record.deleted_ms is not None else record


class HistoryEditor(QWidget):
    """Base of the movement, sleep and episode editors.

    Signals:
        save_failed(str): the store refused a change (message for the parent).
        done(): Escape: the parent wants to go back to the list.
    """

    save_failed = Signal(str)
    done = Signal()

    def __init__(
        self, service: LoggerService, clock: Clock, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"history_{name}_editor")
        self._service = service
        self._clock = clock
        self.message = QLabel()
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        self.message.hide()

    def _lay_out(self, heading: QLabel, rows: list[tuple[str, QWidget]], hint: str) -> None:
        """The heading, the fields as a form, the message line and a dim hint."""
        note = QLabel(hint)
        note.setProperty("role", "dim")
        note.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field in rows:
            form.addRow(text, field)
        # A heading such as "Asleep Mon 19:49 · 6 h 07 min" in big text is wider
        # than the side panel at 150 % text: it wraps rather than being cut off.
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addStretch(1)

    def refresh(self, force: bool = False) -> None:
        """Show the stored values again (subclasses)."""
        raise NotImplementedError

    def _set_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("role", "urgent" if error else "dim")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _refuse(self, exc: Exception) -> bool:
        """A typed value could not be read: say why, save nothing."""
        self._set_message(self.tr("Not saved. {reason}").format(reason=exc), error=True)
        return False

    def _save(self, record: Edited, changes: Mapping[str, object], saved_text: str = "") -> bool:
        """Save `changes` to `record` through the service (undoable, durable).

        Returns False when the store refused; the fields then show the stored values.
        """
        try:
            self._service.update(record, None, **changes)  # None: the default step name
        except StoreError as exc:
            message = self.tr("Not saved. {reason}").format(reason=exc)
            self._set_message(message, error=True)
            self.save_failed.emit(message)
            self.refresh(force=True)
            return False
        self._set_message(saved_text or self.tr("Saved."), error=False)
        self.refresh(force=True)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.refresh(force=True)
            self.done.emit()
            event.accept()
            return
        super().keyPressEvent(event)

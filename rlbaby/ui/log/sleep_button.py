"""The Log tab's asleep/awake button: S or a click marks when the baby falls asleep and wakes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from rlbaby.store import StoreError
from rlbaby.ui.context import UiContext
from rlbaby.ui.locale_format import format_time


class SleepButton(QPushButton):
    """Checked while the selected child sleeps; its text says since when.

    The tab calls `toggle_sleep()` on a click or S.

    Its words are the Log tab's (translation context "LogTab"), as before it
    had a file of its own.

    Signals:
        said(str): what a toggle did, for the tab's status line.
        failed(str): a toggle could not be saved (message for the parent).
    """

    said = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sleep_toggle")
        self._ctx = ctx
        self.readonly = False
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setToolTip(
            QCoreApplication.translate("LogTab", "Mark when the baby falls asleep and wakes (S)")
        )

    def toggle_sleep(self) -> None:
        """Asleep now, or awake now; a second press within seconds cancels the mark."""
        cid = self._ctx.selection.child_id
        if not cid:
            return
        try:
            period = self._ctx.service.toggle_sleep(cid)
        except StoreError as exc:
            self.failed.emit(
                QCoreApplication.translate("LogTab", "Not saved. {reason}").format(reason=exc)
            )
            self.refresh()
            return
        if period.deleted_ms is not None:
            self.said.emit(
                QCoreApplication.translate(
                    "LogTab", "Asleep mark of {time} cancelled (S pressed twice)."
                ).format(time=format_time(period.asleep))
            )
        else:
            when = period.awake or period.asleep
            word = (
                QCoreApplication.translate("LogTab", "Awake at {time}")
                if period.awake
                else QCoreApplication.translate("LogTab", "Asleep at {time}")
            )
            self.said.emit(word.format(time=format_time(when)))
        self.refresh()

    def set_readonly(self, readonly: bool) -> None:
        self.readonly = readonly
        self.refresh()

    def refresh(self) -> None:
        """Show the selected child's sleep state."""
        cid = self._ctx.selection.child_id
        current = self._ctx.service.current_sleep(cid) if cid else None
        self.setChecked(current is not None)
        self.setEnabled(bool(cid) and not self.readonly)
        if current is not None:
            self.setText(
                QCoreApplication.translate("LogTab", "Asleep since {time} · S = awake").format(
                    time=format_time(current.asleep)
                )
            )
        else:
            self.setText(QCoreApplication.translate("LogTab", "Awake · S = asleep"))

"""Edit one sleep period: its Asleep and Awake marks.

Both fields are read together on every commit, so moving a whole period later
works in either order: a first commit that would put Awake before Asleep is
refused with a message, and the second one saves both.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from rlbaby.model import Clock, SleepPeriod, night_of
from rlbaby.services import LoggerService
from rlbaby.services.history import (
    TIME_HELP,
    check_not_future,
    check_sleep,
    parse_local,
)
from rlbaby.ui.history.editor import HistoryEditor, live
from rlbaby.ui.i18n import tr_marked
from rlbaby.ui.locale_format import LocaleDates, format_editable, format_weekday_time
from rlbaby.wording import duration


class HistorySleepEditor(HistoryEditor):
    """The side panel for a sleep-period row (signals: see HistoryEditor)."""

    def __init__(self, service: LoggerService, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(service, clock, "sleep", parent)
        self.period_id: str | None = None
        self.heading = QLabel(self.tr("Asleep"))
        self.heading.setProperty("role", "big")
        self.asleep_edit = QLineEdit()
        self.asleep_edit.setObjectName("sleep_asleep")
        self.asleep_edit.setToolTip(
            self.tr("When the baby fell asleep.") + " " + tr_marked("History", TIME_HELP)
        )
        self.awake_edit = QLineEdit()
        self.awake_edit.setObjectName("sleep_awake")
        self.awake_edit.setPlaceholderText(self.tr("still asleep (no Awake mark)"))
        self.awake_edit.setToolTip(
            self.tr("When the baby woke. Leave empty if not marked.")
            + " "
            + tr_marked("History", TIME_HELP)
        )
        for edit in (self.asleep_edit, self.awake_edit):
            edit.editingFinished.connect(self._on_edit_editing_finished)
        self._lay_out(
            self.heading,
            [(self.tr("Asleep"), self.asleep_edit), (self.tr("Awake"), self.awake_edit)],
            self.tr(
                "A bare time like 23:40 stays in this night. Changes are saved as you make "
                "them. Escape goes back to the list."
            ),
        )

    def show_period(self, period_id: str) -> None:
        self.period_id = period_id
        self._set_message("", error=False)
        self.refresh(force=True)

    def _period(self) -> SleepPeriod | None:
        if self.period_id is None:
            return None
        return live(self._service.store.sleep_period(self.period_id))

    def refresh(self, force: bool = False) -> None:
        p = self._period()
        if p is None:
            return
        length = f" · {duration(p.awake.utc_ms - p.asleep.utc_ms)}" if p.awake else ""
        self.heading.setText(
            self.tr("Asleep {time}").format(time=format_weekday_time(p.asleep)) + length
        )
        if force or not self.asleep_edit.hasFocus():
            self.asleep_edit.setText(format_editable(p.asleep))
        if force or not self.awake_edit.hasFocus():
            self.awake_edit.setText(format_editable(p.awake) if p.awake else "")

    def focus_first(self) -> None:
        self.asleep_edit.setFocus()
        self.asleep_edit.selectAll()

    def commit(self) -> bool:
        """Save both marks as typed. Returns False when nothing could be saved."""
        p = self._period()
        if p is None:
            return False
        start_hour = self._service.store.settings.night_start_hour
        night = night_of(p.asleep, start_hour)
        now_ms = self._clock().utc_ms
        try:
            asleep = parse_local(
                self.asleep_edit.text(),
                night=night,
                start_hour=start_hour,
                offset_min=p.asleep.offset_min,
            )
            check_not_future(asleep, now_ms, "Asleep")
            awake = None
            if self.awake_edit.text().strip():
                awake = parse_local(
                    self.awake_edit.text(),
                    night=night,
                    start_hour=start_hour,
                    offset_min=p.awake.offset_min if p.awake else None,
                )
                check_not_future(awake, now_ms, "Awake")
            check_sleep(asleep, awake, LocaleDates())
        except ValueError as exc:
            return self._refuse(exc)
        if asleep == p.asleep and awake == p.awake:
            return True
        return self._save(p, {"asleep": asleep, "awake": awake})

    def _on_edit_editing_finished(self) -> None:
        self.commit()

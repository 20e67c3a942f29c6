"""Edit one past episode: when it settled, and every annotation.

The annotations are the Log tab's own episode sheet (the same chips, saved the
moment they change). The episode's start and end come from its movements, so
only the Settled mark is a time of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from rlbaby.model import Clock, Episode, night_of
from rlbaby.services import LoggerService
from rlbaby.services.history import TIME_HELP, check_not_future, parse_local
from rlbaby.ui.history.editor import HistoryEditor, live
from rlbaby.ui.i18n import tr_marked
from rlbaby.ui.locale_format import format_editable
from rlbaby.ui.log.episode_sheet import EpisodeSheet


class HistoryEpisodeEditor(HistoryEditor):
    """The side panel for an episode row (save_failed and done: see HistoryEditor).

    Signals:
        red_flag_raised(object): a change raised red flags (a tuple of RedFlag).
        guide_requested(str): a "?" asked for this guide section.
    """

    red_flag_raised = Signal(object)
    guide_requested = Signal(str)

    def __init__(self, service: LoggerService, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(service, clock, "episode", parent)
        self.episode_id: str | None = None
        self.settled_edit = QLineEdit()
        self.settled_edit.setObjectName("episode_settled")
        self.settled_edit.setPlaceholderText(self.tr("not marked"))
        self.settled_edit.setToolTip(
            self.tr("When the baby settled. Leave empty if you did not mark it.")
            + " "
            + tr_marked("History", TIME_HELP)
        )
        self.settled_edit.editingFinished.connect(self._on_settled_edit_editing_finished)
        form = QFormLayout()
        form.setContentsMargins(8, 0, 8, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Settled"), self.settled_edit)
        self.sheet = EpisodeSheet(service)
        self.sheet.save_failed.connect(self.save_failed)
        self.sheet.red_flag_raised.connect(self.red_flag_raised)
        self.sheet.guide_requested.connect(self.guide_requested)
        self.sheet.closed.connect(self._on_sheet_closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.sheet, 1)

    def show_episode(self, episode_id: str) -> None:
        self.episode_id = episode_id
        self._set_message("", error=False)
        self.sheet.show_episode(episode_id)
        self.sheet.show()  # its Close button hides it
        self.refresh(force=True)

    def _episode(self) -> Episode | None:
        if self.episode_id is None:
            return None
        return live(self._service.store.episode(self.episode_id))

    def refresh(self, force: bool = False) -> None:
        ep = self._episode()
        if ep is None:
            return
        if force or not self.settled_edit.hasFocus():
            self.settled_edit.setText(format_editable(ep.settled) if ep.settled else "")
        if self.sheet.isVisible() or force:
            self.sheet.refresh()

    def focus_first(self) -> None:
        self.settled_edit.setFocus()
        self.settled_edit.selectAll()

    def commit(self) -> bool:
        """Save the Settled mark as typed. Returns False when nothing could be saved."""
        ep = self._episode()
        if ep is None:
            return False
        text = self.settled_edit.text().strip()
        settled = None
        if text:
            start_hour = self._service.store.settings.night_start_hour
            times = self._service.episode_movements(ep.id)
            start_ms = int(times[0]) if len(times) else ep.opened.utc_ms
            try:
                settled = parse_local(
                    text,
                    night=night_of(ep.opened, start_hour),
                    start_hour=start_hour,
                    offset_min=(ep.settled or ep.opened).offset_min,
                )
                check_not_future(settled, self._clock().utc_ms, "Settled")
                if settled.utc_ms < start_ms:
                    raise ValueError(
                        self.tr("Settled must not be before the episode's first movement.")
                    )
            except ValueError as exc:
                return self._refuse(exc)
        if settled == ep.settled:
            self._set_message("", error=False)
            return True
        return self._save(ep, {"settled": settled})

    def _on_settled_edit_editing_finished(self) -> None:
        self.commit()

    def _on_sheet_closed(self) -> None:
        self.done.emit()

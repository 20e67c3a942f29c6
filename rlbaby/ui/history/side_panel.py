"""The History tab's side panel: a hint, or the editor of the picked row.

Its texts keep the "HistoryTab" translation context they were written in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from rlbaby.model import Clock, Movement
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.services import LoggerService
from rlbaby.services.history import EpisodeItem, NightItem, SleepItem
from rlbaby.ui.history.episode_editor import HistoryEpisodeEditor
from rlbaby.ui.history.model import Payload
from rlbaby.ui.history.movement_editor import HistoryMovementEditor
from rlbaby.ui.history.sleep_editor import HistorySleepEditor
from rlbaby.ui.i18n import Plurals
from rlbaby.ui.locale_format import format_date

HINT = QT_TRANSLATE_NOOP(
    "HistoryTab",
    "Pick a row to change it.\n\n"
    "Enter: edit the row\n"
    "Delete: delete it (you can undo)\n"
    "Insert: add something you did not log at the time\n"
    "Escape: back to the list",
)
READONLY_HINT = QT_TRANSLATE_NOOP(
    "HistoryTab",
    "Pick a row to see it.\n\n"
    "Another copy of rlbaby is logging to this folder, so nothing can be changed "
    "here. Make changes in that copy; this list follows it.",
)


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("HistoryTab", ...) above."""
    return QCoreApplication.translate("HistoryTab", text)


class HistorySidePanel(QStackedWidget):
    """The hint (with a night's figures when a night is picked), or the
    movement, sleep or episode editor.

    Signals:
        guide_requested(str): a "?" in the episode sheet asked for this guide section.
        red_flag_raised(object): a tuple of RedFlag noted in an editor.
        save_failed(str): the store refused a change (message for the tab).
        done(): Escape or the sheet's Close: back to the list.
    """

    guide_requested = Signal(str)
    red_flag_raised = Signal(object)
    save_failed = Signal(str)
    done = Signal()

    def __init__(self, service: LoggerService, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_side")
        self._clock = clock
        self._hint = _tr(HINT)  # READONLY_HINT when another copy writes
        self.hint = QLabel(self._hint)
        self.hint.setObjectName("history_hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setMargin(12)
        self.movement_editor = HistoryMovementEditor(service, clock)
        self.sleep_editor = HistorySleepEditor(service, clock)
        self.episode_editor = HistoryEpisodeEditor(service, clock)
        self.episode_editor.guide_requested.connect(self.guide_requested)
        self.episode_editor.red_flag_raised.connect(self.red_flag_raised)
        self.movement_editor.red_flag_raised.connect(self.red_flag_raised)
        for editor in self.editors():
            editor.save_failed.connect(self.save_failed)
        self.movement_editor.done.connect(self.done)
        self.sleep_editor.done.connect(self.done)
        self.episode_editor.done.connect(self._on_episode_editor_done)
        for page in (self.hint, *self.editors()):
            self.addWidget(page)
        self.setMinimumWidth(300)

    def editors(self) -> tuple[HistoryMovementEditor, HistorySleepEditor, HistoryEpisodeEditor]:
        return (self.movement_editor, self.sleep_editor, self.episode_editor)

    def set_readonly(self, readonly: bool) -> None:
        """Looking is fine, changing is not: the editors go grey, the hint says why."""
        for editor in self.editors():
            editor.setEnabled(not readonly)
        self._hint = _tr(READONLY_HINT if readonly else HINT)
        self.hint.setText(self._hint)

    def show_payload(self, payload: Payload | None) -> None:
        """Show the editor for this row, or the hint (a night's figures for a night)."""
        if isinstance(payload, Movement):
            self.movement_editor.show_movement(payload.id)
            self.setCurrentWidget(self.movement_editor)
        elif isinstance(payload, SleepItem):
            self.sleep_editor.show_period(payload.period.id)
            self.setCurrentWidget(self.sleep_editor)
        elif isinstance(payload, EpisodeItem):
            self.episode_editor.show_episode(payload.episode.id)
            self.setCurrentWidget(self.episode_editor)
        else:
            self.hint.setText(
                self._night_hint(payload) if isinstance(payload, NightItem) else self._hint
            )
            self.setCurrentWidget(self.hint)

    def refresh_editor(self) -> bool:
        """Show the stored values again in the editor shown. False when the hint is shown."""
        page = self.currentWidget()
        for editor in self.editors():
            if page is editor:
                editor.refresh()
                return True
        return False

    def focus_editor(self) -> None:
        """Move into the first field of the editor shown (none for the hint)."""
        page = self.currentWidget()
        for editor in self.editors():
            if page is editor:
                editor.focus_first()

    def _night_hint(self, night: NightItem) -> str:
        hours = night.sleep_hours(self._clock().utc_ms)
        # Literal translate() calls, so that pyside6-lupdate finds the texts.
        sleep = (
            QCoreApplication.translate("HistoryTab", ", {hours} h asleep").format(
                hours=f"{hours:.1f}"
            )
            if night.sleeps
            else QCoreApplication.translate("HistoryTab", ", no sleep marks")
        )
        plurals = Plurals()
        return (
            QCoreApplication.translate(
                "HistoryTab", "Night of {date}: {movements} in {episodes}"
            ).format(
                date=format_date(night.night, long=True),
                movements=plurals.movements(night.movement_count),
                episodes=plurals.episodes(len(night.episodes)),
            )
            + f"{sleep}.\n\n"
            + self._hint
        )

    def _on_episode_editor_done(self) -> None:
        if not self.episode_editor.sheet.isVisible():
            self.setCurrentWidget(self.hint)  # the sheet's Close: put the panel away
        self.done.emit()

"""The Log tab's side: the live episode panel, or the episode's details sheet in its place.

The sheet (forty-odd chips) is built the first time it is asked for, or when
the app is idle after the window is shown (`LogTab.finish_building`): the
window must be on screen at once at 3 a.m., and the sheet is only needed after
an episode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from rlbaby.services import LoggerService
from rlbaby.ui.log.episode_panel import EpisodePanel

if TYPE_CHECKING:
    from rlbaby.ui.log.episode_sheet import EpisodeSheet


class EpisodeSide(QStackedWidget):
    """The panel, or the sheet in its place.

    Signals (the sheet's, passed on; the sheet may not exist yet when they
    are connected):
        red_flag_raised(object): see EpisodeSheet.
        guide_requested(str): see EpisodeSheet.
        closed(): see EpisodeSheet.
        save_failed(str): see EpisodeSheet.
        sheet_built(): the sheet now exists (its controls join the Tab order).
    """

    red_flag_raised = Signal(object)
    guide_requested = Signal(str)
    closed = Signal()
    save_failed = Signal(str)
    sheet_built = Signal()

    def __init__(self, service: LoggerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._sheet: EpisodeSheet | None = None
        self._readonly = False
        self.panel = EpisodePanel()
        self.addWidget(self.panel)
        self.setMinimumWidth(300)
        self.setMaximumWidth(460)

    @property
    def built(self) -> bool:
        """Whether the sheet exists yet."""
        return self._sheet is not None

    @property
    def sheet(self) -> EpisodeSheet:
        """The details sheet, built on first use."""
        if self._sheet is None:
            from rlbaby.ui.log.episode_sheet import EpisodeSheet  # its chips too: not at start

            sheet = EpisodeSheet(self._service)
            sheet.red_flag_raised.connect(self.red_flag_raised)
            sheet.guide_requested.connect(self.guide_requested)
            sheet.closed.connect(self.closed)
            sheet.save_failed.connect(self.save_failed)
            sheet.setEnabled(not self._readonly)
            self.addWidget(sheet)
            self._sheet = sheet
            self.sheet_built.emit()
        return self._sheet

    @property
    def sheet_shown(self) -> bool:
        return self._sheet is not None and self.currentWidget() is self._sheet

    @property
    def tab_chain(self) -> list[QWidget]:
        """The controls Tab visits here, in order (the sheet's once it exists)."""
        chain: list[QWidget] = [self.panel.settle, self.panel.annotate]
        if self._sheet is not None:
            chain += self._sheet.tab_chain
        return chain

    def show_sheet(self, episode_id: str) -> None:
        sheet = self.sheet
        sheet.show_episode(episode_id)
        self.setCurrentWidget(sheet)
        sheet.show()

    def show_panel(self) -> None:
        """Back to the panel; the sheet, if any, is hidden without saving (see close_sheet)."""
        if self._sheet is not None:
            self._sheet.hide()
        self.setCurrentWidget(self.panel)

    def close_sheet(self) -> None:
        """Save the sheet's note, then back to the panel (through `closed`)."""
        if self._sheet is not None:
            self._sheet.close_sheet()

    def refresh_sheet(self) -> None:
        """Re-read the shown sheet's episode (the records changed)."""
        if self._sheet is not None and self._sheet.isVisible():
            self._sheet.refresh()

    def flush_note(self) -> None:
        """Save a note still being typed."""
        if self._sheet is not None:
            self._sheet.flush_note()

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self.panel.annotate.setEnabled(not readonly)
        if self._sheet is not None:
            self._sheet.setEnabled(not readonly)
        if readonly:
            self.show_panel()

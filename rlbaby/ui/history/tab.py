"""The History tab: past nights, their episodes, sleep periods and movements.

Pick a row to change it in the side panel; every change is saved at once
through the service. Keys on the list: Enter edits, Delete deletes (with an
Undo line, and Ctrl+Z), Insert adds something that was not logged at the time.

The tree follows the service's events without a restart. A tap or an edit
rebuilds only the night it touches; while the tab is hidden, touched nights are
only noted and rebuilt when it is shown again, so the tap path stays short.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from rlbaby.model import Child, Movement, MovementKind, RedFlag, night_of
from rlbaby.services import MovementRecorded, RecordsChanged
from rlbaby.services.history import NightItem, build_night, build_nights, with_movement
from rlbaby.store import StoreError
from rlbaby.ui.context import UiContext
from rlbaby.ui.emergency import shown_emergency_number
from rlbaby.ui.history.actions import (
    HistoryRecord,
    delete_record,
    describe,
    save_forgotten,
    start_text,
    starts_at,
)
from rlbaby.ui.history.add_dialog import AddRequest, AddWhat, HistoryAddDialog
from rlbaby.ui.history.error_line import HistoryErrorLine
from rlbaby.ui.history.filter_bar import HistoryFilterBar
from rlbaby.ui.history.model import HistoryModel
from rlbaby.ui.history.side_panel import HistorySidePanel
from rlbaby.ui.history.tree import HistoryTree
from rlbaby.ui.history.undo_bar import HistoryUndoBar
from rlbaby.ui.i18n import tr_label
from rlbaby.ui.locale_format import format_date, format_day_month, format_weekday_time


class HistoryTab(QWidget):
    """Signals:
    guide_requested(str): a "?" in the episode sheet asked for this guide section.
    """

    guide_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_tab")
        self._ctx = ctx
        self._dirty: set[date] = set()
        self._loaded_once = False

        self.filters = HistoryFilterBar(ctx.store, ctx.selection, self._tonight)
        self.add_button = QPushButton(self.tr("Add forgotten…"))
        self.add_button.setObjectName("history_add")
        self.add_button.setToolTip(
            self.tr(
                "Add a movement, an episode or a sleep period you did not log at the time (Insert)"
            )
        )
        # Not connected directly: clicked(bool) would arrive as `what` (KeyError: False).
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("history_delete")
        self.delete_button.setToolTip(self.tr("Delete the selected row (Delete). You can undo it."))
        self.delete_button.clicked.connect(self.delete_selected)
        self.error = HistoryErrorLine()
        self.undo_bar = HistoryUndoBar()
        self.undo_bar.undo_clicked.connect(self._on_undo_bar_undo_clicked)
        self.status = QLabel()
        self.status.setObjectName("history_status")
        self.status.setProperty("role", "dim")
        self.status.setWordWrap(True)

        self.model = HistoryModel(now_ms=lambda: ctx.clock().utc_ms, parent=self)
        self.tree = HistoryTree(self.model)
        self.tree.delete_requested.connect(self.delete_selected)
        self.tree.edit_requested.connect(self.edit_selected)
        self.tree.selectionModel().currentRowChanged.connect(self._on_tree_current_row_changed)

        self.side = HistorySidePanel(ctx.service, ctx.clock)
        self.side.guide_requested.connect(self.guide_requested)
        self.side.red_flag_raised.connect(self._on_side_red_flag_raised)
        self.side.save_failed.connect(self.show_error)
        self.side.done.connect(self._on_side_done)
        # The panel's pages by name, for the main window, the read-only guard and tests.
        self.hint = self.side.hint
        self.movement_editor = self.side.movement_editor
        self.sleep_editor = self.side.sleep_editor
        self.episode_editor = self.side.episode_editor

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])

        top = QHBoxLayout()
        top.addWidget(self.filters)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.error)
        root.addWidget(self.undo_bar)
        root.addWidget(self.splitter, 1)
        root.addWidget(self.status)

        if ctx.store.readonly:
            self.set_readonly(True)
        self.filters.changed.connect(self._on_filters_changed)
        ctx.bridge.movement_recorded.connect(self._on_bridge_movement_recorded)
        ctx.bridge.records_changed.connect(self._on_bridge_records_changed)
        ctx.bridge.data_replaced.connect(self._on_bridge_data_replaced)
        # New night hours or emergency number change what every row shows.
        ctx.bridge.settings_changed.connect(self._on_bridge_data_replaced)
        ctx.theme.theme_changed.connect(self._on_theme_theme_changed)
        self.reload()

    def set_readonly(self, readonly: bool) -> None:
        """Another copy writes to this folder: looking is fine, changing is not."""
        for w in (self.add_button, self.delete_button):
            w.setEnabled(not readonly)
        self.side.set_readonly(readonly)
        if readonly:
            self.undo_bar.withdraw()

    def _on_theme_theme_changed(self, _name: str) -> None:
        self.tree.fit_columns()  # the text size may have changed with it

    # --- loading -------------------------------------------------------------------

    def _tonight(self) -> date:
        return night_of(self._ctx.clock(), self._ctx.store.settings.night_start_hour)

    def reload(self) -> None:
        """Rebuild the whole list (filter change, restore, import, settings)."""
        expanded = self.tree.expanded_keys()
        current = self.model.key(self.tree.currentIndex())
        cid = self.filters.child_id
        first, last = self.filters.nights
        nights = build_nights(self._ctx.store, cid, first, last) if cid else []
        self.model.set_nights(nights)
        self._dirty.clear()
        if not self._loaded_once and nights:
            expanded.add(nights[0].key)  # the newest night opens by itself the first time
            self._loaded_once = True
        self.tree.expand_keys(expanded)
        if current is not None:
            self.select_key(current)
        self._update_status()

    def refresh_nights(self, nights: set[date]) -> None:
        """Rebuild only these nights of the listed child (the cheap path)."""
        if not nights:
            return
        if not self.isVisible():
            self._dirty |= nights
            return
        newest = max(nights)
        first, last = self.filters.nights
        if newest > last and self.filters.include_night(newest):
            return  # the range grew, which reloaded everything
        cid = self.filters.child_id
        for night in sorted(nights):
            if first <= night <= self.filters.nights[1]:
                self.model.replace_night(night, build_night(self._ctx.store, cid, night))
        self._update_status()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            dirty, self._dirty = self._dirty, set()
            self.refresh_nights(dirty)
            self._refresh_editor()

    def _update_status(self) -> None:
        n = self.model.rowCount()
        first, last = self.filters.nights
        name = self.filters.child.currentText()
        readonly = (
            self.tr(" Read-only: another copy of rlbaby is writing.")
            if self._ctx.store.readonly
            else ""
        )
        if not self.filters.child_id:
            self.status.setText(self.tr("Add a child in the Log tab to start a log."))
        elif n == 0:
            self.status.setText(
                self.tr("Nothing logged for {name} from {first} to {last}.").format(
                    name=name, first=format_day_month(first), last=format_date(last)
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "%n night(s) with a log for {name}, {first} to {last}. "
                    "Times are the local time of each record.",
                    "",
                    n,
                ).format(name=name, first=format_day_month(first), last=format_date(last))
                + readonly
            )

    # --- following the service ---------------------------------------------------

    def _on_filters_changed(self) -> None:
        self.reload()

    def _on_bridge_data_replaced(self, *_event: object) -> None:
        self.filters.reload_children()
        self.reload()

    def _on_bridge_movement_recorded(self, event: MovementRecorded) -> None:
        if event.movement.child_id != self.filters.child_id:
            return
        night = night_of(event.movement.at, self._ctx.store.settings.night_start_hour)
        shown = self.model.night_item(night) if self.isVisible() else None
        updated = None if shown is None else with_movement(shown, event.movement, event.episode)
        if updated is not None:
            self.model.replace_night(night, updated)  # one row in, nothing re-read
            self._update_status()
        else:
            self.refresh_nights({night})
        self._check_undo_bar()

    def _on_bridge_records_changed(self, event: RecordsChanged) -> None:
        if any(isinstance(r, Child) for r in event.records):
            self.filters.reload_children()
        cid = self.filters.child_id
        mine = [r for r in event.records if not isinstance(r, Child) and r.child_id == cid]
        if mine:
            start_hour = self._ctx.store.settings.night_start_hour
            nights = self.model.nights_holding({r.id for r in mine})
            nights |= {night_of(starts_at(r), start_hour) for r in mine}
            self.refresh_nights(nights)
            self._refresh_editor()
        self._check_undo_bar()

    def _refresh_editor(self) -> None:
        if not self.side.refresh_editor():
            self.side.show_payload(self.model.payload(self.tree.currentIndex()))

    def _check_undo_bar(self) -> None:
        self.undo_bar.withdraw_if_stale(self._ctx.service.undo_label())

    # --- selection and editing -------------------------------------------------------

    def _on_tree_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.side.show_payload(self.model.payload(current))

    def select_key(self, key: str) -> bool:
        """Select (and reveal) the row showing `key`. Returns False when it is not listed."""
        return self.tree.select_key(key)

    def edit_selected(self) -> None:
        """Enter: move into the side panel's first field (a night opens or closes)."""
        index = self.tree.currentIndex()
        if isinstance(self.model.payload(index), NightItem):
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        self.side.show_payload(self.model.payload(index))  # the panel may have been closed
        self.side.focus_editor()

    def _on_side_done(self) -> None:
        self.tree.setFocus()

    def _on_side_red_flag_raised(self, flags: tuple[RedFlag, ...]) -> None:
        self.error.say_red_flags(flags, shown_emergency_number(self._ctx.store.settings))

    def show_error(self, message: str) -> None:
        self.error.say(message)

    # --- delete and undo ------------------------------------------------------------

    def delete_selected(self) -> None:
        index = self.tree.currentIndex()
        record = self.model.record(index)
        if record is None:
            self.status.setText(
                self.tr("Pick a movement, an episode or a sleep period to delete it.")
            )
            return
        neighbours = self.tree.keys_near(index)
        what = describe(record)
        try:
            delete_record(self._ctx.service, record)
        except StoreError as exc:
            self.show_error(self.tr("Not deleted. {reason}").format(reason=exc))
            return
        self.error.hide()
        deleted = self.tr("Deleted {what}.").format(what=what)
        self.undo_bar.offer(deleted, self._ctx.service.undo_label())
        self.tree.select_first_key(neighbours)
        self.tree.setFocus()

    def _on_undo_bar_undo_clicked(self) -> None:
        if not self.undo_bar.offers(self._ctx.service.undo_label()):
            self.undo_bar.withdraw()
            self.status.setText(
                self.tr("Something else changed since; use Edit ▸ Undo step by step.")
            )
            return
        try:
            change = self._ctx.service.undo()
        except StoreError as exc:
            self.show_error(self.tr("Could not undo. {reason}").format(reason=exc))
            return
        self.undo_bar.withdraw()
        if change is not None:
            self.status.setText(self.tr("Brought back."))
            restored = change.pairs[-1][1]
            self.select_key(restored.id)
        self.tree.setFocus()

    # --- adding what was forgotten ------------------------------------------------------

    def _on_add_button_clicked(self) -> None:
        self.add_forgotten()

    def add_forgotten(self, what: AddWhat = AddWhat.MOVEMENT) -> None:
        cid = self.filters.child_id
        if not cid:
            self.status.setText(self.tr("Add a child in the Log tab first."))
            return
        store = self._ctx.store
        start_hour = store.settings.night_start_hour
        index = self.tree.currentIndex()
        night = self.model.night_of_index(index) or self._tonight()
        default = start_text(self.model.record(index))
        request = HistoryAddDialog.ask(
            self,
            night=night,
            start_hour=start_hour,
            now_ms=self._ctx.clock().utc_ms,
            default_text=default,
            what=what,
        )
        if request is None:
            return
        try:
            saved = save_forgotten(self._ctx.service, cid, request)
        except (StoreError, ValueError) as exc:
            self.show_error(self.tr("Not saved. {reason}").format(reason=exc))
            return
        self.error.hide()
        first, last = self.filters.nights
        added_night = night_of(request.at, start_hour)
        if not first <= added_night <= last:
            self.filters.set_range(min(first, added_night), max(last, added_night))
        self.select_key(saved.id)
        self.status.setText(self._added_text(request, saved))
        self.tree.setFocus()

    def _added_text(self, request: AddRequest, saved: HistoryRecord) -> str:
        if request.what is AddWhat.SLEEP:
            return self.tr("Added a sleep period from {time}.").format(
                time=format_weekday_time(request.at)
            )
        if request.what is AddWhat.EPISODE:
            return self.tr(
                "Added an episode at {time} with %n movement(s). Describe it on the right.",
                "",
                request.count,
            ).format(time=format_weekday_time(request.at))
        assert isinstance(saved, Movement)
        at = format_weekday_time(saved.at, seconds=True)
        return (
            self.tr("Added a movement at {time}.").format(time=at)
            if saved.kind is MovementKind.UNSPECIFIED
            else self.tr("Added a {kind} at {time}.").format(kind=tr_label(saved.kind), time=at)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Insert:
            self.add_forgotten()
            event.accept()
            return
        super().keyPressEvent(event)

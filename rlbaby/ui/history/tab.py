"""The History tab: past nights, their episodes, sleep periods and movements.

Pick a row to change it in the side panel; every change is saved at once
through the service. Keys on the list: Enter edits, Delete deletes (with an
Undo line, and Ctrl+Z), Insert adds something that was not logged at the time.

The tree follows the service's events without a restart. A tap or an edit
rebuilds only the night it touches; while the tab is hidden, touched nights are
only noted and rebuilt when it is shown again, so the tap path stays short.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import (
    Child,
    Episode,
    Movement,
    MovementKind,
    RedFlag,
    SleepPeriod,
    night_of,
)
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.services import MovementRecorded, RecordsChanged
from rlbaby.services.history import (
    EpisodeItem,
    NightItem,
    SleepItem,
    build_night,
    build_nights,
    with_movement,
)
from rlbaby.store import StoreError
from rlbaby.ui.context import UiContext
from rlbaby.ui.emergency import shown_emergency_number
from rlbaby.ui.history.add_dialog import AddWhat, HistoryAddDialog
from rlbaby.ui.history.episode_editor import HistoryEpisodeEditor
from rlbaby.ui.history.filter_bar import HistoryFilterBar
from rlbaby.ui.history.model import HistoryModel
from rlbaby.ui.history.movement_editor import HistoryMovementEditor
from rlbaby.ui.history.sleep_editor import HistorySleepEditor
from rlbaby.ui.history.tree import HistoryTree
from rlbaby.ui.history.undo_bar import HistoryUndoBar
from rlbaby.ui.i18n import Plurals, tr_label
from rlbaby.ui.locale_format import (
    format_date,
    format_day_month,
    format_editable,
    format_night,
    format_time,
    format_weekday_time,
)

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


def _describe(record: Movement | Episode | SleepPeriod) -> str:
    if isinstance(record, Movement):
        at = format_weekday_time(record.at, seconds=True)
        if record.kind is MovementKind.UNSPECIFIED:
            return QCoreApplication.translate("HistoryTab", "the movement at {time}").format(
                time=at
            )
        return QCoreApplication.translate("HistoryTab", "the {kind} movement at {time}").format(
            kind=tr_label(record.kind), time=at
        )
    if isinstance(record, Episode):
        return QCoreApplication.translate(
            "HistoryTab", "the episode at {time} with its movements"
        ).format(time=format_weekday_time(record.opened))
    return QCoreApplication.translate("HistoryTab", "the sleep period from {time}").format(
        time=format_weekday_time(record.asleep)
    )


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
        self._undo_label: str | None = None
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
        self.error = QLabel()
        self.error.setObjectName("history_error")
        self.error.setProperty("role", "urgent")
        self.error.setWordWrap(True)
        self.error.hide()
        self.undo_bar = HistoryUndoBar()
        self.undo_bar.undo_clicked.connect(self._on_undo_bar_undo_clicked)
        self.status = QLabel()
        self.status.setObjectName("history_status")
        self.status.setProperty("role", "dim")
        self.status.setWordWrap(True)

        self.model = HistoryModel(now_ms=lambda: ctx.clock().utc_ms, parent=self)
        self.tree = HistoryTree()
        self.tree.setModel(self.model)
        self._fit_columns()
        self.tree.delete_requested.connect(self.delete_selected)
        self.tree.edit_requested.connect(self.edit_selected)
        self.tree.selectionModel().currentRowChanged.connect(self._on_tree_current_row_changed)

        self._hint = self.tr(HINT)  # READONLY_HINT when another copy writes
        self.hint = QLabel(self._hint)
        self.hint.setObjectName("history_hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setMargin(12)
        self.movement_editor = HistoryMovementEditor(ctx.service, ctx.clock)
        self.sleep_editor = HistorySleepEditor(ctx.service, ctx.clock)
        self.episode_editor = HistoryEpisodeEditor(ctx.service, ctx.clock)
        self.episode_editor.guide_requested.connect(self.guide_requested)
        self.episode_editor.red_flag_raised.connect(self._on_editor_red_flag_raised)
        self.movement_editor.red_flag_raised.connect(self._on_editor_red_flag_raised)
        for editor in (self.movement_editor, self.sleep_editor, self.episode_editor):
            editor.save_failed.connect(self.show_error)
            editor.done.connect(self._on_editor_done)
        self.side = QStackedWidget()
        self.side.setObjectName("history_side")
        for page in (self.hint, self.movement_editor, self.sleep_editor, self.episode_editor):
            self.side.addWidget(page)
        self.side.setMinimumWidth(300)

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
        for w in (
            self.add_button,
            self.delete_button,
            self.movement_editor,
            self.sleep_editor,
            self.episode_editor,
        ):
            w.setEnabled(not readonly)
        self._hint = self.tr(READONLY_HINT if readonly else HINT)
        self.hint.setText(self._hint)
        if readonly:
            self.undo_bar.withdraw()

    def _fit_columns(self) -> None:
        """Size When and What for the longest text each level shows, at this text size."""
        # A tree never shown yet has the platform's font, not the theme's: at
        # 150 % text the columns would be sized for 100 % and cut the dates off.
        self.tree.ensurePolished()
        fm = self.tree.fontMetrics()
        bold_font = self.tree.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        step = self.tree.indentation()
        pad = 24  # the branch arrow's room and the cell padding
        # The widest texts in the locale's own format ("Wed, Nov 30", "10:58 PM").
        late = time(22, 58, 58)
        when = max(
            *(bold.horizontalAdvance(format_night(date(2026, 11, d))) for d in range(23, 30)),
            step + fm.horizontalAdvance(f"{format_time(late)}–{format_time(late)}"),
            2 * step + fm.horizontalAdvance(format_time(late, seconds=True)),
        )
        kinds = [tr_label(k).capitalize() for k in MovementKind]
        words = [QCoreApplication.translate("HistoryModel", w) for w in ("Episode", "Asleep")]
        what = max(
            bold.horizontalAdvance(QCoreApplication.translate("HistoryModel", "Night")),
            *(fm.horizontalAdvance(w) for w in (*words, *kinds)),
        )
        self.tree.set_column_widths((step + when + pad, what + pad))

    def _on_theme_theme_changed(self, _name: str) -> None:
        self._fit_columns()  # the text size may have changed with it

    # --- loading -------------------------------------------------------------------

    def _tonight(self) -> date:
        return night_of(self._ctx.clock(), self._ctx.store.settings.night_start_hour)

    def reload(self) -> None:
        """Rebuild the whole list (filter change, restore, import, settings)."""
        expanded = self._expanded_keys()
        current = self.model.key(self.tree.currentIndex())
        cid = self.filters.child_id
        first, last = self.filters.nights
        nights = build_nights(self._ctx.store, cid, first, last) if cid else []
        self.model.set_nights(nights)
        self._dirty.clear()
        if not self._loaded_once and nights:
            expanded.add(nights[0].key)  # the newest night opens by itself the first time
            self._loaded_once = True
        for key in expanded:
            index = self.model.index_of_key(key)
            if index.isValid():
                self.tree.expand(index)
        if current is not None:
            self.select_key(current)
        self._update_status()

    def _expanded_keys(self) -> set[str]:
        keys: set[str] = set()
        for row in range(self.model.rowCount()):
            night = self.model.index(row, 0)
            if not self.tree.isExpanded(night):
                continue
            keys.add(self.model.key(night) or "")
            for sub in range(self.model.rowCount(night)):
                child = self.model.index(sub, 0, night)
                if self.tree.isExpanded(child):
                    keys.add(self.model.key(child) or "")
        return keys

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
            for r in mine:
                at = (
                    r.at
                    if isinstance(r, Movement)
                    else (r.opened if isinstance(r, Episode) else r.asleep)
                )
                nights.add(night_of(at, start_hour))
            self.refresh_nights(nights)
            self._refresh_editor()
        self._check_undo_bar()

    def _refresh_editor(self) -> None:
        page = self.side.currentWidget()
        if page is self.movement_editor:
            self.movement_editor.refresh()
        elif page is self.sleep_editor:
            self.sleep_editor.refresh()
        elif page is self.episode_editor:
            self.episode_editor.refresh()
        elif page is self.hint:
            self._show_current(self.tree.currentIndex())

    def _check_undo_bar(self) -> None:
        if self.undo_bar.isVisible() and self._ctx.service.undo_label() != self._undo_label:
            self.undo_bar.withdraw()  # something newer would be undone now

    # --- selection and editing -------------------------------------------------------

    def _on_tree_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current(current)

    def _show_current(self, index: QModelIndex) -> None:
        payload = self.model.payload(index)
        if isinstance(payload, Movement):
            self.movement_editor.show_movement(payload.id)
            self.side.setCurrentWidget(self.movement_editor)
        elif isinstance(payload, SleepItem):
            self.sleep_editor.show_period(payload.period.id)
            self.side.setCurrentWidget(self.sleep_editor)
        elif isinstance(payload, EpisodeItem):
            self.episode_editor.show_episode(payload.episode.id)
            self.side.setCurrentWidget(self.episode_editor)
        else:
            self.hint.setText(
                self._night_hint(payload) if isinstance(payload, NightItem) else self._hint
            )
            self.side.setCurrentWidget(self.hint)

    def _night_hint(self, night: NightItem) -> str:
        hours = night.sleep_hours(self._ctx.clock().utc_ms)
        sleep = (
            self.tr(", {hours} h asleep").format(hours=f"{hours:.1f}")
            if night.sleeps
            else self.tr(", no sleep marks")
        )
        plurals = Plurals()
        return (
            self.tr("Night of {date}: {movements} in {episodes}").format(
                date=format_date(night.night, long=True),
                movements=plurals.movements(night.movement_count),
                episodes=plurals.episodes(len(night.episodes)),
            )
            + f"{sleep}.\n\n"
            + self._hint
        )

    def select_key(self, key: str) -> bool:
        """Select (and reveal) the row showing `key`. Returns False when it is not listed."""
        index = self.model.index_of_key(key)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def edit_selected(self) -> None:
        """Enter: move into the side panel's first field (a night opens or closes)."""
        index = self.tree.currentIndex()
        if isinstance(self.model.payload(index), NightItem):
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        self._show_current(index)  # the panel may have been closed
        page = self.side.currentWidget()
        for editor in (self.movement_editor, self.sleep_editor, self.episode_editor):
            if page is editor:
                editor.focus_first()

    def _on_editor_done(self) -> None:
        if self.sender() is self.episode_editor and not self.episode_editor.sheet.isVisible():
            self.side.setCurrentWidget(self.hint)  # the sheet's Close: put the panel away
        self.tree.setFocus()

    def _on_editor_red_flag_raised(self, flags: tuple[RedFlag, ...]) -> None:
        number = shown_emergency_number(self._ctx.store.settings)
        self.error.setText(
            self.tr(
                "You noted a red flag ({flags}). If it is happening now, seek medical help "
                "now: call a doctor urgently, or your local emergency number ({number}). "
                "The Guide's urgent-signs page says more."
            ).format(flags=", ".join(tr_label(f) for f in flags), number=number)
        )
        self.error.show()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # --- delete and undo ------------------------------------------------------------

    def delete_selected(self) -> None:
        index = self.tree.currentIndex()
        record = self.model.record(index)
        if record is None:
            self.status.setText(
                self.tr("Pick a movement, an episode or a sleep period to delete it.")
            )
            return
        # Where the selection goes next: the row below, else above, else the parent.
        parent = index.parent()
        rows = self.model.rowCount(parent)
        near = [self.model.index(r, 0, parent) for r in (index.row() + 1, index.row() - 1)]
        neighbours = [self.model.key(i) for i in near if 0 <= i.row() < rows and i.isValid()]
        neighbours.append(self.model.key(parent))
        what = _describe(record)
        try:
            self._ctx.service.delete(record)
        except StoreError as exc:
            self.show_error(self.tr("Not deleted. {reason}").format(reason=exc))
            return
        self.error.hide()
        self._undo_label = self._ctx.service.undo_label()
        self.undo_bar.offer(self.tr("Deleted {what}.").format(what=what))
        for key in neighbours:
            if key is not None and self.select_key(key):
                break
        self.tree.setFocus()

    def _on_undo_bar_undo_clicked(self) -> None:
        if self._ctx.service.undo_label() != self._undo_label:
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
        record = self.model.record(index)
        if isinstance(record, Movement):
            default = format_editable(record.at)
        elif isinstance(record, Episode):
            default = format_editable(record.opened)
        elif isinstance(record, SleepPeriod):
            default = format_editable(record.asleep)
        else:
            default = ""
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
            if request.what is AddWhat.SLEEP:
                saved = self._ctx.service.add(SleepPeriod(cid, request.at, awake=request.awake))
                key = saved.id
                text = self.tr("Added a sleep period from {time}.").format(
                    time=format_weekday_time(request.at)
                )
            elif request.what is AddWhat.EPISODE:
                ep = self._ctx.service.add_episode_span(
                    cid, request.at, request.end or request.at, request.count, request.kind
                )
                key = ep.id
                n = request.count
                text = self.tr(
                    "Added an episode at {time} with %n movement(s). Describe it on the right.",
                    "",
                    n,
                ).format(time=format_weekday_time(request.at))
            else:
                m = self._ctx.service.add_movement_at(cid, request.at, request.kind)
                key = m.id
                at = format_weekday_time(m.at, seconds=True)
                text = (
                    self.tr("Added a movement at {time}.").format(time=at)
                    if m.kind is MovementKind.UNSPECIFIED
                    else self.tr("Added a {kind} at {time}.").format(kind=tr_label(m.kind), time=at)
                )
        except (StoreError, ValueError) as exc:
            self.show_error(self.tr("Not saved. {reason}").format(reason=exc))
            return
        self.error.hide()
        first, last = self.filters.nights
        added_night = night_of(request.at, start_hour)
        if not first <= added_night <= last:
            self.filters.set_range(min(first, added_night), max(last, added_night))
        self.select_key(key)
        self.status.setText(text)
        self.tree.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Insert:
            self.add_forgotten()
            event.accept()
            return
        super().keyPressEvent(event)

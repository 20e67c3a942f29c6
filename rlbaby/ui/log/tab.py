"""The Log tab: the huge tap target and everything a parent needs at 3 a.m.

Its keys are in keys.py; its parts: the child bar, the sleep button, the
target, the kinds row, and the side (the episode panel, or its details).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from rlbaby.content import Guide
from rlbaby.model import MovementKind, RedFlag
from rlbaby.model.arrays import KIND_CODE
from rlbaby.services import MovementRecorded
from rlbaby.store import StoreError
from rlbaby.ui.announce import LiveLabel
from rlbaby.ui.context import UiContext
from rlbaby.ui.emergency import shown_emergency_number
from rlbaby.ui.i18n import tr_label, tr_marked
from rlbaby.ui.locale_format import format_time
from rlbaby.ui.log.episode_panel import EpisodePanel
from rlbaby.ui.log.keys import add_shortcuts, is_tap
from rlbaby.ui.log.kind_row import KIND_KEYS, KindRow
from rlbaby.ui.log.live_episode import LiveEpisode
from rlbaby.ui.log.side import EpisodeSide
from rlbaby.ui.log.sleep_button import SleepButton
from rlbaby.ui.log.tap_target import TapTarget
from rlbaby.ui.log.urgent_notice import UrgentNotice
from rlbaby.ui.widgets.child_bar import ChildBar

if TYPE_CHECKING:
    from rlbaby.ui.log.episode_sheet import EpisodeSheet

UNDO_VISIBLE_MS = 10_000


class LogTab(QWidget):
    """Signals:
    add_child_requested(): "+ Add child".
    edit_child_requested(str): edit this child.
    guide_requested(str): open this guide section.
    theme_toggle_requested(): N on this tab (night/day theme).
    """

    add_child_requested = Signal()
    edit_child_requested = Signal(str)
    guide_requested = Signal(str)
    theme_toggle_requested = Signal()

    def __init__(self, ctx: UiContext, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("log_tab")
        self._ctx = ctx
        self.live = LiveEpisode(ctx)
        self._naming_hint = False  # the first tap made a child "Baby": say how to rename
        self.readonly = False  # see set_readonly

        self.child_bar = ChildBar(ctx.store, ctx.selection, ctx.bridge)
        self.child_bar.add_requested.connect(self.add_child_requested)
        self.child_bar.edit_requested.connect(self.edit_child_requested)
        self.child_bar.reloaded.connect(self._order_tab_chain)
        self.sleep_button = SleepButton(ctx)
        self.sleep_button.clicked.connect(self._on_sleep_button_clicked)
        self.sleep_button.failed.connect(self.show_error)

        self.notice = UrgentNotice(guide)
        self.notice.guide_requested.connect(self.guide_requested)
        self.error = LiveLabel(urgent=True)
        self.error.setObjectName("log_error")
        self.error.setProperty("role", "urgent")
        self.error.setWordWrap(True)
        self.error.hide()

        self.target = TapTarget(ctx.theme)
        self.target.tapped.connect(self._on_target_tapped)

        self.kinds = kinds = KindRow()
        kinds.kind_chosen.connect(self.choose_kind)
        self.kind_buttons = kinds.buttons
        self.undo_button = kinds.undo_button
        self.undo_button.clicked.connect(self.undo)
        self.status = LiveLabel()  # "Saved 03:07:12" is said out loud too
        self.status.setObjectName("log_status")
        self.status.setProperty("role", "dim")
        self.sleep_button.said.connect(self.status.setText)

        self.side = EpisodeSide(ctx.service)
        self.panel: EpisodePanel = self.side.panel
        self.panel.settle_clicked.connect(self.settle)
        self.panel.annotate_clicked.connect(self.open_sheet)
        self.side.red_flag_raised.connect(self._on_side_red_flag_raised)
        self.side.guide_requested.connect(self.guide_requested)
        self.side.closed.connect(self._on_side_closed)
        self.side.save_failed.connect(self.show_error)
        self.side.sheet_built.connect(self._order_tab_chain)

        top = QHBoxLayout()
        top.addWidget(self.child_bar, 1)
        top.addWidget(self.sleep_button)
        left = QVBoxLayout()
        left.addWidget(self.target, 1)
        left.addLayout(kinds)
        left.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.side, 2)
        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.notice)
        root.addWidget(self.error)
        root.addLayout(body, 1)

        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_VISIBLE_MS)
        self._undo_timer.timeout.connect(self.undo_button.hide)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh_clock)
        self._tick.start()

        add_shortcuts(
            self,
            (
                ("E", self.settle),
                ("A", self.focus_sheet),
                ("S", self.toggle_sleep),
                ("C", self.child_bar.cycle),
                ("N", self.theme_toggle_requested.emit),
                # Enter logs whatever has focus on this tab (a chip, the note, Close).
                ("Return", self._on_target_tapped),
                ("Enter", self._on_target_tapped),
                *((k, lambda kind=kind: self.choose_kind(kind)) for kind, k in KIND_KEYS),
            ),
        )

        ctx.bridge.movement_recorded.connect(self._on_bridge_movement_recorded)
        ctx.bridge.records_changed.connect(self._on_bridge_records_changed)
        ctx.bridge.settings_changed.connect(self._on_bridge_records_changed)
        ctx.bridge.data_replaced.connect(self._on_bridge_data_replaced)
        ctx.selection.child_changed.connect(self._on_selection_child_changed)
        self._order_tab_chain()
        self.reload()

    def _order_tab_chain(self) -> None:
        """Tab visits the controls as a parent reads them: the child bar, the
        notice, the target, the kinds, then the episode panel or its details."""
        bar = self.child_bar
        chain: list[QWidget] = [
            *bar.buttons.values(),
            bar.add_button,
            bar.edit_button,
            self.sleep_button,
            *self.notice.buttons,
            self.target,
            *self.kind_buttons.values(),
            self.undo_button,
            *self.side.tab_chain,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def sheet(self) -> EpisodeSheet:
        """The episode's details sheet (built on first use, see side.py)."""
        return self.side.sheet

    def finish_building(self) -> None:
        """Build what the first paint did without (the sheet); run_gui calls it when idle."""
        self.side.sheet  # noqa: B018 - built by asking for it

    # --- state ---------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the open episode and sleep state (not on the tap path)."""
        self.live.reload(self._ctx.selection.child_id)
        self.sleep_button.refresh()
        self.refresh_clock()

    def refresh_clock(self) -> None:
        """Once a second: time since last tap, episode duration, idle auto-close."""
        now = self._ctx.clock()
        cid = self._ctx.selection.child_id
        ep = self.live.current(cid, now)
        self.panel.show_episode(ep, self.live.times, now)
        if self.readonly:
            self.panel.settle.setEnabled(False)  # show_episode enables it for an open episode
        if cid and ep is not None:
            n = len(self.live.times)
            self.target.set_text(
                str(n),
                self.tr("movement(s) this episode · last {ago} ago", "", n).format(
                    ago=self.live.since_last(now)
                ),
            )
        else:
            self.target.set_text(*self.live.idle_words(cid, now, self.readonly))

    @property
    def episode_count(self) -> int:
        return len(self.live.times)

    def set_readonly(self, readonly: bool) -> None:
        """Another copy writes to this folder: show everything, log nothing.

        The keys are kept from logging by the window (see readonly_mode.py).
        """
        self.readonly = readonly
        self.target.set_readonly(readonly)
        self.kinds.set_readonly(readonly)
        self.side.set_readonly(readonly)
        self.child_bar.set_readonly(readonly)
        self.sleep_button.set_readonly(readonly)
        self.refresh_clock()

    # --- actions -------------------------------------------------------------

    def _on_target_tapped(self) -> None:
        cid = self._ctx.selection.child_id
        try:
            if not cid:
                cid = self._first_child()
            self._ctx.service.record_movement(cid)
        except StoreError as exc:
            self.show_error(self.tr("Not saved. {reason}").format(reason=exc))

    def _first_child(self) -> str:
        """A fresh install: log for "Baby" at once; the parent names the baby later (Edit)."""
        child = self._ctx.service.first_child()
        self._ctx.selection.select(child.id)
        self._naming_hint = True
        return child.id

    def _on_bridge_movement_recorded(self, event: MovementRecorded) -> None:
        """The tap is durable: now (and only now) show it."""
        if event.movement.child_id != self._ctx.selection.child_id:
            return
        if self.live.add(event) and self.side.sheet_shown:
            # The sheet was for the episode that ended: show the one in progress.
            self.close_sheet()
        self.error.hide()
        self.target.pulse()
        self.undo_button.show()
        self._undo_timer.start()
        saved = self.tr("Saved {time}").format(time=format_time(event.movement.at, seconds=True))
        if self._naming_hint:
            child = self._ctx.store.child(event.movement.child_id)
            name = child.name if child else "Baby"
            saved += self.tr(". Logging for “{name}”: press Edit to give your baby's name.").format(
                name=name
            )
        self.status.setText(saved)
        self.refresh_clock()

    def _on_bridge_records_changed(self, _event: object) -> None:
        self.reload()
        self.side.refresh_sheet()

    def _on_bridge_data_replaced(self) -> None:
        self.reload()

    def flush_pending(self) -> None:
        """Save what the parent is still typing (the window is closing)."""
        self.side.flush_note()

    def _on_selection_child_changed(self, _child_id: str) -> None:
        self._naming_hint = False
        self.child_bar.reload()
        self.side.show_panel()
        self.reload()

    def choose_kind(self, kind: MovementKind) -> None:
        cid = self._ctx.selection.child_id
        if not cid:
            return
        try:
            m, labelled = self._ctx.service.label_or_record(cid, kind)
        except StoreError as exc:
            self.show_error(self.tr("Not saved. {reason}").format(reason=exc))
            return
        what = (
            self.tr("Last tap marked as {kind} at {time}")
            if labelled
            else self.tr("Logged a {kind} at {time}")
        )
        self.status.setText(
            what.format(kind=tr_label(m.kind), time=format_time(m.at, seconds=True))
        )
        if m.kind is MovementKind.STIFFENING:
            # Stiffening is a red flag: say so the first time this episode shows it.
            kinds = self._ctx.store.movements(episode_id=m.episode_id).kind
            if int((kinds == KIND_CODE[MovementKind.STIFFENING]).sum()) == 1:
                self.raise_notice((RedFlag.STIFFENING_OR_SPASMS,))

    def settle(self) -> None:
        cid = self._ctx.selection.child_id
        try:
            ep = self._ctx.service.settle(cid) if cid else None
        except StoreError as exc:
            self.show_error(self.tr("Not saved. {reason}").format(reason=exc))
            return
        if ep is None or ep.settled is None:
            self.status.setText(self.tr("No episode is open."))
            return
        self.status.setText(
            self.tr("Episode settled at {time}. Add details if you like.").format(
                time=format_time(ep.settled)
            )
        )
        self.open_sheet(ep.id)

    def open_sheet(self, episode_id: str | None = None) -> None:
        """Show the sheet for `episode_id` (default: the open or latest episode)."""
        cid = self._ctx.selection.child_id
        if episode_id is None:
            episode_id = self.live.episode_id
            if episode_id is None and cid:
                eps = self._ctx.store.episodes(cid)
                episode_id = eps[-1].id if eps else None
        if episode_id is None:
            self.status.setText(self.tr("No episode to describe yet."))
            return
        self.side.show_sheet(episode_id)

    def focus_sheet(self) -> None:
        self.open_sheet()
        first = self.sheet.groups["onset_state"].buttons
        next(iter(first.values())).setFocus()

    def close_sheet(self) -> None:
        """Back to the episode panel; the sheet's note is saved first."""
        self.side.close_sheet()

    def _on_side_closed(self) -> None:
        self.side.setCurrentWidget(self.panel)
        self.target.setFocus()

    def _on_side_red_flag_raised(self, flags: tuple[RedFlag, ...]) -> None:
        self.raise_notice(flags)

    def raise_notice(self, flags: tuple[RedFlag, ...]) -> None:
        """Show the urgent notice for these red flags, with the emergency number."""
        self.notice.raise_for(flags, shown_emergency_number(self._ctx.store.settings))

    def toggle_sleep(self) -> None:
        self.sleep_button.toggle_sleep()

    def _on_sleep_button_clicked(self) -> None:
        self.toggle_sleep()

    def undo(self) -> None:
        try:
            change = self._ctx.service.undo()
        except StoreError as exc:
            self.show_error(self.tr("Could not undo. {reason}").format(reason=exc))
            return
        self.undo_button.hide()
        self.status.setText(
            self.tr("Undone: {change}").format(change=tr_marked("Changes", change.label))
            if change
            else self.tr("Nothing to undo.")
        )

    def redo(self) -> None:
        try:
            change = self._ctx.service.redo()
        except StoreError as exc:
            self.show_error(self.tr("Could not redo. {reason}").format(reason=exc))
            return
        self.status.setText(
            self.tr("Redone: {change}").format(change=tr_marked("Changes", change.label))
            if change
            else self.tr("Nothing to redo.")
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # --- keys ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if is_tap(event):
            if not event.isAutoRepeat():
                self._on_target_tapped()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.target.setFocus()
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.target.setFocus()

"""Edit one logged movement: its time, its kind and a note.

A change is saved through the service as soon as it is committed (Enter, or
leaving the field; a kind as soon as it is picked). A time that cannot be read,
or one in the future, gets a message and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from rlbaby.model import Clock, Movement, MovementKind, RedFlag, night_of
from rlbaby.services import LoggerService
from rlbaby.services.history import TIME_HELP, check_not_future, parse_local
from rlbaby.ui.history.editor import HistoryEditor, live
from rlbaby.ui.i18n import tr_label, tr_marked
from rlbaby.ui.locale_format import format_date_time, format_editable, format_weekday_time
from rlbaby.ui.widgets.value_combo import EnumCombo


class HistoryMovementEditor(HistoryEditor):
    """The side panel for a movement row (save_failed and done: see HistoryEditor).

    Signals:
        red_flag_raised(object): the movement was newly marked stiffening, a red
            flag (a tuple of RedFlag).
    """

    red_flag_raised = Signal(object)

    def __init__(self, service: LoggerService, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(service, clock, "movement", parent)
        self.movement_id: str | None = None
        self.heading = QLabel(self.tr("Movement"))
        self.heading.setProperty("role", "big")
        self.time_edit = QLineEdit()
        self.time_edit.setObjectName("movement_time")
        self.time_edit.setToolTip(
            tr_marked("History", TIME_HELP) + " " + self.tr("A bare time stays in the same night.")
        )
        self.time_edit.editingFinished.connect(self._on_time_edit_editing_finished)
        self.kind = EnumCombo(MovementKind, [(tr_label(k).capitalize(), k) for k in MovementKind])
        self.kind.setObjectName("movement_kind")
        self.kind.setToolTip(self.tr("What the movement looked like"))
        self.kind.activated.connect(self._on_kind_activated)
        self.note = QLineEdit()
        self.note.setObjectName("movement_note")
        self.note.setPlaceholderText(self.tr("A note about this movement"))
        self.note.editingFinished.connect(self._on_note_editing_finished)
        self._lay_out(
            self.heading,
            [
                (self.tr("Time"), self.time_edit),
                (self.tr("Kind"), self.kind),
                (self.tr("Note"), self.note),
            ],
            self.tr("Changes are saved as you make them. Escape goes back to the list."),
        )

    # --- showing -------------------------------------------------------------------

    def show_movement(self, movement_id: str) -> None:
        self.movement_id = movement_id
        self._set_message("", error=False)
        self.refresh(force=True)

    def _movement(self) -> Movement | None:
        if self.movement_id is None:
            return None
        return live(self._service.store.movement(self.movement_id))

    def refresh(self, force: bool = False) -> None:
        """Show the stored values (a field being typed in keeps its text)."""
        m = self._movement()
        if m is None:
            return
        self.heading.setText(
            self.tr("Movement at {time}").format(time=format_weekday_time(m.at, seconds=True))
        )
        if force or not self.time_edit.hasFocus():
            self.time_edit.setText(format_editable(m.at))
        self.kind.set_value(m.kind)
        if force or not self.note.hasFocus():
            self.note.setText(m.note)

    def focus_first(self) -> None:
        self.time_edit.setFocus()
        self.time_edit.selectAll()

    # --- saving --------------------------------------------------------------------

    def commit(self) -> bool:
        """Save what the fields say. Returns False when nothing could be saved."""
        m = self._movement()
        if m is None:
            return False
        start_hour = self._service.store.settings.night_start_hour
        try:
            at = parse_local(
                self.time_edit.text(),
                night=night_of(m.at, start_hour),
                start_hour=start_hour,
                offset_min=m.at.offset_min,
            )
            check_not_future(at, self._clock().utc_ms)
        except ValueError as exc:
            return self._refuse(exc)
        kind = self.kind.enum_value()
        note = self.note.text().strip()
        changes = {
            name: value
            for name, value in (("at", at), ("kind", kind), ("note", note))
            if getattr(m, name) != value
        }
        if not changes:
            return True
        new_kind = kind if "kind" in changes else m.kind
        new_at = at if "at" in changes else m.at
        saved = self._save(
            m,
            changes,
            self.tr("Saved: {kind} at {time}.").format(
                kind=tr_label(new_kind), time=format_date_time(new_at)
            ),
        )
        if saved and changes.get("kind") is MovementKind.STIFFENING:
            self.red_flag_raised.emit((RedFlag.STIFFENING_OR_SPASMS,))
        return saved

    def _on_time_edit_editing_finished(self) -> None:
        self.commit()

    def _on_kind_activated(self, _row: int) -> None:
        self.commit()

    def _on_note_editing_finished(self) -> None:
        self.commit()

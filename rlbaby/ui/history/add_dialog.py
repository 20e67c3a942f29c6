"""Add something that was not logged at the time: a movement, an episode or a sleep period.

The dialog only reads and checks what the parent typed; the History tab saves
it through the service. Bad input keeps the dialog open with a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import Instant, MovementKind
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.services.history import (
    TIME_HELP,
    check_not_future,
    check_sleep,
    parse_local,
)
from rlbaby.services.logger import MAX_FORGOTTEN_MOVEMENTS
from rlbaby.ui.i18n import tr_label, tr_marked
from rlbaby.ui.locale_format import LocaleDates, format_night
from rlbaby.ui.widgets.problem_line import ProblemLine
from rlbaby.ui.widgets.value_combo import EnumCombo

MAX_EPISODE_HOURS = 12  # a remembered episode longer than this is a typo


class AddWhat(StrEnum):
    MOVEMENT = "movement"
    EPISODE = "episode"
    SLEEP = "sleep"


@dataclass(frozen=True)
class AddRequest:
    """What to add.

    `awake` is only for a sleep period; `end` and `count` only for an episode
    (from `at` to `end`, about `count` movements); `kind` for both others.
    """

    what: AddWhat
    at: Instant
    kind: MovementKind = MovementKind.UNSPECIFIED
    awake: Instant | None = None
    end: Instant | None = None
    count: int = 1


_EXPLAIN = {
    AddWhat.MOVEMENT: QT_TRANSLATE_NOOP(
        "HistoryAddDialog",
        "A movement joins the episode it falls in (or starts one if none is near).",
    ),
    AddWhat.EPISODE: QT_TRANSLATE_NOOP(
        "HistoryAddDialog",
        "An episode from its start to its end, with about how many movements you "
        "remember; they are spread evenly. You can describe it next.",
    ),
    AddWhat.SLEEP: QT_TRANSLATE_NOOP(
        "HistoryAddDialog",
        "From when the baby fell asleep to when it woke (leave Awake empty if unsure).",
    ),
}


class HistoryAddDialog(QDialog):
    """Asks for a forgotten record. Use `HistoryAddDialog.ask(...)`."""

    def __init__(
        self,
        *,
        night: date | None,
        start_hour: int,
        now_ms: int,
        default_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_add_dialog")
        self.setWindowTitle(self.tr("Add something you did not log"))
        self._night = night
        self._start_hour = start_hour
        self._now_ms = now_ms
        self.result_request: AddRequest | None = None
        self.choice = QButtonGroup(self)
        choices = QHBoxLayout()
        self.radios: dict[AddWhat, QRadioButton] = {}
        for what, text, about in (
            (AddWhat.MOVEMENT, self.tr("A movement"), self.tr("Add one movement you did not tap")),
            (AddWhat.EPISODE, self.tr("An episode"), self.tr("Add a whole episode of movements")),
            (AddWhat.SLEEP, self.tr("A sleep period"), self.tr("Add when the baby slept")),
        ):
            r = QRadioButton(text)
            r.setObjectName(f"add_{what.value}")
            r.setAccessibleDescription(about)
            self.choice.addButton(r)
            self.radios[what] = r
            choices.addWidget(r)
            r.toggled.connect(self._on_radio_toggled)
        choices.addStretch(1)
        self.explain = QLabel()
        self.explain.setProperty("role", "dim")
        self.explain.setWordWrap(True)
        self.time_edit = QLineEdit(default_text)
        self.time_edit.setObjectName("add_time")
        time_help = tr_marked("History", TIME_HELP)
        self.time_edit.setToolTip(time_help)
        self.kind = EnumCombo(MovementKind, [(tr_label(k).capitalize(), k) for k in MovementKind])
        self.kind.setObjectName("add_kind")
        self.kind.setAccessibleDescription(self.tr("What the movement looked like"))
        self.end_edit = QLineEdit()
        self.end_edit.setObjectName("add_end")
        self.end_edit.setPlaceholderText(self.tr("same as the start"))
        self.end_edit.setToolTip(time_help)
        self.count = QSpinBox()
        self.count.setObjectName("add_count")
        self.count.setRange(1, MAX_FORGOTTEN_MOVEMENTS)
        self.count.setValue(5)
        self.count.setToolTip(self.tr("Your best guess is fine; the movements are spread evenly."))
        self.awake_edit = QLineEdit()
        self.awake_edit.setObjectName("add_awake")
        self.awake_edit.setPlaceholderText(self.tr("not marked"))
        self.awake_edit.setToolTip(time_help)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Time"), self.time_edit)
        self.form.addRow(self.tr("End"), self.end_edit)
        self.form.addRow(self.tr("About how many movements"), self.count)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Awake"), self.awake_edit)
        where = QLabel(
            self.tr("A bare time like 02:40 belongs to the night of {date}.").format(
                date=format_night(night)
            )
            if night
            else self.tr("Type the date and time, like 2026-11-24 02:40.")
        )
        where.setProperty("role", "dim")
        where.setWordWrap(True)
        self._where = where
        self.message = ProblemLine("add_message")
        # Room for a two-line error is kept while there is none, so the fields
        # above never move or shrink when one appears.
        keep = self.message.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(keep)
        self.message.ensurePolished()  # the theme's text size, not the platform's
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing() + 16)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.explain)
        layout.addLayout(self.form)
        layout.addWidget(where)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.radios[AddWhat.MOVEMENT].setChecked(True)
        self.setMinimumWidth(440)
        # Never smaller than what the fields need, at any text size. The layout
        # then sets the dialog's minimum size, so the width is asked of a child.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.explain.ensurePolished()
        self.explain.setMinimumWidth(max(420, 56 * self.explain.fontMetrics().averageCharWidth()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._reserve_text_room()

    def _reserve_text_room(self) -> None:
        """Give the wrapped help lines the height they need at this width.

        A word-wrapped label's height depends on its width, which a dialog's
        minimum size does not follow; without this, large text is cut off. The
        explanation reserves room for the longest of its three texts, so
        switching between them moves nothing.
        """
        flags = Qt.TextFlag.TextWordWrap
        changed = False
        for help_line, texts in (
            (self.explain, [self.tr(t) for t in _EXPLAIN.values()]),
            (self._where, [self._where.text()]),
        ):
            width = help_line.contentsRect().width()
            if width <= 0:
                continue
            box = QRect(0, 0, width, 10_000)
            fm = help_line.fontMetrics()
            need = max(fm.boundingRect(box, flags, t).height() for t in texts)
            if help_line.minimumHeight() != need:
                help_line.setMinimumHeight(need)
                changed = True
        layout = self.layout()
        if changed and layout is not None:
            layout.activate()  # now, not at the next turn of the event loop

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        night: date | None,
        start_hour: int,
        now_ms: int,
        default_text: str,
        what: AddWhat = AddWhat.MOVEMENT,
    ) -> AddRequest | None:
        """Show the dialog; the checked request, or None when cancelled."""
        dlg = cls(
            night=night,
            start_hour=start_hour,
            now_ms=now_ms,
            default_text=default_text,
            parent=parent,
        )
        dlg.radios[what].setChecked(True)
        dlg.time_edit.setFocus()
        dlg.time_edit.selectAll()
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return dlg.result_request

    @property
    def what(self) -> AddWhat:
        return next(w for w, r in self.radios.items() if r.isChecked())

    def _on_radio_toggled(self, _checked: bool) -> None:
        what = self.what if any(r.isChecked() for r in self.radios.values()) else None
        if what is None:
            return
        self.explain.setText(self.tr(_EXPLAIN[what]))
        self.form.setRowVisible(self.kind, what is not AddWhat.SLEEP)
        self.form.setRowVisible(self.awake_edit, what is AddWhat.SLEEP)
        self.form.setRowVisible(self.end_edit, what is AddWhat.EPISODE)
        self.form.setRowVisible(self.count, what is AddWhat.EPISODE)
        first = {AddWhat.SLEEP: self.tr("Asleep"), AddWhat.EPISODE: self.tr("Start")}.get(
            what, self.tr("Time")
        )
        label = self.form.labelForField(self.time_edit)
        if isinstance(label, QLabel):  # addRow(text, field) made it a QLabel
            label.setText(first)

    def request(self) -> AddRequest:
        """What the fields say. Raises ValueError with a message for the parent."""
        what = self.what
        at = parse_local(self.time_edit.text(), night=self._night, start_hour=self._start_hour)
        check_not_future(at, self._now_ms)
        if what is AddWhat.SLEEP:
            awake = None
            if self.awake_edit.text().strip():
                awake = parse_local(
                    self.awake_edit.text(), night=self._night, start_hour=self._start_hour
                )
                check_not_future(awake, self._now_ms, "Awake")
            check_sleep(at, awake, LocaleDates())
            return AddRequest(what, at, awake=awake)
        kind = self.kind.enum_value()
        if what is AddWhat.EPISODE:
            end = at
            if self.end_edit.text().strip():
                end = parse_local(
                    self.end_edit.text(), night=self._night, start_hour=self._start_hour
                )
                check_not_future(end, self._now_ms, "The end")
                if end.utc_ms < at.utc_ms:
                    raise ValueError(self.tr("The end comes before the start. Check both times."))
                if end.utc_ms - at.utc_ms > MAX_EPISODE_HOURS * 3_600_000:
                    raise ValueError(
                        self.tr(
                            "That is longer than {hours} hours. Add it as "
                            "separate episodes, or check the dates."
                        ).format(hours=MAX_EPISODE_HOURS)
                    )
            return AddRequest(what, at, kind=kind, end=end, count=self.count.value())
        return AddRequest(what, at, kind=kind)

    def _on_buttons_accepted(self) -> None:
        try:
            self.result_request = self.request()
        except ValueError as exc:
            self.message.say(str(exc))
            return
        self.accept()

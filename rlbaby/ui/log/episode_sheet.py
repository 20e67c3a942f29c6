"""The episode sheet: every annotation as chips, saved the moment it changes.

It never blocks tapping: it sits beside the tap target, opening it does not
take keyboard focus (press A to move into it, Escape to come back), and Enter
logs a movement even while a chip or the note has focus (the Log tab's shortcut).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import (
    URGENT_SIGNS,
    Episode,
    OnsetState,
    RedFlag,
    Response,
    Sign,
    Soothing,
    StoppedWhenWoken,
    Trigger,
)
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.model.records import RED_FLAG_OF_SIGN
from rlbaby.services import LoggerService
from rlbaby.store import StoreError
from rlbaby.ui.locale_format import format_weekday_time
from rlbaby.ui.widgets.chips import ChipGroup

# Marked for lupdate in this class's context; shown through self.tr.
TIPS: dict[Any, str] = {
    OnsetState.ASLEEP: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "The baby was asleep when the movements began"
    ),
    OnsetState.DROWSY: QT_TRANSLATE_NOOP("EpisodeSheet", "The baby was drifting off or half awake"),
    OnsetState.AWAKE: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "The baby was awake when the movements began"
    ),
    Soothing.ROCKING: QT_TRANSLATE_NOOP("EpisodeSheet", "You rocked the baby"),
    Soothing.FEEDING: QT_TRANSLATE_NOOP("EpisodeSheet", "You fed the baby"),
    Soothing.DIAPER: QT_TRANSLATE_NOOP("EpisodeSheet", "You changed the diaper"),
    Soothing.LOOSENED: QT_TRANSLATE_NOOP("EpisodeSheet", "You loosened clothing or the swaddle"),
    Soothing.TEMPERATURE: QT_TRANSLATE_NOOP("EpisodeSheet", "You made the room warmer or cooler"),
    Soothing.MASSAGE: QT_TRANSLATE_NOOP("EpisodeSheet", "You gently massaged the legs"),
    Soothing.WHITE_NOISE: QT_TRANSLATE_NOOP("EpisodeSheet", "You used white noise or soft sound"),
    Soothing.HOLDING_LEGS: QT_TRANSLATE_NOOP("EpisodeSheet", "You gently held the legs still"),
    Response.SETTLED_FAST: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "Calm again within about 5 minutes of soothing"
    ),
    Response.SETTLED_SLOW: QT_TRANSLATE_NOOP("EpisodeSheet", "Calmed down, but it took longer"),
    Response.NOT_SETTLED: QT_TRANSLATE_NOOP("EpisodeSheet", "Soothing did not calm the baby"),
    StoppedWhenWoken.YES: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "The movements stopped when the baby woke up"
    ),
    StoppedWhenWoken.NO: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "URGENT: the movements went on after the baby woke. Seek medical help now"
    ),
    StoppedWhenWoken.NOT_TRIED: QT_TRANSLATE_NOOP("EpisodeSheet", "You did not wake the baby"),
    Sign.INCONSOLABLE_CRYING: QT_TRANSLATE_NOOP("EpisodeSheet", "Crying that nothing would calm"),
    Sign.FEEDING_DIFFICULTY: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "Trouble feeding around this episode"
    ),
    Sign.STIFFNESS: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "URGENT: the body or legs went stiff. Seek medical help now"
    ),
    Sign.TWITCHING_SPASMS: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "URGENT: spasms or jerks in clusters, not smooth kicks. Seek help now"
    ),
    Sign.EYES_ROLLING: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "URGENT: eyes rolling or fixed. Seek medical help now"
    ),
    Sign.COLOUR_CHANGE: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "URGENT: colour change (pale, blue or grey). Seek medical help now"
    ),
    Sign.BREATHING_PAUSES: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "URGENT: pauses in breathing. Seek medical help now"
    ),
    Sign.SAME_WHEN_AWAKE: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "URGENT: the same jerking also happens when awake. Seek medical help now"
    ),
    Trigger.HUNGER: QT_TRANSLATE_NOOP("EpisodeSheet", "The baby may have been hungry"),
    Trigger.DIAPER: QT_TRANSLATE_NOOP("EpisodeSheet", "The diaper was wet or soiled"),
    Trigger.TIGHT_CLOTHING: QT_TRANSLATE_NOOP("EpisodeSheet", "Clothing or swaddle seemed tight"),
    Trigger.TOO_WARM: QT_TRANSLATE_NOOP("EpisodeSheet", "The baby or room seemed too warm"),
    Trigger.TOO_COLD: QT_TRANSLATE_NOOP("EpisodeSheet", "The baby or room seemed too cold"),
    Trigger.OVERSTIMULATION: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "A busy or exciting time before sleep"
    ),
    Trigger.UNWELL: QT_TRANSLATE_NOOP(
        "EpisodeSheet", "The baby seemed unwell (cold, fever, teething...)"
    ),
}


def new_red_flags(before: Episode, after: Episode) -> tuple[RedFlag, ...]:
    """The red flags a change raised: a newly ticked urgent sign always does (even
    when another sign already gave the same flag), as does "did not stop when woken"."""
    old = set(before.red_flags())
    fresh = {RED_FLAG_OF_SIGN[s] for s in after.signs - before.signs if s in URGENT_SIGNS}
    return tuple(f for f in after.red_flags() if f not in old or f in fresh)


class EpisodeSheet(QScrollArea):
    """Edits one episode through the service.

    Signals:
        red_flag_raised(object): a change gave the episode red flags (a tuple of
            RedFlag): a newly chosen urgent sign, or "did not stop when woken".
        guide_requested(str): a "?" asked for this guide section.
        closed(): the parent closed the sheet.
        save_failed(str): a change could not be saved (message for the parent).
    """

    red_flag_raised = Signal(object)
    guide_requested = Signal(str)
    closed = Signal()
    save_failed = Signal(str)

    def __init__(self, service: LoggerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("episode_sheet")
        # Tab moves through the chips themselves; the scroll area follows the focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Episode details"))
        self.setAccessibleDescription(
            self.tr("What happened in this episode; every change is saved at once")
        )
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._service = service
        self.episode_id: str | None = None
        body = QWidget()
        outer = QVBoxLayout(body)
        head = QHBoxLayout()
        self.heading = QLabel(self.tr("Episode details"))
        self.heading.setProperty("role", "big")
        close = QPushButton(self.tr("Close"))
        close.setObjectName("sheet_close")
        close.setToolTip(self.tr("Close the sheet (Escape). Everything is already saved."))
        close.clicked.connect(self.close_sheet)
        head.addWidget(self.heading, 1)
        head.addWidget(close)
        outer.addLayout(head)
        saved = QLabel(self.tr("Every change is saved at once."))
        saved.setProperty("role", "dim")
        outer.addWidget(saved)
        self.keys = QLabel(self.tr("Enter logs a movement · Space ticks the chip in focus"))
        self.keys.setObjectName("sheet_keys")
        self.keys.setProperty("role", "dim")
        self.keys.setWordWrap(True)
        outer.addWidget(self.keys)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Each heading above its chips: beside them, the headings took half of the
        # narrow side panel and the chips wrapped one per line.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        tips = {value: self.tr(text) for value, text in TIPS.items()}
        self.groups: dict[str, ChipGroup] = {
            "onset_state": ChipGroup(list(OnsetState), exclusive=True, tooltips=tips),
            "soothing": ChipGroup(list(Soothing), exclusive=False, tooltips=tips),
            "response": ChipGroup(list(Response), exclusive=True, tooltips=tips),
            "stopped_when_woken": ChipGroup(
                list(StoppedWhenWoken),
                exclusive=True,
                tooltips=tips,
                urgent=frozenset({StoppedWhenWoken.NO}),
            ),
            "signs": ChipGroup(list(Sign), exclusive=False, tooltips=tips, urgent=URGENT_SIGNS),
            "triggers": ChipGroup(list(Trigger), exclusive=False, tooltips=tips),
        }
        labels = {
            "onset_state": (self.tr("State at onset"), None),
            "soothing": (self.tr("Soothing tried"), "what-parents-can-do"),
            "response": (self.tr("Response"), "normal-or-concerning"),
            "stopped_when_woken": (self.tr("Stopped when woken"), "sleep-myoclonus"),
            "signs": (self.tr("Associated signs"), "urgent-signs"),
            "triggers": (self.tr("Possible triggers"), "common-causes"),
        }
        self.tab_chain: list[QWidget] = [close]  # the order Tab visits, as on screen
        for field, group in self.groups.items():
            text, slug = labels[field]
            form.addRow(self._label(text, slug), group)
            group.set_question(text)
            self.tab_chain += list(group.buttons.values())
            group.changed.connect(lambda value, f=field: self._on_field_changed(f, value))
        self.video = QPushButton(self.tr("Video taken"))
        self.video.setObjectName("video_toggle")
        self.video.setCheckable(True)
        self.video.setProperty("chip", True)
        self.video.setToolTip(self.tr("You filmed this episode (a video helps the doctor a lot)"))
        self.video.clicked.connect(lambda checked: self._on_field_changed("video", checked))
        form.addRow(self._label(self.tr("Video"), None), self.video)
        self.note = QLineEdit()
        self.note.setObjectName("note_edit")
        self.note.setPlaceholderText(self.tr("Anything else worth remembering"))
        self.note.setToolTip(self.tr("A free note; saved as you type"))
        self.note.setAccessibleName(self.tr("Note"))
        self.tab_chain += [self.video, self.note]
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(800)
        self._note_timer.timeout.connect(self.flush_note)
        self.note.textEdited.connect(lambda _t: self._note_timer.start())
        self.note.editingFinished.connect(self.flush_note)
        form.addRow(self._label(self.tr("Note"), None), self.note)
        outer.addLayout(form)
        outer.addStretch(1)
        self.setWidget(body)

    def _label(self, text: str, slug: str | None) -> QWidget:
        w = QWidget()
        row = QHBoxLayout(w)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(text))
        if slug:
            q = QPushButton("?")
            q.setObjectName(f"help_{slug}")
            q.setFixedWidth(36)
            q.setToolTip(self.tr("Read about this in the guide"))
            q.setAccessibleName(self.tr("Guide: {question}").format(question=text))
            q.setAccessibleDescription(self.tr("Opens the guide's page on this question"))
            self.tab_chain.append(q)  # before its chips, as on screen
            q.clicked.connect(lambda: self.guide_requested.emit(slug))
            row.addWidget(q)
        row.addStretch(1)
        return w

    # --- showing -------------------------------------------------------------

    def show_episode(self, episode_id: str) -> None:
        self.episode_id = episode_id
        self.refresh()

    def refresh(self) -> None:
        ep = self._episode()
        if ep is None:
            return
        self.heading.setText(
            self.tr("Episode at {time}").format(time=format_weekday_time(ep.opened))
        )
        for field, group in self.groups.items():
            group.set_value(getattr(ep, field))
        self.video.setChecked(bool(ep.video))
        if not self.note.hasFocus():
            self.note.setText(ep.note)

    def _episode(self) -> Episode | None:
        if self.episode_id is None:
            return None
        return self._service.store.episode(self.episode_id)

    # --- saving --------------------------------------------------------------

    def _on_field_changed(self, field: str, value: object) -> None:
        ep = self._episode()
        if ep is None:
            return
        try:
            # The label given (None: the usual one) so that no field name can take its place.
            saved = self._service.update(ep, None, **{field: value})
        except StoreError as exc:
            self.save_failed.emit(str(exc))
            self.refresh()
            return
        raised = new_red_flags(ep, saved)
        if raised:
            self.red_flag_raised.emit(raised)
            # The notice above takes room: keep the chosen chip in view once the
            # layout has settled.
            chip = None
            if field == "stopped_when_woken":
                chip = self.groups[field].buttons[StoppedWhenWoken.NO]
            for sign in saved.signs - ep.signs:
                chip = self.groups["signs"].buttons[sign]
            if chip is not None:
                QTimer.singleShot(0, lambda c=chip: self.ensureWidgetVisible(c))

    def flush_note(self) -> None:
        """Save a note still being typed (the window is closing, or typing paused)."""
        self._note_timer.stop()
        ep = self._episode()
        if ep is not None and ep.note != self.note.text():
            self._on_field_changed("note", self.note.text())

    def close_sheet(self) -> None:
        """Save the note and hide; the Log tab shows its panel again."""
        self.flush_note()
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_sheet()
            return
        super().keyPressEvent(event)

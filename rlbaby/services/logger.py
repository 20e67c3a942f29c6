"""The night logger's use cases: tap, label, undo/redo, settle, annotate, sleep marks.

Qt-free: the UI calls these and listens through `events`. Every change is
durable (the store fsyncs) before listeners hear of it, so the UI never
confirms a tap that is not on disk. Undo and redo live in `undo.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np

from rlbaby.model import (
    Child,
    Episode,
    Instant,
    Movement,
    MovementKind,
    Settings,
    SleepPeriod,
    system_clock,
)
from rlbaby.model.dateformat import ISO_DATES, DateFormatter
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.model.timekeeping import Clock
from rlbaby.services.events import (
    DataReplaced,
    Emitter,
    MovementRecorded,
    Record,
    SettingsChanged,
)
from rlbaby.services.undo import Change, UndoHistory
from rlbaby.store import Store, StoreError

if TYPE_CHECKING:
    from rlbaby.store.exchange import ImportPlan

KIND_WINDOW_MS = 5_000  # a kind chosen this soon after a tap labels that tap
MAX_FORGOTTEN_MOVEMENTS = 500  # a remembered episode, not an import
# A second S this soon after the Asleep mark cancels it: a double press, not a
# 0-minute sleep (no baby falls asleep and wakes within 10 s).
SLEEP_CANCEL_MS = 10_000
DEFAULT_CHILD_NAME = "Baby"
R = TypeVar("R", Movement, Episode, SleepPeriod, Child)
# What a parent calls each record in "Undone: ..." and "Redone: ...".
# The names of undoable steps ("Undone: new movement"), whole phrases so that a
# translation can order its words; marked for Qt's lupdate, translated in the UI.
NEW_LABEL: dict[type, str] = {
    Movement: QT_TRANSLATE_NOOP("Changes", "new movement"),
    Episode: QT_TRANSLATE_NOOP("Changes", "new episode"),
    SleepPeriod: QT_TRANSLATE_NOOP("Changes", "new sleep period"),
    Child: QT_TRANSLATE_NOOP("Changes", "new child"),
}
CHANGE_LABEL: dict[type, str] = {
    Movement: QT_TRANSLATE_NOOP("Changes", "change to the movement"),
    Episode: QT_TRANSLATE_NOOP("Changes", "change to the episode"),
    SleepPeriod: QT_TRANSLATE_NOOP("Changes", "change to the sleep period"),
    Child: QT_TRANSLATE_NOOP("Changes", "change to the child"),
}
DELETED_LABEL: dict[type, str] = {
    Movement: QT_TRANSLATE_NOOP("Changes", "deleted movement"),
    Episode: QT_TRANSLATE_NOOP("Changes", "deleted episode"),
    SleepPeriod: QT_TRANSLATE_NOOP("Changes", "deleted sleep period"),
    Child: QT_TRANSLATE_NOOP("Changes", "deleted child"),
}


@dataclass
class _LastTap:
    episode_id: str
    at_ms: int
    movement_id: str


class LoggerService(UndoHistory):
    """Night-logging use cases over a Store.

    Args:
        store: where records live.
        clock: returns the current Instant (inject a fake one in tests).
    """

    def __init__(
        self, store: Store, clock: Clock = system_clock, dates: DateFormatter = ISO_DATES
    ) -> None:
        self.store = store
        self.clock = clock
        self.dates = dates  # how its messages write times (the UI passes the locale's)
        self.events = Emitter()
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._last_tap: dict[str, _LastTap | None] = {}
        # Episodes seen closed by the idle timeout: a longer timeout set later
        # must not open them again (the parent has already seen them close).
        self._idle_closed: set[str] = set()

    # --- the tap -------------------------------------------------------------

    def record_movement(
        self, child_id: str, at: Instant | None = None, kind: MovementKind | None = None
    ) -> Movement:
        """Log one movement now (or at `at`); opens an episode if none is open.

        Raises:
            StoreError: not saved (disk full, read-only...); nothing changed.
        """
        at = at or self.clock()
        kind = kind or MovementKind.UNSPECIFIED
        episode = self.open_episode(child_id, at)
        new_episode = episode is None
        pairs: list[tuple[Record | None, Record]] = []
        if episode is None:
            # Both in one durable step: fewer waits for the disk than two saves.
            episode = Episode(child_id, opened=at)
            both: list[Episode | Movement] = [episode, Movement(child_id, episode.id, at, kind)]
            saved = self.store.save_together(both)
            episode, movement = cast(Episode, saved[0]), cast(Movement, saved[1])
            pairs.append((None, episode))
        else:
            movement = self.store.save(Movement(child_id, episode.id, at, kind=kind))
        pairs.append((None, movement))
        self._last_tap[child_id] = _LastTap(episode.id, at.utc_ms, movement.id)
        self._push(Change("movement", tuple(pairs)))
        self.events.emit(MovementRecorded(movement, episode, new_episode))
        return movement

    def label_or_record(self, child_id: str, kind: MovementKind) -> tuple[Movement, bool]:
        """A kind chip/key: label the last tap if it was within 5 s, else log a new one.

        Returns:
            (movement, labelled): labelled is False when a new movement was logged.
        """
        now = self.clock()
        last = self._last(child_id)
        if last is not None and 0 <= now.utc_ms - last.at_ms <= KIND_WINDOW_MS:
            m = self.store.movement(last.movement_id)
            if m is not None and m.deleted_ms is None:
                return self.update(
                    m, label=QT_TRANSLATE_NOOP("Changes", "kind of movement"), kind=kind
                ), True
        return self.record_movement(child_id, now, kind), False

    # --- episodes ------------------------------------------------------------

    def _last(self, child_id: str) -> _LastTap | None:
        if child_id not in self._last_tap:
            # Not later than the idle timeout from now: a tap dated in the
            # future (a clock that was wrong) must not stay "the last tap".
            until = self.clock().utc_ms + self.store.settings.idle_timeout_s * 1000
            last = self.store.last_movement(child_id, until)
            self._last_tap[child_id] = None if last is None else _LastTap(last[2], last[1], last[0])
        return self._last_tap[child_id]

    def store_reloaded(self) -> None:
        """The store re-read its folder (a read-only copy following the writer):
        forget what was cached from it, and undo steps that no longer apply."""
        self._last_tap.clear()
        self._undo.clear()
        self._redo.clear()
        self.events.emit(DataReplaced("followed"))

    def _forget_last(self, child_id: str) -> None:
        self._last_tap.pop(child_id, None)

    def open_episode(self, child_id: str, now: Instant | None = None) -> Episode | None:
        """The child's open episode: not settled, last tap within the idle timeout.

        Within it in either direction: after the clock is set back, the last
        tap ahead of now counts as a gap just as one behind it does, so an
        episode never spans more than the idle timeout between movements.
        """
        now = now or self.clock()
        last = self._last(child_id)
        if last is None or last.episode_id in self._idle_closed:
            return None
        if now.utc_ms - last.at_ms > self.store.settings.idle_timeout_s * 1000:
            self._idle_closed.add(last.episode_id)
            return None
        ep = self.store.episode(last.episode_id)
        if ep is None or ep.deleted_ms is not None or ep.settled is not None:
            return None
        if last.at_ms - now.utc_ms > self.store.settings.idle_timeout_s * 1000:
            return None  # the clock went back: a new episode, not a day-long one
        return ep

    def settle(self, child_id: str) -> Episode | None:
        """Mark the open episode settled now. Returns it, or None if none was open."""
        now = self.clock()
        ep = self.open_episode(child_id, now)
        if ep is None:
            return None
        return self.update(ep, label=QT_TRANSLATE_NOOP("Changes", "settled mark"), settled=now)

    def save_settings(self, settings: Settings) -> None:
        """Save new settings; an episode already closed by the idle timeout stays closed.

        Raises:
            StoreError: not saved.
        """
        old = self.store.settings
        for child in self.store.children():
            self.open_episode(child.id)  # notes episodes the old timeout has closed
        self.store.save_settings(settings)
        self.events.emit(SettingsChanged(old, settings))

    def remember_child(self, child_id: str) -> None:
        """Keep the child being logged for the next start (no event: a preference
        that changes nothing on screen beyond the selection itself).

        Raises:
            StoreError: not saved.
        """
        if self.store.readonly or self.store.settings.selected_child_id == child_id:
            return
        self.store.save_settings(replace(self.store.settings, selected_child_id=child_id))

    def import_planned(self, plan: ImportPlan) -> None:
        """Write a previewed import, all or nothing, then tell every view.

        Raises:
            UnfinishedCommitError: written, but its clean-up is left for the next
                open; the records are there, so the views are told anyway.
            StoreError: nothing was imported.
        """
        # Imported here: the CLI's summary loads this module and needs no importer.
        from rlbaby.store.exchange import apply_import
        from rlbaby.store.journal import UnfinishedCommitError

        try:
            apply_import(self.store, plan)
        except UnfinishedCommitError:
            self._imported()
            raise
        self._imported()

    def _imported(self) -> None:
        self._last_tap.clear()  # an imported movement may be the newest now
        self.events.emit(DataReplaced("import"))

    def episode_movements(self, episode_id: str) -> np.ndarray:
        return self.store.movements(episode_id=episode_id).at_ms

    # --- sleep marks ---------------------------------------------------------

    def current_sleep(self, child_id: str) -> SleepPeriod | None:
        periods = self.store.sleep_periods(child_id)
        if periods and periods[-1].awake is None:
            return periods[-1]
        return None

    def toggle_sleep(self, child_id: str) -> SleepPeriod:
        """Asleep if awake, awake if asleep. Returns the period written.

        A second press within SLEEP_CANCEL_MS of the Asleep mark cancels that
        mark (undoably) instead of saving a sleep of a few seconds; the period
        returned then has `deleted_ms` set.

        Raises:
            StoreError: not saved (disk), or the clock is now earlier than the
                Asleep mark (it was set back, or that mark was edited later).
        """
        now = self.clock()
        current = self.current_sleep(child_id)
        if current is not None:
            if now.utc_ms < current.asleep.utc_ms:
                raise StoreError(
                    f"The Awake mark ({self.dates.time(now.local())}) would come before the "
                    f"Asleep mark ({self.dates.time(current.asleep.local())}). Check the "
                    "computer's clock, or correct the times in History. Nothing was saved."
                )
            if now.utc_ms - current.asleep.utc_ms < SLEEP_CANCEL_MS:
                return self.delete(
                    current, label=QT_TRANSLATE_NOOP("Changes", "cancelled asleep mark")
                )
            return self.update(current, label=QT_TRANSLATE_NOOP("Changes", "awake mark"), awake=now)
        return self.add(
            SleepPeriod(child_id, asleep=now), label=QT_TRANSLATE_NOOP("Changes", "asleep mark")
        )

    # --- generic edits (History, sheet) ---------------------------------------

    def add(self, record: R, label: str | None = None) -> R:
        """Save a new record; undoable. `label` names the step for "Undone: ..."."""
        saved = self.store.save(record)
        self._after_change(Change(label or NEW_LABEL[type(record)], ((None, saved),)))
        return saved

    def update(self, record: R, label: str | None = None, **changes: object) -> R:
        """Save `record` with `changes`; undoable."""
        current = self._current(record)
        # Each record checks its own fields as it is built (__post_init__).
        saved = self.store.save(replace(current, **cast("dict[str, Any]", changes)))
        what = label or CHANGE_LABEL[type(record)]
        self._after_change(Change(what, ((current, saved),)))
        return saved

    def delete(self, record: R, label: str | None = None) -> R:
        """Tombstone `record`; undoable as one step. Returns its tombstone.

        An episode takes its movements with it, and a movement that was its
        episode's last takes the episode with it: an episode with no movement
        would still count in the night.
        """
        current = self._current(record)
        pairs: list[tuple[Record | None, Record]] = []
        if isinstance(current, Episode):
            for m in self.store.movements_of_episode(current.id):
                pairs.append((m, self.store.delete(m)))
        tombstone = self.store.delete(current)
        pairs.append((current, tombstone))
        if isinstance(current, Movement):
            episode = self.store.episode(current.episode_id)
            others = [
                m
                for m in self.store.movements_of_episode(current.episode_id)
                if m.id != current.id and m.deleted_ms is None
            ]
            if episode is not None and episode.deleted_ms is None and not others:
                pairs.append((episode, self.store.delete(episode)))
        self._after_change(Change(label or DELETED_LABEL[type(record)], tuple(pairs)))
        return tombstone

    def add_movement_at(self, child_id: str, at: Instant, kind: MovementKind) -> Movement:
        """A forgotten movement at a past time: joins the episode it falls in, or opens one."""
        timeout = self.store.settings.idle_timeout_s * 1000
        mv = self.store.movements(child_id, at.utc_ms - timeout, at.utc_ms + timeout + 1)
        pairs: list[tuple[Record | None, Record]] = []
        episode = None
        if len(mv):
            nearest = int(np.argmin(np.abs(mv.at_ms - at.utc_ms)))
            episode = self.store.episode(mv.episode_ids[int(mv.episode[nearest])])
        if episode is None or episode.deleted_ms is not None:
            episode = self.store.save(Episode(child_id, opened=at))
            pairs.append((None, episode))
        movement = self.store.save(Movement(child_id, episode.id, at, kind=kind))
        pairs.append((None, movement))
        self._after_change(Change("added movement", tuple(pairs)))
        return movement

    def add_episode_span(
        self,
        child_id: str,
        start: Instant,
        end: Instant,
        count: int,
        kind: MovementKind = MovementKind.UNSPECIFIED,
    ) -> Episode:
        """A forgotten episode: about `count` movements spread from `start` to `end`.

        The parent remembers roughly, so the movements are evenly spaced and the
        episode is marked settled at `end`. It is always a new episode (the parent
        said "an episode"), saved all or nothing and undone as one step.

        Raises:
            ValueError: end before start, or a count outside 1-500.
            StoreError: not saved; nothing changed.
        """
        if end.utc_ms < start.utc_ms:
            raise ValueError("The end comes before the start.")
        if not 1 <= count <= MAX_FORGOTTEN_MOVEMENTS:
            raise ValueError(f"Give between 1 and {MAX_FORGOTTEN_MOVEMENTS} movements.")
        span = end.utc_ms - start.utc_ms
        # Remembered afterwards, so it is over: settled at its end.
        episode = Episode(child_id, opened=start, settled=end)
        times = [start.utc_ms + (span * i) // max(1, count - 1) for i in range(count)]
        moves = [
            Movement(child_id, episode.id, Instant(t, start.offset_min), kind=kind) for t in times
        ]
        saved = self.store.save_many([episode, *moves])
        self._after_change(Change("added episode", tuple((None, r) for r in saved)))
        out: Episode = saved[0]
        return out

    def add_child(self, child: Child) -> Child:
        saved: Child = self.add(child)
        return saved

    def first_child(self, name: str = DEFAULT_CHILD_NAME) -> Child:
        """A child to log for on a fresh install, so the very first tap is saved.

        Not undoable: undoing it would leave the first movements with no child.
        The parent renames it later.
        """
        saved: Child = self.store.save(Child(name))
        self._changed(Change("new child", ((None, saved),)), "new child")
        return saved

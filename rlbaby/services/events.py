"""What the services tell their listeners. The UI turns these into Qt signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rlbaby.model import Child, Episode, Movement, Settings, SleepPeriod

Record = Movement | Episode | SleepPeriod | Child


@dataclass(frozen=True)
class MovementRecorded:
    """The hot path: one durable new movement (and its episode, new or not)."""

    movement: Movement
    episode: Episode
    new_episode: bool


@dataclass(frozen=True)
class RecordsChanged:
    """Anything else: edits, deletions, undo/redo, annotations, sleep marks."""

    records: tuple[Record, ...]
    reason: str


@dataclass(frozen=True)
class SettingsChanged:
    """The parent saved new settings (theme, text size, night hours, timeout...)."""

    old: Settings
    new: Settings


@dataclass(frozen=True)
class DataReplaced:
    """Much changed at once: an import, or a read-only copy re-read the folder.

    Listeners reload everything they show from the store.
    """

    reason: str


Event = MovementRecorded | RecordsChanged | SettingsChanged | DataReplaced
Listener = Callable[[Event], None]


class Emitter:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

"""Use cases the UI calls. Qt-free; the UI adapts their events to signals."""

from rlbaby.services.events import (
    DataReplaced,
    Event,
    MovementRecorded,
    RecordsChanged,
    SettingsChanged,
)
from rlbaby.services.logger import LoggerService

__all__ = [
    "DataReplaced",
    "Event",
    "LoggerService",
    "MovementRecorded",
    "RecordsChanged",
    "SettingsChanged",
]

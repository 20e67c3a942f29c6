"""Use cases the UI calls. Qt-free; the UI adapts their events to signals."""

from rlbaby.services.events import Event, MovementRecorded, RecordsChanged
from rlbaby.services.logger import LoggerService

__all__ = ["Event", "LoggerService", "MovementRecorded", "RecordsChanged"]

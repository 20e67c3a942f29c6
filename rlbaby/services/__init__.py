"""Use cases the UI calls. Qt-free; the UI adapts their events to signals.

The names below are imported on first use (PEP 562): `rlbaby summary` needs
only services.nights, and the logger's import is a tenth of its start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rlbaby.services.events import (
        DataReplaced,
        Event,
        MovementRecorded,
        RecordsChanged,
        SettingsChanged,
    )
    from rlbaby.services.logger import LoggerService

_HOME = {
    "DataReplaced": "rlbaby.services.events",
    "Event": "rlbaby.services.events",
    "MovementRecorded": "rlbaby.services.events",
    "RecordsChanged": "rlbaby.services.events",
    "SettingsChanged": "rlbaby.services.events",
    "LoggerService": "rlbaby.services.logger",
}

__all__ = [
    "DataReplaced",
    "Event",
    "LoggerService",
    "MovementRecorded",
    "RecordsChanged",
    "SettingsChanged",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once: later lookups are plain
    return value

"""Domain records and time rules. No I/O and no Qt."""

from rlbaby.model.records import (
    URGENT_SIGNS,
    Child,
    Episode,
    FamilyHistory,
    LabResult,
    Movement,
    MovementKind,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    Trigger,
    label,
    new_id,
)
from rlbaby.model.settings import RuleSet, Settings, ThemeChoice
from rlbaby.model.timekeeping import Clock, Instant, night_of, system_clock

__all__ = [
    "URGENT_SIGNS",
    "Child",
    "Clock",
    "Episode",
    "FamilyHistory",
    "Instant",
    "LabResult",
    "Movement",
    "MovementKind",
    "OnsetState",
    "Response",
    "RuleSet",
    "Settings",
    "Sign",
    "SleepPeriod",
    "Soothing",
    "StoppedWhenWoken",
    "ThemeChoice",
    "Trigger",
    "label",
    "new_id",
    "night_of",
    "system_clock",
]

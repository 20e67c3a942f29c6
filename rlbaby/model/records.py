"""The records a parent logs: children, movements, episodes and sleep periods.

All records are immutable dataclasses with a stable uuid and created/updated
times in UTC ms. Deleting sets `deleted_ms` (a tombstone) instead of removing
the record, so undo works and two computers could later merge their logs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.model.timekeeping import Instant

E = TypeVar("E", bound=StrEnum)


def new_id() -> str:
    return str(uuid.uuid4())


class MovementKind(StrEnum):
    UNSPECIFIED = "unspecified"
    KICK = "kick"
    JERK = "jerk"  # jerk or twitch
    STRETCH = "stretch"
    STIFFENING = "stiffening"


class OnsetState(StrEnum):
    ASLEEP = "asleep"
    DROWSY = "drowsy"
    AWAKE = "awake"


class Soothing(StrEnum):
    ROCKING = "rocking"
    FEEDING = "feeding"
    DIAPER = "diaper_change"
    LOOSENED = "loosened_clothing"
    TEMPERATURE = "room_temperature"
    MASSAGE = "leg_massage"
    WHITE_NOISE = "white_noise"
    HOLDING_LEGS = "holding_legs"


class Response(StrEnum):
    SETTLED_FAST = "settled_within_5_min"
    SETTLED_SLOW = "settled_slowly"
    NOT_SETTLED = "did_not_settle"


class StoppedWhenWoken(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_TRIED = "not_tried"


class Sign(StrEnum):
    INCONSOLABLE_CRYING = "inconsolable_crying"
    FEEDING_DIFFICULTY = "feeding_difficulty"
    STIFFNESS = "stiffness"
    TWITCHING_SPASMS = "twitching_spasms"
    EYES_ROLLING = "eyes_rolling_or_fixed"
    COLOUR_CHANGE = "colour_change"
    BREATHING_PAUSES = "breathing_pauses"
    SAME_WHEN_AWAKE = "same_when_awake"  # the same jerking also happens awake

    @property
    def urgent(self) -> bool:
        return self in URGENT_SIGNS


# The guide's red flags (resources/guide/08-urgent-signs.md), as far as they are
# signs a parent ticks. Stiffness and spasms are here because stiffening for
# seconds to minutes is a listed newborn seizure sign, and infantile spasms need
# urgent assessment (guide sources S12 and S14); they are never only a pattern
# to weigh. "Did not stop when woken" is a field of its own: see red_flags().
URGENT_SIGNS = frozenset(
    {
        Sign.EYES_ROLLING,
        Sign.COLOUR_CHANGE,
        Sign.BREATHING_PAUSES,
        Sign.STIFFNESS,
        Sign.TWITCHING_SPASMS,
        Sign.SAME_WHEN_AWAKE,
    }
)


class Trigger(StrEnum):
    HUNGER = "hunger"
    DIAPER = "wet_or_soiled_diaper"
    TIGHT_CLOTHING = "tight_clothing"
    TOO_WARM = "too_warm"
    TOO_COLD = "too_cold"
    OVERSTIMULATION = "overstimulation"
    UNWELL = "unwell"


class FamilyHistory(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class RedFlag(StrEnum):
    """The guide's signs to act on now (08-urgent-signs.md), one place for all.

    The Log tab's notice, the comparison's urgent list and the report all read
    `Episode.red_flags()`, so no red flag can be known to one and missed by another.
    """

    NOT_STOPPED_WHEN_WOKEN = "not_stopped_when_woken"
    # Values differ from every Sign's: StrEnums with equal values are equal dict
    # keys, and LABELS holds both (one "same_when_awake" would overwrite the other).
    SAME_WHEN_AWAKE = "same_jerking_when_awake"
    STIFFENING_OR_SPASMS = "stiffening_or_spasms"
    EYES = "eyes"
    COLOUR = "colour"
    BREATHING = "breathing"


RED_FLAG_OF_SIGN: dict[Sign, RedFlag] = {
    Sign.SAME_WHEN_AWAKE: RedFlag.SAME_WHEN_AWAKE,
    Sign.STIFFNESS: RedFlag.STIFFENING_OR_SPASMS,
    Sign.TWITCHING_SPASMS: RedFlag.STIFFENING_OR_SPASMS,
    Sign.EYES_ROLLING: RedFlag.EYES,
    Sign.COLOUR_CHANGE: RedFlag.COLOUR,
    Sign.BREATHING_PAUSES: RedFlag.BREATHING,
}

# Words a parent reads; the enum values above are the stored spelling. Marked for
# Qt's lupdate; the UI shows them through rlbaby.ui.i18n.tr_label (translated).
LABELS: dict[StrEnum, str] = {
    MovementKind.UNSPECIFIED: QT_TRANSLATE_NOOP("Labels", "unspecified"),
    MovementKind.KICK: QT_TRANSLATE_NOOP("Labels", "kick"),
    MovementKind.JERK: QT_TRANSLATE_NOOP("Labels", "jerk / twitch"),
    MovementKind.STRETCH: QT_TRANSLATE_NOOP("Labels", "stretch"),
    MovementKind.STIFFENING: QT_TRANSLATE_NOOP("Labels", "stiffening"),
    OnsetState.ASLEEP: QT_TRANSLATE_NOOP("Labels", "asleep"),
    OnsetState.DROWSY: QT_TRANSLATE_NOOP("Labels", "drowsy"),
    OnsetState.AWAKE: QT_TRANSLATE_NOOP("Labels", "awake"),
    Soothing.ROCKING: QT_TRANSLATE_NOOP("Labels", "rocking"),
    Soothing.FEEDING: QT_TRANSLATE_NOOP("Labels", "feeding"),
    Soothing.DIAPER: QT_TRANSLATE_NOOP("Labels", "diaper change"),
    Soothing.LOOSENED: QT_TRANSLATE_NOOP("Labels", "loosened clothing or swaddle"),
    Soothing.TEMPERATURE: QT_TRANSLATE_NOOP("Labels", "adjusted room temperature"),
    Soothing.MASSAGE: QT_TRANSLATE_NOOP("Labels", "leg massage"),
    Soothing.WHITE_NOISE: QT_TRANSLATE_NOOP("Labels", "white noise"),
    Soothing.HOLDING_LEGS: QT_TRANSLATE_NOOP("Labels", "gently holding the legs"),
    Response.SETTLED_FAST: QT_TRANSLATE_NOOP("Labels", "settled within 5 minutes"),
    Response.SETTLED_SLOW: QT_TRANSLATE_NOOP("Labels", "settled slowly"),
    Response.NOT_SETTLED: QT_TRANSLATE_NOOP("Labels", "did not settle"),
    StoppedWhenWoken.YES: QT_TRANSLATE_NOOP("Labels", "yes"),
    StoppedWhenWoken.NO: QT_TRANSLATE_NOOP("Labels", "no"),
    StoppedWhenWoken.NOT_TRIED: QT_TRANSLATE_NOOP("Labels", "not tried"),
    Sign.INCONSOLABLE_CRYING: QT_TRANSLATE_NOOP("Labels", "inconsolable crying"),
    Sign.FEEDING_DIFFICULTY: QT_TRANSLATE_NOOP("Labels", "feeding difficulty"),
    Sign.STIFFNESS: QT_TRANSLATE_NOOP("Labels", "stiffness"),
    Sign.TWITCHING_SPASMS: QT_TRANSLATE_NOOP("Labels", "twitching spasms"),
    Sign.EYES_ROLLING: QT_TRANSLATE_NOOP("Labels", "eyes rolling or fixed"),
    Sign.COLOUR_CHANGE: QT_TRANSLATE_NOOP("Labels", "color change"),
    Sign.BREATHING_PAUSES: QT_TRANSLATE_NOOP("Labels", "breathing pauses"),
    Sign.SAME_WHEN_AWAKE: QT_TRANSLATE_NOOP("Labels", "the same jerking also happens awake"),
    Trigger.HUNGER: QT_TRANSLATE_NOOP("Labels", "hunger"),
    Trigger.DIAPER: QT_TRANSLATE_NOOP("Labels", "wet or soiled diaper"),
    Trigger.TIGHT_CLOTHING: QT_TRANSLATE_NOOP("Labels", "tight clothing or swaddle"),
    Trigger.TOO_WARM: QT_TRANSLATE_NOOP("Labels", "too warm"),
    Trigger.TOO_COLD: QT_TRANSLATE_NOOP("Labels", "too cold"),
    Trigger.OVERSTIMULATION: QT_TRANSLATE_NOOP("Labels", "overstimulation"),
    Trigger.UNWELL: QT_TRANSLATE_NOOP("Labels", "unwell"),
    FamilyHistory.YES: QT_TRANSLATE_NOOP("Labels", "yes"),
    FamilyHistory.NO: QT_TRANSLATE_NOOP("Labels", "no"),
    FamilyHistory.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "not recorded"),
    RedFlag.NOT_STOPPED_WHEN_WOKEN: QT_TRANSLATE_NOOP("Labels", "did not stop when woken"),
    RedFlag.SAME_WHEN_AWAKE: QT_TRANSLATE_NOOP("Labels", "the same jerking also happens awake"),
    RedFlag.STIFFENING_OR_SPASMS: QT_TRANSLATE_NOOP("Labels", "stiffening or spasms"),
    RedFlag.EYES: QT_TRANSLATE_NOOP("Labels", "eyes rolling or fixed"),
    RedFlag.COLOUR: QT_TRANSLATE_NOOP("Labels", "color change"),
    RedFlag.BREATHING: QT_TRANSLATE_NOOP("Labels", "breathing pauses"),
}


def label(value: StrEnum) -> str:
    return LABELS.get(value, str(value).replace("_", " "))


def coerce_enum(cls: type[E], value: object, what: str) -> E:
    """`value` as a member of `cls`, accepting its stored spelling (a plain str).

    A QVariant round trip (QComboBox.currentData in PySide6 6.11) hands a
    StrEnum back as a bare str; records call this so that such a value is
    either made right here or refused with a clear message, never stored raw.

    Raises:
        ValueError: `value` is not one of `cls`'s values.
    """
    if type(value) is cls:
        return value
    try:
        return cls(value)  # type: ignore[arg-type]  # a wrong type is refused just below
    except (ValueError, TypeError):
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"{what} must be one of {choices}, not {value!r}") from None


def _set(record: Any, name: str, value: object) -> None:
    # Frozen dataclasses: __post_init__ may still normalise its own fields.
    object.__setattr__(record, name, value)


def _coerce_optional(record: Any, name: str, cls: type[StrEnum]) -> None:
    value = getattr(record, name)
    if value is not None and type(value) is not cls:
        _set(record, name, coerce_enum(cls, value, name.replace("_", " ")))


def _coerce_set(record: Any, name: str, cls: type[StrEnum]) -> None:
    values = getattr(record, name)
    if isinstance(values, str):  # a lone "rocking" would become a set of letters
        raise ValueError(f"{name} must be a set of choices, not the text {values!r}")
    if type(values) is not frozenset or any(type(v) is not cls for v in values):
        what = name.replace("_", " ")
        _set(record, name, frozenset(coerce_enum(cls, v, what) for v in values))


def _require_instant(value: object, what: str) -> None:
    if not isinstance(value, Instant):
        raise ValueError(f"{what} must be an Instant, not {value!r}")


@dataclass(frozen=True, slots=True)
class LabResult:
    """A lab result exactly as the doctor gave it (we do not interpret it)."""

    test: str
    value: str
    unit: str = ""
    taken: date | None = None


@dataclass(frozen=True, slots=True)
class Child:
    name: str
    id: str = field(default_factory=new_id)
    birth_date: date | None = None
    born_early: bool | None = None
    family_history: FamilyHistory = FamilyHistory.UNKNOWN
    labs: tuple[LabResult, ...] = ()
    notes: str = ""
    created_ms: int = 0
    updated_ms: int = 0
    deleted_ms: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError("a child needs a name")
        if type(self.family_history) is not FamilyHistory:
            _set(
                self,
                "family_history",
                coerce_enum(FamilyHistory, self.family_history, "family history"),
            )
        if self.born_early is not None and not isinstance(self.born_early, bool):
            raise ValueError(f"born early must be yes, no or not recorded, not {self.born_early!r}")
        if self.birth_date is not None and not isinstance(self.birth_date, date):
            raise ValueError(f"birth date must be a date, not {self.birth_date!r}")
        if not isinstance(self.labs, tuple):
            _set(self, "labs", tuple(self.labs))


@dataclass(frozen=True, slots=True)
class Movement:
    """One tap: a movement at an instant, belonging to an episode."""

    child_id: str
    episode_id: str
    at: Instant
    kind: MovementKind = MovementKind.UNSPECIFIED
    id: str = field(default_factory=new_id)
    note: str = ""
    created_ms: int = 0
    updated_ms: int = 0
    deleted_ms: int | None = None

    def __post_init__(self) -> None:
        # On the open path for every stored movement: one identity check when right.
        if type(self.kind) is not MovementKind:
            _set(self, "kind", coerce_enum(MovementKind, self.kind, "movement kind"))


@dataclass(frozen=True, slots=True)
class Episode:
    """A period of restlessness, with the parent's annotations.

    `opened` is the instant the episode was created (its first tap); it also
    decides which monthly file holds the record. The episode's start and end
    are derived from its movements (and `settled`), never kept by hand.
    """

    child_id: str
    opened: Instant
    id: str = field(default_factory=new_id)
    settled: Instant | None = None
    onset_state: OnsetState | None = None
    soothing: frozenset[Soothing] = frozenset()
    response: Response | None = None
    stopped_when_woken: StoppedWhenWoken | None = None
    signs: frozenset[Sign] = frozenset()
    triggers: frozenset[Trigger] = frozenset()
    video: bool | None = None
    note: str = ""
    created_ms: int = 0
    updated_ms: int = 0
    deleted_ms: int | None = None

    def __post_init__(self) -> None:
        _require_instant(self.opened, "the episode's start")
        if self.settled is not None:
            _require_instant(self.settled, "the settled time")
        _coerce_optional(self, "onset_state", OnsetState)
        _coerce_optional(self, "response", Response)
        _coerce_optional(self, "stopped_when_woken", StoppedWhenWoken)
        _coerce_set(self, "soothing", Soothing)
        _coerce_set(self, "signs", Sign)
        _coerce_set(self, "triggers", Trigger)

    @property
    def urgent_signs(self) -> frozenset[Sign]:
        return self.signs & URGENT_SIGNS

    def red_flags(self, stiffening_tap: bool = False) -> tuple[RedFlag, ...]:
        """Every red flag of the guide this episode shows, in the guide's order.

        Args:
            stiffening_tap: a movement of this episode was marked stiffening
                (the episode does not hold its movements, so the caller says).
        """
        found = {RED_FLAG_OF_SIGN[s] for s in self.signs if s in RED_FLAG_OF_SIGN}
        if self.stopped_when_woken is StoppedWhenWoken.NO:
            found.add(RedFlag.NOT_STOPPED_WHEN_WOKEN)
        if stiffening_tap:
            found.add(RedFlag.STIFFENING_OR_SPASMS)
        return tuple(f for f in RedFlag if f in found)


@dataclass(frozen=True, slots=True)
class SleepPeriod:
    """From an Asleep mark to an Awake mark; `awake` is None while asleep."""

    child_id: str
    asleep: Instant
    id: str = field(default_factory=new_id)
    awake: Instant | None = None
    created_ms: int = 0
    updated_ms: int = 0
    deleted_ms: int | None = None

    def __post_init__(self) -> None:
        if self.awake is not None and self.awake.utc_ms < self.asleep.utc_ms:
            raise ValueError("awake mark is before the asleep mark")

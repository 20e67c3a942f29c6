"""User settings, stored in the data folder so that a backup carries them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rlbaby.model.emergency import check_emergency_number


class RuleSet(StrEnum):
    """Interval rules for periodic runs, in seconds (inclusive)."""

    WASM = "wasm"  # World Association of Sleep Medicine 2016: 10-90 s
    AASM = "aasm"  # American Academy of Sleep Medicine: 5-90 s

    @property
    def interval_s(self) -> tuple[float, float]:
        return (10.0, 90.0) if self is RuleSet.WASM else (5.0, 90.0)

    @property
    def title(self) -> str:  # type: ignore[override]  # shadows str.title on purpose (UI label)
        return "WASM 2016 (10-90 s)" if self is RuleSet.WASM else "AASM (5-90 s)"


class ThemeChoice(StrEnum):
    AUTO = "auto"  # night theme between the night-theme hours
    NIGHT = "night"
    DAY = "day"


class LanguageChoice(StrEnum):
    """The UI's language: the system's (its first language rlbaby has), or a fixed one."""

    SYSTEM = "system"
    ENGLISH = "en"
    GERMAN = "de"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class Settings:
    night_start_hour: int = 18
    idle_timeout_s: int = 300
    night_theme_from_hour: int = 20
    night_theme_to_hour: int = 7
    rule: RuleSet = RuleSet.WASM
    text_scale: float = 1.0
    theme: ThemeChoice = ThemeChoice.AUTO
    selected_child_id: str | None = None
    # Empty: follow the country of the computer's locale (emergency.py).
    emergency_number: str = ""
    language: LanguageChoice = LanguageChoice.SYSTEM

    def __post_init__(self) -> None:
        # Settings come from meta.json too: reject wrong types here (a bool is
        # an int to Python, a float hour would leak into every night index).
        for name in ("night_start_hour", "night_theme_from_hour", "night_theme_to_hour"):
            hour = getattr(self, name)
            if not _is_int(hour) or not 0 <= hour <= 23:
                raise ValueError(f"{name.replace('_', ' ')} must be 0-23, not {hour!r}")
        if not _is_int(self.idle_timeout_s) or not 30 <= self.idle_timeout_s <= 3600:
            raise ValueError("the episode idle timeout must be 30 s to 60 min")
        scale = self.text_scale
        if not isinstance(scale, int | float) or isinstance(scale, bool) or not 0.75 <= scale <= 2:
            raise ValueError("the text size must be 75% to 200%")
        object.__setattr__(self, "emergency_number", check_emergency_number(self.emergency_number))
        try:
            object.__setattr__(self, "rule", RuleSet(self.rule))
        except ValueError:
            raise ValueError(f"unknown rule {self.rule!r}") from None
        try:
            object.__setattr__(self, "theme", ThemeChoice(self.theme))
        except ValueError:
            raise ValueError(f"unknown theme {self.theme!r}") from None
        try:
            object.__setattr__(self, "language", LanguageChoice(self.language))
        except ValueError:
            raise ValueError(f"unknown language {self.language!r}") from None

    def is_night_theme_hour(self, hour: int) -> bool:
        lo, hi = self.night_theme_from_hour, self.night_theme_to_hour
        return lo <= hour < hi if lo <= hi else hour >= lo or hour < hi

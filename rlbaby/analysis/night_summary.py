"""What one night's log shows: the NightSummary record and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rlbaby.model import Response
from rlbaby.model.timekeeping import MS_PER_HOUR

CORE_HOURS = (22, 6)  # local clock hours; "the night's core"
SETTLED = frozenset({Response.SETTLED_FAST, Response.SETTLED_SLOW})
MAX_OPEN_SLEEP_MS = 16 * MS_PER_HOUR  # an Asleep mark never closed stops counting here


@dataclass(frozen=True)
class NightSummary:
    """What one night's log shows. Rates are per hour of *logged* sleep."""

    night: date
    child_id: str
    movements: int = 0
    episodes: int = 0
    total_episode_min: float = 0.0
    longest_episode_min: float = 0.0
    sleep_hours: float | None = None
    movements_in_sleep: int = 0
    periodic_runs: int = 0
    rapid_clusters: int = 0
    core_movements: int = 0
    onset: dict[str, int] = field(default_factory=dict)
    responses: dict[str, int] = field(default_factory=dict)
    soothing: dict[str, int] = field(default_factory=dict)
    signs: dict[str, int] = field(default_factory=dict)
    triggers: dict[str, int] = field(default_factory=dict)
    videos: int = 0

    @property
    def movements_per_sleep_hour(self) -> float | None:
        if not self.sleep_hours:
            return None
        return self.movements_in_sleep / self.sleep_hours

    @property
    def periodic_runs_per_sleep_hour(self) -> float | None:
        if not self.sleep_hours:
            return None
        return self.periodic_runs / self.sleep_hours

    @property
    def core_share(self) -> float | None:
        return self.core_movements / self.movements if self.movements else None

    @property
    def settled(self) -> int:
        return sum(self.responses.get(r.value, 0) for r in SETTLED)

    @property
    def responses_recorded(self) -> int:
        return sum(self.responses.values())

    def to_json(self) -> dict[str, Any]:
        return night_json(
            self.night.isoformat(),
            self.child_id,
            self.movements,
            self.episodes,
            self.total_episode_min,
            self.longest_episode_min,
            self.sleep_hours,
            self.movements_in_sleep,
            self.periodic_runs,
            self.rapid_clusters,
            self.core_movements,
            _sorted(self.onset),
            _sorted(self.responses),
            _sorted(self.soothing),
            _sorted(self.signs),
            _sorted(self.triggers),
            self.videos,
        )


def night_json(
    night: str,
    child: str,
    movements: int,
    episodes: int,
    total_episode_min: float,
    longest_episode_min: float,
    sleep_hours: float | None,
    movements_in_sleep: int,
    periodic_runs: int,
    rapid_clusters: int,
    core_movements: int,
    onset: dict[str, int],
    responses: dict[str, int],
    soothing: dict[str, int],
    signs: dict[str, int],
    triggers: dict[str, int],
    videos: int,
) -> dict[str, Any]:
    """One night of `summary --json`: the one place its keys, order and rounding
    are written (`NightSummary.to_json` and `NightTable.json_rows` both call it).
    The counts come sorted by name (see `_sorted`); rates are per logged sleep hour."""
    per_hour = sleep_hours or None  # no rate without logged sleep
    return {
        "night": night,
        "child": child,
        "movements": movements,
        "episodes": episodes,
        "total_episode_min": round(total_episode_min, 1),
        "longest_episode_min": round(longest_episode_min, 1),
        "sleep_hours": None if sleep_hours is None else round(sleep_hours, 2),
        "movements_per_sleep_hour": None
        if per_hour is None
        else round(movements_in_sleep / per_hour, 2),
        "periodic_runs": periodic_runs,
        "periodic_runs_per_sleep_hour": None
        if per_hour is None
        else round(periodic_runs / per_hour, 2),
        "rapid_clusters": rapid_clusters,
        "core_share": round(core_movements / movements, 3) if movements else None,
        "onset": onset,
        "responses": responses,
        "soothing": soothing,
        "signs": signs,
        "triggers": triggers,
        "videos": videos,
    }


def _sorted(counts: dict[str, int]) -> dict[str, int]:
    """`counts` by name: the counts are filled from sets, whose order changes
    with each process's hash seed, and `summary --json` must read the same
    from one run to the next."""
    return dict(sorted(counts.items()))

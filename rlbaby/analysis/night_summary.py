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
        def rnd(x: float | None, nd: int = 2) -> float | None:
            return None if x is None else round(x, nd)

        return {
            "night": self.night.isoformat(),
            "child": self.child_id,
            "movements": self.movements,
            "episodes": self.episodes,
            "total_episode_min": rnd(self.total_episode_min, 1),
            "longest_episode_min": rnd(self.longest_episode_min, 1),
            "sleep_hours": rnd(self.sleep_hours),
            "movements_per_sleep_hour": rnd(self.movements_per_sleep_hour),
            "periodic_runs": self.periodic_runs,
            "periodic_runs_per_sleep_hour": rnd(self.periodic_runs_per_sleep_hour),
            "rapid_clusters": self.rapid_clusters,
            "core_share": rnd(self.core_share, 3),
            "onset": _sorted(self.onset),
            "responses": _sorted(self.responses),
            "soothing": _sorted(self.soothing),
            "signs": _sorted(self.signs),
            "triggers": _sorted(self.triggers),
            "videos": self.videos,
        }


def _sorted(counts: dict[str, int]) -> dict[str, int]:
    """`counts` by name: the counts are filled from sets, whose order changes
    with each process's hash seed, and `summary --json` must read the same
    from one run to the next."""
    return dict(sorted(counts.items()))

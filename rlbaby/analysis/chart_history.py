"""One child's whole log as the charts cut it into ranges: pure data, no store.

Summarised once per change of the log (see `rlbaby.services.charts`), then cut
per range, so switching between "last 7 nights" and "all" costs only the cutting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from rlbaby.analysis.nights import NightSummary, movements_of_nights
from rlbaby.analysis.ranges import NightRange
from rlbaby.model import Episode, RuleSet
from rlbaby.model.arrays import MovementArrays
from rlbaby.model.timekeeping import night_index, night_number


@dataclass(frozen=True)
class ChartHistory:
    """One child's log, as the charts need it."""

    child_id: str
    start_hour: int
    rule: RuleSet
    mv: MovementArrays
    summaries: list[NightSummary]
    episodes: tuple[Episode, ...] = ()
    episode_nights: dict[str, int] = field(default_factory=dict)

    @property
    def first_night(self) -> date | None:
        return self.summaries[0].night if self.summaries else None

    def movements(self, nights: NightRange) -> MovementArrays:
        return movements_of_nights(self.mv, self.start_hour, nights.first, nights.last)

    def summaries_in(self, nights: NightRange) -> list[NightSummary]:
        return [s for s in self.summaries if nights.contains(s.night)]

    def episodes_in(self, nights: NightRange) -> list[Episode]:
        """The episodes of `nights`: each belongs to the night of its first
        movement, as in the night summaries (so the counts agree)."""
        lo, hi = night_number(nights.first), night_number(nights.last)
        return [e for e in self.episodes if lo <= self.episode_nights.get(e.id, lo - 1) <= hi]


def first_tap_nights(mv: MovementArrays, start_hour: int) -> dict[str, int]:
    """The night (day index) of each episode's first movement; movements are sorted."""
    codes, first = np.unique(mv.episode, return_index=True)
    nights = night_index(mv.local_ms[first], start_hour)
    return {mv.episode_ids[c]: n for c, n in zip(codes.tolist(), nights.tolist(), strict=True)}

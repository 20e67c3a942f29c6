"""Which records a range of nights holds, and its night summaries: one rule for all.

The comparison, the report, the charts and the CLI summary all summarise nights.
They ask here, so an episode that crosses the edge of a range is counted the same
way everywhere: it belongs to the range when it has a movement on one of the
range's nights, and to the night of its first such movement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rlbaby.analysis.night_table import NightTable, night_table
from rlbaby.analysis.nights import NightSummary, movements_of_nights, night_numbers
from rlbaby.model import Episode, RuleSet, SleepPeriod
from rlbaby.model.arrays import MovementArrays
from rlbaby.model.timekeeping import MS_PER_DAY, night_bounds_utc_ms
from rlbaby.store import Store


@dataclass(frozen=True)
class NightWindow:
    """One child's records of a range of nights.

    Attributes:
        first, last: the range (inclusive); None for no bound on that side.
        mv: the movements of the range's nights (episode codes dense, as
            `movements_of_nights` gives them).
        episodes: the live episodes with a movement in `mv`, oldest first.
        sleep: the live sleep periods that overlap the range (summaries split
            them at the night boundaries).
    """

    child_id: str
    start_hour: int
    rule: RuleSet
    first: date | None
    last: date | None
    mv: MovementArrays
    episodes: tuple[Episode, ...]
    sleep: tuple[SleepPeriod, ...]

    def summaries(self, now_ms: int) -> list[NightSummary]:
        """One summary per logged night of the range, oldest first."""
        return self.table(now_ms).summaries()

    def table(self, now_ms: int) -> NightTable:
        """The same figures as `summaries`, a column per figure (for JSON, say)."""
        bounded = self.first is not None or self.last is not None
        nights = (self.first or date.min, self.last or date.max) if bounded else None
        return night_table(
            self.child_id,
            self.mv,
            self.episodes,
            self.sleep,
            start_hour=self.start_hour,
            rule=self.rule,
            now_ms=now_ms,
            nights=night_numbers(nights),
        )


def night_window(
    store: Store,
    child_id: str,
    first: date | None = None,
    last: date | None = None,
    *,
    rule: RuleSet | None = None,
) -> NightWindow:
    """The records of the nights `first`..`last` (None: from the first, or to the last, logged).

    Args:
        rule: the rule set for periodic runs; the settings' when None.
    """
    settings = store.settings
    start_hour = settings.night_start_hour
    # The store's queries are padded for any UTC offset; the cut below is exact.
    t0 = None if first is None else night_bounds_utc_ms(first, start_hour)[0]
    t1 = None if last is None else night_bounds_utc_ms(last, start_hour)[1]
    mv = movements_of_nights(store.movements(child_id, t0, t1), start_hour, first, last)
    in_range = set(mv.episode_ids)
    # An episode is opened at its first tap; a day's margin catches one that was
    # opened just before the range and tapped on into it.
    opened_from = None if t0 is None else t0 - MS_PER_DAY
    episodes = tuple(e for e in store.episodes(child_id, opened_from, t1) if e.id in in_range)
    return NightWindow(
        child_id,
        start_hour,
        rule or settings.rule,
        first,
        last,
        mv,
        episodes,
        tuple(store.sleep_periods(child_id, t0, t1)),
    )

"""What was noted about the episodes of a range: the breakdown and soothing charts' numbers.

Counts only; the words for them are the UI's (ui/charts/words.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from rlbaby.analysis.nights import SETTLED, NightSummary
from rlbaby.model import Episode, OnsetState, Response, Sign, Soothing, Trigger
from rlbaby.model.arrays import I64

F64 = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Breakdown:
    """How often each answer was noted, over the episodes of a range.

    Attributes:
        field: the NightSummary dict it comes from ("responses", "signs", ...).
        keys: the stored answers, in the order shown.
        counts: episodes with each answer.
        base: what a percentage is "of" (episodes, or episodes with an answer).
    """

    field: str
    keys: tuple[str, ...]
    counts: I64
    base: int

    @property
    def percents(self) -> F64:
        if self.base == 0:
            return np.zeros(self.counts.size)
        return np.asarray(self.counts * 100.0 / self.base, np.float64)

    @property
    def empty(self) -> bool:
        return not bool(self.counts.any())


# The breakdown charts, in order: the NightSummary field and its answers.
BREAKDOWNS: tuple[tuple[str, type[StrEnum]], ...] = (
    ("responses", Response),
    ("signs", Sign),
    ("triggers", Trigger),
    ("onset", OnsetState),
)
NOT_NOTED = "unknown"  # how summaries count an episode without an onset state


def breakdowns(summaries: Iterable[NightSummary]) -> list[Breakdown]:
    """The four breakdown charts of the episodes in `summaries`.

    Percentages: responses are out of the episodes with a response noted (an
    episode has at most one); signs and triggers out of all episodes (an
    episode may have several, so they need not add up to 100); onset out of
    all episodes, with "not noted" for those without one.
    """
    totals: dict[str, dict[str, int]] = {name: {} for name, _e in BREAKDOWNS}
    episodes = 0
    for s in summaries:
        episodes += s.episodes
        for name, _enum in BREAKDOWNS:
            bucket = totals[name]
            for key, n in getattr(s, name).items():
                bucket[key] = bucket.get(key, 0) + n
    return breakdowns_of(episodes, totals)


def breakdowns_of(episodes: int, totals: Mapping[str, Mapping[str, int]]) -> list[Breakdown]:
    """`breakdowns` from the range's episode count and each field's counts added up."""
    out = []
    for name, enum in BREAKDOWNS:
        keys = [m.value for m in enum]
        if name == "onset":
            keys.append(NOT_NOTED)
        counts = np.array([totals[name].get(k, 0) for k in keys], np.int64)
        base = int(counts.sum()) if name == "responses" else episodes
        out.append(Breakdown(name, tuple(keys), counts, base))
    return out


# --- 6. soothing tried, and how often the parent noted it helped -------------------------


@dataclass(frozen=True)
class SoothingSummary:
    """What was tried to soothe the episodes of a range, and how they ended.

    An episode's response belongs to the whole episode, not to one thing tried:
    an episode where rocking and feeding were both tried, and that settled,
    counts as "helped" for each. "Helped" means the parent noted that the baby
    settled (within 5 minutes or slowly); it is what was noted, not proof.

    Attributes:
        keys: every kind of soothing, in the order shown.
        tried: episodes in which each was tried.
        helped: of those, the episodes noted as settled.
        not_helped: of those, the episodes noted as "did not settle".
        episodes: all episodes of the range.
        with_soothing: episodes with anything tried noted.
    """

    keys: tuple[str, ...]
    tried: I64
    helped: I64
    not_helped: I64
    episodes: int
    with_soothing: int

    @property
    def not_noted(self) -> I64:
        """Episodes where it was tried but no response was noted."""
        return np.asarray(self.tried - self.helped - self.not_helped, np.int64)

    @property
    def noted(self) -> I64:
        """Episodes where it was tried and a response was noted."""
        return np.asarray(self.helped + self.not_helped, np.int64)

    @property
    def empty(self) -> bool:
        return not bool(self.tried.any())

    def order_by_tried(self) -> list[int]:
        """Rows that were tried, most tried first (ties in the usual order)."""
        return sorted(np.flatnonzero(self.tried).tolist(), key=lambda i: -int(self.tried[i]))


def soothing_summary(episodes: Iterable[Episode]) -> SoothingSummary:
    """Count, for each kind of soothing, the episodes it was tried in and how they ended."""
    kinds = list(Soothing)
    # Plain dict counters in one pass: a numpy update or Counter.update per
    # episode costs several times more at tens of thousands of episodes.
    tried = dict.fromkeys(kinds, 0)
    helped = dict.fromkeys(kinds, 0)
    not_helped = dict.fromkeys(kinds, 0)
    n = with_soothing = 0
    for e in episodes:
        n += 1
        tried_here = e.soothing
        if not tried_here:
            continue
        with_soothing += 1
        outcome = (
            helped
            if e.response in SETTLED
            else not_helped
            if e.response is Response.NOT_SETTLED
            else None
        )
        for k in tried_here:
            tried[k] += 1
            if outcome is not None:
                outcome[k] += 1

    def column(counts: dict[Soothing, int]) -> I64:
        return np.array([counts[k] for k in kinds], np.int64)

    return SoothingSummary(
        keys=tuple(k.value for k in kinds),
        tried=column(tried),
        helped=column(helped),
        not_helped=column(not_helped),
        episodes=n,
        with_soothing=with_soothing,
    )

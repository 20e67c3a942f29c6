"""What the report says, gathered from the store as plain data. Qt-free.

Everything the pages show is decided here (which nights, which episodes, the
averages), so it can be tested without drawing anything.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rlbaby.analysis import NightSummary
from rlbaby.analysis.breakdowns import SoothingSummary, soothing_summary
from rlbaby.analysis.comparison import (
    Comparison,
    compare,
    first_taps,
    stiffening_episode_ids,
)
from rlbaby.model import (
    URGENT_SIGNS,
    Child,
    Episode,
    Instant,
    RuleSet,
    Sign,
    label,
    night_of,
)
from rlbaby.model.emergency import FALLBACK, emergency_number
from rlbaby.services.nights import night_window
from rlbaby.store import Store

MIN_NIGHTS = 7  # the guide's "log at least 7 nights" rule of thumb
NOTE_CHARS = 400  # a longer note is shortened in the table (the full text is in the app)


@dataclass(frozen=True)
class Averages:
    """Per-night averages over the logged nights (None where nothing to average)."""

    movements: float
    episodes: float
    longest_episode_min: float
    movements_per_sleep_hour: float | None
    periodic_runs: float
    rapid_clusters: float


@dataclass(frozen=True)
class SampleNight:
    """A night whose timeline is shown, and why it was picked."""

    night: date
    reasons: tuple[str, ...]
    movements: int


@dataclass(frozen=True)
class SignEpisode:
    """An episode with an urgent or associated sign, in a parent's words."""

    night: date
    at: Instant
    episode_id: str
    urgent: tuple[str, ...]
    other: tuple[str, ...]
    soothing: str
    response: str
    stopped_when_woken: str
    note: str


@dataclass(frozen=True)
class ReportContent:
    """Everything one report shows, for one child and one range of nights."""

    child: Child
    first: date
    last: date
    made_ms: int
    rule: RuleSet
    start_hour: int
    nights: tuple[NightSummary, ...]
    averages: Averages | None
    samples: tuple[SampleNight, ...]
    episodes: int
    videos: int
    sign_episodes: tuple[SignEpisode, ...]
    comparison: Comparison
    soothing: SoothingSummary
    emergency_number: str = FALLBACK

    @property
    def few_nights(self) -> bool:
        return len(self.nights) < MIN_NIGHTS

    @property
    def movements(self) -> int:
        return sum(n.movements for n in self.nights)

    @property
    def urgent_episodes(self) -> int:
        return sum(1 for e in self.sign_episodes if e.urgent)


def averages(nights: Sequence[NightSummary]) -> Averages | None:
    """Per-night means; the movement rate is pooled over all logged sleep hours.

    Pooling (all movements in sleep / all sleep hours) keeps a short nap-like
    night from weighing as much as a full night.
    """
    if not nights:
        return None
    n = len(nights)
    hours = sum(s.sleep_hours or 0.0 for s in nights)
    in_sleep = sum(s.movements_in_sleep for s in nights if s.sleep_hours)
    return Averages(
        movements=sum(s.movements for s in nights) / n,
        episodes=sum(s.episodes for s in nights) / n,
        longest_episode_min=sum(s.longest_episode_min for s in nights) / n,
        movements_per_sleep_hour=in_sleep / hours if hours else None,
        periodic_runs=sum(s.periodic_runs for s in nights) / n,
        rapid_clusters=sum(s.rapid_clusters for s in nights) / n,
    )


def sample_nights(nights: Sequence[NightSummary]) -> tuple[SampleNight, ...]:
    """The nights whose timelines the report shows: the one with the most
    movements, a typical one (the median by movements) and the latest.

    A night picked for two reasons is shown once, with both reasons. Ties go to
    the later night, which a doctor is more likely to ask about.
    """
    with_moves = [s for s in nights if s.movements]
    if not with_moves:
        return ()
    by_count = sorted(with_moves, key=lambda s: (s.movements, s.night))
    picks = [
        (by_count[-1], "most movements"),
        (by_count[(len(by_count) - 1) // 2], "a typical night (the median)"),
        (with_moves[-1], "the latest night"),
    ]
    reasons: dict[date, list[str]] = {}
    counts: dict[date, int] = {}
    for s, why in picks:
        reasons.setdefault(s.night, []).append(why)
        counts[s.night] = s.movements
    return tuple(SampleNight(d, tuple(reasons[d]), counts[d]) for d in reasons)


def _words(values: Any) -> str:
    return ", ".join(sorted(label(v) for v in values))


def sign_episodes(
    episodes: Sequence[Episode],
    starts: dict[str, Instant],
    start_hour: int,
    stiffening: frozenset[str] = frozenset(),
) -> tuple[SignEpisode, ...]:
    """Every episode with a sign or a red flag, oldest first; red flags apart.

    An episode with no sign ticked is still listed when it has a red flag of its
    own (it did not stop when woken, or a tap was marked stiffening): dropping it
    would print "no urgent signs" over it.

    Args:
        stiffening: ids of episodes with a tap marked stiffening.
    """
    out = []
    for e in episodes:
        flags = e.red_flags(stiffening_tap=e.id in stiffening)
        if not e.signs and not flags:
            continue
        at = starts.get(e.id, e.opened)
        note = e.note.strip()
        if len(note) > NOTE_CHARS:
            note = note[: NOTE_CHARS - 1].rstrip() + "…"
        out.append(
            SignEpisode(
                night=night_of(at, start_hour),
                at=at,
                episode_id=e.id,
                urgent=tuple(label(f) for f in flags),
                other=tuple(label(s) for s in Sign if s in e.signs - URGENT_SIGNS),
                soothing=_words(e.soothing),
                response=label(e.response) if e.response else "",
                stopped_when_woken=label(e.stopped_when_woken) if e.stopped_when_woken else "",
                note=note,
            )
        )
    out.sort(key=lambda s: s.at.utc_ms)
    return tuple(out)


def gather(
    store: Store,
    child: Child,
    first: date,
    last: date,
    now_ms: int | None = None,
    country: str = "",
) -> ReportContent:
    """Collect what the report shows for `child`'s nights `first`..`last` (inclusive).

    Args:
        country: the ISO code whose emergency number is named when the parent
            set none (the caller asks the system locale; "" gives 112).
    """
    if last < first:
        raise ValueError(f"the range ends ({last}) before it starts ({first})")
    now_ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    window = night_window(store, child.id, first, last)
    start_hour, rule = window.start_hour, window.rule
    nights = window.summaries(now_ms)
    # An episode's time is its first tap in the range, as in the summaries.
    starts = first_taps(window.mv)
    in_range = list(window.episodes)
    return ReportContent(
        child=child,
        first=first,
        last=last,
        made_ms=now_ms,
        rule=rule,
        start_hour=start_hour,
        nights=tuple(nights),
        averages=averages(nights),
        samples=sample_nights(nights),
        episodes=len(in_range),
        videos=sum(1 for e in in_range if e.video),
        sign_episodes=sign_episodes(
            in_range, starts, start_hour, stiffening_episode_ids(window.mv)
        ),
        comparison=compare(nights, in_range, window.mv, start_hour=start_hour),
        soothing=soothing_summary(in_range),
        emergency_number=emergency_number(store.settings.emergency_number, country),
    )


QUESTIONS_SECTION = ("when-to-see-a-doctor", "Questions you could ask")


def doctor_questions() -> list[str]:
    """The guide's "Questions you could ask", as plain sentences (one text source)."""
    from rlbaby.content import Guide

    slug, heading = QUESTIONS_SECTION
    markdown = Guide().section(slug).subsection(heading)
    out = []
    for line in markdown.splitlines():
        if line.lstrip().startswith(("- ", "* ")):
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.lstrip()[2:])
            out.append(re.sub(r"[*_`]", "", text).strip())
    return out

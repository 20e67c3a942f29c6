"""The parent's log beside the guide's five aspects (07-normal-or-concerning.md). Qt-free.

Each aspect has one small pure function that reads the log and says which side of
the guide's table it leans to, and why. The rules are deliberately conservative:
a row leans to "worth discussing" only when the pattern shows on most nights or
in several episodes, never on one odd night. The thresholds are the app's own
choices, not figures from the medical literature, and every rule text says so.
tests/analysis/test_comparison_demo.py checks over many seeds of the demo
generator that typical children lean typical and restless ones as documented.
None of this is a diagnosis; it is a prompt for a conversation with a doctor.

One row cannot be judged from this log: a parent logs at night, so "mainly at
night" would hold for almost any log (see time_row).

Red flags (`Episode.red_flags()`: eyes rolling or fixed, colour change, breathing
pauses, movements that did not stop when the baby was woken, the same jerking when
awake, stiffening or spasms) are never only weighed in the table. Every episode that
has one is listed on its own, with its night, so that it cannot be averaged away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import numpy as np

from rlbaby.analysis.nights import CORE_HOURS, SETTLED, NightSummary
from rlbaby.model import Episode, Instant, MovementKind, Sign, label, night_of
from rlbaby.model.arrays import KIND_CODE, MovementArrays
from rlbaby.model.i18n import QT_TRANSLATE_NOOP


class Lean(StrEnum):
    TYPICAL = "typical"
    DISCUSS = "discuss"
    NOT_ENOUGH = "not_enough"


@dataclass(frozen=True)
class AspectRow:
    """One row of the comparison.

    Attributes:
        aspect: the aspect's name, as in the guide's table.
        typical: the guide's "Typical" cell.
        concerning: the guide's "Worth discussing with a doctor" cell.
        your_log: what the log shows, in a parent's words.
        lean: which side the log leans to.
        why: the reason for the lean, with the log's own figures.
        rule: exactly what the rule checks (shown on hover).
    """

    aspect: str
    typical: str
    concerning: str
    your_log: str
    lean: Lean
    why: str
    rule: str


@dataclass(frozen=True)
class UrgentEntry:
    """An episode with an urgent sign. `signs` are parent-readable labels."""

    night: date
    at: Instant
    episode_id: str
    signs: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """The whole comparison for one child and a range of nights.

    Attributes:
        rows: the five aspects, in the guide's order.
        urgent: episodes with an urgent sign, newest first.
        nights: logged nights in the range (nights with movements or sleep marks).
        episodes: episodes in the range.
        enough: True when there is enough log to lean either way.
        disclaimer: the standing line that this is not a diagnosis.
    """

    rows: tuple[AspectRow, ...]
    urgent: tuple[UrgentEntry, ...]
    nights: int
    episodes: int
    enough: bool
    disclaimer: str


# --- the guide's table ---------------------------------------------------------
# The same words as the table in resources/guide/07-normal-or-concerning.md;
# tests/analysis/test_comparison.py checks that they match, so there is one text.
# Marked for Qt's lupdate: the Guide tab shows them translated (context
# "Comparison"); the figures of "your log" and the rules stay English for now.

FREQUENCY = QT_TRANSLATE_NOOP("Comparison", "Frequency")
RESPONSE = QT_TRANSLATE_NOOP("Comparison", "Response to soothing")
ASSOCIATED = QT_TRANSLATE_NOOP("Comparison", "Associated symptoms")
TIME = QT_TRANSLATE_NOOP("Comparison", "Time of occurrence")
APPEARANCE = QT_TRANSLATE_NOOP("Comparison", "Physical appearance")

GUIDE_TABLE: dict[str, tuple[str, str]] = {
    FREQUENCY: (
        QT_TRANSLATE_NOOP("Comparison", "Kicks or fidgets now and then, with quiet spells between"),
        QT_TRANSLATE_NOOP("Comparison", "Jerking that hardly lets up and keeps waking your baby"),
    ),
    RESPONSE: (
        QT_TRANSLATE_NOOP("Comparison", "Calms when you comfort your baby"),
        QT_TRANSLATE_NOOP("Comparison", "Keeps going however you try to settle your baby"),
    ),
    ASSOCIATED: (
        QT_TRANSLATE_NOOP("Comparison", "Nothing else seems wrong"),
        QT_TRANSLATE_NOOP("Comparison", "Crying you cannot settle, or problems with feeding"),
    ),
    TIME: (
        QT_TRANSLATE_NOOP("Comparison", "Mostly when your baby is lively and alert"),
        QT_TRANSLATE_NOOP("Comparison", "Mostly in the night"),
    ),
    APPEARANCE: (
        QT_TRANSLATE_NOOP("Comparison", "Smooth, flowing (stretching, cycling)"),
        QT_TRANSLATE_NOOP("Comparison", "Twitchy spasms or stiffness"),
    ),
}

DISCLAIMER = QT_TRANSLATE_NOOP(
    "Comparison",
    "This is not a diagnosis. It sets what you logged beside the guide's table, "
    "as a starting point for a talk with your doctor.",
)

# --- thresholds (conservative on purpose; see each rule text) ------------------
# Chosen for this app, not taken from the literature: no study gives cut-offs for
# a parent's taps. RESTLESS_MINUTES was 30 until the demo's all-quiet children
# leaned "worth discussing" in 1 of 10 runs (a quiet night of 2-3 episodes often
# adds up to half an hour); at 60, no quiet demo night counts as restless.

MIN_NIGHTS = 7
MIN_EPISODES = 5
RESTLESS_EPISODES = 4  # episodes in one night (demo's quiet nights have 2-3)
RESTLESS_MINUTES = 60.0  # minutes of episodes in one night
MIN_RESPONSES = 5
ASSOCIATED_MIN_EPISODES = 3
ASSOCIATED_MIN_SHARE = 0.2
APPEARANCE_MIN_EPISODES = 3

_CORE = f"{CORE_HOURS[0]:02d}:00 and {CORE_HOURS[1]:02d}:00"
OWN_THRESHOLDS = "These thresholds are this app's own choice, not figures from medical research."

FREQUENCY_RULE = (
    f"A night counts as restless when it had {RESTLESS_EPISODES} or more episodes, or "
    f"{RESTLESS_MINUTES:.0f} minutes or more of episodes in all: movements that keep coming "
    "back or last long are what breaks sleep. Leans 'worth discussing' when more than half "
    "of the logged nights were restless (most nights); otherwise 'typical'. " + OWN_THRESHOLDS
)
RESPONSE_RULE = (
    "Counts the episodes where you noted how your baby responded. Leans 'worth discussing' "
    "when fewer than half of them settled (within 5 minutes or slowly); otherwise 'typical'. "
    f"Needs at least {MIN_RESPONSES} noted responses. " + OWN_THRESHOLDS
)
ASSOCIATED_RULE = (
    "Counts the episodes where you noted inconsolable crying or feeding difficulty. Leans "
    f"'worth discussing' when that is {ASSOCIATED_MIN_EPISODES} or more episodes and at least "
    "1 in 5 of all episodes; otherwise 'typical'. Red flags are not weighed here: they "
    "are listed on their own. " + OWN_THRESHOLDS
)
TIME_RULE = (
    "This row never leans either way. You log at night, so almost every tap falls at night "
    "whatever the cause: the log cannot show whether the movements are mainly at night. "
    f"It only shows the share of your taps between {_CORE}. Tell the doctor whether you "
    "see the same movements during the day."
)
APPEARANCE_RULE = (
    "Counts the episodes where you noted twitching spasms or stiffness (the sign, or taps "
    f"marked stiffening). Leans 'worth discussing' when that is {APPEARANCE_MIN_EPISODES} or "
    "more episodes; otherwise 'typical'. Taps marked jerk / twitch are not counted: small, "
    "brief twitches in sleep are normal in young babies. Each such episode is also a red "
    "flag, listed on its own at the top: do not wait for the count. " + OWN_THRESHOLDS
)
RULES: dict[str, str] = {
    FREQUENCY: FREQUENCY_RULE,
    RESPONSE: RESPONSE_RULE,
    ASSOCIATED: ASSOCIATED_RULE,
    TIME: TIME_RULE,
    APPEARANCE: APPEARANCE_RULE,
}
ENOUGH_RULE = (
    f"The comparison starts once {MIN_NIGHTS} nights and {MIN_EPISODES} episodes are logged, "
    "so that one unusual night cannot tip it."
)


def times(n: int) -> str:
    """A count as a parent says it: never, once, twice, 3 times."""
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{n} times")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _row(aspect: str, your_log: str, lean: Lean, why: str) -> AspectRow:
    typical, concerning = GUIDE_TABLE[aspect]
    return AspectRow(aspect, typical, concerning, your_log, lean, why, RULES[aspect])


# --- one rule per aspect -------------------------------------------------------


def frequency_row(nights: Sequence[NightSummary]) -> AspectRow:
    """Episodes a night and how many nights the movements kept coming back."""
    if not nights:
        return _row(FREQUENCY, "no nights logged yet", Lean.NOT_ENOUGH, "Nothing to compare yet.")
    n = len(nights)
    episodes = sum(s.episodes for s in nights)
    longest = max(s.longest_episode_min for s in nights)
    longest_text = "under 1 min" if longest < 1 else f"{round(longest)} min"
    your_log = f"{episodes / n:.1f} episodes a night, longest {longest_text}"
    restless = sum(
        1
        for s in nights
        if s.episodes >= RESTLESS_EPISODES or s.total_episode_min >= RESTLESS_MINUTES
    )
    if restless * 2 > n:
        why = (
            f"On {restless} of {n} nights the movements kept coming back "
            f"({RESTLESS_EPISODES} or more episodes, or {RESTLESS_MINUTES:.0f} minutes or more)."
        )
        return _row(FREQUENCY, your_log, Lean.DISCUSS, why)
    calm = n - restless
    why = f"On {calm} of {n} nights the movements came and went."
    return _row(FREQUENCY, your_log, Lean.TYPICAL, why)


def response_row(episodes: Sequence[Episode]) -> AspectRow:
    """How often soothing settled the episodes that have a response noted."""
    noted = [e for e in episodes if e.response is not None]
    settled = sum(1 for e in noted if e.response in SETTLED)
    if not noted:
        return _row(
            RESPONSE,
            "no response to soothing noted yet",
            Lean.NOT_ENOUGH,
            "Note in the episode details how your baby responded, and this row fills in.",
        )
    your_log = f"settled with soothing in {settled} of {_plural(len(noted), 'episode')}"
    if len(noted) < MIN_RESPONSES:
        why = (
            f"A response is noted for {_plural(len(noted), 'episode')} so far; "
            f"this row needs {MIN_RESPONSES}."
        )
        return _row(RESPONSE, your_log, Lean.NOT_ENOUGH, why)
    if settled * 2 < len(noted):
        why = f"Fewer than half of the episodes settled ({settled} of {len(noted)})."
        return _row(RESPONSE, your_log, Lean.DISCUSS, why)
    why = f"Most episodes settled when you comforted your baby ({settled} of {len(noted)})."
    return _row(RESPONSE, your_log, Lean.TYPICAL, why)


def associated_row(episodes: Sequence[Episode]) -> AspectRow:
    """Inconsolable crying or feeding difficulty, in how many episodes."""
    n = len(episodes)
    if n == 0:
        return _row(
            ASSOCIATED, "no episodes logged yet", Lean.NOT_ENOUGH, "Nothing to compare yet."
        )
    crying = sum(1 for e in episodes if Sign.INCONSOLABLE_CRYING in e.signs)
    feeding = sum(1 for e in episodes if Sign.FEEDING_DIFFICULTY in e.signs)
    either = sum(
        1 for e in episodes if e.signs & {Sign.INCONSOLABLE_CRYING, Sign.FEEDING_DIFFICULTY}
    )
    if crying == feeding == 0:
        your_log = f"no inconsolable crying or feeding difficulty in {_plural(n, 'episode')}"
    else:
        parts = []
        if crying:
            parts.append(f"inconsolable crying in {crying} of {n}")
        if feeding:
            parts.append(f"feeding difficulty in {feeding} of {n}")
        your_log = ", ".join(parts) + " episodes"
    if either >= ASSOCIATED_MIN_EPISODES and either >= ASSOCIATED_MIN_SHARE * n:
        why = f"One or both came with {either} of {n} episodes, more than now and then."
        return _row(ASSOCIATED, your_log, Lean.DISCUSS, why)
    if either:
        why = f"Noted with {either} of {n} episodes: now and then, not a pattern."
    else:
        why = "Nothing else unusual noted with the episodes."
    return _row(ASSOCIATED, your_log, Lean.TYPICAL, why)


def time_row(nights: Sequence[NightSummary]) -> AspectRow:
    """The share of taps in the core night hours, without a lean.

    A night logger sees almost only the night, so "mainly at night" is true of
    nearly every log by construction (it leaned "worth discussing" on 3 of 12
    all-quiet demo logs). Comparing day with night needs a day log the app does
    not keep, so the row says plainly that it cannot judge (Lean.NOT_ENOUGH).
    """
    total = sum(s.movements for s in nights)
    if not total:
        return _row(TIME, "no movements logged yet", Lean.NOT_ENOUGH, "Nothing to compare yet.")
    share = sum(s.core_movements for s in nights) / total
    your_log = f"{share:.0%} of your taps between {_CORE}"
    why = (
        "A night log cannot judge this row: you log at night, so the taps fall at night "
        "whatever the cause. Tell the doctor whether the same movements happen in the day."
    )
    return _row(TIME, your_log, Lean.NOT_ENOUGH, why)


def appearance_row(episodes: Sequence[Episode], stiffening_taps: frozenset[str]) -> AspectRow:
    """Twitching spasms and stiffness noted, in how many episodes.

    Args:
        episodes: the episodes in the range.
        stiffening_taps: ids of episodes with at least one tap marked stiffening.
    """
    n = len(episodes)
    if n == 0:
        return _row(
            APPEARANCE, "no episodes logged yet", Lean.NOT_ENOUGH, "Nothing to compare yet."
        )
    twitching = sum(1 for e in episodes if Sign.TWITCHING_SPASMS in e.signs)
    stiff = sum(1 for e in episodes if Sign.STIFFNESS in e.signs or e.id in stiffening_taps)
    either = sum(
        1
        for e in episodes
        if Sign.TWITCHING_SPASMS in e.signs or Sign.STIFFNESS in e.signs or e.id in stiffening_taps
    )
    if twitching == stiff == 0:
        your_log = "no twitching spasms or stiffness logged"
    else:
        your_log = f"twitching spasms logged {times(twitching)}, stiffness {times(stiff)}"
    if either >= APPEARANCE_MIN_EPISODES:
        why = f"Twitching spasms or stiffness came with {either} of {n} episodes."
        return _row(APPEARANCE, your_log, Lean.DISCUSS, why)
    if either:
        why = f"Noted with {either} of {n} episodes: not a repeated pattern."
    else:
        why = "No twitching spasms or stiffness noted."
    return _row(APPEARANCE, your_log, Lean.TYPICAL, why)


# --- the whole comparison ------------------------------------------------------


def stiffening_episode_ids(mv: MovementArrays) -> frozenset[str]:
    """Episodes with at least one tap marked stiffening."""
    codes = np.unique(mv.episode[mv.kind == KIND_CODE[MovementKind.STIFFENING]])
    return frozenset(mv.episode_ids[int(c)] for c in codes.tolist())


def first_taps(mv: MovementArrays) -> dict[str, Instant]:
    """The first tap of each episode in `mv`."""
    codes, first = np.unique(mv.episode, return_index=True)
    return {
        mv.episode_ids[int(c)]: Instant(int(mv.at_ms[i]), int(mv.offset_min[i]))
        for c, i in zip(codes.tolist(), first.tolist(), strict=True)
    }


def urgent_entries(
    episodes: Sequence[Episode], mv: MovementArrays, *, start_hour: int
) -> tuple[UrgentEntry, ...]:
    """Every episode with a red flag of the guide, newest first, placed on its night.

    The red flags are `Episode.red_flags()`: the urgent signs, "did not stop when
    woken", and stiffening or spasms (the sign, or a tap marked stiffening). An
    episode's time is its first tap (as for the night summaries), or the moment it
    was opened when it has no tap in `mv`.
    """
    starts = first_taps(mv)
    stiff = stiffening_episode_ids(mv)
    out = []
    for e in episodes:
        flags = e.red_flags(stiffening_tap=e.id in stiff)
        if not flags:
            continue
        at = starts.get(e.id, e.opened)
        out.append(UrgentEntry(night_of(at, start_hour), at, e.id, tuple(label(f) for f in flags)))
    out.sort(key=lambda u: u.at.utc_ms, reverse=True)
    return tuple(out)


def _not_enough(row: AspectRow, nights: int, episodes: int) -> AspectRow:
    your_log = (
        f"Not enough logged yet: {_plural(nights, 'night')} and "
        f"{_plural(episodes, 'episode')} so far"
    )
    return AspectRow(
        row.aspect, row.typical, row.concerning, your_log, Lean.NOT_ENOUGH, ENOUGH_RULE, row.rule
    )


def compare(
    nights: list[NightSummary],
    episodes: list[Episode],
    mv: MovementArrays,
    *,
    start_hour: int,
) -> Comparison:
    """The log of one child over a range of nights, beside the guide's table.

    Args:
        nights: the range's night summaries (from `summarize_nights`).
        episodes: the range's live episodes (the caller picks the same range).
        mv: the range's movements, for stiffening taps and the urgent list's times.
        start_hour: the night-start hour, to place urgent episodes on their night.

    Returns:
        The five rows; with fewer than MIN_NIGHTS nights or MIN_EPISODES
        episodes every row says that not enough has been logged yet. The urgent
        list is filled either way.
    """
    rows: tuple[AspectRow, ...] = (
        frequency_row(nights),
        response_row(episodes),
        associated_row(episodes),
        time_row(nights),
        appearance_row(episodes, stiffening_episode_ids(mv)),
    )
    enough = len(nights) >= MIN_NIGHTS and len(episodes) >= MIN_EPISODES
    if not enough:
        rows = tuple(_not_enough(r, len(nights), len(episodes)) for r in rows)
    return Comparison(
        rows=rows,
        urgent=urgent_entries(episodes, mv, start_hour=start_hour),
        nights=len(nights),
        episodes=len(episodes),
        enough=enough,
        disclaimer=DISCLAIMER,
    )

"""rlbaby/analysis/comparison.py: the log beside the guide's five aspects.

Every data set is made by hand: NightSummary rows, Episode records and
MovementArrays, so that each rule's threshold can be checked on both sides.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from analysis_helpers import at

from rlbaby.analysis.comparison import (
    appearance_row,
    associated_row,
    compare,
    frequency_row,
    response_row,
    stiffening_episode_ids,
    time_row,
    times,
)
from rlbaby.analysis.guide_table import (
    APPEARANCE,
    ASSOCIATED,
    DISCLAIMER,
    FREQUENCY,
    GUIDE_TABLE,
    OWN_THRESHOLDS,
    RESPONSE,
    TIME,
    Lean,
)
from rlbaby.analysis.nights import NightSummary
from rlbaby.content import Guide
from rlbaby.model import Episode, MovementKind, Response, Sign
from rlbaby.model.arrays import KIND_CODE, MovementArrays

C = "child"
FIRST = date(2026, 11, 1)


def night(
    i: int, episodes: int = 2, total: float = 8.0, longest: float = 5.0, **kw
) -> NightSummary:  # type: ignore[no-untyped-def]
    return NightSummary(
        night=FIRST + timedelta(days=i),
        child_id=C,
        episodes=episodes,
        total_episode_min=total,
        longest_episode_min=longest,
        **kw,
    )


def ep(
    i: int, response: Response | None = None, signs: set[Sign] | frozenset[Sign] = frozenset()
) -> Episode:
    return Episode(
        C,
        at(f"2026-11-{1 + i % 28:02d}T23:00:00"),
        id=f"e{i}",
        response=response,
        signs=frozenset(signs),
    )


def mv_for(episodes: list[Episode], kinds: dict[str, MovementKind] | None = None) -> MovementArrays:
    """One tap per episode at its opening, with an optional kind per episode id."""
    kinds = kinds or {}
    eps = sorted(episodes, key=lambda e: e.opened.utc_ms)
    return MovementArrays(
        at_ms=np.array([e.opened.utc_ms for e in eps], np.int64),
        offset_min=np.array([e.opened.offset_min for e in eps], np.int32),
        kind=np.array([KIND_CODE[kinds.get(e.id, MovementKind.UNSPECIFIED)] for e in eps], np.int8),
        episode=np.arange(len(eps), dtype=np.int32),
        episode_ids=tuple(e.id for e in eps),
        ids=tuple(f"m{e.id}" for e in eps),
    )


# --- fixed data sets -----------------------------------------------------------


def typical_set() -> tuple[list[NightSummary], list[Episode], MovementArrays]:
    """Ten nights of ordinary kicking: two short episodes a night, settling with comfort."""
    nights = [
        night(i, episodes=2, total=8.0, longest=5.0 + (i == 3) * 9, movements=10, core_movements=6)
        for i in range(10)
    ]
    episodes = [ep(i, Response.SETTLED_FAST) for i in range(16)]
    episodes += [ep(16, Response.NOT_SETTLED), ep(17, Response.SETTLED_SLOW)]
    episodes += [ep(18, signs={Sign.INCONSOLABLE_CRYING}), ep(19)]
    mv = mv_for(episodes, {"e5": MovementKind.JERK, "e6": MovementKind.JERK})
    return nights, episodes, mv


def concerning_set() -> tuple[list[NightSummary], list[Episode], MovementArrays]:
    """Ten nights where the movements kept coming back, late at night, hard to soothe."""
    nights = [
        night(i, episodes=5, total=40.0, longest=14.0, movements=20, core_movements=19)
        for i in range(7)
    ]
    nights += [
        night(i, episodes=1, total=3.0, longest=3.0, movements=10, core_movements=9)
        for i in range(7, 10)
    ]
    episodes = [ep(i, Response.NOT_SETTLED) for i in range(7)]
    episodes += [ep(i, Response.SETTLED_SLOW) for i in range(7, 10)]
    episodes += [ep(10, signs={Sign.INCONSOLABLE_CRYING}), ep(11, signs={Sign.FEEDING_DIFFICULTY})]
    episodes += [ep(12, signs={Sign.INCONSOLABLE_CRYING, Sign.TWITCHING_SPASMS})]
    episodes += [ep(13, signs={Sign.TWITCHING_SPASMS}), ep(14, signs={Sign.STIFFNESS})]
    mv = mv_for(episodes, {"e0": MovementKind.STIFFENING})
    return nights, episodes, mv


def test_typical_data_set_leans_typical_everywhere() -> None:
    c = compare(*typical_set(), start_hour=18)
    assert c.enough
    assert (c.nights, c.episodes) == (10, 20)
    assert [r.aspect for r in c.rows] == [FREQUENCY, RESPONSE, ASSOCIATED, TIME, APPEARANCE]
    # Time of occurrence never leans: a night log sees only the night.
    assert [r.lean for r in c.rows] == [Lean.TYPICAL] * 3 + [Lean.NOT_ENOUGH, Lean.TYPICAL]
    texts = {r.aspect: r.your_log for r in c.rows}
    assert texts == {
        FREQUENCY: "2.0 episodes a night, longest 14 min",
        RESPONSE: "settled with soothing in 17 of 18 episodes",
        ASSOCIATED: "inconsolable crying in 1 of 20 episodes",
        TIME: "60% of your taps between 22:00 and 06:00",
        APPEARANCE: "no twitching spasms or stiffness logged",
    }
    why = {r.aspect: r.why for r in c.rows}
    assert why[FREQUENCY] == "On 10 of 10 nights the movements came and went."
    assert "17 of 18" in why[RESPONSE]
    assert "now and then" in why[ASSOCIATED]
    assert c.urgent == ()
    assert c.disclaimer == DISCLAIMER
    assert "not a diagnosis" in c.disclaimer


def test_concerning_data_set_leans_discuss_everywhere() -> None:
    c = compare(*concerning_set(), start_hour=18)
    assert c.enough
    assert [r.lean for r in c.rows] == [Lean.DISCUSS] * 3 + [Lean.NOT_ENOUGH, Lean.DISCUSS]
    texts = {r.aspect: r.your_log for r in c.rows}
    assert texts == {
        FREQUENCY: "3.8 episodes a night, longest 14 min",
        RESPONSE: "settled with soothing in 3 of 10 episodes",
        ASSOCIATED: "inconsolable crying in 2 of 15, feeding difficulty in 1 of 15 episodes",
        TIME: "94% of your taps between 22:00 and 06:00",
        APPEARANCE: "twitching spasms logged twice, stiffness twice",
    }
    why = {r.aspect: r.why for r in c.rows}
    assert why[FREQUENCY].startswith("On 7 of 10 nights the movements kept coming back")
    assert why[RESPONSE] == "Fewer than half of the episodes settled (3 of 10)."
    assert "3 of 15" in why[ASSOCIATED]
    assert why[TIME].startswith("A night log cannot judge this row")
    assert "4 of 15" in why[APPEARANCE]


def test_not_enough_data_says_so_in_every_row() -> None:
    nights = [night(i, episodes=5, total=40.0, movements=20, core_movements=20) for i in range(6)]
    episodes = [ep(i, Response.NOT_SETTLED, {Sign.TWITCHING_SPASMS}) for i in range(30)]
    c = compare(nights, episodes, mv_for(episodes), start_hour=18)
    assert not c.enough
    assert {r.lean for r in c.rows} == {Lean.NOT_ENOUGH}
    for r in c.rows:
        assert r.your_log == "Not enough logged yet: 6 nights and 30 episodes so far"
        assert "7 nights and 5 episodes" in r.why
        assert r.rule  # the aspect's own rule still shows on hover
    # ...and too few episodes, however many nights.
    few = [ep(i) for i in range(4)]
    c2 = compare([night(i) for i in range(20)], few, mv_for(few), start_hour=18)
    assert not c2.enough
    assert c2.rows[0].your_log == "Not enough logged yet: 20 nights and 4 episodes so far"
    # An empty log is "not enough" too, and does not crash.
    empty = compare([], [], MovementArrays(), start_hour=18)
    assert not empty.enough
    assert empty.rows[0].your_log == "Not enough logged yet: 0 nights and 0 episodes so far"


def test_guide_table_texts_match_the_guide() -> None:
    rows = Guide().section("normal-or-concerning").table()
    assert rows[0] == ["Aspect", "Typical", "Worth discussing with a doctor"]
    assert {r[0]: (r[1], r[2]) for r in rows[1:]} == GUIDE_TABLE
    c = compare(*typical_set(), start_hour=18)
    assert [(r.aspect, r.typical, r.concerning) for r in c.rows] == [tuple(r) for r in rows[1:]]


# --- each rule at its threshold ------------------------------------------------


def test_frequency_needs_more_than_half_of_the_nights() -> None:
    restless = [night(i, episodes=4, total=10) for i in range(5)]
    calm = [night(i, episodes=1, total=2) for i in range(5, 10)]
    assert frequency_row(restless + calm).lean is Lean.TYPICAL  # exactly half
    half_hour = [night(10, episodes=1, total=30.0, longest=30.0)]
    assert frequency_row(restless + calm + half_hour).lean is Lean.TYPICAL  # quiet nights add up
    long_one = [night(10, episodes=1, total=60.0, longest=60.0)]  # long counts as restless too
    row = frequency_row(restless + calm + long_one)
    assert row.lean is Lean.DISCUSS
    assert "6 of 11" in row.why
    assert (
        frequency_row([night(0, longest=0.4)]).your_log
        == "2.0 episodes a night, longest under 1 min"
    )
    assert frequency_row([]).lean is Lean.NOT_ENOUGH


def test_response_needs_five_noted_and_fewer_than_half_settled() -> None:
    half = [ep(i, Response.SETTLED_FAST) for i in range(3)] + [
        ep(i, Response.NOT_SETTLED) for i in range(3, 6)
    ]
    assert response_row(half).lean is Lean.TYPICAL  # exactly half settled
    worse = [*half, ep(6, Response.NOT_SETTLED)]
    assert response_row(worse).lean is Lean.DISCUSS
    few = [ep(i, Response.NOT_SETTLED) for i in range(4)] + [ep(9)]  # one without a response
    row = response_row(few)
    assert row.lean is Lean.NOT_ENOUGH
    assert row.your_log == "settled with soothing in 0 of 4 episodes"
    assert "needs 5" in row.why
    assert response_row([ep(0)]).your_log == "no response to soothing noted yet"


def test_associated_needs_three_episodes_and_one_in_five() -> None:
    crying = [ep(i, signs={Sign.INCONSOLABLE_CRYING}) for i in range(3)]
    assert associated_row(crying + [ep(i) for i in range(3, 15)]).lean is Lean.DISCUSS  # 3 of 15
    assert associated_row(crying + [ep(i) for i in range(3, 16)]).lean is Lean.TYPICAL  # 3 of 16
    assert associated_row(crying[:2] + [ep(3)]).lean is Lean.TYPICAL  # 2 of 3: too few
    row = associated_row([ep(i) for i in range(6)])
    assert row.your_log == "no inconsolable crying or feeding difficulty in 6 episodes"
    # Urgent signs are not weighed here.
    urgent = [ep(i, signs={Sign.BREATHING_PAUSES, Sign.COLOUR_CHANGE}) for i in range(6)]
    assert associated_row(urgent).lean is Lean.TYPICAL


def test_time_never_leans_from_a_night_log() -> None:
    """A night logger's taps fall at night by construction: the row cannot judge."""
    for core in (0, 5, 9, 10):
        nights = [night(i, movements=10, core_movements=core) for i in range(10)]
        row = time_row(nights)
        assert row.lean is Lean.NOT_ENOUGH, core
        assert row.your_log == f"{core * 10}% of your taps between 22:00 and 06:00"
        assert row.why.startswith("A night log cannot judge this row")
        assert "never leans" in row.rule
    assert time_row([night(9, episodes=0, movements=0)]).why == "Nothing to compare yet."


def test_appearance_counts_signs_and_stiffening_taps_not_twitches() -> None:
    eps = [ep(0, signs={Sign.TWITCHING_SPASMS}), ep(1, signs={Sign.STIFFNESS}), ep(2), ep(3)]
    mv = mv_for(eps, {"e2": MovementKind.JERK, "e3": MovementKind.JERK})
    assert stiffening_episode_ids(mv) == frozenset()
    row = appearance_row(eps, stiffening_episode_ids(mv))
    assert row.lean is Lean.TYPICAL  # jerk / twitch taps are normal sleep twitches
    assert row.your_log == "twitching spasms logged once, stiffness once"
    mv2 = mv_for(eps, {"e2": MovementKind.STIFFENING})
    assert stiffening_episode_ids(mv2) == {"e2"}
    row2 = appearance_row(eps, stiffening_episode_ids(mv2))
    assert row2.lean is Lean.DISCUSS
    assert row2.your_log == "twitching spasms logged once, stiffness twice"


def test_times_words() -> None:
    assert [times(n) for n in (0, 1, 2, 3, 12)] == ["never", "once", "twice", "3 times", "12 times"]


@pytest.mark.parametrize("aspect", list(GUIDE_TABLE))
def test_each_rule_states_its_threshold(aspect: str) -> None:
    row = compare(*typical_set(), start_hour=18).rows[list(GUIDE_TABLE).index(aspect)]
    if aspect == TIME:  # the one row that does not lean
        assert "never leans" in row.rule
        return
    assert "worth discussing" in row.rule
    assert OWN_THRESHOLDS in row.rule  # the app's own, not from the literature
    assert any(ch.isdigit() for ch in row.rule), row.rule
    assert "diagnos" not in row.rule.casefold()


# --- urgent signs --------------------------------------------------------------


def test_urgent_signs_listed_on_top_with_their_night() -> None:
    nights, episodes, _ = typical_set()
    late = Episode(
        C,
        at("2026-11-25T02:14:00"),
        id="u1",
        signs=frozenset({Sign.BREATHING_PAUSES, Sign.COLOUR_CHANGE, Sign.INCONSOLABLE_CRYING}),
    )
    early = Episode(C, at("2026-11-03T21:30:00"), id="u2", signs=frozenset({Sign.EYES_ROLLING}))
    episodes = [*episodes, late, early]
    mv = mv_for(episodes)
    c = compare(nights, episodes, mv, start_hour=18)
    assert [u.episode_id for u in c.urgent] == ["u1", "u2"]  # newest first
    first = c.urgent[0]
    assert first.night == date(2026, 11, 24)  # 02:14 on the 25th belongs to the 24th's night
    assert first.at == at("2026-11-25T02:14:00")
    assert first.signs == ("color change", "breathing pauses")  # urgent ones only, readable
    assert c.urgent[1].night == date(2026, 11, 3)
    assert c.urgent[1].signs == ("eyes rolling or fixed",)
    # Listed even when there is not enough log for the table.
    short = compare(nights[:2], [late], mv_for([late]), start_hour=18)
    assert not short.enough
    assert [u.episode_id for u in short.urgent] == ["u1"]


def test_urgent_entry_time_is_the_first_tap() -> None:
    e = Episode(C, at("2026-11-24T23:00:00"), id="u", signs=frozenset({Sign.COLOUR_CHANGE}))
    tap = at("2026-11-24T23:05:00")
    mv = MovementArrays(
        at_ms=np.array([tap.utc_ms], np.int64),
        offset_min=np.array([tap.offset_min], np.int32),
        kind=np.zeros(1, np.int8),
        episode=np.zeros(1, np.int32),
        episode_ids=("u",),
        ids=("m",),
    )
    (entry,) = compare([], [e], mv, start_hour=18).urgent
    assert entry.at == tap
    (entry2,) = compare([], [e], MovementArrays(), start_hour=18).urgent
    assert entry2.at == e.opened

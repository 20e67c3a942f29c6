"""rlbaby/analysis/nights.py: per-night figures from hand-made arrays."""

from __future__ import annotations

from datetime import date

import pytest
from analysis_helpers import arrays, at
from hypothesis import given
from hypothesis import strategies as st

from rlbaby.analysis import summarize_nights
from rlbaby.analysis.nights import in_spans, sleep_by_night
from rlbaby.model import (
    Episode,
    OnsetState,
    Response,
    RuleSet,
    Sign,
    SleepPeriod,
    Soothing,
    Trigger,
)
from rlbaby.model.timekeeping import MS_PER_HOUR

C = "child"
NOW = at("2027-01-01T00:00:00").utc_ms


def ep(eid: str, opened: str, settled: str | None = None, **kw: object) -> Episode:
    return Episode(C, at(opened), id=eid, settled=None if settled is None else at(settled), **kw)  # type: ignore[arg-type]


def sleep(asleep: str, awake: str | None, offset: str = "+01:00") -> SleepPeriod:
    return SleepPeriod(C, at(asleep, offset), awake=None if awake is None else at(awake, offset))


def test_two_nights_and_a_quiet_one() -> None:
    mv = arrays(
        # Episode A, night of the 24th: 5 movements 20 s apart, settled 22:10.
        [(at(f"2026-11-24T{t}"), "A") for t in ("21:59:20", "21:59:40", "22:00:00", "22:00:20")]
        + [(at("2026-11-24T22:00:40"), "A")]
        # Episode B, after midnight, same night: 4 quick twitches, never settled.
        + [(at(f"2026-11-25T02:00:0{s}"), "B") for s in (0, 3, 6, 9)]
        # Episode C, night of the 25th: a settled mark *before* its last movement.
        + [(at("2026-11-25T19:00:00"), "C"), (at("2026-11-25T19:03:00"), "C")]
    )
    episodes = [
        ep("A", "2026-11-24T21:59:20", "2026-11-24T22:10:00", onset_state=OnsetState.ASLEEP),
        ep("B", "2026-11-25T02:00:00", onset_state=OnsetState.DROWSY),
        ep("C", "2026-11-25T19:00:00", "2026-11-25T19:02:00"),
    ]
    periods = [
        sleep("2026-11-24T21:00:00", "2026-11-25T01:00:00"),  # 4 h, covers A only
        sleep("2026-11-26T20:00:00", "2026-11-27T06:00:00"),  # a quiet night: 10 h
    ]
    out = summarize_nights(C, mv, episodes, periods, now_ms=NOW)
    assert [n.night for n in out] == [date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 26)]
    n24, n25, n26 = out

    assert (n24.movements, n24.episodes) == (9, 2)
    assert n24.longest_episode_min == pytest.approx(10 + 40 / 60)  # 21:59:20 -> 22:10
    assert n24.total_episode_min == pytest.approx(10 + 40 / 60 + 9 / 60)
    assert n24.sleep_hours == pytest.approx(4.0)
    assert n24.movements_in_sleep == 5
    assert n24.movements_per_sleep_hour == pytest.approx(5 / 4)
    assert (n24.periodic_runs, n24.rapid_clusters) == (1, 1)
    assert n24.core_movements == 7  # all but the two at 21:59
    assert n24.core_share == pytest.approx(7 / 9)
    assert n24.onset == {"asleep": 1, "drowsy": 1}

    assert (n25.movements, n25.episodes) == (2, 1)
    assert n25.longest_episode_min == pytest.approx(3.0)  # settled early never shortens
    assert n25.sleep_hours is None
    assert n25.movements_per_sleep_hour is None
    assert n25.periodic_runs_per_sleep_hour is None
    assert n25.core_share == 0.0
    assert n25.onset == {"unknown": 1}

    assert (n26.movements, n26.episodes, n26.longest_episode_min) == (0, 0, 0.0)
    assert n26.sleep_hours == pytest.approx(10.0)
    assert n26.movements_per_sleep_hour == 0.0
    assert n26.core_share is None

    j = n24.to_json()
    assert j["night"] == "2026-11-24"
    assert j["movements_per_sleep_hour"] == 1.25
    assert j["longest_episode_min"] == 10.7
    assert n25.to_json()["movements_per_sleep_hour"] is None


def test_settled_mark_extends_the_episode_end() -> None:
    mv = arrays([(at("2026-11-24T23:00:00"), "A"), (at("2026-11-24T23:01:00"), "A")])
    unsettled = summarize_nights(C, mv, [ep("A", "2026-11-24T23:00:00")], [], now_ms=NOW)
    settled = summarize_nights(
        C, mv, [ep("A", "2026-11-24T23:00:00", "2026-11-24T23:25:30")], [], now_ms=NOW
    )
    assert unsettled[0].longest_episode_min == pytest.approx(1.0)
    assert settled[0].longest_episode_min == pytest.approx(25.5)


def test_longest_episode_across_dst_uses_utc() -> None:
    mv = arrays(
        [
            (at("2026-03-29T01:58:00", "+01:00"), "A"),
            (at("2026-03-29T03:02:00", "+02:00"), "A"),
        ]
    )
    out = summarize_nights(C, mv, [ep("A", "2026-03-29T01:58:00")], [], now_ms=NOW)
    assert [n.night for n in out] == [date(2026, 3, 28)]
    assert out[0].movements == 2
    assert out[0].longest_episode_min == pytest.approx(4.0)


def test_movement_rate_counts_only_movements_inside_logged_sleep() -> None:
    mv = arrays(
        [(at("2026-11-24T19:30:00"), "A")]  # before sleep
        + [(at(f"2026-11-24T21:0{m}:00"), "B") for m in range(6)]  # inside
        + [(at("2026-11-24T23:00:00"), "C")]  # at the awake mark: outside (end exclusive)
        + [(at("2026-11-25T03:00:00"), "D")]  # inside the second period
    )
    eps = [ep(e, "2026-11-24T19:30:00") for e in "ABCD"]
    periods = [
        sleep("2026-11-24T20:00:00", "2026-11-24T23:00:00"),
        sleep("2026-11-25T02:00:00", "2026-11-25T04:00:00"),
    ]
    (n,) = summarize_nights(C, mv, eps, periods, now_ms=NOW)
    assert n.movements == 9
    assert n.movements_in_sleep == 7
    assert n.sleep_hours == pytest.approx(5.0)
    assert n.movements_per_sleep_hour == pytest.approx(7 / 5)


def test_sleep_split_across_the_night_boundary() -> None:
    # 16:00-20:00: two hours belong to the night of the 24th, two to the 25th.
    periods = [sleep("2026-11-25T16:00:00", "2026-11-25T20:00:00")]
    mv = arrays([(at("2026-11-25T17:00:00"), "A"), (at("2026-11-25T19:00:00"), "B")])
    eps = [ep("A", "2026-11-25T17:00:00"), ep("B", "2026-11-25T19:00:00")]
    out = summarize_nights(C, mv, eps, periods, now_ms=NOW)
    assert [(n.night, n.sleep_hours, n.movements_in_sleep) for n in out] == [
        (date(2026, 11, 24), pytest.approx(2.0), 1),
        (date(2026, 11, 25), pytest.approx(2.0), 1),
    ]
    hours, spans = sleep_by_night(periods, 18, NOW)
    assert sorted(hours.values()) == [2.0, 2.0]
    assert spans == [(periods[0].asleep.utc_ms, periods[0].awake.utc_ms)]  # type: ignore[union-attr]


def test_sleep_split_with_another_start_hour() -> None:
    periods = [sleep("2026-11-24T22:00:00", "2026-11-25T03:00:00")]
    out = summarize_nights(C, arrays([]), [], periods, start_hour=0, now_ms=NOW)
    assert [(n.night, n.sleep_hours) for n in out] == [
        (date(2026, 11, 24), pytest.approx(2.0)),
        (date(2026, 11, 25), pytest.approx(3.0)),
    ]


def test_open_sleep_counts_until_now_but_at_most_16_hours() -> None:
    p = sleep("2026-11-24T20:00:00", None)
    two_hours_later = p.asleep.utc_ms + 2 * MS_PER_HOUR
    (n,) = summarize_nights(C, arrays([]), [], [p], now_ms=two_hours_later)
    assert n.sleep_hours == pytest.approx(2.0)
    out = summarize_nights(C, arrays([]), [], [p], now_ms=NOW)
    assert sum(n.sleep_hours or 0 for n in out) == pytest.approx(16.0)


def test_onset_and_annotation_counts() -> None:
    mv = arrays(
        [*zip([at(f"2026-11-24T2{h}:00:00") for h in range(4)], "ABCD", strict=True)]
        + [(at("2026-11-24T23:30:00"), "E")]
    )
    eps = [
        ep(
            "A",
            "2026-11-24T20:00:00",
            onset_state=OnsetState.ASLEEP,
            response=Response.SETTLED_FAST,
            soothing=frozenset({Soothing.ROCKING, Soothing.FEEDING}),
            signs=frozenset({Sign.STIFFNESS}),
            video=True,
        ),
        ep(
            "B",
            "2026-11-24T21:00:00",
            onset_state=OnsetState.ASLEEP,
            response=Response.NOT_SETTLED,
            soothing=frozenset({Soothing.ROCKING}),
            triggers=frozenset({Trigger.TOO_WARM}),
        ),
        ep(
            "C", "2026-11-24T22:00:00", onset_state=OnsetState.AWAKE, response=Response.SETTLED_SLOW
        ),
        ep("D", "2026-11-24T23:00:00", onset_state=OnsetState.DROWSY, video=False),
        ep("E", "2026-11-24T23:30:00"),
    ]
    (n,) = summarize_nights(C, mv, eps, [], now_ms=NOW)
    assert n.episodes == 5
    assert n.onset == {"asleep": 2, "awake": 1, "drowsy": 1, "unknown": 1}
    assert n.responses == {"settled_within_5_min": 1, "did_not_settle": 1, "settled_slowly": 1}
    assert (n.settled, n.responses_recorded) == (2, 3)
    assert n.soothing == {"rocking": 2, "feeding": 1}
    assert n.signs == {"stiffness": 1}
    assert n.triggers == {"too_warm": 1}
    assert n.videos == 1


def test_core_share_is_22_to_06_local() -> None:
    times = ["21:59:59", "22:00:00", "23:30:00"]
    mv = arrays(
        [(at(f"2026-11-24T{t}"), "A") for t in times]
        + [(at(f"2026-11-25T{t}"), "B") for t in ("05:59:59", "06:00:00", "07:00:00")]
    )
    eps = [ep("A", "2026-11-24T21:59:59"), ep("B", "2026-11-25T05:59:59")]
    (n,) = summarize_nights(C, mv, eps, [], now_ms=NOW)
    assert (n.movements, n.core_movements) == (6, 3)
    assert n.core_share == pytest.approx(0.5)


def test_core_hours_follow_the_local_offset() -> None:
    # 21:30 UTC is 22:30 in Paris (core) but 16:30 in New York (not core).
    paris = at("2026-11-24T22:30:00", "+01:00")
    ny = at("2026-11-24T16:30:00", "-05:00")
    assert paris.utc_ms == ny.utc_ms
    assert summarize_nights(C, arrays([(paris, "A")]), [], [], now_ms=NOW)[0].core_share == 1.0
    assert summarize_nights(C, arrays([(ny, "A")]), [], [], now_ms=NOW)[0].core_share == 0.0


def test_rule_changes_periodic_runs_on_5_to_9_s_intervals() -> None:
    mv = arrays([(at(f"2026-11-24T22:00:{s:02d}"), "A") for s in (0, 6, 12, 18, 24)])
    eps = [ep("A", "2026-11-24T22:00:00")]
    wasm = summarize_nights(C, mv, eps, [], rule=RuleSet.WASM, now_ms=NOW)[0]
    aasm = summarize_nights(C, mv, eps, [], rule=RuleSet.AASM, now_ms=NOW)[0]
    assert (wasm.periodic_runs, aasm.periodic_runs) == (0, 1)
    assert wasm.rapid_clusters == aasm.rapid_clusters == 1


def test_episodes_without_movements_or_records_are_skipped() -> None:
    mv = arrays([(at("2026-11-24T22:00:00"), "A"), (at("2026-11-24T22:05:00"), "B")])
    # B has no Episode record (e.g. deleted); Z has no movements.
    eps = [ep("A", "2026-11-24T22:00:00"), ep("Z", "2026-11-24T23:00:00")]
    (n,) = summarize_nights(C, mv, eps, [], now_ms=NOW)
    assert (n.movements, n.episodes) == (2, 1)


def test_night_filter_and_empty_input() -> None:
    mv = arrays([(at(f"2026-11-{d}T22:00:00"), f"E{d}") for d in (22, 23, 24, 25)])
    eps = [ep(f"E{d}", f"2026-11-{d}T22:00:00") for d in (22, 23, 24, 25)]
    out = summarize_nights(
        C, mv, eps, [], now_ms=NOW, nights=(date(2026, 11, 23), date(2026, 11, 24))
    )
    assert [(n.night, n.movements, n.episodes) for n in out] == [
        (date(2026, 11, 23), 1, 1),
        (date(2026, 11, 24), 1, 1),
    ]
    assert summarize_nights(C, arrays([]), [], [], now_ms=NOW) == []


def test_in_spans_merges_and_excludes_the_end() -> None:
    import numpy as np

    t = np.array([0, 5, 10, 15, 20, 25, 30], np.int64)
    assert in_spans(t, [(5, 10), (8, 16), (25, 26)]).tolist() == [
        False, True, True, True, False, True, False,
    ]  # fmt: skip
    assert in_spans(t, []).tolist() == [False] * 7


@given(
    spans=st.lists(
        st.tuples(st.integers(0, 60), st.integers(1, 25)).map(lambda p: (p[0], p[0] + p[1])),
        max_size=10,
    )
)
def test_in_spans_is_inside_any_span(spans: list[tuple[int, int]]) -> None:
    """Merged as arrays, in any order, nested, overlapping or touching: the
    same as asking every span."""
    import numpy as np

    t = np.arange(-2, 90, dtype=np.int64)
    expected = [any(s <= x < e for s, e in spans) for x in t.tolist()]
    assert in_spans(t, spans).tolist() == expected


def test_to_json_lists_every_count_by_name() -> None:
    """The counts are tallied in the order a set yields its members, which
    follows the process's hash seed; `summary --json` must print the same
    from one run to the next."""
    from rlbaby.analysis.nights import NightSummary

    tallied = {"rocking": 2, "leg_massage": 1, "feeding": 3}
    row = NightSummary(
        date(2026, 11, 24),
        "c1",
        onset=dict(tallied),
        responses=dict(tallied),
        soothing=dict(tallied),
        signs=dict(tallied),
        triggers=dict(tallied),
    ).to_json()
    for key in ("onset", "responses", "soothing", "signs", "triggers"):
        assert list(row[key]) == ["feeding", "leg_massage", "rocking"], key
        assert row[key] == tallied

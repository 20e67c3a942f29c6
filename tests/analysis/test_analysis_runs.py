"""rlbaby/analysis/runs.py: intervals, periodic runs and rapid clusters."""

from __future__ import annotations

import numpy as np
import pytest
from analysis_helpers import gaps_to_times

from rlbaby.analysis import (
    maximal_runs,
    periodic_runs,
    rapid_clusters,
    within_episode_intervals_s,
)
from rlbaby.model import RuleSet

WASM = RuleSet.WASM.interval_s
AASM = RuleSet.AASM.interval_s


def one_episode(n: int) -> np.ndarray:
    return np.zeros(n, np.int32)


def runs_of(gaps_s: list[float], rule: tuple[float, float], episodes: list[int] | None = None):
    t = gaps_to_times(gaps_s)
    ep = one_episode(t.size) if episodes is None else np.array(episodes, np.int32)
    r = periodic_runs(t, ep, *rule)
    return r.start.tolist(), r.movements.tolist()


def rapid_of(gaps_s: list[float], episodes: list[int] | None = None):
    t = gaps_to_times(gaps_s)
    ep = one_episode(t.size) if episodes is None else np.array(episodes, np.int32)
    r = rapid_clusters(t, ep)
    return r.start.tolist(), r.movements.tolist()


@pytest.mark.parametrize(
    ("gap", "wasm", "aasm", "rapid"),
    [
        (4.999, False, False, True),
        (5.0, False, True, True),
        (9.0, False, True, True),
        (9.999, False, True, True),
        (10.0, True, True, False),
        (45.0, True, True, False),
        (90.0, True, True, False),
        (90.001, False, False, False),
    ],
)
def test_interval_boundaries(gap: float, wasm: bool, aasm: bool, rapid: bool) -> None:
    gaps = [gap] * 3  # four movements
    assert runs_of(gaps, WASM) == (([0], [4]) if wasm else ([], []))
    assert runs_of(gaps, AASM) == (([0], [4]) if aasm else ([], []))
    assert rapid_of(gaps) == (([0], [4]) if rapid else ([], []))


def test_three_movements_are_not_a_run_four_are() -> None:
    assert runs_of([20, 20], WASM) == ([], [])
    assert rapid_of([2, 2]) == ([], [])
    assert runs_of([20, 20, 20], WASM) == ([0], [4])
    assert rapid_of([2, 2, 2]) == ([0], [4])


def test_run_of_eight_counts_once() -> None:
    assert runs_of([20] * 7, WASM) == ([0], [8])
    assert rapid_of([1] * 7) == ([0], [8])


def test_long_run_broken_into_two_runs() -> None:
    # 5 + 5 movements around one 200 s gap.
    assert runs_of([20] * 4 + [200] + [20] * 4, WASM) == ([0, 5], [5, 5])


def test_long_run_broken_leaves_one_run_when_the_rest_is_short() -> None:
    # 5 movements, a 200 s gap, then only 3 movements: one run.
    assert runs_of([20] * 4 + [200] + [20] * 2, WASM) == ([0], [5])
    # 3, a 5 s gap (too short for WASM), then 4: the second run only.
    assert runs_of([20, 20, 5, 20, 20, 20], WASM) == ([3], [4])
    # Under AASM 5 s qualifies, so it is one run of 7.
    assert runs_of([20, 20, 5, 20, 20, 20], AASM) == ([0], [7])


def test_rapid_cluster_broken_by_a_slow_gap() -> None:
    assert rapid_of([3, 3, 3, 12, 3, 3, 3, 3]) == ([0, 4], [4, 5])
    assert rapid_of([3, 3, 10, 3, 3, 3]) == ([3], [4])


def test_intervals_across_episodes_never_join_a_run() -> None:
    gaps = [20] * 7
    assert runs_of(gaps, WASM, [0, 0, 0, 0, 1, 1, 1, 1]) == ([0, 4], [4, 4])
    assert runs_of(gaps, WASM, [0, 0, 0, 1, 1, 1, 1, 1]) == ([3], [5])
    assert runs_of(gaps, WASM, [0, 0, 1, 1, 2, 2, 3, 3]) == ([], [])
    assert rapid_of([2] * 7, [0, 0, 0, 1, 1, 1, 1, 1]) == ([3], [5])


def test_within_episode_intervals() -> None:
    t = gaps_to_times([12.5, 30, 7])
    ep = np.array([0, 0, 1, 1], np.int32)
    assert within_episode_intervals_s(t, ep).tolist() == [12.5, 7.0]
    assert within_episode_intervals_s(t[:1], ep[:1]).tolist() == []
    assert within_episode_intervals_s(t[:0], ep[:0]).tolist() == []


def test_empty_and_single_movement() -> None:
    for n in (0, 1):
        t = gaps_to_times([])[:n]
        assert len(periodic_runs(t, one_episode(n), *WASM)) == 0
        assert len(rapid_clusters(t, one_episode(n))) == 0


def test_maximal_runs_directly() -> None:
    ok = np.array([True, True, True, False, True, True, False, True, True, True, True])
    r = maximal_runs(ok)
    assert (r.start.tolist(), r.movements.tolist()) == ([0, 7], [4, 5])
    r = maximal_runs(ok, min_movements=3)
    assert (r.start.tolist(), r.movements.tolist()) == ([0, 4, 7], [4, 3, 5])
    assert len(maximal_runs(np.array([], np.bool_))) == 0


def test_runs_on_large_arrays_match_a_simple_scan() -> None:
    rng = np.random.default_rng(3)
    gaps = rng.choice([2_000, 6_000, 20_000, 120_000], size=200_000)
    t = np.concatenate(([0], np.cumsum(gaps))).astype(np.int64)
    ep = np.cumsum(rng.random(t.size) < 0.01).astype(np.int32)
    r = periodic_runs(t, ep, *WASM)
    # A plain scan over a slice, as a reference.
    ok = [ep[i] == ep[i + 1] and 10_000 <= t[i + 1] - t[i] <= 90_000 for i in range(5_000 - 1)]
    starts, lengths, i = [], [], 0
    while i < len(ok):
        if ok[i]:
            j = i
            while j < len(ok) and ok[j]:
                j += 1
            if j - i + 1 >= 4 and j < len(ok):
                starts.append(i)
                lengths.append(j - i + 1)
            i = j
        else:
            i += 1
    inside = r.start + r.movements < 5_000
    assert r.start[inside].tolist() == starts
    assert r.movements[inside].tolist() == lengths


def test_aasm_runs_of_5_to_9_s_are_both_kinds_and_the_overlap_is_named() -> None:
    """Kept on purpose and explained (issue 12): a 6 s run is periodic under AASM
    and a rapid cluster under either rule; under WASM the two never overlap."""
    from rlbaby.analysis.runs import overlap_s

    gaps = [6.0] * 3
    assert runs_of(gaps, AASM) == ([0], [4])
    assert rapid_of(gaps) == ([0], [4])
    assert runs_of(gaps, WASM) == ([], [])
    assert overlap_s(AASM[0]) == (5.0, 10.0)
    assert overlap_s(WASM[0]) is None
    for gap in np.arange(0.5, 95.0, 0.5):  # WASM: no gap is in both
        both = bool(runs_of([gap] * 3, WASM)[0]) and bool(rapid_of([gap] * 3)[0])
        assert not both, gap

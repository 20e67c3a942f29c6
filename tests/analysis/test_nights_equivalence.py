"""summarize_nights gives exactly what the plain loop of `nights_reference` gives.

Generated logs cover what the loop handled one record at a time: episodes that
cross the night boundary, settled marks before and after the last movement,
episodes without a record (deleted) and records without a movement, open sleep
periods (cut at now or at 16 hours, or not started yet), periods spanning
several nights or ending right at a boundary, DST and travel offsets, quiet
nights and night filters.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nights_reference import summarize_nights as reference

from rlbaby.analysis import NightSummary, summarize_nights
from rlbaby.analysis.night_table import night_table
from rlbaby.analysis.nights import night_numbers
from rlbaby.model import (
    Episode,
    Instant,
    OnsetState,
    Response,
    RuleSet,
    Sign,
    SleepPeriod,
    Soothing,
    Trigger,
)
from rlbaby.model.arrays import MovementArrays
from rlbaby.model.timekeeping import MS_PER_DAY, MS_PER_HOUR, MS_PER_MIN, night_date

C = "child"
BASE_MS = 1_774_000_000_000  # mid-March 2026, a week before the European DST change


def _offset(rng: np.random.Generator, utc_ms: int, switch_ms: int, travel: bool) -> int:
    """The local offset at `utc_ms`: winter, then summer time, sometimes abroad."""
    if travel and rng.random() < 0.05:
        return int(rng.choice([-600, -300, 330, 840]))
    return 60 if utc_ms < switch_ms else 120


def _some(rng: np.random.Generator, members: list[object], p: float) -> frozenset[object]:
    if rng.random() >= p:
        return frozenset()
    k = int(rng.integers(1, min(4, len(members)) + 1))
    return frozenset(rng.choice(np.array(members, dtype=object), k, replace=False).tolist())


def generated_log(
    seed: int,
) -> tuple[MovementArrays, list[Episode], list[SleepPeriod], int, int, RuleSet]:
    """A random log: (movements, episodes, sleep periods, now, start hour, rule)."""
    rng = np.random.default_rng(seed)
    days = int(rng.integers(1, 25))
    start_hour = int(rng.choice([0, 12, 18, 19, 21, 23]))
    switch_ms = BASE_MS + int(rng.integers(0, days + 1)) * MS_PER_DAY + 3_600_000
    travel = bool(rng.random() < 0.3)
    rule = RuleSet.WASM if rng.random() < 0.5 else RuleSet.AASM

    times: list[int] = []
    codes: list[int] = []
    for code in range(int(rng.integers(0, 6 * days + 1))):
        t = BASE_MS + int(rng.integers(0, days * MS_PER_DAY))
        if rng.random() < 0.2:  # close to a night boundary, to cross it
            before = int(rng.integers(0, 20 * MS_PER_MIN))
            t = t - t % MS_PER_DAY + start_hour * MS_PER_HOUR - before
        for _ in range(int(rng.integers(1, 14))):
            times.append(t)
            codes.append(code)
            kind = rng.random()
            if kind < 0.3:
                t += int(rng.integers(1_000, 9_999))  # rapid
            elif kind < 0.8:
                t += int(rng.integers(5_000, 95_000))  # periodic under one rule or both
            else:
                t += int(rng.integers(60_000, 3 * MS_PER_HOUR))
    order = np.argsort(np.array(times, np.int64), kind="stable")
    at_ms = np.array(times, np.int64)[order]
    # Dense codes, numbered in a shuffled order (nothing may rely on the codes' order).
    present = sorted(set(codes))
    renumber = dict(zip(present, rng.permutation(len(present)).tolist(), strict=True))
    episode = np.array([renumber[codes[i]] for i in order.tolist()], np.int32)
    episode_ids = tuple(f"e{old}" for old in sorted(present, key=renumber.__getitem__))
    offsets = [_offset(rng, t, switch_ms, travel) for t in at_ms.tolist()]
    mv = MovementArrays(
        at_ms=at_ms,
        offset_min=np.array(offsets, np.int32),
        kind=np.zeros(at_ms.size, np.int8),
        episode=episode,
        episode_ids=episode_ids,
        ids=tuple(f"m{i}" for i in range(at_ms.size)),
    )

    episodes: list[Episode] = []
    onsets, responses = list(OnsetState), list(Response)
    for eid in (*episode_ids, "no-movement-1", "no-movement-2"):
        if rng.random() < 0.1:
            continue  # deleted: its movements stay in the arrays without a record
        mine = at_ms[episode == episode_ids.index(eid)] if eid in episode_ids else at_ms[:1]
        opened = int(mine[0]) if mine.size else BASE_MS
        settled = None
        if rng.random() < 0.6:
            last = int(mine[-1]) if mine.size else BASE_MS
            s = last + int(rng.integers(-10 * MS_PER_MIN, 40 * MS_PER_MIN))
            settled = Instant(s, _offset(rng, s, switch_ms, travel))
        episodes.append(
            Episode(
                C,
                Instant(opened, _offset(rng, opened, switch_ms, travel)),
                id=eid,
                settled=settled,
                onset_state=rng.choice(onsets) if rng.random() < 0.7 else None,  # type: ignore[arg-type]
                response=rng.choice(responses) if rng.random() < 0.5 else None,  # type: ignore[arg-type]
                soothing=_some(rng, list(Soothing), 0.5),  # type: ignore[arg-type]
                signs=_some(rng, list(Sign), 0.3),  # type: ignore[arg-type]
                triggers=_some(rng, list(Trigger), 0.3),  # type: ignore[arg-type]
                video=[None, True, False][int(rng.integers(0, 3))],
            )
        )
    rng.shuffle(episodes)  # type: ignore[arg-type]

    now_ms = BASE_MS + int(rng.integers(0, (days + 2) * MS_PER_DAY))
    periods: list[SleepPeriod] = []
    for _ in range(int(rng.integers(0, 2 * days + 3))):
        a = BASE_MS + int(rng.integers(-MS_PER_DAY, (days + 1) * MS_PER_DAY))
        length = int(rng.choice([0, 1, 3, 9, 13, 30, 50])) * MS_PER_HOUR
        length += int(rng.integers(0, MS_PER_HOUR))
        asleep = Instant(a, _offset(rng, a, switch_ms, travel))
        awake = None
        if rng.random() < 0.8:
            w = a + length
            if rng.random() < 0.2:  # wakes right at a night boundary (by the asleep offset)
                local = w + asleep.offset_min * MS_PER_MIN
                w -= (local - start_hour * MS_PER_HOUR) % MS_PER_DAY
                w = max(w, a)
            awake = Instant(w, _offset(rng, w, switch_ms, travel))
        periods.append(SleepPeriod(C, asleep, awake=awake))
    periods.sort(key=lambda p: p.asleep.utc_ms)
    return mv, episodes, periods, now_ms, start_hour, rule


def _nights_filter(seed: int, mv: MovementArrays) -> tuple[date, date] | None:
    rng = np.random.default_rng(seed + 1)
    if rng.random() < 0.5:
        return None
    first = night_date((BASE_MS // MS_PER_DAY) + int(rng.integers(-2, 12)))
    if rng.random() < 0.2:
        return (first, first)
    return (first, night_date((BASE_MS // MS_PER_DAY) + int(rng.integers(-2, 30))))


def check_same(seed: int) -> None:
    mv, episodes, periods, now_ms, start_hour, rule = generated_log(seed)
    nights = _nights_filter(seed, mv)
    kw = {"start_hour": start_hour, "rule": rule, "now_ms": now_ms, "nights": nights}
    want = reference(C, mv, episodes, periods, **kw)  # type: ignore[arg-type]
    got = summarize_nights(C, mv, episodes, periods, **kw)  # type: ignore[arg-type]
    assert got == want
    # Equal floats compare equal at -0.0 too: the JSON shows every bit that matters.
    opt = orjson.OPT_INDENT_2
    assert orjson.dumps([n.to_json() for n in got], option=opt) == orjson.dumps(
        [n.to_json() for n in want], option=opt
    )
    # The CLI's rows, straight from the columns: as to_json() gives them, renamed.
    table = night_table(C, mv, episodes, periods, **{**kw, "nights": night_numbers(nights)})  # type: ignore[arg-type]
    rows = []
    for n in want:
        row = n.to_json()
        row["child"] = "Mia"
        row["rule"] = rule.value
        rows.append(row)
    assert orjson.dumps(table.json_rows("Mia", rule=rule.value), option=opt) == orjson.dumps(
        rows, option=opt
    )
    # Plain Python values, as the loop gave (a numpy scalar compares equal but is not).
    for g, w in zip(got, want, strict=True):
        for name in NightSummary.__dataclass_fields__:
            assert type(getattr(g, name)) is type(getattr(w, name)), name
        for name in ("onset", "responses", "soothing", "signs", "triggers"):
            assert {type(k) for k in getattr(g, name)} <= {str}
            assert {type(v) for v in getattr(g, name).values()} <= {int}


@pytest.mark.parametrize("seed", range(120))
def test_same_summaries_as_the_plain_loop(seed: int) -> None:
    check_same(seed)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_same_summaries_as_the_plain_loop_any_seed(seed: int) -> None:
    check_same(seed)


def test_nights_decades_apart() -> None:
    """A mistyped year puts nights decades apart: they are searched, not looked up
    (and a range that starts within the log leaves out the nights before it)."""
    mv, episodes, periods, now_ms, start_hour, rule = generated_log(3)
    far = MovementArrays(
        at_ms=np.concatenate((mv.at_ms, [4_102_444_800_000])),  # 1 January 2100
        offset_min=np.concatenate((mv.offset_min, [60])).astype(np.int32),
        kind=np.zeros(len(mv) + 1, np.int8),
        episode=np.concatenate((mv.episode, [len(mv.episode_ids)])).astype(np.int32),
        episode_ids=(*mv.episode_ids, "years-ahead"),
        ids=(*mv.ids, "m-far"),
    )
    nights = (night_date(BASE_MS // MS_PER_DAY + 5), date(2100, 1, 1))
    kw = {"start_hour": start_hour, "rule": rule, "now_ms": now_ms, "nights": nights}
    want = reference(C, far, episodes, periods, **kw)  # type: ignore[arg-type]
    assert len(want) > 1
    assert want[-1].night.year >= 2099
    assert summarize_nights(C, far, episodes, periods, **kw) == want  # type: ignore[arg-type]


def test_the_generator_covers_what_the_loop_handled() -> None:
    """The generated logs hold every case the module docstring names (else the
    comparison above could pass without ever meeting one)."""
    seen: set[str] = set()
    for seed in range(120):
        mv, episodes, periods, now_ms, start_hour, _rule = generated_log(seed)
        ids = {e.id for e in episodes}
        if set(mv.episode_ids) - ids:
            seen.add("deleted")
        if any(p.awake is None and p.asleep.utc_ms < now_ms for p in periods):
            seen.add("open sleep")
        if any(p.awake is None and p.asleep.utc_ms >= now_ms for p in periods):
            seen.add("sleep not started")
        if any(p.awake and p.awake.utc_ms - p.asleep.utc_ms > 2 * MS_PER_DAY for p in periods):
            seen.add("sleep over several nights")
        for p in periods:
            local = None if p.awake is None else p.awake.utc_ms + p.asleep.offset_min * MS_PER_MIN
            if local is not None and local > p.asleep.utc_ms + p.asleep.offset_min * MS_PER_MIN:
                if (local - start_hour * MS_PER_HOUR) % MS_PER_DAY == 0:
                    seen.add("sleep ends at a boundary")
        if len(set(mv.offset_min.tolist())) > 1:
            seen.add("offset change")
        nights = (mv.local_ms - start_hour * MS_PER_HOUR) // MS_PER_DAY
        same_episode = mv.episode[1:] == mv.episode[:-1]
        if bool((same_episode & (np.diff(nights) != 0)).any()):
            seen.add("episode over the boundary")
        if _nights_filter(seed, mv) is not None:
            seen.add("filter")
        if not len(mv):
            seen.add("no movements")
    assert seen == {
        "deleted",
        "open sleep",
        "sleep not started",
        "sleep over several nights",
        "sleep ends at a boundary",
        "offset change",
        "episode over the boundary",
        "filter",
        "no movements",
    }

"""A realistic generated log, for `--demo`, the benchmarks and tests. Qt-free.

Nights mix quiet ones (scattered kicks, bursts of fast active-sleep twitches)
with restless ones (runs of movements every 15-45 s). Numbers are invented;
they only look like what a parent might log.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from rlbaby.model import (
    Child,
    Episode,
    FamilyHistory,
    Instant,
    LabResult,
    Movement,
    MovementKind,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    Trigger,
    timekeeping,
)
from rlbaby.model.timekeeping import MS_PER_HOUR, MS_PER_MIN, system_offset_min
from rlbaby.store import Store

NIGHT_START_HOUR = 18  # the demo's nights start at 18:00 local, like the default setting

_KINDS = [MovementKind.UNSPECIFIED] * 5 + [
    MovementKind.KICK,
    MovementKind.KICK,
    MovementKind.JERK,
    MovementKind.STRETCH,
]

_WOKEN = [StoppedWhenWoken.YES, StoppedWhenWoken.YES, StoppedWhenWoken.NOT_TRIED]


def _instant(utc_ms: int) -> Instant:
    return Instant(utc_ms, system_offset_min(utc_ms))


def _night_start_utc(night: date) -> int:
    """18:00 local on `night`, as UTC ms (local zone of this machine)."""
    return int(datetime(night.year, night.month, night.day, NIGHT_START_HOUR).timestamp() * 1000)


def generate_night(
    rng: random.Random, child_id: str, night: date, restless: bool, scale: float = 1.0
) -> Iterator[Any]:
    """Records of one night: sleep periods, episodes and their movements."""
    base = _night_start_utc(night)
    bedtime = base + int((1.5 + rng.random()) * MS_PER_HOUR)  # 19:30-20:30
    wake = base + int((12.0 + rng.random()) * MS_PER_HOUR)  # 06:00-07:00
    n_wakings = rng.randint(1, 3)
    cuts = sorted(rng.uniform(bedtime, wake) for _ in range(n_wakings))
    t = bedtime
    for cut in [*cuts, wake]:
        end = int(cut)
        if end - t > 20 * MS_PER_MIN:
            yield SleepPeriod(child_id, _instant(t), awake=_instant(end))
        t = end + int(rng.uniform(10, 40) * MS_PER_MIN)

    n_episodes = max(1, round(rng.uniform(2, 6 if restless else 3) * scale))
    starts = sorted(rng.uniform(bedtime, wake - MS_PER_HOUR) for _ in range(n_episodes))
    for start in starts:
        at = int(start)
        ep = Episode(child_id, _instant(at))
        movements = []
        periodic = restless and rng.random() < 0.7
        count = int(rng.randint(8, 30) * scale) if periodic else int(rng.randint(3, 14) * scale)
        for i in range(max(count, 1)):
            movements.append(Movement(child_id, ep.id, _instant(at), kind=rng.choice(_KINDS)))
            if periodic:
                gap = rng.uniform(15, 45)
            elif rng.random() < 0.4:
                gap = rng.uniform(1, 8)  # a burst of active-sleep twitches
            else:
                gap = rng.uniform(20, 200)
            at += int(gap * 1000)
            if i > 200:
                break
        settled = _instant(at + int(rng.uniform(0.5, 3) * MS_PER_MIN))
        onset = rng.choice([OnsetState.ASLEEP] * 3 + [OnsetState.DROWSY, OnsetState.AWAKE])
        soothing = frozenset(rng.sample(list(Soothing), k=rng.randint(0, 2)))
        response = rng.choice(
            [Response.SETTLED_FAST] * 3
            + [Response.SETTLED_SLOW] * (3 if restless else 1)
            + [Response.NOT_SETTLED] * (2 if restless else 0)
        )
        signs: frozenset[Sign] = frozenset()
        if restless and rng.random() < 0.25:
            signs = frozenset({rng.choice([Sign.INCONSOLABLE_CRYING, Sign.FEEDING_DIFFICULTY])})
        triggers = frozenset(rng.sample(list(Trigger)[:6], k=rng.choice([0, 0, 1])))
        yield Episode(
            child_id,
            ep.opened,
            id=ep.id,
            settled=settled if rng.random() < 0.7 else None,
            onset_state=onset,
            soothing=soothing,
            response=response if soothing or rng.random() < 0.5 else None,
            # Never "no": movements that go on after waking are a red flag (issue 12),
            # and the demo's children are ordinary restless sleepers.
            stopped_when_woken=rng.choice(_WOKEN) if rng.random() < 0.3 else None,
            signs=signs,
            triggers=triggers,
            video=True if rng.random() < 0.05 else None,
        )
        yield from movements


def demo_children() -> list[Child]:
    return [
        Child(
            "Mia",
            birth_date=date.today() - timedelta(days=240),
            born_early=True,
            family_history=FamilyHistory.YES,
            labs=(LabResult("ferritin", "18", "µg/L", date.today() - timedelta(days=30)),),
            notes="Twin A. Grandmother has restless legs.",
        ),
        Child(
            "Leo",
            birth_date=date.today() - timedelta(days=240),
            born_early=True,
            family_history=FamilyHistory.YES,
            notes="Twin B.",
        ),
    ]


def night_of(utc_ms: int, start_hour: int = NIGHT_START_HOUR) -> date:
    """The night (labelled by its evening's date) of `utc_ms` in this computer's zone."""
    return timekeeping.night_of(Instant.at_system_offset(utc_ms), start_hour)


def ended_by(records: Iterable[Any], now_ms: int) -> list[Any]:
    """The records that are over at `now_ms`, without the ones still going on.

    A sleep period must have woken, an episode must be over (settled, or its last
    movement made) and a movement must have happened. An episode that is not over
    is dropped with its movements, so the demo never shows a time yet to come.
    """
    records = list(records)
    last_move: dict[str, int] = {}
    for r in records:
        if isinstance(r, Movement):
            last_move[r.episode_id] = max(last_move.get(r.episode_id, 0), r.at.utc_ms)
    dropped: set[str] = set()
    kept: list[Any] = []
    for r in records:
        if isinstance(r, SleepPeriod):
            ok = r.awake is not None and r.awake.utc_ms <= now_ms
        elif isinstance(r, Episode):
            end = r.settled.utc_ms if r.settled else last_move.get(r.id, r.opened.utc_ms)
            ok = max(end, r.opened.utc_ms) <= now_ms
            if not ok:
                dropped.add(r.id)
        else:
            ok = not isinstance(r, Movement) or r.at.utc_ms <= now_ms
        if ok:
            kept.append(r)
    return [r for r in kept if not (isinstance(r, Movement) and r.episode_id in dropped)]


def populate(
    store: Store,
    *,
    nights: int = 42,
    seed: int = 7,
    children: list[Child] | None = None,
    restless_share: tuple[float, ...] = (0.35, 0.1),
    scale: float = 1.0,
    end: date | None = None,
    now_ms: int | None = None,
) -> None:
    """Fill `store` with `nights` nights of log for each child.

    Args:
        end: the last night (its evening's date). Without it, the night `now_ms`
            falls in, so the demo opened at 03:00 shows tonight up to 03:00.
        now_ms: nothing ends after this instant (see `ended_by`). Defaults to the
            store's clock when `end` is not given; with an explicit `end` and no
            `now_ms`, the nights are kept whole.
    """
    rng = random.Random(seed)
    kids = children or demo_children()
    if end is None:
        # The store's clock (a test's fake one too): the log never runs past its now.
        now_ms = store.now_ms() if now_ms is None else now_ms
        end = night_of(now_ms)
    records: list[Any] = list(kids)
    for i, child in enumerate(kids):
        share = restless_share[i % len(restless_share)]
        for k in range(nights):
            night = end - timedelta(days=nights - 1 - k)
            records.extend(generate_night(rng, child.id, night, rng.random() < share, scale))
    store.save_many(records if now_ms is None else ended_by(records, now_ms))

"""A small hand-made log with known figures, for the report tests.

Three nights (evening dates), UTC+1, night start 18:00, WASM rule (10-90 s):

- 10 Nov: one episode of 5 taps 20 s apart from 22:00 (one periodic run),
  asleep 20:00-06:00 (10 h). Signs: breathing pauses (urgent) and
  inconsolable crying; soothed by rocking; did not settle; a note.
- 11 Nov: two episodes, 4 taps 2 s apart at 21:00 (one rapid cluster) and
  2 taps at 23:30; no sleep marked. Feeding difficulty with the second.
- 12 Nov: one episode of 3 taps 60 s apart at 22:00, with a video; rocking and
  feeding tried, no response noted; asleep 20:00-04:00 (8 h).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from rlbaby.model import (
    Child,
    Episode,
    FamilyHistory,
    Instant,
    LabResult,
    Movement,
    MovementKind,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
)
from rlbaby.store import Store

TZ = timezone(timedelta(hours=1))
FIRST, LAST = date(2026, 11, 10), date(2026, 11, 12)
NOTE = "Lips looked blue for a moment, then pink again"


def at(d: date, hour: int, minute: int = 0, second: int = 0) -> Instant:
    base = datetime(d.year, d.month, d.day, tzinfo=TZ) + timedelta(hours=hour)
    return Instant.from_datetime(base + timedelta(minutes=minute, seconds=second))


def _episode(child: Child, start: Instant, gaps_s: list[int], **annotations) -> list:  # type: ignore[no-untyped-def]
    ep = Episode(child.id, start, **annotations)
    out: list = [ep]
    t = start
    out.append(Movement(child.id, ep.id, t, kind=MovementKind.KICK))
    for g in gaps_s:
        t = t.plus_ms(g * 1000)
        out.append(Movement(child.id, ep.id, t))
    return out


def fill(store: Store) -> Child:
    child = Child(
        "Mia",
        birth_date=date(2026, 3, 29),
        born_early=True,
        family_history=FamilyHistory.YES,
        labs=(LabResult("ferritin", "18", "µg/L", date(2026, 10, 25)),),
        notes="Twin A. Grandmother has restless legs.",
    )
    n10, n11, n12 = FIRST, FIRST + timedelta(days=1), LAST
    records: list = [child]
    records += _episode(
        child,
        at(n10, 22),
        [20, 20, 20, 20],
        signs=frozenset({Sign.BREATHING_PAUSES, Sign.INCONSOLABLE_CRYING}),
        soothing=frozenset({Soothing.ROCKING}),
        response=Response.NOT_SETTLED,
        stopped_when_woken=StoppedWhenWoken.NO,
        note=NOTE,
    )
    records.append(SleepPeriod(child.id, at(n10, 20), awake=at(n10, 30)))
    records += _episode(child, at(n11, 21), [2, 2, 2])
    records += _episode(child, at(n11, 23, 30), [40], signs=frozenset({Sign.FEEDING_DIFFICULTY}))
    records += _episode(
        child,
        at(n12, 22),
        [60, 60],
        video=True,
        soothing=frozenset({Soothing.ROCKING, Soothing.FEEDING}),
    )
    records.append(SleepPeriod(child.id, at(n12, 20), awake=at(n12, 28)))
    store.save_many(records)
    return child

"""A small hand-made log for the chart tests, and what each chart should show for it.

The test clock (conftest.T0) is 2026-11-24 07:00 at +01:00, so with the default
night start (18:00) "tonight" is the night of 2026-11-23.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from rlbaby.model import (
    Episode,
    Instant,
    Movement,
    MovementKind,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    Trigger,
)
from rlbaby.services import LoggerService
from rlbaby.store import Store
from rlbaby.ui.bridge import ServiceBridge
from rlbaby.ui.context import ChildSelection, UiContext
from rlbaby.ui.theme import ThemeManager

TONIGHT = date(2026, 11, 23)
EARLIER = date(2026, 11, 20)


def at(local: str) -> Instant:
    return Instant.parse(local + "+01:00")


def seed(store: Store, child_id: str) -> None:
    """Two nights: tonight (two episodes, six movements, sleep) and 20 Nov (one episode).

    Soothing: rocking and leg massage tonight (settled within 5 minutes);
    rocking on 20 Nov (did not settle).
    """
    e1 = Episode(
        child_id,
        at("2026-11-23T22:00:00"),
        settled=at("2026-11-23T22:05:00"),
        onset_state=OnsetState.ASLEEP,
        response=Response.SETTLED_FAST,
        soothing=frozenset({Soothing.ROCKING, Soothing.MASSAGE}),
        signs=frozenset({Sign.STIFFNESS}),
        triggers=frozenset({Trigger.HUNGER}),
    )
    e2 = Episode(child_id, at("2026-11-24T03:00:00"), onset_state=OnsetState.ASLEEP)
    e3 = Episode(
        child_id,
        at("2026-11-20T23:30:00"),
        onset_state=OnsetState.DROWSY,
        response=Response.NOT_SETTLED,
        soothing=frozenset({Soothing.ROCKING}),
    )
    k = MovementKind
    moves = [
        (e1, "2026-11-23T22:00:00", k.KICK),
        (e1, "2026-11-23T22:00:20", k.JERK),
        (e1, "2026-11-23T22:00:50", k.UNSPECIFIED),
        (e1, "2026-11-23T22:01:30", k.KICK),
        (e2, "2026-11-24T03:00:00", k.STRETCH),
        (e2, "2026-11-24T03:00:05", k.STRETCH),
        (e3, "2026-11-20T23:30:00", k.KICK),
        (e3, "2026-11-20T23:30:40", k.KICK),
        (e3, "2026-11-20T23:31:20", k.KICK),
    ]
    records: list[object] = [e1, e2, e3]
    records += [Movement(child_id, ep.id, at(t), kind=kind) for ep, t, kind in moves]
    records.append(
        SleepPeriod(child_id, at("2026-11-23T20:00:00"), awake=at("2026-11-24T06:00:00"))
    )
    store.save_many(records)


# Hours after 18:00 of each kind's movements tonight.
TONIGHT_KICKS_H = [4.0, 4.0 + 90 / 3600]
TONIGHT_STRETCHES_H = [9.0, 9.0 + 5 / 3600]
TONIGHT_GAPS_S = [20.0, 30.0, 40.0, 5.0]
EARLIER_GAPS_S = [40.0, 40.0]


def memory_ctx(store: Store, clock) -> UiContext:  # type: ignore[no-untyped-def]
    """A UiContext wired as rlbaby.ui.app.build_window does (conftest's make_ctx is
    not importable by name from here: tests/ has two conftest modules)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    service = LoggerService(store, clock)
    return UiContext(
        store=store,
        service=service,
        bridge=ServiceBridge(service),
        theme=ThemeManager(app, "night"),
        selection=ChildSelection(service),
        clock=clock,
    )

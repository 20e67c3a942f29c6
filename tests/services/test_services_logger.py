"""rlbaby/services/logger.py: the night logger's use cases, with a fake clock."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rlbaby.model import Child, Episode, Instant, Movement, MovementKind, SleepPeriod
from rlbaby.services import LoggerService, MovementRecorded, RecordsChanged
from rlbaby.services.events import Event
from rlbaby.store import Store, StoreError, WriteError

if TYPE_CHECKING:  # conftest is not importable by name once tests/ui has its own
    from conftest import FakeClock


@pytest.fixture
def service(store: Store, clock: FakeClock) -> LoggerService:
    return LoggerService(store, clock)


@pytest.fixture
def events(service: LoggerService, store: Store) -> list[Event]:
    """Every event, each checked against the store (and the disk) when it arrives."""
    seen: list[Event] = []

    def on_disk(rec: Movement | Episode | SleepPeriod | Child) -> bool:
        if store.data_dir is None:
            return True
        needle = rec.id.encode()
        files = [*Path(store.data_dir).rglob("*.json"), Path(store.data_dir) / "taps.log"]
        return any(needle in p.read_bytes() for p in files if p.exists())

    def listener(event: Event) -> None:
        if isinstance(event, MovementRecorded):
            assert store.movement(event.movement.id) == event.movement
            assert store.episode(event.episode.id) == event.episode
            assert event.movement.id in store.movements().ids
            assert on_disk(event.movement)
            assert on_disk(event.episode)
        else:
            for rec in event.records:
                getter = {
                    Movement: store.movement,
                    Episode: store.episode,
                    SleepPeriod: store.sleep_period,
                    Child: store.child,
                }[type(rec)]
                assert getter(rec.id) == rec
                assert on_disk(rec)
        seen.append(event)

    service.events.subscribe(listener)
    return seen


def live_ids(store: Store, child: Child) -> list[str]:
    return list(store.movements(child.id).ids)


def test_tap_opens_an_episode(
    service: LoggerService, child: Child, clock: FakeClock, events: list[Event]
) -> None:
    m = service.record_movement(child.id)
    assert m.at == clock()
    ep = service.store.episode(m.episode_id)
    assert ep is not None
    assert (ep.opened, ep.settled, ep.child_id) == (clock(), None, child.id)
    assert events == [MovementRecorded(m, ep, new_episode=True)]
    assert service.open_episode(child.id) == ep


def test_taps_within_the_idle_timeout_join(
    service: LoggerService, child: Child, clock: FakeClock, events: list[Event]
) -> None:
    first = service.record_movement(child.id)
    clock.advance(299)
    second = service.record_movement(child.id)
    clock.advance(300)  # exactly the timeout: still the same episode
    third = service.record_movement(child.id)
    assert first.episode_id == second.episode_id == third.episode_id
    clock.advance(300.001)
    fourth = service.record_movement(child.id)
    assert fourth.episode_id != first.episode_id
    assert [e.new_episode for e in events if isinstance(e, MovementRecorded)] == [
        True,
        False,
        False,
        True,
    ]
    assert len(service.store.episodes(child.id)) == 2
    assert service.store.movements(episode_id=first.episode_id).ids == (
        first.id,
        second.id,
        third.id,
    )


def test_idle_timeout_follows_the_settings(
    service: LoggerService, child: Child, clock: FakeClock
) -> None:
    from rlbaby.model import Settings

    service.store.save_settings(Settings(idle_timeout_s=60))
    first = service.record_movement(child.id)
    clock.advance(61)
    assert service.record_movement(child.id).episode_id != first.episode_id


# --- a clock that jumps --------------------------------------------------------------------


def _max_gap_s(service: LoggerService, episode_id: str) -> float:
    """The longest gap between the episode's movements, in seconds."""
    at = sorted(service.store.movements(episode_id=episode_id).at_ms.tolist())
    return max((b - a for a, b in zip(at, at[1:], strict=False)), default=0) / 1000


def test_a_clock_set_back_a_day_starts_a_new_episode(
    service: LoggerService, child: Child, clock: FakeClock
) -> None:
    first = service.record_movement(child.id)
    clock.advance(60)
    service.record_movement(child.id)
    clock.advance(-86_400)  # someone sets the clock back a day
    back = service.record_movement(child.id)
    assert back.episode_id != first.episode_id
    clock.advance(60)
    assert service.record_movement(child.id).episode_id == back.episode_id
    clock.advance(-240)  # and a small step back, within the idle timeout, still joins
    assert service.record_movement(child.id).episode_id == back.episode_id
    for ep in service.store.episodes(child.id):
        assert _max_gap_s(service, ep.id) <= 300
    # A fresh session (after a restart) still sees two episodes, not one of a day.
    fresh = LoggerService(service.store, clock)
    clock.advance(100)
    assert fresh.record_movement(child.id).episode_id == back.episode_id
    assert len(service.store.episodes(child.id)) == 2


def test_a_tap_dated_far_ahead_keeps_to_its_own_episode(
    service: LoggerService, child: Child, clock: FakeClock
) -> None:
    now = clock.utc_ms
    clock.utc_ms = 4_102_444_800_000  # 2100-01-01: a clock gone wrong
    future = service.record_movement(child.id)
    clock.utc_ms = now  # the clock is right again
    taps = [service.record_movement(child.id)]
    assert taps[0].episode_id != future.episode_id
    for restart in (False, True, False):
        clock.advance(30)
        svc = LoggerService(service.store, clock) if restart else service
        taps.append(svc.record_movement(child.id))
        service = svc
    assert {m.episode_id for m in taps} == {taps[0].episode_id}
    assert service.store.movements(episode_id=future.episode_id).ids == (future.id,)
    assert service.open_episode(child.id).id == taps[0].episode_id  # type: ignore[union-attr]
    for ep in service.store.episodes(child.id):
        assert _max_gap_s(service, ep.id) <= 300


def test_settle_ends_the_episode(
    service: LoggerService, child: Child, clock: FakeClock, events: list[Event]
) -> None:
    assert service.settle(child.id) is None  # nothing open yet
    m = service.record_movement(child.id)
    clock.advance(42)
    settled = service.settle(child.id)
    assert settled is not None
    assert (settled.id, settled.settled) == (m.episode_id, clock())
    assert isinstance(events[-1], RecordsChanged)
    assert events[-1].records == (settled,)
    assert service.open_episode(child.id) is None
    assert service.settle(child.id) is None
    clock.advance(1)
    after = service.record_movement(child.id)
    assert after.episode_id != m.episode_id


def test_undo_and_redo_of_a_tap(
    service: LoggerService, store: Store, child: Child, clock: FakeClock, events: list[Event]
) -> None:
    assert (service.can_undo, service.undo(), service.redo()) == (False, None, None)
    first = service.record_movement(child.id)
    clock.advance(10)
    second = service.record_movement(child.id)  # joins
    assert service.undo_label() == "movement"

    # Undo the joining tap: the movement is tombstoned, the episode stays.
    service.undo()
    assert live_ids(store, child) == [first.id]
    assert store.movement(second.id).deleted_ms == clock.utc_ms  # type: ignore[union-attr]
    assert store.episode(first.episode_id).deleted_ms is None  # type: ignore[union-attr]
    # Undo the first tap: it created the episode, so both go.
    service.undo()
    assert live_ids(store, child) == []
    assert store.episodes(child.id) == []
    assert store.episode(first.episode_id).deleted_ms is not None  # type: ignore[union-attr]
    assert service.open_episode(child.id) is None
    assert (service.can_undo, service.can_redo) == (False, True)
    assert [e.reason for e in events if isinstance(e, RecordsChanged)] == [
        "undo movement",
        "undo movement",
    ]

    service.redo()
    assert live_ids(store, child) == [first.id]
    assert store.episode(first.episode_id).deleted_ms is None  # type: ignore[union-attr]
    service.redo()
    assert live_ids(store, child) == [first.id, second.id]
    assert service.open_episode(child.id).id == first.episode_id  # type: ignore[union-attr]
    assert (service.can_undo, service.can_redo) == (True, False)
    # A new change clears what could be redone.
    service.undo()
    service.record_movement(child.id)
    assert not service.can_redo


def test_undo_survives_a_reopen_of_the_records(
    service: LoggerService, store: Store, child: Child, clock: FakeClock, tmp_path: Path
) -> None:
    m = service.record_movement(child.id)
    service.undo()
    if store.data_dir is not None:
        store.close()
        with Store.open(store.data_dir) as again:
            assert again.movement(m.id).deleted_ms is not None  # type: ignore[union-attr]
            assert len(again.movements()) == 0


def test_label_or_record(
    service: LoggerService, store: Store, child: Child, clock: FakeClock
) -> None:
    tap = service.record_movement(child.id)
    clock.advance(4.999)
    labelled, was_label = service.label_or_record(child.id, MovementKind.KICK)
    assert was_label
    assert (labelled.id, labelled.kind, labelled.at) == (tap.id, MovementKind.KICK, tap.at)
    clock.advance(0.001)  # exactly 5 s after the tap: still labels
    again, was_label = service.label_or_record(child.id, MovementKind.JERK)
    assert was_label
    assert again.id == tap.id
    assert live_ids(store, child) == [tap.id]
    clock.advance(0.001)  # past 5 s: a new movement of that kind
    new, was_label = service.label_or_record(child.id, MovementKind.STRETCH)
    assert not was_label
    assert (new.kind, new.at, new.episode_id) == (MovementKind.STRETCH, clock(), tap.episode_id)
    assert live_ids(store, child) == [tap.id, new.id]
    # Labelling is undoable like any edit.
    clock.advance(1)
    service.label_or_record(child.id, MovementKind.KICK)
    service.undo()
    assert store.movement(new.id).kind == MovementKind.STRETCH  # type: ignore[union-attr]


def test_label_after_an_undone_tap_records(
    service: LoggerService, store: Store, child: Child, clock: FakeClock
) -> None:
    tap = service.record_movement(child.id)
    service.undo()
    clock.advance(1)
    m, was_label = service.label_or_record(child.id, MovementKind.KICK)
    assert not was_label
    assert m.id != tap.id
    assert live_ids(store, child) == [m.id]


def test_toggle_sleep_alternates(
    service: LoggerService, store: Store, child: Child, clock: FakeClock
) -> None:
    asleep = service.toggle_sleep(child.id)
    assert (asleep.asleep, asleep.awake) == (clock(), None)
    assert service.current_sleep(child.id) == asleep
    clock.advance(3600)
    awake = service.toggle_sleep(child.id)
    assert (awake.id, awake.asleep, awake.awake) == (asleep.id, asleep.asleep, clock())
    assert service.current_sleep(child.id) is None
    clock.advance(600)
    again = service.toggle_sleep(child.id)
    assert again.id != asleep.id
    assert again.awake is None
    assert [s.id for s in store.sleep_periods(child.id)] == [asleep.id, again.id]
    service.undo()  # the second Asleep mark
    service.undo()  # the Awake mark
    current = service.current_sleep(child.id)
    assert current is not None
    assert (current.id, current.asleep, current.awake) == (asleep.id, asleep.asleep, None)


def test_add_movement_at_joins_a_nearby_episode(
    service: LoggerService, store: Store, child: Child, clock: FakeClock
) -> None:
    first = service.record_movement(child.id)
    clock.advance(20)
    service.record_movement(child.id)
    clock.advance(3600)
    forgotten = service.add_movement_at(child.id, first.at.plus_ms(10_000), MovementKind.KICK)
    assert forgotten.episode_id == first.episode_id
    assert store.movements(episode_id=first.episode_id).at_ms.tolist() == [
        first.at.utc_ms,
        first.at.utc_ms + 10_000,
        first.at.utc_ms + 20_000,
    ]
    # 4 min after the episode's last movement: still within the 5 min timeout.
    near = service.add_movement_at(child.id, first.at.plus_ms(260_000), MovementKind.KICK)
    assert near.episode_id == first.episode_id
    far = service.add_movement_at(child.id, first.at.plus_ms(2 * 3_600_000), MovementKind.JERK)
    assert far.episode_id != first.episode_id
    ep = store.episode(far.episode_id)
    assert ep is not None
    assert ep.opened == far.at
    service.undo()
    assert store.episode(far.episode_id).deleted_ms is not None  # type: ignore[union-attr]
    assert far.id not in store.movements().ids


def test_add_movement_at_never_joins_another_childs_episode(
    service: LoggerService, store: Store, child: Child, clock: FakeClock
) -> None:
    bo = store.save(Child("Bo"))
    theirs = service.record_movement(bo.id)
    mine = service.add_movement_at(child.id, theirs.at.plus_ms(1000), MovementKind.KICK)
    assert mine.episode_id != theirs.episode_id
    assert store.episode(mine.episode_id).child_id == child.id  # type: ignore[union-attr]


def test_two_children_are_kept_apart(
    service: LoggerService, store: Store, child: Child, clock: FakeClock, events: list[Event]
) -> None:
    bo = store.save(Child("Bo"))
    a1 = service.record_movement(child.id)
    clock.advance(5)
    b1 = service.record_movement(bo.id)
    clock.advance(5)
    a2 = service.record_movement(child.id)
    clock.advance(5)
    b2 = service.record_movement(bo.id)
    assert a1.episode_id == a2.episode_id != b1.episode_id == b2.episode_id
    assert store.episode(b1.episode_id).child_id == bo.id  # type: ignore[union-attr]
    # Labelling within 5 s labels each child's own last tap.
    # Ada's last tap is exactly 5 s old (Bo tapped since): it is Ada's that is labelled.
    m, was_label = service.label_or_record(child.id, MovementKind.KICK)
    assert (was_label, m.id, m.kind) == (True, a2.id, MovementKind.KICK)
    assert store.movement(b2.id).kind == MovementKind.UNSPECIFIED  # type: ignore[union-attr]
    settled = service.settle(child.id)
    assert settled is not None
    assert settled.id == a1.episode_id
    assert service.open_episode(bo.id).id == b1.episode_id  # type: ignore[union-attr]
    service.toggle_sleep(bo.id)
    assert service.current_sleep(child.id) is None
    assert live_ids(store, bo) == [b1.id, b2.id]


def test_delete_episode_takes_its_movements_and_undo_brings_them_back(
    service: LoggerService, store: Store, child: Child, clock: FakeClock
) -> None:
    m1 = service.record_movement(child.id)
    clock.advance(10)
    m2 = service.record_movement(child.id)
    ep = store.episode(m1.episode_id)
    assert ep is not None
    service.delete(ep)
    assert live_ids(store, child) == []
    assert store.episodes(child.id) == []
    service.undo()
    assert live_ids(store, child) == [m1.id, m2.id]
    assert store.episode(ep.id).deleted_ms is None  # type: ignore[union-attr]


def test_a_failed_tap_emits_nothing(
    file_store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = LoggerService(file_store, clock)
    kid = file_store.save(Child("Ada"))
    heard: list[Event] = []
    service.events.subscribe(heard.append)
    for sync in ("fsync", "fdatasync"):  # the tap log syncs with the second where it can
        if hasattr(os, sync):
            monkeypatch.setattr(
                os, sync, lambda _fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full"))
            )
    with pytest.raises(WriteError):
        service.record_movement(kid.id)
    monkeypatch.undo()
    assert heard == []
    assert not service.can_undo
    assert len(file_store.movements()) == 0
    m = service.record_movement(kid.id)
    assert heard == [MovementRecorded(m, file_store.episode(m.episode_id), True)]  # type: ignore[arg-type]


def test_taps_at_an_explicit_time(service: LoggerService, child: Child) -> None:
    at = Instant.parse("2026-03-29T01:58:00+01:00")
    m1 = service.record_movement(child.id, at=at)
    m2 = service.record_movement(child.id, at=Instant.parse("2026-03-29T03:02:00+02:00"))
    assert m1.episode_id == m2.episode_id  # 4 minutes apart across the DST change
    assert service.episode_movements(m1.episode_id).tolist() == [m1.at.utc_ms, m2.at.utc_ms]


def test_unsubscribe(service: LoggerService, child: Child) -> None:
    heard: list[Event] = []
    service.events.subscribe(heard.append)
    service.events.unsubscribe(heard.append)
    service.record_movement(child.id)
    assert heard == []


def test_awake_before_asleep_is_refused_not_crashed(
    service: LoggerService, store: Store, child: Child, clock: FakeClock
) -> None:
    # The computer's clock was set back after the Asleep mark.
    asleep = service.toggle_sleep(child.id)
    clock.advance(-120)
    with pytest.raises(StoreError, match="would come before the Asleep mark"):
        service.toggle_sleep(child.id)
    current = service.current_sleep(child.id)
    assert current is not None
    assert (current.id, current.awake) == (asleep.id, None)
    clock.advance(600)
    assert service.toggle_sleep(child.id).awake == clock()


def test_deleting_an_episodes_last_movement_deletes_the_episode_undoably(store, clock):
    child = store.save(Child("Ada"))
    service = LoggerService(store, clock)
    m1 = service.record_movement(child.id)
    clock.advance(20)
    m2 = service.record_movement(child.id)
    service.delete(m1)
    assert store.episode(m1.episode_id).deleted_ms is None  # m2 still holds it
    service.delete(m2)
    assert store.episode(m2.episode_id).deleted_ms is not None
    assert service.undo_label() is not None
    service.undo()
    assert store.episode(m2.episode_id).deleted_ms is None
    assert store.movement(m2.id).deleted_ms is None


def test_a_forgotten_episode_spreads_its_movements_and_undoes_as_one(store, clock):
    child = store.save(Child("Ada"))
    service = LoggerService(store, clock)
    start = Instant(clock.utc_ms - 3_600_000, 60)
    end = Instant(clock.utc_ms - 3_000_000, 60)
    ep = service.add_episode_span(child.id, start, end, 4, MovementKind.KICK)
    moves = store.movements_of_episode(ep.id)
    assert [m.at.utc_ms for m in moves] == [start.utc_ms + i * 200_000 for i in range(4)]
    assert {m.kind for m in moves} == {MovementKind.KICK}
    assert store.episode(ep.id).settled == end
    service.undo()
    assert store.episode(ep.id).deleted_ms is not None
    assert all(m.deleted_ms is not None for m in store.movements_of_episode(ep.id))
    with pytest.raises(ValueError, match="before the start"):
        service.add_episode_span(child.id, end, start, 2)
    with pytest.raises(ValueError, match="between 1 and"):
        service.add_episode_span(child.id, start, end, 0)


def test_undo_labels_are_words_a_parent_uses(
    service: LoggerService, child: Child, clock: FakeClock
) -> None:
    labels = []
    service.record_movement(child.id)
    labels.append(service.undo_label())
    service.label_or_record(child.id, MovementKind.KICK)
    labels.append(service.undo_label())
    service.settle(child.id)
    labels.append(service.undo_label())
    service.toggle_sleep(child.id)
    labels.append(service.undo_label())
    clock.advance(600)
    service.toggle_sleep(child.id)
    labels.append(service.undo_label())
    ep = service.store.episodes(child.id)[-1]
    service.update(ep, note="after feed")
    labels.append(service.undo_label())
    service.delete(ep)
    labels.append(service.undo_label())
    service.add(SleepPeriod(child.id, asleep=clock()))
    labels.append(service.undo_label())
    assert labels == [
        "movement",
        "kind of movement",
        "settled mark",
        "asleep mark",
        "awake mark",
        "change to the episode",
        "deleted episode",
        "new sleep period",
    ]
    for text in labels:
        assert "sleepperiod" not in text
        assert "_" not in text


def test_sleep_pressed_twice_quickly_cancels_the_mark(
    service: LoggerService, store: Store, child: Child, clock: FakeClock
) -> None:
    asleep = service.toggle_sleep(child.id)
    clock.advance(2)  # S, S: a double press, not a 2-second sleep
    cancelled = service.toggle_sleep(child.id)
    assert (cancelled.id, cancelled.deleted_ms, cancelled.awake) == (asleep.id, clock.utc_ms, None)
    assert store.sleep_periods(child.id) == []
    assert service.current_sleep(child.id) is None
    assert service.undo_label() == "cancelled asleep mark"
    service.undo()  # the parent meant it after all: asleep again
    assert service.current_sleep(child.id) is not None
    clock.advance(60)
    awake = service.toggle_sleep(child.id)
    assert awake.deleted_ms is None
    assert awake.awake.utc_ms - awake.asleep.utc_ms == 62_000  # type: ignore[union-attr]
    assert [p.id for p in store.sleep_periods(child.id)] == [asleep.id]


def test_a_longer_idle_timeout_leaves_a_closed_episode_closed(
    service: LoggerService, child: Child, clock: FakeClock
) -> None:
    from dataclasses import replace

    timeout = service.store.settings.idle_timeout_s
    first = service.record_movement(child.id)
    clock.advance(timeout + 60)
    assert service.open_episode(child.id) is None  # closed: the parent saw it close
    service.save_settings(replace(service.store.settings, idle_timeout_s=timeout * 3))
    assert service.store.settings.idle_timeout_s == timeout * 3
    assert service.open_episode(child.id) is None
    assert service.record_movement(child.id).episode_id != first.episode_id


def test_a_closed_episode_stays_closed_even_unseen(
    store: Store, child: Child, clock: FakeClock
) -> None:
    """Closed by the clock while no one looked: the new timeout still does not reopen it."""
    from dataclasses import replace

    service = LoggerService(store, clock)
    timeout = store.settings.idle_timeout_s
    first = service.record_movement(child.id)
    clock.advance(timeout + 60)
    service.save_settings(replace(store.settings, idle_timeout_s=timeout * 3))
    assert service.open_episode(child.id) is None
    assert service.record_movement(child.id).episode_id != first.episode_id


def test_first_child_lets_the_first_tap_save_and_is_not_undone(
    service: LoggerService, store: Store, events: list[Event]
) -> None:
    baby = service.first_child()
    assert baby.name == "Baby"
    assert [c.id for c in store.children()] == [baby.id]
    assert isinstance(events[-1], RecordsChanged)
    service.record_movement(baby.id)
    service.undo()
    assert service.undo() is None  # the child is not an undo step
    assert [c.id for c in store.children()] == [baby.id]

"""The tap's write path: saves folded from the tap log into whole files, and a
tap opening an episode saving both records in one step (Store.save_together)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
from store_strategies import T0, contents

from rlbaby.model import Child, Episode, Instant, Movement, MovementKind
from rlbaby.services import LoggerService
from rlbaby.store import Store

if TYPE_CHECKING:  # conftest is not importable by name once tests/ui has its own
    from conftest import FakeClock

NOV = Instant(T0, 60)


def _canonical(path: Path) -> bool:
    """The file is exactly what orjson writes for what it holds."""
    raw = path.read_bytes()
    return orjson.dumps(orjson.loads(raw)) == raw


def test_folded_saves_write_exactly_what_a_whole_save_writes(
    file_store: Store, data_dir: Path, clock: FakeClock
) -> None:
    kid = file_store.save(Child("Ada"))
    logger = LoggerService(file_store, clock=lambda: NOV.plus_ms(clock.now_ms() - T0))
    taps = []
    for i in range(6):
        clock.advance(10)
        taps.append(logger.record_movement(kid.id))
        if i == 2:  # an edit in place, then more taps after it
            logger.update(taps[0], kind=MovementKind.KICK)
        if i == 3:  # a tap undone (a tombstone), then more taps after it
            logger.undo()
    assert not (data_dir / "movements").exists()  # every save is in the tap log so far
    file_store.checkpoint()  # which folds them into the files, in save order
    files = sorted((data_dir / "movements").glob("*.json"))
    assert [p.name for p in files] == ["2026-11-24d.json"]
    assert _canonical(files[0])
    assert _canonical(data_dir / "episodes" / "2026-11.json")
    held = orjson.loads(files[0].read_bytes())["movements"]
    assert [d["id"] for d in held.values()] == [m.id for m in taps]
    before = contents(file_store)
    file_store.close()
    with Store.open(data_dir) as again:
        assert again.problems == []
        assert contents(again) == before
        assert again.movement(taps[0].id).kind is MovementKind.KICK  # type: ignore[union-attr]
        assert again.movement(taps[3].id).deleted_ms is not None  # type: ignore[union-attr]


def test_a_tap_opening_an_episode_saves_both_records(store: Store, clock: FakeClock) -> None:
    kid = store.save(Child("Ada"))
    logger = LoggerService(store, clock=lambda: NOV)
    m = logger.record_movement(kid.id)
    ep = store.episode(m.episode_id)
    assert ep is not None
    assert (ep.opened, ep.created_ms, m.created_ms) == (NOV, T0, T0)
    assert store.movements_of_episode(ep.id) == [m]
    logger.undo()  # one step takes both back
    assert store.episode(ep.id).deleted_ms is not None  # type: ignore[union-attr]
    assert store.movement(m.id).deleted_ms is not None  # type: ignore[union-attr]


def test_save_together_moves_an_edited_record_between_files(
    file_store: Store, data_dir: Path
) -> None:
    kid = file_store.save(Child("Ada"))
    ep = file_store.save(Episode(kid.id, NOV))
    m = file_store.save(Movement(kid.id, ep.id, NOV))
    later = NOV.plus_ms(86_400_000)
    ep2, m2 = file_store.save_together([replace(ep, note="moved"), replace(m, at=later)])
    assert file_store.movement(m.id) == m2
    file_store.close()
    with Store.open(data_dir) as again:
        assert again.problems == []
        assert again.movement(m.id) == m2
        assert again.episode(ep.id) == ep2
    assert m.id.encode() not in (data_dir / "movements" / "2026-11-24d.json").read_bytes()
    assert m.id.encode() in (data_dir / "movements" / "2026-11-25d.json").read_bytes()

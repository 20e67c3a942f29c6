"""The column snapshot of past months: used only when it matches, never trusted blindly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rlbaby.model import Child, Episode, Instant, Movement, MovementKind
from rlbaby.store import Store
from rlbaby.store.colcache import CACHE_REL

DAY = 86_400_000
T = 1_760_000_000_000  # 2025-10-09


def _fill(data_dir: Path) -> dict[str, str]:
    with Store.open(data_dir) as s:
        kid = s.save(Child("Ada"))
        recs: list = [kid]
        for month in range(4):
            at = T + month * 31 * DAY
            ep = Episode(kid.id, Instant(at, 60))
            recs.append(ep)
            recs += [
                Movement(kid.id, ep.id, Instant(at + i * 20_000, 60), kind=MovementKind.KICK)
                for i in range(25)
            ]
        s.save_many(recs)
        return {"child": kid.id}


def _snapshot(store: Store) -> tuple:
    mv = store.movements()
    return (
        mv.ids,
        mv.at_ms.tolist(),
        mv.kind.tolist(),
        mv.offset_min.tolist(),
        [mv.episode_ids[c] for c in mv.episode.tolist()],
    )


def test_second_open_uses_snapshot_and_sees_the_same(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:  # parses JSON, writes the snapshot
        first = _snapshot(s)
    assert (data_dir / CACHE_REL).exists()
    with Store.open(data_dir) as s:
        assert _snapshot(s) == first
        assert len(s.movements()) == 100
        # Records from snapshot months are still reachable by id and editable.
        m = s.movement(first[0][0])
        assert m is not None
        s.save(replace(m, kind=MovementKind.STRETCH))
    with Store.open(data_dir) as s:
        assert s.movement(first[0][0]).kind is MovementKind.STRETCH
        assert len(s.movements()) == 100


def test_edited_month_is_reparsed_not_taken_from_snapshot(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        old = s.movement(s.movements().ids[0])
    with Store.open(data_dir) as s:  # snapshot exists now
        s.delete(old)
    with Store.open(data_dir) as s:
        assert old.id not in s.movements().ids
        assert len(s.movements()) == 99


@pytest.mark.parametrize("damage", [b"", b"not a zip", b"PK\x03\x04garbage" * 50])
def test_damaged_snapshot_is_ignored(data_dir: Path, damage: bytes) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _snapshot(s)
    (data_dir / CACHE_REL).write_bytes(damage)
    with Store.open(data_dir) as s:
        assert _snapshot(s) == first
        assert s.problems == []


def test_snapshot_with_wrong_values_is_ignored(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _snapshot(s)
    path = data_dir / CACHE_REL
    with np.load(path) as z:
        arrays = {k: z[k] for k in z.files}
    key = str(arrays["months"][0])
    arrays[f"{key}/kind"] = np.full_like(arrays[f"{key}/kind"], 99)
    np.savez(path, **arrays)
    with Store.open(data_dir) as s:
        assert _snapshot(s) == first


def test_corrupt_month_is_quarantined_despite_snapshot(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass
    month = sorted((data_dir / "movements").glob("*.json"))[0]
    month.write_bytes(b'{"movements": {"1": ')
    with Store.open(data_dir) as s:
        assert [p.name for p in s.problems] == [f"movements/{month.name}"]
        assert len(s.movements()) == 75


def test_readonly_open_never_writes_snapshot(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir, readonly=True) as s:
        assert len(s.movements()) == 100
    assert not (data_dir / CACHE_REL).exists()


def test_backups_leave_the_snapshot_out(data_dir: Path) -> None:
    from rlbaby.store.backup import data_files

    _fill(data_dir)
    with Store.open(data_dir):
        pass
    assert (data_dir / CACHE_REL).exists()
    assert all("cache" not in p.parts for p in data_files(data_dir))

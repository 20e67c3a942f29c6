"""Where each record is (Locations), also for movement files a column snapshot loaded."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rlbaby.model import Child, Episode, Instant, Movement, MovementKind
from rlbaby.store import Store
from rlbaby.store.locations import Locations
from rlbaby.store.shards import day_key

DAY = 86_400_000
T = 1_760_000_000_000  # 2025-10-09


class _Rows:
    """A RowIndex: rows that never move."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.row_of = {rid: row for row, rid in enumerate(ids)}

    def rows_of(self, ids: list[str]) -> np.ndarray:
        return np.array([self.row_of.get(i, -1) for i in ids], np.intp)


def _base() -> Locations:
    loc = Locations()
    rows = _Rows(["a", "b", "c", "d", "e"])
    # "empty" holds no rows: the row after it belongs to the next file.
    loc.set_base(rows, ["k1", "empty", "k2"], [2, 0, 3], np.array([1, 2, 1, 2, 3], np.int64))
    return loc


def test_base_rows_answer_from_the_row_index() -> None:
    loc = _base()
    assert loc.get("a") == ("k1", 1)
    assert loc["b"] == ("k1", 2)
    assert loc["c"] == ("k2", 1)
    assert loc.get("e") == ("k2", 3)
    assert loc.get("zz") is None
    assert "d" in loc
    assert "zz" not in loc
    assert len(loc) == 5
    assert set(loc.keys()) == {"a", "b", "c", "d", "e"}
    assert loc.ids_in("k1") == {"a", "b"}
    assert loc.ids_in("empty") == set()
    assert loc.ids_in("k2") == {"c", "d", "e"}
    with pytest.raises(KeyError):
        loc["zz"]


def test_a_base_row_moved_popped_and_put_back_is_where_it_was_last_put() -> None:
    loc = _base()
    loc["c"] = ("k1", 3)  # moved to another file
    assert loc["c"] == ("k1", 3)
    assert loc.ids_in("k1") == {"a", "b", "c"}
    assert loc.ids_in("k2") == {"d", "e"}
    assert len(loc) == 5
    assert loc.pop("c") == ("k1", 3)
    assert loc.get("c") is None  # the base row must not show through
    assert "c" not in loc
    assert loc.ids_in("k2") == {"d", "e"}
    assert loc.ids_in("k1") == {"a", "b"}
    assert len(loc) == 4
    assert set(loc.keys()) == {"a", "b", "d", "e"}
    assert loc.pop("c") is None
    assert loc.pop("a") == ("k1", 1)
    assert len(loc) == 3
    loc.update({"a": ("k3", 1)})
    assert loc["a"] == ("k3", 1)
    loc["c"] = ("k2", 1)
    assert loc["c"] == ("k2", 1)
    assert loc.ids_in("k2") == {"c", "d", "e"}
    assert len(loc) == 5


def test_files_added_after_the_base_join_it() -> None:
    loc = _base()
    loc.add_file("k9", ["f", "g"], [1, 2])
    assert loc["g"] == ("k9", 2)
    assert len(loc) == 7
    assert loc.ids_in("k9") == {"f", "g"}


def test_a_base_goes_only_into_empty_locations() -> None:
    loc = Locations()
    loc["a"] = ("k1", 1)
    with pytest.raises(ValueError, match="empty"):
        loc.set_base(_Rows(["a"]), ["k1"], [1], np.array([1], np.int64))
    with pytest.raises(ValueError, match="doc ids"):
        Locations().set_base(_Rows(["a"]), ["k1"], [1], np.array([1, 2], np.int64))


def _fill(data_dir: Path) -> str:
    """Four days of 25 movements; returns the child's id."""
    with Store.open(data_dir) as s:
        kid = s.save(Child("Ada"))
        recs: list = [kid]
        for day in range(4):
            at = T + day * DAY
            ep = Episode(kid.id, Instant(at, 60))
            recs.append(ep)
            recs += [
                Movement(kid.id, ep.id, Instant(at + i * 20_000, 60), kind=MovementKind.KICK)
                for i in range(25)
            ]
        s.save_many(recs)
        return kid.id


def _on_disk(data_dir: Path, rid: str) -> list[str]:
    """The movement files holding a copy of `rid`."""
    return sorted(p.stem for p in (data_dir / "movements").glob("*.json") if rid in p.read_text())


def test_a_writable_open_keeps_snapshot_files_out_of_the_dicts(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass  # writes the snapshot
    with Store.open(data_dir) as s:
        loc = s._movements.loc
        assert len(loc) == 100
        assert len(loc._key) == 25  # the newest file only: the rest answer from the columns
        for rid in s.movements().ids:
            key, doc_id = loc[rid]
            assert s._movements.get_doc_at((key, doc_id))["id"] == rid


def test_snapshot_movements_moved_deleted_and_reimported_are_found_where_they_are(
    data_dir: Path,
) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass
    with Store.open(data_dir) as s:
        ids = s.movements().ids
        moved = s.movement(ids[0])
        gone = s.movement(ids[1])
        again = s.movement(ids[2])
        later = T + 9 * DAY
        s.save(replace(moved, at=Instant(later, 60)))
        s.delete(gone)
        s.save_many([replace(again, at=Instant(later + 5_000, 60))])
        loc = s._movements.loc
        assert loc[moved.id][0] == day_key(later)
        assert loc[again.id][0] == day_key(later)
        assert loc[gone.id][0] == day_key(T)  # a tombstone stays in its file
        assert s._movements.get_doc(gone.id)["deleted_ms"] is not None
        assert loc.ids_in(day_key(later)) == {moved.id, again.id}
        assert moved.id not in loc.ids_in(day_key(T))
    assert _on_disk(data_dir, moved.id) == [day_key(later)]
    assert _on_disk(data_dir, again.id) == [day_key(later)]
    with Store.open(data_dir) as s:
        assert len(s.movements()) == 99
        assert s.movement(moved.id).at.utc_ms == later
        assert s.movement(gone.id).deleted_ms is not None
        assert s._movements.loc[moved.id][0] == day_key(later)


def test_a_failed_batch_puts_snapshot_locations_back(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass
    with Store.open(data_dir) as s:
        loc = s._movements.loc
        rid = s.movements().ids[3]
        before = loc[rid]
        doc = dict(s._movements.get_doc(rid))
        rollback = s._movements.put_many([(rid, day_key(T + 9 * DAY), doc)])
        assert loc[rid][0] == day_key(T + 9 * DAY)
        rollback()
        assert loc[rid] == before
        assert s._movements.get_doc(rid)["id"] == rid
    assert _on_disk(data_dir, rid) == [before[0]]


def test_a_reader_follows_snapshot_movements_moved_and_deleted(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass
    with Store.open(data_dir) as writer, Store.open(data_dir, readonly=True) as reader:
        assert reader._movements.loc._key == {}  # nothing asked yet
        ids = writer.movements().ids
        moved = writer.movement(ids[0])
        gone = writer.movement(ids[30])
        later = T + 9 * DAY
        writer.save(replace(moved, at=Instant(later, 60)))
        writer.delete(gone)
        assert reader.refresh() is True
        assert reader.movement(moved.id).at.utc_ms == later
        assert reader.movement(gone.id).deleted_ms is not None
        assert len(reader.movements()) == 99
        loc = reader._movements.loc
        assert loc[moved.id][0] == day_key(later)
        assert moved.id not in loc.ids_in(day_key(T))
        # Moved back: the file it left is read again and it is found there.
        writer.save(replace(moved, at=Instant(T + 1_000, 60)))
        assert reader.refresh() is True
        assert loc[moved.id][0] == day_key(T)
        assert reader.movement(moved.id).at.utc_ms == T + 1_000
        assert reader.movements().ids == writer.movements().ids


def test_get_many_answers_as_get_does() -> None:
    loc = _base()
    loc["c"] = ("k1", 3)  # a base row moved
    loc.pop("d")  # a base row gone
    loc["new"] = ("k3", 1)
    asked = ["a", "c", "d", "e", "new", "zz", "a"]
    assert loc.get_many(asked) == [loc.get(r) for r in asked]
    assert loc.get_many([]) == []
    assert Locations().get_many(["a"]) == [None]

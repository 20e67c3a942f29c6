"""Packed movement ids (idblock.py) and the store's id index built on them."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rlbaby.model import Child, Episode, Instant, Movement, MovementKind
from rlbaby.services.logger import LoggerService
from rlbaby.store import Store, atomic, codec, colcache, idblock
from rlbaby.store.colcache import CACHE_REL
from rlbaby.store.idblock import PackedIds

DAY = 86_400_000
T = 1_760_000_000_000  # 2025-10-09


def _packed(ids: list[str]) -> PackedIds:
    block = colcache.pack(ids)
    assert block is not None
    packed = PackedIds.from_block(block, len(ids))
    assert packed is not None
    return packed


def _uuids(n: int) -> list[str]:
    return [str(uuid.UUID(int=i * 7919 + 1)) for i in range(n)]


def test_packed_ids_read_and_find_every_row() -> None:
    ids = _uuids(500)
    packed = _packed(ids)
    assert len(packed) == 500
    assert packed.width == 36
    assert packed[0] == ids[0]
    assert packed[-1] == ids[-1]
    assert packed.decode(np.array([3, 1, 499], np.intp)) == [ids[3], ids[1], ids[499]]
    assert not packed.indexed
    assert packed.distinct()
    assert packed.indexed  # the one sort that proves them distinct is the index
    assert not packed.any_of(["nope", str(uuid.UUID(int=5))])
    assert packed.any_of(["nope", ids[77]])
    assert [packed.find(i) for i in ids] == list(range(500))
    assert packed.find(str(uuid.UUID(int=5))) is None
    assert packed.find("short") is None
    assert packed.find("\ud800" * 36) is None  # a lone surrogate is never stored
    asked = [ids[9], "x", str(uuid.UUID(int=5)), ids[0], "\ud800"]
    assert packed.find_many(asked).tolist() == [9, -1, -1, 0, -1]
    again = packed.take(np.array([4, 2], np.intp))
    assert list(again.decode(np.arange(2))) == [ids[4], ids[2]]


def test_packed_ids_of_several_bytes_per_character() -> None:
    ids = ["äö-1", "äö-2", "ßxx-3"]  # six bytes each
    packed = _packed(ids)
    assert packed.width == 6
    assert packed.decode(np.arange(3)) == ids
    assert packed.find("ßxx-3") == 2
    assert packed.find("ss-3") is None


def test_only_a_block_of_one_width_packs_and_a_damaged_one_is_refused() -> None:
    mixed = colcache.pack(["a", "bb", "c"])
    assert mixed is not None
    assert PackedIds.from_block(mixed, 3) is None  # split into str instead
    same = colcache.pack(["ab", "cd", "ef"])
    assert same is not None
    assert PackedIds.from_block(same, 2) is None  # not 2 ids of one width
    moved = np.frombuffer(b"abc\nd\nef", np.uint8)  # separators off their places
    assert PackedIds.from_block(moved, 3) is None
    inside = np.frombuffer(b"a\nb\ncde", np.uint8)  # 2 rows of 3 if "a\nb" were an id
    assert PackedIds.from_block(inside, 2) is None
    with pytest.raises(ValueError, match="texts"):
        colcache.unpack(inside, 2)  # and split as str, it is damage
    bad = np.frombuffer(b"a\xff\ncd", np.uint8)
    with pytest.raises(ValueError, match="utf-8"):
        PackedIds.from_block(bad, 2)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 255, 256, 257, 1024, 1025])
def test_every_row_is_found_whatever_the_number_of_rows(n: int) -> None:
    """A key keeps the row in its low bits: just enough of them for `n` rows."""
    ids = _uuids(n)
    packed = _packed(ids)
    assert packed.distinct()
    assert [packed.find(i) for i in ids] == list(range(n))
    assert packed.find_many([*ids[::-1], "nope"]).tolist() == [*range(n - 1, -1, -1), -1]
    assert packed.find(str(uuid.UUID(int=n * 7919 + 1))) is None  # the next one, not there
    assert not _packed([*ids, ids[-1]]).distinct()


def test_hashes_alike_in_their_high_bits_are_told_apart_by_the_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hashes differing only where a key keeps its row are alike to the index."""

    def low_hash(rows: np.ndarray) -> np.ndarray:
        return np.arange(len(rows), dtype=np.uint64) % np.uint64(3)

    monkeypatch.setattr(idblock, "_hash_rows", low_hash)
    monkeypatch.setattr(idblock._OneHash, "__call__", lambda self, raw: 1)
    ids = _uuids(40)
    packed = _packed(ids)
    assert packed.distinct()
    assert [packed.find(i) for i in ids] == list(range(40))
    assert packed.find_many([ids[7], "x" * 36]).tolist() == [7, -1]
    assert not _packed([*ids, ids[3]]).distinct()


@pytest.mark.parametrize("where", [(0, 1), (0, 999), (500, 501), (998, 999)])
def test_a_repeated_id_is_found_anywhere(where: tuple[int, int]) -> None:
    ids = _uuids(1000)
    ids[where[1]] = ids[where[0]]
    assert not _packed(ids).distinct()


def test_hashes_alike_never_give_a_wrong_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every row hashing the same: the bytes decide, so lookups stay right."""

    def one_hash(rows: np.ndarray) -> np.ndarray:
        return np.full(len(rows), 42, np.uint64)

    monkeypatch.setattr(idblock, "_hash_rows", one_hash)
    monkeypatch.setattr(idblock._OneHash, "__call__", lambda self, raw: 42)
    ids = _uuids(50)
    packed = _packed(ids)
    assert packed.distinct()
    assert [packed.find(i) for i in ids] == list(range(50))
    assert packed.find(str(uuid.UUID(int=5))) is None
    assert packed.find_many([ids[30], str(uuid.UUID(int=5)), ids[2]]).tolist() == [30, -1, 2]
    assert packed.any_of([ids[49]])
    assert not packed.any_of([str(uuid.UUID(int=5))])
    assert not _packed([*ids, ids[17]]).distinct()


def _fill(data_dir: Path) -> tuple[Child, list[Movement]]:
    """Four day files of 10 movements; the three older come from the snapshot."""
    with Store.open(data_dir) as s:
        kid = s.save(Child("Ada"))
        moves = []
        for day in range(4):
            ep = s.save(Episode(kid.id, Instant(T + day * DAY, 60)))
            moves += [
                Movement(kid.id, ep.id, Instant(T + day * DAY + i * 20_000, 60)) for i in range(10)
            ]
        moves = [m for m in s.save_many(moves) if isinstance(m, Movement)]
    Store.open(data_dir).close()  # parses the files and writes the snapshot
    return kid, moves


def _check(s: Store, expected: dict[str, Movement]) -> None:
    """Every id finds its movement, and the columns hold each id once."""
    assert len(set(s.columns.ids)) == len(s.columns)
    live = {i for i, m in expected.items() if m.deleted_ms is None}
    assert sorted(s.movements().ids) == sorted(live)
    for mid, m in expected.items():
        got = s.movement(mid)
        assert got is not None
        assert (got.at, got.kind, got.deleted_ms) == (m.at, m.kind, m.deleted_ms)
        row = s.columns.row(mid)
        assert row is not None
        assert s.columns.id_at(row) == mid
        assert bool(s.columns.live[row]) is (m.deleted_ms is None)
    assert s.columns.row(str(uuid.uuid4())) is None


def test_ids_from_the_snapshot_are_found_after_taps_moves_deletes_and_undo(
    data_dir: Path,
) -> None:
    kid, moves = _fill(data_dir)
    expected = {m.id: m for m in moves}
    with Store.open(data_dir) as s:
        assert s.columns._p == 30  # packed: the three older files
        logger = LoggerService(s)
        tap = s.save(Movement(kid.id, moves[-1].episode_id, Instant(T + 3 * DAY + DAY // 2, 60)))
        expected[tap.id] = tap
        # Moved to another day's file, and to the newest one.
        moved = s.save(replace(moves[0], at=Instant(T + 2 * DAY + 5_000, 60)))
        expected[moved.id] = moved
        kick = logger.update(moves[15], kind=MovementKind.KICK)
        expected[kick.id] = kick
        gone = logger.delete(moves[25])
        expected[gone.id] = gone
        _check(s, expected)
        logger.undo()  # the delete
        expected[gone.id] = s.movement(gone.id)  # type: ignore[assignment]
        assert expected[gone.id].deleted_ms is None
        logger.undo()  # the change of kind
        expected[kick.id] = replace(kick, kind=moves[15].kind)
        _check(s, expected)
        assert len(s.columns) == 41  # no id got a second row
    with Store.open(data_dir, readonly=True) as s:  # the next open agrees
        _check(s, expected)
    with Store.open(data_dir) as s:
        _check(s, expected)


def test_a_readonly_copy_follows_taps_and_moves_of_snapshot_rows(data_dir: Path) -> None:
    kid, moves = _fill(data_dir)
    expected = {m.id: m for m in moves}
    with Store.open(data_dir) as writer, Store.open(data_dir, readonly=True) as reader:
        assert reader.columns._packed is not None
        moved = writer.save(replace(moves[3], at=Instant(T + 3 * DAY + 60_000, 60)))
        expected[moved.id] = moved
        gone = writer.delete(moves[12])
        expected[gone.id] = gone
        tap = writer.save(Movement(kid.id, moves[-1].episode_id, Instant(T + 3 * DAY + 1, 60)))
        expected[tap.id] = tap
        assert reader.refresh()
        _check(reader, expected)
        assert reader.movements().ids == writer.movements().ids


def test_an_id_both_in_the_snapshot_and_a_newer_file_keeps_one_row(data_dir: Path) -> None:
    """A file parsed from JSON repeating a packed id (a crash mid-move) goes
    row by row: the packed row takes the newer copy, no second row appears."""
    _kid, moves = _fill(data_dir)
    # What a crash between a move's two writes leaves: a newer copy in the newest file.
    newer = replace(moves[1], kind=MovementKind.STRETCH, updated_ms=moves[1].updated_ms + 5)
    newest = sorted((data_dir / "movements").iterdir())[-1]
    data = json.loads(newest.read_bytes())
    data["movements"]["999"] = codec.movement_to_doc(newer)
    atomic.atomic_write_bytes(newest, json.dumps(data).encode())
    with Store.open(data_dir, readonly=True) as s:
        assert s.columns._p == 30
        assert len(s.columns) == 40
        m = s.movement(moves[1].id)
        assert m is not None
        assert m.kind is MovementKind.STRETCH
        mv = s.movements()
        assert list(mv.ids).count(moves[1].id) == 1


def test_a_snapshot_id_block_of_several_widths_still_loads_as_str(data_dir: Path) -> None:
    with Store.open(data_dir) as s:
        kid = s.save(Child("Ada"))
        ep = s.save(Episode(kid.id, Instant(T, 60)))
        odd = [
            Movement(kid.id, ep.id, Instant(T + day * DAY, 60), id=f"id-{'x' * day}")
            for day in range(4)
        ]
        s.save_many(odd)
    with Store.open(data_dir) as s:  # writes the snapshot
        pass
    assert (data_dir / CACHE_REL).exists()
    for readonly in (True, False):
        with Store.open(data_dir, readonly=readonly) as s:
            assert s.columns._packed is None
            assert len(s.columns._extra) == 4
            assert sorted(s.movements().ids) == sorted(m.id for m in odd)
            assert all(s.movement(m.id) is not None for m in odd)


def test_a_batch_over_snapshot_rows_updates_them_and_adds_each_new_id_once(
    data_dir: Path,
) -> None:
    """save_many (import, restore) looks the ids up as arrays: a packed id
    keeps its row, a new id repeated in the batch gets one row, the last copy."""
    kid, moves = _fill(data_dir)
    expected = {m.id: m for m in moves}
    with Store.open(data_dir) as s:
        assert s.columns._p == 30
        ep = moves[0].episode_id
        new = Movement(kid.id, ep, Instant(T + 2 * DAY + 7_000, 60))
        later = replace(new, kind=MovementKind.KICK)
        edited = replace(moves[2], kind=MovementKind.STIFFENING, updated_ms=0)
        newest = replace(moves[35], kind=MovementKind.STRETCH, updated_ms=0)
        saved = s.save_many([edited, new, newest, later])
        for m in saved:
            expected[m.id] = m
        assert expected[new.id].kind is MovementKind.KICK
        assert len(s.columns) == 41
        _check(s, expected)
    with Store.open(data_dir, readonly=True) as s:
        _check(s, expected)

"""The column snapshot of older movement files: used only when it matches, never trusted blindly."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rlbaby.model import Child, Episode, Instant, Movement, MovementKind
from rlbaby.model.arrays import KIND_CODE
from rlbaby.store import Store, atomic, colcache, rawpack
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


@pytest.mark.parametrize(
    "damage", [b"", b"not a zip", b"PK\x03\x04garbage" * 50, rawpack.MAGIC + b"\0" * 40]
)
def test_damaged_snapshot_is_ignored(data_dir: Path, damage: bytes) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _snapshot(s)
    (data_dir / CACHE_REL).write_bytes(damage)
    with Store.open(data_dir) as s:
        assert _snapshot(s) == first
        assert s.problems == []


def _damage(path: Path, change: Any) -> None:
    """Rewrite the snapshot at `path` with `change(head, arrays)` applied and a
    right checksum: only the checks of the values can refuse it."""
    unpacked = rawpack.unpack(path.read_bytes())
    assert unpacked is not None
    head, views = unpacked
    arrays = {name: np.array(a) for name, a in views.items()}
    change(head, arrays)
    raw = rawpack.pack(head, arrays)
    assert raw is not None
    path.write_bytes(raw)


def _arrays(path: Path) -> dict[str, np.ndarray]:
    unpacked = rawpack.unpack(path.read_bytes())
    assert unpacked is not None
    return {name: np.array(a) for name, a in unpacked[1].items()}


def _column(name: str, value: Any) -> Any:
    def change(head: Any, arrays: dict[str, np.ndarray]) -> None:
        arrays[name] = value(arrays[name])

    return change


def _head(change: Any) -> Any:
    return lambda head, arrays: change(head)


def _set_item(container: Any, key: Any, value: Any) -> None:
    container[key] = value


def _bytes_set(block: np.ndarray, **at: int) -> np.ndarray:
    """`block` with byte `at[f"b{i}"]` at position i."""
    out = block.copy()
    for name, value in at.items():
        out[int(name[1:])] = value
    return out


def _same_ids(head: Any, arrays: dict[str, np.ndarray]) -> None:
    n = int(arrays["counts"].sum())
    arrays["ids"] = np.frombuffer("\n".join(["x"] * n).encode(), np.uint8)


@pytest.mark.parametrize(
    "damage",
    [
        _head(lambda h: _set_item(h, "version", 3)),
        _head(lambda h: h.pop("keys")),
        _head(lambda h: h["keys"].append("2099-01")),  # a key more than signatures
        _head(lambda h: h["keys"].__setitem__(1, h["keys"][0])),  # a file twice
        _head(lambda h: h["keys"].__setitem__(0, 5)),
        _head(lambda h: _set_item(h, "child_values", "not a list")),
        _head(lambda h: h["episode_values"].pop()),  # a code with no value
        _head(lambda h: h["episode_values"].__setitem__(0, None)),
        _column("kind", lambda a: np.full_like(a, 99)),
        _column("at_ms", lambda a: np.full_like(a, -5)),
        _column("offset", lambda a: np.full_like(a, 5000)),
        _column("child", lambda a: a + 7),
        _column("episode", lambda a: np.full_like(a, -1)),
        _column("doc_ids", lambda a: np.zeros_like(a)),
        _column("counts", lambda a: a + 1),
        _column("sigs", lambda a: a[:, :2]),
        _column("live", lambda a: a[:-1]),
        _column("ids", lambda a: a[:-37]),  # one id fewer than the counts say
        _column("ids", lambda a: np.full_like(a, 0xFF)),  # not UTF-8
        _column("ids", lambda a: _bytes_set(a, b40=0xFF)),  # one id of the packed rows not UTF-8
        # a separator gone: two ids run together, one id fewer than the counts say
        _column("ids", lambda a: _bytes_set(a, b36=ord("x"))),
        _column("ids", lambda a: a.astype(np.int8)),
        _column("kind", lambda a: a.astype(np.int16)),  # a dtype rawpack keeps, not ours
        _column("at_ms", lambda a: a.astype(np.int32)),
        _column("live", lambda a: a.astype(np.uint8)),
        lambda h, a: a.pop("updated_ms"),
        # every id the same: found when loading, then every file is parsed
        _same_ids,
    ],
)
def test_snapshot_with_wrong_values_is_ignored(data_dir: Path, damage: Any) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _snapshot(s)
    path = data_dir / CACHE_REL
    _damage(path, damage)
    with Store.open(data_dir) as s:
        assert _snapshot(s) == first
        assert s.problems == []
    with Store.open(data_dir) as s:  # the open rewrote a good snapshot
        assert _snapshot(s) == first
    assert colcache.read(data_dir) is not None


def test_a_flipped_byte_in_the_snapshot_is_caught_by_the_checksum(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _snapshot(s)
    path = data_dir / CACHE_REL
    raw = bytearray(path.read_bytes())
    at = raw.rindex(b"-")  # a uuid's dash, in the ids block at the end
    raw[at] = ord("+")
    path.write_bytes(bytes(raw))
    assert colcache.read(data_dir) is None
    with Store.open(data_dir) as s:
        assert _snapshot(s) == first


_GOOD: dict[str, bytes] = {}


def _good_snapshot(factory: pytest.TempPathFactory) -> bytes:
    if "raw" not in _GOOD:
        data_dir = factory.mktemp("good") / "data"
        _fill(data_dir)
        Store.open(data_dir).close()  # writes the snapshot
        _GOOD["raw"] = (data_dir / CACHE_REL).read_bytes()
    return _GOOD["raw"]


def _rows(snap: colcache.Snapshot) -> tuple:
    return (
        snap.keys,
        [snap.ids[i] for i in range(len(snap.ids))],
        *(getattr(snap, name).tolist() for name in colcache.ARRAYS),
        snap.child_values,
        snap.episode_values,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_corrupt_snapshot_bytes_are_refused_or_read_as_written(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    raw = _good_snapshot(tmp_path_factory)
    good = colcache.decode(raw)
    assert good is not None
    damaged = bytearray(raw)
    kind = data.draw(st.sampled_from(["flip", "cut", "insert", "splice"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if kind == "flip":
        damaged[at] ^= data.draw(st.integers(1, 255))
    elif kind == "cut":
        del damaged[at:]
    elif kind == "insert":
        damaged[at:at] = data.draw(st.binary(min_size=1, max_size=16))
    else:
        damaged[at : at + 16] = data.draw(st.binary(min_size=0, max_size=16))
    back = colcache.decode(bytes(damaged))
    if bytes(damaged) != raw:
        assert back is None or _rows(back) == _rows(good)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=400) | st.binary(max_size=200).map(lambda b: rawpack.MAGIC + b))
def test_arbitrary_bytes_are_never_a_snapshot(raw: bytes) -> None:
    assert colcache.decode(raw) is None


@pytest.mark.parametrize("readonly", [False, True])
def test_a_version_3_snapshot_is_ignored_and_removed_when_replaced(
    data_dir: Path, readonly: bool
) -> None:
    """Version 3 was an .npz; the rawpack that replaces it takes its place,
    in the data folder or in the user's cache folder."""
    _fill(data_dir)
    new = colcache.outside_path(data_dir) if readonly else data_dir / CACHE_REL
    old = new.with_suffix(".npz")
    old.parent.mkdir(parents=True)
    np.savez(old, version=np.array(3))
    with Store.open(data_dir, readonly=readonly) as s:  # parses every file
        first = _snapshot(s)
    assert not old.exists()
    assert colcache.read_file(new) is not None
    with Store.open(data_dir, readonly=readonly) as s:
        assert _snapshot(s) == first


def _parsed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = atomic.parse_tinydb_json

    def spy(raw: bytes, where: Path | str) -> Any:
        seen.append(Path(where).relative_to(Path(where).parents[1]).as_posix())
        return real(raw, where)

    monkeypatch.setattr(atomic, "parse_tinydb_json", spy)
    return seen


def test_an_open_with_the_snapshot_parses_only_the_newest_movement_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass
    files = sorted(p.name for p in (data_dir / "movements").iterdir())
    assert len(files) == 4
    seen = _parsed_files(monkeypatch)
    with Store.open(data_dir) as s:
        assert len(s.movements()) == 100
    assert [f for f in seen if f.startswith("movements/")] == [f"movements/{files[-1]}"]


def test_only_changed_files_are_parsed_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        second = s.movements().ids[30]  # in the second file
        s.delete(s.movement(second))  # type: ignore[arg-type]
    files = sorted(p.name for p in (data_dir / "movements").iterdir())
    seen = _parsed_files(monkeypatch)
    with Store.open(data_dir) as s:
        assert len(s.movements()) == 99
        assert second not in s.movements().ids
    assert [f for f in seen if f.startswith("movements/")] == [
        f"movements/{files[1]}",
        f"movements/{files[-1]}",
    ]
    seen.clear()
    with Store.open(data_dir) as s:  # that open refreshed the snapshot
        assert len(s.movements()) == 99
    assert [f for f in seen if f.startswith("movements/")] == [f"movements/{files[-1]}"]


def test_ids_holding_a_newline_mean_no_snapshot(data_dir: Path) -> None:
    with Store.open(data_dir) as s:
        kid = s.save(Child("Ada"))
        recs: list = []
        for month in range(3):
            ep = Episode(kid.id, Instant(T + month * 31 * DAY, 60))
            recs += [ep, Movement(kid.id, ep.id, ep.opened, id=f"odd\nid {month}")]
        s.save_many(recs)
    with Store.open(data_dir) as s:
        assert len(s.movements()) == 3
    assert not (data_dir / CACHE_REL).exists()
    with Store.open(data_dir) as s:
        assert sorted(s.movements().ids) == ["odd\nid 0", "odd\nid 1", "odd\nid 2"]


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


def test_an_edit_in_place_that_puts_the_mtime_back_is_seen(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass  # writes the snapshot
    first = sorted((data_dir / "movements").glob("*.json"))[0]
    st = first.stat()
    raw = first.read_bytes()
    old, new = str(T).encode(), str(T + 1).encode()  # the first tap, a millisecond later
    assert raw.count(old) == 1
    assert len(old) == len(new)
    # Another program edits the file in place (same size, same inode), then
    # puts its mtime back, like `touch -r`. Only the ctime tells.
    with open(first, "r+b") as fh:
        fh.write(raw.replace(old, new))
    os.utime(first, ns=(st.st_atime_ns, st.st_mtime_ns))
    while first.stat().st_ctime_ns == st.st_ctime_ns:  # the coarse kernel clock: one tick
        os.utime(first, ns=(st.st_atime_ns, st.st_mtime_ns))
    now = first.stat()
    assert (now.st_size, now.st_ino, now.st_mtime_ns) == (st.st_size, st.st_ino, st.st_mtime_ns)
    with Store.open(data_dir) as s:
        assert s.movements().at_ms.min() == T + 1


def test_a_snapshot_of_no_files_opens(data_dir: Path) -> None:
    with Store.open(data_dir) as s:
        kid = s.save(Child("Ada"))
        for month in range(2):
            ep = s.save(Episode(kid.id, Instant(T + month * 31 * DAY, 60)))
            s.save(Movement(kid.id, ep.id, ep.opened))
    with Store.open(data_dir):
        pass  # a snapshot of the older file
    newest = sorted((data_dir / "movements").glob("*.json"))[-1]
    newest.write_bytes(b"not json")
    with Store.open(data_dir) as s:  # set aside: no older file is left to snapshot
        assert len(s.problems) == 1
    with Store.open(data_dir) as s:
        assert (s.problems, len(s.movements())) == ([], 1)


# --- a read-only open's own snapshot, in the user's cache folder ----------------


def test_a_readonly_open_keeps_its_snapshot_in_the_user_cache_folder(
    data_dir: Path, user_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)  # a writable open never ran a load over these files: no snapshot yet
    before = sorted(p.relative_to(data_dir) for p in data_dir.rglob("*"))
    with Store.open(data_dir, readonly=True) as s:
        first = _snapshot(s)
    outside = colcache.outside_path(data_dir)
    assert outside.is_file()
    assert outside.is_relative_to(user_cache_dir)
    assert sorted(p.relative_to(data_dir) for p in data_dir.rglob("*")) == before
    files = sorted(p.name for p in (data_dir / "movements").iterdir())
    seen = _parsed_files(monkeypatch)
    with Store.open(data_dir, readonly=True) as s:
        assert _snapshot(s) == first
        assert len(s.movements()) == 100
    assert [f for f in seen if f.startswith("movements/")] == [f"movements/{files[-1]}"]
    assert sorted(p.relative_to(data_dir) for p in data_dir.rglob("*")) == before


def test_the_user_cache_snapshot_is_keyed_by_the_folders_real_path(
    tmp_path: Path, data_dir: Path
) -> None:
    _fill(data_dir)
    link = tmp_path / "link"
    link.symlink_to(data_dir)
    other = tmp_path / "other"
    _fill(other)
    assert colcache.outside_path(link) == colcache.outside_path(data_dir)
    assert colcache.outside_path(other) != colcache.outside_path(data_dir)
    with Store.open(link, readonly=True):
        pass
    assert colcache.outside_path(data_dir).is_file()
    assert not colcache.outside_path(other).exists()


def test_the_user_cache_snapshot_is_checked_like_the_data_folders(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)
    with Store.open(data_dir, readonly=True) as s:
        first = _snapshot(s)
    files = sorted((data_dir / "movements").iterdir())
    # Another program rewrites an older file in place (same size, mtime put
    # back): its ctime moved, so that file is parsed again, and only it.
    raw = files[1].read_bytes()
    st = files[1].stat()
    files[1].write_bytes(raw.replace(b'"kick"', b'"jerk"', 1))
    os.utime(files[1], ns=(st.st_atime_ns, st.st_mtime_ns))
    seen = _parsed_files(monkeypatch)
    with Store.open(data_dir, readonly=True) as s:
        kinds = s.movements().kind.tolist()
    assert [f for f in seen if f.startswith("movements/")] == [
        f"movements/{files[1].name}",
        f"movements/{files[-1].name}",
    ]
    assert kinds != first[2]
    # A damaged snapshot is never trusted: every file is parsed, the data is right.
    outside = colcache.outside_path(data_dir)
    raw = bytearray(outside.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    outside.write_bytes(bytes(raw))
    seen.clear()
    with Store.open(data_dir, readonly=True) as s:
        assert s.movements().kind.tolist() == kinds
    assert len([f for f in seen if f.startswith("movements/")]) == 4


def test_a_readonly_open_prefers_the_data_folders_fresh_snapshot(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)
    with Store.open(data_dir):  # the writing app keeps the folder's snapshot fresh
        pass
    files = sorted(p.name for p in (data_dir / "movements").iterdir())
    seen = _parsed_files(monkeypatch)
    with Store.open(data_dir, readonly=True) as s:
        assert len(s.movements()) == 100
    assert [f for f in seen if f.startswith("movements/")] == [f"movements/{files[-1]}"]
    assert not colcache.outside_path(data_dir).exists()  # nothing to add to it


def test_an_unwritable_user_cache_folder_only_costs_speed(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("RLBABY_CACHE_DIR", str(blocker))
    with Store.open(data_dir, readonly=True) as s:
        assert len(s.movements()) == 100
    assert blocker.read_text() == "a file where the cache folder should be"


def test_write_cache_false_writes_no_snapshot_anywhere(
    data_dir: Path, user_cache_dir: Path
) -> None:
    _fill(data_dir)
    with Store.open(data_dir, readonly=True, write_cache=False) as s:
        assert len(s.movements()) == 100
    assert list(user_cache_dir.rglob("*")) == []


def test_a_readonly_open_finds_records_without_building_their_locations_first(
    data_dir: Path,
) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        assert not s._movements.loc._pending  # a writer builds them at open, not at a tap
        ids = s.movements().ids
    with Store.open(data_dir, readonly=True) as s:
        loc = s._movements.loc
        assert loc._key == {}  # `summary` never needs them
        assert s.movements().ids == ids
        m = s.movement(ids[40])  # asked: built, and right
        assert m is not None
        assert m.id == ids[40]
        assert len(loc) == 100
        assert not loc._pending


@pytest.mark.parametrize("readonly", [False, True])
def test_either_open_finds_every_snapshot_row_by_its_id(data_dir: Path, readonly: bool) -> None:
    """The sort that proves the snapshot's ids distinct is also their index
    (idblock.py): built by either open, and right."""
    _fill(data_dir)
    Store.open(data_dir).close()  # writes the snapshot
    with Store.open(data_dir) as s:
        ids = s.movements().ids
    with Store.open(data_dir, readonly=readonly) as s:
        cols = s.columns
        assert cols._packed is not None
        assert cols._packed.indexed
        assert s.movements().ids == ids
        assert cols.row_of[ids[10]] == list(cols.ids).index(ids[10])
        assert dict(cols.row_of) == {mid: row for row, mid in enumerate(cols.ids)}


def test_a_movement_in_both_a_snapshot_file_and_the_newest_file_keeps_the_newer(
    data_dir: Path,
) -> None:
    """What a crash between the two writes of a move leaves: the newest file
    holds a newer copy of a row the snapshot has. The unbuilt index must not
    hide it (a scan finds it, and the newer copy wins)."""
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = s.movements().ids[0]  # in the oldest file
    files = sorted((data_dir / "movements").iterdir())
    old = next(
        d for d in json.loads(files[0].read_bytes())["movements"].values() if d["id"] == first
    )
    data = json.loads(files[-1].read_bytes())
    data["movements"]["999"] = dict(old, kind="stretch", updated_ms=old["updated_ms"] + 1)
    atomic.atomic_write_bytes(files[-1], json.dumps(data).encode())
    with Store.open(data_dir, readonly=True) as s:
        mv = s.movements()
        assert mv.ids.count(first) == 1
        assert len(mv) == 100
        assert mv.kind[mv.ids.index(first)] == KIND_CODE[MovementKind.STRETCH]
        m = s.movement(first)
        assert m is not None
        assert m.kind is MovementKind.STRETCH


@pytest.mark.parametrize("readonly", [False, True])
def test_a_snapshot_repeating_an_id_is_ignored_by_either_open(
    data_dir: Path, readonly: bool
) -> None:
    """A writable open finds the repeat while building its id index; a
    read-only one, which leaves that index for later, checks the ids apart."""
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _snapshot(s)
    path = data_dir / CACHE_REL
    ids = _arrays(path)["ids"].tobytes().decode().split("\n")
    ids[1] = ids[0]
    _damage(path, _column("ids", lambda a: np.frombuffer("\n".join(ids).encode(), np.uint8)))
    with Store.open(data_dir, readonly=readonly) as s:
        assert _snapshot(s) == first
        assert len(s.movements()) == 100


@pytest.mark.parametrize("readonly", [False, True])
def test_the_snapshot_ids_stay_packed_and_only_a_writer_builds_their_index(
    data_dir: Path, readonly: bool
) -> None:
    """No str object per snapshot id: the rows stay the snapshot's block, sorted
    into an index by either open (the sort proves them distinct too)."""
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _snapshot(s)
    with Store.open(data_dir, readonly=readonly) as s:
        assert _snapshot(s) == first
        cols = s.columns
        assert cols._packed is not None
        assert cols._p == 75  # the three older files; the newest is parsed
        assert len(cols._extra) == 25
        assert cols._packed.indexed
        assert cols._packed.block.base is None  # its own bytes, not a view of the whole file

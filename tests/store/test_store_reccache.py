"""The snapshot of older episode and sleep files: used when it matches, never trusted blindly."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rlbaby.model import (
    Child,
    Episode,
    Instant,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    Trigger,
)
from rlbaby.store import Store, atomic, rawpack, reccache
from rlbaby.store.usercache import derived_path

DAY = 86_400_000
T = 1_760_000_000_000  # 2025-10-09
FOLDERS = ("episodes", "sleep")


def _fill(data_dir: Path) -> None:
    """Four months of episodes (every kind of field) and sleep periods."""
    with Store.open(data_dir) as s:
        kid = s.save(Child("Ada"))
        recs: list[Any] = []
        for month in range(4):
            at = T + month * 31 * DAY
            recs.append(
                Episode(
                    kid.id,
                    Instant(at, 60),
                    settled=Instant(at + 600_000, 60),
                    onset_state=OnsetState.DROWSY,
                    soothing=frozenset({Soothing.ROCKING, Soothing.FEEDING}),
                    response=Response.SETTLED_FAST,
                    signs=frozenset({Sign.EYES_ROLLING}),
                    triggers=frozenset({Trigger.HUNGER}),
                    video=month % 2 == 0,
                    note=f'month {month}\nwith a newline, "quotes" and é',
                    created_ms=at,
                    updated_ms=at + 1,
                    deleted_ms=at + 5 if month == 2 else None,
                )
            )
            recs.append(Episode(kid.id, Instant(at + DAY, -300)))
            recs.append(SleepPeriod(kid.id, Instant(at, 60), awake=Instant(at + 3_600_000, 60)))
            recs.append(SleepPeriod(kid.id, Instant(at + DAY, 120)))  # still asleep
        s.save_many(recs)


def _records(store: Store) -> tuple[dict[str, Episode], dict[str, SleepPeriod]]:
    return dict(store._episode_recs), dict(store._sleep_recs)


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The episode and sleep files parsed from JSON from now on."""
    seen: list[str] = []
    real = atomic.parse_tinydb_json

    def spy(raw: bytes, where: Path | str) -> Any:
        rel = Path(where).relative_to(Path(where).parents[1]).as_posix()
        if rel.split("/")[0] in FOLDERS:
            seen.append(rel)
        return real(raw, where)

    monkeypatch.setattr(atomic, "parse_tinydb_json", spy)
    return seen


def _newest(data_dir: Path) -> list[str]:
    return [f"{f}/{sorted(os.listdir(data_dir / f))[-1]}" for f in FOLDERS]


def test_a_second_open_takes_the_older_files_from_the_snapshot(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:  # parses every file, writes the snapshots
        first = _records(s)
    for folder in FOLDERS:
        assert (data_dir / "cache" / f"{folder}.rec").is_file()
    seen = _parsed(monkeypatch)
    with Store.open(data_dir) as s:
        assert seen == _newest(data_dir)
        assert _records(s) == first
        for recs in _records(s):  # the same types, field by field, as a JSON load gives
            for r in recs.values():
                assert r == replace(r)  # __post_init__ accepts it unchanged
        # Records from the snapshot are found and saved as any other.
        ep = next(e for e in s.episodes() if e.note.startswith("month 0"))
        s.save(replace(ep, note="changed"))
    with Store.open(data_dir) as s:
        assert s.episode(ep.id).note == "changed"  # type: ignore[union-attr]
        assert len(s.episodes(include_deleted=True)) == 8
        assert len(s.sleep_periods()) == 8


def test_snapshot_records_share_one_str_per_child_id(data_dir: Path) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass  # writes the snapshots
    with Store.open(data_dir) as s:
        for recs in _records(s):
            cached = list(recs.values())
            assert len({r.child_id for r in cached}) == 1
            # The files the snapshot served (all but the newest): one object, not one each.
            served = [r for r in cached if not _in_newest(data_dir, r.id)]
            assert len(served) >= 4
            assert len({id(r.child_id) for r in served}) == 1
            assert len({id(r.id) for r in served}) == len(served)


def _in_newest(data_dir: Path, rid: str) -> bool:
    return any(rid in (data_dir / name).read_text() for name in _newest(data_dir))


def test_an_older_file_edited_in_place_is_parsed_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)
    with Store.open(data_dir):
        pass
    # Another program rewrites an older file in place, the same size, and
    # puts the mtime back: the ctime moved, so the snapshot's copy is stale.
    path = sorted((data_dir / "episodes").iterdir())[0]
    raw = path.read_bytes()
    st = path.stat()
    path.write_bytes(raw.replace(b"month 0", b"month 9", 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    seen = _parsed(monkeypatch)
    with Store.open(data_dir, readonly=True) as s:
        notes = sorted(e.note[:7] for e in s.episodes(include_deleted=True) if e.note)
    assert notes == ["month 1", "month 2", "month 3", "month 9"]
    assert f"episodes/{path.name}" in seen


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


def _column(name: str, value: Any) -> Any:
    def change(head: Any, arrays: dict[str, np.ndarray]) -> None:
        arrays[name] = value(arrays[name])

    return change


def _texts(change: Any) -> Any:
    return lambda head, arrays: change(head)


def _set_item(container: Any, key: Any, value: Any) -> None:
    container[key] = value


@pytest.mark.parametrize(
    ("folder", "change"),
    [
        ("episodes", _texts(lambda h: _set_item(h, "version", 1))),
        ("episodes", _texts(lambda h: _set_item(h, "folder", "sleep"))),
        ("episodes", _column("onset_state", lambda a: np.full_like(a, 7))),  # no such choice
        ("episodes", _column("onset_state", lambda a: np.full_like(a, -2))),
        ("episodes", _column("video", lambda a: np.full_like(a, 5))),
        ("episodes", _column("opened_ms", lambda a: np.full_like(a, -1))),
        ("episodes", _column("opened_off", lambda a: np.full_like(a, 10_000))),
        ("episodes", _column("settled_ms", lambda a: a[:-1])),  # one value short
        ("episodes", _column("created_ms", lambda a: a.astype(np.int32))),
        ("episodes", _column("soothing", lambda a: a + 50)),
        ("episodes", _column("child_id", lambda a: a + 1)),  # no such child
        ("episodes", _column("note", lambda a: np.full_like(a, -1))),
        ("episodes", _column("counts", lambda a: a + 1)),
        ("episodes", _column("sigs", lambda a: a[:, :2])),
        ("episodes", _column("doc_ids", lambda a: np.zeros_like(a))),
        ("episodes", _texts(lambda h: h["tables"]["signs"].append(["x"]))),
        ("episodes", _texts(lambda h: h["tables"]["child_id"].__setitem__(0, 5))),
        ("episodes", _texts(lambda h: h["tables"]["note"].clear())),
        ("episodes", _texts(lambda h: h["ids"].pop())),
        ("episodes", _texts(lambda h: h["ids"].__setitem__(0, 5))),
        ("episodes", _texts(lambda h: h["keys"].__setitem__(1, h["keys"][0]))),
        # every id the same: the records would overwrite each other
        ("episodes", _texts(lambda h: _set_item(h, "ids", ["same"] * len(h["ids"])))),
        ("sleep", _column("awake_ms", lambda a: np.zeros_like(a))),  # awake before asleep
        ("sleep", _column("deleted_ms_has", lambda a: a.astype(np.int8))),
        ("sleep", lambda head, arrays: arrays.pop("asleep_off")),
    ],
)
def test_a_snapshot_with_wrong_values_is_ignored_and_rewritten(
    data_dir: Path, folder: str, change: Any
) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _records(s)
    path = data_dir / "cache" / f"{folder}.rec"
    _damage(path, change)
    spec = reccache.SPECS[folder]
    assert reccache.read(spec, path) is None
    with Store.open(data_dir) as s:
        assert _records(s) == first
        assert s.problems == []
    assert reccache.read(spec, path) is not None  # that open wrote a good one


@pytest.mark.parametrize(
    "damage", [b"", b"not a zip", b"PK\x03\x04garbage" * 50, rawpack.MAGIC + b"\0" * 40, "flip"]
)
def test_a_damaged_snapshot_is_ignored(data_dir: Path, damage: bytes | str) -> None:
    _fill(data_dir)
    with Store.open(data_dir) as s:
        first = _records(s)
    for folder in FOLDERS:
        path = data_dir / "cache" / f"{folder}.rec"
        if damage == "flip":  # caught by the CRC-32
            raw = bytearray(path.read_bytes())
            raw[len(raw) // 2] ^= 0x01
            path.write_bytes(bytes(raw))
        else:
            path.write_bytes(damage)  # type: ignore[arg-type]
    with Store.open(data_dir, readonly=True) as s:
        assert _records(s) == first
        assert s.problems == []


def test_a_readonly_open_keeps_its_snapshot_in_the_user_cache_folder(
    data_dir: Path, user_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)  # no open has loaded these files yet: no snapshot
    before = {p.relative_to(data_dir): p.stat().st_mtime_ns for p in data_dir.rglob("*")}
    with Store.open(data_dir, readonly=True) as s:
        first = _records(s)
    for folder in FOLDERS:
        outside = derived_path(data_dir, folder, reccache.SUFFIX)
        assert outside.is_relative_to(user_cache_dir)
        assert reccache.read(reccache.SPECS[folder], outside) is not None
    seen = _parsed(monkeypatch)
    with Store.open(data_dir, readonly=True) as s:
        assert _records(s) == first
    assert seen == _newest(data_dir)
    after = {p.relative_to(data_dir): p.stat().st_mtime_ns for p in data_dir.rglob("*")}
    assert after == before  # nothing written into the data folder


def test_an_unwritable_user_cache_folder_only_costs_speed(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(data_dir)
    with Store.open(data_dir, readonly=True, write_cache=False) as s:
        first = _records(s)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("RLBABY_CACHE_DIR", str(blocker))
    for _ in range(2):
        with Store.open(data_dir, readonly=True) as s:
            assert _records(s) == first
            assert s.problems == []
    assert blocker.read_text() == "a file where the cache folder should be"


def test_write_cache_false_writes_no_snapshot_anywhere(
    data_dir: Path, user_cache_dir: Path
) -> None:
    _fill(data_dir)
    before = sorted(p.relative_to(data_dir) for p in data_dir.rglob("*"))
    with Store.open(data_dir, readonly=True, write_cache=False) as s:
        assert len(s.episodes()) == 7
    assert list(user_cache_dir.rglob("*")) == []
    assert sorted(p.relative_to(data_dir) for p in data_dir.rglob("*")) == before


def test_a_record_in_two_files_keeps_the_later_update_and_no_snapshot_holds_both(
    data_dir: Path,
) -> None:
    """What a crash between the two writes of a move leaves behind."""
    _fill(data_dir)
    files = sorted((data_dir / "episodes").iterdir())
    first = json.loads(files[0].read_bytes())
    doc = next(iter(first["episodes"].values()))
    second = json.loads(files[1].read_bytes())
    second["episodes"]["999"] = dict(doc, note="newer", updated_ms=doc["updated_ms"] + 1)
    atomic.atomic_write_bytes(files[1], json.dumps(second).encode())
    for _ in range(2):
        with Store.open(data_dir, readonly=True) as s:
            assert s.episode(doc["id"]).note == "newer"  # type: ignore[union-attr]
            assert len(s.episodes(include_deleted=True)) == 8
    assert not derived_path(data_dir, "episodes", reccache.SUFFIX).exists()


@pytest.mark.parametrize("spec", [reccache.EPISODES, reccache.SLEEP])
def test_a_snapshot_of_no_files_reads_back(spec: reccache.Spec) -> None:
    """Every older file set aside as unreadable leaves a snapshot of none."""
    empty = reccache.RecordFiles([], np.empty((0, 4), np.int64), [], [])
    raw = reccache.encode(spec, empty)
    assert raw is not None
    back = reccache.decode(spec, raw)
    assert back is not None
    assert (back.keys, back.ids, back.build(), back.spans(), back.sigs.shape) == (
        [],
        [],
        [],
        [],
        (0, 4),
    )


def test_a_version_1_snapshot_is_ignored_and_removed_when_replaced(data_dir: Path) -> None:
    """Version 1 kept an .npz; the .rec that replaces it takes its place."""
    _fill(data_dir)
    old = data_dir / "cache" / "episodes.npz"
    old.parent.mkdir(parents=True)
    np.savez(old, version=np.array(1))
    with Store.open(data_dir) as s:  # parses every file: no usable snapshot
        first = _records(s)
    assert not old.exists()
    assert reccache.read(reccache.EPISODES, data_dir / "cache" / "episodes.rec") is not None
    with Store.open(data_dir) as s:
        assert _records(s) == first

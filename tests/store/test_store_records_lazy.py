"""A snapshot's records are built a child at a time, and behave as if built at open."""

from __future__ import annotations

import json
import shutil
from dataclasses import FrozenInstanceError, replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rlbaby.model import Child, Episode, Instant, SleepPeriod
from rlbaby.store import Store, rawpack, reccache
from rlbaby.store.bulk import make_episode, make_instant, make_sleep
from rlbaby.store.records import Records

DAY = 86_400_000
T = 1_760_000_000_000  # 2025-10-09


def _fill(data_dir: Path) -> tuple[str, str]:
    """Two children, three months each of episodes and sleep periods, interleaved."""
    with Store.open(data_dir) as s:
        ada, bea = s.save(Child("Ada")), s.save(Child("Bea"))
        recs: list[Any] = []
        for day in range(0, 90, 3):
            at = T + day * DAY
            for kid in (ada, bea):
                recs.append(Episode(kid.id, Instant(at, 60), note=f"{kid.name} {day}"))
                recs.append(SleepPeriod(kid.id, Instant(at, 60), awake=Instant(at + 9_000, 60)))
            recs.append(Episode(ada.id, Instant(at, 60), note="same ms as the first"))
        s.save_many(recs)
    with Store.open(data_dir):
        pass  # parses every file and writes the snapshots
    return ada.id, bea.id


def _first_episode_id(data_dir: Path, child_id: str) -> str:
    oldest = sorted((data_dir / "episodes").iterdir())[0]
    docs = json.loads(oldest.read_bytes())["episodes"].values()
    return str(min((d["opened_ms"], d["id"]) for d in docs if d["child"] == child_id)[1])


def _waiting(recs: Records[Any]) -> set[str]:
    return set(recs._waiting)


def _parsed_copy(data_dir: Path, tmp_path: Path) -> Store:
    """The same data opened without a snapshot: every record parsed from JSON."""
    plain = tmp_path / "plain"
    shutil.copytree(data_dir, plain, ignore=shutil.ignore_patterns("cache"))
    return Store.open(plain, readonly=True, write_cache=False)


def test_one_childs_records_are_built_alone_and_as_a_parse_gives(
    data_dir: Path, tmp_path: Path
) -> None:
    ada, bea = _fill(data_dir)
    with Store.open(data_dir, readonly=True) as s, _parsed_copy(data_dir, tmp_path) as plain:
        assert _waiting(s._episode_recs) == {ada, bea}
        assert s.episodes(ada) == plain.episodes(ada)
        assert _waiting(s._episode_recs) == {bea}  # Bea's still wait
        assert s.sleep_periods(bea) == plain.sleep_periods(bea)
        assert _waiting(s._sleep_recs) == {ada}
        # All of them, in the very order of a full parse (ties keep it too).
        assert list(s._episode_recs.values()) == list(plain._episode_recs.values())
        assert list(s._sleep_recs.values()) == list(plain._sleep_recs.values())
        assert s.counts() == plain.counts()
        for r in s._episode_recs.values():
            assert r == replace(r)  # __post_init__ accepts it unchanged


def test_a_waiting_record_is_found_edited_and_deleted_by_id(data_dir: Path) -> None:
    ada, bea = _fill(data_dir)
    with Store.open(data_dir) as s:
        old = min(s.episodes(ada), key=lambda e: e.opened.utc_ms)
        assert _waiting(s._episode_recs) == {bea}
        bea_first = _first_episode_id(data_dir, bea)  # in the oldest file: from the snapshot
        ep = s.episode(bea_first)  # by id: builds Bea's
        assert ep is not None
        assert ep.child_id == bea
        assert _waiting(s._episode_recs) == set()
        s.save(replace(ep, note="edited"))
        s.delete(old)
    with Store.open(data_dir) as s:
        assert s.episode(bea_first).note == "edited"  # type: ignore[union-attr]
        assert s.episode(old.id).deleted_ms is not None  # type: ignore[union-attr]
        assert old.id not in {e.id for e in s.episodes(ada)}


def test_a_save_before_the_build_is_not_undone_by_it() -> None:
    recs: Records[Any] = Records()
    old = Episode("a", Instant(T), id="e1", note="old")
    built: list[int] = []

    def build() -> list[Any]:
        built.append(1)
        return [old]

    recs.add_waiting(["e1"], [0], [("a", ["e1"], build)])
    assert "e1" in recs
    assert built == []
    recs["e1"] = replace(old, note="saved")
    assert recs.of_child("a")[0].note == "saved"
    assert built == [1]
    assert recs.get("e1").note == "saved"  # type: ignore[union-attr]


def test_a_failed_build_leaves_the_records_waiting_for_the_next_ask() -> None:
    recs: Records[Any] = Records()
    rec = Episode("a", Instant(T), id="e1")
    calls: list[int] = []

    def build() -> list[Any]:
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError
        return [rec]

    recs.add_waiting(["e1"], [0], [("a", ["e1"], build)])
    with pytest.raises(MemoryError):
        recs.get("e1")
    assert recs.get("e1") is rec
    assert dict(recs) == {"e1": rec}


def test_a_reader_follows_an_edit_of_a_record_still_waiting(data_dir: Path) -> None:
    ada, bea = _fill(data_dir)
    with Store.open(data_dir) as writer, Store.open(data_dir, readonly=True) as reader:
        assert _waiting(reader._episode_recs) == {ada, bea}
        target = min(writer.episodes(bea), key=lambda e: e.opened.utc_ms)
        writer.save(replace(target, note="seen by the reader"))
        assert reader.refresh() is True
        assert reader.episode(target.id).note == "seen by the reader"  # type: ignore[union-attr]
        assert reader.episodes(bea) == writer.episodes(bea)
        assert reader.episodes(ada) == writer.episodes(ada)


# --- the file itself: damage never crashes an open nor loads wrong data ---------


def _snapshot(data_dir: Path) -> bytes:
    _fill(data_dir)
    return (data_dir / "cache" / "episodes.rec").read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_corrupt_snapshot_bytes_are_refused_or_read_as_written(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    raw = _good_snapshot(tmp_path_factory)
    good = reccache.decode(reccache.EPISODES, raw)
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
    back = reccache.decode(reccache.EPISODES, bytes(damaged))
    if bytes(damaged) != raw:
        assert back is None or back.build() == good.build()


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=400) | st.binary(max_size=200).map(lambda b: rawpack.MAGIC + b))
def test_arbitrary_bytes_are_never_a_snapshot(raw: bytes) -> None:
    assert reccache.decode(reccache.SLEEP, raw) is None


_GOOD: dict[str, bytes] = {}


def _good_snapshot(factory: pytest.TempPathFactory) -> bytes:
    if "raw" not in _GOOD:
        _GOOD["raw"] = _snapshot(factory.mktemp("good") / "data")
    return _GOOD["raw"]


def _repacked(raw: bytes, change: Any) -> bytes:
    unpacked = rawpack.unpack(raw)
    assert unpacked is not None
    head, views = unpacked
    arrays = {k: np.array(v) for k, v in views.items()}
    change(head, arrays)
    out = rawpack.pack(head, arrays)
    assert out is not None
    return out


def test_rawpack_reads_back_what_it_wrote() -> None:
    arrays = {
        "a": np.arange(5, dtype=np.int64),
        "b": np.array([[1, 2], [3, 4]], np.int32),
        "flags": np.array([True, False, True]),
        "codes": np.array([-1, 3], np.int8),
        "none": np.array([], np.int16),
    }
    raw = rawpack.pack({"x": ["é", 1]}, arrays)
    assert raw is not None
    head, back = rawpack.unpack(raw)  # type: ignore[misc]
    assert head == {"x": ["é", 1]}
    assert list(back) == list(arrays)
    for name, arr in arrays.items():
        assert back[name].dtype == arr.dtype
        assert np.array_equal(back[name], arr)
    assert rawpack.pack({"note": "\ud800"}, {}) is None  # a lone surrogate: no file


def _with_crc(raw: bytes, body: bytes) -> bytes:
    import zlib

    head_len = int.from_bytes(raw[8:12], "little")
    return raw[:8] + head_len.to_bytes(4, "little") + zlib.crc32(body).to_bytes(4, "little") + body


@pytest.mark.parametrize(
    "edit",
    [
        # Each edit keeps the head's length: only the check under test can refuse it.
        lambda d: d.replace(b'"<i8"', b'"<f8"', 1),  # a dtype we never write
        lambda d: d.replace(b'"|b1",[3],', b'"|b1",[9],', 1),  # past the end
        lambda d: d.replace(b'"<i4",[2,2],40]', b'"<i4",[-4] ,40]', 1),
        lambda d: d.replace(b'"<i4",[2,2],40]', b'"<i4",[2,2],0 ]', 1),  # over "a"
        lambda d: d.replace(b'["a",', b'["f",', 1),  # a name twice
    ],
)
def test_rawpack_refuses_a_directory_it_never_writes_even_with_a_right_sum(edit: Any) -> None:
    arrays = {"a": np.arange(5, dtype=np.int64), "b": np.zeros((2, 2), np.int32)}
    arrays["f"] = np.array([True, False, True])
    raw = rawpack.pack({}, arrays)
    assert raw is not None
    body = edit(raw[16:])
    assert body != raw[16:]
    assert len(body) == len(raw) - 16
    assert rawpack.unpack(_with_crc(raw, body)) is None


def test_rawpack_refuses_a_bool_byte_numpy_never_makes() -> None:
    raw = rawpack.pack({}, {"f": np.array([True, False])})
    assert raw is not None
    body = bytearray(raw[16:])
    body[-8] = 2  # the first flag (the arrays end padded to 8 bytes)
    assert rawpack.unpack(_with_crc(raw, bytes(body))) is None


def test_a_snapshot_of_another_folder_is_not_taken(tmp_path: Path) -> None:
    raw = _snapshot(tmp_path / "data")
    assert reccache.decode(reccache.SLEEP, raw) is None
    assert reccache.decode(reccache.SLEEP, _repacked(raw, lambda h, a: None)) is None


def test_the_quick_instant_maker_makes_instants() -> None:
    """bulk.make_instant skips __init__; right only while Instant has no __post_init__."""
    assert not hasattr(Instant, "__post_init__")
    made = make_instant(T, -300)
    assert made == Instant(T, -300)
    assert type(made) is Instant
    assert hash(made) == hash(Instant(T, -300))


def test_the_quick_record_makers_make_what_the_model_makes() -> None:
    """bulk's makers skip __post_init__ (and switch a twin's class): the same objects."""
    opened = make_instant(T, 60)
    ep = make_episode(
        "kid", opened, "e1", None, None, frozenset(), None, None, frozenset(), frozenset(),
        True, "a note", 1, 2, None,
    )  # fmt: skip
    assert type(ep) is Episode
    assert ep == Episode(
        "kid", Instant(T, 60), id="e1", video=True, note="a note", created_ms=1, updated_ms=2
    )
    assert hash(ep) == hash(replace(ep))
    with pytest.raises(FrozenInstanceError):
        ep.note = "changed"  # type: ignore[misc]
    period = make_sleep("kid", opened, "s1", None, 1, 2, 3)
    assert type(period) is SleepPeriod
    assert period == SleepPeriod(
        "kid", Instant(T, 60), id="s1", created_ms=1, updated_ms=2, deleted_ms=3
    )

"""rawpack.read: a file's arrays read into their own buffers, checked as unpack checks bytes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rlbaby.store import rawpack

_ARRAYS = {
    "a": np.arange(5, dtype=np.int64),
    "b": np.array([[1, 2], [3, 4]], np.int32),
    "flags": np.array([True, False, True]),
    "codes": np.array([-1, 3], np.int8),
    "none": np.array([], np.int16),
    "bytes": np.frombuffer(b"abc\ndef", np.uint8),
}


def _good() -> bytes:
    raw = rawpack.pack({"x": ["é", 1]}, _ARRAYS)
    assert raw is not None
    return raw


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    (head_a, arrays_a), (head_b, arrays_b) = a, b
    return (
        head_a == head_b
        and list(arrays_a) == list(arrays_b)
        and all(
            arrays_a[k].dtype == arrays_b[k].dtype
            and arrays_a[k].shape == arrays_b[k].shape
            and np.array_equal(arrays_a[k], arrays_b[k])
            for k in arrays_a
        )
    )


def test_read_gives_what_pack_wrote_each_array_in_its_own_buffer(tmp_path: Path) -> None:
    path = tmp_path / "x.raw"
    path.write_bytes(_good())
    got = rawpack.read(path)
    assert _same(got, ({"x": ["é", 1]}, _ARRAYS))
    assert got is not None
    for arr in got[1].values():
        assert arr.base is None  # not a view of one big buffer
        assert not arr.flags.writeable


def test_read_refuses_what_is_not_a_readable_regular_file(tmp_path: Path) -> None:
    assert rawpack.read(tmp_path / "missing") is None
    assert rawpack.read(tmp_path) is None  # a folder
    (tmp_path / "empty").write_bytes(b"")
    assert rawpack.read(tmp_path / "empty") is None


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs in a Windows folder")
@pytest.mark.timeout(30)
def test_read_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert rawpack.read(fifo) is None


def test_read_refuses_a_file_longer_than_its_head_says(tmp_path: Path) -> None:
    path = tmp_path / "x.raw"
    path.write_bytes(_good() + b"\0" * 8)
    assert rawpack.read(path) is None
    assert rawpack.unpack(path.read_bytes()) is None


def test_a_head_claiming_more_than_the_file_holds_makes_no_array(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The directory is checked against the file's size before any buffer is made."""
    made: list[Any] = []
    real = np.empty
    monkeypatch.setattr(np, "empty", lambda *a, **k: made.append(a) or real(*a, **k))
    raw = rawpack.pack({}, {"big": np.zeros(4, np.int64)})
    assert raw is not None
    path = tmp_path / "x.raw"
    path.write_bytes(raw.replace(b'"<i8",[4]', b'"<i8",[9]', 1))
    assert rawpack.read(path) is None
    assert made == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_read_agrees_with_unpack_on_damaged_files(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    raw = bytearray(_good())
    kind = data.draw(st.sampled_from(["flip", "cut", "insert", "splice", "none"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if kind == "flip":
        raw[at] ^= data.draw(st.integers(1, 255))
    elif kind == "cut":
        del raw[at:]
    elif kind == "insert":
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
    elif kind == "splice":
        raw[at : at + 16] = data.draw(st.binary(min_size=0, max_size=16))
    path = tmp_path_factory.mktemp("raw") / "x.raw"
    path.write_bytes(bytes(raw))
    got = rawpack.read(path)
    assert _same(got, rawpack.unpack(bytes(raw)))
    if bytes(raw) != _good():
        assert got is None or _same(got, ({"x": ["é", 1]}, _ARRAYS))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=400) | st.binary(max_size=200).map(lambda b: rawpack.MAGIC + b))
def test_read_of_arbitrary_bytes_agrees_with_unpack(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    path = tmp_path_factory.mktemp("raw") / "x.raw"
    path.write_bytes(raw)
    assert _same(rawpack.read(path), rawpack.unpack(raw))

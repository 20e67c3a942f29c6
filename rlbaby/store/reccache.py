"""A derived snapshot of older episode and sleep files, decoded, to open fast.

Every open decoded every episode and sleep period from JSON (24k at 200k
movements): about half of a cached open. Files other than the newest rarely
change, so, as colcache.py does for movements, we keep their decoded records
as columns, one file per folder (`cache/episodes.npz`, `cache/sleep.npz`),
with the signature (size, mtime_ns, inode, ctime_ns) of each file they came
from. Only files whose signature still matches are taken from it; the rest
are parsed, and the newest file (the one that takes new records) always is.

It is checked like the movement snapshot: its zip checksum, every column's
shape and range, every enum value against the model, and an asleep mark
never after its awake mark. Any doubt means "parse the JSON". A read-only
open keeps its own copy in the user's cache folder (`usercache.derived_path`)
and never writes into the data folder. Either copy is safe to delete.

The texts (ids, child ids, notes) and the distinct sets of choices are one
JSON block; everything else is a numpy column. Optional values have a "has"
column beside them; optional choices are codes with -1 for none.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

from rlbaby.model import (
    Instant,
    OnsetState,
    Response,
    Sign,
    Soothing,
    StoppedWhenWoken,
    Trigger,
)
from rlbaby.store import codec
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.bulk import make_episode, make_sleep
from rlbaby.store.colcache import SIG_FIELDS
from rlbaby.store.errors import StoreError
from rlbaby.store.files import read_regular_file

VERSION = 1


@dataclass(frozen=True)
class Field:
    """One field of a record, in the dataclass's order.

    kind: "text", "ms", "opt_ms", "instant", "opt_instant", "opt_enum",
    "set" (a frozenset of `enum` members) or "opt_bool".
    """

    name: str
    kind: str
    enum: type[StrEnum] | None = None


@dataclass(frozen=True)
class Spec:
    """How one folder's records become columns and back."""

    folder: str
    fields: tuple[Field, ...]
    make: Callable[..., Any]  # every field in order, no __post_init__ (bulk.py)
    ordered: tuple[str, str] | None = None  # (before, after): before <= after where both set


EPISODES = Spec(
    "episodes",
    (
        Field("child_id", "text"),
        Field("opened", "instant"),
        Field("id", "text"),
        Field("settled", "opt_instant"),
        Field("onset_state", "opt_enum", OnsetState),
        Field("soothing", "set", Soothing),
        Field("response", "opt_enum", Response),
        Field("stopped_when_woken", "opt_enum", StoppedWhenWoken),
        Field("signs", "set", Sign),
        Field("triggers", "set", Trigger),
        Field("video", "opt_bool"),
        Field("note", "text"),
        Field("created_ms", "ms"),
        Field("updated_ms", "ms"),
        Field("deleted_ms", "opt_ms"),
    ),
    make_episode,
)
SLEEP = Spec(
    "sleep",
    (
        Field("child_id", "text"),
        Field("asleep", "instant"),
        Field("id", "text"),
        Field("awake", "opt_instant"),
        Field("created_ms", "ms"),
        Field("updated_ms", "ms"),
        Field("deleted_ms", "opt_ms"),
    ),
    make_sleep,
    ordered=("asleep", "awake"),
)
SPECS = {s.folder: s for s in (EPISODES, SLEEP)}

_BOOLS: list[bool | None] = [None, False, True]  # code + 1 -> value


@dataclass
class RecordFiles:
    """Decoded records of several files: each file's records in document order."""

    keys: list[str]
    sigs: npt.NDArray[np.int64]  # (files, SIG_FIELDS)
    doc_ids: list[list[int]]
    records: list[list[Any]]


def encode(spec: Spec, files: RecordFiles) -> bytes | None:
    """The .npz bytes of `files`; None when they cannot be kept (an unusual text)."""
    recs = [r for file in files.records for r in file]
    arrays: dict[str, npt.NDArray[Any]] = {
        "version": np.array(VERSION),
        "sigs": np.asarray(files.sigs, np.int64).reshape(len(files.keys), SIG_FIELDS),
        "counts": np.array([len(f) for f in files.records], np.int64),
        "doc_ids": np.array([d for ids in files.doc_ids for d in ids], np.int64),
    }
    texts: dict[str, list[Any]] = {}
    sets: dict[str, list[list[str]]] = {}
    for f in spec.fields:
        values = [getattr(r, f.name) for r in recs]
        if f.kind == "text":
            texts[f.name] = values
        elif f.kind == "ms":
            arrays[f.name] = np.array(values, np.int64)
        elif f.kind == "opt_ms":
            arrays[f.name + "_has"] = np.array([v is not None for v in values], np.bool_)
            arrays[f.name] = np.array([0 if v is None else v for v in values], np.int64)
        elif f.kind in ("instant", "opt_instant"):
            if f.kind == "opt_instant":
                arrays[f.name + "_has"] = np.array([v is not None for v in values], np.bool_)
            ms = [0 if v is None else v.utc_ms for v in values]
            off = [0 if v is None else v.offset_min for v in values]
            arrays[f.name + "_ms"] = np.array(ms, np.int64)
            arrays[f.name + "_off"] = np.array(off, np.int64)
        elif f.kind == "opt_enum":
            assert f.enum is not None
            code = {m: i for i, m in enumerate(f.enum)}
            arrays[f.name] = np.array([-1 if v is None else code[v] for v in values], np.int8)
        elif f.kind == "set":
            table: dict[frozenset[Any], int] = {}
            arrays[f.name] = np.array([table.setdefault(v, len(table)) for v in values], np.int32)
            sets[f.name] = [sorted(str(m) for m in s) for s in table]
        elif f.kind == "opt_bool":
            arrays[f.name] = np.array([-1 if v is None else int(v) for v in values], np.int8)
    try:
        block = orjson.dumps({"keys": files.keys, "texts": texts, "sets": sets})
    except TypeError:  # a lone surrogate in a note: no snapshot, opens parse the JSON
        return None
    arrays["json"] = np.frombuffer(block, np.uint8)
    buf = io.BytesIO()
    np.savez(buf, **arrays)  # type: ignore[arg-type]
    return buf.getvalue()


def decode(spec: Spec, raw: bytes) -> RecordFiles | None:
    """The records in `raw`, checked; None when anything is not as written."""
    try:
        return _decode(spec, raw)
    except Exception:  # noqa: BLE001 - any damage (BadZipFile, KeyError, ValueError...) only slows the open
        return None


def _decode(spec: Spec, raw: bytes) -> RecordFiles | None:
    with np.load(io.BytesIO(raw), allow_pickle=False) as z:
        # Each member is read to its end: zipfile checks its CRC-32.
        a = {name: z[name] for name in z.files}
    if int(a["version"]) != VERSION:
        return None
    head = orjson.loads(memoryview(a["json"]))  # no bytes copy
    keys, texts, sets = head["keys"], head["texts"], head["sets"]
    counts, sigs, doc_ids = a["counts"], a["sigs"], a["doc_ids"]
    k = len(keys)
    if (
        not all(type(key) is str for key in keys)
        or len(set(keys)) != k
        or counts.dtype != np.int64
        or counts.shape != (k,)
        or sigs.dtype != np.int64
        or sigs.shape != (k, SIG_FIELDS)
        or (k and counts.min() < 0)
        or doc_ids.dtype != np.int64
    ):
        return None
    n = int(counts.sum())
    if doc_ids.shape != (n,) or (n and doc_ids.min() <= 0):
        return None
    columns: list[Sequence[Any]] = []
    for f in spec.fields:
        columns.append(_column(f, a, texts, sets, n))
    if len(set(texts["id"])) != n:
        return None  # a record twice: not as rlbaby writes it
    if spec.ordered is not None:
        before, after = spec.ordered
        has = a[after + "_has"]
        if (has & (a[after + "_ms"] < a[before + "_ms"])).any():
            return None  # the model refuses it
    records = list(map(spec.make, *columns)) if n else []
    bounds = np.cumsum(counts).tolist()
    starts = [0, *bounds][: len(bounds)]  # no files: no spans
    ids = doc_ids.tolist()
    return RecordFiles(
        keys,
        sigs,
        [ids[s:e] for s, e in zip(starts, bounds, strict=True)],
        [records[s:e] for s, e in zip(starts, bounds, strict=True)],
    )


def _checked(arr: npt.NDArray[Any], dtype: type, n: int) -> npt.NDArray[Any]:
    if arr.dtype != dtype or arr.shape != (n,):
        raise ValueError("a column of the wrong type or length")
    return arr


def _ms_ok(ms: npt.NDArray[Any], has: npt.NDArray[np.bool_] | None = None) -> None:
    values = ms if has is None else ms[has]
    if values.size and not codec.within(values, codec.TIME_RANGE):
        raise ValueError("a time out of range")


def _column(
    f: Field, a: dict[str, npt.NDArray[Any]], texts: Any, sets: Any, n: int
) -> Sequence[Any]:
    """One field's values, each exactly as the model holds it."""
    if f.kind == "text":
        values = texts[f.name]
        if type(values) is not list or len(values) != n:
            raise ValueError("texts of the wrong length")
        if not all(type(v) is str for v in values):
            raise ValueError("a text that is not one")
        if f.name == "id":
            return values
        # Few distinct values (a child id per record, notes mostly alike): one
        # str object each, not one per record (2 MB at 24k records).
        alike: dict[str, str] = {}
        return [alike.setdefault(v, v) for v in values]
    if f.kind == "ms":
        ms = _checked(a[f.name], np.int64, n)
        _ms_ok(ms)
        return list(ms.tolist())
    if f.kind == "opt_ms":
        ms = _checked(a[f.name], np.int64, n)
        has = _checked(a[f.name + "_has"], np.bool_, n)
        _ms_ok(ms, has)
        return [v if h else None for v, h in zip(ms.tolist(), has.tolist(), strict=True)]
    if f.kind in ("instant", "opt_instant"):
        ms = _checked(a[f.name + "_ms"], np.int64, n)
        off = _checked(a[f.name + "_off"], np.int64, n)
        if f.kind == "instant":
            _ms_ok(ms)
            if n and not codec.within(off, codec.OFFSET_RANGE):
                raise ValueError("an offset out of range")
            return list(map(Instant, ms.tolist(), off.tolist()))
        has = _checked(a[f.name + "_has"], np.bool_, n)
        _ms_ok(ms, has)
        if has.any() and not codec.within(off[has], codec.OFFSET_RANGE):
            raise ValueError("an offset out of range")
        return [
            Instant(m, o) if h else None
            for m, o, h in zip(ms.tolist(), off.tolist(), has.tolist(), strict=True)
        ]
    if f.kind in ("opt_enum", "set", "opt_bool"):
        if f.kind == "opt_enum":
            assert f.enum is not None
            table: list[Any] = [None, *f.enum]
            codes = _checked(a[f.name], np.int8, n).astype(np.int64) + 1
        elif f.kind == "set":
            assert f.enum is not None
            if type(sets[f.name]) is not list or not all(type(v) is list for v in sets[f.name]):
                raise ValueError("sets of the wrong shape")
            table = [frozenset(map(f.enum, values)) for values in sets[f.name]]
            codes = _checked(a[f.name], np.int32, n)
        else:
            table = _BOOLS
            codes = _checked(a[f.name], np.int8, n).astype(np.int64) + 1
        if n and (codes.min() < 0 or codes.max() >= len(table)):
            raise ValueError("a code out of range")
        return list(map(table.__getitem__, codes.tolist()))
    raise ValueError(f"unknown field kind {f.kind}")


def read(spec: Spec, path: Path) -> RecordFiles | None:
    """The snapshot at `path`, checked; None when missing or in any doubt."""
    try:
        raw = read_regular_file(path)
    except OSError:
        return None
    return decode(spec, raw)


def write(spec: Spec, path: Path, files: RecordFiles) -> None:
    """Replace the snapshot at `path` atomically; failure only costs speed."""
    raw = encode(spec, files)
    if raw is None:
        return
    try:
        atomic_write_bytes(path, raw)
    except StoreError:
        pass

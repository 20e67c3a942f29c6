"""A derived snapshot of older episode and sleep files, decoded, to open fast.

Every open decoded every episode and sleep period from JSON (24k at 200k
movements): about half of a cached open. Files other than the newest rarely
change, so, as colcache.py does for movements, we keep their decoded records
as columns, one file per folder (`cache/episodes.rec`, `cache/sleep.rec`),
with the signature (size, mtime_ns, inode, ctime_ns) of each file they came
from. Only files whose signature still matches are taken from it; the rest
are parsed, and the newest file (the one that takes new records) always is.

The file is a rawpack (one read, one CRC-32 over everything, the arrays
views of the bytes read). It is checked whole when read: every column's
type, length and range, every code against its table, every enum value
against the model, ids distinct, an asleep mark never after its awake mark.
Any doubt means "parse the JSON". Then `Snapshot.build` makes the records of
any rows without a further check: a store builds one child's records when
first asked for them (records.py), so `summary --child` and the Log tab pay
only for that child. A read-only open keeps its own copy in the user's cache
folder (`usercache.derived_path`) and never writes into the data folder.
Either copy is safe to delete.

The ids, the texts shared by many records (child ids, notes) and the
distinct sets of choices are in the JSON head; everything else is a numpy
column. Optional values have a "has" column beside them; optional choices
are codes with -1 for none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from rlbaby.model import OnsetState, Response, Sign, Soothing, StoppedWhenWoken, Trigger
from rlbaby.store import codec, rawpack
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.bulk import make_episode, make_instant, make_sleep
from rlbaby.store.colcache import SIG_FIELDS
from rlbaby.store.errors import StoreError
from rlbaby.store.files import read_regular_file

VERSION = 2  # 2: a rawpack, not an .npz; child ids and notes as codes
SUFFIX = ".rec"
Rows = npt.NDArray[np.intp] | None  # which records to build; None: all


@dataclass(frozen=True)
class Field:
    """One field of a record, in the dataclass's order.

    kind: "id" (distinct texts), "label" (a text many records share: a code
    into a table), "ms", "opt_ms", "instant", "opt_instant", "opt_enum",
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
        Field("child_id", "label"),
        Field("opened", "instant"),
        Field("id", "id"),
        Field("settled", "opt_instant"),
        Field("onset_state", "opt_enum", OnsetState),
        Field("soothing", "set", Soothing),
        Field("response", "opt_enum", Response),
        Field("stopped_when_woken", "opt_enum", StoppedWhenWoken),
        Field("signs", "set", Sign),
        Field("triggers", "set", Trigger),
        Field("video", "opt_bool"),
        Field("note", "label"),
        Field("created_ms", "ms"),
        Field("updated_ms", "ms"),
        Field("deleted_ms", "opt_ms"),
    ),
    make_episode,
)
SLEEP = Spec(
    "sleep",
    (
        Field("child_id", "label"),
        Field("asleep", "instant"),
        Field("id", "id"),
        Field("awake", "opt_instant"),
        Field("created_ms", "ms"),
        Field("updated_ms", "ms"),
        Field("deleted_ms", "opt_ms"),
    ),
    make_sleep,
    ordered=("asleep", "awake"),
)
SPECS = {s.folder: s for s in (EPISODES, SLEEP)}

_CODES = {"label": np.int32, "set": np.int32, "opt_enum": np.int8, "opt_bool": np.int8}


def relative_path(spec: Spec) -> Path:
    """Where a writable store keeps the snapshot, inside the data folder."""
    return Path("cache") / f"{spec.folder}{SUFFIX}"


@dataclass
class RecordFiles:
    """Decoded records of several files: each file's records in document order."""

    keys: list[str]
    sigs: npt.NDArray[np.int64]  # (files, SIG_FIELDS)
    doc_ids: list[list[int]]
    records: list[list[Any]]


def encode(spec: Spec, files: RecordFiles) -> bytes | None:
    """The snapshot's bytes; None when they cannot be kept (an unusual text)."""
    recs = [r for file in files.records for r in file]
    arrays: dict[str, npt.NDArray[Any]] = {
        "sigs": np.asarray(files.sigs, np.int64).reshape(len(files.keys), SIG_FIELDS),
        "counts": np.array([len(f) for f in files.records], np.int64),
        "doc_ids": np.array([d for ids in files.doc_ids for d in ids], np.int64),
    }
    head: dict[str, Any] = {"version": VERSION, "folder": spec.folder, "keys": files.keys}
    tables: dict[str, list[Any]] = {}
    for f in spec.fields:
        values = [getattr(r, f.name) for r in recs]
        if f.kind == "id":
            head["ids"] = values
        elif f.kind in ("label", "set"):
            table: dict[Any, int] = {}
            arrays[f.name] = np.array([table.setdefault(v, len(table)) for v in values], np.int32)
            shown = list(table) if f.kind == "label" else [sorted(map(str, s)) for s in table]
            tables[f.name] = shown
        elif f.kind in ("ms", "opt_ms"):
            if f.kind == "opt_ms":
                arrays[f.name + "_has"] = np.array([v is not None for v in values], np.bool_)
            arrays[f.name] = np.array([0 if v is None else v for v in values], np.int64)
        elif f.kind in ("instant", "opt_instant"):
            if f.kind == "opt_instant":
                arrays[f.name + "_has"] = np.array([v is not None for v in values], np.bool_)
            ms = [0 if v is None else v.utc_ms for v in values]
            off = [0 if v is None else v.offset_min for v in values]
            arrays[f.name + "_ms"] = np.array(ms, np.int64)
            arrays[f.name + "_off"] = np.array(off, np.int32)
        elif f.kind == "opt_enum":
            assert f.enum is not None
            code = {m: i for i, m in enumerate(f.enum)}
            arrays[f.name] = np.array([-1 if v is None else code[v] for v in values], np.int8)
        elif f.kind == "opt_bool":
            arrays[f.name] = np.array([-1 if v is None else int(v) for v in values], np.int8)
    head["tables"] = tables
    return rawpack.pack(head, arrays)  # None: a lone surrogate in a note


class Snapshot:
    """A snapshot's files, checked whole (see `decode`): what each file holds,
    and the records of any of its rows, built on demand."""

    def __init__(
        self,
        spec: Spec,
        head: dict[str, Any],
        arrays: dict[str, npt.NDArray[Any]],
        tables: dict[str, list[Any]],
    ) -> None:
        self.spec = spec
        self.keys: list[str] = head["keys"]
        self.sigs: npt.NDArray[np.int64] = arrays["sigs"]
        self.counts: npt.NDArray[np.int64] = arrays["counts"]
        self.doc_ids: npt.NDArray[np.int64] = arrays["doc_ids"]
        self.ids: list[str] = head["ids"]
        self.children: list[str] = tables["child_id"]
        self.child: npt.NDArray[np.int32] = arrays["child_id"]  # a code into `children`
        self._arrays = arrays
        self._tables = tables

    def spans(self) -> list[tuple[int, int]]:
        """Each file's rows [start, end), in the order of `keys`."""
        ends = np.cumsum(self.counts).tolist()
        return list(zip([0, *ends[:-1]], ends, strict=True)) if ends else []

    def build(self, rows: Rows = None) -> list[Any]:
        """The records of `rows` (ascending), each exactly as the model holds it."""
        columns = [self._values(f, rows) for f in self.spec.fields]
        return list(map(self.spec.make, *columns))

    def _col(self, name: str, rows: Rows) -> npt.NDArray[Any]:
        arr = self._arrays[name]
        return arr if rows is None else arr[rows]

    def _values(self, f: Field, rows: Rows) -> list[Any]:
        if f.kind == "id":
            return self.ids if rows is None else list(map(self.ids.__getitem__, rows.tolist()))
        if f.kind in ("label", "set", "opt_enum", "opt_bool"):
            table = self._tables[f.name]
            codes = self._col(f.name, rows).tolist()
            return list(map(table.__getitem__, codes))
        if f.kind == "ms":
            return self._col(f.name, rows).tolist()  # type: ignore[no-any-return]
        if f.kind == "opt_ms":
            has = self._col(f.name + "_has", rows)
            values = self._col(f.name, rows)
            if not has.any():
                return [None] * len(has)
            return _with_none(values.tolist(), has)
        ms = self._col(f.name + "_ms", rows)
        off = self._col(f.name + "_off", rows)
        if f.kind == "instant":
            return list(map(make_instant, ms.tolist(), off.tolist()))
        has = self._col(f.name + "_has", rows)
        if has.all():
            return list(map(make_instant, ms.tolist(), off.tolist()))
        out: list[Any] = [None] * len(has)
        where = np.flatnonzero(has)
        for i, value in zip(
            where.tolist(), map(make_instant, ms[where].tolist(), off[where].tolist()), strict=True
        ):
            out[i] = value
        return out


def _with_none(values: list[Any], has: npt.NDArray[np.bool_]) -> list[Any]:
    for i in np.flatnonzero(~has).tolist():
        values[i] = None
    return values


def decode(spec: Spec, raw: bytes) -> Snapshot | None:
    """The snapshot in `raw`, checked whole; None when anything is not as written."""
    try:
        return _decode(spec, raw)
    except Exception:  # noqa: BLE001 - any damage (KeyError, ValueError...) only slows the open
        return None


def _decode(spec: Spec, raw: bytes) -> Snapshot | None:
    unpacked = rawpack.unpack(raw)
    if unpacked is None:
        return None
    head, a = unpacked
    if type(head) is not dict or head["version"] != VERSION or head["folder"] != spec.folder:
        return None
    keys, ids = head["keys"], head["ids"]
    counts, sigs, doc_ids = a["counts"], a["sigs"], a["doc_ids"]
    k = len(keys)
    if (
        type(keys) is not list
        or not all(type(key) is str for key in keys)
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
    # set(map(type, ...)): 24k ids checked at C speed, not a generator step each
    if type(ids) is not list or len(ids) != n or not set(map(type, ids)) <= {str}:
        return None
    if len(set(ids)) != n:
        return None  # a record twice: not as rlbaby writes it
    tables: dict[str, list[Any]] = {}
    for f in spec.fields:
        if f.kind != "id":
            tables[f.name] = _check(f, a, head["tables"], n)
    if spec.ordered is not None:
        before, after = spec.ordered
        if (a[after + "_has"] & (a[after + "_ms"] < a[before + "_ms"])).any():
            return None  # the model refuses it
    return Snapshot(spec, head, a, tables)


def _checked(arr: npt.NDArray[Any], dtype: type, n: int) -> npt.NDArray[Any]:
    if arr.dtype != dtype or arr.shape != (n,):
        raise ValueError("a column of the wrong type or length")
    return arr


def _in_range(
    values: npt.NDArray[Any], bounds: tuple[int, int], has: npt.NDArray[np.bool_] | None
) -> None:
    if has is not None:
        values = values[has]
    if values.size and not codec.within(values, bounds):
        raise ValueError("a value out of range")


def _check(f: Field, a: dict[str, npt.NDArray[Any]], tables: Any, n: int) -> list[Any]:
    """Check one field's columns. Returns the value of each code, for the kinds
    that have codes: one object per distinct value, shared by the records (a
    child id, a note, a set of choices); -1 (none) reads the last, None."""
    if f.kind in ("ms", "opt_ms"):
        has = _checked(a[f.name + "_has"], np.bool_, n) if f.kind == "opt_ms" else None
        _in_range(_checked(a[f.name], np.int64, n), codec.TIME_RANGE, has)
        return []
    if f.kind in ("instant", "opt_instant"):
        has = _checked(a[f.name + "_has"], np.bool_, n) if f.kind == "opt_instant" else None
        _in_range(_checked(a[f.name + "_ms"], np.int64, n), codec.TIME_RANGE, has)
        _in_range(_checked(a[f.name + "_off"], np.int32, n), codec.OFFSET_RANGE, has)
        return []
    codes = _checked(a[f.name], _CODES[f.kind], n)
    if f.kind == "label":
        table = tables[f.name]
        if type(table) is not list or not all(type(v) is str for v in table):
            raise ValueError("texts that are not")
    elif f.kind == "set":
        assert f.enum is not None
        values = tables[f.name]
        if type(values) is not list or not all(type(v) is list for v in values):
            raise ValueError("sets of the wrong shape")
        table = [frozenset(map(f.enum, v)) for v in values]
    elif f.kind == "opt_enum":
        assert f.enum is not None
        table = [*f.enum, None]  # -1: none, the last
    else:
        table = [False, True, None]
    low = -1 if f.kind in ("opt_enum", "opt_bool") else 0
    if n and (codes.min() < low or codes.max() >= len(table) + low):
        raise ValueError("a code out of range")
    return table


def read(spec: Spec, path: Path) -> Snapshot | None:
    """The snapshot at `path`, checked; None when missing or in any doubt."""
    try:
        raw = read_regular_file(path)
    except OSError:
        return None
    return decode(spec, raw)


def write(spec: Spec, path: Path, files: RecordFiles) -> None:
    """Replace the snapshot at `path` atomically; failure only costs speed."""
    try:
        raw = encode(spec, files)
    except OverflowError:  # a value no column holds: the JSON stays the way in
        return
    if raw is None:
        return
    try:
        atomic_write_bytes(path, raw)
    except StoreError:
        pass


def remove_version_1(path: Path) -> None:
    """Remove the version-1 snapshot (an .npz) beside `path`, which replaces it."""
    old = path.with_suffix(".npz")
    if old != path:
        try:
            old.unlink(missing_ok=True)
        except OSError:
            pass  # it is only ignored

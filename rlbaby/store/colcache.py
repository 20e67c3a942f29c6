"""A derived snapshot of older movement files' columns, to open 200k taps fast.

Parsing and checking every movement file's JSON costs most of a cold open.
Files other than the newest rarely change, so after a load we keep their
columns in `cache/movement-columns.cols`, each file's rows with the signature
(size, mtime_ns, inode, ctime_ns) of the file they came from. Every save
replaces a file atomically, so a changed file has a new inode (or, where the
file system hands out a freed inode number again, a later ctime) and its rows
are ignored. An edit in place by another program keeps the inode, and may keep the
size and put the mtime back (`touch -r`), but the kernel sets the ctime on
every change and nothing can set it back, so that edit is seen too.

The file is a rawpack (rawpack.py: one read, one CRC-32 over everything, the
arrays views of the bytes read), as the record snapshots are (reccache.py);
version 3 was an .npz, whose read copied every member out of a zip and cost a
third of a writable open. The layout is flat, so that reading it costs a dozen
arrays whatever the number of files: every file's rows one after the other
(`counts` says how many are whose); the file keys, child ids and episode ids in
the JSON head; the movement ids as one UTF-8 block joined by newlines. If any
movement id holds a newline (ours are uuids), no snapshot is written and opens
parse the JSON, as they did before. Movement ids of one byte width stay that
block in memory (idblock.py).

The cache is never the source of truth: it is only used when the signature
matches, it is checked whole for type, shape and ranges, any doubt means
"parse the JSON", and it is left out of backups. A read-only open never writes
it into the data folder: it keeps its own copy in the user's cache folder
instead (`outside_path`, one file per data folder, named by a hash of the
folder's real path), checked in exactly the same way. So `rlbaby summary` and
the other read-only commands open fast too, and the data folder stays
untouched. Either copy is safe to delete at any time; an old .npz beside one
is removed when it is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from rlbaby.model.arrays import KINDS
from rlbaby.store import codec, rawpack
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.errors import StoreError
from rlbaby.store.idblock import PackedIds
from rlbaby.store.usercache import derived_path

CACHE_REL = Path("cache") / "movement-columns.cols"
SUFFIX = CACHE_REL.suffix
VERSION = 4  # 4: a rawpack, not an .npz (3: the signature holds the ctime)
SIG_FIELDS = 4
SEP = "\n"

# One value per row (N,), except sigs (K, SIG_FIELDS) and counts (K,): one per
# file. Each exactly of its dtype (rawpack keeps it, little-endian).
ARRAYS = {
    "sigs": np.int64,
    "counts": np.int64,
    "doc_ids": np.int64,
    "at_ms": np.int64,
    "offset": np.int32,
    "kind": np.int8,
    "child": np.int32,
    "episode": np.int32,
    "live": np.bool_,
    "updated_ms": np.int64,
}
# Lists of str in the JSON head (the movement ids are the "ids" block).
TEXTS = ("keys", "child_values", "episode_values")


def file_sig(path: str | os.PathLike[str]) -> list[int]:
    """(size, mtime_ns, inode, ctime_ns) of a file, as the snapshots record it.

    A plain `os.stat` of a str path: an open checks every data file's
    signature, and with one movement file a day that is ~2,000 files, where
    building a `Path` for each cost more than the stat itself.
    """
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]


def signature(path: str | os.PathLike[str]) -> npt.NDArray[np.int64]:
    return np.array(file_sig(path), np.int64)


@dataclass(frozen=True)
class Snapshot:
    """Rows of several movement files; children and episodes as codes into values."""

    keys: list[str]
    sigs: npt.NDArray[np.int64]
    counts: npt.NDArray[np.int64]
    ids: PackedIds | list[str]  # packed when all of one byte width (uuids)
    doc_ids: npt.NDArray[np.int64]
    at_ms: npt.NDArray[np.int64]
    offset: npt.NDArray[np.int32]
    kind: npt.NDArray[np.int8]
    child_values: list[str]
    child: npt.NDArray[np.int32]
    episode_values: list[str]
    episode: npt.NDArray[np.int32]
    live: npt.NDArray[np.bool_]
    updated_ms: npt.NDArray[np.int64]

    def bounds(self) -> dict[str, tuple[int, int]]:
        """File key -> its rows [start, end)."""
        ends = np.cumsum(self.counts).tolist()
        starts = [0, *ends][: len(ends)]  # no files: no rows (not one empty span)
        return dict(zip(self.keys, zip(starts, ends, strict=True), strict=True))

    def valid(self) -> bool:
        n = len(self.ids)
        per_row = (
            self.doc_ids,
            self.at_ms,
            self.offset,
            self.kind,
            self.child,
            self.episode,
            self.live,
            self.updated_ms,
        )
        return bool(
            self.sigs.shape == (len(self.keys), SIG_FIELDS)
            and self.counts.shape == (len(self.keys),)
            and len(set(self.keys)) == len(self.keys)
            and (self.counts.size == 0 or self.counts.min() >= 0)
            and int(self.counts.sum()) == n
            and all(a.shape == (n,) for a in per_row)
            and (
                n == 0
                or (
                    codec.within(self.at_ms, codec.TIME_RANGE)
                    and codec.within(self.updated_ms, codec.TIME_RANGE)
                    and codec.within(self.offset, codec.OFFSET_RANGE)
                    and self.kind.min() >= 0
                    and self.kind.max() < len(KINDS)
                    and self.child.min() >= 0
                    and self.child.max() < len(self.child_values)
                    and self.episode.min() >= 0
                    and self.episode.max() < len(self.episode_values)
                    and self.doc_ids.min() > 0
                )
            )
        )


def pack(values: list[str]) -> npt.NDArray[np.uint8] | None:
    """`values` as one UTF-8 block, or None if any holds the separator."""
    text = SEP.join(values)
    if text.count(SEP) != max(len(values) - 1, 0):
        return None
    try:
        return np.frombuffer(text.encode("utf-8"), np.uint8)
    except UnicodeEncodeError:  # a lone surrogate
        return None


def unpack(block: npt.NDArray[np.uint8], n: int) -> list[str]:
    """The `n` texts of a `pack`ed block. Raises ValueError when they are not `n`."""
    if n == 0:
        if block.size:
            raise ValueError("texts where none were expected")
        return []
    # Decoded from the array's own buffer: a bytes copy would be one more
    # transient 7 MB at 200k ids, and the heap keeps such holes.
    values = str(block.data, "utf-8").split(SEP)
    if len(values) != n:
        raise ValueError(f"{len(values)} texts, {n} expected")
    return values


def outside_path(data_dir: Path) -> Path:
    """Where a read-only open keeps the snapshot of `data_dir`: the user's cache
    folder, keyed by the data folder's real path."""
    return derived_path(data_dir, "columns", SUFFIX)


def read(data_dir: Path) -> Snapshot | None:
    """The data folder's own snapshot, checked; None when missing or in any doubt."""
    return read_file(data_dir / CACHE_REL)


def read_file(path: Path) -> Snapshot | None:
    """The snapshot at `path`, checked; None when it is missing or in any doubt.

    Each array is read into its own buffer (rawpack.read): the movement ids
    kept after the load do not keep the whole file's bytes alive.
    """
    return _checked(rawpack.read(path))


def decode(raw: bytes) -> Snapshot | None:
    """The snapshot in `raw`, checked whole; None when anything is not as written."""
    return _checked(rawpack.unpack(raw))


def _checked(unpacked: tuple[Any, dict[str, npt.NDArray[Any]]] | None) -> Snapshot | None:
    """The snapshot of a rawpack's head and arrays, checked whole.

    The movement ids stay one packed block when they are all of one byte
    width (PackedIds: no str per id); whether they repeat is asked by the
    load (MovementColumns.load_snapshot).
    """
    if unpacked is None:
        return None
    try:
        return _snapshot(*unpacked)
    except Exception:  # noqa: BLE001 - any damage (KeyError, ValueError...) only slows the open
        return None


def _snapshot(head: Any, a: dict[str, npt.NDArray[Any]]) -> Snapshot | None:
    if type(head) is not dict or head["version"] != VERSION:
        return None
    fields: dict[str, object] = {}
    for name in TEXTS:
        values = head[name]
        # (set(map(type, ...)): the 14k episode ids checked at C speed)
        if type(values) is not list or not set(map(type, values)) <= {str}:
            return None
        fields[name] = values
    for name, dtype in ARRAYS.items():
        arr = a[name]
        if arr.dtype != dtype:
            return None
        fields[name] = arr
    block = a["ids"]
    if block.dtype != np.uint8 or block.ndim != 1:
        return None
    n = int(a["counts"].sum())  # how many is checked again by `valid`
    packed = PackedIds.from_block(block, n)
    fields["ids"] = unpack(block, n) if packed is None else packed
    snapshot = Snapshot(**fields)  # type: ignore[arg-type]
    return snapshot if snapshot.valid() else None


def encode(snapshot: Snapshot) -> bytes | None:
    """The snapshot's bytes; None when it cannot be kept (an id holding the
    separator, a lone surrogate): then opens parse the JSON."""
    ids = snapshot.ids
    block = ids.block if isinstance(ids, PackedIds) else pack(ids)
    if block is None:
        return None
    head = {"version": VERSION, **{name: getattr(snapshot, name) for name in TEXTS}}
    arrays: dict[str, npt.NDArray[np.generic]] = {
        name: np.asarray(getattr(snapshot, name), dtype) for name, dtype in ARRAYS.items()
    }
    arrays["ids"] = block
    return rawpack.pack(head, arrays)


def write(data_dir: Path, snapshot: Snapshot) -> None:
    """Replace the data folder's snapshot atomically; failure only costs speed."""
    write_file(data_dir / CACHE_REL, snapshot)


def write_file(path: Path, snapshot: Snapshot) -> None:
    """Replace the snapshot at `path` atomically, and remove the version-3
    snapshot (an .npz) beside it; failure only costs speed."""
    raw = encode(snapshot)
    if raw is None:
        return
    try:
        atomic_write_bytes(path, raw)
    except StoreError:
        return
    _remove_npz(path)


def _remove_npz(path: Path) -> None:
    try:
        os.unlink(path.with_suffix(".npz"))
    except OSError:
        pass  # missing, or only ignored (not a rawpack)


def remove(data_dir: Path) -> None:
    try:
        os.unlink(data_dir / CACHE_REL)
    except OSError:
        pass
    _remove_npz(data_dir / CACHE_REL)

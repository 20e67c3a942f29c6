"""A derived snapshot of past months' movement columns, to open 200k taps fast.

Parsing and checking every month's JSON costs most of a cold open. Months other
than the newest rarely change, so after a load we keep their columns in
`cache/movement-columns.npz`, each with the signature (size, mtime_ns, inode)
of the month file it came from. Every save replaces a month file atomically,
so a changed month has a new inode and its cache entry is ignored.

The cache is never the source of truth: it is only used when the signature
matches, it is checked for shape and ranges, any doubt means "parse the JSON",
and it is left out of backups. A read-only open never writes it.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from rlbaby.model.arrays import KINDS
from rlbaby.store import codec
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.errors import StoreError

CACHE_REL = Path("cache") / "movement-columns.npz"
VERSION = 1
FIELDS = {
    "sig": np.int64,
    "ids": np.str_,
    "doc_ids": np.int64,
    "at_ms": np.int64,
    "offset": np.int32,
    "kind": np.int8,
    "child_values": np.str_,
    "child": np.int32,
    "episode_values": np.str_,
    "episode": np.int32,
    "live": np.bool_,
    "updated_ms": np.int64,
}


def signature(path: Path) -> npt.NDArray[np.int64]:
    st = path.stat()
    return np.array([st.st_size, st.st_mtime_ns, st.st_ino], np.int64)


@dataclass(frozen=True)
class MonthColumns:
    """One month's movements as columns; children and episodes as codes into values."""

    sig: npt.NDArray[np.int64]
    ids: npt.NDArray[np.str_]
    doc_ids: npt.NDArray[np.int64]
    at_ms: npt.NDArray[np.int64]
    offset: npt.NDArray[np.int32]
    kind: npt.NDArray[np.int8]
    child_values: npt.NDArray[np.str_]
    child: npt.NDArray[np.int32]
    episode_values: npt.NDArray[np.str_]
    episode: npt.NDArray[np.int32]
    live: npt.NDArray[np.bool_]
    updated_ms: npt.NDArray[np.int64]

    def valid(self) -> bool:
        n = self.ids.size
        lengths = (self.doc_ids, self.at_ms, self.offset, self.kind, self.child, self.episode)
        return bool(
            self.sig.shape == (3,)
            and all(a.shape == (n,) for a in (*lengths, self.live, self.updated_ms))
            and n == np.unique(self.ids).size
            and (
                n == 0
                or (
                    self.at_ms.min() >= 0
                    and self.at_ms.max() < codec.MAX_MS
                    and np.abs(self.offset).max() <= codec.MAX_OFFSET_MIN
                    and self.kind.min() >= 0
                    and self.kind.max() < len(KINDS)
                    and self.child.min() >= 0
                    and self.child.max() < self.child_values.size
                    and self.episode.min() >= 0
                    and self.episode.max() < self.episode_values.size
                    and self.doc_ids.min() > 0
                )
            )
        )


def read(data_dir: Path) -> dict[str, MonthColumns]:
    """The usable entries of the cache; {} when it is missing or in any doubt."""
    path = data_dir / CACHE_REL
    try:
        # Read the bytes first: np.load on a damaged file leaks its handle.
        raw = path.read_bytes()
        with np.load(io.BytesIO(raw), allow_pickle=False) as z:
            if int(z["version"]) != VERSION:
                return {}
            keys = [str(k) for k in z["months"]]
            out = {}
            for key in keys:
                fields = {}
                for name, dtype in FIELDS.items():
                    arr = z[f"{key}/{name}"]
                    if not np.issubdtype(arr.dtype, dtype):
                        return {}
                    fields[name] = arr
                month = MonthColumns(**fields)
                if not month.valid():
                    return {}
                out[key] = month
            return out
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        return {}
    except Exception:  # noqa: BLE001 - a damaged cache (zipfile, zlib...) is only a slower open
        return {}


def write(data_dir: Path, months: dict[str, MonthColumns]) -> None:
    """Replace the cache atomically; failure only costs speed at the next open."""
    arrays: dict[str, np.ndarray] = {
        "version": np.array(VERSION),
        "months": np.array(sorted(months), dtype=np.str_),
    }
    for key, month in months.items():
        for name in FIELDS:
            arrays[f"{key}/{name}"] = getattr(month, name)
    buf = io.BytesIO()
    np.savez(buf, **arrays)  # type: ignore[arg-type]
    try:
        atomic_write_bytes(data_dir / CACHE_REL, buf.getvalue())
    except StoreError:
        pass


def remove(data_dir: Path) -> None:
    try:
        os.unlink(data_dir / CACHE_REL)
    except OSError:
        pass

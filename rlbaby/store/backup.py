"""Compressed snapshots of a data folder, in `<data dir>/backups/`.

A backup is a zip of every data file plus `manifest.json` (format, schema
version, record counts, and a SHA-256 of each file so damage is detected).
"""

from __future__ import annotations

import hashlib
import os
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from rlbaby.store.atomic import TEMP_SUFFIX, atomic_write_bytes, fsync_dir
from rlbaby.store.errors import StoreError, WriteError

BACKUP_DIR = "backups"
FORMAT = "rlbaby-backup/1"
DATA_FOLDERS = ("movements", "episodes", "sleep")


class BadBackupError(StoreError):
    """The backup is damaged or not an rlbaby backup; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_ms: int
    schema_version: int
    counts: dict[str, int]
    reason: str


def data_files(data_dir: Path) -> list[Path]:
    """Every data file of the folder (meta.json and the files of movements, episodes and sleep)."""
    files = [data_dir / "meta.json"] if (data_dir / "meta.json").exists() else []
    for folder in DATA_FOLDERS:
        base = data_dir / folder
        if base.is_dir():
            files += sorted(p for p in base.glob("*.json") if not p.name.startswith("."))
    return files


def create_backup(
    data_dir: Path,
    *,
    reason: str = "auto",
    counts: dict[str, int] | None = None,
    schema_version: int | None = None,
    now_ms: int | None = None,
) -> Path:
    """Write a new backup atomically and return its path.

    Raises:
        WriteError: the backup could not be written (the data is untouched).
    """
    from rlbaby.store.store import SCHEMA_VERSION  # late: store imports backup users

    now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now_ms / 1000))
    dest_dir = data_dir / BACKUP_DIR
    dest = dest_dir / f"rlbaby-{stamp}-{reason}.zip"
    n = 1
    while dest.exists():
        dest = dest_dir / f"rlbaby-{stamp}-{reason}-{n}.zip"
        n += 1
    files: dict[str, str] = {}
    tmp = dest.with_name(dest.name + TEMP_SUFFIX)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path in data_files(data_dir):
                raw = path.read_bytes()
                name = path.relative_to(data_dir).as_posix()
                files[name] = hashlib.sha256(raw).hexdigest()
                zf.writestr(name, raw)
            manifest = {
                "format": FORMAT,
                "created_ms": now_ms,
                "schema_version": schema_version or SCHEMA_VERSION,
                "counts": counts or {},
                "reason": reason,
                "files": files,
            }
            zf.writestr("manifest.json", orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        tmp.replace(dest)
        fsync_dir(dest_dir)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteError(dest, exc) from exc
    return dest


_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    OSError,
    EOFError,
)


def _manifest(zf: zipfile.ZipFile, path: Path) -> tuple[BackupInfo, dict[str, Any]]:
    manifest: dict[str, Any] = orjson.loads(zf.read("manifest.json"))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadBackupError(f"{path.name} is not an rlbaby backup")
    info = BackupInfo(
        path=path,
        created_ms=_whole(manifest["created_ms"]),
        schema_version=_whole(manifest["schema_version"]),
        counts={str(k): _whole(v) for k, v in manifest.get("counts", {}).items()},
        reason=str(manifest.get("reason", "")),
    )
    return info, manifest


def read_backup_info(path: Path) -> BackupInfo:
    """The manifest only: cheap, for dating and thinning. It does not prove the
    backup is intact; `read_backup` (restore, the Restore list) does.

    Raises:
        BadBackupError: not a zip or no readable manifest.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            return _manifest(zf, path)[0]
    except BadBackupError:
        raise
    except _DAMAGE as exc:
        raise BadBackupError(f"{path.name} is damaged or not an rlbaby backup ({exc})") from exc


def read_backup(path: Path) -> tuple[BackupInfo, dict[str, bytes]]:
    """Open and verify a backup.

    Raises:
        BadBackupError: not a zip, no manifest, or a file that fails its checksum.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            info, manifest = _manifest(zf, path)
            contents: dict[str, bytes] = {}
            for name, digest in manifest["files"].items():
                if ".." in Path(name).parts or Path(name).is_absolute():
                    raise BadBackupError(f"{path.name} names an unsafe path {name!r}")
                raw = zf.read(name)
                if hashlib.sha256(raw).hexdigest() != digest:
                    raise BadBackupError(f"{path.name} is damaged: {name} fails its checksum")
                contents[name] = raw
    except BadBackupError:
        raise
    # zlib.error: a damaged deflate stream; AttributeError: a manifest field of
    # the wrong shape (e.g. "files" as a list).
    except _DAMAGE as exc:
        raise BadBackupError(f"{path.name} is damaged or not an rlbaby backup ({exc})") from exc
    return info, contents


def _whole(value: Any) -> int:
    if type(value) is not int:
        raise ValueError(f"a whole number was expected, not {value!r}")
    return value


def write_contents(data_dir: Path, contents: dict[str, bytes]) -> None:
    """Replace the folder's data files with `contents`, each atomically."""
    for path in data_files(data_dir):
        if path.relative_to(data_dir).as_posix() not in contents:
            path.unlink()
    for name, raw in contents.items():
        atomic_write_bytes(data_dir / name, raw)


def list_backups(data_dir: Path, verify: bool = True) -> list[BackupInfo | tuple[Path, str]]:
    """Backups newest first; a damaged one appears as (path, reason).

    Args:
        verify: check every file's checksum (what Restore shows). Without it only
            the manifests are read, which is what dating and thinning need:
            verifying decompresses every backup, seconds per backup at 200k.
    """
    out: list[BackupInfo | tuple[Path, str]] = []
    folder = data_dir / BACKUP_DIR
    if not folder.is_dir():
        return out
    # By the time in the name, then by file time: two backups made in the same
    # second differ only in a suffix, whose sort order means nothing.
    paths = [(p.name[7:22], p.stat().st_mtime_ns, p) for p in folder.glob("rlbaby-*.zip")]
    for _stamp, _mtime, path in sorted(paths, key=lambda t: t[:2], reverse=True):
        try:
            out.append(read_backup(path)[0] if verify else read_backup_info(path))
        except BadBackupError as exc:
            out.append((path, str(exc)))
    return out


def thin(stamps_ms: list[int], days: int = 7, weeks: int = 8, months: int = 12) -> set[int]:
    """Which backups to keep: the newest of each of the last 7 days, 8 ISO weeks
    and 12 months that have a backup (grandfather-father-son)."""
    keep: set[int] = set()
    ordered = sorted(stamps_ms, reverse=True)
    if not ordered:
        return keep
    keep.add(ordered[0])
    for count, key in (
        (days, lambda t: time.strftime("%Y-%m-%d", time.gmtime(t / 1000))),
        (weeks, _iso_week),
        (months, lambda t: time.strftime("%Y-%m", time.gmtime(t / 1000))),
    ):
        seen: list[str] = []
        for t in ordered:
            k = key(t)
            if k not in seen:
                if len(seen) == count:
                    break
                seen.append(k)
                keep.add(t)
    return keep


def _iso_week(t_ms: int) -> str:
    from datetime import UTC, datetime

    y, w, _ = datetime.fromtimestamp(t_ms / 1000, tz=UTC).isocalendar()
    return f"{y}-W{w:02d}"


class BackupManager:
    """Automatic backups of an open store: at most every 30 min when data changed, and on exit."""

    INTERVAL_MS = 30 * 60 * 1000

    def __init__(self, store: Any) -> None:
        self.store = store
        self._last_ms: int | None = None
        self._last_revision = store.revision
        existing = [
            b for b in list_backups(store.data_dir, verify=False) if isinstance(b, BackupInfo)
        ]
        if existing:
            self._last_ms = existing[0].created_ms

    @property
    def data_dir(self) -> Path:
        return Path(self.store.data_dir)

    def due(self, now_ms: int) -> bool:
        changed = self.store.revision != self._last_revision
        return changed and (self._last_ms is None or now_ms - self._last_ms >= self.INTERVAL_MS)

    def maybe_backup(self, now_ms: int | None = None, force: bool = False) -> Path | None:
        now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
        if not (self.due(now_ms) or (force and self.store.revision != self._last_revision)):
            return None
        return self.backup_now(now_ms=now_ms)

    def backup_now(self, reason: str = "auto", now_ms: int | None = None) -> Path:
        now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
        path = create_backup(
            self.data_dir, reason=reason, counts=self.store.counts(), now_ms=now_ms
        )
        self._last_ms = now_ms
        self._last_revision = self.store.revision
        self.prune()
        return path

    def prune(self) -> list[Path]:
        infos = [b for b in list_backups(self.data_dir, verify=False) if isinstance(b, BackupInfo)]
        keep = thin([b.created_ms for b in infos])
        removed = []
        for b in infos:
            if b.created_ms not in keep:
                b.path.unlink(missing_ok=True)
                removed.append(b.path)
        return removed


def restore_backup(data_dir: Path, backup: Path) -> Path:
    """Replace the folder's data with `backup`, after backing up the current state.

    The folder must not be open elsewhere (the lock is taken here).

    Raises:
        BadBackupError: damaged or foreign backup; the data is untouched.
        NewerVersionError: the backup is from a newer rlbaby.
        LockedError: the app is running on this folder.
    """
    from rlbaby.store.errors import NewerVersionError
    from rlbaby.store.lock import DataDirLock
    from rlbaby.store.store import SCHEMA_VERSION

    info, contents = read_backup(Path(backup))
    if info.schema_version > SCHEMA_VERSION:
        raise NewerVersionError(backup, info.schema_version, SCHEMA_VERSION)
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        safety = create_backup(data_dir, reason="before-restore")
        write_contents(data_dir, contents)
    finally:
        lock.release()
    return safety

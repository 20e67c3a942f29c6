"""Compressed snapshots of a data folder, in `<data dir>/backups/`.

A backup is a zip of every data file plus `manifest.json` (format, schema
version, record counts, and a SHA-256 of each file so damage is detected).
This module writes, lists and thins them; the format and its reading (a
backup is read as hostile input) are `backup_format.py`, restoring one is
`restore.py`.
"""

from __future__ import annotations

import hashlib
import logging
import time
import zipfile
from pathlib import Path
from typing import Any

import orjson

from rlbaby.store import osfs
from rlbaby.store.atomic import TEMP_SUFFIX
from rlbaby.store.backup_format import DATA_FOLDERS, DATA_NAME, FORMAT, MANIFEST

# What callers of the backup API use, kept importable from here:
from rlbaby.store.backup_format import BackupInfo as BackupInfo
from rlbaby.store.backup_format import BadBackupError as BadBackupError
from rlbaby.store.backup_format import read_backup as read_backup
from rlbaby.store.backup_format import read_backup_info as read_backup_info
from rlbaby.store.backup_format import verify_backup as verify_backup
from rlbaby.store.errors import StoreError, WriteError, why
from rlbaby.store.schema import SCHEMA_VERSION
from rlbaby.store.taplog import HEADER_LEN, LOG_NAME
from rlbaby.store.thinning import backups_to_keep as backups_to_keep
from rlbaby.store.thinning import thin as thin

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"


def data_files(data_dir: Path) -> list[Path]:
    """Every data file of the folder: meta.json, the tap log when it holds
    saves, and the movement, episode and sleep files named as the store names
    them (a stray file is not data)."""
    files = [data_dir / "meta.json"] if (data_dir / "meta.json").is_file() else []
    taps = data_dir / LOG_NAME
    try:
        if taps.is_file() and taps.stat().st_size > HEADER_LEN:
            files.append(taps)  # saves not yet folded into the files below
    except OSError:
        pass  # gone between the two looks: nothing in it to keep
    for folder in DATA_FOLDERS:
        base = data_dir / folder
        if base.is_dir():
            files += sorted(
                p
                for p in base.glob("*.json")
                if DATA_NAME.fullmatch(f"{folder}/{p.name}") and p.is_file()
            )
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
        with open(tmp, "xb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
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
                zf.writestr(MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
            fh.flush()
            osfs.fsync(fh.fileno())
        osfs.replace(tmp, dest)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # swept as a temp file at the next start
        raise WriteError(dest, exc) from exc
    try:
        osfs.fsync_dir(dest_dir)
    except OSError as exc:
        # The backup is whole and in place: reporting a failure now would be
        # false. Only the rename's survival of a power cut is less certain.
        log.warning("Backup %s written, but its folder could not be synced: %s", dest, why(exc))
    return dest


def list_backups(
    data_dir: Path, verify: bool = True, now_ms: int | None = None
) -> list[BackupInfo | tuple[Path, str]]:
    """Backups newest first; a damaged one appears as (path, reason).

    Backups dated in the future (made while the clock was set ahead) come
    last, so "the latest backup" is never one from a wrong clock.

    Args:
        verify: check every file's checksum (what Restore shows). Without it only
            the manifests are read, which is what dating and thinning need:
            verifying decompresses every backup, seconds per backup at 200k.
    """
    now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
    out: list[BackupInfo | tuple[Path, str]] = []
    folder = data_dir / BACKUP_DIR
    if not folder.is_dir():
        return out
    # By the time in the name, then by file time: two backups made in the same
    # second differ only in a suffix, whose sort order means nothing.
    paths = []
    for p in folder.glob("rlbaby-*.zip"):
        try:
            paths.append((p.name[7:22], p.stat().st_mtime_ns, p))
        except OSError:
            continue  # removed meanwhile
    for _stamp, _mtime, path in sorted(paths, key=lambda t: t[:2], reverse=True):
        try:
            out.append(verify_backup(path) if verify else read_backup_info(path))
        except BadBackupError as exc:
            out.append((path, str(exc)))
    future = [b for b in out if isinstance(b, BackupInfo) and b.in_future(now_ms)]
    return [b for b in out if b not in future] + future


def latest_backup(data_dir: Path, now_ms: int | None = None) -> BackupInfo | None:
    """The newest readable backup not dated in the future (manifests only)."""
    for b in list_backups(data_dir, verify=False, now_ms=now_ms):
        if isinstance(b, BackupInfo) and not b.in_future(now_ms):
            return b
    return None


class BackupManager:
    """Automatic backups of an open store: at most every 30 min when data changed, and on exit."""

    INTERVAL_MS = 30 * 60 * 1000

    def __init__(self, store: Any, since_revision: int | None = None) -> None:
        """`since_revision`: the store's revision the data on disk was at when
        the app opened it (default: now); a change after it is backed up."""
        self.store = store
        self._last_ms: int | None = None
        self._last_revision = store.revision if since_revision is None else since_revision
        latest = latest_backup(store.data_dir, now_ms=store.now_ms())
        if latest is not None:
            self._last_ms = latest.created_ms
        # Backups thinning must leave alone (the one a restore is about to read).
        self.protect: set[Path] = set()

    @property
    def data_dir(self) -> Path:
        return Path(self.store.data_dir)

    def due(self, now_ms: int) -> bool:
        changed = self.store.revision != self._last_revision
        if not changed:
            return False
        if self._last_ms is None or now_ms < self._last_ms:
            return True  # no backup yet, or the last one is "after now": the clock went back
        return now_ms - self._last_ms >= self.INTERVAL_MS

    def maybe_backup(self, now_ms: int | None = None, force: bool = False) -> Path | None:
        now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
        if not (self.due(now_ms) or (force and self.store.revision != self._last_revision)):
            return None
        return self.backup_now(now_ms=now_ms)

    def backup_now(self, reason: str = "auto", now_ms: int | None = None) -> Path:
        now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
        if not self.store.readonly:
            try:
                # Fold the tap log into the files first: a backup of whole
                # files restores in any format-2 rlbaby without a replay.
                self.store.checkpoint()
            except StoreError as exc:
                log.warning("backing up with the tap log as it is: %s", exc)
        path = create_backup(
            self.data_dir, reason=reason, counts=self.store.counts(), now_ms=now_ms
        )
        self._last_ms = now_ms
        self._last_revision = self.store.revision
        self.prune(now_ms)
        return path

    def prune(self, now_ms: int | None = None) -> list[Path]:
        now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
        infos = [
            b
            for b in list_backups(self.data_dir, verify=False, now_ms=now_ms)
            if isinstance(b, BackupInfo)
        ]
        keep = backups_to_keep(infos, now_ms, frozenset(self.protect))
        removed = []
        for b in infos:
            if b.path not in keep:
                try:
                    b.path.unlink(missing_ok=True)
                except OSError:
                    continue  # thinning is housekeeping; a refusal costs only space
                removed.append(b.path)
        return removed

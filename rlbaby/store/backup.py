"""Compressed snapshots of a data folder, in `<data dir>/backups/`.

A backup is a zip of every data file plus `manifest.json` (format, schema
version, record counts, and a SHA-256 of each file so damage is detected).
Restoring one lives in `restore.py`; this module writes, lists, checks and
thins them.

A backup is read as hostile: only the names this format writes are accepted
(`DATA_NAME`), each member's size and compression ratio are bounded before
it is decompressed, and the manifest is read with a size cap, so a crafted
zip can neither write outside the data files nor use gigabytes of memory
when the backups are merely listed.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from rlbaby.store import osfs, zipsafe
from rlbaby.store.atomic import TEMP_SUFFIX
from rlbaby.store.errors import StoreError, WriteError, why
from rlbaby.store.thinning import backups_to_keep as backups_to_keep
from rlbaby.store.thinning import thin as thin

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
FORMAT = "rlbaby-backup/1"
DATA_FOLDERS = ("movements", "episodes", "sleep")
MANIFEST = "manifest.json"

# The data files of this format, exactly as the store names them (shards.py):
# movements per ten days (2026-11-21) or per month (0.1's 2026-11), episodes
# and sleep per month. Nothing else is ever backed up or restored.
_MONTH = r"\d{4}-(?:0[1-9]|1[0-2])"
DATA_NAME = re.compile(
    rf"meta\.json|movements/{_MONTH}(?:-(?:01|11|21))?\.json|(?:episodes|sleep)/{_MONTH}\.json"
)

# Bounds, far above real data: 200k movements over five years make ~180 files
# of at most ~1 MB, which deflate 5-15 times.
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024

# A backup dated more than this after "now" was made with a clock set ahead.
FUTURE_SLACK_MS = 5 * 60 * 1000


class BadBackupError(StoreError):
    """The backup is damaged or not an rlbaby backup; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_ms: int
    schema_version: int
    counts: dict[str, int]
    reason: str

    def in_future(self, now_ms: int | None = None) -> bool:
        """Dated after now: written while the clock was set ahead."""
        now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
        return self.created_ms > now_ms + FUTURE_SLACK_MS


def data_files(data_dir: Path) -> list[Path]:
    """Every data file of the folder: meta.json and the movement, episode and
    sleep files named as the store names them (a stray file is not data)."""
    files = [data_dir / "meta.json"] if (data_dir / "meta.json").is_file() else []
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


# zlib.error: a damaged deflate stream; AttributeError: a manifest field of the
# wrong shape (e.g. "files" as a list); RuntimeError: an encrypted member;
# NotImplementedError: a compression method zipfile lacks.
DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
)


_BOUNDS = zipsafe.Bounds(
    kind="backup",
    members=MAX_MEMBERS + 1,
    member_bytes=MAX_MEMBER_BYTES,
    total_bytes=MAX_TOTAL_BYTES,
    special={MANIFEST: MAX_MANIFEST_BYTES},
)


def _refuser(path: Path) -> zipsafe.Refuse:
    return lambda problem: BadBackupError(f"{path.name}: {problem}")


def _name_problem(name: str) -> str | None:
    if name != MANIFEST and not DATA_NAME.fullmatch(name):
        return f"holds {name!r}, which is not an rlbaby data file"
    return None


def check_members(zf: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    """The zip's members by name, after refusing anything this format never writes.

    Raises:
        BadBackupError: a name that is not a data file of this format (with the
            name), a duplicate, a link or folder entry, or a size or ratio past
            the bounds (rlbaby.store.zipsafe).
    """
    return zipsafe.check_members(zf, _BOUNDS, _refuser(path), _name_problem)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """A member's bytes, never more than its bound (see zipsafe.read_member)."""
    return zipsafe.read_member(zf, info, _BOUNDS, _refuser(path))


def open_manifest(
    zf: zipfile.ZipFile, path: Path
) -> tuple[BackupInfo, dict[str, str], dict[str, zipfile.ZipInfo]]:
    """Check the members, read the manifest, and match its list to the members.

    Returns:
        The backup's info, its {name: sha256} and its members by name.
    """
    members = check_members(zf, path)
    if MANIFEST not in members:
        raise KeyError("there is no manifest.json")
    manifest = orjson.loads(read_member(zf, members[MANIFEST], path))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadBackupError(f"{path.name} is not an rlbaby backup")
    files = manifest["files"]
    if not isinstance(files, dict):
        raise TypeError("the manifest's file list is not a mapping")
    for name, digest in files.items():
        if not DATA_NAME.fullmatch(name):
            raise BadBackupError(f"{path.name} lists {name!r}, which is not an rlbaby data file")
        if type(digest) is not str:
            raise TypeError(f"the checksum of {name} is {digest!r}")
        if name not in members:
            raise KeyError(f"{name} is listed but missing")
    extra = sorted(set(members) - set(files) - {MANIFEST})
    if extra:
        raise BadBackupError(f"{path.name} holds {extra[0]!r}, which its manifest does not list")
    counts = manifest.get("counts", {})
    info = BackupInfo(
        path=path,
        created_ms=_whole(manifest["created_ms"]),
        schema_version=_whole(manifest["schema_version"]),
        counts={str(k): _whole(v) for k, v in counts.items()},
        reason=str(manifest.get("reason", "")),
    )
    return info, files, members


def _damaged(path: Path, exc: BaseException) -> BadBackupError:
    return BadBackupError(f"{path.name} is damaged or not an rlbaby backup ({exc})")


def read_backup_info(path: Path) -> BackupInfo:
    """The manifest only: cheap, for dating and thinning. It does not prove the
    backup is intact; `verify_backup` (restore, the Restore list) does.

    Raises:
        BadBackupError: not a zip, no readable manifest, or a name or size this
            format never writes.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            return open_manifest(zf, path)[0]
    except BadBackupError:
        raise
    except DAMAGE as exc:
        raise _damaged(path, exc) from exc


def verify_backup(path: Path) -> BackupInfo:
    """Check every member against its checksum, one member in memory at a time.

    Raises:
        BadBackupError: not a zip, no manifest, a foreign name, or a file that
            fails its checksum.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            info, files, members = open_manifest(zf, path)
            for name, digest in files.items():
                if hashlib.sha256(read_member(zf, members[name], path)).hexdigest() != digest:
                    raise BadBackupError(f"{path.name} is damaged: {name} fails its checksum")
    except BadBackupError:
        raise
    except DAMAGE as exc:
        raise _damaged(path, exc) from exc
    return info


def read_backup(path: Path) -> tuple[BackupInfo, dict[str, bytes]]:
    """Open and verify a backup, and return its files' bytes.

    Raises:
        BadBackupError: as `verify_backup`.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            info, files, members = open_manifest(zf, path)
            contents: dict[str, bytes] = {}
            for name, digest in files.items():
                raw = read_member(zf, members[name], path)
                if hashlib.sha256(raw).hexdigest() != digest:
                    raise BadBackupError(f"{path.name} is damaged: {name} fails its checksum")
                contents[name] = raw
    except BadBackupError:
        raise
    except DAMAGE as exc:
        raise _damaged(path, exc) from exc
    return info, contents


def _whole(value: Any) -> int:
    if type(value) is not int:
        raise ValueError(f"a whole number was expected, not {value!r}")
    return value


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

    def __init__(self, store: Any) -> None:
        self.store = store
        self._last_ms: int | None = None
        self._last_revision = store.revision
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


def restore_backup(data_dir: Path, backup: Path) -> Path:
    """Replace the folder's data with `backup`; see `rlbaby.store.restore`."""
    from rlbaby.store.restore import restore_backup as restore

    return restore(data_dir, backup)

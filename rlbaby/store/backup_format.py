"""The backup format: its names and bounds, and reading one back as hostile input.

A backup is a zip of every data file plus `manifest.json` (format, schema
version, record counts, and a SHA-256 of each file so damage is detected).
Only the names this format writes are accepted (`DATA_NAME`), each member's
size and compression ratio are bounded before it is decompressed, and the
manifest is read with a size cap, so a crafted zip can neither write outside
the data files nor use gigabytes of memory when the backups are merely listed.
Writing and listing backups is `backup.py`; restoring one is `restore.py`.
"""

from __future__ import annotations

import hashlib
import re
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from rlbaby.store import zipsafe
from rlbaby.store.errors import StoreError

FORMAT = "rlbaby-backup/1"
DATA_FOLDERS = ("movements", "episodes", "sleep")
MANIFEST = "manifest.json"

# The data files of this format, exactly as the store names them (shards.py):
# movements per day (2026-11-21d), per ten days (0.2.0's 2026-11-21) or per
# month (0.1's 2026-11), episodes and sleep per month, and the tap log. Nothing else is ever
# backed up or restored.
_MONTH = r"\d{4}-(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01])d"
DATA_NAME = re.compile(
    rf"meta\.json|movements/{_MONTH}(?:-(?:01|11|21|{_DAY}))?\.json"
    rf"|(?:episodes|sleep)/{_MONTH}\.json"
    r"|taps\.log"  # format 2's tap log (taplog.py): the saves since the files were rewritten
)

# Bounds, far above real data: 200k movements over five years make ~1,900
# files of at most ~200 KB, which deflate 5-15 times.
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

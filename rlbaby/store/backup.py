"""Compressed snapshots of a data folder, in `<data dir>/backups/`.

A backup is a zip of every data file plus `manifest.json` (format, schema
version, record counts, and a SHA-256 of each file so damage is detected).
"""

from __future__ import annotations

import hashlib
import time
import zipfile
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
    """Every data file of the folder (meta.json and the monthly files)."""
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
            import os

            os.fsync(fh.fileno())
        tmp.replace(dest)
        fsync_dir(dest_dir)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteError(dest, exc) from exc
    return dest


def read_backup(path: Path) -> tuple[BackupInfo, dict[str, bytes]]:
    """Open and verify a backup.

    Raises:
        BadBackupError: not a zip, no manifest, or a file that fails its checksum.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            manifest: dict[str, Any] = orjson.loads(zf.read("manifest.json"))
            if manifest.get("format") != FORMAT:
                raise BadBackupError(f"{path.name} is not an rlbaby backup")
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
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise BadBackupError(f"{path.name} is damaged or not an rlbaby backup ({exc})") from exc
    info = BackupInfo(
        path=path,
        created_ms=int(manifest["created_ms"]),
        schema_version=int(manifest["schema_version"]),
        counts={k: int(v) for k, v in manifest.get("counts", {}).items()},
        reason=str(manifest.get("reason", "")),
    )
    return info, contents


def write_contents(data_dir: Path, contents: dict[str, bytes]) -> None:
    """Replace the folder's data files with `contents`, each atomically."""
    for path in data_files(data_dir):
        if path.relative_to(data_dir).as_posix() not in contents:
            path.unlink()
    for name, raw in contents.items():
        atomic_write_bytes(data_dir / name, raw)

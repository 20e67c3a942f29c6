"""Restore a backup: all or nothing, and never the last copy.

1. Check: the folder must not be from a newer rlbaby; the backup's members
   must be data files of this format (`backup.DATA_NAME`), within the size
   bounds, matching their checksums, and parse as the store parses them,
   with every reference (movement -> episode and child, episode and sleep ->
   child) pointing at a record the backup holds, and a schema version no
   newer than this app's in the manifest and in meta.json.
2. Stage: each file is written, fsynced, into `<data>/.restore-staging/new/`
   as it is checked, so memory holds one file at a time. A refusal or a full
   disk here removes the staging folder; the data was never touched.
3. Keep the current data as a "before-restore" backup.
4. Commit: write the journal `<data>/.restore-journal` (atomically). From this
   moment the restore rolls forward: the new data is complete and durable.
5. Swap: for meta.json, movements/, episodes/, sleep/ and taps.log in turn
   (a backup without a log gets an empty one, so the folder's own goes), rename the
   current one into `.restore-staging/old/` and the staged one into place.
   Then the column cache goes, the journal goes, and the staging folder.

`finish_interrupted_restore`, called by `Store.open` under the folder lock,
completes step 5 when a journal is found (kill -9, power cut, a disk error
between renames) or removes a staging folder that has no journal (the old
data stayed). The folder therefore opens as exactly the old data or exactly
the restored data.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from rlbaby.model import Episode, Movement
from rlbaby.store import codec, colcache, osfs, taplog
from rlbaby.store.atomic import atomic_write_bytes, parse_tinydb_json, write_synced
from rlbaby.store.backend import FileBackend
from rlbaby.store.backup import create_backup
from rlbaby.store.backup_format import (
    DAMAGE,
    DATA_FOLDERS,
    BackupInfo,
    BadBackupError,
    open_manifest,
    read_member,
)
from rlbaby.store.errors import CorruptFileError, NewerVersionError, StoreError, WriteError, why
from rlbaby.store.lock import DataDirLock
from rlbaby.store.movement_check import check_movement_docs
from rlbaby.store.restore_marks import JOURNAL, STAGING  # the marks every open looks for
from rlbaby.store.schema import SCHEMA_VERSION, check_version, meta_version, single
from rlbaby.store.taplog import LOG_NAME
from rlbaby.store.tapreplay import decode_step

log = logging.getLogger(__name__)

ITEMS = ("meta.json", *DATA_FOLDERS, LOG_NAME)
_META_TABLES = frozenset({"meta", "settings", "children"})


class RestoreInterruptedError(StoreError):
    """The swap stopped half-way; the journal makes the next open finish it."""


class _Refs:
    """What the backup's records point at, to check once every file is read."""

    def __init__(self) -> None:
        self.children: set[str] = set()
        self.episodes: set[str] = set()
        self.points: list[tuple[str, str, str, str]] = []  # (file, record, kind, id)

    def check(self, backup: Path) -> None:
        known = {"child": self.children, "episode": self.episodes}
        for where, rid, kind, target in self.points:
            if target not in known[kind]:
                raise BadBackupError(
                    f"{backup.name} is damaged: in {where}, record {rid!r} points at "
                    f"{kind} {target!r}, which the backup does not hold"
                )


def _check_file(name: str, raw: bytes, refs: _Refs, backup: Path) -> None:
    """Parse one data file as the store would, and note its references.

    Raises:
        BadBackupError: not a TinyDB file of this kind, or a malformed record.
        NewerVersionError: meta.json says a newer schema.
    """
    if name == LOG_NAME:
        _check_taplog(raw, refs, backup)
        return
    try:
        data = parse_tinydb_json(raw, name)
        folder = name.split("/")[0] if "/" in name else ""
        tables = _META_TABLES if not folder else frozenset({folder})
        strange = sorted(set(data) - tables)
        if strange:
            raise ValueError(f"it holds a table {strange[0]!r} that rlbaby never writes")
        if not folder:
            version = meta_version(single(data, "meta") or {})
            if version > SCHEMA_VERSION:
                raise NewerVersionError(backup, version, SCHEMA_VERSION)
            codec.settings_from_doc(single(data, "settings") or {})
            for doc in data.get("children", {}).values():
                refs.children.add(codec.child_from_doc(doc).id)
            return
        docs: list[Mapping[str, Any]] = list(data.get(folder, {}).values())
        if folder == "movements":
            check_movement_docs(docs, name)
            for d in docs:
                refs.points.append((name, d["id"], "child", d["child"]))
                refs.points.append((name, d["id"], "episode", d["episode"]))
            return
        decode = codec.episode_from_doc if folder == "episodes" else codec.sleep_from_doc
        for d in docs:
            rec = decode(d)
            refs.points.append((name, rec.id, "child", rec.child_id))
            if folder == "episodes":
                refs.episodes.add(rec.id)
    except CorruptFileError as exc:
        raise BadBackupError(f"{backup.name} is damaged: {name}: {exc.reason}") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise BadBackupError(
            f"{backup.name} is damaged: {name} holds a malformed record "
            f"({type(exc).__name__}: {exc})"
        ) from exc


def _check_taplog(raw: bytes, refs: _Refs, backup: Path) -> None:
    """Check a backed-up tap log as an open replays it, and note its references.
    A last line cut short is allowed (the backup was taken mid-save); any
    other bad line is damage.

    Raises:
        BadBackupError: not a tap log, or a bad line.
        NewerVersionError: a newer rlbaby wrote it.
    """
    try:
        got = taplog.parse(raw)
        if got.damaged:
            raise ValueError(got.damaged[0])
        for step in got.steps:
            for rec in decode_step(step):
                if isinstance(rec, Movement):
                    refs.points.append((LOG_NAME, rec.id, "episode", rec.episode_id))
                elif isinstance(rec, Episode):
                    refs.episodes.add(rec.id)
                refs.points.append((LOG_NAME, rec.id, "child", rec.child_id))
    except ValueError as exc:
        raise BadBackupError(f"{backup.name} is damaged: {LOG_NAME}: {exc}") from exc


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def stage(data_dir: Path, backup: Path) -> BackupInfo:
    """Check the whole backup and write it, fsynced, under the staging folder.

    Raises:
        BadBackupError, NewerVersionError: the backup is refused; the staging
            folder is removed and the data was not touched.
        WriteError: the disk refused; likewise.
    """
    if not backup.is_file():
        raise BadBackupError(f"There is no backup file at {backup}")
    staging = data_dir / STAGING
    new = staging / "new"
    try:
        _remove(staging)
        for folder in DATA_FOLDERS:
            (new / folder).mkdir(parents=True)
    except OSError as exc:
        raise WriteError(staging, exc) from exc
    try:
        refs = _Refs()
        try:
            with zipfile.ZipFile(backup) as zf:
                info, files, members = open_manifest(zf, backup)
                if info.schema_version > SCHEMA_VERSION:
                    raise NewerVersionError(backup, info.schema_version, SCHEMA_VERSION)
                if "meta.json" not in files:
                    raise BadBackupError(f"{backup.name} is damaged: it holds no meta.json")
                # meta.json first: a newer version is refused before anything else.
                for name in sorted(files, key=lambda n: (n != "meta.json", n)):
                    raw = read_member(zf, members[name], backup)
                    if hashlib.sha256(raw).hexdigest() != files[name]:
                        raise BadBackupError(f"{backup.name} is damaged: {name} fails its checksum")
                    _check_file(name, raw, refs, backup)
                    try:
                        write_synced(new / name, raw)
                    except OSError as exc:
                        raise WriteError(data_dir / name, exc) from exc
        except (BadBackupError, NewerVersionError, WriteError):
            raise
        except DAMAGE as exc:
            raise BadBackupError(
                f"{backup.name} is damaged or not an rlbaby backup ({exc})"
            ) from exc
        refs.check(backup)
        try:
            if not (new / LOG_NAME).exists():
                # Always one: the swap must replace the folder's own log too.
                write_synced(new / LOG_NAME, taplog.new_header())
            for folder in DATA_FOLDERS:
                osfs.fsync_dir(new / folder)
            osfs.fsync_dir(new)
            osfs.fsync_dir(staging)
            osfs.fsync_dir(data_dir)
        except OSError as exc:
            raise WriteError(staging, exc) from exc
    except BaseException:
        _discard_staging(data_dir)
        raise
    return info


def _discard_staging(data_dir: Path) -> None:
    try:
        _remove(data_dir / STAGING)
    except OSError as exc:
        # Left for the next open to remove; without a journal it is never read.
        log.warning("could not remove the restore staging folder: %s", exc)


def _roll_forward(data_dir: Path) -> None:
    """Step 5, from wherever it stopped. Each item's two renames leave it in
    one of three states (old in place; neither; new in place), and every
    state moves on to the next, so running this again is always safe."""
    staging = data_dir / STAGING
    new, old = staging / "new", staging / "old"
    old.mkdir(exist_ok=True)
    for item in ITEMS:
        if not os.path.lexists(new / item):
            continue  # already in place
        if os.path.lexists(data_dir / item):
            if os.path.lexists(old / item):
                _remove(old / item)  # cannot happen in order; a stale leftover
            osfs.replace(data_dir / item, old / item)
            osfs.fsync_dir(old)
        osfs.replace(new / item, data_dir / item)
        osfs.fsync_dir(data_dir)
    # The column snapshot describes the old movement files; it is only a cache.
    colcache.remove(data_dir)
    (data_dir / JOURNAL).unlink(missing_ok=True)
    osfs.fsync_dir(data_dir)
    _discard_staging(data_dir)


def finish_interrupted_restore(data_dir: Path, readonly: bool = False) -> str | None:
    """Complete a restore that stopped after its commit, or drop one that
    stopped before. Called by Store.open with the folder lock held; a
    read-only open cannot finish it, so it is refused until the writer has.

    Returns:
        A sentence for the log when a restore was finished, else None.

    Raises:
        StoreError: the disk refused the renames; the journal stays, and the
            next open tries again.
    """
    journal = data_dir / JOURNAL
    if readonly:
        if journal.exists():
            raise StoreError(
                f"A restore into {data_dir} is under way or was interrupted. Open the "
                "folder normally (not read-only) to let rlbaby finish it."
            )
        return None
    if not journal.exists():
        if os.path.lexists(data_dir / STAGING):
            _discard_staging(data_dir)  # a restore that never committed
        return None
    try:
        note = orjson.loads(journal.read_bytes())
        _roll_forward(data_dir)
    except (OSError, orjson.JSONDecodeError) as exc:
        raise StoreError(
            f"A restore into {data_dir} was interrupted and cannot be finished yet "
            f"({exc}). The restored copy is kept beside your data; rlbaby will finish "
            "it when the folder can be written."
        ) from exc
    message = f"finished the interrupted restore of {note.get('backup', 'a backup')}"
    log.info(message)
    return message


def restore_backup(data_dir: Path, backup: Path) -> Path:
    """Replace the folder's data with `backup`, after backing up the current state.

    The folder must not be open elsewhere (the lock is taken here).

    Returns:
        The "before-restore" backup of the data as it was.

    Raises:
        BadBackupError: damaged or foreign backup; the data is untouched.
        NewerVersionError: the backup, or the folder, is from a newer rlbaby.
        LockedError: the app is running on this folder.
        WriteError: the disk refused before the swap; the data is untouched.
        RestoreInterruptedError: the disk refused during the swap; the next
            open finishes the restore.
    """
    data_dir = Path(data_dir).expanduser()
    backup = Path(backup)
    if data_dir.is_dir():
        check_version(FileBackend(data_dir, readonly=True))  # before the lock file is written
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the data folder {data_dir}: {why(exc)}") from exc
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        finish_interrupted_restore(data_dir)
        check_version(FileBackend(data_dir, readonly=True))
        info = stage(data_dir, backup)
        try:
            safety = create_backup(data_dir, reason="before-restore")
            note = {"backup": backup.name, "created_ms": info.created_ms, "safety": safety.name}
            atomic_write_bytes(data_dir / JOURNAL, orjson.dumps(note))
        except BaseException:
            _discard_staging(data_dir)
            raise
        try:
            _roll_forward(data_dir)
        except OSError as exc:
            raise RestoreInterruptedError(
                f"The restore of {backup.name} could not finish: {why(exc)}. The restored "
                "copy is complete and kept beside your data; rlbaby finishes the restore "
                f"the next time it opens this folder. Your data from before was saved as "
                f"{safety.name}."
            ) from exc
    finally:
        lock.release()
    return safety

"""All or nothing across crashes: stage every new file, journal the renames, rename.

One atomic rename replaces one file, but a batch (an import) rewrites many:
a kill -9 between two of them used to leave half an import. So a journalled
batch writes nothing in place. Each new file version is written whole into
`<data dir>/.incoming/` and fsynced; then one small journal listing the
renames is written atomically; only then are the files renamed into place.

- A crash before the journal is durable leaves the folder as it was; the
  staged files are swept at the next open.
- A crash after it is finished at the next open (`finish_pending`): each
  staged file still there is renamed into place. That is idempotent, so a
  crash while finishing is finished the same way.

The journal also keeps what each target file was before (inode, size, mtime):
a staged file replaces its target only if the target is still that file, so a
later save of the same file (made while this process kept the batch's records
in memory) is never overwritten by the older staged copy.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

import orjson

from rlbaby.store import osfs
from rlbaby.store.atomic import staged_writes, write_synced
from rlbaby.store.errors import LockedError, StoreError, WriteError, why
from rlbaby.store.lock import DataDirLock

log = logging.getLogger(__name__)

STAGE_DIR = ".incoming"
JOURNAL = "journal.json"
FORMAT = "rlbaby-journal/1"
# The files a batch may rewrite, relative to the data folder.
_FOLDERS = frozenset({"movements", "episodes", "sleep"})


class UnfinishedCommitError(StoreError):
    """The batch is decided (its journal is on disk) but not all files are in place.

    Memory holds the new records; the next open of the folder finishes the files.
    """


def _identity(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _target_ok(rel: Any) -> bool:
    """A journal names only data files of the folder (never `..`, never elsewhere)."""
    if not isinstance(rel, str):
        return False
    parts = PurePosixPath(rel).parts
    if parts == ("meta.json",):
        return True
    return (
        len(parts) == 2
        and parts[0] in _FOLDERS
        and parts[1].endswith(".json")
        and not parts[1].startswith(".")
    )


class Batch:
    """The files of one journalled batch, staged until `commit`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.stage_dir = self.data_dir / STAGE_DIR
        self.staged: dict[str, str] = {}  # target (relative, posix) -> staged file name
        self.unfinished: OSError | None = None
        self._names = itertools.count()
        self._root = os.path.realpath(self.data_dir)

    def _relative(self, path: Path) -> str | None:
        rel = os.path.relpath(os.path.realpath(path), self._root).replace(os.sep, "/")
        return rel if _target_ok(rel) else None

    def stage(self, path: Path, data: bytes) -> bool:
        """Write `data` as the next version of `path`, staged. False: not ours."""
        rel = self._relative(path)
        if rel is None:
            return False
        name = f"{next(self._names)}.json"
        try:
            self.stage_dir.mkdir(exist_ok=True)
            write_synced(self.stage_dir / name, data)
        except OSError as exc:
            try:
                (self.stage_dir / name).unlink(missing_ok=True)
            except OSError:
                pass  # swept at the next open
            raise WriteError(path, exc) from exc
        old = self.staged.get(rel)
        self.staged[rel] = name
        if old is not None:  # a file written twice in one batch: the later copy wins
            try:
                (self.stage_dir / old).unlink()
            except OSError:
                pass  # not in the journal, so swept at the next open
        return True

    def commit(self) -> None:
        """Make the batch durable, then put its files in place.

        Raises:
            WriteError: the journal could not be written; the folder is as it
                was, and the caller undoes the batch in memory.

        After the journal is durable nothing is raised: a rename that fails is
        noted in `unfinished` (the caller says so), and finished at next open.
        """
        if not self.staged:
            return
        journal = self.stage_dir / JOURNAL
        renames = [
            [name, rel, _identity(self.data_dir / rel)] for rel, name in sorted(self.staged.items())
        ]
        doc = orjson.dumps({"format": FORMAT, "renames": renames})
        tmp = self.stage_dir / f"{JOURNAL}.tmp"
        try:
            # The staged files' names, and the staging folder's own, are durable.
            osfs.fsync_dir(self.stage_dir)
            osfs.fsync_dir(self.data_dir)
            tmp.unlink(missing_ok=True)
            write_synced(tmp, doc)
            osfs.replace(tmp, journal)
            osfs.fsync_dir(self.stage_dir)
        except OSError as exc:
            for p in (tmp, journal):
                try:
                    p.unlink(missing_ok=True)
                except OSError:
                    pass  # the staged files are swept, so a journal left names none
            raise WriteError(self.data_dir, exc) from exc
        # The batch is decided: from here on, only forward.
        try:
            _roll_forward(self.data_dir, renames)
        except OSError as exc:
            log.warning("could not finish a batch in %s: %s", self.data_dir, exc)
            self.unfinished = exc

    def discard(self) -> None:
        """Remove the staged files of a batch that was not committed."""
        _sweep(self.stage_dir)

    def unfinished_error(self) -> UnfinishedCommitError | None:
        if self.unfinished is None:
            return None
        return UnfinishedCommitError(
            f"The import is saved but could not be put fully in place in {self.data_dir} "
            f"({why(self.unfinished)}); it will be finished the next time the data folder "
            "is opened."
        )


@contextmanager
def journalled(data_dir: Path) -> Iterator[Batch]:
    """Stage every atomic write to the data folder made inside the block.

    Call `batch.commit()` inside the block (Store.save_many's `commit`) once
    everything is written; whatever was not committed is discarded.
    """
    batch = Batch(data_dir)
    try:
        with staged_writes(batch.stage):
            yield batch
    finally:
        if batch.unfinished is None:
            batch.discard()  # committed (nothing left) or not committed


def _roll_forward(data_dir: Path, renames: list[list[Any]]) -> None:
    """Rename each staged file still present over its target, if the target is
    still the file it was when the journal was written; then drop the journal."""
    stage_dir = data_dir / STAGE_DIR
    folders = set()
    made = False
    for name, rel, before in renames:
        staged = stage_dir / name
        if not staged.exists():
            continue  # renamed before a crash
        target = data_dir / rel
        if _identity(target) != before:
            # Written since by a save that held the batch in memory: it is newer.
            staged.unlink()
            continue
        if not target.parent.is_dir():
            target.parent.mkdir()
            made = True
        osfs.replace(staged, target)
        folders.add(target.parent)
    if made:
        folders.add(data_dir)
    for folder in sorted(folders):
        osfs.fsync_dir(folder)
    (stage_dir / JOURNAL).unlink(missing_ok=True)
    osfs.fsync_dir(stage_dir)
    _sweep(stage_dir)


def _sweep(stage_dir: Path) -> None:
    """Remove what a batch left in `stage_dir` (never its journal's files: the
    journal goes first, in `_roll_forward`)."""
    try:
        for p in stage_dir.iterdir():
            if p.name != JOURNAL:
                p.unlink(missing_ok=True)
        stage_dir.rmdir()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not tidy %s: %s", stage_dir, exc)


def _read_journal(path: Path) -> list[list[Any]] | None:
    try:
        doc = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        log.warning("ignoring an unreadable journal %s: %s", path, exc)
        return None
    renames = doc.get("renames") if isinstance(doc, dict) else None
    if doc.get("format") != FORMAT or not isinstance(renames, list):
        log.warning("ignoring a journal of another format: %s", path)
        return None
    ok = []
    for item in renames:
        if (
            isinstance(item, list)
            and len(item) == 3
            and isinstance(item[0], str)
            and "/" not in item[0]
            and item[0] not in ("", ".", "..", JOURNAL)
            and _target_ok(item[1])
            and (item[2] is None or isinstance(item[2], list))
        ):
            ok.append(item)
        else:
            log.warning("ignoring a malformed journal entry %r in %s", item, path)
    return ok


def finish_pending(data_dir: Path, have_lock: bool) -> None:
    """Finish a batch a crash interrupted, or sweep one that never committed.

    Called by Store.open before anything is read. A read-only open finishes
    it only if it can take the folder's lock (the writer died); otherwise the
    writer holding the lock finished it when it opened.

    Raises:
        StoreError: the batch is decided but its files cannot be moved.
    """
    stage_dir = Path(data_dir) / STAGE_DIR
    if not stage_dir.is_dir():
        return
    lock = None
    if not have_lock:
        lock = DataDirLock(data_dir)
        try:
            lock.acquire()
        except (LockedError, StoreError):
            return
    try:
        journal = stage_dir / JOURNAL
        renames = _read_journal(journal) if journal.exists() else None
        if renames is None:
            journal.unlink(missing_ok=True)
            _sweep(stage_dir)
            return
        log.info("finishing an interrupted import in %s (%d files)", data_dir, len(renames))
        _roll_forward(Path(data_dir), renames)
    except OSError as exc:
        raise StoreError(
            f"Cannot finish an interrupted import in {data_dir}: {why(exc)}. Nothing was changed."
        ) from exc
    finally:
        if lock is not None:
            lock.release()

"""Replaying the tap log onto a loaded store (taplog.py says why there is one).

Shared by the open (`Store`) and the read-only follower (follow.py). Each
line's records are checked exactly as a record file's are, and must name the
file their own time gives them; a line that fails is skipped whole and
reported, never half applied.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from rlbaby.model import Episode, Movement, SleepPeriod
from rlbaby.store import codec
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.backend import Problem
from rlbaby.store.errors import StoreError, why
from rlbaby.store.movement_check import check_movement_docs
from rlbaby.store.nocycles import collector_off
from rlbaby.store.taplog import LOG_NAME, LogRead, Put

if TYPE_CHECKING:
    from pathlib import Path

    from rlbaby.store.store import Store

log = logging.getLogger(__name__)

Record = Movement | Episode | SleepPeriod


def read_log(store: Store) -> LogRead:
    """Read the tap log, before the files are loaded: a log this rlbaby
    cannot use is refused before the open writes anything (a snapshot, a
    stale copy tidied away), and a reader racing a writer's checkpoint reads
    the log before the files that will hold its lines (see `Store.__init__`).

    Raises:
        NewerVersionError: a newer rlbaby wrote the log.
        StoreError: it cannot be read, or is not a tap log (never overwritten).
    """
    taplog = store._taplog
    data_dir = store.data_dir
    assert taplog is not None
    assert data_dir is not None
    try:
        got = taplog.read()
    except OSError as exc:
        raise StoreError(
            f"Cannot read {data_dir / LOG_NAME}, which holds your latest taps: "
            f"{why(exc)}. Nothing was changed."
        ) from exc
    except ValueError as exc:
        raise StoreError(
            f"{data_dir / LOG_NAME} is not rlbaby's tap log ({exc}). rlbaby will not "
            "overwrite it: move it out of the data folder, then open rlbaby again."
        ) from exc
    if got.torn:
        log.info("the last save in %s was cut short by a crash; never confirmed", LOG_NAME)
    return got


def apply_log(store: Store, got: LogRead) -> None:
    """Apply what `read_log` read on top of the loaded files; report a
    damaged line, and keep a copy of the log before it can ever be cut."""
    assert store.data_dir is not None
    with collector_off():  # many small objects and no cycles, as in the load
        bad = got.damaged + apply_steps(store, got.steps)
    if bad:
        copied = None
        if not store.readonly:
            copied = keep_copy(store.data_dir, got.raw, bad[0])
            store._taplog_copied = copied is not None
        store.problems.append(damage_problem(bad, copied, store.readonly))


def decode_step(step: list[Put]) -> list[Record]:
    """The records of one log line, checked as loading checks a file's.

    Raises:
        ValueError: a record is malformed, or names the wrong file.
    """
    from rlbaby.store.shards import day_key, month_key

    recs: list[Record] = []
    for folder, key, doc in step:
        try:
            rec: Record
            if folder == "movements":
                check_movement_docs([doc], LOG_NAME)
                rec = codec.movement_from_doc(doc)
                right = day_key(rec.at.utc_ms)
            elif folder == "episodes":
                rec = codec.episode_from_doc(doc)
                right = month_key(rec.opened.utc_ms)
            else:
                rec = codec.sleep_from_doc(doc)
                right = month_key(rec.asleep.utc_ms)
        except (ValueError, KeyError, TypeError, StoreError) as exc:
            raise ValueError(f"holds a malformed record ({exc})") from None
        if key != right:
            raise ValueError(f"puts record {rec.id!r} in {folder}/{key}, not {folder}/{right}")
        recs.append(rec)
    return recs


def apply_steps(store: Store, steps: list[list[Put]], first_line: int = 2) -> list[str]:
    """Apply the log's lines to the store's memory, in order. Returns why
    each line that was skipped was bad ("line 7 holds ...")."""
    bad: list[str] = []
    for n, step in enumerate(steps):
        try:
            recs = decode_step(step)
        except ValueError as exc:
            bad.append(f"line {first_line + n} {exc}")
            continue
        for rec in recs:
            table, key, doc = store._where(rec)
            table.finish_staged(table.stage_put(rec.id, key, doc))
            store._remember(rec)
    return bad


def keep_copy(data_dir: Path, raw: bytes, reason: str) -> str | None:
    """Copy a damaged log into quarantine/ with a note, so that cutting it
    later loses nothing that could still be read by hand.

    Returns:
        The copy's name relative to the folder, or None when it could not be
        written (the log must then not be cut).
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    qdir = data_dir / "quarantine"
    dest = qdir / f"{LOG_NAME}.{stamp}"
    n = 1
    while dest.exists():
        dest = qdir / f"{LOG_NAME}.{stamp}.{n}"
        n += 1
    try:
        qdir.mkdir(exist_ok=True)
        note = f"{LOG_NAME} had lines rlbaby could not read: {reason}\nCopied here at {stamp}.\n"
        atomic_write_bytes(dest.with_name(dest.name + ".why.txt"), note.encode())
        atomic_write_bytes(dest, raw)
    except (OSError, StoreError) as exc:
        log.warning("could not keep a copy of the damaged tap log: %s", exc)
        return None
    return dest.relative_to(data_dir).as_posix()


def damage_problem(reasons: list[str], copied_to: str | None, readonly: bool) -> Problem:
    """The parent's notice that some saved lines of the log could not be read."""
    shown = "; ".join(reasons[:3]) + (f"; and {len(reasons) - 3} more" if len(reasons) > 3 else "")
    reason = f"{len(reasons)} saved line(s) could not be read and were left out ({shown})"
    if copied_to is None and not readonly:
        reason += ". rlbaby keeps the log as it is until a copy can be set aside"
    return Problem(LOG_NAME, reason, copied_to)

"""Which backups to keep: thinning that never deletes what a parent may need.

Pure functions of the backups' manifests and "now"; `BackupManager.prune`
deletes what they do not keep.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rlbaby.store.backup import BackupInfo

HOUR_MS = 3_600_000
KEEP_ALL_MS = 48 * HOUR_MS
KEEP_KINDS_MS = 30 * 24 * HOUR_MS
GAP_MS = 30 * 24 * HOUR_MS
# Made by the parent's hand or just before their data was replaced: the copies
# a parent most likely comes back for.
KEEP_KINDS = ("manual", "before-restore", "before-migration")


def thin(
    stamps_ms: list[int],
    days: int = 7,
    weeks: int = 8,
    months: int = 12,
) -> set[int]:
    """Grandfather-father-son: the newest of each of the last 7 days, 8 ISO
    weeks and 12 months that have a backup, and the newest of all."""
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


def backups_to_keep(
    infos: list[BackupInfo], now_ms: int, protect: frozenset[Path] = frozenset()
) -> set[Path]:
    """Which backups thinning keeps.

    Every backup of the last 48 hours; then `thin`'s 7 daily, 8 weekly and 12
    monthly; manual and before-restore backups for 30 days; `protect` (a
    backup being restored); and every backup dated in the future, which a
    clock set back made look so and thinning cannot place in time.

    "The last 48 hours" are counted from now, and also from the newest backup
    before the latest gap of over 30 days: a clock set years ahead makes
    backups there, and the real backups of the last two days stay, as they
    do when the clock jumps back (they are then in the future).
    """
    keep = {b.path for b in infos if b.in_future(now_ms) or b.path in protect}
    past = sorted(
        (b for b in infos if not b.in_future(now_ms)), key=lambda b: b.created_ms, reverse=True
    )
    anchors = [now_ms]
    for newer, older in zip(past, past[1:], strict=False):
        if newer.created_ms - older.created_ms > GAP_MS:
            anchors.append(older.created_ms)
            break
    for b in past:
        age = min(abs(a - b.created_ms) for a in anchors)
        kind = b.reason.split("-v")[0]
        if age <= KEEP_ALL_MS or (kind in KEEP_KINDS and age <= KEEP_KINDS_MS):
            keep.add(b.path)
    stamps = thin([b.created_ms for b in past])
    keep.update(b.path for b in past if b.created_ms in stamps)
    return keep


def _iso_week(t_ms: int) -> str:
    from datetime import UTC, datetime

    y, w, _ = datetime.fromtimestamp(t_ms / 1000, tz=UTC).isocalendar()
    return f"{y}-W{w:02d}"

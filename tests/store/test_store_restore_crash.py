"""Issue 11: restore and backup under kill -9 and failing disks.

After every kill, and after every failed call, the folder opens as exactly the
old data or exactly the new data (byte for byte, file by file), never a mix;
every listed backup is sound; and a message that says "unchanged" is true.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from store_strategies import T0, contents

from rlbaby.demo import populate
from rlbaby.model import Child, Episode, Instant, Movement
from rlbaby.store import Store, StoreError
from rlbaby.store import backup as backup_mod
from rlbaby.store.backup import BackupInfo, create_backup, data_files, list_backups, read_backup
from rlbaby.store.restore import JOURNAL, STAGING, restore_backup

CRASHER = Path(__file__).with_name("restore_crasher.py")
CALLS = ("write", "fsync", "rename", "replace", "mkdir", "unlink", "rmdir")


def data_hashes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in data_files(folder)}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A folder in state A and a backup (outside it) of an earlier state B."""
    base = tmp_path_factory.mktemp("restore-template")
    folder = base / "data"
    with Store.open(folder, now_ms=lambda: T0) as s:
        populate(s, nights=3, end=date(2026, 11, 23), seed=5)
        made = create_backup(folder, reason="manual", now_ms=T0)
        kid = s.save(Child("Later"))
        ep = s.save(Episode(kid.id, Instant(T0 + 90 * 86_400_000, 60)))  # a new month file
        s.save(Movement(kid.id, ep.id, ep.opened))
    b = made.rename(base / made.name)
    return folder, b


@pytest.fixture
def states(template: tuple[Path, Path], tmp_path: Path) -> dict[str, Any]:
    folder, b = template
    with Store.open(shutil.copytree(folder, tmp_path / "a"), readonly=True) as s:
        a_contents = contents(s)
    fresh = tmp_path / "b"
    restore_backup(fresh, b)
    with Store.open(fresh, readonly=True) as s:
        b_contents = contents(s)
    assert a_contents != b_contents
    return {
        "A": (data_hashes(folder), a_contents),
        "B": (data_hashes(fresh), b_contents),
    }


def check_opens_whole(folder: Path, states: dict[str, Any]) -> str:
    """Open the folder (which finishes or drops a cut-short restore) and name its state."""
    with Store.open(folder) as s:
        assert s.problems == []
        now = contents(s)
    assert not (folder / STAGING).exists()
    assert not (folder / JOURNAL).exists()
    files = data_hashes(folder)
    which = [name for name, (hashes, recs) in states.items() if files == hashes]
    assert len(which) == 1, f"a mix of old and new files: {sorted(files)}"
    assert now == states[which[0]][1]
    for b in list_backups(folder):
        assert isinstance(b, BackupInfo), b  # no damaged or half-written backup
    if which == ["B"]:
        safety = [b for b in list_backups(folder) if getattr(b, "reason", "") == "before-restore"]
        assert safety
        assert read_backup(safety[0].path)[1] == states["A"][0]
    return which[0]


class Crasher:
    """The fork server of restore_crasher.py."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CRASHER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, folder: Path, b: Path, mode: str, n: int) -> tuple[int, int]:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(f"{folder} {b} {mode} {n}\n")
        self.proc.stdin.flush()
        _, status, _, calls = self.proc.stdout.readline().split()
        return int(status), int(calls)

    def close(self) -> None:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["restore", "backup"])
def test_kill_9_at_every_step(
    template: tuple[Path, Path], states: dict[str, Any], tmp_path: Path, mode: str
) -> None:
    folder, b = template
    crasher = Crasher()
    try:
        status, total = crasher.run(shutil.copytree(folder, tmp_path / "count"), b, mode, -1)
        assert status == 0
        assert total > 20
        seen: dict[str, int] = {}
        for k in range(100):
            n = k * total // 100 + (k % 3)  # every step, spread over the whole operation
            work = shutil.copytree(folder, tmp_path / f"k{k}")
            status, _ = crasher.run(work, b, mode, n)
            assert status in (-9, 0)
            state = check_opens_whole(work, states)
            seen[state] = seen.get(state, 0) + 1
            shutil.rmtree(work)
    finally:
        crasher.close()
    if mode == "restore":
        assert seen.get("A", 0) > 10, seen  # kills before the commit, and after it
        assert seen.get("B", 0) > 10, seen
    else:
        assert seen == {"A": 100}


class Faults:
    """Make the n-th disk-changing call fail with `code` (the rest go through)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, n: int, code: int) -> None:
        self.count = 0
        self.n, self.code = n, code
        self.failed = False
        faults = self

        def tick() -> None:
            if faults.count == faults.n:
                faults.failed = True
                faults.count += 1
                raise OSError(faults.code, os.strerror(faults.code))
            faults.count += 1

        def wrap(real: Any) -> Any:
            def call(*args: Any, **kwargs: Any) -> Any:
                tick()
                return real(*args, **kwargs)

            return call

        class FailingFile(io.FileIO):
            def write(self, b: Any) -> int:
                tick()
                return super().write(b)

        for name in CALLS:
            monkeypatch.setattr(os, name, wrap(getattr(os, name)))
        monkeypatch.setattr(
            backup_mod,
            "open",
            lambda path, mode: io.BufferedWriter(FailingFile(path, mode)),
            raising=False,
        )


def _operation(mode: str, folder: Path, b: Path) -> None:
    if mode == "restore":
        restore_backup(folder, b)
    else:
        with Store.open(folder) as s:
            backup_mod.BackupManager(s).backup_now(reason="manual")


@pytest.mark.parametrize("mode", ["restore", "backup"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_a_failing_disk_at_every_step(
    template: tuple[Path, Path],
    states: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    code: int,
) -> None:
    folder, b = template
    outcomes: dict[str, int] = {}
    n = 0
    while True:
        work = shutil.copytree(folder, tmp_path / f"n{n}")
        before = data_hashes(work)
        faults = Faults(monkeypatch, n, code)
        message = ""
        try:
            _operation(mode, work, b)
        except StoreError as exc:
            message = str(exc)
        monkeypatch.undo()
        if not faults.failed:
            assert message == ""
            break  # n is past the last call: every step has failed once
        if "unchanged" in message or "Nothing was changed" in message:
            assert data_hashes(work) == before, f"call {n}: said unchanged, but: {message}"
        state = check_opens_whole(work, states)
        if not message:  # a failure the operation could shrug off (mkdir of an existing folder)
            assert state == ("B" if mode == "restore" else "A"), f"call {n}: silent and wrong"
        outcomes[state] = outcomes.get(state, 0) + 1
        shutil.rmtree(work)
        n += 1
    assert n > 20
    if mode == "restore":
        assert outcomes.get("A", 0) > 0, outcomes
        assert outcomes.get("B", 0) > 0, outcomes


def test_open_finishes_a_restore_cut_between_two_renames(
    template: tuple[Path, Path], states: dict[str, Any], tmp_path: Path
) -> None:
    """By hand, the state a kill leaves half-way through the swap; a read-only
    open refuses it (it cannot finish it), the next writer finishes it."""
    import orjson

    from rlbaby.store.restore import stage

    folder, b = template
    work = shutil.copytree(folder, tmp_path / "w")
    stage(work, b)
    create_backup(work, reason="before-restore")
    (work / JOURNAL).write_bytes(orjson.dumps({"backup": b.name}))
    old = work / STAGING / "old"
    old.mkdir()
    os.rename(work / "meta.json", old / "meta.json")
    os.rename(work / STAGING / "new" / "meta.json", work / "meta.json")
    os.rename(work / "movements", old / "movements")  # and killed here
    with pytest.raises(StoreError, match="Open the folder normally"):
        Store.open(work, readonly=True)
    assert check_opens_whole(work, states) == "B"


def test_open_drops_a_staging_folder_without_journal(
    template: tuple[Path, Path], states: dict[str, Any], tmp_path: Path
) -> None:
    from rlbaby.store.restore import stage

    folder, b = template
    work = shutil.copytree(folder, tmp_path / "w")
    stage(work, b)  # killed before the commit
    assert check_opens_whole(work, states) == "A"

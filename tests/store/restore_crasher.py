"""Restore or back up in a forked child that kill -9s itself at the N-th file-system call.

usage: python restore_crasher.py   (then, on stdin, one job a line: DATA_DIR BACKUP MODE N)

MODE is restore or backup. Every call that changes the disk counts (write,
fsync, rename, replace, mkdir, unlink, rmdir, and the writes of the backup
zip). At call N (from 0) the child sends itself SIGKILL before making it, so
N = 0, 1, 2, ... lands the kill between every two steps of the operation;
N < 0 never kills. For each job the server answers `status S calls C` (S is
the child's wait status: -9 when killed). Forking from one process that has
imported everything keeps a kill at ~50 ms instead of a fresh interpreter's
second.
"""

from __future__ import annotations

import io
import os
import signal
import sys
from pathlib import Path
from typing import Any

from rlbaby.cli import main as cli
from rlbaby.store import backup as backup_mod
from rlbaby.store.restore import restore_backup

CALLS = ("write", "fsync", "rename", "replace", "mkdir", "unlink", "rmdir")
state = {"count": 0, "n": -1}
REAL_WRITE = os.write  # for the report, which must not count


def tick() -> None:
    if state["count"] == state["n"]:
        os.kill(os.getpid(), signal.SIGKILL)
    state["count"] += 1


def wrap(real: Any) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        tick()
        return real(*args, **kwargs)

    return call


class CountingFile(io.FileIO):
    def write(self, b: Any) -> int:
        tick()
        return super().write(b)


def child(data_dir: Path, backup: Path, mode: str, n: int, report: int) -> None:
    state["count"], state["n"] = 0, n
    for name in CALLS:
        setattr(os, name, wrap(getattr(os, name)))
    backup_mod.open = lambda path, m: io.BufferedWriter(CountingFile(path, m))  # type: ignore[attr-defined]
    if mode == "restore":
        restore_backup(data_dir, backup)
    else:
        assert cli(["backup", "--data-dir", str(data_dir)]) == 0
    REAL_WRITE(report, f"{state['count']}".encode())


def main() -> None:
    for line in sys.stdin:
        data_dir, backup, mode, n = line.split()
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # the CLI's "wrote …" is not an answer
            try:
                child(Path(data_dir), Path(backup), mode, int(n), w)
                code = 0
            except BaseException as exc:  # reported, the server goes on
                sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
                code = 1
            os._exit(code)
        os.close(w)
        calls = os.read(r, 64).decode() or "-1"
        os.close(r)
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        sys.stdout.write(f"status {code} calls {calls}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

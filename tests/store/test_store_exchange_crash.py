"""kill -9 of `python -m rlbaby import` at random moments: the folder then opens
as before the import or after it, never a mix, and importing again finishes it."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from store_strategies import child_env

from rlbaby.model import Instant
from rlbaby.store import Store
from rlbaby.store.exchange import import_file
from rlbaby.store.journal import STAGE_DIR

DAY = 86_400_000
# 2001-01-01 UTC: 101 files of two months each end in 2017, in the window import accepts.
START = 978_307_200_000


def _file(folder: Path, k: int, rows: int = 60) -> Path:
    """Import file k: `rows` taps over two months, in nights of its own."""
    base = START + k * 61 * DAY
    lines = ["child,time,kind,note"]
    for i in range(rows):
        at = Instant(base + (i // 20) * 3 * DAY + (i % 20) * 15_000, 60)
        lines.append(f"Ada,{at.isoformat()},kick,file {k} tap {i}")
    path = folder / f"taps{k}.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def _contents(s: Store) -> tuple[Any, ...]:
    return (
        frozenset(s.movements().ids),
        frozenset(e.id for e in s.episodes()),
        frozenset(c.id for c in s.children()),
    )


def _state(data_dir: Path) -> tuple[Any, ...]:
    with Store.open(data_dir) as s:
        assert s.problems == []
        assert not (data_dir / "quarantine").exists()
        assert not (data_dir / STAGE_DIR).exists()
        return _contents(s)


def _start(path: Path, data_dir: Path) -> subprocess.Popen[bytes]:
    env = child_env()
    return subprocess.Popen(
        [sys.executable, "-m", "rlbaby", "import", str(path), "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


@pytest.mark.slow
@pytest.mark.timeout(900)  # 100 whole `python -m rlbaby import` processes: ~200 s here
def test_kill_9_during_cli_imports_never_leaves_a_mix(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    rng = random.Random(11)
    # How long one whole import takes here, to spread the kills over it.
    t = time.monotonic()
    proc = _start(_file(tmp_path, 0), data_dir)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    whole = time.monotonic() - t
    state = _state(data_dir)
    kills, outcomes = 100, {"before": 0, "after": 0}
    for k in range(1, kills + 1):
        path = _file(tmp_path, k)
        proc = _start(path, data_dir)
        # Most kills land late, where the import writes; some during start-up, and
        # some after it finished (the first import's time is only a guess of this
        # one's: a loaded machine shifts it, so the range reaches well past it).
        time.sleep(whole * rng.uniform(0.3, 1.5))
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
        assert b"Traceback" not in err, err.decode()
        killed = _state(data_dir)
        with Store.open(data_dir) as s:  # importing again finishes it
            import_file(s, path)
            after = _contents(s)
        assert killed in (state, after), f"kill {k}: a mix of before and after"
        assert after != state
        outcomes["after" if killed == after else "before"] += 1
        state = after
        path.unlink()
    assert _state(data_dir) == state
    # The kills landed on both sides of the commit.
    print(outcomes)  # noqa: T201
    assert outcomes["before"] >= 3
    assert outcomes["after"] >= 3

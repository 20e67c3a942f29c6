"""Real crashes: kill -9 a writing process at random moments, then check nothing is lost."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from store_strategies import T0

from rlbaby.model import Child, Episode, Instant, Movement
from rlbaby.store import Store
from rlbaby.store.atomic import TEMP_SUFFIX, parse_tinydb_json
from rlbaby.store.taplog import LOG_NAME, parse

WRITER = Path(__file__).with_name("crash_writer.py")


def kill_loop(data_dir: Path, kills: int, max_acks: int, seed: int) -> tuple[set[str], int]:
    """Start writers and kill each after a random number of acknowledged saves."""
    rng = random.Random(seed)
    acked: set[str] = set()
    killed_mid_open = 0
    for k in range(kills):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(data_dir), str(seed * 1000 + k)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        # Line 1 is "open"; kill after it (during set-up) or after some acknowledged taps.
        wanted = rng.randint(1, max_acks + 1)
        for _ in range(wanted):
            line = proc.stdout.readline()
            if not line:
                break
            if line != "open\n":
                acked.add(line.strip())
        killed_mid_open += wanted == 1
        proc.send_signal(signal.SIGKILL)
        # Whatever the writer printed before it died was acknowledged too.
        rest, err = proc.communicate(timeout=60)
        acked.update(line for line in rest.split("\n")[:-1] if line != "open")
        assert proc.returncode == -signal.SIGKILL, err
    return acked, killed_mid_open


def check_folder(data_dir: Path, acked: set[str]) -> None:
    leftovers = [p for p in data_dir.rglob("*") if p.is_file() and p.name.endswith(TEMP_SUFFIX)]
    for path in data_dir.rglob("*.json"):
        if not path.name.startswith("."):
            parse_tinydb_json(path.read_bytes(), path)  # raises if torn
    log = data_dir / LOG_NAME
    if log.exists():
        assert parse(log.read_bytes()).damaged == []  # at most a last line cut short
    with Store.open(data_dir) as s:
        assert s.problems == []
        assert not (data_dir / "quarantine").exists()
        live = set(s.movements().ids)
        missing = acked - live
        assert not missing, f"{len(missing)} acknowledged movements lost"
        for mid in list(acked)[:50]:
            m = s.movement(mid)
            assert m is not None
            assert s.episode(m.episode_id) is not None  # never a movement without its episode
    assert [p for p in leftovers if p.exists()] == []


@pytest.mark.slow
def test_kill_9_loses_no_acknowledged_movement(data_dir: Path) -> None:
    acked, mid_open = kill_loop(data_dir, kills=30, max_acks=30, seed=1)
    assert len(acked) > 200
    assert mid_open > 0
    check_folder(data_dir, acked)


@pytest.mark.slow
def test_kill_9_with_large_month_files(data_dir: Path) -> None:
    # 12k movements on 24 November (UTC) make every save rewrite a file of about 3 MB.
    day_start = T0 - 6 * 3_600_000  # 2026-11-24T00:00Z
    with Store.open(data_dir, now_ms=lambda: T0) as s:
        kid = s.save(Child("Crash"))
        records: list[object] = []
        for e in range(400):
            ep = Episode(kid.id, Instant(day_start + e * 200_000, 60))
            records.append(ep)
            records += [Movement(kid.id, ep.id, ep.opened.plus_ms(i * 20_000)) for i in range(30)]
        s.save_many(records)
    assert (data_dir / "movements" / "2026-11-24d.json").stat().st_size > 2_000_000
    acked, _ = kill_loop(data_dir, kills=15, max_acks=6, seed=2)
    assert len(acked) > 15
    check_folder(data_dir, acked)
    with Store.open(data_dir, readonly=True) as s:
        assert len(s.movements()) >= 12_000 + len(acked)

"""Time from launch to the main window's first paint of an installed rlbaby.

Usage: python packaging/startup_time.py PATH/TO/rlbaby [RUNS]

Starts the given command RUNS times (default 5) on a new, empty data folder,
offscreen, from a temporary folder, with RLBABY_PRINT_SHOWN=1 (the app prints
the time of its first paint) and RLBABY_QUIT_AFTER_MS (it then closes itself).
Prints every run and the median, in seconds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARK = "rlbaby: window shown at "


def one_run(command: str, folder: Path) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env |= {"QT_QPA_PLATFORM": "offscreen", "RLBABY_PRINT_SHOWN": "1"}
    env |= {"RLBABY_QUIT_AFTER_MS": "2000", "XDG_DATA_HOME": str(folder / "xdg")}
    started = time.time()
    done = subprocess.run(
        [command, "--data-dir", str(folder / "data")],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    shown = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    return float(shown[0].removeprefix(MARK).split()[0]) - started


def main() -> int:
    command = str(Path(sys.argv[1]).resolve())
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    times = []
    for i in range(runs):
        with tempfile.TemporaryDirectory(prefix="rlbaby-start-") as tmp:
            times.append(one_run(command, Path(tmp)))
        sys.stdout.write(f"run {i + 1}: {times[-1]:.2f} s\n")
    sys.stdout.write(f"median of {runs}: {statistics.median(times):.2f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The real app on a real X server (Xvfb), driven by xdotool like a parent would.

Set RLBABY_SHOTS=/some/dir to keep the screenshots (night and day) for review.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rlbaby.model import Child
from rlbaby.store import Store

pytestmark = pytest.mark.xvfb
TOOLS = ("Xvfb", "xdotool", "import")


def _missing() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


@pytest.fixture
def display() -> Iterator[str]:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/system-deps)")
        pytest.skip(f"needs {missing}")
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x640x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _xdo(env: dict[str, str], *args: str) -> str:
    out = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=30, check=True
    )
    return out.stdout.strip()


def _shot(env: dict[str, str], path: Path) -> None:
    subprocess.run(["import", "-window", "root", str(path)], env=env, check=True, timeout=30)


def _wait_for(predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)  # polling another process; there is no Qt signal to wait on
    raise AssertionError("timed out")


def test_tap_with_real_keys_then_quit(display: str, tmp_path: Path) -> None:
    # An empty folder, as a new user starts: no child named, nothing to set up.
    data = tmp_path / "data"
    assert not data.exists()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", RLBABY_DATA_DIR=str(data))
    app = subprocess.Popen(
        [sys.executable, "-m", "rlbaby"], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        win = _xdo(env, "search", "--sync", "--onlyvisible", "--name", "^rlbaby")
        win = win.splitlines()[0]
        _xdo(env, "windowsize", win, "1024", "600")
        _xdo(env, "windowfocus", "--sync", win)
        for _ in range(3):
            _xdo(env, "key", "space")
            time.sleep(0.2)  # a parent's taps are not instantaneous either

        def logged(n: int):  # type: ignore[no-untyped-def]
            def check() -> bool:
                with Store.open(data, readonly=True) as s:
                    return len(s.movements()) == n

            return check

        _wait_for(logged(3))
        shots = Path(os.environ.get("RLBABY_SHOTS", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        _xdo(env, "key", "e")  # settled: the episode sheet opens
        time.sleep(0.5)
        _shot(env, shots / "e2e-log-a.png")
        _xdo(env, "key", "n")  # the other theme
        time.sleep(0.5)
        _shot(env, shots / "e2e-log-b.png")
        _xdo(env, "key", "ctrl+z")  # undo the settle
        _xdo(env, "key", "ctrl+q")
        _out, err = app.communicate(timeout=30)
        assert app.returncode == 0, err
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    with Store.open(data, readonly=True) as s:
        (child,) = s.children()  # the first tap named a child for the parent to rename
        assert child.name == "Baby"
        assert len(s.movements(child.id)) == 3
        (episode,) = s.episodes(child.id)
        assert episode.settled is None  # the settle was undone
    assert list((data / "backups").glob("rlbaby-*.zip")), "no backup written on exit"


def test_second_instance_is_told(display: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.save(Child("Ada"))
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", RLBABY_DATA_DIR=str(data))
    first = subprocess.Popen([sys.executable, "-m", "rlbaby"], env=env)
    second = None
    try:
        _xdo(env, "search", "--sync", "--onlyvisible", "--name", "^rlbaby$")
        second = subprocess.Popen([sys.executable, "-m", "rlbaby"], env=env)
        box = _xdo(env, "search", "--sync", "--onlyvisible", "--name", "already open")
        assert box
        _xdo(env, "windowfocus", "--sync", box.splitlines()[0])
        _xdo(env, "key", "Escape")  # = Quit
        assert second.wait(timeout=30) == 1
    finally:
        for p in (first, second):
            if p is not None and p.poll() is None:
                p.kill()
            if p is not None:
                p.wait()

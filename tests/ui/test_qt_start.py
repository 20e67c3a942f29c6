"""The GUI start loads Qt without PySide6's scan of every later import (ui/qt_start.py).

Each test is a new process: the scan is set up when PySide6 is first imported,
which in the test process happened long before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(code: str, *args: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_a_module_imported_after_qt_is_not_read_and_qt_classes_still_load() -> None:
    code = (
        "import linecache\n"
        "from rlbaby.ui.qt_start import load_qt\n"
        "print(load_qt())\n"
        "import colorsys\n"  # not imported before: PySide6's hook would read its source
        "print(any(name.endswith('colorsys.py') for name in linecache.cache))\n"
        "from PySide6.QtWidgets import QApplication, QCalendarWidget\n"  # loaded lazily
        "app = QApplication([])\n"
        "print(type(QCalendarWidget()).__name__)\n"
    )
    assert _run(code) == ["True", "False", "QCalendarWidget"]


def test_a_launcher_that_loaded_pyside_first_keeps_its_import() -> None:
    code = (
        "import builtins\n"
        "import PySide6.QtCore\n"
        "before = builtins.__import__\n"
        "from rlbaby.ui.qt_start import load_qt\n"
        "print(load_qt(), builtins.__import__ is before)\n"
    )
    assert _run(code) == ["False", "True"]


def test_the_gui_start_goes_through_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m rlbaby` as a parent starts it: one tap, then the window closes."""
    code = (
        "import builtins, sys\n"
        "from rlbaby import cli\n"
        "rc = cli.main(['--data-dir', sys.argv[1]])\n"
        "print(rc, builtins.__import__ is getattr(builtins, '__feature_import__', None))\n"
    )
    monkeypatch.setenv("RLBABY_BENCH_FIRST_TAP", str(tmp_path / "tap.json"))
    assert _run(code, str(tmp_path / "data")) == ["0", "False"]
    assert (tmp_path / "tap.json").exists()

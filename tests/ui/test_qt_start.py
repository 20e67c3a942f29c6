"""The GUI start loads Qt without PySide6's scan of every later import (ui/qt_start.py),
and compiles shiboken's signature modules once, not at every start (ui/qt_code_cache.py).

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


# A new process that counts what the builtin `compile` and the `re` module's
# compiler really compile while `load_qt(FOLDER)` imports Qt (shiboken's
# signature modules and their patterns), then shows that the signature support
# (run from the cached code and patterns) still answers.
COUNT_COMPILES = (
    "import builtins, re, sys\n"
    "from pathlib import Path\n"
    "from re import _compiler\n"
    "real, real_re, modules, patterns = builtins.compile, _compiler.compile, [], []\n"
    "def counting(source, filename, *args, **kwargs):\n"
    "    modules.append(filename)\n"
    "    return real(source, filename, *args, **kwargs)\n"
    "def counting_re(pattern, flags=0):\n"
    "    patterns.append(pattern)\n"
    "    return real_re(pattern, flags)\n"
    "builtins.compile, _compiler.compile = counting, counting_re\n"
    "from rlbaby.ui.qt_start import load_qt\n"
    "load_qt(Path(sys.argv[1]))\n"
    "given_back = builtins.compile is counting and _compiler.compile is counting_re\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "from PySide6.support.signature import get_signature\n"
    "app = QApplication([])\n"
    "shiboken = [f for f in modules if 'shiboken' in f or 'signature' in f]\n"
    "big = [p for p in patterns if len(p) > 1000]\n"
    "signature = str(get_signature(QWidget.setWindowTitle)).replace(' ', '')\n"
    "print(len(shiboken), len(big), given_back, signature)\n"
)
SIGNATURE = "(self,arg__1:str,/)->None"


def _compiled(folder: Path) -> tuple[int, int, bool, str]:
    """(modules compiled, large patterns compiled, compilers given back, a signature)."""
    modules, patterns, given_back, signature = _run(COUNT_COMPILES, str(folder))
    return int(modules), int(patterns), given_back == "True", signature


def test_shibokens_signature_modules_are_compiled_once_not_at_every_start(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "qt-code"
    modules, patterns, given_back, signature = _compiled(folder)
    assert modules >= 10  # signature_bootstrap, shibokensupport.signature.*
    assert patterns >= 3  # the nested-bracket patterns of parser and pyi_generator
    assert (given_back, signature) == (True, SIGNATURE)
    cached = sorted(p.name for p in folder.iterdir())
    assert "shibokensupport.signature.parser.py.code" in cached
    assert len([n for n in cached if n.endswith(".code")]) == modules
    assert len([n for n in cached if n.endswith(".sre")]) >= patterns
    # The next start reads them back and compiles none of them.
    assert _compiled(folder) == (0, 0, True, SIGNATURE)
    assert sorted(p.name for p in folder.iterdir()) == cached


def test_a_damaged_or_foreign_cached_result_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "qt-code"
    _compiled(folder)
    codes = sorted(folder.glob("*.code"))
    regexes = sorted(folder.glob("*.sre"))
    codes[0].write_bytes(b"not marshalled code")
    codes[1].write_bytes(codes[1].read_bytes()[:100])  # cut short
    # One changed byte in the middle: the digest kept beside the bytes differs.
    data = bytearray(regexes[0].read_bytes())
    data[len(data) // 2] ^= 0xFF
    regexes[0].write_bytes(bytes(data))
    # Made by another Python or from another source: the key does not match.
    codes[2].write_bytes(b"\0" * 4 + codes[2].read_bytes()[4:])
    assert _compiled(folder) == (3, 1, True, SIGNATURE)
    # ... and written again whole: the start after that compiles nothing.
    assert _compiled(folder)[:2] == (0, 0)
    assert sorted(folder.iterdir()) == sorted(codes + regexes)


def test_a_cache_folder_that_cannot_be_made_only_costs_the_compile(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    modules, patterns, given_back, signature = _compiled(blocked / "qt-code")
    assert (modules >= 10, patterns >= 3) == (True, True)
    assert (given_back, signature) == (True, SIGNATURE)
    assert _compiled(blocked / "qt-code")[:2] == (modules, patterns)


def test_the_gui_start_goes_through_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m rlbaby` as a parent starts it: one tap, then the window closes."""
    code = (
        "import builtins, sys\n"
        "from rlbaby import cli\n"
        "exec_before = builtins.exec\n"
        "rc = cli.main(['--data-dir', sys.argv[1]])\n"
        "print(rc, builtins.__import__ is getattr(builtins, '__feature_import__', None))\n"
        "print(builtins.exec is exec_before)\n"
    )
    monkeypatch.setenv("RLBABY_BENCH_FIRST_TAP", str(tmp_path / "tap.json"))
    monkeypatch.setenv("RLBABY_CACHE_DIR", str(tmp_path / "cache"))
    assert _run(code, str(tmp_path / "data")) == ["0", "False", "True"]
    assert (tmp_path / "tap.json").exists()
    # The signature modules' code went to the user's cache folder (derived, deletable).
    cached = tmp_path / "cache" / "start-code" / "qt"
    assert (cached / "signature_bootstrap.py.code").is_file()
    assert list(cached.glob("re-*.sre"))
    # ... and the dataclasses' methods (rlbaby/ui/code_cache.py), with exec given back.
    assert (tmp_path / "cache" / "start-code" / "dataclasses.code").is_file()

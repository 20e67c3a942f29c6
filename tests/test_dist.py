"""The one-folder bundle `make dist` builds runs on its own (issue 13).

The slow test builds the bundle with PyInstaller from packaging/rlbaby.spec
into a temporary folder, then runs the built binaries from another folder with
no Python environment: --version, a PDF report of a small generated log, and
the GUI demo for a few seconds offscreen. PyInstaller's work folder stays in
build/pyinstaller-test/ of the checkout, so a second run rebuilds only what
changed (PyInstaller checks that itself).
Set RLBABY_DIST to a built dist/rlbaby/ folder to test that one instead.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rlbaby import __version__
from rlbaby.demo import populate
from rlbaby.model import Child
from rlbaby.store import Store

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "rlbaby.spec"
ENV_DIST = "RLBABY_DIST"
EXE = ".exe" if sys.platform == "win32" else ""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(
        not os.environ.get(ENV_DIST) and importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install -e '.[dist]')",
    ),
]


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> str:
    done = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, f"{cmd}: exit {done.returncode}\n{out}"
    assert "Traceback" not in out, out
    assert "missing resource" not in out, out
    return done.stdout


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/rlbaby/: the folder RLBABY_DIST names, or a fresh build."""
    given = os.environ.get(ENV_DIST)
    if given:
        return Path(given)
    dist = tmp_path_factory.mktemp("dist")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(dist), "--workpath", str(REPO / "build" / "pyinstaller-test")]
    _run([*cmd, str(SPEC)], REPO, env, timeout=840)
    return dist / "rlbaby"


def test_the_bundle_holds_what_qt_needs_and_not_the_unused_modules(bundle: Path) -> None:
    assert (bundle / f"rlbaby{EXE}").is_file()
    assert (bundle / f"rlbaby-gui{EXE}").is_file()
    internal = bundle / "_internal"
    desktop = internal / "rlbaby" / "_resources" / "desktop"
    assert (desktop / "io.github.rlbaby.rlbaby.desktop").is_file()
    if sys.platform.startswith("linux"):
        plugins = internal / "PySide6" / "Qt" / "plugins"
        for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so"):
            assert (plugins / plugin).is_file(), plugin
        assert (plugins / "iconengines" / "libqsvgicon.so").is_file()
    for unused in ("QtQml", "QtQuick", "QtNetwork", "QtSql", "QtDesigner"):
        assert not list((internal / "PySide6").glob(f"{unused}.*")), unused


def test_the_bundle_runs_version_report_and_the_gui(bundle: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    temp = tmp_path / "temp"
    temp.mkdir()
    # No Python environment at all: the bundle brings its own.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(temp),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "RLBABY_QUIT_AFTER_MS": "3000",
    }
    rlbaby = str(bundle / f"rlbaby{EXE}")
    assert _run([rlbaby, "--version"], elsewhere, env).strip() == f"rlbaby {__version__}"
    gui = str(bundle / f"rlbaby-gui{EXE}")
    assert _run([gui, "--version"], elsewhere, env).strip() == f"rlbaby {__version__}"

    data = tmp_path / "data"
    with Store.open(data) as store:
        populate(store, nights=3, children=[Child("Mia")])
    pdf = tmp_path / "report.pdf"
    cmd = [rlbaby, "report", "--child", "Mia", "--out", str(pdf), "--data-dir", str(data)]
    _run(cmd, elsewhere, env)
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert pdf.stat().st_size > 10_000

    shown = _run([rlbaby, "--demo"], elsewhere, env | {"RLBABY_PRINT_SHOWN": "1"})
    assert "rlbaby: window shown at " in shown
    assert list(temp.glob("rlbaby-demo-*")) == []

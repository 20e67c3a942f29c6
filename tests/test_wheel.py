"""Packaging: the wheel holds resources/ and the installed app starts (issue 13).

The slow test builds the wheel from a copy of the checkout, installs it into a
fresh venv outside the checkout, and runs the installed `rlbaby` from another
folder: --version, summary, report, the GUI demo for a few seconds and the
`rlbaby-gui` launcher on an empty folder. Then it
turns the same venv into an editable install (what `make test` uses) and reads
the resources through it too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from rlbaby import __version__, resources
from rlbaby.demo import populate
from rlbaby.model import Child
from rlbaby.store import Store
from rlbaby.ui.app import APP_ID, ENV_PRINT_SHOWN

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
BUILD_BACKEND = PYPROJECT["build-system"]["requires"][0]
WHERE_IS_NIGHT = "import rlbaby.resources as r; print(r.path('themes/night.json'))"
SHOWS_GERMAN = (
    "from PySide6.QtCore import QCoreApplication as A; from rlbaby.model import LanguageChoice;"
    "from rlbaby.ui.i18n import install_language as i; app = A([]);"
    "print(i(app, LanguageChoice.SYSTEM), A.translate('MainWindow', 'Log'))"
)


def test_pyproject_lists_every_package() -> None:
    """A new folder of modules must be added to pyproject's list, or the wheel lacks it."""
    on_disk = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "rlbaby").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    listed = {p for p in SETUPTOOLS["packages"] if not p.startswith("rlbaby._resources")}
    assert listed == on_disk


def _packaged(relative: PurePosixPath, globs: list[str]) -> bool:
    """Whether setuptools' package-data `globs` take this file (`*` stays in one folder)."""
    return any(
        relative.match(glob) and len(relative.parts) == len(PurePosixPath(glob).parts)
        for glob in globs
    )


def test_the_wheel_data_covers_every_resource_the_app_reads() -> None:
    data = SETUPTOOLS["package-data"]
    for folder in ("desktop", "guide", "themes", "translations"):
        package = f"rlbaby._resources.{folder}"
        assert package in SETUPTOOLS["packages"]
        top = REPO / "resources" / folder
        for f in top.rglob("*"):
            if f.is_file():
                # The translations' .ts sources stay out: the app loads only the built .qm.
                shipped = f.suffix != ".ts"
                relative = PurePosixPath(f.relative_to(top).as_posix())
                assert _packaged(relative, data[package]) == shipped, f


def test_resources_stay_inside_their_folder() -> None:
    with pytest.raises(ValueError, match="stay inside"):
        resources.path("../pyproject.toml")
    with pytest.raises(FileNotFoundError, match="missing resource: themes/dusk.json"):
        resources.read_text("themes/dusk.json")
    assert "themes/night.json" in resources.listing("themes", "*.json")


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 240) -> str:
    done = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, f"{cmd}: exit {done.returncode}\n{out}"
    assert "Traceback" not in out, out
    assert "missing resource" not in out, out
    return done.stdout


def _copy_checkout(dest: Path) -> Path:
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, dest / name)
    for name in ("rlbaby", "resources"):
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


@pytest.mark.slow
def test_the_installed_wheel_runs_outside_the_checkout(tmp_path: Path) -> None:
    started = time.monotonic()
    src = _copy_checkout(tmp_path / "src")
    dist = tmp_path / "dist"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path, env)
    py = venv / "bin" / "python"
    # This interpreter's pip drives the new venv. The venv gets its own build
    # backend once, which both builds below use: pip's isolated builds would set
    # one up twice and take half a minute longer.
    pip = [sys.executable, "-m", "pip", "--python", str(py)]
    _run([*pip, "install", "-q", BUILD_BACKEND], tmp_path, env)
    build = ["--no-build-isolation", "--no-deps", "-q"]
    _run([*pip, "wheel", *build, "-w", str(dist), str(src)], tmp_path, env)
    (wheel,) = dist.glob("rlbaby-*.whl")
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
    assert f"rlbaby-{__version__}.dist-info/licenses/LICENSE" in names
    desktop = "rlbaby/_resources/desktop"
    assert f"{desktop}/{APP_ID}.desktop" in names
    assert f"{desktop}/{APP_ID}.metainfo.xml" in names
    assert f"{desktop}/hicolor-icons/scalable/apps/{APP_ID}.svg" in names
    assert f"{desktop}/hicolor-icons/16x16/apps/{APP_ID}.png" in names
    _run([*pip, "install", "-q", str(wheel)], tmp_path, env)
    built_s = time.monotonic() - started

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    temp = tmp_path / "temp"
    temp.mkdir()
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(temp),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "RLBABY_QUIT_AFTER_MS": "3000",
    }
    rlbaby = str(venv / "bin" / "rlbaby")
    assert _run([rlbaby, "--version"], elsewhere, env).strip() == f"rlbaby {__version__}"
    where = _run([str(py), "-c", WHERE_IS_NIGHT], elsewhere, env)
    assert Path(where.strip()).is_relative_to(venv), where
    # The German translation ships and loads: German on a German system.
    german = _run([str(py), "-c", SHOWS_GERMAN], elsewhere, {**env, "LANGUAGE": "de"})
    assert german.strip().endswith("de Protokoll"), german

    data = tmp_path / "data"
    with Store.open(data) as store:
        populate(store, nights=7, children=[Child("Mia")])
    rows = json.loads(_run([rlbaby, "summary", "--json", "--data-dir", str(data)], elsewhere, env))
    assert len(rows) >= 6
    assert {r["child"] for r in rows} == {"Mia"}
    pdf = tmp_path / "report.pdf"
    cmd = [rlbaby, "report", "--child", "Mia", "--out", str(pdf), "--data-dir", str(data)]
    _run(cmd, elsewhere, env)
    from pypdf import PdfReader

    assert len(PdfReader(pdf).pages) >= 1

    _run([rlbaby, "--demo"], elsewhere, env)
    assert list(temp.glob("rlbaby-demo-*")) == []

    # The launcher's command (the .desktop file's Exec), on a first start.
    gui = venv / "bin" / "rlbaby-gui"
    assert gui.is_file()
    first = tmp_path / "first-start"
    shown = _run([str(gui), "--data-dir", str(first)], elsewhere, env | {ENV_PRINT_SHOWN: "1"})
    assert "rlbaby: window shown at " in shown
    # run_gui named the app and gave it the icons the wheel holds.
    assert f"({APP_ID}, icon in 8 sizes)" in shown
    assert (first / "meta.json").is_file()

    # The editable install `make test` makes reads the checkout's folder.
    _run([*pip, "install", *build, "-e", str(src)], tmp_path, env)
    where = _run([str(py), "-c", WHERE_IS_NIGHT], elsewhere, env)
    assert Path(where.strip()) == src / "resources" / "themes" / "night.json"
    day = "from rlbaby import resources as r; print(r.read_text('themes/day.json'))"
    assert json.loads(_run([str(py), "-c", day], elsewhere, env))
    # Budget: building and installing must stay well inside CI's time.
    assert built_s < 180, f"building and installing took {built_s:.0f} s"

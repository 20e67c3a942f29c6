"""What the desktop shows: .desktop file, AppStream metainfo, icons, names (issue 13).

The files live in resources/desktop/ and ship in the wheel; each is named after
the app id that the running app gives Qt (`setDesktopFileName`), so a dock or a
software centre can tie the window, the launcher and the metainfo together.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication

from rlbaby import __version__, cli
from rlbaby.ui.app import APP_ID, app_icon, set_identity

REPO = Path(__file__).resolve().parent.parent
DESKTOP = REPO / "resources" / "desktop"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _render_icons() -> ModuleType:
    """packaging/render_icons.py, the script `make icons` runs (not a package)."""
    spec = importlib.util.spec_from_file_location(
        "render_icons", REPO / "packaging/render_icons.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_file_starts_the_gui_script_with_the_app_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] in PROJECT["gui-scripts"]
    assert PROJECT["gui-scripts"][entry["Exec"]] == "rlbaby.cli:gui_main"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Name"] == "rlbaby"
    assert entry["Categories"].endswith(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_file_passes_desktop_file_validate() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_the_metainfo_names_the_app_its_launcher_commands_and_this_version() -> None:
    root = ET.parse(DESKTOP / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "rlbaby"
    assert root.findtext("summary")
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == PROJECT["license"]
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    binaries = {b.text for b in root.iterfind("provides/binary")}
    assert binaries == set(PROJECT["scripts"]) | set(PROJECT["gui-scripts"])
    releases = root.findall("releases/release")
    assert releases, "no <release>"
    # A version bump needs its own <release> entry, newest first.
    assert releases[0].get("version") == __version__
    description = root.find("description")
    assert description is not None
    assert len(description) >= 2
    assert "never diagnoses" in ET.tostring(description, encoding="unicode")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", f"{APP_ID}.metainfo.xml"],
        cwd=DESKTOP,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_license_file_matches_pyproject() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the rlbaby authors" in text


def test_every_icon_png_is_its_size_and_rendered_from_the_svg(qapp: QApplication) -> None:
    """Edit the SVG, forget `make icons`, and this fails."""
    render = _render_icons()
    assert render.SIZES == SIZES
    assert render.APP_ID == APP_ID
    for size in SIZES:
        stored = QImage(str(render.png_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
        assert stored.size() == QSize(size, size), size
        fresh = render.render(render.svg_path(), size)
        # Not pixel-exact: another Qt may antialias an edge a little differently.
        diff = sum(
            abs(stored.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
            + abs(stored.pixelColor(x, y).red() - fresh.pixelColor(x, y).red())
            for x in range(0, size, max(1, size // 32))
            for y in range(0, size, max(1, size // 32))
        )
        samples = len(range(0, size, max(1, size // 32))) ** 2
        assert diff / samples < 4, f"{size}px differs from the SVG by {diff / samples:.1f}"
        # The corners are transparent (a rounded square), the middle is not.
        assert stored.pixelColor(0, 0).alpha() == 0
        assert stored.pixelColor(size // 2, size // 2).alpha() == 255


@pytest.fixture
def restored_identity(qapp: QApplication) -> Iterator[QApplication]:
    """The test session's QApplication, given back as it was."""
    before = (
        qapp.applicationName(),
        qapp.applicationVersion(),
        qapp.organizationName(),
        qapp.organizationDomain(),
        qapp.desktopFileName(),
        qapp.windowIcon(),
    )
    yield qapp
    qapp.setApplicationName(before[0])
    qapp.setApplicationVersion(before[1])
    qapp.setOrganizationName(before[2])
    qapp.setOrganizationDomain(before[3])
    qapp.setDesktopFileName(before[4])
    qapp.setWindowIcon(before[5])


def test_the_app_names_itself_and_wears_its_icon(restored_identity: QApplication) -> None:
    app = restored_identity
    set_identity(app)
    assert app.applicationName() == "rlbaby"
    assert app.applicationVersion() == __version__
    assert app.organizationName() == "rlbaby"
    assert app.desktopFileName() == APP_ID
    sizes = {s.width() for s in app.windowIcon().availableSizes()}
    assert sizes == set(SIZES)
    assert not app.windowIcon().pixmap(QSize(32, 32)).isNull()


def test_the_icon_is_read_through_the_resources_accessor(qapp: QApplication) -> None:
    icon = app_icon()
    assert isinstance(icon, QIcon)
    image = icon.pixmap(QSize(48, 48)).toImage()
    assert image.width() == 48
    assert image.pixelColor(24, 24).alpha() == 255


def test_the_gui_script_survives_having_no_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under pythonw (Windows gui-scripts) stdout and stderr are None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert cli.gui_main(["--no-such-option"]) == 2
    assert sys.stderr is not None
    assert sys.stderr.name == os.devnull
    sys.stdout.close()
    sys.stderr.close()

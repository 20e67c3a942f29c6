"""rlbaby/paths.py: the per-user data and cache folders (platformdirs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from rlbaby import paths
from rlbaby.cli import build_parser, main
from rlbaby.model import Child
from rlbaby.store import Store

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is Linux's")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home folder, with no XDG or rlbaby variable set."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "RLBABY_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "home"


@linux_only
def test_the_linux_data_folder_is_where_earlier_versions_kept_it(home: Path) -> None:
    assert paths.data_dir() == home / ".local" / "share" / "rlbaby"
    assert paths.cache_dir() == home / ".cache" / "rlbaby"


@linux_only
def test_xdg_folders_are_honoured(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    assert paths.data_dir() == home / "data" / "rlbaby"
    assert paths.cache_dir() == home / "cache" / "rlbaby"
    monkeypatch.setenv("XDG_DATA_HOME", "")  # set but empty: the default, as before
    assert paths.data_dir() == home / ".local" / "share" / "rlbaby"


@linux_only
def test_the_cli_reads_data_kept_in_the_old_linux_folder(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(home / ".local" / "share" / "rlbaby") as store:
        store.save(Child("Ada"))
    assert main(["summary", "--json"]) == 0
    assert orjson.loads(capsys.readouterr().out) == []  # opened: Ada has no nights yet
    with Store.open(home / ".local" / "share" / "rlbaby", readonly=True) as store:
        assert [c.name for c in store.children()] == ["Ada"]
    assert not (home / "rlbaby").exists()


def test_the_help_names_the_default_folder(home: Path) -> None:
    # argparse wraps the help, breaking a long path anywhere.
    assert str(paths.data_dir()) in "".join(build_parser().format_help().split())


def test_the_data_and_cache_folders_differ_and_are_absolute(home: Path) -> None:
    data, cache = paths.data_dir(), paths.cache_dir()
    assert data.is_absolute()
    assert cache.is_absolute()
    assert data != cache
    assert data.name == "rlbaby"


def test_a_read_only_command_given_its_folders_imports_neither_platformdirs_nor_socket(
    tmp_path: Path, user_cache_dir: Path
) -> None:
    """Finding the default folders imports platformdirs (and tempfile, shutil,
    bz2...), and only a writer's lock note asks socket for the host's name:
    `summary --data-dir` with RLBABY_CACHE_DIR set needs none of them."""
    with Store.open(tmp_path / "data") as store:
        store.save(Child("Ada"))
    code = (
        "import sys; from rlbaby.cli import main; "
        f"main(['--data-dir', {str(tmp_path / 'data')!r}, 'summary', '--json']); "
        "print('platformdirs' in sys.modules, 'socket' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[-1] == "False False"

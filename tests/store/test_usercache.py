"""The user's cache folder, where derived files (safe to delete) live."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rlbaby import paths
from rlbaby.store import usercache


def test_the_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(usercache.ENV_CACHE_DIR, str(tmp_path / "c"))
    assert usercache.cache_dir() == tmp_path / "c"


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="XDG only")
def test_xdg_cache_home_when_absolute(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(usercache.ENV_CACHE_DIR)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert usercache.cache_dir() == tmp_path / "xdg" / "rlbaby"
    # The spec says a relative path is invalid and is ignored.
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert usercache.cache_dir() == tmp_path / "home" / ".cache" / "rlbaby"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert usercache.cache_dir() == tmp_path / "home" / ".cache" / "rlbaby"


def test_without_the_override_it_is_the_platforms_cache_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(usercache.ENV_CACHE_DIR)
    assert usercache.cache_dir() == paths.cache_dir()

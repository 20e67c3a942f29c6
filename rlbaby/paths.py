"""The per-user folders rlbaby uses, as each system expects them (platformdirs).

- Linux: data in $XDG_DATA_HOME/rlbaby (~/.local/share/rlbaby), cache in
  $XDG_CACHE_HOME/rlbaby (~/.cache/rlbaby).
- macOS: ~/Library/Application Support/rlbaby and ~/Library/Caches/rlbaby.
- Windows: %LOCALAPPDATA%\\rlbaby and %LOCALAPPDATA%\\rlbaby\\Cache.

The Linux data folder is the one earlier versions used, so nothing moves.
No Qt here: the command line and Qt-free helpers use it. platformdirs is
imported only when a folder is asked for: with its imports (tempfile, shutil,
bz2, lzma...) it cost a command given --data-dir and RLBABY_CACHE_DIR ~20 ms
for nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "rlbaby"
# Overrides cache_dir() for rlbaby's derived files (the tests and the bench use their own).
ENV_CACHE_DIR = "RLBABY_CACHE_DIR"


def data_dir() -> Path:
    """The default data folder (the command line's --data-dir and
    $RLBABY_DATA_DIR choose another)."""
    import platformdirs

    # appauthor=False: no vendor folder above ours on Windows.
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """A folder for files rlbaby can always make again from the data; the
    system may empty it."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    """Where rlbaby keeps its derived files: $RLBABY_CACHE_DIR, else cache_dir().

    It may not exist yet.
    """
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    return cache_dir()

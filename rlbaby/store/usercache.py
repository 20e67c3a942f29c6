"""The user's cache folder: derived files that are safe to delete at any time.

Only derived data lives there (see colcache.py), never a parent's log. The
platform's usual place, as platformdirs' user_cache_dir would give it, without
the dependency; RLBABY_CACHE_DIR overrides it (the tests and the bench use
their own).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_CACHE_DIR = "RLBABY_CACHE_DIR"


def cache_dir() -> Path:
    """`~/.cache/rlbaby` ($XDG_CACHE_HOME), `~/Library/Caches/rlbaby` or
    `%LOCALAPPDATA%\\rlbaby\\Cache`. It may not exist yet."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "rlbaby"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
        return Path(base) / "rlbaby" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "rlbaby"

"""The user's cache folder: derived files that are safe to delete at any time.

Only derived data lives there (see colcache.py), never a parent's log. The
platform's usual place (platformdirs, through rlbaby.paths); RLBABY_CACHE_DIR
overrides it (the tests and the bench use
their own).
"""

from __future__ import annotations

import os
from pathlib import Path

from rlbaby import paths

ENV_CACHE_DIR = "RLBABY_CACHE_DIR"


def cache_dir() -> Path:
    """The platform's cache folder (rlbaby.paths); it may not exist yet."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    return paths.cache_dir()

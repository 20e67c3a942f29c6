"""The user's cache folder: derived files that are safe to delete at any time.

Only derived data lives there (see colcache.py), never a parent's log. The
platform's usual place (platformdirs, through rlbaby.paths); RLBABY_CACHE_DIR
overrides it (the tests and the bench use
their own).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from rlbaby import paths

ENV_CACHE_DIR = paths.ENV_CACHE_DIR


def cache_dir() -> Path:
    """The platform's cache folder, or RLBABY_CACHE_DIR (rlbaby.paths); it may not exist yet."""
    return paths.user_cache_dir()


def derived_path(data_dir: Path, kind: str, suffix: str) -> Path:
    """Where a read-only open keeps a derived file of `data_dir` (`kind`:
    "columns", "episodes", "sleep"): this folder, keyed by the data folder's
    real path, so two folders never share one and a symlink finds its target's."""
    real = os.path.realpath(data_dir)
    name = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return cache_dir() / kind / f"{name}{suffix}"

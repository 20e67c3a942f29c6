"""The one accessor for the files of resources/ (STYLE rules 10 and 19). Qt-free.

The folder stays at the top of the checkout and ships inside the wheel as the
package `rlbaby._resources` (see pyproject.toml), so it is read with
`importlib.resources`: the same code works from a wheel, an editable install
and a zip. Only when that package cannot be imported (a checkout run with
PYTHONPATH and no install) is the checkout's own folder used.
Paths are resolved from that one root and may not escape it.
"""

from __future__ import annotations

import functools
from importlib import resources as importlib_resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

PACKAGE = "rlbaby._resources"
CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


@functools.cache
def root() -> Traversable:
    """The resources folder: the installed package's, else the checkout's."""
    try:
        return importlib_resources.files(PACKAGE)
    except ModuleNotFoundError:
        return CHECKOUT


def path(relative: str) -> Traversable:
    """The resource `relative` (posix style) under resources/.

    Raises:
        ValueError: the path is absolute or contains '..'.
        FileNotFoundError: no such resource.
    """
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise ValueError(f"resource path must stay inside resources/: {relative!r}")
    full = root()
    for part in rel.parts:  # one at a time: Python 3.11's namespace paths take one
        full = full.joinpath(part)
    if not (full.is_file() or full.is_dir()):
        raise FileNotFoundError(f"missing resource: {relative}")
    return full


def read_text(relative: str) -> str:
    return path(relative).read_text(encoding="utf-8")


def listing(folder: str, pattern: str = "*") -> list[str]:
    """Relative names of the files in a resource folder, sorted."""
    return sorted(
        f"{folder}/{p.name}"
        for p in path(folder).iterdir()
        if p.is_file() and PurePosixPath(p.name).match(pattern)
    )

"""The one accessor for files under resources/ (STYLE rule 10). Qt-free.

Paths are resolved from one root and may not escape it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent / "resources"


def path(relative: str) -> Path:
    """Absolute path of `relative` (posix style) under resources/.

    Raises:
        ValueError: the path is absolute or contains '..'.
        FileNotFoundError: no such resource.
    """
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise ValueError(f"resource path must stay inside resources/: {relative!r}")
    full = ROOT.joinpath(*rel.parts)
    if not full.exists():
        raise FileNotFoundError(f"missing resource: {relative}")
    return full


def read_text(relative: str) -> str:
    return path(relative).read_text(encoding="utf-8")


def listing(folder: str, pattern: str = "*") -> list[str]:
    """Relative names of the files in a resource folder, sorted."""
    return sorted(f"{folder}/{p.name}" for p in path(folder).glob(pattern) if p.is_file())

"""Errors the store raises. Each message is written for the person using the app."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class: anything the store cannot do, with a readable message."""


class CorruptFileError(StoreError):
    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class NewerVersionError(StoreError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(
            f"The data in {path} was written by a newer version of rlbaby "
            f"(data format {found}; this version reads up to {supported}). "
            "Nothing was changed. Please update rlbaby to open it."
        )
        self.found = found
        self.supported = supported


class LockedError(StoreError):
    def __init__(self, data_dir: Path, owner: str) -> None:
        who = f" ({owner})" if owner else ""
        super().__init__(
            f"rlbaby is already running on {data_dir}{who}. "
            "Only one copy can write to a data folder at a time."
        )
        self.data_dir = data_dir
        self.owner = owner


class ReadOnlyError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "This data folder is open read-only (another copy of rlbaby is writing to it). "
            "Nothing was saved."
        )


def why(cause: OSError) -> str:
    """A short reason a person understands, for a failed file operation."""
    reason = {28: "the disk is full", 30: "the folder is read-only", 13: "permission denied"}
    return reason.get(cause.errno or 0, cause.strerror or str(cause))


class WriteError(StoreError):
    """A save failed (disk full, read-only folder, I/O error). The old file is unchanged."""

    def __init__(self, path: Path | str, cause: OSError) -> None:
        super().__init__(
            f"Could not save to {path}: {why(cause)}. The last saved data is unchanged."
        )
        self.path = Path(path)
        self.cause = cause

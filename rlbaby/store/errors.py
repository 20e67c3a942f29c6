"""Errors the store raises. Each message is written for the person using the app."""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """Base class: anything the store cannot do, with a readable message."""


class CorruptFileError(StoreError):
    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class MalformedRecord(ValueError):  # noqa: N818 - a verdict on data, not a failure of ours
    """A stored record is wrongly shaped: a field missing, of the wrong type or out of range.

    Decoders raise this, and only this, for bad data. Loading sets a file aside
    (quarantine/) for this or a CorruptFileError and for nothing else, so a bug
    that raises a plain KeyError or TypeError fails the open loudly instead of
    hiding a good file. A ValueError, so callers that check input (import)
    catch it with the rest of their validation.
    """


class NotRegularFileError(OSError):
    """A data path is a FIFO, socket, device or folder: never read, never replaced.

    Reading a FIFO would block forever; such a thing in the data folder is
    reported, and left for a person to move.
    """

    def __init__(self, path: Path | str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"it is {kind}, not a regular file", str(path))
        self.kind = kind


class HeldOpenError(PermissionError):
    """Windows: a file could not be replaced, try after try, because another
    program (antivirus, the search indexer, a sync client) kept it open."""

    def __init__(self, path: Path | str, tries: int, seconds: float) -> None:
        super().__init__(
            errno.EACCES,
            "permission denied, or another program kept the file open (antivirus, the "
            f"search indexer or a sync client?); rlbaby tried {tries} times in {seconds:.1f} s",
            str(path),
        )


class LockLostError(StoreError):
    def __init__(self, lock_path: Path) -> None:
        super().__init__(
            f"The lock file {lock_path} was deleted or replaced while rlbaby was writing, "
            "so another copy may be writing to this folder now. Nothing more is saved "
            "from this window: close rlbaby (and any other copy) and open it again."
        )
        self.path = lock_path


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
    if isinstance(cause, HeldOpenError):
        return cause.strerror or str(cause)
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the folder is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
    }
    return reason.get(cause.errno or 0, cause.strerror or str(cause))


def open_error(data_dir: Path | str, cause: OSError) -> StoreError:
    """The StoreError for an OSError met while opening a data folder: which
    file, why, and what the person can do."""
    where = cause.filename or data_dir
    return StoreError(
        f"Cannot open the data folder {data_dir}: {where}: {why(cause)}. "
        "Nothing was changed. Check that this file and its folder can be read and "
        "written (permissions, a full or read-only disk), then open rlbaby again."
    )


class WriteError(StoreError):
    """A save failed (disk full, read-only folder, I/O error). The old file is unchanged."""

    def __init__(self, path: Path | str, cause: OSError) -> None:
        super().__init__(
            f"Could not save to {path}: {why(cause)}. The last saved data is unchanged."
        )
        self.path = Path(path)
        self.cause = cause


class TextTooLongError(StoreError):
    """A text is over its limit (rlbaby.model.limits); nothing was saved."""

    def __init__(self, what: str, length: int, most: int) -> None:
        super().__init__(
            f"{what} is {length:,} characters long; rlbaby keeps up to {most:,}. "
            "Nothing was saved: shorten it and save again."
        )
        self.length = length
        self.most = most

"""Storage: the only package that touches files. No Qt."""

from rlbaby.store.backend import Problem
from rlbaby.store.errors import (
    CorruptFileError,
    LockedError,
    NewerVersionError,
    ReadOnlyError,
    StoreError,
    WriteError,
)
from rlbaby.store.store import SCHEMA_VERSION, Store

__all__ = [
    "SCHEMA_VERSION",
    "CorruptFileError",
    "LockedError",
    "NewerVersionError",
    "Problem",
    "ReadOnlyError",
    "Store",
    "StoreError",
    "WriteError",
]

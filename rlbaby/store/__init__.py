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
from rlbaby.store.schema import SCHEMA_VERSION
from rlbaby.store.store import Store

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

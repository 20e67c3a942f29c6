"""The data format's version: the one this rlbaby writes, and the check of a folder's.

Its own module so that the store, migrations, backups and restore all read the
version from one place without importing one another (they once formed a cycle).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rlbaby.store.backend import Backend
from rlbaby.store.errors import CorruptFileError, MalformedRecord, NewerVersionError

# 2: the tap log (taps.log) holds the latest saves; see taplog.py.
SCHEMA_VERSION = 2


def single(data: Mapping[str, Any], table: str) -> dict[str, Any] | None:
    """The one document of a meta.json table (meta, settings), or None."""
    docs = data.get(table) or {}
    for doc in docs.values():
        return dict(doc)
    return None


def meta_version(meta: Mapping[str, Any]) -> int:
    """The schema version a meta document states.

    Raises:
        MalformedRecord: it is missing, not a whole number (a bool is not one), or below 1.
    """
    version = meta.get("schema_version")
    if type(version) is not int or version < 1:
        raise MalformedRecord(f"schema_version is {version!r}, not a version number")
    return version


def read_schema_version(backend: Backend) -> int | None:
    """The folder's schema version, or None for a new (or meta-less) folder."""
    if not backend.exists("", "meta"):
        return None
    try:
        data = backend.storage("", "meta").read()
    except CorruptFileError:
        return None  # handled (quarantined) when the store loads
    meta = single(data or {}, "meta")
    try:
        return None if meta is None else meta_version(meta)
    except MalformedRecord:
        return None  # such a meta.json is quarantined at load


def check_version(backend: Backend) -> None:
    """Refuse a folder written by a newer rlbaby.

    Raises:
        NewerVersionError: its schema version is above SCHEMA_VERSION.
    """
    version = read_schema_version(backend)
    if version is not None and version > SCHEMA_VERSION:
        where = getattr(backend, "data_dir", "this data folder")
        raise NewerVersionError(where, version, SCHEMA_VERSION)

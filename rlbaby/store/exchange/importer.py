"""Import: plan a file (nothing written), then apply the plan all or nothing."""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from rlbaby.model import Child
from rlbaby.store import osfs, zipsafe
from rlbaby.store.backend import FileBackend
from rlbaby.store.exchange.formats import CSV_TABLES, err
from rlbaby.store.exchange.plan import ImportPlan, Planner
from rlbaby.store.exchange.readers import (
    CSV_PLANNERS,
    plan_children_csv,
    plan_episodes_csv,
    plan_json,
    plan_labs_csv,
    plan_movements_csv,
    plan_sleep_csv,
)
from rlbaby.store.journal import journalled
from rlbaby.store.store import Store

# Far above real data: five years of taps make a movements table of ~20 MB.
MAX_FILE_BYTES = 512 * 1024 * 1024
ZIP_BOUNDS = zipsafe.Bounds(
    kind="export",
    members=1000,
    member_bytes=64 * 1024 * 1024,
    total_bytes=512 * 1024 * 1024,
    folders=True,  # "Compress" on a folder of CSV files writes folder entries
)
# What opening or reading a zip raises for a damaged one; RuntimeError: encrypted.
_ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    NotImplementedError,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
)


def plan_import(store: Store, path: Path) -> ImportPlan:
    """Validate `path` and work out what importing it would add. Writes nothing.

    Raises:
        ImportError_: names the file, the line and the problem.
    """
    path = Path(path)
    with _open_regular(path) as fh:
        planner = Planner(store, path)
        if path.suffix.lower() == ".zip":
            for name, member in _zip_tables(fh, path):
                CSV_PLANNERS[name](planner, member, f"{path.name}/{name}")
            return planner.finish()
        raw = _read_bounded(fh, path)
    if path.suffix.lower() == ".json":
        plan_json(planner, raw, path)
    else:
        end = raw.find(b"\n")
        first = raw[: end if end >= 0 else len(raw)].decode("utf-8-sig", errors="replace")
        cols = {c.strip().strip('"') for c in first.split(",")}
        if "opened" in cols:
            plan_episodes_csv(planner, raw, path)
        elif "asleep" in cols:
            plan_sleep_csv(planner, raw, path)
        elif "name" in cols and "child" not in cols:
            plan_children_csv(planner, raw, path)
        elif {"test", "value"} <= cols:
            plan_labs_csv(planner, raw, path)
        else:
            plan_movements_csv(planner, raw, path)
    return planner.finish()


def _open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, refused unless it is a regular file.

    Opened without blocking, then checked: a FIFO would otherwise wait for a
    writer forever, and a device or folder never ends or never reads.
    """
    try:
        fd = osfs.open_fd(path, os.O_RDONLY | osfs.NONBLOCK)
    except OSError as exc:
        raise err(path, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise err(path, None, f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise err(path, None, "not a regular file (a folder, pipe or device cannot be imported)")
    return os.fdopen(fd, "rb")


def _read_bounded(fh: BinaryIO, path: Path) -> bytes:
    """The whole file, refused past MAX_FILE_BYTES (read no further than that)."""
    try:
        raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise err(path, None, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise err(path, None, f"the file is larger than {MAX_FILE_BYTES:,} bytes")
    return raw


def _table_key(name: str) -> str:
    """A table in a subfolder is still that table: two of them are a duplicate."""
    base = name.rsplit("/", 1)[-1]
    return base if base in CSV_TABLES else name


def _zip_tables(fh: BinaryIO, path: Path) -> Iterator[tuple[str, bytes]]:
    """The CSV_TABLES in the zip, one at a time in the order to read them,
    after every member passed zipsafe's checks (sizes, ratios, names, kinds).

    Raises:
        ImportError_: "x.zip: problem"; nothing has been read past the bounds.
    """

    def refuse(problem: str) -> Exception:
        return err(path, None, problem)

    try:
        zf = zipfile.ZipFile(fh)
    except _ZIP_DAMAGE:
        raise err(path, None, "not a valid zip file") from None
    with zf:
        members = zipsafe.check_members(zf, ZIP_BOUNDS, refuse, key=_table_key)
        for name in CSV_TABLES:
            if name not in members:
                continue
            try:
                raw = zipsafe.read_member(zf, members[name], ZIP_BOUNDS, refuse)
            except _ZIP_DAMAGE as exc:
                raise err(path, None, f"{members[name].filename} is damaged ({exc})") from None
            yield name, raw


def apply_import(store: Store, plan: ImportPlan) -> None:
    """Write the plan all or nothing, across crashes too.

    In a data folder every file is staged first and a journal makes the
    renames durable before any is done (rlbaby.store.journal): killed at any
    moment, the folder opens as before the import or after it.

    Raises:
        StoreError: nothing was written (the disk refused), or
        UnfinishedCommitError: the import is decided and in memory, and the
            next open finishes putting its files in place.
    """
    planned = {r.id for r in plan.records if isinstance(r, Child)}
    # save_many keeps a record's own updated_ms (a JSON record's), so a later
    # merge still sees it as newer; it stamps CSV rows (updated_ms 0) now.
    copies = [c for c in plan.new_children if c.id not in planned] + plan.records
    if store.data_dir is None or not isinstance(store.backend, FileBackend) or store.readonly:
        store.save_many(copies)
        return
    with journalled(store.data_dir) as batch:
        store.save_many(copies, commit=batch.commit)
    error = batch.unfinished_error()
    if error is not None:
        raise error


def import_file(store: Store, path: Path) -> ImportPlan:
    plan = plan_import(store, path)
    if not plan.empty:
        apply_import(store, plan)
    return plan

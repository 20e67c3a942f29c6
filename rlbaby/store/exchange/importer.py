"""Import: plan a file (nothing written), then apply the plan all or nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from rlbaby.model import Child
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


def plan_import(store: Store, path: Path) -> ImportPlan:
    """Validate `path` and work out what importing it would add. Writes nothing.

    Raises:
        ImportError_: names the file, the line and the problem.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise err(path, None, f"cannot read: {exc.strerror or exc}") from None
    planner = Planner(store, path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        plan_json(planner, raw, path)
    elif suffix == ".zip":
        for name, member in _zip_members(raw, path).items():
            CSV_PLANNERS[name](planner, member, f"{path.name}/{name}")
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


def _zip_members(raw: bytes, path: Path) -> dict[str, bytes]:
    """The CSV_TABLES in the zip, in the order to read them."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = {Path(n).name: n for n in zf.namelist()}
            return {name: zf.read(names[name]) for name in CSV_TABLES if name in names}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise err(path, None, "not a valid zip file") from None
    except RuntimeError as exc:  # encrypted
        raise err(path, None, f"cannot read the zip file ({exc})") from None


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

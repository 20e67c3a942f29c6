"""Import: plan a file (nothing written), then apply the plan all or nothing."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

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
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as zf:
                members = {Path(n).name: zf.read(n) for n in zf.namelist()}
        except zipfile.BadZipFile:
            raise err(path, None, "not a valid zip file") from None
        for name in CSV_TABLES:
            if name in members:
                CSV_PLANNERS[name](planner, members[name], f"{path.name}/{name}")
    else:
        header = raw.decode("utf-8-sig", errors="replace").splitlines()[:1]
        cols = {c.strip() for c in header[0].split(",")} if header else set()
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
    for c in planner.plan.new_children:
        if c.id not in planner.pending:
            planner.plan.added["children"] = planner.plan.added.get("children", 0) + 1
    return planner.plan


def apply_import(store: Store, plan: ImportPlan) -> None:
    """Write the plan in one all-or-nothing step."""
    records = [c for c in plan.new_children if not any(r.id == c.id for r in plan.records)]
    records += plan.records
    # Keep the imported updated_ms of newer records so a later merge still sees them as newer.
    store.save_many([replace(r) for r in records])


def import_file(store: Store, path: Path) -> ImportPlan:
    plan = plan_import(store, path)
    if not plan.empty:
        apply_import(store, plan)
    return plan

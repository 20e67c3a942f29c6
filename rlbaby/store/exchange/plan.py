"""An import plan: what importing a file would add or change, worked out before
anything is written. CSV rows only add (`fill_in`); JSON records carry their time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from rlbaby.model import (
    Child,
    Episode,
    FamilyHistory,
    Movement,
    MovementKind,
    SleepPeriod,
    label,
)
from rlbaby.store.exchange.formats import NAMESPACE, err
from rlbaby.store.store import Store


@dataclass
class ImportPlan:
    """What an import would do. Nothing is written until `apply_import`."""

    source: str
    new_children: list[Child] = field(default_factory=list)
    records: list[Any] = field(default_factory=list)
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    # CSV rows that hold a value other than the one here (which stays).
    differing: int = 0

    def summary(self) -> str:
        parts = [_count(n, k) for k, n in sorted(self.added.items()) if n]
        ups = [_count(n, k) for k, n in sorted(self.updated.items()) if n]
        text = "adds " + (", ".join(parts) if parts else "nothing")
        if ups:
            text += "; updates " + ", ".join(ups)
        if self.new_children:
            text += "; new children: " + ", ".join(c.name for c in self.new_children)
        if self.unchanged:
            text += f"; {self.unchanged} already present"
        if self.differing:
            text += f"; {self.differing} differ from what is here, which is kept"
        return text

    @property
    def empty(self) -> bool:
        return not self.records and not self.new_children


_SINGULAR = {
    "children": "child",
    "movements": "movement",
    "episodes": "episode",
    "sleep periods": "sleep period",
}


def _count(n: int, plural: str) -> str:
    return f"{n} {plural if n != 1 else _SINGULAR.get(plural, plural)}"


def det_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))


KIND_WORDS = (
    {k.value: k for k in MovementKind}
    | {label(k): k for k in MovementKind}
    | {"twitch": MovementKind.JERK, "jerk/twitch": MovementKind.JERK, "": MovementKind.UNSPECIFIED}
)


class Planner:
    def __init__(self, store: Store, source: Path) -> None:
        self.store = store
        self.source = source
        self.plan = ImportPlan(str(source))
        self.children: dict[str, Child] = {c.name.casefold(): c for c in store.children()}
        self.pending: dict[str, Any] = {}
        self.index: dict[str, int] = {}  # record id -> its place in plan.records

    def child_id(self, name: str, line: int, where: Path | str) -> str:
        name = name.strip()
        if not name:
            raise err(where, line, "the child column is empty")
        found = self.children.get(name.casefold())
        if found is None:
            found = Child(name, id=det_id("child", name.casefold()))
            self.children[name.casefold()] = found
            if self.store.child(found.id) is None:
                self.plan.new_children.append(found)
        return found.id

    def offer(self, rec: Any) -> None:
        kind = {Movement: "movements", Episode: "episodes", SleepPeriod: "sleep periods"}.get(
            type(rec), "children"
        )
        getter = {
            Movement: self.store.movement,
            Episode: self.store.episode,
            SleepPeriod: self.store.sleep_period,
            Child: self.store.child,
        }[type(rec)]
        planned = self.pending.get(rec.id)
        base = planned or getter(rec.id)
        if base is not None and not rec.updated_ms:  # a CSV row: it may only add
            rec, changed, differs = fill_in(base, rec)
            self.plan.differing += differs
            if not changed:
                self.plan.unchanged += planned is None and not differs
                return
        elif base is not None and not rec.updated_ms > base.updated_ms:
            self.plan.unchanged += 1
            return
        if planned is not None:  # the same record again in this import: the later wins
            self.plan.records[self.index[rec.id]] = rec
        else:
            counts = self.plan.added if base is None else self.plan.updated
            counts[kind] = counts.get(kind, 0) + 1
            self.index[rec.id] = len(self.plan.records)
            self.plan.records.append(rec)
        self.pending[rec.id] = rec
        if isinstance(rec, Child):
            self.children[rec.name.casefold()] = rec


# Fields a CSV row never changes: who, which record, and the record's own times.
_KEYS = frozenset({"id", "child_id", "created_ms", "updated_ms", "deleted_ms"})
_UNSET: tuple[Any, ...] = (
    None,
    "",
    (),
    frozenset(),
    FamilyHistory.UNKNOWN,
    MovementKind.UNSPECIFIED,
)


def _unset(value: Any) -> bool:
    return any(value is u or (type(value) is type(u) and value == u) for u in _UNSET)


def fill_in(base: Any, rec: Any) -> tuple[Any, bool, bool]:
    """`base` with the fields it lacks taken from `rec` (a CSV row), and lab
    results added. Returns (record, changed, a set value differed)."""
    changes: dict[str, Any] = {}
    differs = False
    for f in fields(base):
        old, new = getattr(base, f.name), getattr(rec, f.name)
        if f.name in _KEYS or new == old or _unset(new):
            continue
        if f.name == "labs":
            extra = tuple(lab for lab in new if lab not in old)
            if extra:
                changes["labs"] = old + extra
        elif _unset(old):
            changes[f.name] = new
        else:
            differs = True
    if not changes:
        return base, False, differs
    try:
        # updated_ms 0: saving stamps it now, as for any edit.
        return replace(base, **changes, updated_ms=0), True, differs
    except ValueError:  # e.g. an Awake mark before the Asleep mark here
        return base, False, True

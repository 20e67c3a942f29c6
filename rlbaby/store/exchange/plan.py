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
from rlbaby.store.exchange.checks import record_problem
from rlbaby.store.exchange.formats import NAMESPACE, ImportError_, err
from rlbaby.store.exchange.jsonfile import json_record_line
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


_WORD = {Movement: "movement", Episode: "episode", SleepPeriod: "sleep period", Child: "child"}
_A = {
    Movement: "a movement",
    Episode: "an episode",
    SleepPeriod: "a sleep period",
    Child: "a child",
}


class Planner:
    """Collects the records a file offers into an ImportPlan, refusing what
    must not get in (see `offer` and `finish`), each with its file and line.

    A record's place is one int (where index << 32 | line, or record number
    in a JSON section), so a million rows cost no tuple each.
    """

    def __init__(self, store: Store, source: Path) -> None:
        self.store = store
        self.source = source
        self.now_ms = store.now_ms()
        self.plan = ImportPlan(str(source))
        self.children: dict[str, Child] = {c.name.casefold(): c for c in store.children()}
        self.pending: dict[str, Any] = {}
        self.index: dict[str, int] = {}  # record id -> its place in plan.records
        self._wheres: list[tuple[Path | str, str | None, bytes | None]] = []
        self._where_ix: dict[tuple[Path | str, str | None], int] = {}
        self._places: dict[str, int] = {}  # record id -> where it came from

    def place(
        self, where: Path | str, line: int, section: str | None = None, raw: bytes | None = None
    ) -> int:
        """A place to name in an error: a CSV line, or a JSON section's record number."""
        ix = self._where_ix.get((where, section))
        if ix is None:
            ix = self._where_ix[(where, section)] = len(self._wheres)
            self._wheres.append((where, section, raw))
        return ix << 32 | line

    def error(self, place: int, problem: str) -> ImportError_:
        ix, number = divmod(place, 1 << 32)
        where, section, raw = self._wheres[ix]
        if section is None:
            return err(where, number, problem)
        line = json_record_line(raw or b"", section, number)
        return err(where, line, f"{section} record {number}: {problem}")

    def child_id(self, name: str, place: int) -> str:
        name = name.strip()
        if not name:
            raise self.error(place, "the child column is empty")
        found = self.children.get(name.casefold())
        if found is None:
            found = Child(name, id=det_id("child", name.casefold()))
            self.children[name.casefold()] = found
            if self.store.child(found.id) is None:
                self.plan.new_children.append(found)
                self._places.setdefault(found.id, place)
        return found.id

    def _kind_here(self, rid: str) -> type | None:
        """The type of the record the data folder holds under `rid`, if any."""
        for typ, getter in (
            (Child, self.store.child),
            (Episode, self.store.episode),
            (SleepPeriod, self.store.sleep_period),
            (Movement, self.store.movement),
        ):
            if getter(rid) is not None:
                return typ
        return None

    def offer(self, rec: Any, place: int) -> None:
        """Add `rec` to the plan, or count it as present.

        Raises:
            ImportError_: a time, text or id `rec` must not bring in.
        """
        problem = record_problem(rec, self.now_ms)
        if problem:
            raise self.error(place, f"{_WORD[type(rec)]} {rec.id!r}: {problem}")
        kind = {Movement: "movements", Episode: "episodes", SleepPeriod: "sleep periods"}.get(
            type(rec), "children"
        )
        planned = self.pending.get(rec.id)
        if planned is not None and type(planned) is not type(rec):
            raise self.error(
                place,
                f"the id {rec.id!r} of this {_WORD[type(rec)]} is also the id of "
                f"{_A[type(planned)]} in this file",
            )
        getter = {
            Movement: self.store.movement,
            Episode: self.store.episode,
            SleepPeriod: self.store.sleep_period,
            Child: self.store.child,
        }[type(rec)]
        base = planned or getter(rec.id)
        if base is None:
            other = self._kind_here(rec.id)
            if other is not None:
                raise self.error(
                    place,
                    f"the id {rec.id!r} of this {_WORD[type(rec)]} is already the id of "
                    f"{_A[other]} in the data folder",
                )
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
            self._places.setdefault(rec.id, place)
        self.pending[rec.id] = rec
        if isinstance(rec, Child):
            self.children[rec.name.casefold()] = rec

    def _child_known(self, child_id: str, new_kids: set[str]) -> bool:
        return (
            isinstance(self.pending.get(child_id), Child)
            or child_id in new_kids
            or self.store.child(child_id) is not None
        )

    def finish(self) -> ImportPlan:
        """Refuse a plan whose records point to a child or episode that is
        neither in the file nor in the data folder, or to another child's episode."""
        new_kids = {c.id for c in self.plan.new_children}
        for rec in self.plan.records:
            if isinstance(rec, Child):
                continue
            what = f"{_WORD[type(rec)]} {rec.id!r}"
            if not self._child_known(rec.child_id, new_kids):
                raise self.error(
                    self._places[rec.id],
                    f"{what} belongs to child {rec.child_id!r}, who is neither in this file "
                    "nor in the data folder",
                )
            if isinstance(rec, Movement):
                ep = self.pending.get(rec.episode_id) or self.store.episode(rec.episode_id)
                if not isinstance(ep, Episode):
                    raise self.error(
                        self._places[rec.id],
                        f"{what} belongs to episode {rec.episode_id!r}, which is neither in "
                        "this file nor in the data folder",
                    )
                if ep.child_id != rec.child_id:
                    raise self.error(
                        self._places[rec.id],
                        f"{what} is of child {rec.child_id!r} but its episode "
                        f"{rec.episode_id!r} is of child {ep.child_id!r}",
                    )
        for c in self.plan.new_children:
            if c.id not in self.pending:
                self.plan.added["children"] = self.plan.added.get("children", 0) + 1
        return self.plan


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

"""Export and import: CSV (children, labs, movements, episodes, sleep) and full JSON. Qt-free.

Import is planned first (validated, de-duplicated, nothing written), then
applied in one all-or-nothing `save_many`. Records carry uuids, so importing
the same file twice adds nothing; rows without an id get a deterministic one.

A JSON record carries its `updated_ms`, and the newer copy wins. A CSV row
carries no time, so it may add to a record that is here (fill in an empty
field, add a lab result) but never changes a value that is set: the plan
counts such rows in `differing`, and the value here stays.
"""

from __future__ import annotations

import csv
import io
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from rlbaby import __version__
from rlbaby.model import (
    Child,
    Episode,
    FamilyHistory,
    Instant,
    LabResult,
    Movement,
    MovementKind,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    Trigger,
    label,
)
from rlbaby.store import codec
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.errors import StoreError
from rlbaby.store.store import SCHEMA_VERSION, Store

JSON_FORMAT = "rlbaby-export/1"
NAMESPACE = uuid.UUID("6f1d3c1e-4b7a-4e8e-9a51-2b0d9c1f7a10")

MOVEMENT_COLUMNS = ["id", "child", "time", "kind", "episode", "note"]
EPISODE_COLUMNS = [
    "id",
    "child",
    "opened",
    "settled",
    "onset_state",
    "soothing",
    "response",
    "stopped_when_woken",
    "signs",
    "triggers",
    "video",
    "note",
]
SLEEP_COLUMNS = ["id", "child", "asleep", "awake"]
CHILD_COLUMNS = ["id", "name", "birth_date", "born_early", "family_history", "notes"]
LAB_COLUMNS = ["child", "test", "value", "unit", "taken"]
# The tables in the order an import reads them (children before what refers to them).
CSV_TABLES = ("children.csv", "labs.csv", "episodes.csv", "sleep.csv", "movements.csv")
# Free text is kept exactly as written; every other field is trimmed.
_VERBATIM = frozenset({"note", "notes", "test", "value", "unit"})


class ImportError_(StoreError):
    """A file that cannot be imported; the message names file, line and problem."""


def _err(path: Path | str, line: int | None, problem: str) -> ImportError_:
    where = f"{Path(path).name}:{line}" if line else Path(path).name
    return ImportError_(f"{where}: {problem}")


# --- export ------------------------------------------------------------------


def _records(store: Store) -> tuple[list[Child], list[Movement], list[Episode], list[SleepPeriod]]:
    kids = store.children(include_deleted=True)
    moves = [m for m in (store.movement(i) for i in store.columns.ids) if m is not None]
    moves.sort(key=lambda m: m.at.utc_ms)
    return (
        kids,
        moves,
        store.episodes(include_deleted=True),
        store.sleep_periods(include_deleted=True),
    )


def export_json(store: Store, out: Path) -> dict[str, int]:
    kids, moves, eps, sleep = _records(store)
    doc = {
        "format": JSON_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "settings": codec.settings_to_doc(store.settings),
        "children": [codec.child_to_doc(c) for c in kids],
        "episodes": [codec.episode_to_doc(e) for e in eps],
        "movements": [codec.movement_to_doc(m) for m in moves],
        "sleep": [codec.sleep_to_doc(s) for s in sleep],
    }
    atomic_write_bytes(out, orjson.dumps(doc, option=orjson.OPT_INDENT_2))
    return {k: len(v) for k, v in doc.items() if isinstance(v, list)}


def _iso(i: Instant | None) -> str:
    return "" if i is None else i.isoformat()


def _join(values: Iterable[Any]) -> str:
    return ";".join(sorted(v.value for v in values))


def _csv_text(columns: list[str], rows: Iterable[list[str]]) -> bytes:
    buf = io.StringIO()
    # CRLF as RFC 4180 says: with "\n" alone the writer does not quote a field
    # holding a lone "\r", and the reader then splits the row there.
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def csv_tables(store: Store) -> dict[str, bytes]:
    """The CSV_TABLES of live records, and of the children they belong to."""
    kids, moves, eps, sleep = _records(store)
    name = {c.id: c.name for c in kids}
    records: list[Movement | Episode | SleepPeriod] = [*moves, *eps, *sleep]
    used = {r.child_id for r in records if r.deleted_ms is None}
    shown = [c for c in kids if c.deleted_ms is None or c.id in used]
    return {
        "children.csv": _csv_text(
            CHILD_COLUMNS,
            (
                [
                    c.id,
                    c.name,
                    _day(c.birth_date),
                    _yes_no(c.born_early),
                    c.family_history.value,
                    c.notes,
                ]
                for c in shown
            ),
        ),
        "labs.csv": _csv_text(
            LAB_COLUMNS,
            (
                [c.name, lab.test, lab.value, lab.unit, _day(lab.taken)]
                for c in shown
                for lab in c.labs
            ),
        ),
        "movements.csv": _csv_text(
            MOVEMENT_COLUMNS,
            (
                [
                    m.id,
                    name.get(m.child_id, m.child_id),
                    _iso(m.at),
                    m.kind.value,
                    m.episode_id,
                    m.note,
                ]
                for m in moves
                if m.deleted_ms is None
            ),
        ),
        "episodes.csv": _csv_text(
            EPISODE_COLUMNS,
            (
                [
                    e.id,
                    name.get(e.child_id, e.child_id),
                    _iso(e.opened),
                    _iso(e.settled),
                    e.onset_state.value if e.onset_state else "",
                    _join(e.soothing),
                    e.response.value if e.response else "",
                    e.stopped_when_woken.value if e.stopped_when_woken else "",
                    _join(e.signs),
                    _join(e.triggers),
                    _yes_no(e.video),
                    e.note,
                ]
                for e in eps
                if e.deleted_ms is None
            ),
        ),
        "sleep.csv": _csv_text(
            SLEEP_COLUMNS,
            (
                [s.id, name.get(s.child_id, s.child_id), _iso(s.asleep), _iso(s.awake)]
                for s in sleep
                if s.deleted_ms is None
            ),
        ),
    }


def export_csv(store: Store, out: Path) -> list[Path]:
    """OUT.zip: one zip of the CSV_TABLES. Otherwise OUT (movements) and, beside
    it, OUT's stem + `.children.csv`, `.labs.csv`, `.episodes.csv`, `.sleep.csv`.

    Returns the files written, in the order to import them: any order works,
    but an episode imported after its movements keeps the start time guessed
    from them where the two differ (the import says how many differ).
    """
    tables = csv_tables(store)
    if out.suffix.lower() == ".zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for n in CSV_TABLES:
                zf.writestr(n, tables[n])
        atomic_write_bytes(out, buf.getvalue())
        return [out]
    paths = {
        n: out if n == "movements.csv" else out.with_name(f"{out.stem}.{n}") for n in CSV_TABLES
    }
    for n, p in paths.items():
        atomic_write_bytes(p, tables[n])
    return list(paths.values())


# --- import ------------------------------------------------------------------


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


def _det_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))


_KIND_WORDS = (
    {k.value: k for k in MovementKind}
    | {label(k): k for k in MovementKind}
    | {"twitch": MovementKind.JERK, "jerk/twitch": MovementKind.JERK, "": MovementKind.UNSPECIFIED}
)


class _Planner:
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
            raise _err(where, line, "the child column is empty")
        found = self.children.get(name.casefold())
        if found is None:
            found = Child(name, id=_det_id("child", name.casefold()))
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
            rec, changed, differs = _fill_in(base, rec)
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


def _fill_in(base: Any, rec: Any) -> tuple[Any, bool, bool]:
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


def _time(text: str, where: Path | str, line: int, col: str) -> Instant:
    try:
        return Instant.parse(text)
    except ValueError as exc:
        raise _err(where, line, f"column {col!r}: {exc}") from None


def _enum_list(cls: Any, text: str, where: Path | str, line: int, col: str) -> frozenset[Any]:
    try:
        return frozenset(cls(v.strip()) for v in text.split(";") if v.strip())
    except ValueError as exc:
        raise _err(where, line, f"column {col!r}: {exc}") from None


def _opt(cls: Any, text: str, where: Path | str, line: int, col: str) -> Any:
    try:
        return cls(text.strip()) if text.strip() else None
    except ValueError as exc:
        raise _err(where, line, f"column {col!r}: {exc}") from None


def _rows(
    raw: bytes, where: Path | str, required: list[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _err(where, None, "not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise _err(
            where, 1, f"missing column(s) {', '.join(missing)}; found {', '.join(header) or 'none'}"
        )
    reader.fieldnames = header
    for row in reader:
        if None in row:
            raise _err(where, reader.line_num, "more fields than the header has")
        if not any((v or "").strip() for v in row.values()):
            continue
        yield (
            reader.line_num,
            {k: (v or "") if k in _VERBATIM else (v or "").strip() for k, v in row.items()},
        )


def _plan_movements_csv(p: _Planner, raw: bytes, where: Path | str) -> None:
    timeout = p.store.settings.idle_timeout_s * 1000
    rows = []
    seen: dict[tuple[str, int], int] = {}
    for line, row in _rows(raw, where, ["child", "time"]):
        child = p.child_id(row["child"], line, where)
        at = _time(row["time"], where, line, "time")
        word = row.get("kind", "").lower()
        if word not in _KIND_WORDS:
            raise _err(
                where, line, f"unknown kind {row['kind']!r} (use kick, jerk, stretch, stiffening)"
            )
        n = seen[(child, at.utc_ms)] = seen.get((child, at.utc_ms), 0) + 1
        mid = row.get("id") or _det_id("movement", child, at.utc_ms, n)
        rows.append(
            (child, at, _KIND_WORDS[word], row.get("episode", ""), row.get("note", ""), mid)
        )
    # Rows without an episode form episodes by the idle-timeout rule.
    last: dict[str, tuple[str, int]] = {}
    episodes: dict[str, Episode] = {}
    for child, at, kind, ep_label, note, mid in sorted(rows, key=lambda r: (r[0], r[1].utc_ms)):
        if ep_label:
            eid = ep_label if _is_uuid(ep_label) else _det_id("episode", child, ep_label)
        else:
            prev = last.get(child)
            if prev is not None and at.utc_ms - prev[1] <= timeout:
                eid = prev[0]
            else:
                eid = _det_id("episode", child, at.utc_ms)
        last[child] = (eid, at.utc_ms)
        if eid not in episodes and p.store.episode(eid) is None and eid not in p.pending:
            episodes[eid] = Episode(child, opened=at, id=eid)
        p.offer(Movement(child, eid, at, kind=kind, id=mid, note=note))
    for ep in episodes.values():
        p.offer(ep)


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _plan_episodes_csv(p: _Planner, raw: bytes, where: Path | str) -> None:
    for line, row in _rows(raw, where, ["id", "child", "opened"]):
        video = row.get("video", "").lower()
        if video not in ("", "yes", "no"):
            raise _err(where, line, f"column 'video': use yes or no, not {row['video']!r}")
        p.offer(
            Episode(
                p.child_id(row["child"], line, where),
                opened=_time(row["opened"], where, line, "opened"),
                id=row["id"],
                settled=_time(row["settled"], where, line, "settled")
                if row.get("settled")
                else None,
                onset_state=_opt(
                    OnsetState, row.get("onset_state", ""), where, line, "onset_state"
                ),
                soothing=_enum_list(Soothing, row.get("soothing", ""), where, line, "soothing"),
                response=_opt(Response, row.get("response", ""), where, line, "response"),
                stopped_when_woken=_opt(
                    StoppedWhenWoken,
                    row.get("stopped_when_woken", ""),
                    where,
                    line,
                    "stopped_when_woken",
                ),
                signs=_enum_list(Sign, row.get("signs", ""), where, line, "signs"),
                triggers=_enum_list(Trigger, row.get("triggers", ""), where, line, "triggers"),
                video=None if not video else video == "yes",
                note=row.get("note", ""),
            )
        )


def _plan_sleep_csv(p: _Planner, raw: bytes, where: Path | str) -> None:
    for line, row in _rows(raw, where, ["id", "child", "asleep"]):
        try:
            p.offer(
                SleepPeriod(
                    p.child_id(row["child"], line, where),
                    asleep=_time(row["asleep"], where, line, "asleep"),
                    awake=_time(row["awake"], where, line, "awake") if row.get("awake") else None,
                    id=row["id"],
                )
            )
        except ValueError as exc:
            raise _err(where, line, str(exc)) from None


def _date(text: str, where: Path | str, line: int, col: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise _err(where, line, f"column {col!r}: not a date (YYYY-MM-DD): {text!r}") from None


def _yes_no_cell(text: str, where: Path | str, line: int, col: str) -> bool | None:
    word = text.lower()
    if word not in ("", "yes", "no"):
        raise _err(where, line, f"column {col!r}: use yes or no, not {text!r}")
    return None if not word else word == "yes"


def _plan_children_csv(p: _Planner, raw: bytes, where: Path | str) -> None:
    for line, row in _rows(raw, where, ["name"]):
        name = row["name"]
        if not name:
            raise _err(where, line, "the name column is empty")
        here = p.children.get(name.casefold())  # children are matched by name, as in every CSV
        rid = row.get("id", "")
        if here is not None:
            cid = here.id
        elif _is_uuid(rid) and p.store.child(rid) is None and rid not in p.pending:
            cid = rid
        else:
            cid = _det_id("child", name.casefold())
        p.offer(
            Child(
                name,
                id=cid,
                birth_date=_date(row.get("birth_date", ""), where, line, "birth_date"),
                born_early=_yes_no_cell(row.get("born_early", ""), where, line, "born_early"),
                family_history=_opt(
                    FamilyHistory, row.get("family_history", ""), where, line, "family_history"
                )
                or FamilyHistory.UNKNOWN,
                notes=row.get("notes", ""),
            )
        )


def _plan_labs_csv(p: _Planner, raw: bytes, where: Path | str) -> None:
    labs: dict[str, list[LabResult]] = {}
    for line, row in _rows(raw, where, ["child", "test", "value"]):
        cid = p.child_id(row["child"], line, where)
        taken = _date(row.get("taken", "").strip(), where, line, "taken")
        labs.setdefault(cid, []).append(
            LabResult(row["test"], row["value"], row.get("unit", ""), taken)
        )
    for cid, results in labs.items():
        child = p.pending.get(cid) or p.store.child(cid)
        if child is None:  # named first in this file
            child = next(c for c in p.plan.new_children if c.id == cid)
        p.offer(replace(child, labs=tuple(results), updated_ms=0))


def _plan_json(p: _Planner, raw: bytes, where: Path) -> None:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise _err(where, None, f"not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise _err(where, None, "not an rlbaby JSON export")
    version = doc.get("schema_version", 0)
    if type(version) is not int:
        raise _err(where, None, f"schema_version is {version!r}, not a version number")
    if version > SCHEMA_VERSION:
        raise _err(where, None, "written by a newer version of rlbaby; please update")
    for section, decode in (
        ("children", codec.child_from_doc),
        ("episodes", codec.episode_from_doc),
        ("sleep", codec.sleep_from_doc),
        ("movements", codec.movement_from_doc),
    ):
        items = doc.get(section, [])
        if not isinstance(items, list):
            raise _err(where, None, f"{section} is not a list")
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise _err(where, None, f"{section} record {n}: not an object: {item!r}")
            try:
                rec = decode(item)
            except (ValueError, KeyError, TypeError) as exc:
                raise _err(where, None, f"{section} record {n}: {exc}") from None
            if isinstance(rec, Child):
                if p.store.child(rec.id) is None and rec.id not in p.pending:
                    p.children.setdefault(rec.name.casefold(), rec)
            p.offer(rec)


_CSV_PLANNERS = {
    "children.csv": _plan_children_csv,
    "labs.csv": _plan_labs_csv,
    "episodes.csv": _plan_episodes_csv,
    "sleep.csv": _plan_sleep_csv,
    "movements.csv": _plan_movements_csv,
}


def plan_import(store: Store, path: Path) -> ImportPlan:
    """Validate `path` and work out what importing it would add. Writes nothing.

    Raises:
        ImportError_: names the file, the line and the problem.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _err(path, None, f"cannot read: {exc.strerror or exc}") from None
    planner = _Planner(store, path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        _plan_json(planner, raw, path)
    elif suffix == ".zip":
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as zf:
                members = {Path(n).name: zf.read(n) for n in zf.namelist()}
        except zipfile.BadZipFile:
            raise _err(path, None, "not a valid zip file") from None
        for name in CSV_TABLES:
            if name in members:
                _CSV_PLANNERS[name](planner, members[name], f"{path.name}/{name}")
    else:
        header = raw.decode("utf-8-sig", errors="replace").splitlines()[:1]
        cols = {c.strip() for c in header[0].split(",")} if header else set()
        if "opened" in cols:
            _plan_episodes_csv(planner, raw, path)
        elif "asleep" in cols:
            _plan_sleep_csv(planner, raw, path)
        elif "name" in cols and "child" not in cols:
            _plan_children_csv(planner, raw, path)
        elif {"test", "value"} <= cols:
            _plan_labs_csv(planner, raw, path)
        else:
            _plan_movements_csv(planner, raw, path)
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

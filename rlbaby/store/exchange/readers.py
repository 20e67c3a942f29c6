"""Reading each CSV table and the JSON export into an import plan, row by row."""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from rlbaby.model import (
    Child,
    Episode,
    FamilyHistory,
    Instant,
    LabResult,
    Movement,
    OnsetState,
    Response,
    Sign,
    SleepPeriod,
    Soothing,
    StoppedWhenWoken,
    Trigger,
)
from rlbaby.store import codec
from rlbaby.store.exchange.checks import instant_problem
from rlbaby.store.exchange.csvfile import read_rows
from rlbaby.store.exchange.formats import JSON_FORMAT, err
from rlbaby.store.exchange.plan import KIND_WORDS, Planner, det_id
from rlbaby.store.schema import SCHEMA_VERSION


def _time(p: Planner, text: str, place: int, col: str) -> Instant:
    try:
        at = Instant.parse(text)
    except (ValueError, OverflowError) as exc:
        raise p.error(place, f"column {col!r}: {exc}") from None
    problem = instant_problem(at, p.now_ms)
    if problem:
        raise p.error(place, f"column {col!r}: {text!r}: {problem}")
    return at


def _enum_list(p: Planner, cls: Any, text: str, place: int, col: str) -> frozenset[Any]:
    try:
        return frozenset(cls(v.strip()) for v in text.split(";") if v.strip())
    except ValueError as exc:
        raise p.error(place, f"column {col!r}: {exc}") from None


def _opt(p: Planner, cls: Any, text: str, place: int, col: str) -> Any:
    try:
        return cls(text.strip()) if text.strip() else None
    except ValueError as exc:
        raise p.error(place, f"column {col!r}: {exc}") from None


def _rows(
    p: Planner, raw: bytes, where: Path | str, required: list[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row with its place (see Planner.place)."""
    for line, row in read_rows(raw, where, required):
        yield p.place(where, line), row


class _Existing:
    """A child's movements already in the data folder, to extend their episodes."""

    def __init__(self, p: Planner, child_id: str) -> None:
        mv = p.store.movements(child_id)
        self.at_ms: list[int] = mv.at_ms.tolist()
        self.episode: list[str] = [mv.episode_ids[e] for e in mv.episode.tolist()]
        self.by_id: dict[str, str] = dict(zip(mv.ids, self.episode, strict=True))

    def before(self, at_ms: int) -> tuple[str, int] | None:
        """The last movement at or before `at_ms`: (its episode, its time)."""
        i = bisect_right(self.at_ms, at_ms)
        return (self.episode[i - 1], self.at_ms[i - 1]) if i else None

    def after(self, at_ms: int) -> tuple[str, int] | None:
        """The first movement after `at_ms`: (its episode, its time)."""
        i = bisect_right(self.at_ms, at_ms)
        return (self.episode[i], self.at_ms[i]) if i < len(self.at_ms) else None


def plan_movements_csv(p: Planner, raw: bytes, where: Path | str) -> None:
    timeout = p.store.settings.idle_timeout_s * 1000
    rows = []
    seen: dict[tuple[str, int], int] = {}
    for place, row in _rows(p, raw, where, ["child", "time"]):
        child = p.child_id(row["child"], place)
        at = _time(p, row["time"], place, "time")
        word = row.get("kind", "").lower()
        if word not in KIND_WORDS:
            raise p.error(
                place, f"unknown kind {row['kind']!r} (use kick, jerk, stretch, stiffening)"
            )
        n = seen[(child, at.utc_ms)] = seen.get((child, at.utc_ms), 0) + 1
        mid = row.get("id") or det_id("movement", child, at.utc_ms, n)
        rows.append(
            (child, at, KIND_WORDS[word], row.get("episode", ""), row.get("note", ""), mid, place)
        )
    # Rows without an episode form episodes by the idle-timeout rule, together
    # with the movements already here: a row already imported stays in its
    # episode, and a new row that close to one joins it.
    last: dict[str, tuple[str, int]] = {}
    here: dict[str, _Existing] = {}
    opened: dict[str, tuple[str, Instant, int]] = {}  # episode id -> child, first tap, place
    for child, at, kind, ep_label, note, mid, place in sorted(
        rows, key=lambda r: (r[0], r[1].utc_ms)
    ):
        if child not in here:
            here[child] = _Existing(p, child)
        if ep_label:
            eid = ep_label if is_uuid(ep_label) else det_id("episode", child, ep_label)
        elif mid in here[child].by_id:
            eid = here[child].by_id[mid]
        else:
            # The tap before (from the file or from here), else the next one here.
            before = max(
                (t for t in (last.get(child), here[child].before(at.utc_ms)) if t is not None),
                key=lambda t: t[1],
                default=None,
            )
            after = here[child].after(at.utc_ms)
            if before is not None and at.utc_ms - before[1] <= timeout:
                eid = before[0]
            elif after is not None and after[1] - at.utc_ms <= timeout:
                eid = after[0]
            else:
                eid = det_id("episode", child, at.utc_ms)
        last[child] = (eid, at.utc_ms)
        if eid not in opened and p.store.episode(eid) is None and eid not in p.pending:
            opened[eid] = (child, at, place)
        p.offer(Movement(child, eid, at, kind=kind, id=mid, note=note), place)
    # An episode only for movements this import adds or changes: rows already
    # here must not leave an empty episode behind.
    used = {r.episode_id for r in p.plan.records if isinstance(r, Movement)}
    for eid, (child, at, place) in opened.items():
        if eid in used:
            p.offer(Episode(child, opened=at, id=eid), place)


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def plan_episodes_csv(p: Planner, raw: bytes, where: Path | str) -> None:
    for place, row in _rows(p, raw, where, ["id", "child", "opened"]):
        video = row.get("video", "").lower()
        if video not in ("", "yes", "no"):
            raise p.error(place, f"column 'video': use yes or no, not {row['video']!r}")
        if not row["id"]:
            raise p.error(place, "the id column is empty")
        p.offer(
            Episode(
                p.child_id(row["child"], place),
                opened=_time(p, row["opened"], place, "opened"),
                id=row["id"],
                settled=_time(p, row["settled"], place, "settled") if row.get("settled") else None,
                onset_state=_opt(p, OnsetState, row.get("onset_state", ""), place, "onset_state"),
                soothing=_enum_list(p, Soothing, row.get("soothing", ""), place, "soothing"),
                response=_opt(p, Response, row.get("response", ""), place, "response"),
                stopped_when_woken=_opt(
                    p,
                    StoppedWhenWoken,
                    row.get("stopped_when_woken", ""),
                    place,
                    "stopped_when_woken",
                ),
                signs=_enum_list(p, Sign, row.get("signs", ""), place, "signs"),
                triggers=_enum_list(p, Trigger, row.get("triggers", ""), place, "triggers"),
                video=None if not video else video == "yes",
                note=row.get("note", ""),
            ),
            place,
        )


def plan_sleep_csv(p: Planner, raw: bytes, where: Path | str) -> None:
    for place, row in _rows(p, raw, where, ["id", "child", "asleep"]):
        if not row["id"]:
            raise p.error(place, "the id column is empty")
        try:
            rec = SleepPeriod(
                p.child_id(row["child"], place),
                asleep=_time(p, row["asleep"], place, "asleep"),
                awake=_time(p, row["awake"], place, "awake") if row.get("awake") else None,
                id=row["id"],
            )
        except ValueError as exc:
            raise p.error(place, str(exc)) from None
        p.offer(rec, place)


def _date(p: Planner, text: str, place: int, col: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise p.error(place, f"column {col!r}: not a date (YYYY-MM-DD): {text!r}") from None


def _yes_no_cell(p: Planner, text: str, place: int, col: str) -> bool | None:
    word = text.lower()
    if word not in ("", "yes", "no"):
        raise p.error(place, f"column {col!r}: use yes or no, not {text!r}")
    return None if not word else word == "yes"


def plan_children_csv(p: Planner, raw: bytes, where: Path | str) -> None:
    for place, row in _rows(p, raw, where, ["name"]):
        name = row["name"]
        if not name:
            raise p.error(place, "the name column is empty")
        here = p.children.get(name.casefold())  # children are matched by name, as in every CSV
        rid = row.get("id", "")
        if here is not None:
            cid = here.id
        elif is_uuid(rid) and p.store.child(rid) is None and rid not in p.pending:
            cid = rid
        else:
            cid = det_id("child", name.casefold())
        p.offer(
            Child(
                name,
                id=cid,
                birth_date=_date(p, row.get("birth_date", ""), place, "birth_date"),
                born_early=_yes_no_cell(p, row.get("born_early", ""), place, "born_early"),
                family_history=_opt(
                    p, FamilyHistory, row.get("family_history", ""), place, "family_history"
                )
                or FamilyHistory.UNKNOWN,
                notes=row.get("notes", ""),
            ),
            place,
        )


def plan_labs_csv(p: Planner, raw: bytes, where: Path | str) -> None:
    labs: dict[str, list[LabResult]] = {}
    first: dict[str, int] = {}
    for place, row in _rows(p, raw, where, ["child", "test", "value"]):
        cid = p.child_id(row["child"], place)
        taken = _date(p, row.get("taken", "").strip(), place, "taken")
        labs.setdefault(cid, []).append(
            LabResult(row["test"], row["value"], row.get("unit", ""), taken)
        )
        first.setdefault(cid, place)
    for cid, results in labs.items():
        child = p.pending.get(cid) or p.store.child(cid)
        if child is None:  # named first in this file
            child = next(c for c in p.plan.new_children if c.id == cid)
        p.offer(replace(child, labs=tuple(results), updated_ms=0), first[cid])


_SECTIONS = (
    ("children", codec.child_from_doc),
    ("episodes", codec.episode_from_doc),
    ("sleep", codec.sleep_from_doc),
    ("movements", codec.movement_from_doc),
)


def plan_json(p: Planner, raw: bytes, where: Path) -> None:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise err(where, exc.lineno, f"not valid JSON ({exc.msg})") from None
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise err(where, None, "not an rlbaby JSON export")
    version = doc.get("schema_version", 0)
    if type(version) is not int:
        raise err(where, None, f"schema_version is {version!r}, not a version number")
    if version > SCHEMA_VERSION:
        raise err(where, None, "written by a newer version of rlbaby; please update")
    for section, decode in _SECTIONS:
        items = doc.get(section, [])
        if not isinstance(items, list):
            raise err(where, None, f"{section} is not a list")
        for n, item in enumerate(items, 1):
            place = p.place(where, n, section, raw)
            if not isinstance(item, dict):
                raise p.error(place, f"not an object: {_short(item)}")
            try:
                rec = decode(item)
            except (ValueError, KeyError, TypeError, OverflowError) as exc:
                raise p.error(place, _decode_problem(exc)) from None
            p.offer(rec, place)
        doc[section] = None  # let the parsed documents go as the records are made


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _decode_problem(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"the field {exc.args[0]!r} is missing"
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "..."


CSV_PLANNERS = {
    "children.csv": plan_children_csv,
    "labs.csv": plan_labs_csv,
    "episodes.csv": plan_episodes_csv,
    "sleep.csv": plan_sleep_csv,
    "movements.csv": plan_movements_csv,
}

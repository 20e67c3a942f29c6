"""Reading each CSV table and the JSON export into an import plan, row by row."""

from __future__ import annotations

import csv
import io
import uuid
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
from rlbaby.store.exchange.formats import JSON_FORMAT, VERBATIM, err
from rlbaby.store.exchange.plan import KIND_WORDS, Planner, det_id
from rlbaby.store.store import SCHEMA_VERSION


def _time(text: str, where: Path | str, line: int, col: str) -> Instant:
    try:
        return Instant.parse(text)
    except ValueError as exc:
        raise err(where, line, f"column {col!r}: {exc}") from None


def _enum_list(cls: Any, text: str, where: Path | str, line: int, col: str) -> frozenset[Any]:
    try:
        return frozenset(cls(v.strip()) for v in text.split(";") if v.strip())
    except ValueError as exc:
        raise err(where, line, f"column {col!r}: {exc}") from None


def _opt(cls: Any, text: str, where: Path | str, line: int, col: str) -> Any:
    try:
        return cls(text.strip()) if text.strip() else None
    except ValueError as exc:
        raise err(where, line, f"column {col!r}: {exc}") from None


def _rows(
    raw: bytes, where: Path | str, required: list[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise err(where, None, "not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise err(
            where, 1, f"missing column(s) {', '.join(missing)}; found {', '.join(header) or 'none'}"
        )
    reader.fieldnames = header
    for row in reader:
        if None in row:
            raise err(where, reader.line_num, "more fields than the header has")
        if not any((v or "").strip() for v in row.values()):
            continue
        yield (
            reader.line_num,
            {k: (v or "") if k in VERBATIM else (v or "").strip() for k, v in row.items()},
        )


def plan_movements_csv(p: Planner, raw: bytes, where: Path | str) -> None:
    timeout = p.store.settings.idle_timeout_s * 1000
    rows = []
    seen: dict[tuple[str, int], int] = {}
    for line, row in _rows(raw, where, ["child", "time"]):
        child = p.child_id(row["child"], line, where)
        at = _time(row["time"], where, line, "time")
        word = row.get("kind", "").lower()
        if word not in KIND_WORDS:
            raise err(
                where, line, f"unknown kind {row['kind']!r} (use kick, jerk, stretch, stiffening)"
            )
        n = seen[(child, at.utc_ms)] = seen.get((child, at.utc_ms), 0) + 1
        mid = row.get("id") or det_id("movement", child, at.utc_ms, n)
        rows.append((child, at, KIND_WORDS[word], row.get("episode", ""), row.get("note", ""), mid))
    # Rows without an episode form episodes by the idle-timeout rule.
    last: dict[str, tuple[str, int]] = {}
    episodes: dict[str, Episode] = {}
    for child, at, kind, ep_label, note, mid in sorted(rows, key=lambda r: (r[0], r[1].utc_ms)):
        if ep_label:
            eid = ep_label if is_uuid(ep_label) else det_id("episode", child, ep_label)
        else:
            prev = last.get(child)
            if prev is not None and at.utc_ms - prev[1] <= timeout:
                eid = prev[0]
            else:
                eid = det_id("episode", child, at.utc_ms)
        last[child] = (eid, at.utc_ms)
        if eid not in episodes and p.store.episode(eid) is None and eid not in p.pending:
            episodes[eid] = Episode(child, opened=at, id=eid)
        p.offer(Movement(child, eid, at, kind=kind, id=mid, note=note))
    for ep in episodes.values():
        p.offer(ep)


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def plan_episodes_csv(p: Planner, raw: bytes, where: Path | str) -> None:
    for line, row in _rows(raw, where, ["id", "child", "opened"]):
        video = row.get("video", "").lower()
        if video not in ("", "yes", "no"):
            raise err(where, line, f"column 'video': use yes or no, not {row['video']!r}")
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


def plan_sleep_csv(p: Planner, raw: bytes, where: Path | str) -> None:
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
            raise err(where, line, str(exc)) from None


def _date(text: str, where: Path | str, line: int, col: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise err(where, line, f"column {col!r}: not a date (YYYY-MM-DD): {text!r}") from None


def _yes_no_cell(text: str, where: Path | str, line: int, col: str) -> bool | None:
    word = text.lower()
    if word not in ("", "yes", "no"):
        raise err(where, line, f"column {col!r}: use yes or no, not {text!r}")
    return None if not word else word == "yes"


def plan_children_csv(p: Planner, raw: bytes, where: Path | str) -> None:
    for line, row in _rows(raw, where, ["name"]):
        name = row["name"]
        if not name:
            raise err(where, line, "the name column is empty")
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
                birth_date=_date(row.get("birth_date", ""), where, line, "birth_date"),
                born_early=_yes_no_cell(row.get("born_early", ""), where, line, "born_early"),
                family_history=_opt(
                    FamilyHistory, row.get("family_history", ""), where, line, "family_history"
                )
                or FamilyHistory.UNKNOWN,
                notes=row.get("notes", ""),
            )
        )


def plan_labs_csv(p: Planner, raw: bytes, where: Path | str) -> None:
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


def plan_json(p: Planner, raw: bytes, where: Path) -> None:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise err(where, None, f"not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise err(where, None, "not an rlbaby JSON export")
    version = doc.get("schema_version", 0)
    if type(version) is not int:
        raise err(where, None, f"schema_version is {version!r}, not a version number")
    if version > SCHEMA_VERSION:
        raise err(where, None, "written by a newer version of rlbaby; please update")
    for section, decode in (
        ("children", codec.child_from_doc),
        ("episodes", codec.episode_from_doc),
        ("sleep", codec.sleep_from_doc),
        ("movements", codec.movement_from_doc),
    ):
        items = doc.get(section, [])
        if not isinstance(items, list):
            raise err(where, None, f"{section} is not a list")
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise err(where, None, f"{section} record {n}: not an object: {item!r}")
            try:
                rec = decode(item)
            except (ValueError, KeyError, TypeError) as exc:
                raise err(where, None, f"{section} record {n}: {exc}") from None
            p.offer(rec)


CSV_PLANNERS = {
    "children.csv": plan_children_csv,
    "labs.csv": plan_labs_csv,
    "episodes.csv": plan_episodes_csv,
    "sleep.csv": plan_sleep_csv,
    "movements.csv": plan_movements_csv,
}

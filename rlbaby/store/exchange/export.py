"""Export: every record as JSON (lossless), or the CSV tables."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from rlbaby import __version__
from rlbaby.model import (
    Child,
    Episode,
    Instant,
    Movement,
    SleepPeriod,
)
from rlbaby.store import codec
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.exchange.formats import (
    CHILD_COLUMNS,
    CSV_TABLES,
    EPISODE_COLUMNS,
    JSON_FORMAT,
    LAB_COLUMNS,
    MOVEMENT_COLUMNS,
    SLEEP_COLUMNS,
    ExportError,
    escape_cell,
)
from rlbaby.store.schema import SCHEMA_VERSION
from rlbaby.store.store import Store


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


def check_target(store: Store, out: Path) -> None:
    """Refuse to write `out` inside the data folder, or into a missing folder.

    An export written over `meta.json` once hid every child; and a mistyped
    folder is better reported than silently created.

    Raises:
        ExportError: names the path and the reason; nothing was written.
    """
    out = Path(out)
    if store.data_dir is not None:
        data = Path(os.path.realpath(store.data_dir))
        target = Path(os.path.realpath(out))
        if target == data or data in target.parents:
            raise ExportError(
                f"Not exporting to {out}: it is inside the data folder {store.data_dir}. "
                "Choose a place outside it."
            )
    if out.is_dir():
        raise ExportError(f"Not exporting to {out}: it is a folder. Give a file name.")
    if not out.parent.is_dir():
        raise ExportError(f"Not exporting to {out}: the folder {out.parent} does not exist.")


def export_json(store: Store, out: Path) -> dict[str, int]:
    """Write every record (deleted ones too) and the settings to `out`.

    Raises:
        ExportError: `out` is refused (see `check_target`).
        WriteError: the disk refused; `out` is as it was.
    """
    check_target(store, out)
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
    w.writerows([escape_cell(cell) for cell in row] for row in rows)
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

    Cells a spreadsheet would run as a formula get a leading `'` (escape_cell),
    which import takes off again.

    Raises:
        ExportError: a file is refused (see `check_target`); nothing written.
        WriteError: the disk refused.

    Returns the files written, in the order to import them: any order works,
    but an episode imported after its movements keeps the start time guessed
    from them where the two differ (the import says how many differ).
    """
    out = Path(out)
    check_target(store, out)
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
    for p in paths.values():
        check_target(store, p)
    for n, p in paths.items():
        atomic_write_bytes(p, tables[n])
    return list(paths.values())

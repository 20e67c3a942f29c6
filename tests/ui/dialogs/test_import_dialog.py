"""Import with a preview, all or nothing; and export/import keeps every field."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtWidgets import QDialogButtonBox

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
)
from rlbaby.services import DataReplaced, LoggerService
from rlbaby.store import Store
from rlbaby.store.exchange import plan_import
from rlbaby.ui.dialogs import import_dialog as import_dialog
from rlbaby.ui.dialogs.export_dialog import FORMATS, export_to
from rlbaby.ui.dialogs.import_dialog import ImportDialog, import_interactively, span_text

T = 1_795_500_000_000  # 2026-11-24
ZIP, CSV, JSON = (f for f, _s, _k in FORMATS)


def annotated(store: Store) -> None:
    """Every annotation field of every record kind set to a non-default value."""
    kid = Child(
        "Mia",
        id="11111111-1111-4111-8111-111111111111",
        birth_date=date(2026, 3, 29),
        born_early=True,
        family_history=FamilyHistory.YES,
        labs=(LabResult("ferritin", "18", "µg/L", date(2026, 10, 25)), LabResult("Mg", "0.8")),
        notes="Twin A; grandmother has RLS",
    )
    ep = Episode(
        kid.id,
        Instant(T, 60),
        settled=Instant(T + 600_000, 60),
        onset_state=OnsetState.DROWSY,
        soothing=frozenset({Soothing.ROCKING, Soothing.MASSAGE}),
        response=Response.SETTLED_SLOW,
        stopped_when_woken=StoppedWhenWoken.NO,
        signs=frozenset({Sign.BREATHING_PAUSES, Sign.STIFFNESS}),
        triggers=frozenset({Trigger.TOO_WARM, Trigger.HUNGER}),
        video=True,
        note='Legs "cycling", then calm; a comma, and\na new line',
    )
    plain = Episode(kid.id, Instant(T + 7_200_000, -300), video=False)
    moves = [
        Movement(kid.id, ep.id, Instant(T + i * 20_000, 60), kind=k, note=f"tap {i}, ok")
        for i, k in enumerate(MovementKind)
    ]
    moves.append(Movement(kid.id, plain.id, Instant(T + 7_200_000, -300)))
    sleep = [
        SleepPeriod(kid.id, Instant(T - 3_600_000, 60), awake=Instant(T + 3_600_000, 60)),
        SleepPeriod(kid.id, Instant(T + 7_000_000, -300)),
    ]
    store.save_many([kid, ep, plain, *moves, *sleep])


def snapshot(store: Store) -> dict[str, list]:  # type: ignore[type-arg]
    moves = [store.movement(i) for i in store.movements().ids]
    return {
        "children": store.children(),
        "episodes": store.episodes(),
        "movements": sorted(moves, key=lambda m: m.id),  # type: ignore[union-attr]
        "sleep": store.sleep_periods(),
    }


def without(rec: object, *names: str) -> dict[str, object]:
    return {f.name: getattr(rec, f.name) for f in fields(rec) if f.name not in names}  # type: ignore[arg-type]


@pytest.fixture
def source(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "source")
    annotated(s)
    yield s  # type: ignore[misc]
    s.close()


@pytest.fixture
def target(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "target")
    yield s  # type: ignore[misc]
    s.close()


def test_json_round_trip_keeps_every_field(source: Store, target: Store, tmp_path: Path) -> None:
    (out,) = export_to(source, tmp_path / "all", JSON)
    assert out.name == "all.json"
    plan = plan_import(target, out)
    LoggerService(target).import_planned(plan)
    assert snapshot(target) == snapshot(source)


def test_csv_zip_round_trip_keeps_every_annotation(
    source: Store, target: Store, tmp_path: Path
) -> None:
    (out,) = export_to(source, tmp_path / "tables.zip", ZIP)
    LoggerService(target).import_planned(plan_import(target, out))
    got, want = snapshot(target), snapshot(source)
    # CSV carries no record stamps; the child comes whole, with its id.
    stamps = ("created_ms", "updated_ms")
    (kid,) = got["children"]
    assert without(kid, *stamps) == without(want["children"][0], *stamps)
    for kind in ("episodes", "movements", "sleep"):
        assert [without(r, *stamps) for r in got[kind]] == [
            without(r, *stamps) for r in want[kind]
        ], kind


def test_five_csv_files_import_one_by_one(source: Store, target: Store, tmp_path: Path) -> None:
    written = export_to(source, tmp_path / "log.csv", CSV)
    assert [p.name for p in written] == [
        "log.children.csv",
        "log.labs.csv",
        "log.episodes.csv",
        "log.sleep.csv",
        "log.csv",
    ]
    for path in written:
        LoggerService(target).import_planned(plan_import(target, path))
    assert [e.signs for e in snapshot(target)["episodes"]] == [
        e.signs for e in snapshot(source)["episodes"]
    ]
    assert len(snapshot(target)["movements"]) == len(snapshot(source)["movements"])


def test_preview_shows_counts_and_new_children(
    qtbot, source: Store, target: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (out,) = export_to(source, tmp_path / "all.json", JSON)
    plan = plan_import(target, out)
    dlg = ImportDialog(plan, target)
    qtbot.addWidget(dlg)
    rows = {
        dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text()
        for r in range(dlg.table.rowCount())
    }
    assert rows == {"children": "1", "episodes": "2", "movements": "6", "sleep periods": "2"}
    text = dlg.details.text()
    assert "New children: Mia." in text
    assert "The records are on 24 Nov 2026." in text
    assert dlg.import_button is not None
    with qtbot.waitSignal(dlg.accepted):
        dlg.import_button.click()
    assert target.counts()["movements"] == 0  # the dialog itself writes nothing


def test_span_text_names_the_dates(source: Store, target: Store, tmp_path: Path) -> None:
    (out,) = export_to(source, tmp_path / "all.json", JSON)
    plan = plan_import(target, out)
    assert span_text(plan) == "on 24 Nov 2026"


def test_import_then_reimport_adds_nothing(
    qtbot, monkeypatch, source: Store, target: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (out,) = export_to(source, tmp_path / "tables.zip", ZIP)
    shown: list[bool] = []

    def fake_ask(plan, store, parent=None):  # type: ignore[no-untyped-def]
        shown.append(plan.empty)
        return not plan.empty

    monkeypatch.setattr(ImportDialog, "ask", staticmethod(fake_ask))
    service = LoggerService(target)
    events: list[object] = []
    service.events.subscribe(events.append)
    assert import_interactively(service, None, out) is True
    counts = target.counts()
    assert counts["movements"] == 6
    assert events == [DataReplaced("import")]  # every view reloads on it
    assert import_interactively(service, None, out) is False
    assert shown == [False, True]
    assert target.counts() == counts
    assert len(events) == 1


def test_empty_plan_offers_only_close(qtbot, source: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (out,) = export_to(source, tmp_path / "all.json", JSON)
    dlg = ImportDialog(plan_import(source, out), source)  # all of it is already in `source`
    qtbot.addWidget(dlg)
    assert dlg.import_button is None
    assert [b.text() for b in dlg.buttons.buttons()] == [
        dlg.buttons.button(QDialogButtonBox.StandardButton.Close).text()
    ]
    assert "already here: nothing to add" in dlg.details.text()


def test_preview_says_when_csv_rows_differ_from_what_is_here(
    qtbot, source: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (out,) = export_to(source, tmp_path / "tables.zip", ZIP)
    ep = source.episodes()[0]
    source.save(replace(ep, note="changed here after the export"))
    dlg = ImportDialog(plan_import(source, out), source)
    qtbot.addWidget(dlg)
    assert dlg.import_button is None  # nothing to add: the note here stays
    assert "1 row with values that differ from what is here" in dlg.details.text()


def test_bad_file_imports_nothing_and_says_why(monkeypatch, target: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text("child,time,kind\nMia,2026-11-24T22:00:00+01:00,kick\nMia,not a time,kick\n")
    told: list[str] = []
    monkeypatch.setattr(import_dialog, "inform", lambda _p, _t, text, *_a: told.append(text))
    monkeypatch.setattr(ImportDialog, "ask", staticmethod(lambda *_a: pytest.fail("no preview")))
    assert import_interactively(LoggerService(target), None, bad) is False
    assert len(told) == 1
    assert told[0].startswith("Nothing was imported. bad.csv:3")
    assert target.counts()["movements"] == 0
    assert target.children() == []

"""File > Report…: the dialog's choices, and making the PDF from the GUI."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

from pypdf import PdfReader
from report_fixtures import FIRST, LAST, fill

from rlbaby.model import Child
from rlbaby.store import Store
from rlbaby.ui.dialogs import report_dialog as report_dialog
from rlbaby.ui.dialogs.report_dialog import ReportDialog, ReportRequest, report_interactively


def test_defaults_and_request(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kids = [Child("Mia"), Child("Leo")]
    dlg = ReportDialog(kids, kids[1].id, date(2026, 11, 23), tmp_path)
    qtbot.addWidget(dlg)
    assert dlg.child.currentText() == "Leo"
    req = dlg.request()
    assert req.child is kids[1]
    assert (req.first, req.last) == (date(2026, 11, 10), date(2026, 11, 23))
    assert req.out == tmp_path / "rlbaby-report-Leo-20261110-20261123.pdf"
    assert req.paper in ("a4", "letter")
    dlg.paper.setCurrentIndex(1)
    dlg.child.setCurrentIndex(0)  # the suggested name follows until edited by hand
    assert dlg.request().paper == "letter"
    assert dlg.request().out.name == "rlbaby-report-Mia-20261110-20261123.pdf"
    dlg.out.setText(str(tmp_path / "for-dr-smith"))
    dlg.out.textEdited.emit(dlg.out.text())
    dlg.child.setCurrentIndex(1)
    assert dlg.request().out == tmp_path / "for-dr-smith.pdf"


def test_refuses_a_backwards_range(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = ReportDialog([Child("Mia")], "", date(2026, 11, 23), tmp_path)
    qtbot.addWidget(dlg)
    dlg.first.setDate(dlg.last.date().addDays(1))
    assert dlg.problem_text() == "The first night is after the last night."
    dlg.make_button.click()
    assert dlg.result() != ReportDialog.DialogCode.Accepted
    assert not dlg.problem.isHidden()


def ctx_of(store: Store, clock) -> SimpleNamespace:  # type: ignore[no-untyped-def]
    """The parts of a UiContext that report_interactively reads."""
    return SimpleNamespace(store=store, clock=clock, selection=SimpleNamespace(child_id=""))


def test_report_from_the_gui(qtbot, store: Store, clock, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store.save(Child("Ada"))
    child = fill(store)
    out = tmp_path / "gui.pdf"
    asked = {}

    def fake_ask(cls, kids, selected, last_night, folder, parent=None):  # type: ignore[no-untyped-def]
        asked["kids"] = [k.name for k in kids]
        return ReportRequest(child, FIRST, LAST, "letter", out)

    monkeypatch.setattr(ReportDialog, "ask", classmethod(fake_ask))
    monkeypatch.setattr(report_dialog, "confirm", lambda *a, **k: False)
    assert report_interactively(ctx_of(store, clock), None) == out  # type: ignore[arg-type]
    assert asked["kids"] == ["Ada", "Mia"]
    assert round(float(PdfReader(out).pages[0].mediabox.height)) == 792


def test_no_child_no_report(qtbot, qapp, tmp_path: Path, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    told = []
    monkeypatch.setattr(report_dialog, "inform", lambda _p, _t, text: told.append(text))
    with Store.open(tmp_path / "empty", now_ms=clock.now_ms) as store:
        assert report_interactively(ctx_of(store, clock), None) is None  # type: ignore[arg-type]
    assert told == ["Add a child first: a report is about one child's nights."]

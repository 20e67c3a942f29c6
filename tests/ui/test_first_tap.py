"""The bench's first-tap hook (RLBABY_BENCH_FIRST_TAP) drives the real app once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rlbaby import cli
from rlbaby.store import Store
from rlbaby.ui import first_tap
from rlbaby.ui.app import build_window


def test_the_hook_presses_space_once_the_log_tab_is_shown_and_quits(
    qapp, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    report_path = tmp_path / "first-tap.json"
    monkeypatch.setenv(first_tap.ENV_FIRST_TAP, str(report_path))

    assert cli.main(["--data-dir", str(data_dir)]) == 0  # returns: the hook closed the window

    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["saved"] is True
    assert 0 < report["shown_s"] <= report["saved_s"]
    assert report["cpu_s"] > 0
    assert report["peak_kb"] > 10_000  # a Qt app: more than 10 MB
    with Store.open(data_dir, readonly=True) as store:
        (child,) = store.children()
        assert child.name == "Baby"  # a fresh install logs at once, as a parent's Space does
        assert len(store.movements(child.id)) == 1


def test_without_the_variable_nothing_is_pressed(
    qtbot, qapp, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(first_tap.ENV_FIRST_TAP, raising=False)
    with Store.open(data_dir) as store:
        window = build_window(store, qapp)
        qtbot.addWidget(window)
        first_tap.watch_first_tap(window, window.log_tab, window.log_tab.status)
        window.show()
        qtbot.waitExposed(window)
        qapp.processEvents()
        assert window.findChildren(first_tap.FirstTap) == []
        assert window.isVisible()
        assert store.counts()["movements"] == 0
        window.close()

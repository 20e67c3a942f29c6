"""Journey: a German parent. The system's language, or Settings, makes the UI German.

English stays the default (every other journey). The guide and the PDF report
stay English for now, and the German UI says so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from driving import button, handle_modal, menu_action, open_tab, start_app

from PySide6.QtWidgets import QComboBox, QDialog, QLabel

from rlbaby.model import LanguageChoice
from rlbaby.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _visible_labels(root) -> set[str]:  # type: ignore[no-untyped-def]
    return {w.text() for w in root.findChildren(QLabel) if w.isVisible()}


def test_settings_language_german_after_a_restart(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    store, window = start_app(qtbot, data_dir)
    assert [window.tabs.tabText(i) for i in range(4)] == ["Log", "Charts", "Guide", "History"]

    def choose_german(dlg: QDialog) -> str:
        combo = next(c for c in dlg.findChildren(QComboBox) if c.findText("Deutsch") >= 0)
        assert [combo.itemText(i) for i in range(combo.count())] == [
            "System",
            "English",
            "Deutsch",
        ]
        combo.setFocus()
        combo.setCurrentIndex(combo.findText("Deutsch"))
        note = dlg.findChild(QLabel, "language_note")
        assert note is not None
        assert note.isVisible()
        text = note.text()
        button(dlg, r"^save$").click()
        return text

    note = handle_modal(qtbot, menu_action(window, "File", "Settings…"), choose_german)
    assert "takes effect when rlbaby next starts" in str(note)
    assert "The guide and the PDF report are in English for now." in str(note)
    assert store.settings.language is LanguageChoice.GERMAN
    assert window.tabs.tabText(0) == "Log"  # unchanged until the restart
    window.close()
    store.close()

    store, window = start_app(qtbot, data_dir)
    try:
        assert [window.tabs.tabText(i) for i in range(4)] == [
            "Protokoll",
            "Diagramme",
            "Ratgeber",
            "Verlauf",
        ]
        # The Log tab, in German, on screen.
        log = open_tab(window, "Protokoll")
        assert "Keine Episode offen" in _visible_labels(log)
        assert button(log, r"^Strampeln  1$").isVisible()
        button(log, r"^\+ Kind hinzufügen$")
        qtbot.keyClick(window.log_tab.target, " ")
        qtbot.waitUntil(lambda: window.log_tab.panel.count.text() == "1 Bewegung")
        assert window.log_tab.status.text().startswith("Gespeichert ")
        assert [c.name for c in store.children()] == ["Baby"]

        # A dialog: the menus and the settings dialog speak German, Qt's own buttons too.
        def look(dlg: QDialog) -> dict[str, object]:
            seen = {"title": dlg.windowTitle(), "labels": _visible_labels(dlg)}
            button(dlg, r"^abbrechen$").click()
            return seen

        seen = handle_modal(qtbot, menu_action(window, "Datei", "Einstellungen …"), look)
        assert isinstance(seen, dict)
        assert seen["title"] == "Einstellungen"
        assert {"Nacht beginnt um", "Sprache", "Notrufnummer"} <= seen["labels"]  # type: ignore[operator]

        # A chart title.
        open_tab(window, "Diagramme")
        charts = window.charts_tab
        button(charts, r"^Nacht-Zeitleiste$").click()
        qtbot.waitUntil(lambda: charts.timeline.title.text().startswith("Nacht vom "))
        assert "1 Bewegung in 1 Episode" in charts.timeline.title.text()
        assert charts.timeline.plot.getAxis("bottom").labelText == "Uhrzeit in der Nacht"

        # The guide stays English, and says so in German.
        open_tab(window, "Ratgeber")
        note = window.guide_tab.language_note
        assert note.isVisible()
        assert note.text() == "Der Ratgeber ist vorerst nur auf Englisch."
    finally:
        window.close()
        store.close()


def test_english_guide_has_no_language_note(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    store, window = start_app(qtbot, data_dir)
    open_tab(window, "Guide")
    assert not window.guide_tab.language_note.isVisible()
    window.close()
    store.close()


PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from rlbaby.store import Store
from rlbaby.ui.app import build_window
app = QApplication([])
with Store.open(Path(sys.argv[1])) as store:
    w = build_window(store, app)
    w.show()
    app.processEvents()
    print(json.dumps([w.tabs.tabText(i) for i in range(4)] + [w.log_tab.target.hint]))
    w.close()
"""


def _tabs_with_env(tmp_path: Path, **env: str) -> list[str]:
    data = tmp_path / "data"
    Store.open(data).close()
    run_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(data)],
        env=run_env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_system_language_german_without_settings(tmp_path: Path) -> None:
    shown = _tabs_with_env(tmp_path, LANGUAGE="de_DE:de", LANG="de_DE.UTF-8", LC_ALL="")
    assert shown == [
        "Protokoll",
        "Diagramme",
        "Ratgeber",
        "Verlauf",
        "Leertaste oder Enter: Bewegung erfassen",
    ]


def test_an_english_system_stays_english(tmp_path: Path) -> None:
    shown = _tabs_with_env(tmp_path, LANGUAGE="en_US:en", LANG="en_US.UTF-8", LC_ALL="")
    assert shown[:4] == ["Log", "Charts", "Guide", "History"]

"""The UI's language: which translation loads, contexts that match, German on screen."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from rlbaby.model import LanguageChoice, MovementKind
from rlbaby.ui.i18n import (
    Plurals,
    in_english,
    install_language,
    resolve_language,
    shown_language,
    tr_label,
)
from rlbaby.ui.log.episode_panel import EpisodePanel
from rlbaby.ui.log.tab import LogTab

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QApplication]:
    assert install_language(qapp, LanguageChoice.GERMAN) == "de"
    yield qapp
    install_language(qapp, LanguageChoice.ENGLISH)


@pytest.mark.parametrize(
    ("choice", "system", "shown"),
    [
        (LanguageChoice.SYSTEM, ["de-DE", "en-US"], "de"),
        (LanguageChoice.SYSTEM, ["de_AT"], "de"),
        (LanguageChoice.SYSTEM, ["fr-FR", "de-DE"], "de"),  # the first we have
        (LanguageChoice.SYSTEM, ["fr-FR", "en-GB", "de-DE"], "en"),
        (LanguageChoice.SYSTEM, ["ja-JP"], "en"),
        (LanguageChoice.SYSTEM, [], "en"),
        (LanguageChoice.ENGLISH, ["de-DE"], "en"),  # Settings override the system
        (LanguageChoice.GERMAN, ["en-US"], "de"),
    ],
)
def test_resolve_language(choice: LanguageChoice, system: list[str], shown: str) -> None:
    assert resolve_language(choice, system) == shown


def test_english_is_the_default_and_has_its_plurals(qapp: QApplication) -> None:
    assert shown_language(qapp) == "en"
    plurals = Plurals()
    assert plurals.movements(1) == "1 movement"
    assert plurals.movements(3) == "3 movements"
    assert plurals.child_count(2) == "2 children"
    assert tr_label(MovementKind.KICK) == "kick"


def test_plurals_is_still_a_qobject_and_no_app_reads_as_english(qapp: QApplication) -> None:
    # `children` once named a counted word there and hid QObject.children().
    assert Plurals().children() == []
    assert shown_language(None) == "en"


def test_german_plurals_and_labels(german: QApplication) -> None:
    assert shown_language(german) == "de"
    plurals = Plurals()
    assert plurals.movements(1) == "1 Bewegung"
    assert plurals.movements(4) == "4 Bewegungen"
    assert plurals.days(2) == "2 Tagen"  # "vor 2 Tagen": the Log tab's "ago"
    assert tr_label(MovementKind.KICK) == "Strampeln"
    assert tr_label(MovementKind.JERK) == "Zucken"


def test_a_subclass_finds_its_base_class_translations(german: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.11's self.tr looks under the runtime class, then up the MRO;
    lupdate files the text under the class whose body holds the call."""

    class QuietPanel(EpisodePanel):  # a context lupdate never saw
        pass

    panel = QuietPanel()
    qtbot.addWidget(panel)
    assert panel.title.text() == "Keine Episode offen"
    # The class name is the context: the same text under another class is not found.
    assert QCoreApplication.translate("EpisodePanel", "No episode open") == "Keine Episode offen"
    assert QCoreApplication.translate("QuietPanel", "No episode open") == "No episode open"


def test_german_shows_on_the_log_tab(german: QApplication, qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    from rlbaby.content import Guide

    tab = LogTab(ui_ctx, Guide())
    qtbot.addWidget(tab)
    tab.resize(1024, 600)
    tab.show()
    qtbot.waitExposed(tab)
    shown = {w.text() for w in tab.findChildren(QLabel) if w.isVisible()}
    assert "Keine Episode offen" in shown
    assert tab.kind_buttons[MovementKind.KICK].text() == "Strampeln  1"
    assert tab.target.hint == "Leertaste oder Enter: Bewegung erfassen"
    tab._on_target_tapped()
    qtbot.waitUntil(lambda: tab.panel.count.text() == "1 Bewegung")
    assert tab.status.text().startswith("Gespeichert ")
    # Painted, not only set: the tap target draws its words itself.
    assert tab.target.headline == "1"
    assert "Bewegung in dieser Episode" in tab.target.detail


def _string_arg(call: ast.Call) -> ast.expr | None:
    f = call.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    if name == "tr" and call.args:
        return call.args[0]
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) >= 2:
        return call.args[1]
    return None


def test_every_marked_text_is_one_a_translation_can_match() -> None:
    """lupdate reads the literal: an f-string's text never matches at run time, and
    its context must be a literal string too (a variable is skipped silently)."""
    bad = []
    for path in sorted((ROOT / "rlbaby").rglob("*.py")):
        if path == ROOT / "rlbaby/ui/i18n.py":
            continue  # translates texts marked elsewhere, by design
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            arg = _string_arg(node)
            if isinstance(arg, ast.JoinedStr):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: f-string")
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name in ("translate", "QT_TRANSLATE_NOOP") and node.args:
                ctx = node.args[0]
                if (
                    isinstance(f, ast.Attribute)
                    and f.attr == "translate"
                    and not (isinstance(f.value, ast.Name) and f.value.id == "QCoreApplication")
                ):
                    continue  # str.translate and the like
                if not (isinstance(ctx, ast.Constant) and isinstance(ctx.value, str)):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: context not a literal")
    assert bad == []


def test_the_report_borrows_english_and_gives_german_back(german: QApplication) -> None:
    """The PDF report is English for now; it draws the app's charts, so it installs
    English (with its plurals) while it draws, then the parent's German again."""
    with in_english(german) as before:
        assert before == "de"
        assert Plurals().nights(2) == "2 nights"
        assert QCoreApplication.translate("TimelineChart", "Time of night") == "Time of night"
    assert shown_language(german) == "de"
    assert Plurals().nights(2) == "2 Nächte"

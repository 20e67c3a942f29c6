"""The UI's language: which translation to load, and the words from Qt-free layers.

The app follows the system's languages (`QLocale.system().uiLanguages()`, in
order), unless Settings names one. Translations are `resources/translations/
rlbaby_<lang>.qm`, built by `make translations` from the `.ts` files; Qt's own
words (the standard buttons' "Cancel", "Save") come from Qt's `qtbase_<lang>.qm`.

English is the source language, but it has a translation too: only its
plural forms (`self.tr("%n movement(s)", "", n)` needs "1 movement" and
"2 movements"; `lupdate -pluralonly` writes rlbaby_en.ts). So a translator is
installed for every language, English included.

Context rule: `self.tr()` in PySide6 6.11 looks the text up under the runtime
class first, then under each base class up the MRO, and `pyside6-lupdate` files
it under the class whose body holds the call. So a subclass finds its base
class's translations; a `tr()` outside any QObject subclass's body has no
context lupdate and the runtime agree on: those use
`QCoreApplication.translate("Context", ...)` instead (tests/ui/test_i18n.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from rlbaby import resources, wording
from rlbaby.model import LanguageChoice, label
from rlbaby.model.i18n import LABELS_CONTEXT

log = logging.getLogger(__name__)

# The languages with a translation, besides English (the source language).
TRANSLATED = ("de",)
TRANSLATOR_NAME = "rlbaby_translator"
QT_TRANSLATOR_NAME = "rlbaby_qt_translator"


def tr_label(value: StrEnum) -> str:
    """`model.label(value)` in the UI's language (the labels are marked in model)."""
    return QCoreApplication.translate(LABELS_CONTEXT, label(value))


def tr_marked(context: str, text: str) -> str:
    """A string a Qt-free layer marked with QT_TRANSLATE_NOOP(context, text)."""
    return QCoreApplication.translate(context, text)


def resolve_language(choice: LanguageChoice, ui_languages: Iterable[str]) -> str:
    """The language code to show: the chosen one, or the system's first we have.

    Args:
        choice: the Settings value.
        ui_languages: the system's languages, most preferred first ("de-DE", "en-US").
    """
    if choice is not LanguageChoice.SYSTEM:
        return choice.value
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code == "en" or code in TRANSLATED:
            return code
    return "en"


def system_languages() -> list[str]:
    return list(QLocale.system().uiLanguages())


class _DataTranslator(QTranslator):
    """A QTranslator loaded from bytes: Qt does not copy them, so it keeps them."""

    def __init__(self, data: bytes, parent: QObject) -> None:
        super().__init__(parent)
        self._data = data
        self.ok = self.load(data)


def install_language(app: QCoreApplication, choice: LanguageChoice) -> str:
    """Install the translators for `choice` on `app` (replacing earlier ones).

    Widgets take their words when they are built, so call this before building
    the window; a change in Settings takes effect when rlbaby next starts.

    Returns:
        The language code now shown ("en" when a translation failed to load).
    """
    for name in (TRANSLATOR_NAME, QT_TRANSLATOR_NAME):
        old = app.findChild(QTranslator, name)
        if old is not None:
            app.removeTranslator(old)
            old.setParent(None)
            old.deleteLater()
    code = resolve_language(choice, system_languages())
    try:
        data = resources.path(f"translations/rlbaby_{code}.qm").read_bytes()
    except (OSError, ValueError) as exc:
        log.warning("no %s translation: %s", code, exc)
        return "en" if code == "en" else install_language(app, LanguageChoice.ENGLISH)
    ours = _DataTranslator(data, app)
    if not ours.ok:
        log.warning("the %s translation could not be loaded", code)
        ours.setParent(None)
        return "en" if code == "en" else install_language(app, LanguageChoice.ENGLISH)
    ours.setObjectName(TRANSLATOR_NAME)
    app.installTranslator(ours)
    if code == "en":
        return code
    qt = QTranslator(app)
    qt.setObjectName(QT_TRANSLATOR_NAME)
    # Qt's own words (standard buttons); missing in a trimmed build is fine.
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return code


def shown_language(app: QCoreApplication | None) -> str:
    """The language the installed translators show ("en" when none, or no app)."""
    ours = None if app is None else app.findChild(QTranslator, TRANSLATOR_NAME)
    return ours.language().split("_")[0] if ours is not None and ours.language() else "en"


class Plurals(QObject):
    """Counted words for code outside a QObject subclass.

    pyside6-lupdate marks a text as plural (with a form per count) only in
    `self.tr(text, "", n)`; `QCoreApplication.translate(context, text, "", n)`
    is extracted as a plain text, whose one translation would serve every count.
    """

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)

    def pages(self, n: int) -> str:
        return self.tr("%n page(s)", "", n)

    def child_count(self, n: int) -> str:
        # Not `children`: that would hide QObject.children().
        return self.tr("%n child(ren)", "", n)

    def movements(self, n: int) -> str:
        return self.tr("%n movement(s)", "", n)

    def episodes(self, n: int) -> str:
        return self.tr("%n episode(s)", "", n)

    def sleep_periods(self, n: int) -> str:
        return self.tr("%n sleep period(s)", "", n)

    def nights(self, n: int) -> str:
        return self.tr("%n night(s)", "", n)

    def gaps(self, n: int) -> str:
        return self.tr("%n gap(s)", "", n)


def tr_ago(ms: int) -> str:
    """`wording.ago(ms)` in the UI's language: a running clock within a day,
    then whole days ("2 days", counted through Plurals)."""
    if ms < wording.MS_PER_DAY:
        return wording.duration(ms, clock=True)
    return Plurals().days(ms // wording.MS_PER_DAY)


def tr_chart_word(text: str) -> str:
    """A word of the chart data: a model label, else a chart word ("not noted")."""
    shown = QCoreApplication.translate(LABELS_CONTEXT, text)
    return shown if shown != text else QCoreApplication.translate("Charts", text)


@contextmanager
def in_english(app: QCoreApplication) -> Iterator[str]:
    """English for a while (the PDF report, English for now, draws the app's
    charts), then the language shown before; yields that language's code."""
    before = shown_language(app)
    install_language(app, LanguageChoice.ENGLISH)
    try:
        yield before
    finally:
        install_language(app, LanguageChoice(before) if before != "en" else LanguageChoice.ENGLISH)

"""Settings: night start, idle timeout, night-theme hours, rule set, text size,
the local emergency number named in the urgent notice, guide and report, and
the language (which takes effect when rlbaby next starts: widgets take their
words when they are built)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import LanguageChoice, RuleSet, Settings, ThemeChoice
from rlbaby.model.emergency import MAX_CHARS, check_emergency_number, default_emergency_number
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.ui.emergency import system_country
from rlbaby.ui.widgets.hour_box import HourBox
from rlbaby.ui.widgets.problem_line import ProblemLine
from rlbaby.ui.widgets.value_combo import EnumCombo

# The rules in plain words; the sleep-medicine name stays in each item's tooltip.
RULE_TEXT = {
    RuleSet.WASM: (
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "Gaps of 10 to 90 seconds (sleep-research rule, WASM 2016)"
        ),
        QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "World Association of Sleep Medicine rule, WASM 2016: 10-90 s between movements",
        ),
    ),
    RuleSet.AASM: (
        QT_TRANSLATE_NOOP("SettingsDialog", "Gaps of 5 to 90 seconds (sleep-lab rule, AASM)"),
        QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "American Academy of Sleep Medicine rule, AASM: 5-90 s between movements",
        ),
    ),
}
# Each language in its own words, so a parent finds theirs whatever is shown now.
LANGUAGE_NAMES = {LanguageChoice.ENGLISH: "English", LanguageChoice.GERMAN: "Deutsch"}


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, parent: QWidget | None = None, country: str | None = None
    ) -> None:
        """`country`: the ISO code the default number follows (the system locale's)."""
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        form = QFormLayout()
        self.night_start = self._hour(settings.night_start_hour)
        self.night_start.setToolTip(
            self.tr("A night runs from this hour to the same hour next day")
        )
        self.idle = QSpinBox()
        self.idle.setRange(1, 60)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(max(1, settings.idle_timeout_s // 60))
        self.idle.setToolTip(self.tr("An episode closes by itself after this long without a tap"))
        self.theme_from = self._hour(settings.night_theme_from_hour)
        self.theme_to = self._hour(settings.night_theme_to_hour)
        self.theme = EnumCombo(
            ThemeChoice,
            [
                (self.tr("Night theme during the hours below"), ThemeChoice.AUTO),
                (self.tr("Always night theme"), ThemeChoice.NIGHT),
                (self.tr("Always day theme"), ThemeChoice.DAY),
            ],
        )
        self.theme.setObjectName("theme_choice")
        self.theme.setAccessibleDescription(
            self.tr("Dim night colours by the clock, or always night, or always day")
        )
        self.theme.set_value(settings.theme)
        self.rule = EnumCombo(RuleSet, [(self.tr(RULE_TEXT[r][0]), r) for r in RuleSet])
        self.rule.setObjectName("rule_choice")
        self.rule.set_value(settings.rule)
        for i, r in enumerate(RuleSet):
            self.rule.setItemData(i, self.tr(RULE_TEXT[r][1]), Qt.ItemDataRole.ToolTipRole)
        self.rule.setToolTip(
            self.tr(
                "Which gaps between movements count toward a 'periodic run' in the charts. "
                "A pattern in your taps, not a sleep-lab measurement."
            )
        )
        self.text = QSpinBox()
        self.text.setRange(75, 200)
        self.text.setSingleStep(25)
        self.text.setSuffix(" %")
        self.text.setValue(round(settings.text_scale * 100))
        self.text.setAccessibleDescription(self.tr("The size of all text, in percent"))
        self.language = EnumCombo(
            LanguageChoice,
            [(self.tr("System"), LanguageChoice.SYSTEM)]
            + [(name, lang) for lang, name in LANGUAGE_NAMES.items()],
        )
        self.language.setObjectName("language_choice")
        self.language.set_value(settings.language)
        self.language.setToolTip(
            self.tr("System: the language of this computer, when rlbaby has it; else English")
        )
        self.language_note = QLabel(self._language_note(settings.language))
        self.language_note.setObjectName("language_note")
        self.language_note.setProperty("role", "dim")
        self.language_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        form.addRow(self.tr("Night starts at"), self.night_start)
        form.addRow(self.tr("Episode ends after no tap for"), self.idle)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Night theme from"), self.theme_from)
        form.addRow(self.tr("Night theme until"), self.theme_to)
        form.addRow(self.tr("Periodic run rule"), self.rule)
        form.addRow(self.tr("Text size"), self.text)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.language_note)
        self._default_number = default_emergency_number(
            system_country() if country is None else country
        )
        self.emergency = QLineEdit(settings.emergency_number or self._default_number)
        self.emergency.setObjectName("emergency_number")
        self.emergency.setMaxLength(MAX_CHARS)
        self.emergency.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\+?[0-9 ]*"), self.emergency)
        )
        self.emergency.setToolTip(
            self.tr(
                "The number the urgent notice, the guide and the report tell you to call "
                "(112 in Europe, 911 in North America, 999 in the UK). Empty: "
                "{number}, from this computer's country setting."
            ).format(number=self._default_number)
        )
        form.addRow(self.tr("Emergency number"), self.emergency)
        self.problem = ProblemLine("settings_problem")
        note = QLabel(self.tr("Settings are kept in the data folder, so backups carry them."))
        note.setProperty("role", "dim")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.theme.currentIndexChanged.connect(self._on_theme_current_index_changed)
        self._on_theme_current_index_changed(self.theme.currentIndex())

    def _language_note(self, choice: LanguageChoice) -> str:
        """The English-only parts, and when a changed language shows."""
        note = self.tr("The guide and the PDF report are in English for now.")
        if choice != self._settings.language:
            note = self.tr("The language takes effect when rlbaby next starts.") + " " + note
        return note

    def _on_language_current_index_changed(self, _index: int) -> None:
        self.language_note.setText(self._language_note(self.language.enum_value()))

    def _on_theme_current_index_changed(self, index: int) -> None:
        """The night-theme hours only matter when the theme follows the clock."""
        automatic = list(ThemeChoice)[index] is ThemeChoice.AUTO if index >= 0 else False
        for box in (self.theme_from, self.theme_to):
            box.setEnabled(automatic)
            box.setToolTip(
                self.tr("When the night theme starts and ends")
                if automatic
                else self.tr('Used only with "Night theme during the hours below"')
            )

    @staticmethod
    def _hour(value: int) -> QSpinBox:
        return HourBox(value)  # "6:00 PM" or "18:00", as the locale writes times

    def result_settings(self) -> Settings:
        return replace(
            self._settings,
            night_start_hour=self.night_start.value(),
            idle_timeout_s=self.idle.value() * 60,
            night_theme_from_hour=self.theme_from.value(),
            night_theme_to_hour=self.theme_to.value(),
            theme=self.theme.enum_value(),
            rule=self.rule.enum_value(),
            text_scale=self.text.value() / 100,
            emergency_number=self._emergency_number(),
            language=self.language.enum_value(),
        )

    def accept(self) -> None:
        try:
            check_emergency_number(self.emergency.text())
        except ValueError as exc:
            self.problem.say(self.tr("Not saved: {reason}.").format(reason=exc))
            self.emergency.setFocus()
            return
        super().accept()

    def _emergency_number(self) -> str:
        """What was typed; empty (follow the country) while it is the country's default."""
        number = check_emergency_number(self.emergency.text())
        if number == self._default_number and not self._settings.emergency_number:
            return ""
        return number

    @classmethod
    def ask(cls, settings: Settings, parent: QWidget | None = None) -> Settings | None:
        dlg = cls(settings, parent)
        return dlg.result_settings() if dlg.exec() == QDialog.DialogCode.Accepted else None

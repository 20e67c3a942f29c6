"""Settings: night start, idle timeout, night-theme hours, rule set, text size."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import RuleSet, Settings, ThemeChoice
from rlbaby.ui.widgets.value_combo import EnumCombo


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle("Settings")
        self._settings = settings
        form = QFormLayout()
        self.night_start = self._hour(settings.night_start_hour)
        self.night_start.setToolTip("A night runs from this hour to the same hour next day")
        self.idle = QSpinBox()
        self.idle.setRange(1, 60)
        self.idle.setSuffix(" min")
        self.idle.setValue(max(1, settings.idle_timeout_s // 60))
        self.idle.setToolTip("An episode closes by itself after this long without a tap")
        self.theme_from = self._hour(settings.night_theme_from_hour)
        self.theme_to = self._hour(settings.night_theme_to_hour)
        self.theme = EnumCombo(
            ThemeChoice,
            [
                ("Night theme during the hours below", ThemeChoice.AUTO),
                ("Always night theme", ThemeChoice.NIGHT),
                ("Always day theme", ThemeChoice.DAY),
            ],
        )
        self.theme.setObjectName("theme_choice")
        self.theme.set_value(settings.theme)
        self.rule = EnumCombo(RuleSet, [(r.title, r) for r in RuleSet])
        self.rule.setObjectName("rule_choice")
        self.rule.set_value(settings.rule)
        self.rule.setToolTip(
            "Which gaps between movements count toward a 'periodic run' in the charts. "
            "A pattern in your taps, not a sleep-lab measurement."
        )
        self.text = QSpinBox()
        self.text.setRange(75, 200)
        self.text.setSingleStep(25)
        self.text.setSuffix(" %")
        self.text.setValue(round(settings.text_scale * 100))
        form.addRow("Night starts at", self.night_start)
        form.addRow("Episode ends after no tap for", self.idle)
        form.addRow("Theme", self.theme)
        form.addRow("Night theme from", self.theme_from)
        form.addRow("Night theme until", self.theme_to)
        form.addRow("Periodic run rule", self.rule)
        form.addRow("Text size", self.text)
        note = QLabel("Settings are kept in the data folder, so backups carry them.")
        note.setProperty("role", "dim")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @staticmethod
    def _hour(value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 23)
        box.setSuffix(":00")
        box.setValue(value)
        return box

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
        )

    @classmethod
    def ask(cls, settings: Settings, parent: QWidget | None = None) -> Settings | None:
        dlg = cls(settings, parent)
        return dlg.result_settings() if dlg.exec() == QDialog.DialogCode.Accepted else None

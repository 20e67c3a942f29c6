"""The emergency number to show: the parent's choice, else the system locale's country."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from rlbaby.model import Settings
from rlbaby.model.emergency import emergency_number


def system_country() -> str:
    """The ISO 3166 code of the computer's locale ("" when Qt does not know it)."""
    territory = QLocale.system().territory()
    if territory == QLocale.Country.AnyTerritory:  # PySide6 names the enum Country
        return ""
    return QLocale.territoryToCode(territory)


def shown_emergency_number(settings: Settings) -> str:
    return emergency_number(settings.emergency_number, system_country())

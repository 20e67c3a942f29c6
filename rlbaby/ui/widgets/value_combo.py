"""Combo boxes that hand back the Python value they were given, typed.

`QComboBox.currentData()` round-trips its items through QVariant, and
PySide6 6.11 returns a `StrEnum` item as a bare `str` (the cause of the
'str' object has no attribute 'value' crash when saving a child). These combos
keep the values in a Python list beside the items, so nothing crosses the Qt
boundary but the row number, and `EnumCombo.value()` coerces once more through
the enum itself. Every combo in the UI that carries a value uses one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtWidgets import QComboBox, QWidget

from rlbaby.model import coerce_enum

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


class ValueCombo(QComboBox, Generic[T]):
    """A combo of (text, value) items; `value()` is the chosen Python value."""

    def __init__(self, items: Iterable[tuple[str, T]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[T] = []
        for text, value in items:
            self.add(text, value)

    def add(self, text: str, value: T) -> None:
        self._values.append(value)
        self.addItem(text)

    def reset(self, items: Iterable[tuple[str, T]]) -> None:
        """Replace every item (signals blocked; the caller re-selects)."""
        blocked = self.blockSignals(True)
        try:
            self.clear()
            self._values.clear()
            for text, value in items:
                self.add(text, value)
        finally:
            self.blockSignals(blocked)

    def values(self) -> list[T]:
        return list(self._values)

    def value(self) -> T:
        """The chosen value.

        Raises:
            LookupError: the combo is empty.
        """
        i = self.currentIndex()
        if not 0 <= i < len(self._values):
            raise LookupError(f"{self.objectName() or 'combo'} has nothing chosen")
        return self._values[i]

    def set_value(self, value: T) -> bool:
        """Select `value`; False (and no change) when it is not an item."""
        for i, v in enumerate(self._values):
            if v == value:
                self.setCurrentIndex(i)
                return True
        return False


class EnumCombo(ValueCombo[E | None]):
    """A ValueCombo over one enum (plus an optional 'not recorded' None item)."""

    def __init__(
        self,
        enum: type[E],
        items: Iterable[tuple[str, E | None]],
        parent: QWidget | None = None,
    ) -> None:
        self._enum = enum
        super().__init__(items, parent)

    def value(self) -> E | None:
        v = super().value()
        return None if v is None else coerce_enum(self._enum, v, self._enum.__name__)

    def enum_value(self) -> E:
        """The chosen member, for combos that have no None item."""
        v = self.value()
        if v is None:
            raise LookupError(f"{self._enum.__name__}: nothing chosen")
        return v

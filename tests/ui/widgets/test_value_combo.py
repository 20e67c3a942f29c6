"""The typed combos: values come back as given, never as a QVariant's plain str."""

from __future__ import annotations

import pytest

from rlbaby.model import FamilyHistory, MovementKind
from rlbaby.ui.widgets.value_combo import EnumCombo, ValueCombo


def test_enum_combo_hands_back_the_member_not_a_str(qtbot):
    combo = EnumCombo(FamilyHistory, [("not recorded", FamilyHistory.UNKNOWN), ("yes", "yes")])
    qtbot.addWidget(combo)
    combo.setCurrentIndex(1)
    assert combo.value() is FamilyHistory.YES  # a stored spelling is coerced back
    assert combo.set_value(FamilyHistory.UNKNOWN)
    assert combo.currentText() == "not recorded"
    assert combo.enum_value() is FamilyHistory.UNKNOWN


def test_enum_combo_refuses_a_value_outside_its_enum(qtbot):
    combo = EnumCombo(MovementKind, [("odd", "wobble")])
    qtbot.addWidget(combo)
    with pytest.raises(ValueError, match="wobble"):
        combo.value()


def test_value_combo_none_item_reset_and_unknown_value(qtbot):
    combo: ValueCombo[bool | None] = ValueCombo([("not recorded", None), ("yes", True)])
    qtbot.addWidget(combo)
    assert combo.value() is None
    assert not combo.set_value(False)  # not an item: nothing changes
    assert combo.value() is None
    combo.reset([("a", True)])
    assert combo.values() == [True]
    assert combo.value() is True
    combo.reset([])
    with pytest.raises(LookupError):
        combo.value()

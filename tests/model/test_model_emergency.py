"""The local emergency number: the country's default and what a parent may type."""

from __future__ import annotations

import pytest

from rlbaby.model import Settings
from rlbaby.model.emergency import (
    check_emergency_number,
    default_emergency_number,
    emergency_number,
)
from rlbaby.store.codec import settings_from_doc, settings_to_doc


@pytest.mark.parametrize(
    ("country", "number"),
    [
        ("DE", "112"),
        ("FR", "112"),
        ("US", "911"),
        ("CA", "911"),
        ("PR", "911"),
        ("GB", "999"),
        ("AU", "000"),
        ("gb", "999"),
        ("", "112"),  # unknown: 112 reaches help on most mobile phones
        ("ZZ", "112"),
    ],
)
def test_default_number_follows_the_country(country: str, number: str) -> None:
    assert default_emergency_number(country) == number


def test_the_parents_number_wins_over_the_country() -> None:
    assert emergency_number("", "US") == "911"
    assert emergency_number("+41 144", "US") == "+41 144"


@pytest.mark.parametrize("text", ["112", "+44 999", " 0 00 ", "1" * 15])
def test_digits_spaces_and_a_leading_plus_are_kept(text: str) -> None:
    assert check_emergency_number(text) == " ".join(text.split())
    assert Settings(emergency_number=text).emergency_number == " ".join(text.split())


@pytest.mark.parametrize("text", ["+", "call 112", "11-2", "1" * 16, "1+1", 112])
def test_anything_else_is_refused(text: object) -> None:
    with pytest.raises(ValueError, match="emergency number"):
        check_emergency_number(text)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="emergency number"):
        Settings(emergency_number=text)  # type: ignore[arg-type]


def test_the_number_is_kept_with_the_settings() -> None:
    s = Settings(emergency_number="999")
    assert settings_from_doc(settings_to_doc(s)).emergency_number == "999"
    old = settings_to_doc(Settings())
    del old["emergency_number"]  # a folder from before the field
    assert settings_from_doc(old).emergency_number == ""

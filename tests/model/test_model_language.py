"""Settings.language: validated, "system" by default, and older files load."""

from __future__ import annotations

import pytest

from rlbaby.model import LanguageChoice, Settings
from rlbaby.store.codec import settings_from_doc, settings_to_doc


def test_system_is_the_default() -> None:
    assert Settings().language is LanguageChoice.SYSTEM


def test_a_stored_spelling_is_coerced_and_a_wrong_one_refused() -> None:
    assert Settings(language="de").language is LanguageChoice.GERMAN  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown language 'klingon'"):
        Settings(language="klingon")  # type: ignore[arg-type]


def test_round_trip_and_older_files() -> None:
    doc = settings_to_doc(Settings(language=LanguageChoice.GERMAN))
    assert doc["language"] == "de"
    assert settings_from_doc(doc).language is LanguageChoice.GERMAN
    older = {k: v for k, v in doc.items() if k != "language"}
    assert settings_from_doc(older).language is LanguageChoice.SYSTEM
    # A later version's language is no reason to refuse the settings.
    assert settings_from_doc({**doc, "language": "fr"}).language is LanguageChoice.SYSTEM

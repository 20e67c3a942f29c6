"""Settings, children, imports and re-reads reach the views as service events."""

from __future__ import annotations

from dataclasses import replace

from rlbaby.model import Child
from rlbaby.services import DataReplaced, LoggerService, RecordsChanged, SettingsChanged
from rlbaby.store import Store


def _listen(service: LoggerService) -> list[object]:
    events: list[object] = []
    service.events.subscribe(events.append)
    return events


def test_saved_settings_are_announced_with_old_and_new(store: Store) -> None:
    service = LoggerService(store)
    events = _listen(service)
    old = store.settings
    new = replace(old, night_start_hour=20)
    service.save_settings(new)
    assert events == [SettingsChanged(old, new)]
    assert store.settings == new


def test_a_child_added_or_renamed_is_a_records_change(store: Store) -> None:
    service = LoggerService(store)
    events = _listen(service)
    mia = service.add_child(Child("Mia"))
    service.update(mia, name="Mia Rose")
    assert [type(e) for e in events] == [RecordsChanged, RecordsChanged]
    assert all(isinstance(e, RecordsChanged) for e in events)
    renamed = events[1]
    assert isinstance(renamed, RecordsChanged)
    assert [getattr(r, "name", None) for r in renamed.records] == ["Mia Rose"]


def test_remembering_the_child_saves_quietly(store: Store) -> None:
    service = LoggerService(store)
    mia = service.add_child(Child("Mia"))
    events = _listen(service)
    service.remember_child(mia.id)
    assert store.settings.selected_child_id == mia.id
    assert events == []  # a preference: no view needs to reload for it


def test_a_reread_folder_is_announced(store: Store) -> None:
    service = LoggerService(store)
    events = _listen(service)
    service.store_reloaded()
    assert events == [DataReplaced("followed")]

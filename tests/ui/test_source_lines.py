"""The source lines PySide6 makes Python keep are dropped once the imports are done.

PySide6 reads the source of every module imported after it (to see whether the
module mentions PySide6), and `linecache` keeps each line for the life of the
process: 17 MB at the end of the memory bench. These tests put a file's lines
in that cache as an import would, and check the window lets them go.
"""

from __future__ import annotations

import linecache

from rlbaby.demo import populate
from rlbaby.store import Store
from rlbaby.ui import app as app_module
from rlbaby.ui.app import build_window
from rlbaby.ui.main_tabs import TAB_KEYS


def _read_like_an_import() -> None:
    assert linecache.getline(__file__, 1)  # what inspect.getsource leaves behind
    assert __file__ in linecache.cache


def test_building_the_window_drops_the_source_lines_read_by_its_imports(
    qtbot, qapp, data_dir, clock
) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        _read_like_an_import()
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        assert __file__ not in linecache.cache


def test_each_tab_drops_the_source_lines_read_when_it_is_first_built(
    qtbot, qapp, data_dir, clock
) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, now_ms=clock.now_ms) as store:
        populate(store, nights=3)
        w = build_window(store, qapp, clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        for key in TAB_KEYS[1:]:
            _read_like_an_import()
            w.tabs.setCurrentIndex(TAB_KEYS.index(key))
            qtbot.waitUntil(lambda k=key: w.tabs.built_page(k) is not None)
            assert __file__ not in linecache.cache, key
        # A traceback still shows its lines: linecache reads the file again.
        assert linecache.getline(__file__, 1).startswith('"""')


def test_the_start_drops_them_before_the_store_opens(qapp, data_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The open's own peak (a first open writes the derived caches) then reuses
    the memory the lines held, instead of adding to it."""
    held_at_open = []

    def opening(folder):  # type: ignore[no-untyped-def]
        held_at_open.append(__file__ in linecache.cache)
        return None  # as when the parent cancels the open: the app ends

    monkeypatch.setattr(app_module, "open_store_interactively", opening)
    _read_like_an_import()
    assert app_module.run_gui(data_dir) == 1
    assert held_at_open == [False]

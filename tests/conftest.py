"""Shared fixtures. Qt runs headless: the platform is set before Qt is imported."""

from __future__ import annotations

import gc
import itertools
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
os.environ.setdefault("QT_API", "pyside6")
# Keep runtime files of the offscreen platform out of the user's folders.
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/rlbaby-test-runtime")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
# Read-only opens keep a derived cache in the user's cache folder: the tests'
# own, fresh for every test (see the autouse fixture below), never the user's.
os.environ["RLBABY_CACHE_DIR"] = "/tmp/rlbaby-test-user-cache"

if os.environ.get("RLBABY_SIMULATE_WINDOWS") == "1":
    # Before rlbaby is imported: the store's suite as on Windows (`make test`
    # runs it a second time so). See tests/simwin/simulate_windows.py.
    import sys

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "simwin"))
    import simulate_windows

    simulate_windows.install()
# The app follows the system's languages (QLocale.system().uiLanguages() reads
# LANGUAGE first): every test sees English, whatever the machine's language.
# German tests install German themselves, or set LANGUAGE in a subprocess.
os.environ["LANGUAGE"] = "en"

# No per-example deadline for hypothesis: on a shared CI machine one slow
# example (a GC pause, a busy disk) would fail a test that checks behaviour,
# not speed (speed is `make bench`'s job). Tests that set their own settings
# keep this unless they name a deadline.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("rlbaby", deadline=None)
_hypothesis_settings.load_profile("rlbaby")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from rlbaby.model import Child, Instant  # noqa: E402
from rlbaby.store import Store  # noqa: E402

T0 = 1_795_500_000_000  # 2026-11-24, a fixed instant for tests


class FakeClock:
    """A clock tests move by hand; also usable as the store's now_ms."""

    def __init__(self, utc_ms: int = T0, offset_min: int = 60) -> None:
        self.utc_ms = utc_ms
        self.offset_min = offset_min

    def __call__(self) -> Instant:
        return Instant(self.utc_ms, self.offset_min)

    def now_ms(self) -> int:
        return self.utc_ms

    def advance(self, seconds: float) -> None:
        self.utc_ms += round(seconds * 1000)


# Python's cyclic collector runs in whichever thread allocates when one is
# due. A pytest-xdist worker has a second thread (execnet's receiver); a
# collection there deletes the Qt widgets of cycles that earlier tests left,
# outside the GUI thread, while the test drives Qt in the main one. A full
# run once died so (SIGSEGV inside QApplication.setStyle, 2026-12-02). So the
# automatic collector is off in the test processes, and every test ends with
# a collection in the main thread, after its widgets are closed: the young
# generations each time, everything every _FULL_EVERY tests.
gc.disable()
_FULL_EVERY = 25
_tests_run = itertools.count(1)


@pytest.fixture(autouse=True)
def _collect_garbage_in_the_main_thread() -> Iterator[None]:
    yield
    gc.disable()  # the code a test ran may have turned it on
    gc.collect(2 if next(_tests_run) % _FULL_EVERY == 0 else 1)


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The automatic collector on, as in a normal process (for the tests of
    how rlbaby pauses it)."""
    gc.enable()
    yield
    gc.disable()


@pytest.fixture(autouse=True)
def user_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Each test's own user cache folder (RLBABY_CACHE_DIR, inherited by the
    processes it starts), so no test sees another's derived cache.

    Not through monkeypatch: an autouse fixture asking for it would set it up
    first, and undo it last, after fixtures that check what it put back.
    """
    folder = tmp_path_factory.mktemp("user-cache")
    before = os.environ.get("RLBABY_CACHE_DIR")
    os.environ["RLBABY_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("RLBABY_CACHE_DIR", None)
    else:
        os.environ["RLBABY_CACHE_DIR"] = before


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(params=["memory", "files"])
def store(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    """The store on both backends (STYLE rule 2)."""
    if request.param == "memory":
        s = Store.in_memory(now_ms=clock.now_ms)
    else:
        s = Store.open(tmp_path / "data", now_ms=clock.now_ms)
    yield s
    s.close()


@pytest.fixture
def file_store(data_dir: Path, clock: FakeClock) -> Iterator[Store]:
    s = Store.open(data_dir, now_ms=clock.now_ms)
    yield s
    s.close()


@pytest.fixture
def child(store: Store) -> Child:
    return store.save(Child("Ada"))


@pytest.fixture(autouse=True)
def _flush_deferred_deletes() -> Iterator[None]:
    """Run deleteLater() after each test.

    Tests that never start an event loop would otherwise pile up closed widgets,
    and every later theme change would re-polish all of them.
    """
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

"""Screenshots of the paths a parent takes, in the real app on an X server.

Usage (on Xvfb, from the checkout): python .ci/shoot_paths.py OUT_DIR night|day DATA_DIR [--readonly]
Starts rlbaby through its public entry point on DATA_DIR (start it EMPTY, as a new
user does) and saves, with ImageMagick's `import -window root`:
  first-run      the window as it opens;
  first-tap      after the first Space;
  urgent-sheet   after 3 taps, Settled, the episode sheet with an urgent sign ticked;
  crash          the crash dialog, after an error injected into a slot (only here);
  readonly       with --readonly: the second copy, after clicking "Open read-only".
The injected error is this driver's own monkeypatch; nothing in the app fakes it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QMessageBox

out, theme, data = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
readonly = "--readonly" in sys.argv
out.mkdir(parents=True, exist_ok=True)
app = QApplication.instance() or QApplication(sys.argv[:1])
done: list[str] = []


def shot(name: str) -> None:
    subprocess.run(["import", "-window", "root", str(out / f"{name}-{theme}.png")], check=True)
    done.append(name)


def window() -> QMainWindow | None:
    return next(
        (w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None
    )


def button(root, pattern: str) -> QAbstractButton | None:  # type: ignore[no-untyped-def]
    rx = re.compile(pattern, re.I)
    for b in root.findChildren(QAbstractButton):
        if b.isVisible() and b.isEnabled() and rx.search(b.text().replace("&", "")):
            return b
    return None


def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    w = window()
    QTest.keyClick(QApplication.focusWidget() or w, k, mod)


def script():  # type: ignore[no-untyped-def]
    if readonly:
        for _ in range(100):
            box = next((w for w in app.topLevelWidgets() if isinstance(w, QMessageBox)
                        and w.isVisible()), None)
            if box is not None:
                break
            yield
        b = button(box, "read-only") if box else None
        if b is not None:
            b.click()
    for _ in range(100):
        if window() is not None:
            break
        yield
    w = window()
    assert w is not None
    w.activateWindow()
    for _ in range(15):
        yield
    if theme == "day":
        key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        for _ in range(25):
            yield
    if readonly:
        shot("readonly")
        w.close()
        return
    shot("first-run")
    key(Qt.Key.Key_Space)
    for _ in range(8):
        yield
    shot("first-tap")
    for _ in range(2):
        key(Qt.Key.Key_Space)
        for _ in range(3):
            yield
    key(Qt.Key.Key_E)
    for _ in range(8):
        yield
    urgent = button(w, r"breathing pauses")
    if urgent is not None:
        urgent.click()
    for _ in range(10):
        yield
    shot("urgent-sheet")
    # The crash dialog: an error in a real slot (this driver's monkeypatch).
    from rlbaby.services import LoggerService

    def broken(self, *_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("injected by .ci/shoot_paths.py to show the crash dialog")

    LoggerService.toggle_sleep = broken  # type: ignore[method-assign]
    for _ in range(3):
        yield
    sleep = button(w, r"asleep|awake")
    if sleep is not None:
        QTimer.singleShot(0, sleep.click)
    for _ in range(20):
        yield
    shot("crash")
    for d in app.topLevelWidgets():
        if d.isVisible() and d is not w and button(d, r"^close$"):
            button(d, r"^close$").click()  # type: ignore[union-attr]
    for _ in range(5):
        yield
    w.close()


steps = script()


def tick() -> None:
    try:
        next(steps)
    except StopIteration:
        timer.stop()
    except Exception as exc:  # the driver failed: say so and stop
        print(f"driver: {exc!r}", file=sys.stderr)
        timer.stop()
        app.quit()


timer = QTimer()
timer.timeout.connect(tick)
timer.start(100)
QTimer.singleShot(60_000, app.quit)

from rlbaby.cli import main  # noqa: E402

try:
    main(["--data-dir", data])
except SystemExit:
    pass
print("shots:", ", ".join(done))

"""Notice when another copy of rlbaby changes the data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from rlbaby.store.taplog import LOG_NAME

DEBOUNCE_MS = 300
WATCHED_FOLDERS = ("movements", "episodes", "sleep")


class FolderWatcher(QObject):
    """Watches the data folder, its record folders, meta.json and the tap log.

    A tap appends to the tap log (store/taplog.py), which changes the file in
    place. Every other save replaces a file by renaming a temp file over it
    (the log too, when it is cut), so a watched file path stops being watched
    after its first change: the folders are what is really watched, and the
    file paths are added again after every change. A checkpoint touches
    several files in a row; one `changed` follows them, DEBOUNCE_MS after the
    last.

    Signals:
        changed(): something in the folder changed (debounced).
    """

    changed = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._watch()

    def watched(self) -> list[str]:
        return sorted(self._watcher.directories() + self._watcher.files())

    def _watch(self) -> None:
        """Watch what exists now (a record folder may appear with its first file)."""
        wanted = [self.data_dir, *(self.data_dir / f for f in WATCHED_FOLDERS)]
        wanted += [self.data_dir / "meta.json", self.data_dir / LOG_NAME]
        have = set(self._watcher.directories()) | set(self._watcher.files())
        new = [str(p) for p in wanted if p.exists() and str(p) not in have]
        if new:
            # Paths that vanished in between are refused, and come back next time.
            self._watcher.addPaths(new)

    def _on_watcher_changed(self, _path: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._watch()
        self.changed.emit()

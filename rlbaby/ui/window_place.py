"""Where the main window was when it last closed, to open there again.

Kept in the user cache folder (`paths.user_cache_dir()`), not in the data
folder: it belongs to this computer's screens, and a backup restored on another
computer must not carry it along. It is safe to delete: the window then opens
at its first size (screen_fit.py) again. It is Qt's own `saveGeometry` record,
which `restoreGeometry` checks (its format and version) and fits onto the
screens there are now, so a window last shown on a screen since unplugged still
opens where it can be seen.

A place that cannot be read or written is logged and otherwise ignored: it is
a convenience, never a reason to stop a parent logging.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from rlbaby.store import StoreError
from rlbaby.store.atomic import atomic_write_bytes
from rlbaby.store.files import read_head

log = logging.getLogger(__name__)

FILE_NAME = "window-place.bin"
# Qt's record is under 100 bytes; anything much larger is not one of ours.
_MOST = 4096


class WindowPlace:
    """The saved place of one window, in `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def restore(self, window: QWidget) -> bool:
        """Put `window` where it last closed. False: no usable place saved
        (the window keeps the size it has)."""
        try:
            raw = read_head(self.path, _MOST + 1)
        except FileNotFoundError:
            return False
        except (OSError, StoreError) as exc:
            log.warning("could not read the window's last place %s: %s", self.path, exc)
            return False
        if not raw or len(raw) > _MOST:
            log.warning("ignored %s: not a window place saved by rlbaby", self.path)
            return False
        if not window.restoreGeometry(QByteArray(raw)):
            log.warning("ignored %s: Qt could not read it as a window place", self.path)
            return False
        return True

    def save(self, window: QWidget) -> None:
        """Keep where `window` is now (when it closes)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, bytes(window.saveGeometry().data()))
        except (OSError, StoreError) as exc:
            log.warning("could not keep the window's place in %s: %s", self.path, exc)

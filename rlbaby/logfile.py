"""The log file, `<data dir>/logs/rlbaby.log`: details a parent never has to read. Qt-free.

Everything under the `rlbaby` logger goes there, rotated (three old files of 1 MB
at most), so a developer can be sent what happened without the app ever putting
a trace on screen or on stderr.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOGGER = "rlbaby"
FOLDER = "logs"
NAME = "rlbaby.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def log_path(data_dir: Path) -> Path:
    return data_dir / FOLDER / NAME


class LogFile:
    """A rotating file handler on the `rlbaby` logger, removed again by `close()`.

    Attributes:
        path: the file written to.
    """

    def __init__(self, handler: RotatingFileHandler, path: Path, level: int) -> None:
        self._handler = handler
        self._level_before = level
        self.path = path

    @classmethod
    def open(cls, data_dir: Path) -> LogFile | None:
        """Start logging to the data folder's log file.

        Returns:
            The open log, or None when the folder cannot be written (read-only
            medium, full disk): the app then runs on without a log file.
        """
        path = log_path(data_dir)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
            )
        except OSError as exc:
            log.warning("no log file in %s: %s", path.parent, exc.strerror or exc)
            return None
        handler.setFormatter(logging.Formatter(FORMAT))
        logger = logging.getLogger(LOGGER)
        before = logger.level
        logger.addHandler(handler)
        if before == logging.NOTSET or before > logging.INFO:
            logger.setLevel(logging.INFO)
        return cls(handler, path, before)

    def close(self) -> None:
        logger = logging.getLogger(LOGGER)
        logger.removeHandler(self._handler)
        logger.setLevel(self._level_before)
        self._handler.close()

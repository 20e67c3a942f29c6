"""The episode in progress as the Log tab shows it: its taps, in memory, and the target's words.

A tap never waits for a query: the tab adds each saved tap here, and re-reads
the whole state only when the records change (an undo, an edit, an import).
The words are the Log tab's (translation context "LogTab").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rlbaby import wording
from rlbaby.model import Episode, Instant
from rlbaby.services import MovementRecorded
from rlbaby.ui.context import UiContext
from rlbaby.ui.i18n import tr_ago


class LiveEpisode:
    """The selected child's open episode and last tap.

    Attributes:
        episode_id: the open episode shown, or None.
        times: its tap times (UTC ms, in order).
        last_tap_ms: the child's last tap (UTC ms), in any episode, or None.
    """

    def __init__(self, ctx: UiContext) -> None:
        self._ctx = ctx
        self.episode_id: str | None = None
        self.times: list[int] = []
        self.last_tap_ms: int | None = None

    def reload(self, child_id: str) -> None:
        """Re-read the child's open episode, its taps and the child's last tap."""
        ep = self._ctx.service.open_episode(child_id) if child_id else None
        self.episode_id = ep.id if ep else None
        self.times = (
            self._ctx.store.movements(episode_id=ep.id).at_ms.tolist() if ep is not None else []
        )
        last = self._ctx.store.last_movement(child_id) if child_id else None
        self.last_tap_ms = None if last is None else last[1]

    def current(self, child_id: str, now: Instant) -> Episode | None:
        """The open episode at `now`; forgotten once it closed by itself (idle)."""
        if self.episode_id is not None:
            ep = self._ctx.service.open_episode(child_id, now)
            if ep is None or ep.id != self.episode_id:
                self.episode_id = None
                self.times = []
        return self._ctx.store.episode(self.episode_id) if self.episode_id else None

    def add(self, event: MovementRecorded) -> bool:
        """Take a saved tap. True when it began another episode than the one shown."""
        other = event.new_episode or event.episode.id != self.episode_id
        if other:
            self.episode_id = event.episode.id
            self.times = []
        self.times.append(event.movement.at.utc_ms)
        self.last_tap_ms = event.movement.at.utc_ms
        return other

    def idle_words(self, child_id: str, now: Instant, readonly: bool) -> tuple[str, str]:
        """The tap target's big text and its line below, with no episode open.

        (With one open, the tab counts its movements: lupdate marks a text as
        plural only in a class's own `self.tr`.)
        """
        last = self.last_tap_ms
        if readonly:
            # Nothing is logged here: do not invite a tap (the banner says why).
            ago = (
                ""
                if last is None
                else QCoreApplication.translate("LogTab", " · last movement {ago} ago").format(
                    ago=tr_ago(now.utc_ms - last)
                )
            )
            return (
                QCoreApplication.translate("LogTab", "Read-only"),
                QCoreApplication.translate("LogTab", "nothing is logged here") + ago,
            )
        since = (
            QCoreApplication.translate("LogTab", "last movement {ago} ago").format(
                ago=tr_ago(now.utc_ms - last)
            )
            if child_id and last is not None
            else QCoreApplication.translate("LogTab", "No episode open")
        )
        return QCoreApplication.translate("LogTab", "Tap"), since

    def since_last(self, now: Instant) -> str:
        """How long ago the open episode's last tap was ("" before its first)."""
        return wording.duration(now.utc_ms - self.times[-1], clock=True) if self.times else ""

"""The current episode: when it started, how long (ticking), movements, last intervals."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from rlbaby import wording
from rlbaby.model import Episode, Instant
from rlbaby.ui.locale_format import format_time


def fmt_interval(ms: int) -> str:
    """Gaps between taps: tenths of a second when short (fast twitches matter)."""
    if ms < 10_000:
        return f"{ms / 1000:.1f} s"
    return wording.duration(ms, clock=True)


class EpisodePanel(QFrame):
    """Shows one episode's live state; the Log tab feeds it.

    Signals:
        settle_clicked(): the parent pressed Settled.
        annotate_clicked(): open the episode sheet.
    """

    settle_clicked = Signal()
    annotate_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("episode_panel")
        self.setProperty("role", "panel")
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("No episode open"))
        self.title.setProperty("role", "big")
        self.started = QLabel("")
        self.duration = QLabel("")
        self.duration.setProperty("role", "big")
        self.count = QLabel("")
        self.intervals = QLabel("")
        self.intervals.setProperty("role", "dim")
        self.intervals.setWordWrap(True)
        for w in (self.title, self.started, self.duration, self.count, self.intervals):
            layout.addWidget(w)
        layout.addStretch(1)
        self.settle = QPushButton(self.tr("Settled  (E)"))
        self.settle.setObjectName("settle_button")
        self.settle.setToolTip(self.tr("The baby has settled: end this episode now (E)"))
        self.settle.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.settle.clicked.connect(self.settle_clicked)
        self.annotate = QPushButton(self.tr("Add details  (A)"))
        self.annotate.setObjectName("annotate_button")
        self.annotate.setToolTip(
            self.tr("Soothing, response, signs and triggers for this episode (A)")
        )
        self.annotate.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.annotate.clicked.connect(self.annotate_clicked)
        layout.addWidget(self.settle)
        layout.addWidget(self.annotate)
        self.show_episode(None, [], None)

    def show_episode(
        self, episode: Episode | None, times_ms: list[int], now: Instant | None
    ) -> None:
        """Render `episode` with its movement times (UTC ms, sorted) at `now`."""
        open_ = episode is not None and now is not None
        self.settle.setEnabled(open_)
        if episode is None or now is None or not times_ms:
            self.title.setText(self.tr("No episode open"))
            self.started.setText(self.tr("The next tap starts one."))
            self.duration.setText("")
            self.count.setText("")
            self.intervals.setText("")
            return
        first = Instant(times_ms[0], episode.opened.offset_min)
        self.title.setText(self.tr("Episode in progress"))
        self.started.setText(self.tr("Started {time}").format(time=format_time(first)))
        self.duration.setText(wording.duration(now.utc_ms - times_ms[0], clock=True))
        n = len(times_ms)
        self.count.setText(self.tr("%n movement(s)", "", n))
        recent = times_ms[-6:]
        gaps = [b - a for a, b in zip(recent, recent[1:], strict=False)]
        self.intervals.setText(
            self.tr("Last intervals: {gaps}").format(gaps=" · ".join(fmt_interval(g) for g in gaps))
            if gaps
            else ""
        )

"""The Guide tab (being built; see the open issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rlbaby.content import Guide
from rlbaby.ui.context import UiContext


class GuideTab(QWidget):
    def __init__(self, ctx: UiContext, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The guide tab is not built yet."))

"""Pick the child in one click (twins are common); add or edit a child."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from rlbaby.store import Store
from rlbaby.ui.context import ChildSelection


class ChildBar(QWidget):
    """One button per child; the checked one is being logged.

    Signals:
        add_requested(): the parent wants to add a child.
        edit_requested(str): edit this child.
    """

    add_requested = Signal()
    edit_requested = Signal(str)

    def __init__(
        self, store: Store, selection: ChildSelection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._selection = selection
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        self.readonly = False  # another copy writes: no adding or editing here
        selection.child_changed.connect(self._on_selection_child_changed)
        self.reload()

    def reload(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().hide()  # at once: the old "Edit" must not linger on screen
                item.widget().deleteLater()
        self.buttons.clear()
        self._layout.addWidget(QLabel(self.tr("Child:")))
        for i, child in enumerate(self._store.children()):
            b = QPushButton(child.name)
            b.setObjectName(f"child_{child.id}")
            b.setCheckable(True)
            b.setProperty("chip", True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(
                self.tr("Log for {name} (C switches child)").format(name=child.name)
                + (f" · Alt+{i + 1}" if i < 9 else "")
            )
            b.setChecked(child.id == self._selection.child_id)
            b.clicked.connect(lambda _c=False, cid=child.id: self._selection.select(cid))
            self._group.addButton(b)
            self._layout.addWidget(b)
            self.buttons[child.id] = b
        add = QPushButton(self.tr("+ Add child"))
        add.setObjectName("add_child")
        add.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        add.setToolTip(self.tr("Add a child (twins are logged side by side)"))
        add.clicked.connect(self.add_requested)
        edit = QPushButton(self.tr("Edit"))
        edit.setObjectName("edit_child")
        edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        edit.setToolTip(self.tr("Edit this child's details and health notes"))
        add.setEnabled(not self.readonly)
        edit.setEnabled(bool(self._selection.child_id) and not self.readonly)
        edit.clicked.connect(lambda: self.edit_requested.emit(self._selection.child_id))
        self.add_button, self.edit_button = add, edit
        self._layout.addWidget(add)
        self._layout.addWidget(edit)
        self._layout.addStretch(1)
        for i in range(self._layout.count()):
            w = self._layout.itemAt(i).widget()
            if w is not None:
                w.show()  # now, not on the next event loop turn: the old ones are gone

    def set_readonly(self, readonly: bool) -> None:
        self.readonly = readonly
        self.reload()

    def cycle(self) -> None:
        ids = list(self.buttons)
        if len(ids) > 1:
            i = ids.index(self._selection.child_id) if self._selection.child_id in ids else -1
            self._selection.select(ids[(i + 1) % len(ids)])

    def _on_selection_child_changed(self, child_id: str) -> None:
        for cid, b in self.buttons.items():
            b.setChecked(cid == child_id)

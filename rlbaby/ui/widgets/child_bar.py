"""Pick the child in one click (twins are common); add or edit a child."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from rlbaby.model import Child
from rlbaby.services import RecordsChanged
from rlbaby.store import Store
from rlbaby.ui.bridge import ServiceBridge
from rlbaby.ui.context import ChildSelection


class ChildBar(QWidget):
    """One button per child; the checked one is being logged.

    Signals:
        add_requested(): the parent wants to add a child.
        edit_requested(str): edit this child.
        reloaded(): the buttons were made anew (new widgets: the Tab order changes).
    """

    add_requested = Signal()
    edit_requested = Signal(str)
    reloaded = Signal()

    def __init__(
        self,
        store: Store,
        selection: ChildSelection,
        bridge: ServiceBridge,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._selection = selection
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        self.readonly = False  # another copy writes: no adding or editing here
        selection.child_changed.connect(self._on_selection_child_changed)
        bridge.records_changed.connect(self._on_bridge_records_changed)
        bridge.data_replaced.connect(self.reload)
        self.reload()

    def _on_bridge_records_changed(self, event: RecordsChanged) -> None:
        if any(isinstance(r, Child) for r in event.records):
            self.reload()  # a child added, renamed, deleted or restored by undo

    def reload(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()  # at once: the old "Edit" must not linger on screen
                old.deleteLater()
        self.buttons.clear()
        self._layout.addWidget(QLabel(self.tr("Child:")))
        for i, child in enumerate(self._store.children()):
            b = QPushButton(child.name)
            b.setObjectName(f"child_{child.id}")
            b.setCheckable(True)
            b.setProperty("chip", True)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.setToolTip(
                self.tr("Log for {name} (C switches child)").format(name=child.name)
                + (f" · Alt+{i + 1}" if i < 9 else "")
            )
            b.setChecked(child.id == self._selection.child_id)
            b.clicked.connect(lambda _c=False, cid=child.id: self._on_child_clicked(cid))
            self._layout.addWidget(b)
            self.buttons[child.id] = b
        add = QPushButton(self.tr("+ Add child"))
        add.setObjectName("add_child")
        add.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        add.setToolTip(self.tr("Add a child (twins are logged side by side)"))
        add.clicked.connect(self.add_requested)
        edit = QPushButton(self.tr("Edit"))
        edit.setObjectName("edit_child")
        edit.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        edit.setToolTip(self.tr("Edit this child's details and health notes"))
        edit.setAccessibleName(self.tr("Edit child"))
        edit.setAccessibleDescription(self.tr("Name, birth date and health notes (Ctrl+E)"))
        add.setEnabled(not self.readonly)
        edit.setEnabled(bool(self._selection.child_id) and not self.readonly)
        edit.clicked.connect(lambda: self.edit_requested.emit(self._selection.child_id))
        self.add_button, self.edit_button = add, edit
        self._layout.addWidget(add)
        self._layout.addWidget(edit)
        self._layout.addStretch(1)
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            w = item.widget() if item is not None else None
            if w is not None:
                w.show()  # now, not on the next event loop turn: the old ones are gone
        self.reloaded.emit()

    def set_readonly(self, readonly: bool) -> None:
        self.readonly = readonly
        self.reload()

    def cycle(self) -> None:
        ids = list(self.buttons)
        if len(ids) > 1:
            i = ids.index(self._selection.child_id) if self._selection.child_id in ids else -1
            self._selection.select(ids[(i + 1) % len(ids)])

    def _on_child_clicked(self, child_id: str) -> None:
        # No exclusive QButtonGroup: Tab would stop only at the checked child. So a
        # click on the chosen child, which unchecked it, checks it again here.
        self._selection.select(child_id)
        self._on_selection_child_changed(self._selection.child_id)

    def _on_selection_child_changed(self, child_id: str) -> None:
        for cid, b in self.buttons.items():
            b.setChecked(cid == child_id)

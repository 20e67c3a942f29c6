"""The History tree as a Qt item model: a thin adapter over rlbaby.services.history.

Three levels: nights; their episodes and sleep periods; an episode's movements.
Each row wraps one frozen dataclass (NightItem, EpisodeItem, SleepItem or
Movement) in a small node that knows its parent, because Qt asks for parents.

Updates are keyed by record id. `replace_night` diffs one night against what is
shown and emits only the inserts, moves, removals and dataChanged it needs, so a
tap at 3 a.m. adds one row, and persistent indexes (expansion, selection) stay
on their records. `set_nights` is the big reload (beginResetModel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from rlbaby.model import Episode, Movement, SleepPeriod
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.services.history import EpisodeItem, NightItem, SleepItem
from rlbaby.ui.i18n import Plurals, tr_label
from rlbaby.ui.locale_format import format_night, format_time
from rlbaby.wording import duration

Payload = NightItem | EpisodeItem | SleepItem | Movement
AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryModel", "When"),
    QT_TRANSLATE_NOOP("HistoryModel", "What"),
    QT_TRANSLATE_NOOP("HistoryModel", "Details"),
)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(eq=False)
class _Node:
    """One row. Identity equality: `list.index` must find this very node."""

    payload: Payload | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    @property
    def key(self) -> str:
        p = self.payload
        if p is None:
            return ""  # the invisible root
        return p.id if isinstance(p, Movement) else p.key

    @property
    def night(self) -> NightItem:
        """What a top-level row shows (only nights sit at the top)."""
        assert isinstance(self.payload, NightItem)
        return self.payload

    def row(self) -> int:
        assert self.parent is not None
        return self.parent.children.index(self)


def _child_payloads(payload: Payload | None) -> tuple[Payload, ...]:
    if isinstance(payload, NightItem):
        return payload.items
    if isinstance(payload, EpisodeItem):
        return payload.movements
    return ()


def _build(payload: Payload, parent: _Node) -> _Node:
    node = _Node(payload, parent)
    node.children = [_build(p, node) for p in _child_payloads(payload)]
    return node


class HistoryModel(QAbstractItemModel):
    """Nights (newest first) → episodes and sleep periods → movements.

    Args:
        now_ms: returns the current UTC ms (an open sleep period counts up to now).
    """

    def __init__(
        self, now_ms: Callable[[], int] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._root = _Node(None)
        self._now_ms = now_ms or (lambda: 0)

    # --- the adapter's API ------------------------------------------------------

    def set_nights(self, nights: list[NightItem]) -> None:
        """Replace everything (filter change, restore, import)."""
        self.beginResetModel()
        self._root.children = [_build(n, self._root) for n in nights]
        self.endResetModel()

    def nights(self) -> list[date]:
        return [n.night.night for n in self._root.children]

    def night_item(self, night: date) -> NightItem | None:
        """What the model shows for `night` (None when that night is not listed)."""
        for node in self._root.children:
            if node.night.night == night:
                return node.night
        return None

    def replace_night(self, night: date, item: NightItem | None) -> None:
        """Show `item` as the night `night` (None removes it), changing only what differs."""
        rows = self._root.children
        at = next((i for i, n in enumerate(rows) if n.night.night == night), None)
        if item is None:
            if at is not None:
                self.beginRemoveRows(QModelIndex(), at, at)
                del rows[at]
                self.endRemoveRows()
            return
        if at is None:
            # Newest first: insert before the first older night.
            at = next((i for i, n in enumerate(rows) if n.night.night < night), len(rows))
            self.beginInsertRows(QModelIndex(), at, at)
            rows.insert(at, _build(item, self._root))
            self.endInsertRows()
            return
        self._sync(rows[at], self.index(at, 0), item)

    def _sync(self, node: _Node, index: QModelIndex, payload: Payload) -> None:
        if node.payload != payload:
            node.payload = payload
            last = self.index(index.row(), len(COLUMNS) - 1, index.parent())
            self.dataChanged.emit(index, last)
        wanted = _child_payloads(payload)
        keys = [_key(p) for p in wanted]
        keep = set(keys)
        kids = node.children
        # Removals first, bottom up, one contiguous run at a time.
        row = len(kids) - 1
        while row >= 0:
            if kids[row].key in keep:
                row -= 1
                continue
            end = row
            while row > 0 and kids[row - 1].key not in keep:
                row -= 1
            self.beginRemoveRows(index, row, end)
            del kids[row : end + 1]
            self.endRemoveRows()
            row -= 1
        # Then walk the wanted order: keep, move up (an edited time), or insert.
        for i, (key, child) in enumerate(zip(keys, wanted, strict=True)):
            if i < len(kids) and kids[i].key == key:
                self._sync(kids[i], self.index(i, 0, index), child)
                continue
            j = next((j for j in range(i + 1, len(kids)) if kids[j].key == key), None)
            if j is None:
                self.beginInsertRows(index, i, i)
                kids.insert(i, _build(child, node))
                self.endInsertRows()
                continue
            self.beginMoveRows(index, j, j, index, i)
            kids.insert(i, kids.pop(j))
            self.endMoveRows()
            self._sync(kids[i], self.index(i, 0, index), child)

    def payload(self, index: AnyIndex) -> Payload | None:
        node = self._node(index)
        return None if node is self._root else node.payload

    def record(self, index: AnyIndex) -> Movement | Episode | SleepPeriod | None:
        """The editable record a row shows (None for a night row)."""
        p = self.payload(index)
        if isinstance(p, EpisodeItem):
            return p.episode
        if isinstance(p, SleepItem):
            return p.period
        return p if isinstance(p, Movement) else None

    def night_of_index(self, index: AnyIndex) -> date | None:
        node = self._node(index)
        while node.parent is not None and node.parent is not self._root:
            node = node.parent
        return node.payload.night if isinstance(node.payload, NightItem) else None

    def key(self, index: AnyIndex) -> str | None:
        node = self._node(index)
        return None if node is self._root else node.key

    def index_of_key(self, key: str) -> QModelIndex:
        """The row showing the record (or night key) `key`; invalid when not shown."""
        stack = [(n, QModelIndex(), r) for r, n in enumerate(self._root.children)]
        while stack:
            node, parent, row = stack.pop()
            if node.key == key:
                return self.index(row, 0, parent)
            if node.children:
                here = self.index(row, 0, parent)
                stack.extend((c, here, r) for r, c in enumerate(node.children))
        return QModelIndex()

    def nights_holding(self, ids: set[str]) -> set[date]:
        """The shown nights that hold any of these record ids (anywhere below)."""
        found = set()
        for night in self._root.children:
            stack = list(night.children)
            while stack:
                node = stack.pop()
                if node.key in ids:
                    found.add(night.night.night)
                    break
                stack.extend(node.children)
        return found

    # --- QAbstractItemModel -------------------------------------------------------

    def _node(self, index: AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        parent: _Node = index.internalPointer()
        return parent.children[index.row()]

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        # The internal pointer is the *parent* node: a row is then found by
        # position, and the Python node objects stay owned by their lists.
        return self.createIndex(row, column, self._node(parent))

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, index: AnyIndex) -> QModelIndex: ...
    def parent(self, index: AnyIndex | None = None) -> QObject | QModelIndex | None:
        if index is None:  # QObject.parent(), which this name shadows
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return len(COLUMNS)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        p = node.payload
        if role == KEY_ROLE:
            return node.key
        if role == RECORD_ROLE:
            return self.record(index)
        if role == Qt.ItemDataRole.FontRole and isinstance(p, NightItem):
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(p, index.column())
            if role == Qt.ItemDataRole.ToolTipRole:
                return text or None
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " · ".join(t for t in (self._text(p, c) for c in range(len(COLUMNS))) if t)
        return None

    def _text(self, p: Payload | None, column: int) -> str:
        if isinstance(p, NightItem):
            return self._night_text(p, column)
        if isinstance(p, EpisodeItem):
            return _episode_text(p, column)
        if isinstance(p, SleepItem):
            return _sleep_text(p, column, self._now_ms())
        if isinstance(p, Movement):
            return (format_time(p.at, seconds=True), tr_label(p.kind).capitalize(), p.note)[column]
        return ""

    def _night_text(self, p: NightItem, column: int) -> str:
        if column == 0:
            return format_night(p.night)
        if column == 1:
            return self.tr("Night")
        plurals = Plurals()
        parts = [plurals.movements(p.movement_count), plurals.episodes(len(p.episodes))]
        hours = p.sleep_hours(self._now_ms())
        if p.sleeps:
            parts.append(self.tr("{hours} h asleep").format(hours=f"{hours:.1f}"))
        return " · ".join(parts)


def _key(p: Payload) -> str:
    return p.id if isinstance(p, Movement) else p.key


def _episode_text(p: EpisodeItem, column: int) -> str:
    if column == 0:
        return f"{format_time(p.start)}–{format_time(p.end)}"
    if column == 1:
        return QCoreApplication.translate("HistoryModel", "Episode")
    ep = p.episode
    parts = [
        Plurals().movements(len(p.movements))
        if p.movements
        else QCoreApplication.translate("HistoryModel", "no movements left")
    ]
    parts.append(duration(p.end.utc_ms - p.start.utc_ms))
    if ep.response is not None:
        parts.append(tr_label(ep.response))
    elif ep.settled is not None:
        parts.append(QCoreApplication.translate("HistoryModel", "settled"))
    if ep.signs:
        parts.append(", ".join(tr_label(s) for s in sorted(ep.signs)))
    if ep.video:
        parts.append(QCoreApplication.translate("HistoryModel", "video"))
    if ep.note:
        parts.append(ep.note)
    return " · ".join(parts)


def _sleep_text(p: SleepItem, column: int, now_ms: int) -> str:
    s = p.period
    if column == 0:
        end = format_time(s.awake) if s.awake else "…"
        return f"{format_time(s.asleep)}–{end}"
    if column == 1:
        return QCoreApplication.translate("HistoryModel", "Asleep")
    if s.awake is None:
        return QCoreApplication.translate("HistoryModel", "no Awake mark yet")
    return duration(s.awake.utc_ms - s.asleep.utc_ms)

"""File > Import…: a preview of what a file would add, then all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import Child, Episode, Instant, Movement, SleepPeriod
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.services import LoggerService
from rlbaby.store import Store, StoreError
from rlbaby.store.exchange import ImportPlan, plan_import
from rlbaby.store.journal import UnfinishedCommitError
from rlbaby.ui.dialogs.common import inform, open_path
from rlbaby.ui.locale_format import format_date

KINDS = ("children", "episodes", "movements", "sleep periods")
# The words shown for KINDS (the plan counts by the English keys above).
KIND_WORDS = {
    "children": QT_TRANSLATE_NOOP("ImportDialog", "children"),
    "episodes": QT_TRANSLATE_NOOP("ImportDialog", "episodes"),
    "movements": QT_TRANSLATE_NOOP("ImportDialog", "movements"),
    "sleep periods": QT_TRANSLATE_NOOP("ImportDialog", "sleep periods"),
}


def _instant(rec: object) -> Instant | None:
    """The record's time, for the preview's date range (children have none)."""
    if isinstance(rec, Movement):
        return rec.at
    if isinstance(rec, Episode):
        return rec.opened
    if isinstance(rec, SleepPeriod):
        return rec.asleep
    return None


def _day(inst: Instant) -> str:
    d = inst.local().date()
    return format_date(d)


def span_text(plan: ImportPlan) -> str:
    """The local dates the new records cover, e.g. "from 3 Nov 2026 to 24 Nov 2026"."""
    instants = [i for rec in plan.records if (i := _instant(rec)) is not None]
    if not instants:
        return ""
    first = _day(min(instants, key=lambda i: i.utc_ms))
    last = _day(max(instants, key=lambda i: i.utc_ms))
    if first == last:
        return QCoreApplication.translate("ImportDialog", "on {day}").format(day=first)
    return QCoreApplication.translate("ImportDialog", "from {first} to {last}").format(
        first=first, last=last
    )


class ImportDialog(QDialog):
    """Shows what importing one file would add or update; Import applies it.

    The plan was made without writing anything; accepting the dialog is the
    only way it gets applied, and it is applied in one all-or-nothing step.
    """

    def __init__(self, plan: ImportPlan, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        name = Path(plan.source).name
        self.setWindowTitle(self.tr("Import {name}").format(name=name))
        self.plan = plan
        known = {c.id for c in store.children(include_deleted=True)}
        names = [c.name for c in plan.new_children]
        names += [r.name for r in plan.records if isinstance(r, Child) and r.id not in known]
        self.new_children = list(dict.fromkeys(names))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("What importing {name} would do").format(name=name))
        title.setProperty("role", "big")
        layout.addWidget(title)

        self.table = QTableWidget(len(KINDS), 3)
        self.table.setObjectName("import_counts")
        self.table.setAccessibleName(self.tr("What the import adds"))
        self.table.setAccessibleDescription(self.tr("New and updated records of each kind"))
        self.table.setHorizontalHeaderLabels(["", self.tr("New"), self.tr("Updated")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        for r, kind in enumerate(KINDS):
            for c, text in enumerate(
                (
                    self.tr(KIND_WORDS[kind]),
                    str(plan.added.get(kind, 0)),
                    str(plan.updated.get(kind, 0)),
                )
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(len(KINDS)))
            + 4
        )
        layout.addWidget(self.table)

        self.details = QLabel(self._details_text())
        self.details.setObjectName("import_details")
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        note = QLabel(
            self.tr(
                "Importing is all or nothing: if anything goes wrong, nothing is added. "
                "Records already here are recognised and not added twice."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "dim")
        layout.addWidget(note)

        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton | None = None
        if plan.empty:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            self.import_button = self.buttons.addButton(
                self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.import_button.setObjectName("import_button")
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def _details_text(self) -> str:
        plan = self.plan
        if plan.empty:
            lines = [self.tr("Everything in this file is already here: nothing to add.")]
        else:
            lines = []
            span = span_text(plan)
            if span:
                lines.append(self.tr("The records are {span}.").format(span=span))
        if self.new_children:
            lines.append(
                self.tr("New children: {names}.").format(names=", ".join(self.new_children))
            )
        if plan.unchanged:
            lines.append(
                self.tr("%n record(s) already here and staying as they are.", "", plan.unchanged)
            )
        if plan.differing:
            lines.append(
                self.tr(
                    "%n row(s) with values that differ from what is here. A CSV row "
                    "carries no time of change, so what is here is kept; only empty details "
                    "are filled in.",
                    "",
                    plan.differing,
                )
            )
        return "\n".join(lines)

    @classmethod
    def ask(cls, plan: ImportPlan, store: Store, parent: QWidget | None = None) -> bool:
        """True when the parent chose Import (never for an empty plan)."""
        dlg = cls(plan, store, parent)
        return dlg.exec() == QDialog.DialogCode.Accepted and not plan.empty


def _say_nothing_imported(parent: QWidget | None, exc: StoreError) -> None:
    inform(
        parent,
        QCoreApplication.translate("ImportDialog", "Import"),
        QCoreApplication.translate("ImportDialog", "Nothing was imported. {reason}").format(
            reason=exc
        ),
    )


def import_interactively(
    service: LoggerService, parent: QWidget | None, path: Path | None = None
) -> bool:
    """Pick a file, preview it, and import it all or nothing through the service,
    whose event tells every view.

    Returns:
        True when records were written.
    """
    store = service.store
    if path is None:
        filters = QCoreApplication.translate(
            "ImportDialog", "rlbaby exports (*.csv *.zip *.json);;All files (*)"
        )
        path = open_path(parent, QCoreApplication.translate("ImportDialog", "Import"), filters)
        if path is None:
            return False
    try:
        plan = plan_import(store, path)
    except StoreError as exc:
        _say_nothing_imported(parent, exc)
        return False
    if not ImportDialog.ask(plan, store, parent):
        return False
    try:
        service.import_planned(plan)
    except UnfinishedCommitError as exc:
        inform(
            parent, QCoreApplication.translate("ImportDialog", "Import"), str(exc)
        )  # imported: the views show it
        return True
    except StoreError as exc:
        _say_nothing_imported(parent, exc)
        return False
    return True

"""Add or edit a child, with the health notes the doctor will want."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import Child, FamilyHistory, LabResult
from rlbaby.ui.i18n import tr_label
from rlbaby.ui.locale_format import date_format
from rlbaby.ui.widgets.dates import date_of, qdate_of
from rlbaby.ui.widgets.problem_line import ProblemLine
from rlbaby.ui.widgets.value_combo import EnumCombo, ValueCombo


class ChildDialog(QDialog):
    """Edits a Child value; `result_child()` returns the edited copy."""

    def __init__(self, child: Child | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("child_dialog")
        self.setWindowTitle(self.tr("Edit child") if child else self.tr("Add a child"))
        self._child = child
        form = QFormLayout()
        self.name = QLineEdit(child.name if child else "")
        self.name.setObjectName("child_name")
        self.name.setPlaceholderText(self.tr("First name or nickname"))
        self.has_birth = QCheckBox(self.tr("Known"))
        self.has_birth.setAccessibleName(self.tr("Birth date known"))
        self.has_birth.setAccessibleDescription(self.tr("Tick to keep the birth date below"))
        self.birth = QDateEdit()
        self.birth.setAccessibleName(self.tr("Birth date"))
        self.birth.setAccessibleDescription(self.tr("The baby's date of birth, if known"))
        self.birth.setCalendarPopup(True)
        self.birth.setDisplayFormat(date_format())
        self.birth.setMaximumDate(QDate.currentDate())
        if child and child.birth_date:
            self.has_birth.setChecked(True)
            self.birth.setDate(qdate_of(child.birth_date))
        else:
            self.birth.setDate(QDate.currentDate())
        self.born_early: ValueCombo[bool | None] = ValueCombo(
            [(self.tr("not recorded"), None), (self.tr("yes"), True), (self.tr("no"), False)]
        )
        self.born_early.setObjectName("born_early")
        self.born_early.set_value(child.born_early if child else None)
        self.born_early.setToolTip(self.tr("Born before 37 weeks"))
        # "Not recorded" first: a default must never record a fact the parent did not give.
        self.family = EnumCombo(
            FamilyHistory,
            [
                (tr_label(fh), fh)
                for fh in (FamilyHistory.UNKNOWN, FamilyHistory.YES, FamilyHistory.NO)
            ],
        )
        self.family.setObjectName("family_history")
        self.family.set_value(child.family_history if child else FamilyHistory.UNKNOWN)
        self.family.setToolTip(
            self.tr("Does a parent, brother, sister or grandparent have restless legs?")
        )
        self.labs = QTableWidget(0, 4)
        self.labs.setObjectName("labs_table")
        self.labs.setAccessibleName(self.tr("Lab results"))
        self.labs.setAccessibleDescription(
            self.tr("One test a row: test, value, unit and date. Type in the last row to add one.")
        )
        self.labs.setHorizontalHeaderLabels(
            [self.tr("Test"), self.tr("Value"), self.tr("Unit"), self.tr("Date (YYYY-MM-DD)")]
        )
        self.labs.horizontalHeader().setStretchLastSection(True)
        self._fit_lab_columns()
        for lab in child.labs if child else ():
            self._add_lab_row(lab)
        self._add_lab_row(None)
        self.labs.itemChanged.connect(self._on_labs_item_changed)
        self.notes = QPlainTextEdit(child.notes if child else "")
        self.notes.setPlaceholderText(self.tr("Anything the doctor should know"))
        self.notes.setAccessibleDescription(self.tr("Anything the doctor should know"))
        self.notes.setMaximumHeight(80)
        form.addRow(self.tr("Name"), self.name)
        birth_row = QWidget()
        from PySide6.QtWidgets import QHBoxLayout

        row = QHBoxLayout(birth_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_birth)
        row.addWidget(self.birth, 1)
        form.addRow(self.tr("Birth date"), birth_row)
        form.addRow(self.tr("Born early"), self.born_early)
        form.addRow(self.tr("Family history of restless legs"), self.family)
        # The table takes the whole width: four columns do not fit beside a label.
        form.addRow(QLabel(self.tr("Lab results (as the doctor gave them)")))
        form.addRow(self.labs)
        form.addRow(self.tr("Notes"), self.notes)
        self.message = ProblemLine("child_message")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._result: Child | None = None

    def _fit_lab_columns(self) -> None:
        """Wide enough for a typical test name, value, unit and date at this text size."""
        fm = self.labs.fontMetrics()
        header = self.labs.horizontalHeader().fontMetrics()
        pad = 24  # cell padding and the header's sort room
        samples = ("Ferritin (serum)", "1000.5", "µg/L", "2026-11-24")
        widths = []
        for c, sample in enumerate(samples):
            head = self.labs.horizontalHeaderItem(c)
            title = head.text() if head is not None else ""
            widths.append(max(fm.horizontalAdvance(sample), header.horizontalAdvance(title)) + pad)
            self.labs.setColumnWidth(c, widths[-1])
        frame = 2 * self.labs.frameWidth()
        rows = self.labs.verticalHeader().sizeHint().width()
        bar = self.labs.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.labs.setMinimumWidth(sum(widths) + frame + rows + bar)
        self.labs.setMinimumHeight(fm.height() * 6)

    def _add_lab_row(self, lab: LabResult | None) -> None:
        r = self.labs.rowCount()
        self.labs.insertRow(r)
        values = (
            ["", "", "", ""]
            if lab is None
            else [lab.test, lab.value, lab.unit, lab.taken.isoformat() if lab.taken else ""]
        )
        for c, v in enumerate(values):
            self.labs.setItem(r, c, QTableWidgetItem(v))

    def _on_labs_item_changed(self, item: QTableWidgetItem) -> None:
        last = self.labs.rowCount() - 1
        if item.row() == last and item.text().strip():
            self.labs.blockSignals(True)
            self._add_lab_row(None)
            self.labs.blockSignals(False)

    def _read_labs(self) -> tuple[LabResult, ...]:
        out = []
        for r in range(self.labs.rowCount()):
            items = [self.labs.item(r, c) for c in range(4)]
            cells = [item.text().strip() if item is not None else "" for item in items]
            if not any(cells):
                continue
            if not cells[0] or not cells[1]:
                raise ValueError(
                    self.tr("lab row {row}: give at least the test and its value").format(row=r + 1)
                )
            taken = None
            if cells[3]:
                try:
                    taken = date.fromisoformat(cells[3])
                except ValueError:
                    raise ValueError(
                        self.tr("lab row {row}: date {date} is not YYYY-MM-DD").format(
                            row=r + 1, date=repr(cells[3])
                        )
                    ) from None
            out.append(LabResult(cells[0], cells[1], cells[2], taken))
        return tuple(out)

    def _on_buttons_accepted(self) -> None:
        try:
            labs = self._read_labs()
            early = self.born_early.value()
            birth = date_of(self.birth.date()) if self.has_birth.isChecked() else None
            name = self.name.text().strip()
            family = self.family.enum_value()
            notes = self.notes.toPlainText().strip()
            self._result = (
                replace(
                    self._child,
                    name=name,
                    birth_date=birth,
                    born_early=early,
                    family_history=family,
                    labs=labs,
                    notes=notes,
                )
                if self._child
                else Child(
                    name=name,
                    birth_date=birth,
                    born_early=early,
                    family_history=family,
                    labs=labs,
                    notes=notes,
                )
            )
        except ValueError as exc:
            self.message.say(str(exc).capitalize())
            return
        self.accept()

    def result_child(self) -> Child | None:
        return self._result

    @classmethod
    def ask(cls, child: Child | None = None, parent: QWidget | None = None) -> Child | None:
        dlg = cls(child, parent)
        return dlg.result_child() if dlg.exec() == QDialog.DialogCode.Accepted else None

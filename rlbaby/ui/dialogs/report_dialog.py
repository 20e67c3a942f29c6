"""File > Report…: one child, a range of nights, the paper size and where to save."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rlbaby.model import Child, night_of
from rlbaby.model.i18n import QT_TRANSLATE_NOOP
from rlbaby.store import StoreError
from rlbaby.ui.context import UiContext
from rlbaby.ui.dialogs.common import confirm, inform, save_path
from rlbaby.ui.i18n import Plurals
from rlbaby.ui.locale_format import date_format
from rlbaby.ui.widgets.dates import date_of, qdate_of
from rlbaby.ui.widgets.problem_line import ProblemLine
from rlbaby.ui.widgets.value_combo import ValueCombo

PAPERS = (("A4", "a4"), (QT_TRANSLATE_NOOP("ReportDialog", "US Letter"), "letter"))
DEFAULT_NIGHTS = 14


@dataclass(frozen=True)
class ReportRequest:
    """What the parent asked for."""

    child: Child
    first: date
    last: date
    paper: str
    out: Path


def default_paper() -> str:
    """Letter where the system locale uses it (US, Canada, ...), A4 elsewhere."""
    letter = QLocale.system().territory() in (
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
    )
    return "letter" if letter else "a4"


class ReportDialog(QDialog):
    """Asks which report to make. The range is in nights, labelled by their evening."""

    def __init__(
        self,
        children: list[Child],
        selected_id: str,
        last_night: date,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_dialog")
        self.setWindowTitle(self.tr("Report for the doctor"))
        self._children = children
        self._folder = folder
        self._path_edited = False

        self.child: ValueCombo[str] = ValueCombo((c.name, c.id) for c in children)
        self.child.setObjectName("report_child")
        self.child.setAccessibleDescription(self.tr("Whose nights the report is about"))
        self.child.set_value(selected_id)

        self.first = QDateEdit(qdate_of(last_night - timedelta(days=DEFAULT_NIGHTS - 1)))
        self.last = QDateEdit(qdate_of(last_night))
        self.first.setAccessibleDescription(self.tr("The first night in the report"))
        self.last.setAccessibleDescription(self.tr("The last night in the report"))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())

        self.paper: ValueCombo[str] = ValueCombo((self.tr(text), v) for text, v in PAPERS)
        self.paper.setObjectName("report_paper")
        self.paper.setAccessibleDescription(self.tr("The paper size of the PDF"))
        self.paper.set_value(default_paper())

        self.out = QLineEdit()
        self.out.setObjectName("report_out")
        self.out.setAccessibleName(self.tr("Save as"))
        self.out.setAccessibleDescription(self.tr("The PDF file the report is saved to"))
        self.out.textEdited.connect(self._on_out_edited)
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("report_browse")
        browse.setAccessibleDescription(self.tr("Choose the folder and name of the PDF"))
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Child"), self.child)
        form.addRow(self.tr("First night"), self.first)
        form.addRow(self.tr("Last night"), self.last)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Save as"), row)

        note = QLabel(
            self.tr(
                "A night is named by its evening. The report is a parent's log to talk through "
                "with the doctor, not a diagnosis. At least 7 nights make the patterns worth "
                "reading."
            )
            + " "
            + self.tr("The report is in English for now.")
        )
        note.setWordWrap(True)
        note.setProperty("role", "dim")
        self.problem = ProblemLine("report_problem")

        self.buttons = QDialogButtonBox()
        self.make_button = self.buttons.addButton(
            self.tr("Make report"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.make_button.setObjectName("report_make")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.child.currentIndexChanged.connect(self._on_choice_changed)
        self.first.dateChanged.connect(self._on_choice_changed)
        self.last.dateChanged.connect(self._on_choice_changed)
        self._on_choice_changed()
        self.resize(520, self.sizeHint().height())

    # --- state ---------------------------------------------------------------

    def suggested_name(self) -> str:
        child = self.current_child()
        name = "".join(ch if ch.isalnum() else "-" for ch in child.name).strip("-") or "child"
        first, last = date_of(self.first.date()), date_of(self.last.date())
        return f"rlbaby-report-{name}-{first:%Y%m%d}-{last:%Y%m%d}.pdf"

    def current_child(self) -> Child:
        return self._children[self.child.currentIndex()]

    def problem_text(self) -> str:
        """Why the request cannot be made yet ("" when it can)."""
        if date_of(self.first.date()) > date_of(self.last.date()):
            return self.tr("The first night is after the last night.")
        if not self.out.text().strip():
            return self.tr("Choose where to save the report.")
        return ""

    def request(self) -> ReportRequest:
        out = Path(self.out.text().strip()).expanduser()
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        return ReportRequest(
            child=self.current_child(),
            first=date_of(self.first.date()),
            last=date_of(self.last.date()),
            paper=self.paper.value(),
            out=out,
        )

    # --- slots ---------------------------------------------------------------

    def _show_problem(self) -> str:
        problem = self.problem_text()
        self.problem.say(problem)
        return problem

    def _on_choice_changed(self) -> None:
        if not self._path_edited:
            self.out.setText(str(self._folder / self.suggested_name()))
        self._show_problem()

    def _on_out_edited(self, _text: str) -> None:
        self._path_edited = True
        self._show_problem()

    def _on_browse_clicked(self) -> None:
        picked = save_path(
            self, self.tr("Save the report as"), self.tr("PDF files (*.pdf)"), Path(self.out.text())
        )
        if picked is not None:
            self._path_edited = True
            self.out.setText(str(picked[0]))
            self._show_problem()

    def _on_buttons_accepted(self) -> None:
        if not self._show_problem():
            self.accept()

    @classmethod
    def ask(
        cls,
        children: list[Child],
        selected_id: str,
        last_night: date,
        folder: Path,
        parent: QWidget | None = None,
    ) -> ReportRequest | None:
        dlg = cls(children, selected_id, last_night, folder, parent)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return dlg.request()


def default_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def report_interactively(ctx: UiContext, parent: QWidget | None) -> Path | None:
    """Ask which report to make, make it, and offer to open it.

    Returns:
        The PDF written, or None when cancelled or when it failed (the parent
        was told why).
    """
    from rlbaby.report.pdf import make_report  # late: only when a report is made

    store = ctx.store
    kids = store.children()
    if not kids:
        inform(
            parent,
            QCoreApplication.translate("ReportDialog", "Report"),
            QCoreApplication.translate(
                "ReportDialog", "Add a child first: a report is about one child's nights."
            ),
        )
        return None
    last_night = night_of(ctx.clock(), store.settings.night_start_hour)
    req = ReportDialog.ask(kids, ctx.selection.child_id, last_night, default_folder(), parent)
    if req is None:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pages = make_report(store, req.child, req.first, req.last, req.out, req.paper)
    except (StoreError, ValueError) as exc:
        QApplication.restoreOverrideCursor()
        inform(
            parent,
            QCoreApplication.translate("ReportDialog", "Report"),
            QCoreApplication.translate(
                "ReportDialog", "The report could not be made. {reason}"
            ).format(reason=exc),
        )
        return None
    QApplication.restoreOverrideCursor()
    if confirm(
        parent,
        QCoreApplication.translate("ReportDialog", "Report ready"),
        QCoreApplication.translate(
            "ReportDialog", "The report ({pages}) was saved as {path}."
        ).format(pages=Plurals().pages(pages), path=req.out),
        yes=QCoreApplication.translate("ReportDialog", "Open it"),
        no=QCoreApplication.translate("ReportDialog", "Close"),
    ):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(req.out)))
    return req.out

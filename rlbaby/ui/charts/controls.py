"""The Charts tab's top row: whose charts, which nights, and the chart's three buttons.

Its texts keep the translation context "ChartsTab" (they were the tab's before this
row had its own file), written out in each call so that pyside6-lupdate finds them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from rlbaby.analysis.ranges import SINGLE_NIGHT
from rlbaby.ui.charts.words import RANGE_CHOICES
from rlbaby.ui.i18n import tr_marked
from rlbaby.ui.locale_format import date_format, format_night
from rlbaby.ui.widgets.dates import date_of, qdate_of
from rlbaby.ui.widgets.value_combo import ValueCombo


class ChartControls(QWidget):
    """Child and range boxes, the custom range's dates, and reset / save buttons.

    The Charts tab connects to the widgets' own signals; this row only builds
    and fills them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self.child_combo: ValueCombo[str] = ValueCombo()
        self.child_combo.setObjectName("charts_child")
        self.child_combo.setToolTip(QCoreApplication.translate("ChartsTab", "Whose charts to show"))
        self.child_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.range_combo: ValueCombo[str] = ValueCombo(
            (tr_marked("Charts", text), key) for key, text in RANGE_CHOICES.items()
        )
        self.range_combo.setObjectName("charts_range")
        self.range_combo.setToolTip(
            QCoreApplication.translate("ChartsTab", "Which nights the charts cover")
        )
        self.range_combo.set_value("30")
        self.from_date = QDateEdit()
        self.to_date = QDateEdit()
        self.from_date.setAccessibleName(QCoreApplication.translate("ChartsTab", "From night"))
        self.to_date.setAccessibleName(QCoreApplication.translate("ChartsTab", "To night"))
        self.from_date.setToolTip(QCoreApplication.translate("ChartsTab", "First night"))
        self.to_date.setToolTip(QCoreApplication.translate("ChartsTab", "Last night"))
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
        self.from_label = QLabel(QCoreApplication.translate("ChartsTab", "from"))
        self.to_label = QLabel(QCoreApplication.translate("ChartsTab", "to"))
        self.reset_button = QPushButton(QCoreApplication.translate("ChartsTab", "Reset view"))
        self.reset_button.setObjectName("charts_reset")
        self.reset_button.setToolTip(
            QCoreApplication.translate(
                "ChartsTab", "Undo zooming and panning (mouse wheel zooms, drag pans)"
            )
        )
        self.png_button = QPushButton(QCoreApplication.translate("ChartsTab", "Save picture…"))
        self.png_button.setObjectName("charts_save_png")
        self.png_button.setToolTip(
            QCoreApplication.translate("ChartsTab", "Save the chart you see as a PNG picture")
        )
        self.csv_button = QPushButton(QCoreApplication.translate("ChartsTab", "Save numbers…"))
        self.csv_button.setObjectName("charts_save_csv")
        self.csv_button.setToolTip(
            QCoreApplication.translate(
                "ChartsTab", "Save the numbers behind this chart as a CSV table"
            )
        )

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(QCoreApplication.translate("ChartsTab", "Charts for")))
        row.addWidget(self.child_combo)
        row.addSpacing(12)
        row.addWidget(QLabel(QCoreApplication.translate("ChartsTab", "Nights:")))
        row.addWidget(self.range_combo)
        for w in (self.from_label, self.from_date, self.to_label, self.to_date):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.reset_button)
        row.addWidget(self.png_button)
        row.addWidget(self.csv_button)
        self.set_custom_visible(False)

    def set_custom_visible(self, visible: bool) -> None:
        for w in (self.from_label, self.from_date, self.to_label, self.to_date):
            w.setVisible(visible)

    def custom_nights(self) -> tuple[date, date]:
        """The custom range's dates, as typed (either order)."""
        return date_of(self.from_date.date()), date_of(self.to_date.date())

    def set_custom_nights(self, first: date, last: date) -> None:
        """Put `first` and `last` in the date boxes without a dateChanged signal."""
        for edit, d in ((self.from_date, first), (self.to_date, last)):
            blocked = edit.blockSignals(True)
            edit.setDate(qdate_of(d))
            edit.blockSignals(blocked)

    def name_single_night(self, night: date | None) -> None:
        """The "one night" entry names its night while it is the range shown (None: not)."""
        i = self.range_combo.values().index(SINGLE_NIGHT)
        if night is not None:
            text = QCoreApplication.translate("ChartsTab", "Night of {date}")
            self.range_combo.setItemText(i, text.format(date=format_night(night)))
        else:
            self.range_combo.setItemText(i, tr_marked("Charts", RANGE_CHOICES[SINGLE_NIGHT]))

    def fill_children(self, children: Iterable[tuple[str, str]], child_id: str) -> None:
        """List the children (name, id) and show `child_id`, without an activated signal."""
        combo = self.child_combo
        combo.reset(children)
        blocked = combo.blockSignals(True)
        if not combo.set_value(child_id) and combo.count():
            combo.setCurrentIndex(0)
        combo.blockSignals(blocked)
        combo.setEnabled(combo.count() > 1)

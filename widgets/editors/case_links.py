"""The cases a testimony belongs to: a short list with a case picker that searches as you
type, so an archive with any number of cases stays usable (a checklist of every case did
not: it stopped at the first thousand)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tumar.storage.errors import TumarError
from tumar.storage.records import Case

from .pickers import case_picker
from .retranslate import Retranslating

ID_ROLE = Qt.ItemDataRole.UserRole


class LinkedCases(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.list = QListWidget()
        self.list.setMaximumHeight(96)
        self.picker = case_picker(archive)
        self.picker.setCurrentIndex(-1)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.bind(self.add_button.setText, lambda: self.tr("Add to case"))
        self.bind(self.remove_button.setText, lambda: self.tr("Remove from case"))
        self.bind(self.list.setAccessibleName, lambda: self.tr("Cases of this testimony"))
        self.add_button.clicked.connect(self._add_chosen)
        self.remove_button.clicked.connect(self._remove_current)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addLayout(row)

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def add_case(self, case_id: str | None, *, quiet: bool = False) -> bool:
        """List `case_id` (once); False when it is unknown or deleted."""
        if not case_id or case_id in self.ids():
            return False
        try:
            case = self.archive.repo.get(Case, case_id)
        except TumarError:
            return False
        item = QListWidgetItem(case.title)
        item.setData(ID_ROLE, case.id)
        self.list.addItem(item)
        if not quiet:
            self.changed.emit()
        return True

    def set_ids(self, case_ids: list[str]) -> None:
        self.list.clear()
        for case_id in case_ids:
            self.add_case(case_id, quiet=True)

    def _add_chosen(self) -> None:
        if self.add_case(self.picker.record_id()):
            self.picker.setCurrentIndex(-1)

    def _remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

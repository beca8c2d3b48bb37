"""Choosers for linked records (a person, a case), filled from the paged list service.

An editable combo with completion: typing part of a name narrows the list; at most
MAX_CHOICES records are offered, alphabetically (a larger archive narrows by typing).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from tumar.app import browse
from tumar.app.browse import ListRequest
from tumar.widgets.models.text import alignment

MAX_CHOICES = 1000


class RecordPicker(QComboBox):
    def __init__(self, archive, kind: str, sort: str, parent=None, *, optional: bool = False):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if optional:
            self.addItem("", None)
        rows = browse.list_page(
            archive, ListRequest(kind, sort=sort, descending=False, page_size=MAX_CHOICES)
        )
        for row in rows:
            self.addItem(row.title, row.id)
            self.setItemData(
                self.count() - 1, alignment(row.title), Qt.ItemDataRole.TextAlignmentRole
            )
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def record_id(self) -> str | None:
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else None

    def select(self, record_id: str | None) -> None:
        index = self.findData(record_id)
        self.setCurrentIndex(max(0, index) if record_id else (0 if self.count() else -1))


def person_picker(archive, parent=None, optional: bool = False) -> RecordPicker:
    return RecordPicker(archive, "person", "name", parent, optional=optional)


def case_picker(archive, parent=None, optional: bool = False) -> RecordPicker:
    return RecordPicker(archive, "case", "title", parent, optional=optional)

"""Person editor: display name, several names (name · script · kind), birth date as an
uncertain date with its reading, risk flags, notes.

The script of each name is guessed as it is typed and stays editable; a name in Arabic
script is right-aligned and written right-to-left in the table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tumar.app import edits, people
from tumar.storage.errors import InvalidInput
from tumar.storage.records import NAME_KINDS, SCRIPTS
from tumar.widgets.models.text import alignment, direction
from tumar.widgets.pages import labels

from .base import Editor, FieldError
from .date_field import DateField

RISK_FLAGS = ("relatives_detained", "under_surveillance", "travel_ban", "threatened", "detained")
ID_ROLE = Qt.ItemDataRole.UserRole


class PersonEditor(Editor):
    KIND = "person"

    def __init__(self, session, record_id: str | None = None, parent=None) -> None:
        super().__init__(session, record_id, parent)
        self.set_heading(lambda: self.tr("Edit person") if record_id else self.tr("New person"))
        self.display_name = QLineEdit()
        self.display_name.textChanged.connect(
            lambda text: self.display_name.setAlignment(alignment(text))
        )
        self.add_field("display_name", lambda: self.tr("Display name"), self.display_name)
        self.names = QTableWidget(0, 3)
        self.bind(
            self.names.setHorizontalHeaderLabels,
            lambda: [self.tr("Name"), self.tr("Script"), self.tr("Kind")],
        )
        header = self.names.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.names.setColumnWidth(1, 96)
        self.names.setColumnWidth(2, 170)
        self.names.verticalHeader().hide()
        self.names.setMinimumHeight(150)
        self.names.itemChanged.connect(self._name_typed)
        add, remove = QPushButton(), QPushButton()
        self.bind(add.setText, lambda: self.tr("Add name"))
        self.bind(remove.setText, lambda: self.tr("Remove name"))
        add.clicked.connect(lambda: self.add_name_row("", "", "transliteration"))
        remove.clicked.connect(self._remove_selected)
        names_box = QWidget()
        box = QVBoxLayout(names_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.names)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        box.addLayout(row)
        self.add_field("names", lambda: self.tr("Other names"), names_box)
        self.watch(self.names)
        self.birth = DateField()
        self.add_field("birth_date", lambda: self.tr("Birth date"), self.birth)
        self.flags: dict[str, QCheckBox] = {}
        flag_box = QWidget()
        grid = QGridLayout(flag_box)
        grid.setContentsMargins(0, 0, 0, 0)
        risk_labels = {
            "relatives_detained": lambda: self.tr("Relatives detained"),
            "under_surveillance": lambda: self.tr("Under surveillance"),
            "travel_ban": lambda: self.tr("Travel ban"),
            "threatened": lambda: self.tr("Threatened"),
            "detained": lambda: self.tr("In detention"),
        }
        for i, flag in enumerate(RISK_FLAGS):
            check = QCheckBox()
            self.bind(check.setText, risk_labels[flag])
            self.flags[flag] = check
            grid.addWidget(check, i // 2, i % 2)
            self.watch(check)
        self.add_field("risk_flags", lambda: self.tr("Risks"), flag_box)
        self.other_flags: list[str] = []
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(90)
        self.add_field("notes", lambda: self.tr("Notes"), self.notes)
        self._removed: list[str] = []
        if record_id:
            self._load(record_id)

    # ---- names table ----------------------------------------------------------------
    def add_name_row(self, name: str, script: str, kind: str, name_id: str = "") -> None:
        row = self.names.rowCount()
        self.names.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(ID_ROLE, name_id)
        item.setTextAlignment(alignment(name))
        self.names.setItem(row, 0, item)
        script_box = QComboBox()
        script_box.addItems(list(SCRIPTS))
        script_box.setCurrentText(script or people.guess_script(name))
        script_box.setProperty("manual", bool(name_id))
        script_box.activated.connect(lambda _i, b=script_box: b.setProperty("manual", True))
        kind_box = QComboBox()
        for value in NAME_KINDS:
            kind_box.addItem(labels.name_kind(value), value)
        kind_box.setCurrentIndex(max(0, kind_box.findData(kind)))
        self.bind_items(kind_box, labels.name_kind)
        for box in (script_box, kind_box):
            box.currentIndexChanged.connect(lambda *_a: self.mark_dirty())
        self.names.setCellWidget(row, 1, script_box)
        self.names.setCellWidget(row, 2, kind_box)
        if not name:
            self.names.setCurrentCell(row, 0)
            self.names.editItem(item)

    def _name_typed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        text = item.text()
        item.setTextAlignment(alignment(text))
        box = self.names.cellWidget(item.row(), 1)
        if isinstance(box, QComboBox) and not box.property("manual") and text.strip():
            box.setCurrentText(people.guess_script(text))

    def _remove_selected(self) -> None:
        row = self.names.currentRow()
        if row < 0:
            return
        item = self.names.item(row, 0)
        if item is not None and item.data(ID_ROLE):
            self._removed.append(item.data(ID_ROLE))
        self.names.removeRow(row)
        self.mark_dirty()

    def name_rows(self) -> list[tuple[str, str, str, str]]:
        """(id or "", name, script, kind) for each non-empty row."""
        result = []
        for row in range(self.names.rowCount()):
            item = self.names.item(row, 0)
            name = item.text().strip() if item else ""
            if not name:
                continue
            script = self.names.cellWidget(row, 1).currentText()
            kind = self.names.cellWidget(row, 2).currentData()
            result.append((item.data(ID_ROLE) or "", name, script, kind))
        return result

    # ---- load / save ----------------------------------------------------------------
    def _load(self, record_id: str) -> None:
        detail = people.get_person(self.session.archive, record_id)
        person = detail.person
        with self.loading():
            self.display_name.setText(person.display_name)
            self.display_name.setLayoutDirection(direction(person.display_name))
            for name in detail.names:
                if name.name != person.display_name or name.kind != "legal":
                    self.add_name_row(name.name, name.script, name.kind, name.id)
            self.birth.setText(person.birth_date)
            for flag, check in self.flags.items():
                check.setChecked(flag in person.risk_flags)
            self.other_flags = [f for f in person.risk_flags if f not in self.flags]
            self.notes.setPlainText(person.notes)

    def write(self) -> str:
        archive = self.session.archive
        display = self.display_name.text().strip()
        if not display:
            raise FieldError("display_name", self.tr("A person needs a name."))
        try:
            birth = self.birth.value()
        except InvalidInput:
            raise FieldError("birth_date", self.tr("Not a date Tumar understands yet")) from None
        flags = [f for f, c in self.flags.items() if c.isChecked()] + self.other_flags
        rows = self.name_rows()
        if self.record_id is None:
            detail = people.add_person(
                archive, display, birth_date=birth, notes=self.notes.toPlainText(),
                risk_flags=flags,
                names=[people.NameInput(n, s, k) for _i, n, s, k in rows],
            )  # fmt: skip
            return detail.person.id
        people.edit_person(
            archive, self.record_id, display_name=display, birth_date=birth,
            notes=self.notes.toPlainText(), risk_flags=flags,
        )  # fmt: skip
        current = {n.id: n for n in people.get_person(archive, self.record_id).names}
        for name_id, name, script, kind in rows:
            old = current.get(name_id)
            if old is None:
                people.add_name(archive, self.record_id, people.NameInput(name, script, kind))
            elif (old.name, old.script, old.kind) != (name, script, kind):
                edits.edit_name(archive, name_id, name=name, script=script, kind=kind)
        if not any(n == display for _i, n, _s, _k in rows) and display not in {
            n.name for n in current.values()
        }:
            people.add_name(
                archive, self.record_id, people.NameInput(display, people.guess_script(display))
            )
        for name_id in self._removed:
            if name_id in current:
                edits.remove_name(archive, name_id)
        return self.record_id

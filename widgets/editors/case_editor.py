"""Case editor: title, status, court and jurisdiction, summary, the people in the case
with their roles, and tags. Events have their own editor (a case's timeline)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from tumar.app import browse, cases, edits, tags
from tumar.storage.records import CASE_STATUSES, ROLES
from tumar.widgets.pages import labels

from .base import Editor, FieldError
from .pickers import person_picker


class CaseEditor(Editor):
    KIND = "case"

    def __init__(self, session, record_id: str | None = None, parent=None) -> None:
        super().__init__(session, record_id, parent)
        self.set_heading(lambda: self.tr("Edit case") if record_id else self.tr("New case"))
        self.case_title = QLineEdit()
        self.add_field("title", lambda: self.tr("Title"), self.case_title)
        self.status = QComboBox()
        for value in CASE_STATUSES:
            self.status.addItem(labels.case_status(value), value)
        self.bind_items(self.status, labels.case_status)
        self.add_field("status", lambda: self.tr("Status"), self.status)
        self.court = QLineEdit()
        self.add_field("court", lambda: self.tr("Court"), self.court)
        self.jurisdiction = QLineEdit()
        self.add_field("jurisdiction", lambda: self.tr("Jurisdiction"), self.jurisdiction)
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(110)
        self.add_field("summary", lambda: self.tr("Summary"), self.summary)
        self.people = QTableWidget(0, 2)
        self.bind(
            self.people.setHorizontalHeaderLabels, lambda: [self.tr("Person"), self.tr("Role")]
        )
        self.people.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people.verticalHeader().hide()
        self.people.setColumnWidth(1, 160)
        self.people.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.people.setMinimumHeight(140)
        add, remove = QPushButton(), QPushButton()
        self.bind(add.setText, lambda: self.tr("Add person"))
        self.bind(remove.setText, lambda: self.tr("Remove person"))
        add.clicked.connect(lambda: self.add_person_row(None, "witness"))
        remove.clicked.connect(self._remove_person)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.people)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.add_field("people", lambda: self.tr("People"), box)
        self.tags = QLineEdit()
        self.bind(self.tags.setPlaceholderText, lambda: self.tr("Separate tags with commas"))
        self.add_field("tags", lambda: self.tr("Tags"), self.tags)
        self._links: dict[int, str] = {}  # row -> existing case_person id
        self._old_tags: list[str] = []
        if record_id:
            self._load(record_id)

    def add_person_row(self, person_id: str | None, role: str, link_id: str = "") -> None:
        row = self.people.rowCount()
        self.people.insertRow(row)
        picker = person_picker(self.session.archive)
        picker.select(person_id)
        picker.setProperty("link_id", link_id)
        role_box = QComboBox()
        for value in ROLES:
            role_box.addItem(labels.role(value), value)
        role_box.setCurrentIndex(max(0, role_box.findData(role)))
        self.bind_items(role_box, labels.role)
        for widget in (picker, role_box):
            widget.currentIndexChanged.connect(lambda *_a: self.mark_dirty())
        self.people.setCellWidget(row, 0, picker)
        self.people.setCellWidget(row, 1, role_box)
        self.people.setRowHeight(row, picker.sizeHint().height() + 4)
        if not self._loading:
            self.mark_dirty()

    def _remove_person(self) -> None:
        row = self.people.currentRow()
        if row >= 0:
            self.people.removeRow(row)
            self.mark_dirty()

    def people_rows(self) -> list[tuple[str, str | None, str]]:
        rows = []
        for row in range(self.people.rowCount()):
            picker = self.people.cellWidget(row, 0)
            role = self.people.cellWidget(row, 1).currentData()
            rows.append((picker.property("link_id") or "", picker.record_id(), role))
        return rows

    def _load(self, record_id: str) -> None:
        overview = browse.case_overview(self.session.archive, record_id)
        case = overview.detail.case
        with self.loading():
            self.case_title.setText(case.title)
            self.status.setCurrentIndex(max(0, self.status.findData(case.status)))
            self.court.setText(case.court)
            self.jurisdiction.setText(case.jurisdiction)
            self.summary.setPlainText(case.summary)
            for link, person in overview.detail.people:
                self.add_person_row(person.id, link.role, link.id)
            self._old_tags = [t.name for t in overview.tags]
            self.tags.setText(", ".join(self._old_tags))

    def write(self) -> str:
        archive = self.session.archive
        title = self.case_title.text().strip()
        if not title:
            raise FieldError("title", self.tr("A case needs a title."))
        rows = self.people_rows()
        if any(person_id is None for _l, person_id, _r in rows):
            raise FieldError("people", self.tr("Choose a person from the list in every row."))
        fields = {
            "title": title,
            "status": self.status.currentData(),
            "court": self.court.text().strip(),
            "jurisdiction": self.jurisdiction.text().strip(),
            "summary": self.summary.toPlainText(),
        }
        if self.record_id is None:
            case_id = cases.add_case(archive, **fields).id
        else:
            case_id = self.record_id
            cases.edit_case(archive, case_id, **fields)
        kept = set()
        for link_id, person_id, role in rows:
            if link_id:
                kept.add(link_id)
                old = next(
                    (lk for lk, _p in cases.get_case(archive, case_id).people if lk.id == link_id),
                    None,
                )
                if old is not None and (old.person_id, old.role) == (person_id, role):
                    continue
                edits.unlink_person(archive, link_id)
            kept.add(cases.link_person(archive, case_id, person_id, role).id)
        for link, _person in cases.get_case(archive, case_id).people:
            if link.id not in kept:
                edits.unlink_person(archive, link.id)
        wanted = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        for name in wanted:
            tags.tag_record(archive, name, "case_file", case_id)
        for name in self._old_tags:
            if name.casefold() not in {w.casefold() for w in wanted}:
                tags.untag_record(archive, name, case_id)
        return case_id

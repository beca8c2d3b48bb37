"""Event editor: kind, an uncertain date read back in words, place, description, source,
and the people involved. An event dated in the future is a deadline (the Deadlines page
lists it). People are linked through the same services as `tumar event add --person`."""

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

from tumar.app import edits
from tumar.storage.errors import InvalidInput
from tumar.storage.records import EVENT_KINDS, Event
from tumar.widgets.pages import labels

from .base import Editor, FieldError
from .date_field import DateField
from .pickers import case_picker, person_picker


class EventEditor(Editor):
    KIND = "event"

    def __init__(self, session, record_id: str | None = None, parent=None, *, case_id=None):
        super().__init__(session, record_id, parent)
        self.set_heading(lambda: self.tr("Edit event") if record_id else self.tr("New event"))
        self.case = case_picker(session.archive)
        self.case.select(case_id)
        self.add_field("case_id", lambda: self.tr("Case"), self.case)
        self.kind = QComboBox()
        for value in EVENT_KINDS:
            self.kind.addItem(labels.event_kind(value), value)
        self.bind_items(self.kind, labels.event_kind)
        self.add_field("kind", lambda: self.tr("What happened"), self.kind)
        self.date = DateField()
        self.add_field("date", lambda: self.tr("Date"), self.date)
        self.place = QLineEdit()
        self.add_field("place", lambda: self.tr("Place"), self.place)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(90)
        self.add_field("description", lambda: self.tr("Description"), self.description)
        self.source = QLineEdit()
        self.bind(self.source.setPlaceholderText, lambda: self.tr("Where this is known from"))
        self.add_field("source", lambda: self.tr("Source"), self.source)
        self.people = QTableWidget(0, 1)
        self.people.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people.horizontalHeader().hide()
        self.people.verticalHeader().hide()
        self.people.setMinimumHeight(110)
        self.add_person_button, self.remove_person_button = QPushButton(), QPushButton()
        self.bind(self.add_person_button.setText, lambda: self.tr("Add person"))
        self.bind(self.remove_person_button.setText, lambda: self.tr("Remove person"))
        self.add_person_button.clicked.connect(lambda: self.add_person_row(None))
        self.remove_person_button.clicked.connect(self._remove_person)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.people)
        row = QHBoxLayout()
        row.addWidget(self.add_person_button)
        row.addWidget(self.remove_person_button)
        row.addStretch(1)
        column.addLayout(row)
        self.add_field("people", lambda: self.tr("People involved"), box)
        if record_id:
            event = session.archive.repo.get(Event, record_id)
            with self.loading():
                self.case.select(event.case_id)
                self.case.setEnabled(False)
                self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind)))
                self.date.setText(event.date)
                self.place.setText(event.place)
                self.description.setPlainText(event.description)
                self.source.setText(event.source)
                for person_id in edits.event_people(session.archive, record_id):
                    self.add_person_row(person_id)

    def add_person_row(self, person_id: str | None) -> None:
        row = self.people.rowCount()
        self.people.insertRow(row)
        picker = person_picker(self.session.archive)
        picker.select(person_id)
        if person_id is None:
            picker.setCurrentIndex(-1)  # a new row starts empty: type to find someone
        picker.currentIndexChanged.connect(lambda *_a: self.mark_dirty())
        self.people.setCellWidget(row, 0, picker)
        self.people.setRowHeight(row, picker.sizeHint().height() + 4)
        self.people.setCurrentCell(row, 0)
        self.mark_dirty()

    def _remove_person(self) -> None:
        row = self.people.currentRow()
        if row >= 0:
            self.people.removeRow(row)
            self.mark_dirty()

    def people_ids(self) -> list[str | None]:
        return [self.people.cellWidget(r, 0).record_id() for r in range(self.people.rowCount())]

    def write(self) -> str:
        case_id = self.case.record_id()
        if not case_id:
            raise FieldError("case_id", self.tr("Choose the case this event belongs to."))
        if not self.date.text():
            raise FieldError("date", self.tr("An event needs a date, even an uncertain one."))
        try:
            date = self.date.value()
        except InvalidInput:
            raise FieldError("date", self.tr("Not a date Tumar understands yet")) from None
        people = self.people_ids()
        if any(person_id is None for person_id in people):
            raise FieldError("people", self.tr("Choose a person from the list in every row."))
        people = list(dict.fromkeys(people))  # the same person twice is one link
        fields = {
            "kind": self.kind.currentData(),
            "date": date,
            "place": self.place.text().strip(),
            "description": self.description.toPlainText(),
            "source": self.source.text().strip(),
        }
        archive = self.session.archive
        if self.record_id is None:
            return edits.add_event(archive, case_id, people=people, **fields).id
        edits.edit_event(archive, self.record_id, people=people, **fields)
        return self.record_id

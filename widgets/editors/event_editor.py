"""Event editor: kind, an uncertain date read back in words, place, description, source.
An event dated in the future is a deadline (the Deadlines page lists it)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from tumar.app import edits
from tumar.storage.errors import InvalidInput
from tumar.storage.records import EVENT_KINDS, Event
from tumar.widgets.pages import labels

from .base import Editor, FieldError
from .date_field import DateField
from .pickers import case_picker


class EventEditor(Editor):
    KIND = "event"

    def __init__(self, session, record_id: str | None = None, parent=None, *, case_id=None):
        super().__init__(session, record_id, parent)
        self.title.setText(self.tr("Edit event") if record_id else self.tr("New event"))
        self.case = case_picker(session.archive)
        self.case.select(case_id)
        self.add_field("case_id", self.tr("Case"), self.case)
        self.kind = QComboBox()
        for value in EVENT_KINDS:
            self.kind.addItem(labels.event_kind(value), value)
        self.add_field("kind", self.tr("What happened"), self.kind)
        self.date = DateField()
        self.add_field("date", self.tr("Date"), self.date)
        self.place = QLineEdit()
        self.add_field("place", self.tr("Place"), self.place)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(90)
        self.add_field("description", self.tr("Description"), self.description)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Where this is known from"))
        self.add_field("source", self.tr("Source"), self.source)
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
        fields = {
            "kind": self.kind.currentData(),
            "date": date,
            "place": self.place.text().strip(),
            "description": self.description.toPlainText(),
            "source": self.source.text().strip(),
        }
        archive = self.session.archive
        if self.record_id is None:
            return edits.add_event(archive, case_id, **fields).id
        edits.edit_event(archive, self.record_id, **fields)
        return self.record_id

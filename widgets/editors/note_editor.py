"""Note editor: the text of a note on a case, a person or a testimony."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from tumar.app import edits, testimonies
from tumar.storage.records import Note

from .base import Editor, FieldError


class NoteEditor(Editor):
    KIND = "note"

    def __init__(self, session, record_id: str | None = None, parent=None, *, attach=None):
        """`attach` = {"case_id": …} (or person_id / testimony_id) for a new note."""
        super().__init__(session, record_id, parent)
        self.attach = dict(attach or {})
        self.set_heading(lambda: self.tr("Edit note") if record_id else self.tr("New note"))
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(200)
        self.add_field("text", lambda: self.tr("Note"), self.text)
        if record_id:
            note = session.archive.repo.get(Note, record_id)
            with self.loading():
                self.text.setPlainText(note.text)

    def write(self) -> str:
        text = self.text.toPlainText()
        if not text.strip():
            raise FieldError("text", self.tr("A note needs some text."))
        if self.record_id is None:
            return testimonies.add_note(self.session.archive, text, **self.attach).id
        edits.edit_note(self.session.archive, self.record_id, text)
        return self.record_id

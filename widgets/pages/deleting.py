"""Deleting a record from the window: one confirmation that says what goes and that the
history stays, then the same app/ service as the CLI (a tombstone with an audit entry).

Why one place: every delete must read the same way, never put a name in a window title
(titles show in task switchers and screen shares), and never remove anything for good.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tumar.app import cases, edits, people
from tumar.app.cascade import attached_counts
from tumar.app.dates import reading
from tumar.storage.errors import TumarError
from tumar.storage.records import Case, Event, Note, Person, PersonName, Testimony, Translation
from tumar.widgets.editors.date_field import ui_language
from tumar.widgets.models.text import isolate
from tumar.widgets.pages import labels


@dataclass(frozen=True)
class Deletion:
    """What a confirmation shows, and the service call that tombstones the record."""

    title: str  # window title: the kind of record only
    question: str  # names what goes
    run: Callable[[], object]


def deletion(archive, kind: str, record_id: str) -> Deletion:
    """The confirmation wording and service for `kind` ("person", "case", "testimony",
    "event", "note")."""
    repo = archive.repo
    if kind == "person":
        person = repo.get(Person, record_id)
        names = len(repo.find(PersonName, {"person_id": record_id}))
        _, notes = attached_counts(repo, "person_id", record_id)
        question = QCoreApplication.translate(
            "Deleting", "Delete %1, their %2 name(s) and %3 note(s)?"
        )
        question = question.replace("%1", isolate(person.display_name))
        question = question.replace("%2", str(names)).replace("%3", str(notes))
        return Deletion(
            QCoreApplication.translate("Deleting", "Delete person"),
            question,
            lambda: people.delete_person(archive, record_id),
        )
    if kind == "case":
        case = repo.get(Case, record_id)
        events, notes = attached_counts(repo, "case_id", record_id)
        question = QCoreApplication.translate(
            "Deleting", "Delete the case %1 with its %2 event(s) and %3 note(s)?"
        )
        question = question.replace("%1", isolate(case.title))
        question = question.replace("%2", str(events)).replace("%3", str(notes))
        return Deletion(
            QCoreApplication.translate("Deleting", "Delete case"),
            question,
            lambda: cases.delete_case(archive, record_id),
        )
    if kind == "testimony":
        testimony = repo.get(Testimony, record_id)
        witness = repo.get(Person, testimony.witness_id, include_deleted=True)
        count = len(repo.find(Translation, {"testimony_id": record_id}))
        _, notes = attached_counts(repo, "testimony_id", record_id)
        question = QCoreApplication.translate(
            "Deleting", "Delete the testimony by %1, its %2 translation(s) and %3 note(s)?"
        )
        question = question.replace("%1", isolate(witness.display_name))
        question = question.replace("%2", str(count)).replace("%3", str(notes))
        return Deletion(
            QCoreApplication.translate("Deleting", "Delete testimony"),
            question,
            lambda: edits.delete_testimony(archive, record_id),
        )
    if kind == "event":
        event = repo.get(Event, record_id)
        question = QCoreApplication.translate("Deleting", "Delete the event “%1” of %2?")
        when = reading(event.date, ui_language())
        question = question.replace("%1", labels.event_kind(event.kind)).replace("%2", when)
        return Deletion(
            QCoreApplication.translate("Deleting", "Delete event"),
            question,
            lambda: edits.delete_event(archive, record_id),
        )
    if kind == "note":
        note = repo.get(Note, record_id)
        question = QCoreApplication.translate("Deleting", "Delete the note “%1”?").replace(
            "%1", isolate(note.text)
        )
        return Deletion(
            QCoreApplication.translate("Deleting", "Delete note"),
            question,
            lambda: edits.delete_note(archive, record_id),
        )
    raise ValueError(f"records of kind {kind} are not deleted from the window")


def confirm_and_delete(parent: QWidget, session, kind: str, record_id: str) -> bool:
    """Ask once; on Delete, tombstone through the service and tell the lists. True when
    the record was deleted."""
    try:
        plan = deletion(session.archive, kind, record_id)
    except TumarError as exc:  # deleted meanwhile (sync), or gone: say so, change nothing
        QMessageBox.warning(parent, QCoreApplication.translate("Deleting", "Not deleted"), str(exc))
        return False
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(plan.title)
    box.setText(plan.question)
    box.setInformativeText(
        QCoreApplication.translate(
            "Deleting",
            "It disappears from lists, search and exports. Nothing is erased: its earlier "
            "versions and the record of who deleted it when stay in its history.",
        )
    )
    confirm = box.addButton(
        QCoreApplication.translate("Deleting", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not confirm:
        return False
    try:
        plan.run()
    except TumarError as exc:  # a read-only archive, a full disk: one line, nothing changed
        QMessageBox.warning(parent, QCoreApplication.translate("Deleting", "Not deleted"), str(exc))
        return False
    session.notify_changed(kind)
    return True

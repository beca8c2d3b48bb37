"""Cases: the list, and for the selected case its people with roles, timeline,
testimonies, media, notes and tags. Events and notes are edited in place."""

from __future__ import annotations

from PySide6.QtGui import QColor

from tumar.app import browse, edits
from tumar.app.dates import reading
from tumar.storage.records import Event, Note, Person
from tumar.widgets.editors.case_editor import CaseEditor
from tumar.widgets.editors.date_field import ui_language
from tumar.widgets.editors.event_editor import EventEditor
from tumar.widgets.editors.note_editor import NoteEditor

from . import labels, rich
from .actions import open_history
from .detail_view import DetailView
from .list_page import ListDetailPage

STATUS_COLOURS = {"open": "#2e7d32", "appeal": "#b26a00", "monitoring": "#1565c0"}


class CasesPage(ListDetailPage):
    KIND = "case"
    NAV_KIND = "case"

    def heading_text(self) -> str:
        return self.tr("Cases")

    def new_label(self) -> str:
        return self.tr("New case")

    def empty_text(self) -> str:
        return self.tr("Select a case to see its people, timeline and testimonies.")

    def nothing_yet_text(self) -> str:
        return self.tr("No cases yet. Start one with New case.")

    def sort_options(self) -> list[tuple[str, str]]:
        return [
            ("updated", self.tr("Recently changed")),
            ("title", self.tr("Title")),
            ("added", self.tr("Newest first")),
        ]

    def status_options(self) -> list[tuple[str, str]]:
        return [(None, self.tr("All cases"))] + [
            (value, labels.case_status(value))
            for value in ("open", "appeal", "monitoring", "closed")
        ]

    def chip(self, row: browse.ListRow):
        colour = STATUS_COLOURS.get(row.status)
        return labels.case_status(row.status), QColor(colour) if colour else None

    def make_detail(self) -> DetailView:
        view = DetailView()
        view.add_action(lambda: self.tr("Edit"), lambda: self.edit("case", self._current_id))
        view.add_action(lambda: self.tr("Add event"), lambda: self.edit("event", None))
        view.add_action(lambda: self.tr("Add note"), lambda: self.edit("note", None))
        view.add_action(lambda: self.tr("Dossier…"), self.open_dossier)
        view.add_action(lambda: self.tr("History"), self._history)
        view.add_action(lambda: self.tr("Delete…"), self.delete_current)
        view.link_clicked.connect(self._link)
        return view

    def resolve(self, kind: str, record_id: str) -> str | None:
        repo = self.session.archive.repo
        if kind == "note":
            note = repo.get(Note, record_id, include_deleted=True)
            if note.case_id:
                return note.case_id
            target = (
                ("person", note.person_id) if note.person_id else ("testimony", note.testimony_id)
            )
            self.navigate.emit(*target)
            return None
        if kind == "event":
            return repo.get(Event, record_id, include_deleted=True).case_id
        return None

    def open_dossier(self):
        """The signed-dossier dialog (widgets/dialogs), with this case already chosen."""
        from tumar.widgets.dialogs.dossier_dialog import DossierDialog

        dialog = DossierDialog(self.session, self)
        index = dialog.case_box.findData(self._current_id)
        if index >= 0:
            dialog.case_box.setCurrentIndex(index)
        dialog.open()
        return dialog

    def _history(self) -> None:
        if self._current_id:
            open_history(self, self.session, "case_file", self._current_id)

    def _link(self, kind: str, record_id: str) -> None:
        if kind in ("event", "note"):
            self.edit(kind, record_id)
        else:
            self.navigate.emit(kind, record_id)

    def add_new(self, kind: str) -> None:
        if kind == "note" and not self._current_id:
            self._show_error(self.tr("Select a case first, then add a note to it."))
            return
        super().add_new(kind)

    def make_editor(self, kind: str, record_id: str | None):
        if kind == "case":
            return CaseEditor(self.session, record_id)
        if kind == "event":
            return EventEditor(self.session, record_id, case_id=self._current_id)
        if kind == "note" and (record_id or self._current_id):
            return NoteEditor(self.session, record_id, attach={"case_id": self._current_id})
        return None

    def _event_people(self, event_id: str) -> list[Person]:
        """The live people linked to an event (set in the event editor)."""
        repo = self.session.archive.repo
        found = [
            repo.get(Person, pid, include_deleted=True)
            for pid in edits.event_people(self.session.archive, event_id)
        ]
        return [p for p in found if not p.deleted]

    def clear_detail(self) -> None:
        self.detail.clear()

    def show_detail(self, record_id: str) -> None:
        overview = browse.case_overview(self.session.archive, record_id)
        case = overview.detail.case
        lang = ui_language()
        meta = [labels.case_status(case.status)]
        meta += [v for v in (case.court, case.jurisdiction) if v]
        html = [f"<h1>{rich.esc(case.title)}</h1>"]
        html.append(f'<p class="meta">{rich.esc(" · ".join(meta))}</p>')
        if overview.tags:
            html.append(
                '<p class="chip">'
                + " &nbsp; ".join(f"#{rich.esc(t.name)}" for t in overview.tags)
                + "</p>"
            )
        if case.summary:
            html.append(rich.para(case.summary))
        if overview.detail.people:
            html.append(rich.section(self.tr("People")))
            html.append(
                rich.rows(
                    [
                        (labels.role(link.role), rich.link("person", p.id, p.display_name))
                        for link, p in overview.detail.people
                    ]
                )
            )
        html.append(rich.section(self.tr("Timeline")))
        if overview.events:
            rows = []
            for event in overview.events:
                what = labels.event_kind(event.kind)
                if event.place:
                    what = self.tr("%1 in %2").replace("%1", what).replace("%2", event.place)
                value = rich.link("event", event.id, what)
                involved = self._event_people(event.id)
                if involved:
                    value += " — " + ", ".join(
                        rich.link("person", p.id, p.display_name) for p in involved
                    )
                rows.append((reading(event.date, lang), value))
            html.append(rich.rows(rows))
        else:
            html.append(rich.muted(self.tr("No events yet.")))
        if overview.testimonies:
            html.append(rich.section(self.tr("Testimonies")))
            rows = []
            for t in overview.testimonies:
                witness = overview.witnesses[t.id].display_name
                consent = (
                    self.tr("consent withdrawn")
                    if t.consent_withdrawn
                    else labels.consent(t.consent_scope)
                )
                rows.append(
                    (
                        consent,
                        rich.link("testimony", t.id, witness)
                        + " — "
                        + rich.esc(" ".join(t.text.split())[:80]),
                    )
                )
            html.append(rich.rows(rows))
        if overview.media:
            html.append(rich.section(self.tr("Media")))
            html.append(
                rich.rows(
                    [
                        (labels.media_kind(m.kind), rich.link("media", m.id, m.original_name))
                        for m in overview.media
                    ]
                )
            )
        html.append(rich.section(self.tr("Notes")))
        if overview.notes:
            for note in overview.notes:
                html.append(rich.para(note.text))
                edit_note = self.tr("Edit note")
                html.append(f"<p>{rich.link('note', note.id, edit_note)}</p>")
        else:
            html.append(rich.muted(self.tr("No notes yet.")))
        self.detail.set_html("".join(html))

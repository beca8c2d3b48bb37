"""People: every person with their names in all scripts, risks, cases and testimonies."""

from __future__ import annotations

from PySide6.QtGui import QColor

from tumar.app import browse, people
from tumar.app.dates import reading
from tumar.storage.records import Case, Note, Testimony
from tumar.widgets.editors.date_field import ui_language
from tumar.widgets.editors.person_editor import PersonEditor

from . import labels, rich
from .actions import copy_text, open_history
from .detail_view import DetailView
from .list_page import ListDetailPage


class PeoplePage(ListDetailPage):
    KIND = "person"
    NAV_KIND = "person"

    def heading_text(self) -> str:
        return self.tr("People")

    def new_label(self) -> str:
        return self.tr("New person")

    def empty_text(self) -> str:
        return self.tr("Select a person to see their names, cases and testimonies.")

    def nothing_yet_text(self) -> str:
        return self.tr("No people yet. Add someone with New person.")

    def sort_options(self) -> list[tuple[str, str]]:
        return [("name", self.tr("Name")), ("added", self.tr("Newest first"))]

    def chip(self, row: browse.ListRow):
        return (self.tr("At risk"), QColor("#b3261e")) if row.flag else None

    def side(self, row: browse.ListRow) -> str:
        return reading(row.date, ui_language()) if row.date else ""

    def make_detail(self) -> DetailView:
        view = DetailView()
        view.add_action(lambda: self.tr("Edit"), lambda: self.edit("person", self._current_id))
        view.add_action(lambda: self.tr("History"), self._history)
        view.add_action(lambda: self.tr("Copy name"), self._copy_name)
        view.add_action(lambda: self.tr("Delete…"), self.delete_current)
        view.link_clicked.connect(self.navigate)
        return view

    def make_editor(self, kind: str, record_id: str | None):
        return PersonEditor(self.session, record_id) if kind == "person" else None

    def _history(self) -> None:
        if self._current_id:
            open_history(self, self.session, "person", self._current_id)

    def _copy_name(self) -> None:
        if self._current_id:
            person = people.get_person(self.session.archive, self._current_id).person
            copy_text(person.display_name)

    def clear_detail(self) -> None:
        self.detail.clear()

    def show_detail(self, record_id: str) -> None:
        archive = self.session.archive
        detail = people.get_person(archive, record_id)
        person = detail.person
        meta = []
        if person.birth_date:
            meta.append(self.tr("Born %1").replace("%1", reading(person.birth_date, ui_language())))
        html = [f"<h1>{rich.esc(person.display_name)}</h1>"]
        html.append(f'<p class="meta">{rich.esc(" · ".join(meta))}</p>' if meta else "")
        if person.risk_flags:
            flags = ", ".join(labels.risk(f) for f in person.risk_flags)
            html.append(f'<p class="warn">{rich.esc(flags)}</p>')
        html.append(rich.section(self.tr("Names")))
        html.append(
            rich.rows(
                [
                    (f"{n.script} · {labels.name_kind(n.kind)}", rich.esc(n.name))
                    for n in detail.names
                ]
            )
        )
        repo = archive.repo
        cases = []
        for link in detail.cases:
            case = repo.get(Case, link.case_id, include_deleted=True)
            if not case.deleted:
                cases.append((labels.role(link.role), rich.link("case", case.id, case.title)))
        if cases:
            html.append(rich.section(self.tr("Cases")) + rich.rows(cases))
        given = repo.find(Testimony, {"witness_id": record_id})
        if given:
            html.append(rich.section(self.tr("Testimonies")))
            html.append(
                rich.rows(
                    [
                        (
                            t.recorded_at or "",
                            rich.link("testimony", t.id, " ".join(t.text.split())[:90]),
                        )
                        for t in given
                    ]
                )
            )
        notes = [n.text for n in repo.find(Note, {"person_id": record_id})]
        if person.notes:
            notes.insert(0, person.notes)
        if notes:
            html.append(rich.section(self.tr("Notes")) + "".join(rich.para(n) for n in notes))
        self.detail.set_html("".join(html))

"""Testimonies: the list (lazy: 100,000 open at once) and the selected testimony with
its consent in plain words; withdrawing consent is one button with a confirmation."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from tumar.app import browse, testimonies
from tumar.app.dates import reading
from tumar.storage.records import Case, Note
from tumar.widgets.editors.date_field import ui_language
from tumar.widgets.editors.note_editor import NoteEditor
from tumar.widgets.editors.testimony_editor import TestimonyEditor
from tumar.widgets.models.text import isolate

from . import labels, rich
from .actions import copy_text, open_history
from .detail_view import DetailView
from .list_page import ListDetailPage

CONSENT_COLOURS = {
    "none": "#6d6d6d",
    "lawyer_only": "#1565c0",
    "anonymised": "#6a1b9a",
    "public": "#2e7d32",
}


class TestimoniesPage(ListDetailPage):
    __test__ = False  # not a pytest class despite the name

    KIND = "testimony"
    NAV_KIND = "testimony"

    def heading_text(self) -> str:
        return self.tr("Testimonies")

    def new_label(self) -> str:
        return self.tr("New testimony")

    def empty_text(self) -> str:
        return self.tr("Select a testimony to read it.")

    def nothing_yet_text(self) -> str:
        return self.tr("No testimonies yet. Record one with New testimony.")

    def sort_options(self) -> list[tuple[str, str]]:
        return [
            ("added", self.tr("Newest first")),
            ("recorded", self.tr("Recording date")),
        ]

    def status_options(self) -> list[tuple[str, str]]:
        return [(None, self.tr("Any consent"))] + [
            (scope, labels.consent(scope))
            for scope in ("none", "lawyer_only", "anonymised", "public")
        ]

    def chip(self, row: browse.ListRow):
        if row.flag:
            return self.tr("Withdrawn"), QColor("#b3261e")
        return labels.consent(row.status), QColor(CONSENT_COLOURS.get(row.status, "#6d6d6d"))

    def side(self, row: browse.ListRow) -> str:
        return reading(row.date, ui_language()) if row.date else ""

    def make_detail(self) -> DetailView:
        view = DetailView()
        view.add_action(lambda: self.tr("Edit"), lambda: self.edit("testimony", self._current_id))
        self.withdraw_button = view.add_action(lambda: self.tr("Withdraw consent…"), self.withdraw)
        view.add_action(lambda: self.tr("Add note"), lambda: self.edit("note", None))
        view.add_action(lambda: self.tr("Copy text"), self._copy)
        view.add_action(lambda: self.tr("History"), self._history)
        view.add_action(lambda: self.tr("Delete…"), self.delete_current)
        view.link_clicked.connect(self._link)
        return view

    def _link(self, kind: str, record_id: str) -> None:
        if kind == "note":
            self.edit("note", record_id)
        else:
            self.navigate.emit(kind, record_id)

    def make_editor(self, kind: str, record_id: str | None):
        if kind == "testimony":
            return TestimonyEditor(self.session, record_id)
        if kind == "note" and (record_id or self._current_id):
            return NoteEditor(self.session, record_id, attach={"testimony_id": self._current_id})
        return None

    def _history(self) -> None:
        if self._current_id:
            open_history(self, self.session, "testimony", self._current_id)

    def _copy(self) -> None:
        if self._current_id:
            copy_text(
                testimonies.get_testimony(self.session.archive, self._current_id).testimony.text
            )

    def withdraw(self) -> None:
        """Ask once, saying what changes, then withdraw through the same service as the CLI."""
        if not self._current_id:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Withdraw consent"))
        box.setText(self.tr("Withdraw the witness's consent for this testimony?"))
        box.setInformativeText(
            self.tr(
                "From now on, dossiers and other exports leave this testimony out, whatever "
                "consent was given before. The text stays in the archive, and the earlier "
                "consent stays in its history."
            )
        )
        confirm = box.addButton(self.tr("Withdraw consent"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not confirm:
            return
        testimonies.withdraw_consent(self.session.archive, self._current_id)
        self.session.notify_changed("testimony")
        self.refresh()

    def clear_detail(self) -> None:
        self.detail.clear()

    def show_detail(self, record_id: str) -> None:
        archive = self.session.archive
        detail = testimonies.get_testimony(archive, record_id)
        t = detail.testimony
        lang = ui_language()
        title = self.tr("Testimony by %1").replace("%1", isolate(detail.witness.display_name))
        meta = []
        if t.recorded_at:
            meta.append(reading(t.recorded_at, lang))
        meta += [v for v in (t.recorded_where, t.language) if v]
        if t.recorded_by:
            meta.append(self.tr("recorded by %1").replace("%1", t.recorded_by))
        html = [f"<h1>{rich.esc(title)}</h1>"]
        html.append(f'<p class="meta">{rich.esc(" · ".join(meta))}</p>')
        html.append(rich.section(self.tr("Consent")))
        if t.consent_withdrawn:
            html.append(rich.warn(self.tr("Consent withdrawn")))
            html.append(rich.para(self.tr("Exports leave this testimony out.")))
        else:
            html.append(f'<p class="chip">{rich.esc(labels.consent(t.consent_scope))}</p>')
            html.append(f"<p>{rich.esc(labels.consent_explanation(t.consent_scope))}</p>")
        given = [
            v for v in (reading(t.consent_date, lang) if t.consent_date else "", t.consent_how) if v
        ]
        if given:
            html.append(f'<p class="muted">{rich.esc(" · ".join(given))}</p>')
        self.withdraw_button.setEnabled(not t.consent_withdrawn)
        html.append(rich.section(self.tr("Testimony")) + rich.para(t.text))
        for tr in detail.translations:
            head = self.tr("Translation (%1)").replace("%1", tr.language)
            if tr.translator:
                head = self.tr("%1, by %2").replace("%1", head).replace("%2", tr.translator)
            html.append(rich.section(head) + rich.para(tr.text))
        html.append(rich.section(self.tr("Witness")))
        html.append(f"<p>{rich.link('person', detail.witness.id, detail.witness.display_name)}</p>")
        repo = archive.repo
        cases = [repo.get(Case, cid, include_deleted=True) for cid in detail.case_ids]
        cases = [c for c in cases if not c.deleted]
        if cases:
            html.append(rich.section(self.tr("Cases")))
            html.append("".join(f"<p>{rich.link('case', c.id, c.title)}</p>" for c in cases))
        notes = repo.find(Note, {"testimony_id": record_id})
        if notes:
            html.append(rich.section(self.tr("Notes")))
            for note in notes:
                html.append(rich.para(note.text))
                edit_note = self.tr("Edit note")
                html.append(f"<p>{rich.link('note', note.id, edit_note)}</p>")
        self.detail.set_html("".join(html))

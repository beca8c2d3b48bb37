"""Cases, timeline and deadlines: a case with people and a future event, seen as a deadline."""

from __future__ import annotations

import datetime as dt

from tumar.app import cases, people, tags
from tumar.storage.records import Case, CasePerson, Event, Note
from tumar.widgets.editors.case_editor import CaseEditor
from tumar.widgets.editors.event_editor import EventEditor
from tumar.widgets.editors.note_editor import NoteEditor
from tumar.widgets.pages.cases import CasesPage
from tumar.widgets.pages.deadlines import DeadlinesPage
from tumar.widgets.pages.timeline import TimelinePage


def test_case_with_future_event_appears_in_deadlines(qtbot, session_factory, shot) -> None:
    session = session_factory()
    lawyer = people.add_person(session.archive, "Aiman Umarova").person
    page = CasesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.refresh()
    page.add_new("case")
    editor = page._editor
    assert isinstance(editor, CaseEditor)
    qtbot.keyClicks(editor.case_title, "Zaisan hearing")
    editor.court.setText("Zaisan district court")
    editor.add_person_row(lawyer.id, "lawyer")
    editor.tags.setText("deportation-risk, hearing")
    shot(page, "pages_case_editor")
    assert editor.save()
    (case,) = session.archive.repo.find(Case)
    assert [(link.person_id, link.role) for link in session.archive.repo.find(CasePerson)] == [
        (lawyer.id, "lawyer")
    ]
    assert sorted(t.name for t, _n in tags.list_tags(session.archive)) == [
        "deportation-risk", "hearing",
    ]  # fmt: skip
    assert page._current_id == case.id
    page.edit("event", None)
    event_editor = page._editor
    assert isinstance(event_editor, EventEditor)
    soon = dt.date.today() + dt.timedelta(days=9)
    event_editor.kind.setCurrentIndex(event_editor.kind.findData("hearing"))
    event_editor.date.setText(soon.isoformat())
    event_editor.place.setText("Zaisan")
    assert event_editor.date.reading.text()
    shot(page, "pages_event_editor")
    assert event_editor.save()
    (event,) = session.archive.repo.find(Event)
    assert event.case_id == case.id and event.date == soon.isoformat()
    page.edit("note", None)
    note_editor = page._editor
    assert isinstance(note_editor, NoteEditor)
    note_editor.text.setPlainText("Ask the court for the hearing file.")
    shot(page, "pages_note_editor")
    assert note_editor.save()
    assert [n.text for n in session.archive.repo.find(Note)] == [
        "Ask the court for the hearing file."
    ]
    cases.add_event(session.archive, case.id, "arrest", "2019-10?")
    page.refresh()
    assert "Aiman Umarova" in page.detail.text()
    assert "Ask the court for the hearing file." in page.detail.text()
    shot(page, "pages_cases")
    cases.add_case(session.archive, "Another case")  # listed first in the dialog
    dossier = page.open_dossier()
    assert dossier.case_box.currentData() == case.id
    dossier.reject()

    deadlines = DeadlinesPage(session)
    qtbot.addWidget(deadlines)
    deadlines.resize(900, 600)
    deadlines.refresh()
    assert deadlines.count() == 1
    text = deadlines.view.text()
    assert "Zaisan hearing" in text and "9" in text
    shot(deadlines, "pages_deadlines")

    timeline = TimelinePage(session)
    qtbot.addWidget(timeline)
    timeline.resize(900, 500)
    timeline.show()
    timeline.refresh()
    timeline.show_record("case", case.id)
    assert [r.date_text for r in timeline.view.rows][0] != ""
    uncertain = timeline.view.rows[0]
    assert uncertain.lower == dt.date(2019, 10, 1) and uncertain.upper == dt.date(2019, 10, 31)
    assert timeline.view.rows[1].future
    shot(timeline, "pages_timeline")
    deadlines.clear()
    assert deadlines.view.text() == ""


def test_case_title_is_required(qtbot, session_factory) -> None:
    session = session_factory()
    page = CasesPage(session)
    qtbot.addWidget(page)
    page.refresh()
    page.add_new("case")
    assert not page._editor.save()
    assert page._editor._errors["title"].text()
    assert session.archive.repo.find(Case) == []

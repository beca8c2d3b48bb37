"""Search with several record types at once (grouped by type), all types when none is
ticked, and the advanced mode of `tumar search --advanced` (FTS5 syntax, a malformed
expression is one line)."""

from __future__ import annotations

from tumar.app import cases, people, testimonies
from tumar.widgets.pages.search import SearchPage


def _archive(session):
    archive = session.archive
    person = people.add_person(archive, "Aiman Border").person
    testimonies.add_testimony(archive, person.id, "My brother was stopped at the border.")
    case = cases.add_case(archive, "Border crossing at Maikapshagai")
    testimonies.add_note(archive, "Ask the border post for its log.", case_id=case.id)
    cases.add_event(archive, case.id, "detention", "2019-10?", description="Held at the border")


def _page(qtbot, session) -> SearchPage:
    page = SearchPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.refresh()
    return page


def test_several_types_at_once_grouped_by_type(qtbot, session_factory, shot) -> None:
    session = session_factory()
    _archive(session)
    page = _page(qtbot, session)
    page.box.setText("border")
    page.run_search()
    everything = page.results.text()
    for heading in ("People (1)", "Testimonies (1)", "Notes (1)", "Cases (1)", "Events (1)"):
        assert heading in everything  # none ticked: every type, each under its heading
    with qtbot.waitSignal(page.timer.timeout, timeout=2000):
        page.kinds["person"].setChecked(True)
        page.kinds["note"].setChecked(True)
    text = page.results.text()
    assert "People (1)" in text and "Notes (1)" in text
    assert "Testimonies" not in text and "Cases (" not in text and "Events (" not in text
    assert page.query().kinds == ("person", "note")
    shot(page, "pages_search_types")


def test_advanced_mode_takes_search_syntax(qtbot, session_factory, shot) -> None:
    session = session_factory()
    _archive(session)
    page = _page(qtbot, session)
    page.box.setText("border NOT brother")
    page.kinds["testimony"].setChecked(True)
    page.kinds["note"].setChecked(True)
    page.run_search()
    assert "No matches" in page.status.text()  # as typed, NOT is just a word
    with qtbot.waitSignal(page.timer.timeout, timeout=2000):
        page.advanced.setChecked(True)
    text = page.results.text()
    assert "Ask the border post" in text and "My brother" not in text
    assert "AND" in page.box.placeholderText()
    shot(page, "pages_search_advanced")
    page.box.setText("border AND (")
    page.run_search()
    assert page.status.text() and "\n" not in page.status.text()
    assert page.results.text() == ""
    page.clear()
    assert not page.advanced.isChecked() and not any(b.isChecked() for b in page.kinds.values())


def test_show_more_results_like_the_cli_limit(qtbot, session_factory) -> None:
    session = session_factory()
    archive = session.archive
    case = cases.add_case(archive, "Zaisan hearing")
    for i in range(62):
        testimonies.add_note(archive, f"Border post log page {i}", case_id=case.id)
    page = _page(qtbot, session)
    page.box.setText("border")
    page.run_search()
    shown = page.results.text().count("Border post log page")
    assert shown == 50 and page.more.isVisible()
    page.more.click()
    assert page.results.text().count("Border post log page") == 62
    assert not page.more.isVisible()
    with qtbot.waitSignal(page.timer.timeout, timeout=2000):
        page.box.setText("border post")  # a new query starts from the first page again
    assert page.results.text().count("Border post log page") == 50

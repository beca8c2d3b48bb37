"""Search by another spelling; duplicates side by side, merged after the preview; the
lazy list reads one page; every page in PAGES builds, refreshes and clears."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tumar.app import browse, people, testimonies
from tumar.storage.records import Person, PersonName
from tumar.widgets.models.lazy_list import LazyListModel
from tumar.widgets.pages import PAGES
from tumar.widgets.pages.duplicates import DuplicatesPage
from tumar.widgets.pages.search import SearchPage

from .pages_support import answer_next_modal, click_button, click_standard


def test_search_by_another_spelling_as_you_type(qtbot, session_factory, shot) -> None:
    session = session_factory()
    person = people.add_person(session.archive, "Тілек Табарақ").person
    testimonies.add_testimony(session.archive, person.id, "Тілек Табарақ was detained in 2018.")
    page = SearchPage(session)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.refresh()
    page.focus_search()
    qtbot.keyClicks(page.box, "Tlek Tabarik")
    assert page.timer.isActive()  # debounced: nothing ran for each keystroke
    with qtbot.waitSignal(page.timer.timeout, timeout=2000):
        pass
    text = page.results.text()
    assert "Тілек Табарақ" in text
    shot(page, "pages_search")
    for hostile in ('"', "AND (", "*", "NEAR(", "'; DROP TABLE person; --", "\\"):
        page.box.setText(hostile)
        page.run_search()  # never raises
    page.date_from.setText("not a date")
    page.box.setText("Tlek")
    page.run_search()
    assert page.status.text()  # a one-line explanation instead of results
    page.clear()
    assert page.box.text() == "" and page.results.text() == ""


def test_merge_duplicate_pair_after_preview(qtbot, session_factory, shot) -> None:
    session = session_factory()
    keep = people.add_person(
        session.archive, "Kaster Musakhan", names=[people.NameInput("Қастер Мұсахан", "Cyrl")]
    ).person
    drop = people.add_person(session.archive, "Qaster Musakhanuly", birth_date="1989~").person
    testimonies.add_testimony(session.archive, drop.id, "Statement given in Almaty.")
    page = DuplicatesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    assert page.count() == 1
    preview = page.preview
    assert preview is not None and {preview.keep.id, preview.drop.id} == {keep.id, drop.id}
    fields = {
        page.table.item(r, 0).text(): page.table.item(r, 3).text()
        for r in range(page.table.rowCount())
    }
    assert fields["Birth date"] == "1989~"
    assert "Statement given in Almaty." in page.moves.toPlainText()
    shot(page, "pages_duplicates")
    answer_next_modal(click_standard(QMessageBox.StandardButton.Cancel))
    page.merge()
    assert not session.archive.repo.get(Person, drop.id, include_deleted=True).deleted
    answer_next_modal(click_button("Merge"))
    page.merge()
    assert session.archive.repo.get(Person, drop.id, include_deleted=True).deleted
    names = {n.name for n in session.archive.repo.find(PersonName, {"person_id": keep.id})}
    assert "Qaster Musakhanuly" in names
    assert page.count() == 0


def test_lazy_model_fetches_only_a_first_page(qtbot, session_factory) -> None:
    session = session_factory()
    witness = people.add_person(session.archive, "W").person
    for i in range(25):
        testimonies.add_testimony(session.archive, witness.id, f"Testimony number {i}")
    request = browse.ListRequest("testimony", page_size=10)
    calls = []

    def fetch(after, limit):
        calls.append(after)
        return browse.list_page(session.archive, request, after)

    model = LazyListModel(page_size=10)
    model.reset(fetch)
    assert model.rowCount() == 10 and model.pages_fetched == 1 and calls == [None]
    assert model.row_at(0).subtitle == "Testimony number 24"  # newest first
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 25 and model.pages_fetched == 3
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_every_page_builds_refreshes_and_clears(qtbot, session_factory) -> None:
    session = session_factory()
    people.add_person(session.archive, "Someone")
    keys = [spec.key for spec in PAGES]
    assert keys == [
        "cases", "people", "testimonies", "media", "timeline", "deadlines", "search",
        "duplicates",
    ]  # fmt: skip
    for spec in PAGES:
        assert spec.title() and spec.icon.endswith(".svg")
        page = spec.factory(session, None)
        qtbot.addWidget(page)
        page.refresh()
        assert not page.has_unsaved_changes()
        page.clear()

"""The conflicts dialog on real archives: two laptops edit the same record, exchange
bundles through a folder, and this laptop's window shows the clash and settles it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextTable

from tumar.app.sync import conflicts, folder, team
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.hlc import Clock
from tumar.storage.records import Person, Testimony
from tumar.widgets.dialogs.conflicts_dialog import ConflictsDialog, one_line

from ..app.sync.support import join

LONG = "Қайша was taken to the camp at night. " * 200  # a testimony pages long


def _ahead() -> int:
    """B's clock runs a minute ahead, so B's edit is the one shown until someone chooses."""
    return int(time.time() * 1000) + 60_000


def _sync(replicas: list[Archive], share: Path) -> None:
    for _ in range(2):
        for archive in replicas:
            folder.sync(archive, share)


@pytest.fixture
def laptops(session_factory, tmp_path: Path):
    """(session of laptop A, laptop B's archive, the shared folder), already in step."""
    session = session_factory()
    a = session.archive
    b = join(a, tmp_path, "b")
    team.add_member(a, team.keys(b).recipient, "laptop B")
    b.repo.clock = Clock(b.replica_id, wall=_ahead)
    share = tmp_path / "stick"
    share.mkdir()
    yield session, b, share
    b.close()


def _table(dialog: ConflictsDialog) -> list[list[str]]:
    """The side-by-side table as a person reads it: rows of cell texts."""
    doc = dialog.detail.document()
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1
    table = tables[0]
    rows = []
    for r in range(table.rows()):
        row = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            cursor = cell.firstCursorPosition()
            end = cell.lastCursorPosition().position()
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            row.append(cursor.selectedText().replace("\u2029", "\n"))
        rows.append(row)
    return rows


def _clash_on_notes(session, b: Archive, share: Path) -> str:
    a = session.archive
    pid = a.repo.insert(Person(display_name="Qaisha Aqan", notes="first met 2019")).id
    _sync([a, b], share)
    a.repo.update_fields(Person, pid, {"notes": "seen in Almaty"})
    b.repo.update_fields(Person, pid, {"notes": "seen in Urumqi", "sex": "female"})
    _sync([a, b], share)
    return pid


def _open(qtbot, session) -> ConflictsDialog:
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


@pytest.mark.parametrize(
    ("button", "kept"), [("keep_theirs", "seen in Urumqi"), ("keep_mine", "seen in Almaty")]
)
def test_both_versions_are_shown_under_their_laptops_and_one_click_keeps_one(
    qtbot, laptops, shot, button: str, kept: str
) -> None:
    session, b, share = laptops
    a = session.archive
    pid = _clash_on_notes(session, b, share)
    assert len(conflicts.open_conflicts(a)) == 1
    dialog = _open(qtbot, session)
    assert dialog.list.topLevelItemCount() == 1
    row = dialog.list.topLevelItem(0)
    assert (row.text(0), row.text(1)) == ("Person", "Qaisha Aqan")  # never a table or an id
    rows = _table(dialog)
    assert rows[0][1:] == ["This laptop", "The other laptop"]
    assert rows[1][1].startswith("Edited on") and rows[1][2].startswith("Edited on")
    shown = {r[0]: r[1:] for r in rows[2:]}
    assert shown == {"Notes": ["seen in Almaty", "seen in Urumqi"], "Sex": ["(empty)", "female"]}
    assert "also deletes" not in dialog.detail.toPlainText()
    dialog.resize(820, 600)
    shot(dialog, "conflicts_person_en")

    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)

    assert a.repo.get(Person, pid).notes == kept
    assert conflicts.open_conflicts(a) == []
    assert dialog.list.topLevelItemCount() == 0
    assert dialog.pages.currentWidget() is dialog.empty
    assert "Kept" in dialog.status.text()
    report = verify_archive(a)
    assert report.ok, report.problems


def test_a_deletion_on_one_side_is_shown_as_deleted(qtbot, laptops, shot) -> None:
    """This laptop deleted a testimony the other edited: its side says "deleted"; the
    witness's Arabic-script name titles it, right-to-left; a long text scrolls."""
    session, b, share = laptops
    a = session.archive
    witness = a.repo.insert(Person(display_name="قايشا اقان"))
    tid = a.repo.insert(Testimony(witness_id=witness.id, text="original text")).id
    _sync([a, b], share)
    a.repo.delete(Testimony, tid)
    b.repo.update_fields(Testimony, tid, {"text": LONG})
    _sync([a, b], share)
    dialog = _open(qtbot, session)
    row = dialog.list.topLevelItem(0)
    assert (row.text(0), row.text(1)) == ("Testimony", "قايشا اقان")
    assert row.textAlignment(1) & Qt.AlignmentFlag.AlignRight
    assert 'dir="rtl"' in dialog.detail.toHtml() or dialog.detail.toHtml().count("rtl")
    rows = _table(dialog)
    assert rows[1][1].startswith("Deleted the record on") and rows[1][2].startswith("Edited")
    shown = {r[0]: r[1:] for r in rows[2:]}
    assert shown["Text"][0] == "deleted"
    assert shown["Text"][1].split() == LONG.split()
    assert "Keeping a deleted version also deletes its notes." in dialog.detail.toPlainText()
    assert dialog.detail.verticalScrollBar().maximum() > 0  # scrolls, the dialog stays put
    assert dialog.height() <= 700
    shot(dialog, "conflicts_deleted_en")
    assert one_line(LONG).endswith("…") and len(one_line(LONG)) <= 91  # a list row: one line

    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
    current = a.repo.get(Testimony, tid, include_deleted=True)
    assert not current.deleted and current.text == LONG
    assert conflicts.open_conflicts(a) == []
    report = verify_archive(a)
    assert report.ok, report.problems


def test_nothing_to_review(qtbot, session_factory) -> None:
    session = session_factory()
    session.archive.repo.insert(Person(display_name="Only here"))
    dialog = _open(qtbot, session)
    assert dialog.pages.currentWidget() is dialog.empty
    assert dialog.empty.text() == "Nothing to review: no edits clashed."
    assert not dialog.keep_mine.isEnabled() and not dialog.keep_theirs.isEnabled()
    assert dialog.close_button.text() == "Close"
    # field names come from the history view's words, with the few it lacks added here
    assert dialog.field("person", "notes") == "Notes"
    assert dialog.field("team_member", "label") == "Label"
    assert dialog.field("media", "original_name") == "File name"


def test_the_dialog_relabels_itself_in_kazakh(qtbot, laptops, shot) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    session, b, share = laptops
    _clash_on_notes(session, b, share)
    dialog = _open(qtbot, session)
    folder_ = Path(__file__).resolve().parents[2] / "resources" / "translations"
    translators = []
    for catalogue in ("dialogs", "pages"):
        translator = QTranslator()
        assert translator.load(str(folder_ / f"{catalogue}_kk.qm"))
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    try:
        qtbot.waitUntil(lambda: dialog.keep_theirs.text() == "Басқа нұсқаны қалдыру")
        assert dialog.keep_mine.text() == "Осы ноутбуктің нұсқасын қалдыру"
        assert dialog.list.topLevelItem(0).text(0) == "Адам"
        rows = _table(dialog)
        assert rows[0][1:] == ["Осы ноутбук", "Басқа ноутбук"]
        assert rows[1][1].startswith("Өзгертілді")
        assert dialog.close_button.text() == "Жабу"
        shot(dialog, "conflicts_person_kk")
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.keep_theirs.text() == "Keep the other version")
    assert _table(dialog)[0][1:] == ["This laptop", "The other laptop"]


def test_settled_meanwhile_is_one_calm_line_and_the_list_follows(qtbot, laptops) -> None:
    """Settled behind the dialog's back (a sync brought the other laptop's choice): the
    click says so in one line, changes nothing more, and the list empties."""
    session, b, share = laptops
    a = session.archive
    pid = _clash_on_notes(session, b, share)
    dialog = _open(qtbot, session)
    (conflict,) = conflicts.open_conflicts(a)
    conflicts.resolve(a, conflict.id, "mine")  # not through the dialog
    settled = a.repo.get(Person, pid).hlc
    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "This one was already settled; the list is up to date."
    assert a.repo.get(Person, pid).hlc == settled and a.repo.get(Person, pid).notes == (
        "seen in Almaty"
    )
    assert dialog.pages.currentWidget() is dialog.empty


def test_a_clash_between_two_other_laptops_says_which_version_this_laptop_shows(
    qtbot, laptops, tmp_path: Path
) -> None:
    """B and C clashed; A only merged both. "This laptop" is then the version A shows now
    (what resolve's "mine" keeps), and the dialog says so rather than pretend A wrote it."""
    session, b, share = laptops
    a = session.archive
    pid = a.repo.insert(Person(display_name="Tilek Tabarikuly", notes="first")).id
    c = join(a, tmp_path, "c")
    try:
        team.add_member(a, team.keys(c).recipient, "laptop C")
        _sync([a, b, c], share)
        b.repo.update_fields(Person, pid, {"notes": "from B"})  # B's clock is ahead: B wins
        c.repo.update_fields(Person, pid, {"notes": "from C"})
        _sync([b, c], share)
        folder.sync(a, share)
    finally:
        c.close()
    assert a.repo.get(Person, pid).notes == "from B"
    dialog = _open(qtbot, session)
    assert "Neither version was made on this laptop" in dialog.detail.toPlainText()
    shown = {r[0]: r[1:] for r in _table(dialog)[2:]}
    assert shown == {"Notes": ["from B", "from C"]}
    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    assert a.repo.get(Person, pid).notes == "from B"
    assert conflicts.open_conflicts(a) == []


def test_the_archive_menu_opens_it(kit) -> None:
    from tumar.widgets.dialogs.conflicts_dialog import ConflictsDialog as Dialog

    kit.unlock()
    window = kit.window
    window.archive_menu.aboutToShow.emit()  # as opening the menu does: entries enabled now
    titles = {a.text(): a for a in window.archive_menu.actions()}
    assert titles["Conflicts…"].isEnabled()
    titles["Conflicts…"].trigger()
    kit.qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(Dialog)))
    (dialog,) = window.findChildren(Dialog)
    kit.qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.pages.currentWidget() is dialog.empty
    dialog.reject()


def test_the_list_follows_changes_made_elsewhere_in_the_window(qtbot, laptops) -> None:
    session, b, share = laptops
    _clash_on_notes(session, b, share)
    dialog = _open(qtbot, session)
    (conflict,) = conflicts.open_conflicts(session.archive)
    conflicts.resolve(session.archive, conflict.id, "theirs")  # as a sync bringing a choice
    session.notify_changed("*")  # what the sync dialog says after merging
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.empty)


def _marked(dialog: ConflictsDialog) -> list[list[str]]:
    """Per side (this laptop, the other), the runs of text shown on a coloured background
    in the rows of differing fields."""
    doc = dialog.detail.document()
    (table,) = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    found: list[list[str]] = [[], []]
    for row in range(2, table.rows()):
        for side, column in enumerate((1, 2)):
            cell = table.cellAt(row, column)
            block = cell.firstCursorPosition().block()
            end = cell.lastCursorPosition().position()
            while block.isValid() and block.position() <= end:
                it = block.begin()
                while not it.atEnd():
                    fragment = it.fragment()
                    if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                        found[side].append(fragment.text())
                    it += 1
                block = block.next()
    return found


def test_a_long_text_edited_on_both_laptops_marks_only_the_changed_words(
    qtbot, laptops, shot
) -> None:
    """Pages of testimony with one word changed here and a sentence added there: only
    those are marked, each on its own side; a short value is shown unmarked."""
    session, b, share = laptops
    a = session.archive
    witness = a.repo.insert(Person(display_name="Qaisha Aqan"))
    tid = a.repo.insert(Testimony(witness_id=witness.id, text=LONG)).id
    _sync([a, b], share)
    a.repo.update_fields(Testimony, tid, {"text": LONG.replace("at night.", "at dawn.", 1)})
    b.repo.update_fields(Testimony, tid, {"text": LONG + "She was released in 2019."})
    _sync([a, b], share)
    dialog = _open(qtbot, session)
    assert _marked(dialog) == [["dawn."], ["night.", "She was released in 2019."]]
    assert "Marked: the words in which the versions differ." in dialog.detail.toPlainText()
    dialog.resize(820, 600)
    shot(dialog, "conflicts_long_text_en")
    _clash_on_notes(session, b, share)  # "seen in Almaty" / "seen in Urumqi": compared whole
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 2)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
    assert _marked(dialog) == [[], []] and "Marked" not in dialog.detail.toPlainText()

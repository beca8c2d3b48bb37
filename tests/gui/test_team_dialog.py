"""The Team members dialog on real archives: this laptop's key, adding and removing laptops
through the real widgets, exporting the identity that stock `age` opens bundles with."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pyrage
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QTranslator
from PySide6.QtGui import QFontInfo, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTreeWidgetItem, QWidget

from tumar.app.sync import bundle_io, export, folder, restore, team
from tumar.app.team_roster import short_recipient
from tumar.widgets import clipboard
from tumar.widgets.dialogs.team_dialog import TeamDialog

from .pages_support import answer_next_modal, click_button

LABEL = "Ноутбук Айгерім (Talas)"  # record content: must stay in the archive
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def second_laptop(a, tmp_path: Path):
    """Laptop B, restored from A's full backup, and an empty sync folder for both."""
    bundle = tmp_path / "join.tumar-bundle"
    export.write_bundle(a, bundle)
    secret = bundle_io.Secret(identities=(team.keys(a).age_identity,))
    b, _code, _ = restore.restore(
        bundle, tmp_path / "b.tumar", "correct horse battery staple", secret
    )
    share = tmp_path / "share"
    share.mkdir()
    return b, share


def a_recipient() -> str:
    return str(pyrage.x25519.Identity.generate().to_public())


def rows(dialog: TeamDialog) -> list[QTreeWidgetItem]:
    view = dialog.members_view
    items = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    return [item for item in items if item.data(0, Qt.ItemDataRole.UserRole)]


def make_dialog(qtbot, session) -> TeamDialog:
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks takes only Latin-1 text)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_member(qtbot, dialog: TeamDialog, recipient: str, label: str) -> None:
    qtbot.keyClicks(dialog.recipient_edit, recipient)
    type_text(dialog.label_edit, label)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def test_shows_this_laptops_key_and_copies_it(qtbot, session_factory) -> None:
    session = session_factory()
    dialog = make_dialog(qtbot, session)
    own = team.keys(session.archive).recipient
    assert dialog.own_key.text() == own and own.startswith("age1")
    assert dialog.own_key.isReadOnly()
    assert QFontInfo(dialog.own_key.font()).fixedPitch()  # the font really drawn
    assert "teammates add this key" in dialog.own_hint.text().lower()
    assert not dialog.recovery_note.isVisibleTo(dialog)  # the code opens bundles already
    try:
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == own
        # through the app's helper: kept out of clipboard managers' history, wiped later
        assert QGuiApplication.clipboard().mimeData().hasFormat("x-kde-passwordManagerHint")
    finally:
        clipboard.clear_sensitive()
    assert QGuiApplication.clipboard().text() == ""
    assert rows(dialog) == [] and not dialog.remove_button.isEnabled()


def test_adding_a_laptop_through_the_fields(qtbot, session_factory) -> None:
    session = session_factory()
    dialog = make_dialog(qtbot, session)
    recipient = a_recipient()
    changed: list[str] = []
    session.changed.connect(changed.append)
    type_member(qtbot, dialog, recipient, LABEL)
    (member,) = team.members(session.archive)
    assert (member.recipient, member.label) == (recipient, LABEL)
    (row,) = rows(dialog)
    assert (row.text(0), row.text(1)) == (LABEL, short_recipient(recipient))
    assert recipient.startswith(row.text(1).split("…")[0]) and len(row.text(1)) < 25
    assert dialog.recipient_edit.text() == dialog.label_edit.text() == ""
    assert not dialog.add_error.isVisible() and "Added" in dialog.status.text()
    assert changed == ["team_member"]
    # the same laptop again: said under the fields, nothing added
    type_member(qtbot, dialog, recipient, "again")
    assert "already in the team" in dialog.add_error.text()
    assert len(team.members(session.archive)) == 1


@pytest.mark.parametrize(
    ("typed", "label", "said"),
    [("age1notakey", LABEL, "not a laptop key"),
     ("AGE-SECRET-KEY-1QQQ", LABEL, "not a laptop key"),
     ("", LABEL, "not a laptop key"),
     (None, LABEL, "this laptop's own key"),
     ("fresh", "   ", "whose laptop")],
)  # fmt: skip
def test_a_bad_entry_is_one_inline_line_and_adds_nothing(
    qtbot, session_factory, typed: str | None, label: str, said: str
) -> None:
    session = session_factory()
    dialog = make_dialog(qtbot, session)
    if typed is None:
        typed = dialog.own_key.text()
    elif typed == "fresh":
        typed = a_recipient()
    type_member(qtbot, dialog, typed, label)
    assert dialog.add_error.isVisible()
    assert said in dialog.add_error.text() and "\n" not in dialog.add_error.text()
    assert team.members(session.archive) == [] and rows(dialog) == []
    assert dialog.recipient_edit.text() == typed  # kept, to be corrected
    qtbot.keyClicks(dialog.recipient_edit, "x")  # editing clears the line
    assert not dialog.add_error.isVisible()


def _select(qtbot, dialog: TeamDialog, row: QTreeWidgetItem) -> None:
    view = dialog.members_view
    rect = view.visualItemRect(row)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.remove_button.isEnabled()


def test_removing_asks_first_and_says_what_it_means(qtbot, session_factory) -> None:
    session = session_factory()
    kept, gone = a_recipient(), a_recipient()
    team.add_member(session.archive, kept, "Erlan")
    team.add_member(session.archive, gone, LABEL)
    dialog = make_dialog(qtbot, session)
    _select(qtbot, dialog, rows(dialog)[1])
    asked: list[str] = []

    def keep(box) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(f"{box.text()} {box.informativeText()}")
        click_button("Keep")(box)

    answer_next_modal(keep)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert len(team.members(session.archive)) == 2 and len(rows(dialog)) == 2
    assert LABEL in asked[0]
    assert "from now on will not be encrypted to it" in asked[0]
    assert "already has stay readable to it" in asked[0]
    answer_next_modal(click_button("Remove"))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [m.recipient for m in team.members(session.archive)] == [kept]
    assert [r.text(0) for r in rows(dialog)] == ["Erlan"]
    assert gone not in team.recipients(session.archive)
    assert "stay readable" in dialog.status.text()


def test_a_laptop_known_from_a_sync_is_listed_and_can_be_removed(
    qtbot, session_factory, tmp_path: Path
) -> None:
    session = session_factory()
    a = session.archive
    b, share = second_laptop(a, tmp_path)
    with b:
        b_key = team.keys(b).recipient
        folder.sync(b, share)
    folder.sync(a, share)
    assert b_key in team.recipients(a) and team.members(a) == []
    dialog = make_dialog(qtbot, session)
    (row,) = rows(dialog)
    assert row.data(0, Qt.ItemDataRole.UserRole) == b_key
    assert row.text(0) == "(known from a sync)"
    _select(qtbot, dialog, row)
    answer_next_modal(click_button("Remove"))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert b_key not in team.recipients(a) and rows(dialog) == []


def _when_modal(kind: type, choose, attempts: int = 300) -> None:
    """Like answer_next_modal, but waits for a modal of this type (not the one still up)."""

    def poll(left: int = attempts) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind):
            choose(modal)
        elif left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def _export_through_the_dialog(
    qtbot, dialog: TeamDialog, target: Path, replace: bool = False
) -> list[str]:
    warned: list[str] = []

    def save_here(file_dialog) -> None:
        assert isinstance(file_dialog, QFileDialog)
        file_dialog.selectFile(str(target))
        if replace:  # Qt's own "replace it?" question: yes (Tumar still refuses)
            _when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        file_dialog.accept()

    def go_on(box) -> None:
        if not isinstance(box, QMessageBox):  # no warning first: fail, don't hang
            box.reject()
            return
        warned.append(f"{box.text()} {box.informativeText()}")
        _when_modal(QFileDialog, save_here)
        click_button("Choose where to save…")(box)

    answer_next_modal(go_on)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return warned


def test_export_identity_warns_then_stock_age_opens_this_archives_bundle(
    qtbot, session_factory, tmp_path: Path
) -> None:
    session = session_factory()
    dialog = make_dialog(qtbot, session)
    out = tmp_path / "paper"
    out.mkdir()
    first: list[QWidget] = []

    def cancel(box) -> None:
        first.append(box)
        if isinstance(box, QMessageBox):
            click_button("Cancel")(box)
        else:  # no warning first: fail, don't hang
            box.reject()

    answer_next_modal(cancel)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert isinstance(first[0], QMessageBox) and list(out.iterdir()) == []
    target = out / "identity.txt"
    warned = _export_through_the_dialog(qtbot, dialog, target)
    assert "whoever has it can open every bundle" in warned[0] and "paper" in warned[0]
    assert target.is_file() and target.stat().st_mode & 0o077 == 0
    assert "identity.txt" in dialog.status.text() and "apart" in dialog.status.text()
    bundle = tmp_path / "b.tumar-bundle"
    written = export.write_bundle(session.archive, bundle)
    if shutil.which("age"):
        plain = subprocess.run(
            ["age", "-d", "-i", str(target), str(bundle)], capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
            inner = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    else:  # without the Debian package: the app's own reading path
        secret = [ln for ln in target.read_text().splitlines() if not ln.startswith("#")]
        inner = bundle_io.scan(bundle, bundle_io.Secret(identities=tuple(secret)))
    assert inner["archive_id"] == session.archive.archive_id == written["archive_id"]
    # never over a file: one calm line, the file untouched
    before = target.read_bytes()
    _export_through_the_dialog(qtbot, dialog, target, replace=True)
    assert "already exists" in dialog.status.text() and target.read_bytes() == before


def test_the_label_stays_out_of_settings_and_the_environment(kit, _gui_env: Path) -> None:
    """Through the real menu: open Team members, add a laptop, lock, close the window."""
    session = kit.unlock()
    kit.window.archive_menu.aboutToShow.emit()
    (action,) = [a for a in kit.window.archive_menu.actions() if a.text() == "Team members…"]
    action.trigger()
    (dialog,) = kit.window.findChildren(TeamDialog)
    kit.qtbot.waitExposed(dialog)
    type_member(kit.qtbot, dialog, a_recipient(), LABEL)
    assert [m.label for m in team.members(session.archive)] == [LABEL]
    kit.window.lock()
    kit.window.close()
    kit.settings.sync()
    files = [p for p in _gui_env.rglob("*") if p.is_file()]
    assert files, "the settings file was not written where the test looks"
    for path in files:
        data = path.read_bytes()
        for needle in (LABEL.encode(), "Айгерім".encode(), b"Talas"):
            assert needle not in data, path
        assert "Talas" not in data.decode("unicode_escape", errors="replace"), path
    assert all("Talas" not in value for value in os.environ.values())


def test_relabels_in_kazakh_and_reads_well(qtbot, session_factory, shot) -> None:
    from tumar.widgets import theme

    theme.apply(QApplication.instance())  # as the app does, so the pictures look real
    session = session_factory()
    team.add_member(session.archive, a_recipient(), LABEL)
    dialog = make_dialog(qtbot, session)
    dialog.resize(640, 620)
    dialog.recipient_edit.setText("age1notakey")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # the inline error, too
    dialog.layout().activate()
    shot(dialog, "team_dialog_en")
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "dialogs_kk.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.close_button.text() != "Close")
        for button in (dialog.copy_button, dialog.add_button, dialog.export_button):
            assert button.text() not in ("Copy", "Add member", "Export identity…")
        assert dialog.windowTitle() != "Team members"
        assert rows(dialog)[0].text(0) == LABEL  # content stays as written
        dialog.layout().activate()  # the relayout is posted; the picture should show it
        shot(dialog, "team_dialog_kk")
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.close_button.text() == "Close")


def test_locking_while_asking_removes_nothing(kit, passphrase: str) -> None:
    from tumar.storage.archive import Archive

    session = kit.unlock()
    team.add_member(session.archive, a_recipient(), LABEL)
    folder_path = session.folder
    kit.window.archive_menu.aboutToShow.emit()
    (action,) = [a for a in kit.window.archive_menu.actions() if a.text() == "Team members…"]
    action.trigger()
    (dialog,) = kit.window.findChildren(TeamDialog)
    _select(kit.qtbot, dialog, rows(dialog)[0])
    answer_next_modal(lambda _box: kit.window.lock())  # the idle timer, say
    kit.qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert kit.window.session is None and not session.is_open
    with Archive.open(folder_path, passphrase) as archive:
        assert [m.label for m in team.members(archive)] == [LABEL]


def test_a_folder_that_cannot_be_written_is_one_line(qtbot, session_factory) -> None:
    session = session_factory()
    dialog = make_dialog(qtbot, session)
    target = Path("/sys/tumar-identity.txt")  # refused even to root
    _export_through_the_dialog(qtbot, dialog, target)
    said = dialog.status.text()
    assert said.startswith("The file could not be written there") and "\n" not in said
    assert not target.exists() and dialog.export_button.isEnabled()

"""Backup and sync dialogs in a real (offscreen) window, on real archives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tumar.app import cases, testimonies
from tumar.app.sync import bundle_io, export, folder, restore, team
from tumar.storage.archive import Archive
from tumar.storage.records import Note, Person
from tumar.widgets.dialogs.backup_dialog import BackupDialog
from tumar.widgets.dialogs.sync_dialog import SyncDialog

PASS = "correct horse battery staple"


def second_laptop(a: Archive, tmp_path: Path) -> tuple[Archive, Path]:
    """Laptop B, restored from A's full backup, and an empty sync folder for both."""
    bundle = tmp_path / "join.tumar-bundle"
    export.write_bundle(a, bundle)
    secret = bundle_io.Secret(identities=(team.keys(a).age_identity,))
    b, _code, _ = restore.restore(bundle, tmp_path / "b.tumar", PASS, secret)
    share = tmp_path / "share"
    share.mkdir()
    return b, share


def test_preview_shows_the_merge_then_sync_applies_it(qtbot, session_factory, tmp_path: Path):
    session = session_factory()
    a = session.archive
    a.repo.insert(Person(display_name="Known to both"))
    b, share = second_laptop(a, tmp_path)
    with b:
        b.repo.insert(Person(display_name="Only on B"))
        folder.sync(b, share)
    (share / "junk.tumar-bundle").write_bytes(b"not a bundle at all" * 10)
    dialog = SyncDialog(session)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(share))
    assert not dialog.sync_button.isEnabled()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "added 1" in dialog.output.toPlainText()
    assert "Skipped junk.tumar-bundle: the file is damaged or incomplete" in (
        dialog.output.toPlainText()
    )
    # B is new here: the preview says its key will be pinned (a preview pins nothing)
    assert "will be pinned when you sync" in dialog.output.toPlainText()
    assert "now pinned" not in dialog.output.toPlainText()
    assert len(a.repo.find(Person)) == 1  # preview changed nothing
    assert dialog.sync_button.isEnabled()
    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert {p.display_name for p in a.repo.find(Person)} == {"Known to both", "Only on B"}
    assert "its key is now pinned" in dialog.output.toPlainText()


def test_preview_says_which_notes_go_with_a_deleted_case(qtbot, session_factory, tmp_path: Path):
    """A note added on B to a case this laptop deleted: the preview says it will be
    deleted with its case (and deletes nothing), the sync does it and says so."""
    session = session_factory()
    a = session.archive
    case = cases.add_case(a, "Detention of T. Tabarikuly")
    b, share = second_laptop(a, tmp_path)
    cases.delete_case(a, case.id)
    with b:
        note = testimonies.add_note(b, "Seen at the Khorgos post", case_id=case.id)
        folder.sync(b, share)
    dialog = SyncDialog(session)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(share))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    said = dialog.output.toPlainText()
    assert "to be deleted with the deleted records they are attached to: notes 1, events 0" in said
    assert a.repo.find(Note, include_deleted=True) == []  # the preview changed nothing
    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    said = dialog.output.toPlainText()
    assert "deleted with the deleted records they were attached to: notes 1, events 0" in said
    assert a.repo.get(Note, note.id, include_deleted=True).deleted


def test_sync_error_is_one_line(qtbot, session_factory, tmp_path: Path):
    session = session_factory()
    dialog = SyncDialog(session)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "not a folder" in dialog.status.text() and "\n" not in dialog.status.text()


def test_backup_dialog_writes_a_dated_bundle(qtbot, session_factory, tmp_path: Path):
    session = session_factory()
    session.archive.repo.insert(Person(display_name="Qaisha Aqan"))
    out = tmp_path / "backups"
    out.mkdir()
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(out))
    dialog.use_passphrase.setChecked(True)
    dialog.passphrase.setText("bundle passphrase")
    dialog.repeat.setText("other passphrase")
    dialog.start()
    assert dialog.written is None and "same passphrase" in dialog.status.text()
    dialog.repeat.setText("bundle passphrase")
    dialog.start()
    assert dialog.written is not None and dialog.written.parent == out
    assert "Qaisha" not in dialog.written.name and dialog.passphrase.text() == ""
    manifest = bundle_io.scan(dialog.written, bundle_io.Secret(passphrase="bundle passphrase"))
    assert manifest["archive_id"] == session.archive.archive_id


def test_backup_dialog_keeps_the_newest_and_clears_an_interrupted_one(
    qtbot, session_factory, tmp_path: Path
):
    """Backups to keep = 2: this laptop's older backups go, another laptop's stay, and a
    temp file an interrupted backup of this laptop left is removed."""
    from tests.storage.test_atomic_streamed import _dead_pid

    session = session_factory()
    short = session.archive.replica_id[:8]
    out = tmp_path / "backups"
    out.mkdir()
    older = [out / f"tumar-backup-2026010{i}-000000-{short}.tumar-bundle" for i in (1, 2)]
    foreign = out / "tumar-backup-20260101-000000-0badc0de.tumar-bundle"
    stale = out / f".tumar-backup-20260103-000000-{short}.tumar-bundle.tmp-{_dead_pid()}"
    for path in (*older, foreign, stale):
        path.write_bytes(b"age-encryption.org/v1 ...")
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(out))
    dialog.keep.setValue(2)
    dialog.start()
    assert dialog.written is not None
    left = sorted(p.name for p in out.iterdir())
    assert left == sorted([older[1].name, foreign.name, dialog.written.name]), left

"""Errors from the disk in the window: one line that says what to do, on real filesystems.

A backup onto a full USB stick said "unexpected error (OSError)"; a note saved on a full
disk raised out of Save and the window said nothing. Both need a small tmpfs (root, as on
CI); elsewhere they are skipped (tests/mounts.py), never faked.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tests.mounts import small_tmpfs
from tumar.app.failures import Failure
from tumar.storage.records import Note, Person, Testimony
from tumar.widgets.dialogs.backup_dialog import BackupDialog
from tumar.widgets.editors.note_editor import NoteEditor
from tumar.widgets.failure_text import FailureText, report_uncaught


def _fill(disk: Path) -> Path:
    """Fill `disk` to the last byte it gives."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for block in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while os.write(fd, b"\0" * block) == block:
                    pass
    finally:
        os.close(fd)
    return filler


def test_a_backup_onto_a_full_stick_is_one_line(
    qtbot, session_factory, tmp_path: Path, shot
) -> None:
    session = session_factory()
    person = session.archive.repo.insert(Person(display_name="Witness"))
    words = " ".join(str(i * 7919) for i in range(40_000))  # does not compress
    session.archive.repo.insert(Testimony(witness_id=person.id, text=words))
    with small_tmpfs(tmp_path / "stick", "96k") as stick:
        dialog = BackupDialog(session)
        qtbot.addWidget(dialog)
        dialog.folder_edit.setText(str(stick))
        dialog.start()
        assert dialog.written is None
        assert dialog.status.text() == FailureText().line(Failure.DISK_FULL)
        dialog.show()
        shot(dialog, "backup-onto-a-full-stick")
        assert list(stick.iterdir()) == []  # no half bundle, no temp file
        assert dialog.buttons.isEnabled()


def test_a_note_saved_on_a_full_disk_says_so(qtbot, session_factory, tmp_path: Path, shot) -> None:
    with small_tmpfs(tmp_path / "small", "6m"):
        session = session_factory(name="small/test.tumar")
        person = session.archive.repo.insert(Person(display_name="Witness"))
        filler = _fill(tmp_path / "small")
        editor = NoteEditor(session, attach={"person_id": person.id})
        qtbot.addWidget(editor)
        editor.text.setPlainText(" ".join(str(i * 7919) for i in range(100_000)))
        assert editor.save() is False  # said, not raised
        assert editor.general_error.text() == FailureText().line(Failure.DISK_FULL)
        editor.show()
        shot(editor, "note-on-a-full-disk")
        assert editor.dirty  # the text is still there to save again
        filler.unlink()
        assert editor.save() is True
        assert len(session.archive.repo.find(Note)) == 1
        session.lock()  # the archive's files closed, so the disk can be unmounted


@pytest.mark.qt_no_exception_capture
def test_an_error_no_slot_caught_is_a_message_not_a_traceback(
    qtbot, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What run_window installs: a slot that raises (here a button's) shows one line."""
    monkeypatch.setattr(sys, "excepthook", report_uncaught)
    errors = iter([OSError(28, "No space left on device")] * 2 + [ValueError("Qaisha Aqan")])

    def failing_slot() -> None:
        raise next(errors)  # a message may hold record content: the ValueError's does

    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.clicked.connect(failing_slot)
    for _ in range(3):  # the same failure twice: one box
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "uncaughtError"]
    texts = sorted(box.text() for box in boxes if isinstance(box, QMessageBox))
    for box in boxes:
        box.close()
        box.deleteLater()
    assert texts == sorted(
        [
            FailureText().line(Failure.DISK_FULL),
            "This stopped because of an unexpected error (ValueError).",
        ]
    )
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Qaisha" not in err and "ValueError" in err


def test_every_kind_has_its_line() -> None:
    lines = {kind: FailureText().line(kind) for kind in Failure}
    assert len(set(lines.values())) == len(Failure)
    assert all("\n" not in line for line in lines.values())

"""Every file and folder picker of the window leaves no trace of where the user looked.

Qt's own file dialog keeps the last folder and a folder history in a settings file outside
the archive; a folder or file name can say whose case it is. Each picker goes through
widgets/media/file_dialogs.py, which removes that history when the dialog closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tumar.widgets.dialogs.backup_dialog import BackupDialog
from tumar.widgets.dialogs.dossier_dialog import DossierDialog
from tumar.widgets.dialogs.sync_dialog import SyncDialog
from tumar.widgets.jobs import JobRunner
from tumar.widgets.start.create_screen import CreateScreen
from tumar.widgets.start.start_screen import StartScreen

from .pages_support import answer_next_modal, pick_file


def _qt_dialog_state() -> QSettings:
    return QSettings(QSettings.Scope.UserScope, "QtProject")


@pytest.mark.parametrize("which", ["backup", "sync", "dossier", "start", "create"])
def test_a_picker_forgets_where_it_went(qtbot, session_factory, tmp_path: Path, which) -> None:
    state = _qt_dialog_state()
    state.remove("FileDialog")
    state.sync()
    folder = tmp_path / "Aqan - border crossing"  # a folder name that says whose case it is
    folder.mkdir()
    if which == "start":
        widget = StartScreen()
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.open_requested, timeout=10_000) as opened:
            answer_next_modal(pick_file(folder))
            widget.open_button.click()
        assert Path(opened.args[0]) == folder
    elif which == "create":
        widget = CreateScreen(JobRunner(synchronous=True))
        qtbot.addWidget(widget)
        answer_next_modal(pick_file(folder))
        widget.choose.click()
        assert widget.location == folder and widget.folder().parent == folder
    else:
        session = session_factory()
        dialog_class = {"backup": BackupDialog, "sync": SyncDialog, "dossier": DossierDialog}
        widget = dialog_class[which](session)
        qtbot.addWidget(widget)
        if which == "dossier":
            target = folder / "hearing.pdf"
            answer_next_modal(pick_file(target))
            widget.choose_button.click()
            assert Path(widget.path_edit.text()) == target
        else:
            answer_next_modal(pick_file(folder))
            widget.browse.click()
            assert Path(widget.folder_edit.text()) == folder
    state = _qt_dialog_state()
    assert state.value("FileDialog/lastVisited") is None
    assert state.value("FileDialog/history") is None

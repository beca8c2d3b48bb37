"""Fixtures for the window tests: a fresh real archive per test wrapped in a Session, and
screenshots when TUMAR_SCREENSHOTS names a folder.

Every test runs the real widgets offscreen (QT_QPA_PLATFORM=offscreen is set before Qt
loads). Settings go to a per-test folder so no test reads or writes the user's QSettings.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from tests.templates import Templates, session_templates  # noqa: E402
from tumar.widgets.jobs import JobRunner  # noqa: E402
from tumar.widgets.session import Session  # noqa: E402

SessionFactory = Callable[..., Session]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Delete the widgets a test closed before the next test starts.

    pytest-qt and the `kit` fixture close windows and call deleteLater(), but outside an
    event loop Qt only deletes them on an explicit flush: without it every window, page and
    menu of every earlier test stayed alive, the application-wide event filters of their
    idle timers kept running, and each QApplication.setStyleSheet() re-polished thousands
    of dead tests' widgets (seconds per call late in the run)."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(autouse=True)
def _gui_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Fast KDF, and QSettings in an INI file under tmp_path (scanned by tests)."""
    monkeypatch.setenv("TUMAR_KDF_PROFILE", "fast")
    settings_dir = tmp_path / "qsettings"
    settings_dir.mkdir()
    QCoreApplication.setOrganizationName("TumarTest")
    QCoreApplication.setApplicationName("tumar-test")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(settings_dir))
    yield settings_dir


@pytest.fixture
def session_factory(
    qtbot, tmp_path: Path, passphrase: str, templates: Templates
) -> Iterator[SessionFactory]:
    """session_factory(synchronous=True, name="test.tumar") -> an unlocked Session on a
    new archive (this test's own copy of one app.lifecycle made once per session, see
    tests/templates.py); the recovery code is on `session.recovery_code`. Locked at
    teardown."""
    made: list[Session] = []

    def make(*, synchronous: bool = True, name: str = "test.tumar") -> Session:
        template = templates.get_app("gui-new", passphrase)
        archive = template.open_app_copy(tmp_path / name)
        runner = JobRunner(synchronous=synchronous)
        session = Session(archive, runner)
        session.recovery_code = template.recovery_code  # type: ignore[attr-defined]
        made.append(session)
        return session

    yield make
    for session in made:
        session.runner.cancel_all(detach=True)
        session.runner.wait(10_000)
        session.lock()


@pytest.fixture
def shot() -> Callable[[QWidget, str], Path | None]:
    """shot(widget, name): save a PNG to $TUMAR_SCREENSHOTS/name.png (no-op when unset)."""

    def save(widget: QWidget, name: str) -> Path | None:
        folder = os.environ.get("TUMAR_SCREENSHOTS")
        if not folder:
            return None
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        widget.repaint()
        path = out / f"{name}.png"
        widget.grab().save(str(path), "PNG")
        return path

    return save


class WindowKit:
    """A real TumarWindow on a synchronous runner, plus helpers to get it unlocked."""

    def __init__(self, qtbot, tmp_path: Path, passphrase: str) -> None:
        from PySide6.QtWidgets import QApplication

        from tumar.widgets import theme
        from tumar.widgets.main_window import TumarWindow
        from tumar.widgets.settings import Settings

        theme.apply(QApplication.instance())  # as the app does, so screenshots look real
        self.qtbot = qtbot
        self.tmp_path = tmp_path
        self.passphrase = passphrase
        self.settings = Settings()
        self.window = TumarWindow(self.settings, runner=JobRunner(synchronous=True))
        # not qtbot.addWidget: pytest-qt would close it before this kit's teardown locks it,
        # and closing with unsaved edits asks Save / Discard / Stay
        self.window.resize(1100, 720)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()

    def new_archive(self, name: str = "test.tumar") -> Path:
        """A new, locked archive: this test's own copy of one made once per session."""
        template = session_templates().get_app("gui-new", self.passphrase)
        return template.copy_to(self.tmp_path / name, Path(os.environ["XDG_DATA_HOME"]))

    def unlock(self, folder: Path | None = None) -> Session:
        """Through the unlock screen, as a user would."""
        from PySide6.QtCore import Qt

        folder = folder or self.new_archive()
        self.window.flow.open_folder(folder)
        field = self.window.flow.unlock.field
        self.qtbot.keyClicks(field, self.passphrase)
        self.qtbot.keyClick(field, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.window.session is not None, timeout=10_000)
        return self.window.session


@pytest.fixture
def kit(qtbot, tmp_path: Path, passphrase: str) -> Iterator[WindowKit]:
    made = WindowKit(qtbot, tmp_path, passphrase)
    yield made
    made.window.lock()
    made.window.close()
    made.window.deleteLater()


def visible_texts(root: QWidget) -> list[str]:
    """Every text a user could read in `root` and its children (labels, fields, lists)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QTextEdit

    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        texts.append(widget.windowTitle())
    return texts

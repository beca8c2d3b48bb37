"""The window before an archive is open: start → (create → recovery code) or unlock.
Emits `opened(Session)` once an archive is unlocked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLayout, QStackedWidget, QWidget

from tumar.app import lifecycle
from tumar.storage.errors import TumarError

from .. import demo
from ..jobs import JobRunner
from ..session import Session
from .create_screen import CreateScreen
from .recovery_screen import RecoveryScreen
from .restore_screen import RestoreScreen
from .start_screen import StartScreen
from .unlock_screen import UnlockScreen


class StartFlow(QStackedWidget):
    opened = Signal(object)  # Session
    language_chosen = Signal(str)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._pending_key: lifecycle.UnlockedKey | None = None
        self.start = StartScreen(self)
        self.create = CreateScreen(runner, self)
        self.recovery = RecoveryScreen(self)
        self.unlock = UnlockScreen(runner, self)
        self.restore = RestoreScreen(runner, self)
        for screen in self._screens():
            self.addWidget(screen)
        self.start.open_requested.connect(self.open_folder)
        self.start.create_requested.connect(self.show_create)
        self.start.demo_requested.connect(self.try_demo)
        self.start.restore_requested.connect(self.show_restore)
        self.start.language_chosen.connect(self.language_chosen)
        self.create.back.connect(self.show_start)
        self.create.created.connect(self._created)
        self.recovery.confirmed.connect(self._recovery_confirmed)
        self.unlock.back.connect(self.show_start)
        self.unlock.unlocked.connect(self._unlocked)
        self.restore.back.connect(self.show_start)
        self.restore.restored.connect(self._created)  # then like a new archive: code, open

    def _screens(self) -> tuple[QWidget, ...]:
        return (self.start, self.create, self.recovery, self.unlock, self.restore)

    def retranslate(self) -> None:
        for screen in self._screens():
            screen.retranslate()  # type: ignore[attr-defined]
            # wrapped texts of another length: Qt keeps the card's old height-for-width
            # (a longer tagline would be cut off) until the layouts are invalidated
            for layout in [screen.layout(), *screen.findChildren(QLayout)]:
                if layout is not None:
                    layout.invalidate()

    # ---- navigation -----------------------------------------------------------------
    def show_start(self) -> None:
        self.start.show_error("")
        self.setCurrentWidget(self.start)
        self.start.open_button.setFocus()

    def show_create(self) -> None:
        self.create.reset()
        self.setCurrentWidget(self.create)
        self.create.name.setFocus()
        self.create.name.selectAll()

    def show_restore(self) -> None:
        self.restore.reset()
        self.setCurrentWidget(self.restore)
        self.restore.source.bundle_choose.setFocus()

    def open_folder(self, folder: Path) -> None:
        """Unlock screen for `folder`, or a one-line reason on the start screen."""
        folder = Path(folder)
        try:
            lifecycle.check_archive_folder(folder)
        except TumarError as exc:
            self.setCurrentWidget(self.start)
            self.start.show_error(str(exc))
            return
        hint = demo.DEMO_PASSPHRASE if demo.is_demo(folder) else None
        self.unlock.set_folder(folder, hint)
        self.setCurrentWidget(self.unlock)
        self.unlock.field.setFocus()

    def try_demo(self) -> None:
        if demo.demo_exists():
            self.open_folder(demo.demo_folder())
            return
        self.start.demo_button.setEnabled(False)
        self.start.demo_button.setText(self.tr("Preparing the demo archive…"))
        self.runner.run(demo.build_demo_job, title=self.tr("Preparing the demo archive"),
                        on_done=self._demo_ready, on_error=self._demo_failed)  # fmt: skip

    def _demo_ready(self, folder: Path) -> None:
        self.start.demo_button.setEnabled(True)
        self.start.retranslate()
        self.open_folder(folder)

    def _demo_failed(self, message: str) -> None:
        self.start.demo_button.setEnabled(True)
        self.start.retranslate()
        self.start.show_error(message)

    # ---- results --------------------------------------------------------------------
    def _created(self, key: lifecycle.UnlockedKey, code: str) -> None:
        self._pending_key = key
        self.recovery.show_code(code)
        self.setCurrentWidget(self.recovery)

    def _recovery_confirmed(self) -> None:
        key, self._pending_key = self._pending_key, None
        if key is None:
            self.show_start()
            return
        try:
            session = Session.from_key(key, self.runner)
        except TumarError as exc:
            self.show_start()
            self.start.show_error(str(exc))
            return
        self._unlocked(session)

    def _unlocked(self, session: Session) -> None:
        self.opened.emit(session)

    def drop_work(self) -> None:
        """Panic with no archive open: the caller cancelled and detached the running job;
        every screen leaves its busy state, no secret stays in a field, the start shows."""
        for screen in (self.create, self.unlock, self.restore):
            screen.idle()
        self.forget()
        self.show_start()

    def forget(self) -> None:
        """On lock or quit: no secret stays in any field."""
        self._pending_key = None
        self.recovery.forget()
        self.unlock.field.forget()
        self.create.first.forget()
        self.create.second.forget()
        self.restore.forget()

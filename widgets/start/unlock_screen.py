"""Unlock: the archive's folder name, the passphrase (or recovery code), a busy state while
Argon2id runs on a worker thread, and a calm inline line when the secret is wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tumar.app import lifecycle
from tumar.app.jobs import CancelToken, Progress
from tumar.storage.errors import TumarError, WrongPassphrase

from .. import theme
from ..jobs import JobRunner
from ..session import Session
from .common import PassphraseLineEdit, card_page, label


class UnlockScreen(QWidget):
    unlocked = Signal(object)  # Session
    back = Signal()

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.folder: Path | None = None
        self._recovery_mode = False
        self._busy = False
        box, _card = card_page(self)
        head = QHBoxLayout()
        badge = QLabel(self)
        badge.setPixmap(theme.icon("lock", "accent").pixmap(40, 40))
        head.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        titles = QWidget(self)
        tbox = QVBoxLayout(titles)
        tbox.setContentsMargins(8, 0, 0, 0)
        tbox.setSpacing(2)
        self.title = label("", "title", wrap=True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = label("", "muted")
        tbox.addWidget(self.title)
        tbox.addWidget(self.subtitle)
        head.addWidget(titles, 1)
        box.addLayout(head)
        box.addSpacing(14)
        self.field_label = label("", wrap=False)
        box.addWidget(self.field_label)
        self.field = PassphraseLineEdit(self)
        self.field.returnPressed.connect(self.unlock)
        self.field.textEdited.connect(lambda _t: self.error.hide())
        self.field_label.setBuddy(self.field)
        box.addWidget(self.field)
        self.caps = label("", "warning")
        self.caps.hide()
        self.field.capsLockChanged.connect(self.caps.setVisible)
        box.addWidget(self.caps)
        self.error = label("", "error")
        self.error.hide()
        box.addWidget(self.error)
        self.demo_hint = label("", "muted")
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.hide()
        box.addWidget(self.demo_hint)
        box.addSpacing(6)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        box.addWidget(self.busy)
        self.unlock_button = QPushButton(self)
        theme.set_flag(self.unlock_button, "primary")
        self.unlock_button.setIcon(theme.icon("lock-open", "white"))
        self.unlock_button.clicked.connect(self.unlock)
        box.addWidget(self.unlock_button)
        links = QHBoxLayout()
        self.mode_button = QPushButton(self)
        theme.set_flag(self.mode_button, "flat")
        self.mode_button.clicked.connect(self.toggle_mode)
        self.back_button = QPushButton(self)
        theme.set_flag(self.back_button, "flat")
        self.back_button.clicked.connect(self._go_back)
        links.addWidget(self.mode_button)
        links.addStretch(1)
        links.addWidget(self.back_button)
        box.addLayout(links)
        self.setTabOrder(self.field, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.mode_button)
        self.setTabOrder(self.mode_button, self.back_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.caps.setText(self.tr("Caps Lock seems to be on."))
        self.field.set_toggle_texts(self.tr("Show passphrase"), self.tr("Hide passphrase"))
        self.back_button.setText(self.tr("Open another archive"))
        self._apply_mode()
        self._apply_busy()

    # ---- state ----------------------------------------------------------------------
    def set_folder(self, folder: Path, demo_passphrase: str | None = None) -> None:
        """Show this archive; the demo's public passphrase is shown for the demo only."""
        self.folder = Path(folder)
        self._recovery_mode = False
        self.field.forget()
        self.error.hide()
        self.caps.hide()
        self.title.setText(self.folder.name)  # the folder name, never the full path
        if demo_passphrase:
            self.demo_hint.setText(
                self.tr("This is the demo archive. Its passphrase is: {passphrase}").format(
                    passphrase=demo_passphrase
                )
            )
            self.demo_hint.show()
        else:
            self.demo_hint.clear()
            self.demo_hint.hide()
        self._apply_mode()
        self.field.setFocus()

    def toggle_mode(self) -> None:
        self._recovery_mode = not self._recovery_mode
        self.field.forget()
        self.error.hide()
        self._apply_mode()
        self.field.setFocus()

    def _apply_mode(self) -> None:
        if self._recovery_mode:
            self.subtitle.setText(self.tr("Type the recovery code from your paper copy."))
            self.field_label.setText(self.tr("&Recovery code"))
            self.field.setPlaceholderText("XXXX-XXXX-XXXX-…")
            self.mode_button.setText(self.tr("Use the passphrase instead"))
        else:
            self.subtitle.setText(self.tr("This archive is locked."))
            self.field_label.setText(self.tr("&Passphrase"))
            self.field.setPlaceholderText("")
            self.mode_button.setText(self.tr("Use the recovery code instead"))
        self.field.setAccessibleName(self.field_label.text().replace("&", ""))

    def _apply_busy(self) -> None:
        self.unlock_button.setText(self.tr("Unlocking…") if self._busy else self.tr("Unlock"))
        self.unlock_button.setEnabled(not self._busy)
        self.field.setReadOnly(self._busy)
        self.mode_button.setEnabled(not self._busy)
        self.back_button.setEnabled(not self._busy)
        self.busy.setVisible(self._busy)

    def _go_back(self) -> None:
        self.field.forget()
        self.back.emit()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.field.setFocus()
        self.field.selectAll()

    # ---- unlocking ------------------------------------------------------------------
    def unlock(self) -> None:
        if self._busy or self.folder is None:
            return
        secret = self.field.text()
        if not secret:
            self._show_error(self.tr("Type the passphrase first."))
            return
        folder = self.folder
        self._busy = True
        self._apply_busy()

        def job(progress: Progress, cancel: CancelToken) -> lifecycle.UnlockedKey | None:
            try:
                return lifecycle.unlock_key(folder, secret)
            except WrongPassphrase:
                return None

        self.runner.run(job, title=self.tr("Unlocking"), on_done=self._unlocked,
                        on_error=self._failed)  # fmt: skip

    def idle(self) -> None:
        """Out of the busy state without a result (the job was dropped on Panic)."""
        self._busy = False
        self._apply_busy()

    def _unlocked(self, key: lifecycle.UnlockedKey | None) -> None:
        self._busy = False
        self._apply_busy()
        if key is None:
            self._show_error(
                self.tr("This recovery code does not open this archive.")
                if self._recovery_mode
                else self.tr("This passphrase does not open this archive.")
            )
            return
        try:
            session = Session.from_key(key, self.runner)
        except TumarError as exc:
            self._show_error(str(exc))
            return
        self.field.forget()
        self.error.hide()
        self.unlocked.emit(session)

    def _failed(self, message: str) -> None:
        self._busy = False
        self._apply_busy()
        self._show_error(message)

"""Which backup to restore and how to open it: the bundle file, then either one field for
the backup's passphrase or the recovery code of the laptop that wrote it (the CLI takes
both in one prompt too), or an identity file exported with `team export-identity`.

Each part has its own inline error line under it, so a refusal lands where it is fixed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QWidget

from tumar.app import restore_inputs
from tumar.app.sync import bundle_io
from tumar.storage.errors import InvalidInput
from tumar.widgets.media.file_dialogs import choose_file

from .. import theme
from .common import PassphraseLineEdit, label


def _file_row(owner: QWidget) -> tuple[QHBoxLayout, QWidget, QPushButton]:
    row = QHBoxLayout()
    name = label("", "muted", wrap=True)
    name.setTextFormat(Qt.TextFormat.PlainText)
    button = QPushButton(owner)
    row.addWidget(name, 1)
    row.addWidget(button)
    return row, name, button


class BackupSource(QObject):
    changed = Signal()
    submitted = Signal()  # Return in the secret field

    def __init__(self, owner: QWidget, form: QFormLayout) -> None:
        super().__init__(owner)
        self.owner = owner
        self.bundle: Path | None = None
        self.identity: Path | None = None
        self.identity_mode = False
        row, self.bundle_name, self.bundle_choose = _file_row(owner)
        self.bundle_choose.clicked.connect(self.choose_bundle)
        self.bundle_label = label("", wrap=False)
        form.addRow(self.bundle_label, row)
        self.bundle_error = label("", "error")
        form.addRow(self.bundle_error)
        self.secret_label = label("", wrap=False)
        self.secret = PassphraseLineEdit(owner)
        self.secret.textEdited.connect(self._edited)
        self.secret.returnPressed.connect(self.submitted)
        self.secret_label.setBuddy(self.secret)
        form.addRow(self.secret_label, self.secret)
        self.caps = label("", "warning")
        self.secret.capsLockChanged.connect(self.caps.setVisible)
        form.addRow(self.caps)
        row, self.identity_name, self.identity_choose = _file_row(owner)
        self.identity_choose.clicked.connect(self.choose_identity)
        self.identity_label = label("", wrap=False)
        form.addRow(self.identity_label, row)
        self._identity_row = (self.identity_label, self.identity_name, self.identity_choose)
        self.key_error = label("", "error")
        form.addRow(self.key_error)
        self.mode_button = QPushButton(owner)
        theme.set_flag(self.mode_button, "flat")
        self.mode_button.clicked.connect(self.toggle_mode)
        form.addRow(self.mode_button)
        self.reset()

    def retranslate(self) -> None:
        self.bundle_label.setText(self.tr("Backup file"))
        self.bundle_choose.setText(self.tr("Choose…"))
        self.bundle_choose.setAccessibleName(self.tr("Choose the backup file"))
        self.secret_label.setText(self.tr("Backup &passphrase or recovery code"))
        self.secret.setAccessibleName(self.tr("Backup passphrase or recovery code"))
        self.secret.set_toggle_texts(self.tr("Show passphrase"), self.tr("Hide passphrase"))
        self.caps.setText(self.tr("Caps Lock seems to be on."))
        self.identity_label.setText(self.tr("Identity file"))
        self.identity_choose.setText(self.tr("Choose…"))
        self.identity_choose.setAccessibleName(self.tr("Choose the identity file"))
        self._show_names()
        self._apply_mode()

    def reset(self) -> None:
        self.bundle = self.identity = None
        self.identity_mode = False
        self.secret.forget()
        for line in (self.bundle_error, self.key_error, self.caps):
            line.hide()
        self._show_names()
        self._apply_mode()

    # ---- choices --------------------------------------------------------------------
    def choose_bundle(self) -> None:
        chosen = choose_file(
            self.owner, self.tr("Choose the backup file"),
            self.tr("Tumar backups (*.tumar-bundle);;All files (*)"),
        )  # fmt: skip
        if chosen:
            self.set_bundle(Path(chosen))

    def set_bundle(self, path: Path) -> None:
        self.bundle = Path(path)
        self.bundle_error.hide()
        self.key_error.hide()
        self._show_names()
        self.changed.emit()

    def choose_identity(self) -> None:
        chosen = choose_file(self.owner, self.tr("Choose the identity file"))
        if chosen:
            self.set_identity(Path(chosen))

    def set_identity(self, path: Path) -> None:
        self.identity = Path(path)
        self.key_error.hide()
        self._show_names()
        self.changed.emit()

    def toggle_mode(self) -> None:
        self.identity_mode = not self.identity_mode
        self.secret.forget()
        self.key_error.hide()
        self._apply_mode()
        (self.identity_choose if self.identity_mode else self.secret).setFocus()
        self.changed.emit()

    def _apply_mode(self) -> None:
        for widget in (self.secret_label, self.secret):
            widget.setVisible(not self.identity_mode)
        for widget in self._identity_row:
            widget.setVisible(self.identity_mode)
        if self.identity_mode:
            self.caps.hide()
        self.mode_button.setText(
            self.tr("Use a passphrase or recovery code instead")
            if self.identity_mode
            else self.tr("Use an identity file instead")
        )

    def _show_names(self) -> None:
        none = self.tr("No file chosen")
        self.bundle_name.setText(self.bundle.name if self.bundle else none)
        self.identity_name.setText(self.identity.name if self.identity else none)

    def _edited(self, _text: str) -> None:
        self.key_error.hide()
        self.changed.emit()

    # ---- state ----------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        key = self.identity is not None if self.identity_mode else bool(self.secret.text())
        return self.bundle is not None and key

    def secret_for_job(self) -> bundle_io.Secret | str | None:
        """The identity file's secret, read now (a small file); or the typed text, turned
        into a secret on the worker; or None after showing why the file is unusable."""
        if not self.identity_mode:
            return self.secret.text()
        try:
            found = restore_inputs.read_identity_file(self.identity or Path())
        except InvalidInput:
            self.show_key_error(
                self.tr("This file holds no identity (a line starting AGE-SECRET-KEY-1). "
                        "Choose the identity file exported from the old laptop.")
            )  # fmt: skip
            return None
        return bundle_io.Secret(identities=found)

    def show_key_error(self, text: str) -> None:
        self.key_error.setText(text)
        self.key_error.show()
        target = self.identity_choose if self.identity_mode else self.secret
        target.setFocus()
        if not self.identity_mode:
            self.secret.selectAll()

    def show_bundle_error(self, text: str) -> None:
        self.bundle_error.setText(text)
        self.bundle_error.show()
        self.bundle_choose.setFocus()

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.bundle_choose, self.identity_choose, self.mode_button):
            widget.setEnabled(enabled)
        self.secret.setReadOnly(not enabled)

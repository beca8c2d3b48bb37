"""Settings: language, auto-lock minutes, and whether to remember recently opened archives
(off by default: the list of archive folders on this computer is itself revealing)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .fitting import FitsWrappedText
from .settings import MAX_LOCK_MINUTES, Settings
from .start.start_screen import LANGUAGE_NAMES


class SettingsDialog(FitsWrappedText, QDialog):
    language_changed = Signal(str)
    lock_minutes_changed = Signal(int)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 22, 24, 18)
        box.setSpacing(12)
        self.heading = QLabel(self)
        theme.set_role(self.heading, "heading")
        box.addWidget(self.heading)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language or "en"), 0))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, MAX_LOCK_MINUTES)
        self.minutes.setValue(settings.lock_minutes)
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.minutes_label = QLabel(self)
        self.minutes_label.setBuddy(self.minutes)
        form.addRow(self.language_label, self.language)
        form.addRow(self.minutes_label, self.minutes)
        box.addLayout(form)
        self.recent = QCheckBox(self)
        # never narrower than its text (a longer translation widens the dialog instead)
        self.recent.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.recent.setChecked(settings.remember_recent)
        box.addWidget(self.recent)
        self.recent_note = QLabel(self)
        self.recent_note.setWordWrap(True)
        theme.set_role(self.recent_note, "muted")
        box.addWidget(self.recent_note)
        self.privacy = QLabel(self)
        self.privacy.setWordWrap(True)
        # a comfortable reading width; not the dialog's own minimum, which would override
        # the layout's and let a longer translation be cut off
        self.privacy.setMinimumWidth(412)
        theme.set_role(self.privacy, "muted")
        box.addWidget(self.privacy)
        box.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        theme.set_flag(self.buttons.button(QDialogButtonBox.StandardButton.Ok), "primary")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        """Any language switch (settings, start screen, another catalogue) relabels this."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.heading.setText(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language"))
        self.minutes_label.setText(self.tr("&Lock after"))
        self.minutes.setSuffix(self.tr(" min idle"))
        self.recent.setText(self.tr("Remember recently opened archives on this computer"))
        self.recent_note.setText(
            self.tr(
                "Off by default: the list shows anyone using this computer where your "
                "archives are. Turning it off forgets the list."
            )
        )
        self.privacy.setText(
            self.tr(
                "Settings are stored unencrypted, so they never hold names, case titles, "
                "search text or passphrases."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def accept(self) -> None:
        language = self.language.currentData()
        minutes = self.minutes.value()
        old_language = self.settings.language or "en"
        old_minutes = self.settings.lock_minutes
        self.settings.language = language
        self.settings.lock_minutes = minutes
        self.settings.remember_recent = self.recent.isChecked()
        self.settings.sync()
        super().accept()
        if minutes != old_minutes:
            self.lock_minutes_changed.emit(minutes)
        if language != old_language:
            self.language_changed.emit(language)

"""The fields every new archive needs, shared by the create and restore screens so both
apply the same rules: a name and the folder it is kept in, and a passphrase typed twice
under a strength meter (zxcvbn in the UI language; weak or different keeps `ready` False)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_path
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from tumar.widgets.media.file_dialogs import choose_folder

from . import strength
from .common import PassphraseLineEdit, label

SUFFIX = ".tumar"


class ArchivePlace(QObject):
    """Archive name + "Kept in" folder (with Change…): the new archive is LOCATION/NAME.tumar."""

    changed = Signal()

    def __init__(self, owner: QWidget, form: QFormLayout) -> None:
        super().__init__(owner)
        self.owner = owner
        self.location = user_documents_path()
        self.name = QLineEdit(owner)
        self.name.textChanged.connect(self._changed)
        place = QHBoxLayout()
        self.place = label("", "muted", wrap=True)
        self.place.setTextFormat(Qt.TextFormat.PlainText)
        self.choose = QPushButton(owner)
        self.choose.clicked.connect(self.choose_location)
        place.addWidget(self.place, 1)
        place.addWidget(self.choose)
        self.name_label = label("", wrap=False)
        self.place_label = label("", wrap=False)
        form.addRow(self.name_label, self.name)
        form.addRow(self.place_label, place)
        self.name_label.setBuddy(self.name)

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Archive &name"))
        self.place_label.setText(self.tr("Kept in"))
        self.choose.setText(self.tr("Change…"))
        self.name.setAccessibleName(self.tr("Archive name"))
        self.choose.setAccessibleName(self.tr("Change where the archive is kept"))

    def default_name(self) -> str:
        return self.tr("My archive")

    def folder(self) -> Path:
        return self.location / f"{self.name.text().strip()}{SUFFIX}"

    @property
    def name_ok(self) -> bool:
        return bool(self.name.text().strip()) and "/" not in self.name.text()

    def choose_location(self) -> None:
        chosen = choose_folder(
            self.owner, self.tr("Where should the archive be kept?"), str(self.location)
        )
        if chosen:
            self.set_location(Path(chosen))

    def set_location(self, folder: Path) -> None:
        self.location = Path(folder)
        self._changed()

    def set_enabled(self, enabled: bool) -> None:
        self.name.setEnabled(enabled)
        self.choose.setEnabled(enabled)

    def _changed(self) -> None:
        self.place.setText(str(self.folder()))
        self.changed.emit()


class NewPassphrase(QObject):
    """The new passphrase twice, the strength meter with its level and advice, and the
    "not the same" line, added as rows of the owner's form."""

    changed = Signal()

    def __init__(self, owner: QWidget, form: QFormLayout) -> None:
        super().__init__(owner)
        self._rating = strength.rate("")
        self.first = PassphraseLineEdit(owner)
        self.second = PassphraseLineEdit(owner)
        for field in (self.first, self.second):
            field.textChanged.connect(self.update)
        self.meter = QProgressBar(owner)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.level = label("", "muted", wrap=False)
        self.advice = label("", "muted")
        self.match = label("", "error")
        self.first_label = label("", wrap=False)
        self.second_label = label("", wrap=False)
        form.addRow(self.first_label, self.first)
        meter_row = QHBoxLayout()
        meter_row.setSpacing(10)
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.level)
        form.addRow(meter_row)
        form.addRow(self.advice)
        form.addRow(self.second_label, self.second)
        form.addRow(self.match)
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)

    def retranslate(self) -> None:
        """The create screen's words; a screen with another passphrase on it relabels
        the two fields after calling this."""
        self.set_labels(self.tr("&Passphrase"), self.tr("&Repeat the passphrase"))
        for field in (self.first, self.second):
            field.set_toggle_texts(self.tr("Show passphrase"), self.tr("Hide passphrase"))
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.update()

    def set_labels(self, first: str, second: str) -> None:
        self.first_label.setText(first)
        self.second_label.setText(second)
        self.first.setAccessibleName(first.replace("&", ""))
        self.second.setAccessibleName(second.replace("&", ""))

    @property
    def ready(self) -> bool:
        """Strong enough and typed the same twice."""
        return self._rating.acceptable and self.second.text() == self.first.text()

    def text(self) -> str:
        return self.first.text()

    def update(self) -> None:
        rating = self._rating = strength.rate(self.first.text())
        self.meter.setValue(rating.score if self.first.text() else 0)
        self.meter.setProperty("strength", str(rating.score))
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        self.level.setText(rating.level)
        self.advice.setText(rating.advice)
        self.advice.setVisible(bool(rating.advice))
        mismatch = bool(self.second.text()) and self.second.text() != self.first.text()
        self.match.setText(self.tr("The two passphrases are not the same.") if mismatch else "")
        self.match.setVisible(mismatch)
        self.changed.emit()

    def set_enabled(self, enabled: bool) -> None:
        self.first.setEnabled(enabled)
        self.second.setEnabled(enabled)

    def forget(self) -> None:
        self.first.forget()
        self.second.forget()

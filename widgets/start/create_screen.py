"""Create an archive: where, a passphrase typed twice with a strength meter (zxcvbn, in the
UI language), then the slow key derivation on a worker thread. A weak passphrase or two
that differ keep Create disabled and say why."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_path
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from tumar.app import lifecycle
from tumar.app.jobs import CancelToken, Progress
from tumar.widgets.media.file_dialogs import choose_folder

from .. import theme
from ..jobs import JobRunner
from . import strength
from .common import PassphraseLineEdit, card_page, label

SUFFIX = ".tumar"


class CreateScreen(QWidget):
    created = Signal(object, str)  # UnlockedKey, recovery code
    back = Signal()

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._busy = False
        self.location = user_documents_path()
        box, _card = card_page(self, 520)
        self.title = label("", "title")
        self.intro = label("", "muted")
        box.addWidget(self.title)
        box.addWidget(self.intro)
        box.addSpacing(10)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        self.name = QLineEdit(self)
        self.name.textChanged.connect(self._update)
        place = QHBoxLayout()
        self.place = label("", "muted", wrap=True)
        self.place.setTextFormat(Qt.TextFormat.PlainText)
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self.choose_location)
        place.addWidget(self.place, 1)
        place.addWidget(self.choose)
        self.first = PassphraseLineEdit(self)
        self.second = PassphraseLineEdit(self)
        for field in (self.first, self.second):
            field.textChanged.connect(self._update)
        self.second.returnPressed.connect(self.create)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.level = label("", "muted", wrap=False)
        self.advice = label("", "muted")
        self.match = label("", "error")
        self.error = label("", "error")
        self.name_label = label("", wrap=False)
        self.place_label = label("", wrap=False)
        self.first_label = label("", wrap=False)
        self.second_label = label("", wrap=False)
        form.addRow(self.name_label, self.name)
        form.addRow(self.place_label, place)
        form.addRow(self.first_label, self.first)
        meter_row = QHBoxLayout()
        meter_row.setSpacing(10)
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.level)
        form.addRow(meter_row)
        form.addRow(self.advice)
        form.addRow(self.second_label, self.second)
        form.addRow(self.match)
        box.addLayout(form)
        self.name_label.setBuddy(self.name)
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        box.addWidget(self.error)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        box.addWidget(self.busy)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self._go_back)
        self.create_button = QPushButton(self)
        theme.set_flag(self.create_button, "primary")
        self.create_button.clicked.connect(self.create)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        box.addLayout(buttons)
        for a, b in ((self.name, self.choose), (self.choose, self.first),
                     (self.first, self.second), (self.second, self.create_button),
                     (self.create_button, self.back_button)):  # fmt: skip
            self.setTabOrder(a, b)
        self.retranslate()
        self.reset()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Create an archive"))
        self.intro.setText(
            self.tr(
                "Everything you put in it is encrypted with your passphrase. Choose one you "
                "can remember and nobody can guess: several unrelated words work well."
            )
        )
        self.name_label.setText(self.tr("Archive &name"))
        self.place_label.setText(self.tr("Kept in"))
        self.choose.setText(self.tr("Change…"))
        self.first_label.setText(self.tr("&Passphrase"))
        self.second_label.setText(self.tr("&Repeat the passphrase"))
        for field in (self.first, self.second):
            field.set_toggle_texts(self.tr("Show passphrase"), self.tr("Hide passphrase"))
        self.back_button.setText(self.tr("Back"))
        self.name.setAccessibleName(self.tr("Archive name"))
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.choose.setAccessibleName(self.tr("Change where the archive is kept"))
        self._update()

    def reset(self) -> None:
        self.name.setText(self.tr("My archive"))
        self.first.forget()
        self.second.forget()
        self.error.hide()
        self._update()

    def folder(self) -> Path:
        return self.location / f"{self.name.text().strip()}{SUFFIX}"

    def choose_location(self) -> None:
        chosen = choose_folder(
            self, self.tr("Where should the archive be kept?"), str(self.location)
        )
        if chosen:
            self.set_location(Path(chosen))

    def set_location(self, folder: Path) -> None:
        self.location = Path(folder)
        self._update()

    # ---- validation -----------------------------------------------------------------
    def _update(self) -> None:
        self.place.setText(str(self.folder()))
        rating = strength.rate(self.first.text())
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
        name_ok = bool(self.name.text().strip()) and "/" not in self.name.text()
        ready = rating.acceptable and self.second.text() == self.first.text() and name_ok
        self.create_button.setEnabled(ready and not self._busy)
        self.create_button.setText(
            self.tr("Creating…") if self._busy else self.tr("Create archive")
        )

    @property
    def can_create(self) -> bool:
        return self.create_button.isEnabled()

    def _go_back(self) -> None:
        self.first.forget()
        self.second.forget()
        self.back.emit()

    # ---- creating -------------------------------------------------------------------
    def create(self) -> None:
        if not self.can_create:
            return
        folder, passphrase = self.folder(), self.first.text()
        self._busy = True
        self.busy.show()
        self.error.hide()
        for widget in (self.name, self.first, self.second, self.choose, self.back_button):
            widget.setEnabled(False)
        self._update()

        def job(progress: Progress, cancel: CancelToken) -> tuple[lifecycle.UnlockedKey, str]:
            return lifecycle.create_key(folder, passphrase)

        self.runner.run(job, title=self.tr("Creating the archive"), on_done=self._created,
                        on_error=self._failed)  # fmt: skip

    def _finish(self) -> None:
        self._busy = False
        self.busy.hide()
        for widget in (self.name, self.first, self.second, self.choose, self.back_button):
            widget.setEnabled(True)
        self._update()

    def _created(self, result: tuple[lifecycle.UnlockedKey, str]) -> None:
        self._finish()
        self.first.forget()
        self.second.forget()
        key, code = result
        self.created.emit(key, code)

    def _failed(self, message: str) -> None:
        self._finish()
        self.error.setText(message)
        self.error.show()
        self.name.setFocus()

"""Create an archive: where, a passphrase typed twice with a strength meter (zxcvbn, in the
UI language), then the slow key derivation on a worker thread. A weak passphrase or two
that differ keep Create disabled and say why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QProgressBar, QPushButton, QWidget

from tumar.app import lifecycle
from tumar.app.jobs import CancelToken, Progress

from .. import theme
from ..jobs import JobRunner
from .common import card_page, label
from .new_archive import ArchivePlace, NewPassphrase


class CreateScreen(QWidget):
    created = Signal(object, str)  # UnlockedKey, recovery code
    back = Signal()

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._busy = False
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
        self.where = ArchivePlace(self, form)
        self.pair = NewPassphrase(self, form)
        self.where.changed.connect(self._update)
        self.pair.changed.connect(self._update)
        # the pieces by their old names (tests and tab order use them)
        self.name, self.choose, self.place = self.where.name, self.where.choose, self.where.place
        self.first, self.second = self.pair.first, self.pair.second
        self.meter, self.level = self.pair.meter, self.pair.level
        self.advice, self.match = self.pair.advice, self.pair.match
        self.second.returnPressed.connect(self.create)
        self.error = label("", "error")
        box.addLayout(form)
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
        self.where.retranslate()
        self.pair.retranslate()
        self.back_button.setText(self.tr("Back"))
        self._update()

    def reset(self) -> None:
        self.name.setText(self.where.default_name())
        self.pair.forget()
        self.error.hide()
        self._update()

    def folder(self) -> Path:
        return self.where.folder()

    @property
    def location(self) -> Path:
        return self.where.location

    def set_location(self, folder: Path) -> None:
        self.where.set_location(folder)

    # ---- validation -----------------------------------------------------------------
    def _update(self) -> None:
        ready = self.pair.ready and self.where.name_ok
        self.create_button.setEnabled(ready and not self._busy)
        self.create_button.setText(
            self.tr("Creating…") if self._busy else self.tr("Create archive")
        )

    @property
    def can_create(self) -> bool:
        return self.create_button.isEnabled()

    def _go_back(self) -> None:
        self.pair.forget()
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

    def idle(self) -> None:
        """Out of the busy state without a result (the job was dropped on Panic)."""
        self._finish()

    def _finish(self) -> None:
        self._busy = False
        self.busy.hide()
        for widget in (self.name, self.first, self.second, self.choose, self.back_button):
            widget.setEnabled(True)
        self._update()

    def _created(self, result: tuple[lifecycle.UnlockedKey, str]) -> None:
        self._finish()
        self.pair.forget()
        key, code = result
        self.created.emit(key, code)

    def _failed(self, message: str) -> None:
        self._finish()
        self.error.setText(message)
        self.error.show()
        self.name.setFocus()

"""An uncertain-date field: EDTF text with a live reading in words under it.

`2019-10?` → "October 2019 (uncertain)", `2019~` → "about 2019". An invalid date says
so in the same line, before the user presses Save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from tumar.app import dates
from tumar.storage.errors import InvalidInput

from .base import hint_label
from .retranslate import Retranslating


def ui_language() -> str:
    """The language of the installed pages catalogue: each .qm "translates" this code into
    its own, so dates are read in the language the labels are in."""
    code = QCoreApplication.translate("Language", "en")
    return code if code in ("en", "ru", "kk") else "en"


class DateField(Retranslating, QWidget):
    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.reading: QLabel = hint_label()
        self.bind(
            self.edit.setPlaceholderText,
            lambda: self.tr("e.g. 2019-10?  ·  2019~  ·  2013-03/2017-11"),
        )
        self.bind(lambda _none: self.update_reading(), lambda: None)  # dates read in words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.reading)
        self.edit.textChanged.connect(self._changed)
        self.setFocusProxy(self.edit)

    def _changed(self, text: str) -> None:
        self.update_reading()
        self.textChanged.emit(text)

    def update_reading(self) -> None:
        text = self.edit.text()
        if not text.strip():
            self.reading.clear()
            return
        try:
            self.reading.setText(dates.reading(text, ui_language()))
        except InvalidInput:
            self.reading.setText(self.tr("Not a date Tumar understands yet"))

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str | None) -> None:
        self.edit.setText(text or "")

    def value(self) -> str | None:
        """The date, or None when empty; raises InvalidInput when not valid EDTF."""
        text = self.text()
        if not text:
            return None
        return dates.check(text)[0]

    def clear(self) -> None:
        self.edit.clear()

"""The first screen: what Tumar is, and three ways in — open, create, or try the demo.
Recently opened archives appear only if the user turned that on in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tumar.widgets.media.file_dialogs import choose_folder

from .. import theme
from .common import card_page, label

LANGUAGE_NAMES = (("en", "English"), ("ru", "Русский"), ("kk", "Қазақша"))


class StartScreen(QWidget):
    open_requested = Signal(object)  # Path of a folder to unlock
    create_requested = Signal()
    demo_requested = Signal()
    restore_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recent: list[Path] = []
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        corner = QHBoxLayout()
        corner.setContentsMargins(16, 12, 16, 0)
        corner.addStretch(1)
        self.language = QComboBox(self)
        self.language.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(theme.icon("languages", "muted"), name, code)
        self.language.activated.connect(
            lambda index: self.language_chosen.emit(self.language.itemData(index))
        )
        corner.addWidget(self.language)
        root.addLayout(corner)
        body = QWidget(self)
        root.addWidget(body, 1)
        box, _card = card_page(body)
        brand = QHBoxLayout()
        mark = QLabel(self)
        mark.setPixmap(theme.icon("archive", "accent").pixmap(44, 44))
        brand.addWidget(mark)
        self.name = label("Tumar", "title", wrap=False)
        brand.addWidget(self.name, 1)
        box.addLayout(brand)
        self.tagline = label("", "muted")
        box.addWidget(self.tagline)
        box.addSpacing(16)
        self.open_button = self._big_button("folder-open")
        self.open_button.clicked.connect(self.choose_folder)
        self.create_button = self._big_button("folder-plus")
        self.create_button.clicked.connect(self.create_requested)
        self.demo_button = self._big_button("sparkles")
        self.demo_button.clicked.connect(self.demo_requested)
        for button in (self.open_button, self.create_button, self.demo_button):
            box.addWidget(button)
        self.restore_button = QPushButton(self)  # quiet: the three above are the main ways in
        theme.set_flag(self.restore_button, "flat")
        self.restore_button.setIcon(theme.icon("history", "accent"))
        self.restore_button.clicked.connect(self.restore_requested)
        box.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.error = label("", "error")
        self.error.hide()
        box.addWidget(self.error)
        self.recent_title = label("", "muted", wrap=False)
        box.addSpacing(8)
        box.addWidget(self.recent_title)
        self.recent_box = QVBoxLayout()
        self.recent_box.setSpacing(0)
        box.addLayout(self.recent_box)
        box.addSpacing(12)
        self.footer = label("", "muted")
        box.addWidget(self.footer)
        self.setTabOrder(self.open_button, self.create_button)
        self.setTabOrder(self.create_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.restore_button)
        self.setTabOrder(self.restore_button, self.language)
        self.retranslate()

    def _big_button(self, icon_name: str) -> QPushButton:
        button = QPushButton(self)
        theme.set_flag(button, "big")
        button.setIcon(theme.icon(icon_name, "accent"))
        button.setIconSize(QSize(22, 22))
        return button

    def retranslate(self) -> None:
        self.tagline.setText(
            self.tr(
                "An encrypted archive for testimonies, photos and case notes. "
                "It works offline; nothing leaves this computer unless you export it."
            )
        )
        self.open_button.setText(self.tr("Open an archive…"))
        self.create_button.setText(self.tr("Create a new archive…"))
        self.demo_button.setText(self.tr("Try the demo archive"))
        self.open_button.setToolTip(self.tr("Unlock an archive folder on this computer"))
        self.demo_button.setToolTip(self.tr("Public example data to explore safely"))
        self.restore_button.setText(self.tr("Restore from a backup…"))
        self.restore_button.setToolTip(
            self.tr("A new laptop joins, or a lost one is replaced: a backup becomes a new archive")
        )
        self.language.setAccessibleName(self.tr("Language"))
        self.recent_title.setText(self.tr("Recently opened"))
        self.footer.setText(
            self.tr("Lost the passphrase? Open the archive with your recovery code.")
        )
        self.set_recent(self._recent)

    def set_language(self, code: str) -> None:
        index = self.language.findData(code or "en")
        self.language.setCurrentIndex(max(index, 0))

    def set_recent(self, folders: list[Path]) -> None:
        """Shown only when the user opted in (an empty list otherwise)."""
        self._recent = list(folders)
        while self.recent_box.count():
            item = self.recent_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for folder in self._recent:
            button = QPushButton(folder.name, self)
            theme.set_flag(button, "flat")
            button.setIcon(theme.icon("folder", "muted"))
            button.setToolTip(str(folder))
            button.clicked.connect(lambda _c=False, f=folder: self.open_requested.emit(f))
            self.recent_box.addWidget(button)
        self.recent_title.setVisible(bool(self._recent))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def choose_folder(self) -> None:
        chosen = choose_folder(self, self.tr("Choose the archive folder"))
        if chosen:
            self.open_requested.emit(Path(chosen))

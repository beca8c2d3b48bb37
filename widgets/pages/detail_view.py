"""The read-only detail of a record: a row of actions over rich text with links.

Links inside the text (a case's people, a testimony's witness) use the `tumar:` scheme and
become Page.navigate; nothing is ever opened outside the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from . import rich


class DetailView(QWidget):
    link_clicked = Signal(str, str)  # kind, id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.document().setDocumentMargin(14)
        self._actions: list[tuple[QPushButton | QAction, Callable[[], str]]] = []
        self.more_button: QPushButton | None = None  # made with the first secondary action
        self.actions_row = QHBoxLayout()
        self.actions_row.setContentsMargins(14, 0, 0, 0)
        self.actions_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.browser, 1)

    def add_action(self, text: Callable[[], str], slot: Callable[[], None]) -> QPushButton:
        """`text` is called again when the UI language changes."""
        button = QPushButton(text())
        self._actions.append((button, text))
        button.clicked.connect(slot)
        index = self.actions_row.indexOf(self.more_button) if self.more_button else -1
        self.actions_row.insertWidget(index if index >= 0 else self.actions_row.count() - 1, button)
        return button

    def add_more_action(self, text: Callable[[], str], slot: Callable[[], None]) -> QAction:
        """A secondary action in the "More" menu at the end of the row: a row of buttons
        that outgrows the pane (in a longer language above all) squeezes the list beside it
        and clips its own labels."""
        if self.more_button is None:
            self.more_button = QPushButton()
            self.more_button.setMenu(QMenu(self.more_button))
            self._actions.append((self.more_button, lambda: self.tr("More")))
            self.more_button.setText(self.tr("More"))
            self.actions_row.insertWidget(self.actions_row.count() - 1, self.more_button)
        action = self.more_button.menu().addAction(text())
        action.triggered.connect(slot)
        self._actions.append((action, text))
        return action

    def retranslate(self) -> None:
        for button, text in self._actions:
            button.setText(text())

    def set_html(self, body: str) -> None:
        self.browser.setHtml(rich.style() + body)

    def clear(self) -> None:
        self.browser.clear()

    def text(self) -> str:
        return self.browser.toPlainText()

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() != "tumar":
            return
        kind, _, record_id = url.path().partition("/")
        if kind and record_id:
            self.link_clicked.emit(kind, record_id)

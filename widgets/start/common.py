"""Pieces shared by the start, create and unlock screens: a centred card and a passphrase
field with show/hide and a Caps Lock hint."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .. import theme

CARD_WIDTH = 480


def card_page(parent: QWidget, card_width: int = CARD_WIDTH) -> tuple[QVBoxLayout, QFrame]:
    """Lay `parent` out as a quiet background with one centred card; returns the card's
    layout (for the content) and the card frame."""
    outer = QVBoxLayout(parent)
    outer.setContentsMargins(24, 24, 24, 24)
    row = QHBoxLayout()
    card = QFrame(parent)
    card.setObjectName("card")
    card.setMinimumWidth(min(card_width, 420))
    card.setMaximumWidth(card_width + 160)  # room for translations 40 % longer
    inner = QVBoxLayout(card)
    inner.setContentsMargins(36, 32, 36, 32)
    inner.setSpacing(10)
    row.addStretch(1)
    row.addWidget(card, 4)
    row.addStretch(1)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return inner, card


def label(text: str, role: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        theme.set_role(widget, role)
    return widget


class PassphraseLineEdit(QLineEdit):
    """A password field that tells when Caps Lock seems to be on (a capital typed without
    Shift, or a small letter with it) — Qt has no portable Caps Lock query."""

    capsLockChanged = Signal(bool)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._caps = False
        self._toggle = QAction(theme.icon("eye", "muted"), "", self)
        self._toggle.triggered.connect(self.toggle_visible)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self._update_toggle()

    def set_toggle_texts(self, show: str, hide: str) -> None:
        self._show_text, self._hide_text = show, hide
        self._update_toggle()

    def toggle_visible(self) -> None:
        visible = self.echoMode() == QLineEdit.EchoMode.Normal
        self.setEchoMode(QLineEdit.EchoMode.Password if visible else QLineEdit.EchoMode.Normal)
        self._update_toggle()

    def _update_toggle(self) -> None:
        visible = self.echoMode() == QLineEdit.EchoMode.Normal
        self._toggle.setIcon(theme.icon("eye-off" if visible else "eye", "muted"))
        text = getattr(self, "_hide_text" if visible else "_show_text", "")
        self._toggle.setToolTip(text)
        self._toggle.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        text = event.text()
        if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            caps = text.isupper() != shift
            if caps != self._caps:
                self._caps = caps
                self.capsLockChanged.emit(caps)
        super().keyPressEvent(event)

    def forget(self) -> None:
        """Drop the typed secret from the widget (Python strings cannot be wiped, but the
        field no longer holds a reference)."""
        self.clear()
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._update_toggle()

"""The page protocol shared with the shell (see GUI_CONTRACT.md): what every page does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from tumar.widgets.session import Session


class Page(QWidget):
    """One section of the main window. Defaults suit a page that only shows things."""

    navigate = Signal(str, str)  # kind, record id: the shell shows that record

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The UI language changed: pages re-set their labels, then redraw what they show."""
        if self.session.is_open and not self.has_unsaved_changes():
            self.refresh()

    def refresh(self) -> None:
        """Reload from the archive (after unlock and whenever Session.changed fires)."""

    def clear(self) -> None:
        """On lock: drop every model, field and pixmap that shows archive content."""

    def has_unsaved_changes(self) -> bool:
        return False

    def discard_changes(self) -> None:
        """Throw away an edit in progress."""

    def save_changes(self) -> bool:
        return True

    def count(self) -> int | None:
        return None

    def show_record(self, kind: str, record_id: str) -> None:
        """Select and show the record (kind as in navigate)."""

    def add_new(self, kind: str) -> None:
        """Start adding a record of `kind` (the shell's Add menu)."""


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]  # translated at call time
    icon: str  # file name in resources/icons
    factory: Callable[[Session, QWidget | None], Page]

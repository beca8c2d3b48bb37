"""Stand-in pages used until the real ones (widgets/pages, built alongside) are present:
the shell's navigation, locking and tests work without them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from . import theme

_SECTIONS = (
    ("cases", QT_TRANSLATE_NOOP("Sections", "Cases"), "folder.svg"),
    ("people", QT_TRANSLATE_NOOP("Sections", "People"), "users.svg"),
    ("testimonies", QT_TRANSLATE_NOOP("Sections", "Testimonies"), "message-square-quote.svg"),
    ("media", QT_TRANSLATE_NOOP("Sections", "Media"), "image.svg"),
    ("timeline", QT_TRANSLATE_NOOP("Sections", "Timeline"), "calendar-range.svg"),
    ("deadlines", QT_TRANSLATE_NOOP("Sections", "Deadlines"), "alarm-clock.svg"),
    ("search", QT_TRANSLATE_NOOP("Sections", "Search"), "search.svg"),
    ("duplicates", QT_TRANSLATE_NOOP("Sections", "Duplicates"), "users-round.svg"),
)


@dataclass(frozen=True)
class Spec:
    key: str
    title: Callable[[], str]
    icon: str
    factory: Callable[[Any, QWidget | None], QWidget]


class PlaceholderPage(QWidget):
    """Shows the section's name and that it is coming; holds no archive data."""

    navigate = Signal(str, str)

    def __init__(self, session: Any, title: str, icon: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        box = QVBoxLayout(self)
        box.addStretch(1)
        mark = QLabel(self)
        mark.setPixmap(theme.icon(icon, "muted").pixmap(48, 48))
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title, self)
        theme.set_role(heading, "heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(self.tr("This section is not available in this version yet."), self)
        theme.set_role(note, "muted")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (mark, heading, note):
            box.addWidget(widget)
        box.addStretch(2)

    def refresh(self) -> None: ...
    def clear(self) -> None: ...
    def has_unsaved_changes(self) -> bool:
        return False

    def discard_changes(self) -> None: ...
    def save_changes(self) -> bool:
        return True

    def count(self) -> int | None:
        return None

    def show_record(self, kind: str, record_id: str) -> None: ...
    def add_new(self, kind: str) -> None: ...
    def focus_search(self, text: str = "") -> None: ...


def _spec(key: str, title: str, icon: str) -> Spec:
    def translated() -> str:
        return QCoreApplication.translate("Sections", title)

    def make(session: Any, parent: QWidget | None = None) -> QWidget:
        return PlaceholderPage(session, translated(), icon, parent)

    return Spec(key, translated, icon, make)


PLACEHOLDER_PAGES = [_spec(*section) for section in _SECTIONS]

KIND_PAGE = {"case": "cases", "person": "people", "testimony": "testimonies", "media": "media",
             "event": "timeline", "note": "cases"}  # fmt: skip


def page_specs() -> list[Any]:
    """The real PAGES when widgets/pages provides them, else the placeholders."""
    try:
        from tumar.widgets import pages
    except ImportError:
        return PLACEHOLDER_PAGES
    return list(getattr(pages, "PAGES", None) or PLACEHOLDER_PAGES)


def page_for_kind(kind: str) -> str | None:
    try:
        from tumar.widgets import pages

        found = pages.page_for_kind(kind)
    except (ImportError, AttributeError):
        found = None
    return found or KIND_PAGE.get(kind)

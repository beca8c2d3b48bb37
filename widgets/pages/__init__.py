"""The window's pages, in navigation order (the shell builds its sidebar from PAGES).

Factories import their page module only when called, so importing this package is cheap
and a page module may import others without cycles.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from .page import Page, PageSpec

if TYPE_CHECKING:
    from tumar.widgets.session import Session

__all__ = ["PAGES", "Page", "PageSpec", "page_for_kind"]


def _tr(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("Pages", text)


def _factory(module: str, cls: str) -> Callable[[Session, QWidget | None], Page]:
    def make(session: Session, parent: QWidget | None = None) -> Page:
        page_cls = getattr(importlib.import_module(f"{__name__}.{module}"), cls)
        return page_cls(session, parent)

    return make


PAGES: list[PageSpec] = [
    PageSpec(
        "cases",
        _tr(QT_TRANSLATE_NOOP("Pages", "Cases")),
        "folder.svg",
        _factory("cases", "CasesPage"),
    ),
    PageSpec(
        "people",
        _tr(QT_TRANSLATE_NOOP("Pages", "People")),
        "users.svg",
        _factory("people", "PeoplePage"),
    ),
    PageSpec(
        "testimonies",
        _tr(QT_TRANSLATE_NOOP("Pages", "Testimonies")),
        "message-square-quote.svg",
        _factory("testimonies", "TestimoniesPage"),
    ),  # fmt: skip
    PageSpec(
        "media",
        _tr(QT_TRANSLATE_NOOP("Pages", "Media")),
        "image.svg",
        _factory("media", "MediaPage"),
    ),
    PageSpec(
        "timeline",
        _tr(QT_TRANSLATE_NOOP("Pages", "Timeline")),
        "calendar-range.svg",
        _factory("timeline", "TimelinePage"),
    ),
    PageSpec(
        "deadlines",
        _tr(QT_TRANSLATE_NOOP("Pages", "Deadlines")),
        "alarm-clock.svg",
        _factory("deadlines", "DeadlinesPage"),
    ),
    PageSpec(
        "search",
        _tr(QT_TRANSLATE_NOOP("Pages", "Search")),
        "search.svg",
        _factory("search", "SearchPage"),
    ),
    PageSpec(
        "duplicates",
        _tr(QT_TRANSLATE_NOOP("Pages", "Duplicates")),
        "users-round.svg",
        _factory("duplicates", "DuplicatesPage"),
    ),  # fmt: skip
]

#: record kind (as in Page.navigate) -> the key of the page that shows it
KIND_PAGE = {
    "case": "cases",
    "person": "people",
    "testimony": "testimonies",
    "media": "media",
    "event": "cases",  # events are edited in their case; the Timeline page only draws them
    "note": "cases",
}


def page_for_kind(kind: str) -> str | None:
    return KIND_PAGE.get(kind)

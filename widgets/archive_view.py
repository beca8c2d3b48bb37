"""The unlocked archive: a navigation column built from PAGES and the pages beside it.

The shell owns only the frame: which page shows, the count badges, refresh after writes,
Save / Discard / Stay when leaving a page with unsaved changes, and clearing every page on
lock. What a page shows is the page's business (widgets/pages).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .placeholders import page_for_kind, page_specs
from .session import Session

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
NAV_WIDTH = 232


class _NavDelegate(QStyledItemDelegate):
    """Draws a count as a small pill at the right of a navigation entry."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if not count:
            return
        text = str(count)
        metrics = option.fontMetrics
        width = max(metrics.horizontalAdvance(text) + 12, 22)
        rect = QRect(option.rect.right() - width - 14, option.rect.center().y() - 9, width, 18)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.colour("accent")))
        painter.drawRoundedRect(rect, 9, 9)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 30, max(hint.height(), 34))


class ArchiveView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.specs = page_specs()
        self.pages: dict[str, Any] = {}
        self._dirty: set[str] = set()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        pane = QFrame(self)
        pane.setObjectName("navpane")
        pane.setFixedWidth(NAV_WIDTH)
        pane_box = QVBoxLayout(pane)
        pane_box.setContentsMargins(0, 10, 0, 10)
        self.nav = QListWidget(pane)
        self.nav.setObjectName("nav")
        self.nav.setItemDelegate(_NavDelegate(self.nav))
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        pane_box.addWidget(self.nav)
        self.stack = QStackedWidget(self)
        row.addWidget(pane)
        row.addWidget(self.stack, 1)
        for spec in self.specs:
            page = spec.factory(session, self.stack)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(theme.icon(spec.icon), "", self.nav)
            item.setData(KEY_ROLE, spec.key)
            navigate = getattr(page, "navigate", None)
            if navigate is not None:
                navigate.connect(self.navigate)
        self.retranslate()
        self._current_row = 0
        self.nav.setCurrentRow(0)
        self.nav.currentRowChanged.connect(self._row_changed)
        session.changed.connect(self.on_changed)

    def retranslate(self) -> None:
        for row, spec in enumerate(self.specs):
            item = self.nav.item(row)
            item.setText(spec.title())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spec.title())
        self.nav.setAccessibleName(self.tr("Sections"))

    # ---- pages ----------------------------------------------------------------------
    def current_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(KEY_ROLE) if item is not None else ""

    def current_page(self) -> Any:
        return self.pages.get(self.current_key())

    def refresh_all(self) -> None:
        """After unlock: every page loads once, then the badges are counted."""
        for page in self.pages.values():
            page.refresh()
        self._dirty.clear()
        self.update_counts()

    def on_changed(self, kind: str) -> None:
        """A write happened: the visible page reloads now, the others when next shown."""
        self._dirty = set(self.pages)
        key = self.current_key()
        if key in self.pages:
            self.pages[key].refresh()
            self._dirty.discard(key)
        self.update_counts()

    def update_counts(self) -> None:
        for row, spec in enumerate(self.specs):
            page = self.pages[spec.key]
            counter = getattr(page, "count", None)
            value = counter() if callable(counter) else None
            self.nav.item(row).setData(COUNT_ROLE, value or None)

    def show_page(self, key: str) -> bool:
        """Switch to the page `key` (asking about unsaved changes first)."""
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                if row != self.nav.currentRow():
                    self.nav.setCurrentRow(row)
                return self.nav.currentRow() == row
        return False

    def _row_changed(self, row: int) -> None:
        if row == self._current_row or row < 0:
            return
        leaving = self.pages[self.specs[self._current_row].key]
        if not self.resolve_unsaved(leaving):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._current_row)
            self.nav.blockSignals(False)
            return
        self._current_row = row
        key = self.specs[row].key
        self.stack.setCurrentWidget(self.pages[key])
        if key in self._dirty:
            self.pages[key].refresh()
            self._dirty.discard(key)

    def resolve_unsaved(self, page: Any) -> bool:
        """Save / Discard / Stay for a page with unsaved changes; True when it may be left."""
        if not page.has_unsaved_changes():
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("This page has changes that are not saved yet."))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Stay"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.exec()
        if box.clickedButton() is save:
            return bool(page.save_changes())
        if box.clickedButton() is discard:
            page.discard_changes()
            return True
        return False

    def has_unsaved_changes(self) -> bool:
        return any(page.has_unsaved_changes() for page in self.pages.values())

    # ---- routing from the toolbar and between pages ------------------------------------
    def navigate(self, kind: str, record_id: str) -> None:
        key = page_for_kind(kind)
        if key and self.show_page(key):
            self.pages[key].show_record(kind, record_id)

    def add_new(self, kind: str) -> None:
        key = page_for_kind(kind)
        if key and self.show_page(key):
            self.pages[key].add_new(kind)

    def focus_search(self, text: str = "") -> None:
        if self.show_page("search"):
            focus = getattr(self.pages["search"], "focus_search", None)
            if callable(focus):
                focus(text)

    # ---- lock -----------------------------------------------------------------------
    def clear_all(self) -> None:
        """Drop unsaved edits and everything shown; the view is deleted right after."""
        for page in self.pages.values():
            page.discard_changes()
            page.clear()
        self.nav.clear()

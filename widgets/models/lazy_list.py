"""A list model that asks for rows a page at a time, as the view scrolls.

Why: 100,000 testimonies must open at once and scroll smoothly. Qt calls canFetchMore /
fetchMore when the view nears the end of what it has; each call reads one keyset page
(app.browse), so opening a list reads one page, however long the list is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from tumar.app.browse import Cursor, ListRow, cursor_after

from .text import alignment

Index = QModelIndex | QPersistentModelIndex
FetchPage = Callable[[Cursor | None, int], list[ListRow]]
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class LazyListModel(QAbstractListModel):
    """Rows of `ListRow`; `fetch(after, limit)` gives the page after a cursor."""

    def __init__(self, fetch: FetchPage | None = None, page_size: int = 200, parent=None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.page_size = page_size
        self._rows: list[ListRow] = []
        self._exhausted = fetch is None
        self.pages_fetched = 0
        self.error: Callable[[str], None] | None = None

    # ---- loading --------------------------------------------------------------------
    def reset(self, fetch: FetchPage | None) -> None:
        """Forget every row and start again from the first page (on filter, sort, refresh)."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = []
        self._exhausted = fetch is None
        self.pages_fetched = 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.reset(None)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        after = cursor_after(self._rows[-1]) if self._rows else None
        try:
            page = self._fetch(after, self.page_size)
        except Exception as exc:  # noqa: BLE001 - a closed archive must not crash a view
            self._exhausted = True
            if self.error is not None:
                self.error(str(exc))
            return
        self.pages_fetched += 1
        if len(page) < self.page_size:
            self._exhausted = True
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # ---- reading --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> ListRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}. {row.subtitle}" if row.subtitle else row.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(row.title)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        return None

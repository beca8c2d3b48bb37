"""Choosers for linked records (a person, a case) that stay usable at 100,000 records.

An editable combo that searches as you type: each pause in typing asks the paged list
service for the first SEARCH_LIMIT records whose name contains the text, and offers only
those. Why not load them all: an archive of 100k people would take seconds to fill and
hold every name in memory; the service query reads one small page. A record chosen
earlier (editing an existing link) is fetched by id, so it is shown even when it is far
beyond the first page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter

from tumar.app import browse
from tumar.app.browse import ListFilter, ListRequest
from tumar.storage.errors import TumarError
from tumar.storage.records import Case, Person
from tumar.widgets.models.text import alignment

from .retranslate import Retranslating

SEARCH_LIMIT = 50
SEARCH_DELAY_MS = 200


class RecordPicker(Retranslating, QComboBox):
    def __init__(self, archive, kind: str, sort: str, parent=None, *, optional: bool = False):
        super().__init__(parent)
        self.archive, self.kind, self.sort_key, self.optional = archive, kind, sort, optional
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bind(
            self.lineEdit().setPlaceholderText,
            lambda: QCoreApplication.translate("RecordPicker", "Type to search…"),
        )
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.lineEdit().textEdited.connect(lambda _t: self._timer.start())
        self._fill(self._query(""), keep_text=False)

    def _query(self, text: str) -> list[browse.ListRow]:
        request = ListRequest(
            self.kind, sort=self.sort_key, descending=False, page_size=SEARCH_LIMIT,
            filters=ListFilter(text=text),
        )  # fmt: skip
        try:
            return browse.list_page(self.archive, request)
        except TumarError:  # a damaged archive: offer nothing rather than crash
            return []
        except Exception:  # noqa: BLE001 - locked meanwhile: its connection is closed
            return []

    def _fill(self, rows: list[browse.ListRow], *, keep_text: bool) -> None:
        """Replace the offered records, keeping what the user typed and where."""
        edit = self.lineEdit()
        text, cursor = edit.text(), edit.cursorPosition()
        blocked = self.blockSignals(True)
        self.clear()
        if self.optional:
            self.addItem("", None)
        for row in rows:
            self._add(row.id, row.title)
        if keep_text:
            self.setCurrentIndex(-1)
            edit.setText(text)
            edit.setCursorPosition(cursor)
        self.blockSignals(blocked)

    def _add(self, record_id: str, title: str) -> None:
        self.addItem(title, record_id)
        self.setItemData(self.count() - 1, alignment(title), Qt.ItemDataRole.TextAlignmentRole)

    def _search(self) -> None:
        """Offer the records matching what is typed now (the debounce timer's slot)."""
        text = self.lineEdit().text()
        self._fill(self._query(text.strip()), keep_text=True)
        if text.strip() and self.hasFocus():
            self.completer().setCompletionPrefix(text)
            self.completer().complete()

    def stop(self) -> None:
        """No search may run after this (the editor closes, or the archive locks)."""
        self._timer.stop()

    def search_now(self) -> None:
        """Run the pending search at once (tests, and Enter in the field)."""
        self._timer.stop()
        self._search()

    def record_id(self) -> str | None:
        if self._timer.isActive():  # typed a whole name and saved before the pause ended
            self.search_now()
        text = self.currentText()
        if self.currentIndex() >= 0 and self.itemText(self.currentIndex()) == text:
            return self.currentData()
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else None

    def select(self, record_id: str | None) -> None:
        """Show `record_id` as chosen, fetching it when it is not among the offered rows."""
        if not record_id:
            self.setCurrentIndex(0 if self.count() else -1)
            return
        index = self.findData(record_id)
        if index < 0:
            cls = Person if self.kind == "person" else Case
            try:
                record = self.archive.repo.get(cls, record_id, include_deleted=True)
            except TumarError:
                self.setCurrentIndex(-1)
                return
            self._add(record_id, record.display_name if cls is Person else record.title)
            index = self.count() - 1
        self.setCurrentIndex(index)


def person_picker(archive, parent=None, optional: bool = False) -> RecordPicker:
    return RecordPicker(archive, "person", "name", parent, optional=optional)


def case_picker(archive, parent=None, optional: bool = False) -> RecordPicker:
    return RecordPicker(archive, "case", "title", parent, optional=optional)

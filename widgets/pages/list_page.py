"""The list + detail layout most pages share: a sortable, filterable lazy list on the
left, the selected record on the right, and editing in place of the detail.

Why one base: the unsaved-changes rules (a dot, Save / Discard / Stay on leaving, nothing
kept after lock) must behave the same on every page, and the lists must all be lazy.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tumar.app import browse
from tumar.app.browse import ListFilter, ListRequest
from tumar.widgets.editors.base import Editor
from tumar.widgets.models.lazy_list import LazyListModel
from tumar.widgets.models.row_delegate import RowDelegate

from .detail_view import DetailView
from .page import Page

FILTER_DELAY_MS = 250


class ListDetailPage(Page):
    KIND = "person"  # browse kind
    NAV_KIND = "person"  # kind in navigate / show_record

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._editor: Editor | None = None
        self._current_id: str | None = None
        self.model = self.make_model()
        self.model.error = self._show_error
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(font.Weight.DemiBold)
        self.heading.setFont(font)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(260)
        self.sort = QComboBox()
        self.status = QComboBox()
        self.new_button = QPushButton()
        self.new_button.setVisible(bool(self.new_label()))
        self.new_button.clicked.connect(lambda: self.add_new(self.NAV_KIND))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        for widget in (self.filter, self.status, self.sort, self.new_button):
            top.addWidget(widget)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(RowDelegate(self.chip, self.side, self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.detail = self.make_detail()
        self.stack.addWidget(self.detail)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([360, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)
        self._set_texts()
        self.status.setVisible(self.status.count() > 1)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.sort.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())

    def _set_texts(self) -> None:
        """Every label in the UI language (at construction and when the language changes)."""
        self.heading.setText(self.heading_text())
        self.list.setAccessibleName(self.heading_text())
        self.filter.setPlaceholderText(self.tr("Filter this list"))
        self.filter.setAccessibleName(self.tr("Filter this list"))
        self.sort.setAccessibleName(self.tr("Sort by"))
        self.status.setAccessibleName(self.tr("Show"))
        for combo, options in (
            (self.sort, self.sort_options()),
            (self.status, self.status_options()),
        ):
            chosen = combo.currentData()
            blocked = combo.blockSignals(True)
            combo.clear()
            for value, label in options:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(blocked)
        self.new_button.setText(self.new_label())
        self.empty.setText(self.empty_text())
        for view in self.findChildren(DetailView):
            view.retranslate()

    def retranslate(self) -> None:
        self._set_texts()
        super().retranslate()

    # ---- what subclasses say ----------------------------------------------------------
    def heading_text(self) -> str:
        return ""

    def empty_text(self) -> str:
        return self.tr("Select an item on the left to see it here.")

    def new_label(self) -> str:
        return ""

    def sort_options(self) -> list[tuple[str, str]]:
        return [("added", self.tr("Newest first"))]

    def status_options(self) -> list[tuple[str, str]]:
        return []

    def chip(self, row: browse.ListRow):
        return None

    def side(self, row: browse.ListRow) -> str:
        return ""

    def make_model(self) -> LazyListModel:
        return LazyListModel(page_size=200, parent=self)

    def make_detail(self) -> QWidget:
        raise NotImplementedError

    def show_detail(self, record_id: str) -> None:
        raise NotImplementedError

    def make_editor(self, kind: str, record_id: str | None) -> Editor | None:
        return None

    def case_filter(self) -> str | None:
        return None

    # ---- list ------------------------------------------------------------------------
    def request(self) -> ListRequest:
        key = self.sort.currentData() or "added"
        return ListRequest(
            self.KIND,
            sort=key,
            descending=key in ("added", "updated", "captured", "recorded"),
            filters=ListFilter(
                text=self.filter.text(),
                case_id=self.case_filter(),
                status=self.status.currentData(),
            ),
        )

    def refresh(self) -> None:
        if not self.session.is_open:
            return self.clear()
        request = self.request()
        archive = self.session.archive
        self.model.reset(lambda after, limit: browse.list_page(archive, request, after))
        if self._editor is None and self._current_id:
            row = self.model.row_of(self._current_id)
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row))
            self._show(self._current_id)
        elif self._editor is None:
            self.empty.setText(self._empty_state())
            self.stack.setCurrentWidget(self.empty)

    def _empty_state(self) -> str:
        if self.model.rowCount():
            return self.empty_text()
        if self.filter.text().strip() or self.status.currentData():
            return self.tr("Nothing matches this filter.")
        return self.nothing_yet_text()

    def nothing_yet_text(self) -> str:
        return self.tr("Nothing here yet.")

    def clear(self) -> None:
        self._drop_editor()
        self._current_id = None
        self.model.clear()
        self.filter.clear()
        self.clear_detail()
        self.stack.setCurrentWidget(self.empty)

    def clear_detail(self) -> None:
        """Forget what the detail pane shows (subclasses holding more override)."""

    def _selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        row = self.model.row_at(indexes[0].row()) if indexes else None
        if row is None or row.id == self._current_id:
            return
        if self._editor is not None and not self._leave_editor():
            self._reselect(self._current_id)
            return
        self._current_id = row.id
        self._show(row.id)

    def _reselect(self, record_id: str | None) -> None:
        row = self.model.row_of(record_id) if record_id else -1
        blocker = self.list.selectionModel().blockSignals(True)
        self.list.setCurrentIndex(self.model.index(row) if row >= 0 else self.model.index(-1))
        self.list.selectionModel().blockSignals(blocker)

    def _show(self, record_id: str) -> None:
        try:
            self.show_detail(record_id)
        except Exception as exc:  # noqa: BLE001 - a deleted or missing record is a message
            self.empty.setText(str(exc))
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.detail)

    def _show_error(self, message: str) -> None:
        self.empty.setText(message)
        self.stack.setCurrentWidget(self.empty)

    def resolve(self, kind: str, record_id: str) -> str | None:
        """The id of this page's record that shows a record of another kind (a note's
        case…), or None when this page cannot show it."""
        return None

    def show_record(self, kind: str, record_id: str) -> None:
        if kind != self.NAV_KIND:
            resolved = self.resolve(kind, record_id)
            if resolved is None:
                return
            record_id = resolved
        if self._editor is not None and not self._leave_editor():
            return
        self._current_id = record_id
        self._reselect(record_id)
        self._show(record_id)

    # ---- editing ---------------------------------------------------------------------
    def add_new(self, kind: str) -> None:
        self.edit(kind, None)

    def edit(self, kind: str, record_id: str | None) -> None:
        if self._editor is not None and not self._leave_editor():
            return
        editor = self.make_editor(kind, record_id)
        if editor is None:
            return
        self._editor = editor
        editor.saved.connect(self._editor_saved)
        editor.deleted.connect(self._editor_deleted)
        editor.cancelled.connect(self._editor_cancelled)
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        editor.focus_first()

    def _drop_editor(self) -> None:
        if self._editor is not None:
            editor, self._editor = self._editor, None
            self.stack.removeWidget(editor)
            editor.clear()
            editor.deleteLater()

    def _editor_saved(self, record_id: str) -> None:
        kind = self._editor.KIND if self._editor else self.NAV_KIND
        self._drop_editor()
        self._current_id = record_id if kind == self.NAV_KIND else self._current_id
        self.session.notify_changed(kind)
        self.refresh()

    def _editor_deleted(self, record_id: str) -> None:
        kind = self._editor.KIND if self._editor else self.NAV_KIND
        self._drop_editor()
        if kind == self.NAV_KIND and record_id == self._current_id:
            self._current_id = None
            self.clear_detail()
        self.refresh()

    def delete_current(self) -> None:
        """The detail's Delete… action: confirm, tombstone, show the list without it."""
        from .deleting import confirm_and_delete

        if self._current_id and confirm_and_delete(
            self, self.session, self.NAV_KIND, self._current_id
        ):
            self._current_id = None
            self.clear_detail()
            self.refresh()

    def _editor_cancelled(self) -> None:
        self._drop_editor()
        if self._current_id:
            self._show(self._current_id)
        else:
            self.stack.setCurrentWidget(self.empty)

    def _leave_editor(self) -> bool:
        """Ask Save / Discard / Stay if the editor has changes; True when it may close."""
        editor = self._editor
        if editor is None or not editor.dirty:
            self._drop_editor()
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save your changes before leaving?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Save:
            return editor.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._drop_editor()
            return True
        return False

    def has_unsaved_changes(self) -> bool:
        return self._editor is not None and self._editor.dirty

    def discard_changes(self) -> None:
        self._drop_editor()
        if self._current_id:
            self._show(self._current_id)

    def save_changes(self) -> bool:
        return self._editor.save() if self._editor is not None else True

"""Possible duplicates: pairs of people who may be one person, side by side field by
field, and a merge that shows exactly what moves where before anything is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tumar.app import duplicates
from tumar.app.merge_preview import MergePreview, preview_merge
from tumar.widgets.models.text import alignment

from . import labels, rich
from .page import Page

PAIR_ROLE = Qt.ItemDataRole.UserRole


class DuplicatesPage(Page):
    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.preview: MergePreview | None = None
        self.heading = heading = QLabel()
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(font.Weight.DemiBold)
        heading.setFont(font)
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        intro.setEnabled(False)
        self.pairs = QListWidget()
        self.pairs.currentItemChanged.connect(lambda *_a: self._show_pair())
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.moves = QTextBrowser()
        self.swap_button = QPushButton()
        self.swap_button.clicked.connect(self._swap)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.merge)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.merge_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.reason)
        column.addWidget(self.table, 3)
        column.addWidget(self.moves, 2)
        column.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.pairs)
        split.addWidget(right)
        split.setSizes([300, 700])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        self.none_found = QLabel()
        self.none_found.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.none_found.setWordWrap(True)
        self.none_found.setEnabled(False)
        self.body = QStackedWidget()
        self.body.addWidget(self.none_found)
        self.body.addWidget(split)
        layout.addWidget(self.body, 1)
        self._set_enabled(False)
        self._set_texts()

    def _set_texts(self) -> None:
        self.heading.setText(self.tr("Possible duplicates"))
        self.intro.setText(
            self.tr(
                "Tumar only proposes pairs: two different people can share a name. Compare "
                "them, and merge only when you are sure."
            )
        )
        self.pairs.setAccessibleName(self.tr("Possible duplicates"))
        self.none_found.setText(
            self.tr(
                "No likely duplicates right now. Names are compared across scripts and "
                "spellings each time this page opens."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Kept"),
                self.tr("Merged into it"),
                self.tr("After the merge"),
            ]
        )
        self.moves.setAccessibleName(self.tr("What the merge moves"))
        self.swap_button.setText(self.tr("Keep the other one"))
        self.merge_button.setText(self.tr("Merge…"))

    def retranslate(self) -> None:
        self._set_texts()
        super().retranslate()

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.swap_button, self.merge_button):
            widget.setEnabled(on)

    def count(self) -> int | None:
        return self.pairs.count() if self.session.is_open else None

    def refresh(self) -> None:
        if not self.session.is_open:
            return self.clear()
        self.pairs.clear()
        for candidate in duplicates.find_duplicates(self.session.archive):
            text = f"{candidate.keep.display_name}  ↔  {candidate.drop.display_name}"
            item = QListWidgetItem(text)
            item.setTextAlignment(alignment(text))
            item.setData(PAIR_ROLE, (candidate.keep.id, candidate.drop.id, candidate.reason))
            item.setToolTip(candidate.reason)
            self.pairs.addItem(item)
        if self.pairs.count():
            self.body.setCurrentIndex(1)
            self.pairs.setCurrentRow(0)
        else:
            self._clear_detail()
            self.body.setCurrentIndex(0)

    def _clear_detail(self) -> None:
        self.preview = None
        self.table.setRowCount(0)
        self.moves.clear()
        self.reason.clear()
        self._set_enabled(False)

    def clear(self) -> None:
        self.pairs.clear()
        self._clear_detail()

    def _show_pair(self, keep_id: str | None = None, drop_id: str | None = None) -> None:
        item = self.pairs.currentItem()
        if item is None or not self.session.is_open:
            return self._clear_detail()
        a, b, reason = item.data(PAIR_ROLE)
        keep_id, drop_id = keep_id or a, drop_id or b
        self.preview = preview_merge(self.session.archive, keep_id, drop_id)
        self._fill_table(self.preview)
        self._fill_moves(self.preview)
        self.reason.setText(reason)
        self._set_enabled(True)

    def _field_label(self, name: str) -> str:
        return {
            "display_name": self.tr("Display name"), "names": self.tr("Names"),
            "birth_date": self.tr("Birth date"), "sex": self.tr("Sex"),
            "risk_flags": self.tr("Risks"), "notes": self.tr("Notes"),
            "cases": self.tr("Cases"), "testimonies": self.tr("Testimonies"),
        }.get(name, name)  # fmt: skip

    def _fill_table(self, preview: MergePreview) -> None:
        shown = [f for f in preview.fields if f.keep or f.drop]
        self.table.setRowCount(len(shown))
        for row, field in enumerate(shown):
            cells = [self._field_label(field.field), field.keep, field.drop, field.merged]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setTextAlignment(alignment(value) | Qt.AlignmentFlag.AlignTop)
                if column and field.keep != field.drop:
                    font = item.font()
                    font.setWeight(font.Weight.DemiBold if column == 3 else font.Weight.Normal)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def _fill_moves(self, preview: MergePreview) -> None:
        keep = preview.keep.display_name
        rows = []
        for move in preview.moves:
            what = labels.table(move.table)
            if move.action == "move":
                where = self.tr("moves to %1").replace("%1", keep)
            else:
                where = self.tr("already there: folded into the kept one")
            rows.append((what, f"{rich.esc(move.description)} — {rich.esc(where)}"))
        drop = self.tr("%1 is then marked deleted; every old version stays in history.").replace(
            "%1", preview.drop.display_name
        )
        self.moves.setHtml(
            rich.style()
            + rich.section(self.tr("What the merge will do"))
            + (rich.rows(rows) or rich.muted(self.tr("Nothing to move.")))
            + f"<p>{rich.esc(drop)}</p>"
        )

    def _swap(self) -> None:
        if self.preview is not None:
            self._show_pair(self.preview.drop.id, self.preview.keep.id)

    def merge(self) -> None:
        preview = self.preview
        if preview is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Merge"))
        box.setText(self.tr("Merge these two records into one person?"))
        box.setInformativeText(
            self.tr(
                "%1 records move and %2 duplicates are folded, as listed. "
                "History and the audit log keep every step."
            )
            .replace("%1", str(preview.count("move")))
            .replace("%2", str(preview.count("fold")))
        )
        confirm = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not confirm:
            return
        duplicates.merge_people(self.session.archive, preview.keep.id, preview.drop.id)
        self.session.notify_changed("person")
        self.refresh()

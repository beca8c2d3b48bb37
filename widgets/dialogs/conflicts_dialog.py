"""Review the edits two laptops made to the same record, and keep one of them.

Merges never lose an edit: the newer version is shown meanwhile and both are kept, and the
clash is listed here (and in `tumar conflicts`) for a person to settle. The list names
each record as people know it (a person's name, a case's title, a testimony's witness);
the selected one shows only the fields in which the two versions differ, under "This
laptop" and "The other laptop" — exactly what `conflicts.resolve` calls mine and theirs.
Keeping a side is one click; the service writes it as a new, audited version. Reading and
settling run on session.runner with their own connections, like the other dialogs.
"""

from __future__ import annotations

import datetime as dt
import html
import json

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tumar.app.conflict_view import ConflictView, Side, open_conflict_views, word_marks
from tumar.app.sync import conflicts
from tumar.app.text_diff import Piece
from tumar.storage.errors import RecordNotFound
from tumar.widgets.models.text import alignment, html_dir
from tumar.widgets.pages import labels, rich
from tumar.widgets.session import Session

BOOL_FIELDS = {"consent_withdrawn", "has_gps", "unreadable"}
LIST_CHARS = 90  # a row shows the start of a long title; the detail shows it all


def when(iso: str) -> str:
    """An ISO time (UTC) in this computer's time zone, to the minute."""
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%Y-%m-%d %H:%M")


def one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LIST_CHARS else flat[:LIST_CHARS].rstrip() + "…"


def cell(text: str, pieces: list[Piece] | None = None) -> str:
    """Record text in a table cell, escaped, in its own direction, line breaks kept; with
    `pieces` (app.text_diff) the words the other version lacks are marked."""
    if pieces is None:
        body = html.escape(text)
    else:
        body = "".join(
            f'<span class="changed">{html.escape(p.text)}</span>' if p.changed
            else html.escape(p.text)
            for p in pieces
        )  # fmt: skip
    body = body.replace("\n", "<br>")
    side = "right" if html_dir(text) == "rtl" else "left"
    return f'<div dir="{html_dir(text)}" align="{side}">{body}</div>'


class ConflictsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.views: list[ConflictView] = []
        self.loaded = False  # "nothing to review" only once the list was read
        self.busy = False
        self.list = QTreeWidget()
        self.list.setColumnCount(3)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.detail = QTextBrowser()  # scrolls: a testimony's text may be pages long
        self.detail.setOpenLinks(False)
        self.detail.document().setDocumentMargin(12)
        self.keep_mine = QPushButton()
        self.keep_theirs = QPushButton()
        self.keep_mine.clicked.connect(lambda: self.keep("mine"))
        self.keep_theirs.clicked.connect(lambda: self.keep("theirs"))
        choose = QHBoxLayout()
        choose.addStretch(1)
        choose.addWidget(self.keep_mine)
        choose.addWidget(self.keep_theirs)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail, 1)
        lower_layout.addLayout(choose)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(lower)
        split.setStretchFactor(1, 3)
        split.setSizes([140, 420])
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(split)
        self.pages.addWidget(self.empty)
        self.status = QLabel()
        self.status_said = False  # until a choice or an error reports, the status is the hint
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()  # our own Close: Qt has no Kazakh word for its own
        self.close_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 600)
        self.retranslate()
        self.refresh()
        session.changed.connect(self._changed)  # a sync run meanwhile may bring or settle some

    def _changed(self, _kind: str) -> None:
        if not self.busy:
            self.refresh()

    # ---- words -----------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every fixed text, again in the current language (also on LanguageChange)."""
        self.setWindowTitle(self.tr("Conflicts to review"))
        self.list.setHeaderLabels([self.tr("Kind"), self.tr("Record"), self.tr("Found")])
        self.keep_mine.setText(self.tr("Keep this laptop's version"))
        self.keep_theirs.setText(self.tr("Keep the other version"))
        self.empty.setText(self.tr("Nothing to review: no edits clashed."))
        self.close_button.setText(self.tr("Close"))
        if not self.status_said:
            self.status.setText(
                self.tr(
                    "The same record was changed on two laptops. Keep one version; "
                    "the other stays in the record's history."
                )
            )
        self._fill(self._selected_id())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind(self, table: str) -> str:
        return {
            "person": self.tr("Person"),
            "person_name": self.tr("Name of a person"),
            "case_file": self.tr("Case"),
            "case_person": self.tr("Person in a case"),
            "event": self.tr("Event"),
            "event_person": self.tr("Person in an event"),
            "testimony": self.tr("Testimony"),
            "testimony_case": self.tr("Testimony in a case"),
            "translation": self.tr("Translation"),
            "note": self.tr("Note"),
            "tag": self.tr("Tag"),
            "tagging": self.tr("Tag on a record"),
            "media": self.tr("Media file"),
            "media_link": self.tr("Media file in a record"),
            "team_member": self.tr("Team member"),
        }.get(table, self.tr("Record"))

    def field(self, table: str, name: str) -> str:
        """A field's name: the history view's word for it."""
        return labels.field(table, name)

    # ---- the list --------------------------------------------------------------------
    def refresh(self) -> None:
        session = self.session

        def job(progress, cancel):
            with session.worker_archive() as archive:
                return open_conflict_views(archive)

        self._set_busy(True)
        session.runner.run(
            job, title=self.tr("Conflicts"), on_done=self._loaded, on_error=self._failed
        )

    def _loaded(self, views: list[ConflictView]) -> None:
        keep_selected = self._selected_id()
        self.views, self.loaded = views, True
        self._set_busy(False)
        self._fill(keep_selected)

    def _selected_id(self) -> int | None:
        items = self.list.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def _fill(self, select: int | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for view in self.views:
            title = one_line(view.title) or self.tr("(no title)")
            item = QTreeWidgetItem([self.kind(view.table), title, when(view.found_at)])
            item.setData(0, Qt.ItemDataRole.UserRole, view.id)
            item.setTextAlignment(1, alignment(title))
            self.list.addTopLevelItem(item)
            if view.id == select or chosen is None:
                chosen = item
        self.list.blockSignals(False)
        self.pages.setCurrentIndex(1 if self.loaded and not self.views else 0)
        self.list.resizeColumnToContents(0)
        self.list.setColumnWidth(1, max(self.list.columnWidth(1), 380))
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self._show_selected()

    def selected(self) -> ConflictView | None:
        wanted = self._selected_id()
        return next((v for v in self.views if v.id == wanted), None)

    # ---- the two versions ------------------------------------------------------------
    def _show_selected(self) -> None:
        view = self.selected()
        self.detail.setHtml(self._detail_html(view) if view is not None else "")
        self._enable()

    def _side_state(self, side: Side) -> str:
        if not side.held:
            return rich.muted(self.tr("This version has not reached this laptop."))
        if side.deleted:
            text = self.tr("Deleted the record on %1").replace("%1", when(side.edited_at))
        else:
            text = self.tr("Edited on %1").replace("%1", when(side.edited_at))
        return f"<b>{html.escape(text)}</b>"

    def _value(
        self, table: str, field: str, value: object, side: Side, pieces: list[Piece] | None
    ) -> str:
        stored = value
        if side.deleted:
            deleted = self.tr("deleted")
            return f"<b>{html.escape(deleted)}</b>"
        if field in BOOL_FIELDS:
            return html.escape(self.tr("yes") if value else self.tr("no"))
        if field == "risk_flags":
            try:
                flags = json.loads(value) if isinstance(value, str) else value
                value = ", ".join(labels.risk(str(f)) for f in flags or [])
            except (TypeError, ValueError):
                pass
        elif field == "role":
            value = labels.role(str(value))
        elif field == "consent_scope":
            value = labels.consent(str(value))
        elif field == "status" and table == "case_file":
            value = labels.case_status(str(value))
        elif field == "kind" and table == "event":
            value = labels.event_kind(str(value))
        elif field == "kind" and table == "media":
            value = labels.media_kind(str(value))
        elif field == "kind" and table == "person_name":
            value = labels.name_kind(str(value))
        if value in (None, ""):
            empty = self.tr("(empty)")
            return f'<span class="muted">{html.escape(empty)}</span>'
        if value is not stored:  # shown as a label: the marks were made for the stored text
            pieces = None
        return cell(str(value), pieces)

    def _detail_html(self, view: ConflictView) -> str:
        title = view.title or self.tr("(no title)")
        meta = self.tr("%1 · found on %2").replace("%1", self.kind(view.table))
        meta = meta.replace("%2", when(view.found_at))
        parts = [rich.style(), f"<h1>{rich.esc(title)}</h1>",
                 f'<p class="meta">{html.escape(meta)}</p>']  # fmt: skip
        if view.mine.held and not view.mine.made_here and not view.theirs.made_here:
            parts.append(rich.muted(self.tr(
                "Neither version was made on this laptop: \u201cThis laptop\u201d is the "
                "version it shows now.")))  # fmt: skip
        if (view.mine.deleted or view.theirs.deleted) and view.goes_with_it:
            if "event" in view.goes_with_it:
                along = self.tr("Keeping a deleted version also deletes its notes and events.")
            else:
                along = self.tr("Keeping a deleted version also deletes its notes.")
            parts.append(rich.muted(along))
        here, other = self.tr("This laptop"), self.tr("The other laptop")
        head = (
            f'<tr><td width="22%"></td><td width="39%"><b>{html.escape(here)}</b></td>'
            f'<td width="39%"><b>{html.escape(other)}</b></td></tr>'
        )
        rows = [head, f"<tr><td></td><td>{self._side_state(view.mine)}</td>"
                      f"<td>{self._side_state(view.theirs)}</td></tr>"]  # fmt: skip
        marked = False
        for change in view.differences:
            label = html.escape(self.field(view.table, change.field))
            marks = word_marks(view, change) or (None, None)
            marked = marked or marks[0] is not None
            mine = self._value(view.table, change.field, change.mine, view.mine, marks[0])
            theirs = self._value(view.table, change.field, change.theirs, view.theirs, marks[1])
            rows.append(f'<tr><td class="muted">{label}</td><td>{mine}</td><td>{theirs}</td></tr>')
        if marked:
            parts.append(rich.muted(self.tr("Marked: the words in which the versions differ.")))
        parts.append(f'<table width="100%" cellspacing="0">{"".join(rows)}</table>')
        if view.mine.held and view.theirs.held and not view.differences:
            if view.mine.deleted != view.theirs.deleted:
                parts.append(rich.muted(self.tr("The only difference: one laptop deleted it.")))
            else:
                parts.append(rich.muted(self.tr("Both versions hold the same content.")))
        return "".join(parts)

    # ---- keeping one -----------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._enable()

    def _enable(self) -> None:
        view = None if self.busy else self.selected()
        self.keep_mine.setEnabled(view is not None and view.mine.held)
        self.keep_theirs.setEnabled(view is not None and view.theirs.held)

    def keep(self, which: str) -> None:
        """Settle the selected conflict with "mine" (this laptop) or "theirs" (the other)."""
        view = self.selected()
        if view is None or self.busy:
            return
        session, conflict_id = self.session, view.id

        def job(progress, cancel):
            with session.worker_archive() as archive:
                try:
                    return conflicts.resolve(archive, conflict_id, which)
                except RecordNotFound:  # settled meanwhile, e.g. by a sync bringing a choice
                    return ""

        self._set_busy(True)
        session.runner.run(
            job,
            title=self.tr("Settle a conflict"),
            on_done=lambda hlc: self._settled(which, hlc),
            on_error=self._failed,
        )

    def _settled(self, which: str, hlc: str) -> None:
        self.status_said = True
        if not hlc:
            self.status.setText(self.tr("This one was already settled; the list is up to date."))
        elif which == "mine":
            self.status.setText(self.tr("Kept this laptop's version; the other is in history."))
        else:
            self.status.setText(self.tr("Kept the other version; this laptop's is in history."))
        self.session.notify_changed("*")
        self.refresh()

    def _failed(self, message: str) -> None:
        self.status_said = True
        self.status.setText(message)
        self._set_busy(False)

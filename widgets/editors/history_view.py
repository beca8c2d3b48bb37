"""History of any record: its kept versions and audit entries, newest first, with what
changed field by field (app.history does the pairing; this only draws it)."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from tumar.app import history
from tumar.widgets.pages import labels, rich

from .retranslate import Retranslating

HIDDEN_FIELDS = {"folded", "name_key", "date_lower", "date_upper"}
BOOL_FIELDS = {"consent_withdrawn", "deleted", "has_gps", "unreadable"}


def _when(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%Y-%m-%d %H:%M")


class HistoryView(Retranslating, QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.document().setDocumentMargin(14)
        self._shown: tuple | None = None
        self.bind(self.setAccessibleName, lambda: self.tr("History"))
        self.bind(self._redraw, lambda: None)  # the entries in the new language

    def _redraw(self, _unused: object = None) -> None:
        if self._shown is not None:
            self.show_history(*self._shown)

    def _empty(self) -> str:
        empty = self.tr("(empty)")
        return f'<span class="muted">{rich.esc(empty)}</span>'

    def _value(self, name: str, value: object) -> str:
        if name in BOOL_FIELDS:
            return self.tr("yes") if value else self.tr("no")
        if value in (None, ""):
            return self._empty()
        if name == "risk_flags" and isinstance(value, str):
            try:
                value = ", ".join(labels.risk(f) for f in json.loads(value)) or None
            except ValueError:
                pass
            if not value:
                return self._empty()
        if name == "role":
            value = labels.role(str(value))
        elif name == "kind" and isinstance(value, str):
            value = labels.event_kind(value)
        elif name == "consent_scope":
            value = labels.consent(str(value))
        text = str(value)
        if len(text) > 300:
            text = text[:300] + "…"
        return rich.esc(text)

    def forget(self) -> None:
        """On lock: nothing of the archive stays, not even the handle to redraw from."""
        self._shown = None
        self.clear()

    def show_history(self, archive, table: str, record_id: str) -> None:
        self._shown = (archive, table, record_id)
        entries = history.record_history(archive, table, record_id)
        title = self.tr("History")
        parts = [rich.style(), f"<h1>{rich.esc(title)}</h1>"]
        intro = self.tr("Newest first. Earlier versions are never overwritten.")
        parts.append(f'<p class="meta">{rich.esc(intro)}</p>')
        for entry in entries:
            what = labels.table(entry.table)
            head = self.tr("%1 · %2 · %3").replace("%1", labels.action(entry.action))
            head = head.replace("%2", what).replace("%3", _when(entry.at))
            parts.append(f"<p class='section'>{rich.esc(head)}</p>")
            rows = []
            for change in entry.changes:
                if change.field in HIDDEN_FIELDS or change.field.endswith("_id"):
                    continue
                before = self._value(change.field, change.before)
                after = self._value(change.field, change.after)
                value = after if entry.action == "create" else f"{before} &nbsp;→&nbsp; {after}"
                rows.append((labels.field(entry.table, change.field), value))
            if rows:
                parts.append(rich.rows(rows))
            elif entry.action == "merge":
                parts.append(rich.muted(self.tr("Another record was merged into this one.")))
            else:
                parts.append(rich.muted(self.tr("No visible field changed.")))
        self.setHtml("".join(parts))


class HistoryDialog(Retranslating, QDialog):
    def __init__(self, session, table: str, record_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.bind(self.setWindowTitle, lambda: self.tr("History"))
        self.resize(620, 560)
        self.view = HistoryView()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.show_history(session.archive, table, record_id)
        session.locked.connect(self.reject)
        session.locked.connect(self.view.forget)

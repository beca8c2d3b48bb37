"""Search: one box, results as you type (debounced), the same filters as `tumar search`.

Any text is safe: the search service quotes every word before it reaches the index, so
quotes, brackets, AND or * only ever mean themselves. A testimony whose consent was
withdrawn is found and marked, so nobody quotes it by mistake.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout

from tumar.app import search
from tumar.storage.errors import TumarError
from tumar.storage.search_repo import MARK_CLOSE, MARK_OPEN
from tumar.widgets.editors.pickers import case_picker, person_picker
from tumar.widgets.models.text import html_dir

from . import rich
from .detail_view import DetailView
from .page import Page

DEBOUNCE_MS = 250
LIMIT = 50


class SearchPage(Page):
    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.box = QLineEdit()
        self.box.setClearButtonEnabled(True)
        font = self.box.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.box.setFont(font)
        self.kind = QComboBox()
        self.case = None
        self.person = None
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        self.tag = QLineEdit()
        self._set_texts()
        self.filters = QGridLayout()
        self.filters.addWidget(self.kind, 0, 0)
        self.filters.addWidget(self.date_from, 0, 3)
        self.filters.addWidget(self.date_to, 0, 4)
        self.filters.addWidget(self.tag, 0, 5)
        self.status = QLabel()
        self.status.setEnabled(False)
        self.results = DetailView()
        self.results.browser.setAccessibleName(self.tr("Search results"))
        self.results.link_clicked.connect(self.navigate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(self.box)
        layout.addLayout(self.filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        for edit in (self.box, self.date_from, self.date_to, self.tag):
            edit.textChanged.connect(lambda _t: self.timer.start())
        self.kind.currentIndexChanged.connect(lambda _i: self.timer.start())
        self.searches_run = 0

    def _set_texts(self) -> None:
        self.box.setPlaceholderText(self.tr("Search names, testimonies, notes, cases, events"))
        self.box.setAccessibleName(self.tr("Search"))
        self.kind.setAccessibleName(self.tr("Type of record"))
        chosen = self.kind.currentData()
        blocked = self.kind.blockSignals(True)
        self.kind.clear()
        for value, label in (
            ("", self.tr("Everything")), ("person", self.tr("People")),
            ("testimony", self.tr("Testimonies")), ("note", self.tr("Notes")),
            ("case", self.tr("Cases")), ("event", self.tr("Events")),
        ):  # fmt: skip
            self.kind.addItem(label, value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        self.kind.blockSignals(blocked)
        self.date_from.setPlaceholderText(self.tr("from (e.g. 2017)"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setPlaceholderText(self.tr("to (e.g. 2019-10)"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self.tag.setPlaceholderText(self.tr("tag"))
        self.tag.setAccessibleName(self.tr("Tag"))

    def retranslate(self) -> None:
        self._set_texts()
        if self.session.is_open:
            self.run_search()  # keeps the typed text and filters

    def _make_pickers(self) -> None:
        """Case and person filters, filled when the archive is open."""
        for old in (self.case, self.person):
            if old is not None:
                old.deleteLater()
        archive = self.session.archive
        self.case = case_picker(archive, optional=True)
        self.case.bind(self.case.setAccessibleName, lambda: self.tr("Only in case"))
        self.case.bind(self.case.lineEdit().setPlaceholderText, lambda: self.tr("any case"))
        self.person = person_picker(archive, optional=True)
        self.person.bind(self.person.setAccessibleName, lambda: self.tr("Only about person"))
        self.person.bind(self.person.lineEdit().setPlaceholderText, lambda: self.tr("any person"))
        self.filters.addWidget(self.case, 0, 1)
        self.filters.addWidget(self.person, 0, 2)
        for picker in (self.case, self.person):
            picker.currentIndexChanged.connect(lambda _i: self.timer.start())

    def focus_search(self, text: str = "") -> None:
        if text:
            self.box.setText(text)
        self.box.setFocus()
        self.box.selectAll()

    def refresh(self) -> None:
        if not self.session.is_open:
            return self.clear()
        self._make_pickers()
        self.run_search()

    def clear(self) -> None:
        self.timer.stop()
        for edit in (self.box, self.date_from, self.date_to, self.tag):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        for picker in (self.case, self.person):
            if picker is not None:
                picker.clear()
        self.results.clear()
        self.status.clear()

    def query(self) -> search.SearchQuery:
        kind = self.kind.currentData()
        return search.SearchQuery(
            self.box.text(),
            kinds=(kind,) if kind else (),
            case_id=self.case.record_id() if self.case else None,
            person_id=self.person.record_id() if self.person else None,
            date_from=self.date_from.text().strip() or None,
            date_to=self.date_to.text().strip() or None,
            tag=self.tag.text().strip() or None,
            limit=LIMIT,
        )

    def run_search(self) -> None:
        self.timer.stop()
        if not self.session.is_open:
            return
        if not self.box.text().strip():
            self.results.clear()
            self.status.setText(self.tr("Type a name in any spelling or script, or any words."))
            return
        self.searches_run += 1
        try:
            page = search.search_page(self.session.archive, self.query())
        except TumarError as exc:
            self.results.clear()
            self.status.setText(str(exc))
            return
        if not page.results:
            self.status.setText(self.tr("No matches."))
            self.results.clear()
            return
        self.status.setText(
            self.tr("Best matches first. More than %1 matched; add words or filters.").replace(
                "%1", str(page.matches)
            )
            if page.capped
            else self.tr("Matches: %1, best first.").replace("%1", str(len(page.results)))
        )
        self.results.set_html("".join(self._result(r) for r in page.results))

    def _result(self, r: search.SearchResult) -> str:
        snippet = html.escape(r.snippet).replace(MARK_OPEN, "<b>").replace(MARK_CLOSE, "</b>")
        kind = {
            "person": self.tr("Person"), "testimony": self.tr("Testimony"),
            "note": self.tr("Note"), "case": self.tr("Case"), "event": self.tr("Event"),
        }.get(r.kind, r.kind)  # fmt: skip
        marker = self.tr("consent withdrawn")
        withdrawn = (
            f' &nbsp;<span class="warn">{html.escape(marker)}</span>' if r.consent_withdrawn else ""
        )
        date = f" · {rich.esc(r.date)}" if r.date else ""
        return (
            f'<p style="margin-top: 10px"><span class="muted">{html.escape(kind)}{date}</span>'
            f"{withdrawn}<br><b>{rich.link(r.kind, r.record_id, r.title)}</b><br>"
            f'<span dir="{html_dir(r.snippet)}">{snippet}</span></p>'
        )

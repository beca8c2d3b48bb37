"""Search: one box, results as you type (debounced), the same filters as `tumar search`:
record types (any number at once; none ticked means all), case, person, date range, tag,
and an advanced mode where the box is FTS5 syntax (`--advanced`).

Any text is safe: outside advanced mode the search service quotes every word before it
reaches the index, so quotes, brackets, AND or * only ever mean themselves; in advanced
mode a malformed expression is one line saying why. Results are grouped by record type,
the group with the best match first. A testimony whose consent was withdrawn is found
and marked, so nobody quotes it by mistake.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from tumar.app import search
from tumar.app.dates import reading
from tumar.storage.errors import TumarError
from tumar.storage.search_repo import MARK_CLOSE, MARK_OPEN
from tumar.widgets.editors.date_field import ui_language
from tumar.widgets.editors.pickers import case_picker, person_picker
from tumar.widgets.models.text import html_dir

from . import rich
from .detail_view import DetailView
from .page import Page

DEBOUNCE_MS = 250
LIMIT = 50
KINDS = ("person", "testimony", "note", "case", "event")


class SearchPage(Page):
    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.box = QLineEdit()
        self.box.setClearButtonEnabled(True)
        font = self.box.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.box.setFont(font)
        self.kinds = {kind: QCheckBox() for kind in KINDS}
        self.advanced = QCheckBox()
        self.types_label = QLabel()
        self.case = None
        self.person = None
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        self.tag = QLineEdit()
        self._set_texts()
        self.filters = QGridLayout()
        self.filters.addWidget(self.date_from, 0, 3)
        self.filters.addWidget(self.date_to, 0, 4)
        self.filters.addWidget(self.tag, 0, 5)
        types = QHBoxLayout()
        types.addWidget(self.types_label)
        for box in self.kinds.values():
            types.addWidget(box)
            box.toggled.connect(lambda _on: self._changed())
        types.addStretch(1)
        types.addWidget(self.advanced)
        self.status = QLabel()
        self.status.setEnabled(False)
        self.results = DetailView()
        self.results.browser.setAccessibleName(self.tr("Search results"))
        self.results.link_clicked.connect(self.navigate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(self.box)
        layout.addLayout(types)
        layout.addLayout(self.filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.limit = LIMIT
        self.more = QPushButton()
        self.more.hide()
        self.more.clicked.connect(self.show_more)
        more_row = QHBoxLayout()
        more_row.addStretch(1)
        more_row.addWidget(self.more)
        layout.addLayout(more_row)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        for edit in (self.box, self.date_from, self.date_to, self.tag):
            edit.textChanged.connect(lambda _t: self._changed())
        self.advanced.toggled.connect(self._advanced_toggled)
        self.searches_run = 0

    def _set_texts(self) -> None:
        self.box.setPlaceholderText(
            self.tr("e.g. brother AND (border OR detained)")
            if self.advanced.isChecked()
            else self.tr("Search names, testimonies, notes, cases, events")
        )
        self.box.setAccessibleName(self.tr("Search"))
        self.types_label.setText(self.tr("Only:"))
        for kind, box in self.kinds.items():
            box.setText(self.group_title(kind))
        self.types_label.setToolTip(self.tr("Tick none to search every type of record."))
        self.advanced.setText(self.tr("Advanced syntax"))
        self.advanced.setToolTip(
            self.tr(
                'The box takes search syntax: AND, OR, NOT, NEAR(a b), "exact words", '
                "prefix*. Without it, every word is looked for as typed."
            )
        )
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
            picker.currentIndexChanged.connect(lambda _i: self._changed())

    def _changed(self) -> None:
        """Something in the query changed: start again from the first results, soon."""
        self.limit = LIMIT
        self.timer.start()

    def show_more(self) -> None:
        """Like `tumar search --limit`: LIMIT more results each time, up to the service's cap."""
        self.limit = min(self.limit + LIMIT, search.MAX_LIMIT)
        self.run_search()

    def group_title(self, kind: str) -> str:
        return {
            "person": self.tr("People"), "testimony": self.tr("Testimonies"),
            "note": self.tr("Notes"), "case": self.tr("Cases"), "event": self.tr("Events"),
        }.get(kind, kind)  # fmt: skip

    def _advanced_toggled(self, _on: bool) -> None:
        self._set_texts()
        self._changed()

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
                picker.stop()
                picker.clear()
        for box in (*self.kinds.values(), self.advanced):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.results.clear()
        self.status.clear()
        self.more.hide()
        self.limit = LIMIT

    def query(self) -> search.SearchQuery:
        return search.SearchQuery(
            self.box.text(),
            kinds=tuple(kind for kind, box in self.kinds.items() if box.isChecked()),
            case_id=self.case.record_id() if self.case else None,
            person_id=self.person.record_id() if self.person else None,
            date_from=self.date_from.text().strip() or None,
            date_to=self.date_to.text().strip() or None,
            tag=self.tag.text().strip() or None,
            advanced=self.advanced.isChecked(),
            limit=self.limit,
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
        self.more.hide()
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
        self.results.set_html(self._grouped(page.results))
        if page.matches > len(page.results) and self.limit < search.MAX_LIMIT:
            self.more.setText(self.tr("Show %1 more").replace("%1", str(LIMIT)))
            self.more.show()

    def _grouped(self, results: list[search.SearchResult]) -> str:
        """One section per record type, in the order of each type's best match."""
        groups: dict[str, list[search.SearchResult]] = {}
        for result in results:
            groups.setdefault(result.kind, []).append(result)
        parts = []
        for kind, members in groups.items():
            head = self.tr("%1 (%2)").replace("%1", self.group_title(kind))
            parts.append(rich.section(head.replace("%2", str(len(members)))))
            parts.extend(self._result(r) for r in members)
        return "".join(parts)

    def _result(self, r: search.SearchResult) -> str:
        snippet = html.escape(r.snippet).replace(MARK_OPEN, "<b>").replace(MARK_CLOSE, "</b>")
        marker = self.tr("consent withdrawn")
        withdrawn = (
            f' &nbsp;<span class="warn">{html.escape(marker)}</span>' if r.consent_withdrawn else ""
        )
        when = ""
        if r.date:
            try:
                when = reading(r.date, ui_language())
            except TumarError:
                when = r.date
        head = (
            f'<span class="muted">{rich.esc(when)}</span>{withdrawn}<br>'
            if when or withdrawn
            else ""
        )
        return (
            f'<p style="margin-top: 6px">{head}<b>{rich.link(r.kind, r.record_id, r.title)}</b>'
            f'<br><span dir="{html_dir(r.snippet)}">{snippet}</span></p>'
        )

"""Timeline: one case's events in date order; uncertain dates drawn as ranges."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout

from tumar.app import browse, cases
from tumar.app.browse import ListRequest
from tumar.app.dates import reading
from tumar.widgets.editors.date_field import ui_language

from . import labels
from .page import Page
from .timeline_view import TimelineRow, TimelineView

MAX_CASES = 1000


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


class TimelinePage(Page):
    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.heading = heading = QLabel()
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(font.Weight.DemiBold)
        heading.setFont(font)
        self.case = QComboBox()
        self.case.setMinimumContentsLength(28)
        self.case.currentIndexChanged.connect(lambda _i: self._draw())
        self.open_case = QPushButton()
        self.open_case.clicked.connect(self._open_case)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        self.case_label = QLabel()
        top.addWidget(self.case_label)
        top.addWidget(self.case)
        top.addWidget(self.open_case)
        self.view = TimelineView()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        self.legend = QLabel()
        self.legend.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.legend)
        self._set_texts()

    def _set_texts(self) -> None:
        self.heading.setText(self.tr("Timeline"))
        self.case.setAccessibleName(self.tr("Case"))
        self.case_label.setText(self.tr("Case"))
        self.open_case.setText(self.tr("Open case"))
        self.view.empty_text = self.tr("This case has no events yet.")
        self.legend.setText(
            self.tr("A dot is an exact day; a bar covers every day an uncertain date may mean.")
        )

    def retranslate(self) -> None:
        self._set_texts()
        super().retranslate()

    def refresh(self) -> None:
        if not self.session.is_open:
            return self.clear()
        chosen = self.case.currentData()
        rows = browse.list_page(
            self.session.archive,
            ListRequest("case", sort="updated", descending=True, page_size=MAX_CASES),
        )
        blocked = self.case.blockSignals(True)
        self.case.clear()
        for row in rows:
            self.case.addItem(row.title, row.id)
        index = self.case.findData(chosen)
        self.case.setCurrentIndex(index if index >= 0 else (0 if rows else -1))
        self.case.blockSignals(blocked)
        self._draw()

    def show_record(self, kind: str, record_id: str) -> None:
        """`case` id: show that case's timeline; `event` id: its case's timeline."""
        if kind == "event":
            from tumar.storage.records import Event

            record_id = self.session.archive.repo.get(Event, record_id).case_id
        self.refresh()
        index = self.case.findData(record_id)
        if index >= 0:
            self.case.setCurrentIndex(index)

    def _open_case(self) -> None:
        if self.case.currentData():
            self.navigate.emit("case", self.case.currentData())

    def _draw(self) -> None:
        case_id = self.case.currentData()
        if not case_id or not self.session.is_open:
            self.view.set_rows([])
            return
        lang = ui_language()
        today = dt.date.today()
        rows = []
        for event in cases.timeline(self.session.archive, case_id):
            what = labels.event_kind(event.kind)
            if event.place:
                what = self.tr("%1 in %2").replace("%1", what).replace("%2", event.place)
            lower, upper = _day(event.date_lower), _day(event.date_upper)
            span = ""
            if lower and upper and upper != lower:
                span = (
                    self.tr("%1 – %2")
                    .replace("%1", lower.isoformat())
                    .replace("%2", upper.isoformat())
                )
            rows.append(
                TimelineRow(reading(event.date, lang), what, span, lower, upper or lower,
                            bool(lower and lower >= today))
            )  # fmt: skip
        self.view.set_rows(rows)

    def clear(self) -> None:
        self.case.clear()
        self.view.set_rows([])

"""Deadlines across all cases: Overdue (red), This week, Later — each with days left and
its case. The navigation badge counts those due within 14 days (overdue included)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from tumar.app.dates import reading
from tumar.app.deadline_board import DeadlineBoard, board
from tumar.app.deadlines import Deadline
from tumar.widgets.editors.date_field import ui_language

from . import labels, rich
from .detail_view import DetailView
from .page import Page


class DeadlinesPage(Page):
    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self._board: DeadlineBoard | None = None
        self.heading = heading = QLabel()
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(font.Weight.DemiBold)
        heading.setFont(font)
        self.view = DetailView()
        self.view.link_clicked.connect(self.navigate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        self._set_texts()

    def _set_texts(self) -> None:
        self.heading.setText(self.tr("Deadlines"))
        self.view.browser.setAccessibleName(self.tr("Deadlines"))

    def retranslate(self) -> None:
        self._set_texts()
        super().retranslate()

    def refresh(self) -> None:
        if not self.session.is_open:
            return self.clear()
        self._board = board(self.session.archive)
        self.view.set_html(self._html(self._board))

    def clear(self) -> None:
        self._board = None
        self.view.clear()

    def count(self) -> int | None:
        if self._board is None and self.session.is_open:
            self._board = board(self.session.archive)
        return self._board.due_soon if self._board is not None else None

    def _days(self, deadline: Deadline) -> str:
        days = deadline.days_left
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        if days == -1:
            return self.tr("1 day overdue")
        if days < 0:
            return self.tr("%1 days overdue").replace("%1", str(-days))
        return self.tr("%1 days left").replace("%1", str(days))

    def _section(self, title: str, items: list[Deadline], warn: bool) -> str:
        lang = ui_language()
        html = [f"<p class='section'>{rich.esc(title)}</p>"]
        if not items:
            html.append(rich.muted(self.tr("Nothing here.")))
            return "".join(html)
        rows = []
        for d in items:
            days = self._days(d)
            days_html = f'<span class="warn">{rich.esc(days)}</span>' if warn else rich.esc(days)
            what = labels.event_kind(d.event.kind)
            if d.event.place:
                what = self.tr("%1 in %2").replace("%1", what).replace("%2", d.event.place)
            rows.append(
                "<tr>"
                f'<td width="130">{days_html}</td>'
                f'<td width="170" class="muted">{rich.esc(reading(d.event.date, lang))}</td>'
                f"<td><b>{rich.esc(what)}</b><br>{rich.link('case', d.case.id, d.case.title)}</td>"
                "</tr>"
            )
        html.append(f'<table width="100%">{"".join(rows)}</table>')
        return "".join(html)

    def _html(self, result: DeadlineBoard) -> str:
        if not (result.overdue or result.this_week or result.later):
            empty = self.tr("No deadlines. Events dated in the future appear here.")
            return f'<p class="muted">{rich.esc(empty)}</p>'
        return (
            self._section(self.tr("Overdue"), result.overdue, True)
            + self._section(self.tr("This week"), result.this_week, False)
            + self._section(self.tr("Later"), result.later, False)
        )

"""A case's events drawn as a vertical list by date: each row has its date in words, what
happened, and a track across the case's whole span where an exact date is a dot and an
uncertain one ("2019-10?", "2013-03/2017-11") is a bar covering every day it may mean."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QWidget

ROW_H = 56
MIN_BAR = 22.0  # px: an uncertain date stays a visible bar even on a long timeline
DATE_W = 190
PAD = 14


@dataclass(frozen=True)
class TimelineRow:
    date_text: str  # the date in words
    what: str  # kind (and place)
    span_text: str  # for uncertain dates: the first and last day it may mean, else ""
    lower: dt.date | None
    upper: dt.date | None
    future: bool


class TimelineView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TimelineRow] = []
        self.empty_text = ""
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def set_rows(self, rows: list[TimelineRow]) -> None:
        self.rows = rows
        self.setMinimumHeight(max(1, len(rows)) * ROW_H + 2 * PAD)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(700, max(1, len(self.rows)) * ROW_H + 2 * PAD)

    def _span(self) -> tuple[dt.date, dt.date]:
        days = [d for r in self.rows for d in (r.lower, r.upper) if d is not None]
        first, last = min(days), max(days)
        if first == last:
            last = first + dt.timedelta(days=1)
        return first, last

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.55)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if not self.rows:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        first, last = self._span() if any(r.lower for r in self.rows) else (None, None)
        track_x = DATE_W + 2 * PAD
        track_w = max(120, self.width() - track_x - PAD) * 0.45
        what_x = track_x + track_w + PAD
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        # the spine
        spine_x = PAD + DATE_W + PAD / 2
        painter.setPen(muted)
        painter.drawLine(int(spine_x), PAD, int(spine_x), PAD + len(self.rows) * ROW_H)
        for i, row in enumerate(self.rows):
            top = PAD + i * ROW_H
            mid = top + ROW_H / 2
            painter.setPen(text)
            painter.setFont(bold if row.future else self.font())
            date_box = QRectF(PAD, top, DATE_W - 4, ROW_H / 2 if row.span_text else ROW_H)
            align = Qt.AlignmentFlag.AlignRight
            painter.drawText(
                date_box, align | (Qt.AlignmentFlag.AlignBottom if row.span_text
                                   else Qt.AlignmentFlag.AlignVCenter), row.date_text,
            )  # fmt: skip
            if row.span_text:
                painter.setPen(muted)
                painter.setFont(small)
                painter.drawText(
                    QRectF(PAD, mid + 2, DATE_W - 4, ROW_H / 2 - 2),
                    align | Qt.AlignmentFlag.AlignTop, row.span_text,
                )  # fmt: skip
            colour = QColor("#b26a00") if row.future else accent
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QRectF(spine_x - 4, mid - 4, 8, 8))
            track = QRectF(track_x, mid - 3, track_w, 6)
            faint = QColor(muted)
            faint.setAlphaF(0.15)
            painter.setBrush(faint)
            painter.drawRoundedRect(track, 3, 3)
            if first and row.lower and row.upper:
                total = (last - first).days or 1
                x0 = track_x + track_w * (row.lower - first).days / total
                x1 = track_x + track_w * (row.upper - first).days / total
                painter.setBrush(colour)
                if (row.upper - row.lower).days >= 1:
                    bar = QColor(colour)
                    bar.setAlphaF(0.45)
                    painter.setBrush(bar)
                    painter.setPen(colour)
                    width = max(MIN_BAR, x1 - x0)
                    x0 = min(x0, track_x + track_w - width)
                    painter.drawRoundedRect(QRectF(x0, mid - 5, width, 10), 5, 5)
                    painter.setPen(Qt.PenStyle.NoPen)
                else:
                    painter.drawEllipse(QRectF(x0 - 5, mid - 5, 10, 10))
            painter.setPen(text)
            painter.setFont(bold)
            painter.drawText(
                QRectF(what_x, top, self.width() - what_x - PAD, ROW_H),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetrics(bold).elidedText(
                    row.what, Qt.TextElideMode.ElideRight, int(self.width() - what_x - PAD)
                ),
            )

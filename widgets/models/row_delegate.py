"""Two-line list rows: the title, a muted second line, and on the far side a date and a
small status chip. Drawn by hand so 100,000 rows cost no widgets.

Arabic-script titles are right-aligned and laid out right-to-left in any UI language.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from tumar.app.browse import ListRow

from .lazy_list import ROW_ROLE
from .text import is_rtl

Index = QModelIndex | QPersistentModelIndex
#: row -> (chip text, chip colour or None for the palette's mid tone), or None for no chip
ChipFor = Callable[[ListRow], tuple[str, QColor | None] | None]
SideFor = Callable[[ListRow], str]
PAD = 10


class RowDelegate(QStyledItemDelegate):
    def __init__(self, chip: ChipFor | None = None, side: SideFor | None = None, parent=None):
        super().__init__(parent)
        self._chip = chip
        self._side = side

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(240, 2 * line + 2 * PAD)

    def _draw_text(self, painter: QPainter, rect: QRect, text: str, font: QFont) -> None:
        metrics = QFontMetrics(font)
        elided = metrics.elidedText(
            " ".join(text.split()), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.setFont(font)
        opt = QTextOption()
        rtl = is_rtl(text)
        opt.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        opt.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
        opt.setWrapMode(QTextOption.WrapMode.NoWrap)
        painter.drawText(rect, elided, opt)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: ListRow | None = index.data(ROW_ROLE)
        if row is None:
            return super().paint(painter, option, index)
        painter.save()
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        main = palette.color(text_role)
        muted = QColor(main)
        muted.setAlphaF(0.62)
        rect = option.rect.adjusted(PAD + 4, PAD, -PAD - 4, -PAD)
        line = QFontMetrics(option.font).height()
        right_w = 0
        side_text = self._side(row) if self._side else ""
        chip = self._chip(row) if self._chip else None
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        if side_text:
            right_w = QFontMetrics(small).horizontalAdvance(side_text) + PAD
            painter.setPen(muted)
            painter.setFont(small)
            painter.drawText(
                QRect(rect.right() - right_w, rect.top(), right_w, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, side_text,
            )  # fmt: skip
        if chip is not None:
            text, colour = chip
            fm = QFontMetrics(small)
            w = fm.horizontalAdvance(text) + 14
            chip_rect = QRect(rect.right() - w, rect.top() + line + 2, w, fm.height() + 2)
            colour = colour or palette.color(QPalette.ColorRole.Mid)
            fill = QColor(colour)
            fill.setAlphaF(0.18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(chip_rect, chip_rect.height() / 2, chip_rect.height() / 2)
            dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
            painter.setPen(
                main if selected else colour.lighter(175) if dark else colour.darker(115)
            )
            painter.setFont(small)
            painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, text)
            right_w = max(right_w, w + PAD)
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setPen(main)
        self._draw_text(
            painter, QRect(rect.left(), rect.top(), rect.width() - right_w, line), row.title or "—",
            title_font,
        )  # fmt: skip
        painter.setPen(muted)
        self._draw_text(
            painter, QRect(rect.left(), rect.top() + line + 2, rect.width() - right_w, line),
            row.subtitle, option.font,
        )  # fmt: skip
        painter.restore()

"""The media grid's model: the lazy list plus thumbnails, decoded only for items the view
actually draws, kept in memory only (never a cache file), dropped on clear/lock.

A photo that carries a location gets a small red pin on its thumbnail, so nobody shares
it without noticing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from tumar.app.media.catalog import media_detail

from .lazy_list import LazyListModel

THUMB = QSize(136, 136)
MAX_CACHED = 600


def placeholder(text_colour: QColor) -> QPixmap:
    pixmap = QPixmap(THUMB)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(text_colour)
    fill.setAlphaF(0.08)
    painter.setBrush(fill)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(2, 2, THUMB.width() - 4, THUMB.height() - 4), 10, 10)
    painter.end()
    return pixmap


def with_gps_badge(pixmap: QPixmap) -> QPixmap:
    result = QPixmap(pixmap)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = 11
    x, y = result.width() - 2 * r - 4, 4
    painter.setBrush(QColor("#b3261e"))
    painter.setPen(QColor("white"))
    painter.drawEllipse(QRectF(x, y, 2 * r, 2 * r))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QRectF(x + r - 3.5, y + r - 5, 7, 7))
    painter.end()
    return result


class MediaGridModel(LazyListModel):
    def __init__(self, archive_getter, parent=None) -> None:
        super().__init__(page_size=120, parent=parent)
        self._archive = archive_getter
        self._icons: dict[str, QIcon] = {}
        self._blank: QIcon | None = None
        self.thumbnails_decoded = 0

    def clear(self) -> None:
        self._icons.clear()
        super().clear()

    def reset(self, fetch) -> None:
        self._icons.clear()
        super().reset(fetch)

    def _icon(self, media_id: str, has_gps: bool) -> QIcon:
        icon = self._icons.get(media_id)
        if icon is not None:
            return icon
        pixmap = QPixmap()
        try:
            thumb = media_detail(self._archive(), media_id).thumbnail
        except Exception:  # noqa: BLE001 - a locked archive or missing record: no picture
            thumb = None
        if thumb is not None and pixmap.loadFromData(thumb.data):
            self.thumbnails_decoded += 1
            pixmap = pixmap.scaled(
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        else:
            pixmap = placeholder(QColor("black"))
        if has_gps:
            pixmap = with_gps_badge(pixmap)
        if len(self._icons) >= MAX_CACHED:
            self._icons.clear()
        icon = self._icons[media_id] = QIcon(pixmap)
        return icon

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            row = self.row_at(index.row()) if index.isValid() else None
            return self._icon(row.id, row.flag) if row is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # file names are content: no tooltips that linger on screen
        return super().data(index, role)

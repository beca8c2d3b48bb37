"""Media: a grid of thumbnails (loaded as they scroll into view), import by drag-and-drop
or a file picker, and the detail with SHA-256, EXIF and GPS marked sensitive."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from tumar.app.media.catalog import media_detail
from tumar.storage.records import Case, Person
from tumar.widgets.media.export_flow import export_copy
from tumar.widgets.media.file_dialogs import choose_files
from tumar.widgets.media.import_dialog import ImportDialog
from tumar.widgets.media.link_dialog import LinkMediaDialog, confirm_and_unlink
from tumar.widgets.models.media_grid import THUMB, MediaGridModel

from . import labels, rich
from .actions import copy_text, open_history
from .detail_view import DetailView
from .list_page import ListDetailPage

EXIF_ROWS = 14
UNLINK = "unlink-"  # the link scheme's kind for "Remove link" beside each linked record


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


class MediaPage(ListDetailPage):
    KIND = "media"
    NAV_KIND = "media"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setItemDelegate(QStyledItemDelegate(self.list))
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 18, THUMB.height() + 40))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.setAcceptDrops(True)
        self.import_dialog: ImportDialog | None = None
        self.link_dialog: LinkMediaDialog | None = None
        self._link_titles: dict[tuple[str, str], str] = {}  # (kind, id) -> shown title

    def make_model(self) -> MediaGridModel:
        return MediaGridModel(lambda: self.session.archive, self)

    def heading_text(self) -> str:
        return self.tr("Media")

    def new_label(self) -> str:
        return self.tr("Import…")

    def empty_text(self) -> str:
        return self.tr(
            "Select a photo, video or recording. Drop files here to import them: each is "
            "hashed and stored encrypted."
        )

    def sort_options(self) -> list[tuple[str, str]]:
        return [
            ("added", self.tr("Newest first")),
            ("captured", self.tr("Capture time")),
            ("name", self.tr("File name")),
        ]

    def status_options(self) -> list[tuple[str, str]]:
        return [(None, self.tr("All media"))] + [
            (k, labels.media_kind(k)) for k in ("image", "video", "audio", "file")
        ]

    def make_detail(self) -> QWidget:
        host = QWidget()
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(200)
        self.view = DetailView()
        self.view.add_action(lambda: self.tr("Export a copy…"), lambda: self._export(False))
        self.view.add_action(lambda: self.tr("Link to a case…"), lambda: self._link("case"))
        self.view.add_action(lambda: self.tr("History"), self._history)
        self.view.add_more_action(lambda: self.tr("Open externally…"), lambda: self._export(True))
        self.view.add_more_action(
            lambda: self.tr("Link to a person…"), lambda: self._link("person")
        )
        self.view.add_more_action(lambda: self.tr("Copy SHA-256"), self._copy_hash)
        self.view.link_clicked.connect(self._link_clicked)
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.view, 1)
        return host

    # ---- import ---------------------------------------------------------------------
    def add_new(self, kind: str) -> None:
        paths = choose_files(self, self.tr("Choose files to import"))
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> ImportDialog:
        dialog = ImportDialog(self.session, paths, parent=self)
        self.import_dialog = dialog
        dialog.done.connect(lambda _changed: (self.session.notify_changed("media"), self.refresh()))
        dialog.open()
        dialog.start()
        return dialog

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # ---- detail ---------------------------------------------------------------------
    def _media(self):
        return (
            media_detail(self.session.archive, self._current_id).media if self._current_id else None
        )

    def _export(self, opening: bool) -> None:
        media = self._media()
        if media is not None:
            export_copy(self, self.session.archive, media, opening=opening)

    def _link(self, kind: str) -> LinkMediaDialog | None:
        if not self._current_id:
            return None
        dialog = LinkMediaDialog(self.session, self._current_id, kind, self)
        dialog.accepted.connect(lambda: self.show_detail(dialog.media_id))
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def _link_clicked(self, kind: str, record_id: str) -> None:
        """Record links navigate; "unlink-KIND" links (the Remove link beside each) unlink."""
        if not kind.startswith(UNLINK):
            self.navigate(kind, record_id)
            return
        target_kind, media_id = kind[len(UNLINK) :], self._current_id
        title = self._link_titles.get((target_kind, record_id), "")
        if media_id and confirm_and_unlink(
            self, self.session, media_id, target_kind, record_id, title
        ):
            self.show_detail(media_id)

    def _copy_hash(self) -> None:
        media = self._media()
        if media is not None:
            copy_text(media.sha256)

    def _history(self) -> None:
        if self._current_id:
            open_history(self, self.session, "media", self._current_id)

    def _linked(self, kind: str, target: str, title: str) -> str:
        """The linked record as a link, and a Remove link beside it."""
        self._link_titles[(kind, target)] = title
        remove = rich.link(UNLINK + kind, target, self.tr("Remove link"))
        return f"{rich.link(kind, target, title)} &nbsp;·&nbsp; <small>{remove}</small>"

    def clear_detail(self) -> None:
        self.preview.clear()
        self.view.clear()

    def show_detail(self, record_id: str) -> None:
        detail = media_detail(self.session.archive, record_id)
        m = detail.media
        pixmap = QPixmap()
        if detail.thumbnail is not None and pixmap.loadFromData(detail.thumbnail.data):
            self.preview.setPixmap(pixmap)
        else:
            self.preview.setText(labels.media_kind(m.kind))
        html = [f"<h1>{rich.esc(m.original_name)}</h1>"]
        meta = [labels.media_kind(m.kind), m.mime, _size(m.size)]
        if m.width and m.height:
            meta.append(f"{m.width} × {m.height}")
        html.append(f'<p class="meta">{rich.esc(" · ".join(meta))}</p>')
        if m.unreadable:
            html.append(f'<p class="warn">{rich.esc(m.unreadable_reason)}</p>')
        rows = [
            (self.tr("SHA-256"), f'<span style="font-family: monospace">{m.sha256}</span>'),
            (self.tr("Captured"), rich.esc(m.captured_at or "")),
            (self.tr("Camera"), rich.esc(" · ".join(v for v in (m.camera, m.lens) if v))),
            (self.tr("Imported"), rich.esc(m.imported_at[:16].replace("T", " "))),
            (self.tr("Caption"), rich.esc(m.caption)),
        ]
        html.append(rich.rows(rows))
        links = []
        self._link_titles.clear()
        repo = self.session.archive.repo
        for link in detail.links:
            for kind, cls, column in (("case", Case, "case_id"), ("person", Person, "person_id")):
                target = getattr(link, column)
                if target:
                    record = repo.get(cls, target, include_deleted=True)
                    if not record.deleted:
                        title = record.title if kind == "case" else record.display_name
                        links.append((labels.table("case_file" if kind == "case" else kind),
                                      self._linked(kind, target, title)))  # fmt: skip
            if link.testimony_id:
                label = self.tr("Testimony")
                links.append((label, self._linked("testimony", link.testimony_id, label)))
        if links:
            html.append(rich.section(self.tr("Linked to")) + rich.rows(links))
        if m.has_gps:
            html.append(rich.section(self.tr("Location")))
            why = self.tr("This photo records where it was taken. Remove it before sharing.")
            badge = self.tr("Sensitive")
            html.append(f'<p><span class="warn">● {rich.esc(badge)}</span> — {rich.esc(why)}</p>')
            if m.gps_lat is not None and m.gps_lon is not None:
                where = f"{m.gps_lat:.5f}, {m.gps_lon:.5f}"
                html.append(rich.rows([(self.tr("Latitude, longitude"), rich.esc(where))]))
        if m.exif:
            html.append(rich.section(self.tr("EXIF")))
            items = sorted(m.exif.items())[:EXIF_ROWS]
            html.append(rich.rows([(str(k), rich.esc(str(v)[:120])) for k, v in items]))
        self.view.set_html("".join(html))

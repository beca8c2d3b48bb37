"""Media: import fixture photos through the dialog; cancel a large import, nothing left."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from tumar.storage.media_store import MediaStore
from tumar.storage.records import Media, MediaLink
from tumar.widgets.pages.media import MediaPage

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"


def test_import_photos_then_see_them_with_gps_marked(qtbot, session_factory, shot) -> None:
    session = session_factory()
    page = MediaPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.refresh()
    files = [PHOTOS / "gps" / "DSCN0010.jpg", PHOTOS / "orientation" / "landscape_6.jpg"]
    dialog = page.import_files([str(p) for p in files])
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert len(dialog.report.imported) == 2
    assert "2" in dialog.detail.text()
    shot(dialog, "pages_import_done")
    dialog.accept()
    assert page.model.rowCount() == 2
    stored = {m.original_name: m for m in session.archive.repo.find(Media)}
    assert stored["DSCN0010.jpg"].has_gps
    gps_row = page.model.row_of(stored["DSCN0010.jpg"].id)
    page.list.setCurrentIndex(page.model.index(gps_row))
    text = page.view.text()
    assert stored["DSCN0010.jpg"].sha256 in text and "Sensitive" in text
    shot(page, "pages_media")


def test_cancel_a_large_import_leaves_nothing(qtbot, session_factory, tmp_path, shot) -> None:
    session = session_factory(synchronous=False)
    big = tmp_path / "big-recording.bin"
    with open(big, "wb") as fh:
        for _ in range(24):
            fh.write(os.urandom(1024 * 1024))
    page = MediaPage(session)
    qtbot.addWidget(page)
    page.refresh()
    cancelled = []

    def cancel_at_start(_title: str) -> None:
        # `started` is emitted on this thread before the worker runs: the job is cancelled
        # before it can finish however fast the machine is, and its first chunk, already
        # written inside the media transaction, must be rolled back
        handle = session.runner.current()
        assert handle is not None
        shot(page.import_dialog, "pages_import_progress")
        handle.cancel()
        cancelled.append(handle)

    session.runner.started.connect(cancel_at_start)
    dialog = page.import_files([str(big)])
    with qtbot.waitSignal(dialog.done, timeout=60_000):
        pass
    assert cancelled, "the import was never cancelled"
    assert dialog.report is None and "Cancelled" in dialog.message
    assert session.archive.repo.find(Media, include_deleted=True) == []
    assert session.archive.repo.find(MediaLink, include_deleted=True) == []
    assert MediaStore(session.archive.media_db).blobs() == []
    assert page.model.rowCount() == 0


def test_export_a_copy_warns_first_and_strips_location(qtbot, session_factory, tmp_path) -> None:
    from PIL import Image
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from tumar.widgets.media.export_flow import export_copy

    from .pages_support import answer_next_modal, pick_file

    session = session_factory()
    page = MediaPage(session)
    qtbot.addWidget(page)
    page.refresh()
    page.import_files([str(PHOTOS / "gps" / "DSCN0010.jpg")]).accept()
    (media,) = session.archive.repo.find(Media)
    seen: list[str] = []

    def cancel(dialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        assert dialog.checkBox().isChecked()  # removing location is the default
        dialog.button(QMessageBox.StandardButton.Cancel).click()

    answer_next_modal(cancel)
    assert export_copy(page, session.archive, media) is None
    assert seen == ["The copy will not be encrypted."]
    assert not list(tmp_path.rglob("*.jpg"))
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "copy.jpg"

    def go_on(dialog) -> None:
        answer_next_modal(pick_file(target))
        next(b for b in dialog.buttons() if "save" in b.text().lower()).click()

    answer_next_modal(go_on)
    assert export_copy(page, session.archive, media) == target
    with Image.open(target) as image:
        assert 0x8825 not in image.getexif()  # no GPS block in the copy
    qt_dialog_state = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert qt_dialog_state.value("FileDialog/lastVisited") is None  # where it went: forgotten
    assert qt_dialog_state.value("FileDialog/history") is None


def test_dropping_files_on_the_page_imports_them(qtbot, session_factory) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    session = session_factory()
    page = MediaPage(session)
    qtbot.addWidget(page)
    page.refresh()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(PHOTOS / "orientation" / "landscape_3.jpg"))])
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    page.dropEvent(event)
    assert page.import_dialog is not None and len(page.import_dialog.report.imported) == 1
    assert [m.original_name for m in session.archive.repo.find(Media)] == ["landscape_3.jpg"]
    assert page.model.rowCount() == 1


def test_link_to_another_case_then_remove_the_wrong_link(qtbot, session_factory, shot) -> None:
    from PySide6.QtCore import QUrl

    from tumar.app import cases
    from tumar.app.media.importer import Links, import_files

    from .pages_support import answer_next_modal, click_button

    session = session_factory()
    archive = session.archive
    wrong = cases.add_case(archive, "Wrong case").id
    right = cases.add_case(archive, "Zaisan hearing").id
    photo = PHOTOS / "gps" / "DSCN0010.jpg"
    media = import_files(archive, [photo], Links(case_ids=(wrong,))).results[0].media
    page = MediaPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.refresh()
    page.list.setCurrentIndex(page.model.index(page.model.row_of(media.id)))
    assert "Wrong case" in page.view.text() and "Remove link" in page.view.text()

    (link_case,) = [b for b in page.view.findChildren(QPushButton) if b.text() == "Link to a case…"]
    link_case.click()
    dialog = page.link_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.picker.lineEdit().selectAll()  # typing replaces the first case shown
    qtbot.keyClicks(dialog.picker.lineEdit(), "No such case")
    dialog.picker.search_now()
    dialog.link_button.click()  # nothing chosen: says so, links nothing
    assert dialog.isVisible() and dialog.error.text() == "Choose one from the list."
    assert [link.case_id for link in archive.repo.find(MediaLink)] == [wrong]
    dialog.picker.lineEdit().selectAll()
    qtbot.keyClicks(dialog.picker.lineEdit(), "Zaisan")
    qtbot.waitUntil(lambda: dialog.picker.findData(right) >= 0, timeout=5000)
    dialog.picker.setCurrentIndex(dialog.picker.findData(right))
    shot(dialog, "pages_media_link")
    dialog.link_button.click()
    assert not dialog.isVisible() and dialog.linked_to == right
    assert "Wrong case" in page.view.text() and "Zaisan hearing" in page.view.text()
    assert {link.case_id for link in archive.repo.find(MediaLink)} == {wrong, right}
    shot(page, "pages_media_linked_twice")

    href = f"tumar:unlink-case/{wrong}"
    assert href in page.view.browser.toHtml()
    answer_next_modal(click_button("Cancel"))
    page.view.browser.anchorClicked.emit(QUrl(href))  # what a click on "Remove link" emits
    assert {link.case_id for link in archive.repo.find(MediaLink)} == {wrong, right}
    seen = []

    def remove(box) -> None:
        seen.append((box.windowTitle(), box.text(), box.informativeText()))
        click_button("Remove link")(box)

    answer_next_modal(remove)
    with qtbot.waitSignal(session.changed, timeout=5000):
        page.view.browser.anchorClicked.emit(QUrl(href))
    ((title, text, info),) = seen
    assert "Wrong case" in text and "Wrong case" not in title and "history" in info
    assert [link.case_id for link in archive.repo.find(MediaLink)] == [right]
    assert "Wrong case" not in page.view.text() and "Zaisan hearing" in page.view.text()
    assert archive.repo.get(Media, media.id).sha256 == media.sha256  # the file stays
    menu = page.view.more_button.menu()
    assert [a.text() for a in menu.actions()] == [
        "Open externally…", "Link to a person…", "Copy SHA-256",
    ]  # fmt: skip
    menu.actions()[1].trigger()
    assert page.link_dialog.kind == "person" and page.link_dialog.isVisible()
    page.link_dialog.reject()

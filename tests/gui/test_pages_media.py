"""Media: import fixture photos through the dialog; cancel a large import, nothing left."""

from __future__ import annotations

import os
from pathlib import Path

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

    def cancel_once(done: int, total: int, _text: str) -> None:
        if not cancelled and 0 < done < total:
            cancelled.append(done)
            shot(page.import_dialog, "pages_import_progress")
            page.import_dialog.cancel()

    session.runner.progress.connect(cancel_once)
    dialog = page.import_files([str(big)])
    with qtbot.waitSignal(dialog.done, timeout=60_000):
        pass
    assert cancelled, "the import finished before it could be cancelled"
    assert dialog.report is None and "Cancelled" in dialog.message
    assert session.archive.repo.find(Media, include_deleted=True) == []
    assert session.archive.repo.find(MediaLink, include_deleted=True) == []
    assert MediaStore(session.archive.media_db).blobs() == []
    assert page.model.rowCount() == 0

"""`media cleanup` never removes the content of an import that is still running.

A real import runs on a thread with its own unlocked archive and is held, by the hook only
tests set, between its content commit and its record commit (where it probes the file);
cleanup runs meanwhile from a second unlocked archive on the same folder. Then the import
goes on: its record must find its content. No sleeps: two Events hand over control.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.app.media_support import noise_jpeg, stored_counts, write
from tumar.app.media import importer
from tumar.app.media.verify_media import remove_orphans, verify_media
from tumar.storage.archive import Archive
from tumar.storage.errors import ArchiveBusy
from tumar.storage.media_store import MediaStore
from tumar.storage.records import Case


def test_cleanup_during_an_import_keeps_its_content(
    new_archive: Archive, tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = new_archive.folder
    new_archive.close()
    photo = write(tmp_path / "slow.jpg", noise_jpeg(seed=3))
    paused, go_on = threading.Event(), threading.Event()

    def hold(display: str) -> None:
        paused.set()
        assert go_on.wait(30)

    monkeypatch.setattr(importer, "before_record_hook", hold)
    result: list[importer.ImportReport] = []

    def run_import() -> None:
        with Archive.open(folder, passphrase) as importing:
            result.append(importer.import_files(importing, [photo]))

    thread = threading.Thread(target=run_import)
    thread.start()
    try:
        assert paused.wait(30)
        with Archive.open(folder, passphrase) as other:
            assert len(MediaStore(other.media_db).blobs()) == 1  # content committed, no record
            with pytest.raises(ArchiveBusy, match="importing media"):
                remove_orphans(other)
            assert len(MediaStore(other.media_db).blobs()) == 1
    finally:
        go_on.set()
        thread.join(30)
    assert result and result[0].ok and result[0].imported
    with Archive.open(folder, passphrase) as archive:
        assert verify_media(archive).ok
        assert stored_counts(archive)["blob"] == 1


def test_cleanup_removes_a_crashed_imports_content_whatever_its_age(new_archive: Archive) -> None:
    """No import holds the lock, so fresh unreferenced content is a leftover: removed now,
    once the archive has a later change. Until then it is newer than the whole history, which
    is also what an archive.db rolled back to an older copy looks like, so it is kept as
    possible evidence (issue 8; tests/app/test_media_export_verify.py)."""
    MediaStore(new_archive.media_db).write_bytes(b"left by a crashed import")
    assert remove_orphans(new_archive) == 0
    new_archive.repo.insert(Case(title="the next change"))
    assert remove_orphans(new_archive) == 1
    assert stored_counts(new_archive)["blob"] == 0

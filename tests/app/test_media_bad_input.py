"""Hostile and broken input: each file fails alone with a message naming it, nothing of it
is stored, the rest of the batch is imported, and the archive still verifies.

Failures are made real: a FIFO and /proc/self/mem fail for root too (chmod 000 would not),
SQLITE_FULL comes from SQLite itself via PRAGMA max_page_count, a file is truncated while
it is being read, and cancel goes through the CancelToken from the progress callback.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from tumar.app import cases
from tumar.app.jobs import CancelToken
from tumar.app.media.export import export_original
from tumar.app.media.importer import ImportCancelled, Links, import_files
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.media_store import CHUNK_SIZE

from .media_support import (
    make_fifo,
    noise_jpeg,
    png_bomb,
    random_file,
    stored_counts,
    truncated_jpeg,
    write,
)


def assert_ok(archive: Archive) -> None:
    report = verify_archive(archive)
    assert report.ok, report.problems


def test_bad_files_fail_alone_and_the_batch_continues(new_archive: Archive, tmp_path: Path) -> None:
    good_a = write(tmp_path / "good-a.jpg", noise_jpeg(seed=1))
    good_b = write(tmp_path / "good-b.jpg", noise_jpeg(seed=2))
    folder = tmp_path / "a folder"
    folder.mkdir()
    loop = tmp_path / "loop.jpg"
    os.symlink(loop, loop)
    bad = {
        "truncated.jpg": (write(tmp_path / "truncated.jpg", truncated_jpeg()), "damaged"),
        "bomb.png": (write(tmp_path / "bomb.png", png_bomb()), "megapixels"),
        "empty.jpg": (write(tmp_path / "empty.jpg", b""), "empty"),
        "gone.jpg": (write(tmp_path / "gone.jpg", noise_jpeg(seed=3)), "No such file"),
        "a folder": (folder, "is a folder"),
        "loop.jpg": (loop, "symbolic links"),
        "pipe.jpg": (make_fifo(tmp_path / "pipe.jpg"), "not a regular file"),
    }
    if sys.platform.startswith("linux"):
        bad["mem"] = (Path("/proc/self/mem"), "Input/output error")  # EIO, even for root
    paths = [good_a, *(p for p, _ in bad.values()), good_b]

    def delete_after_listing(done: int, total: int, text: str) -> None:
        if text == str(good_a):  # the batch is listed; gone.jpg has not been opened yet
            bad["gone.jpg"][0].unlink(missing_ok=True)

    report = import_files(new_archive, paths, progress=delete_after_listing)

    statuses = [r.status for r in report.results]
    assert statuses == ["imported", *["failed"] * len(bad), "imported"]
    for result, (path, reason) in zip(report.results[1:-1], bad.values(), strict=True):
        assert result.error.startswith(f"{path}: "), result.error
        assert reason in result.error, result.error
    counts = stored_counts(new_archive)
    assert (counts["media"], counts["blob"], counts["thumbnail"]) == (2, 2, 2)
    assert_ok(new_archive)


def test_damaged_image_can_be_kept_as_a_plain_file(new_archive: Archive, tmp_path: Path) -> None:
    src = write(tmp_path / "truncated.jpg", truncated_jpeg())
    refused = import_files(new_archive, [src])
    assert "--keep-unreadable" in refused.failed[0].error
    kept = import_files(new_archive, [src], keep_unreadable=True)
    media = kept.results[0].media
    assert media is not None
    assert media.unreadable and media.kind == "file" and media.mime == "image/jpeg"
    assert "damaged" in media.unreadable_reason
    assert media.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert stored_counts(new_archive)["thumbnail"] == 0
    assert_ok(new_archive)


def test_decompression_bomb_is_refused_before_decoding(
    new_archive: Archive, tmp_path: Path
) -> None:
    src = write(tmp_path / "bomb.png", png_bomb(60_000, 60_000))
    report = import_files(new_archive, [src])
    assert "3,600 megapixels" in report.failed[0].error
    assert set(stored_counts(new_archive).values()) == {0}
    kept = import_files(new_archive, [src], keep_unreadable=True).results[0].media
    assert kept is not None and kept.unreadable and "decompression bomb" in kept.unreadable_reason
    assert stored_counts(new_archive)["thumbnail"] == 0


def test_names_in_any_script_and_undecodable_bytes(new_archive: Archive, tmp_path: Path) -> None:
    names = ["Қайша Ақан.jpg", "صورة المحكمة.jpg", "伊犁哈萨克自治州.jpg"]
    paths: list[str | bytes] = [
        str(write(tmp_path / name, noise_jpeg(seed=i))) for i, name in enumerate(names)
    ]
    raw = os.fsencode(tmp_path) + b"/bad-\xff\xfe-name.jpg"
    with open(raw, "wb") as fh:
        fh.write(noise_jpeg(seed=9))
    paths.append(raw)
    report = import_files(new_archive, paths)
    assert report.ok, report.failed
    stored = [r.media.original_name for r in report.results]  # type: ignore[union-attr]
    assert stored == [*names, "bad-\\xff\\xfe-name.jpg"]
    assert_ok(new_archive)


def test_file_changing_while_read_is_refused(new_archive: Archive, tmp_path: Path) -> None:
    growing = random_file(tmp_path / "growing.mov", 3 * CHUNK_SIZE)
    after = write(tmp_path / "after.jpg", noise_jpeg(seed=5))

    def truncate_midway(done: int, total: int, text: str) -> None:
        if text.endswith("growing.mov") and done >= CHUNK_SIZE:
            os.truncate(growing, CHUNK_SIZE + 10)

    report = import_files(new_archive, [growing, after], progress=truncate_midway)
    assert [r.status for r in report.results] == ["failed", "imported"]
    assert "changed while it was being read" in report.results[0].error
    assert stored_counts(new_archive)["blob"] == 1
    assert_ok(new_archive)


def test_cancel_from_progress_leaves_no_partial_record_or_chunks(
    new_archive: Archive, tmp_path: Path
) -> None:
    first = write(tmp_path / "first.jpg", noise_jpeg(seed=1))
    big = random_file(tmp_path / "interview.mp4", 4 * CHUNK_SIZE)
    never = write(tmp_path / "never.jpg", noise_jpeg(seed=2))
    token = CancelToken()
    seen: list[int] = []

    def cancel_in_big_file(done: int, total: int, text: str) -> None:
        seen.append(done)
        if text.endswith("interview.mp4") and done >= first.stat().st_size + 2 * CHUNK_SIZE:
            token.cancel()

    with pytest.raises(ImportCancelled) as caught:
        import_files(new_archive, [first, big, never], progress=cancel_in_big_file, cancel=token)

    assert [r.name for r in caught.value.report.results] == [str(first)]
    assert seen == sorted(seen) and seen[-1] < first.stat().st_size + 4 * CHUNK_SIZE
    counts = stored_counts(new_archive)
    assert (counts["media"], counts["blob"], counts["chunk"]) == (1, 1, 1)
    assert_ok(new_archive)


def test_disk_full_in_media_db_rolls_back_and_the_next_file_still_fits(
    new_archive: Archive, tmp_path: Path
) -> None:
    big = random_file(tmp_path / "video.mp4", 6 * CHUNK_SIZE)
    small = write(tmp_path / "small.jpg", noise_jpeg(seed=4))
    db = new_archive.media_db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
    db.execute(f"PRAGMA max_page_count = {pages + (2 * CHUNK_SIZE) // page_size}")

    report = import_files(new_archive, [big, small])

    assert [r.status for r in report.results] == ["failed", "imported"]
    assert (
        report.results[0].error
        == f"{big}: not imported because the disk is full; nothing was stored"
    )
    counts = stored_counts(new_archive)
    assert (counts["media"], counts["blob"], counts["chunk"]) == (1, 1, 1)
    db.execute("PRAGMA max_page_count = 1073741823")
    assert_ok(new_archive)


def test_failing_record_write_removes_the_content_again(
    new_archive: Archive, tmp_path: Path
) -> None:
    """media.db has committed when archive.db refuses the record: the blob must go again."""
    src = write(tmp_path / "photo.jpg", noise_jpeg(seed=8))
    new_archive.records_db.execute("PRAGMA query_only = ON")  # every write now fails in SQLite
    report = import_files(new_archive, [src])
    assert "readonly" in report.failed[0].error, report.failed[0].error
    new_archive.records_db.execute("PRAGMA query_only = OFF")
    assert set(stored_counts(new_archive).values()) == {0}
    assert_ok(new_archive)


def test_failed_reimport_keeps_the_content_it_shares(new_archive: Archive, tmp_path: Path) -> None:
    """The undo deletes only content this import stored: the same bytes imported again
    (found in media.db, created=False) must survive a failing record step."""
    src = write(tmp_path / "photo.jpg", noise_jpeg(seed=9))
    [first] = import_files(new_archive, [src]).imported
    assert first.media is not None
    case = cases.add_case(new_archive, "Zaisan hearing")
    new_archive.records_db.execute("PRAGMA query_only = ON")  # the new link cannot be written
    report = import_files(new_archive, [src], Links(case_ids=(case.id,)))
    new_archive.records_db.execute("PRAGMA query_only = OFF")
    assert "readonly" in report.failed[0].error, report.failed[0].error
    assert stored_counts(new_archive) == {
        "media": 1, "media_link": 0, "blob": 1, "chunk": 1, "thumbnail": 1
    }  # fmt: skip
    out = export_original(new_archive, first.media.id, tmp_path / "out")
    assert out.path.read_bytes() == src.read_bytes()
    assert_ok(new_archive)

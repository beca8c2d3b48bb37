"""Export of originals (exact, verified, atomic), --strip-metadata, and media verification.

Tampering is done the way an attacker or a bad disk would: raw SQL on media.db, behind
Tumar's back.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from tumar.app.media.exif import read_image_metadata
from tumar.app.media.export import MediaIntegrityError, export_original
from tumar.app.media.importer import import_files
from tumar.app.media.verify_media import remove_orphans, verify_media
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput
from tumar.storage.media_store import CHUNK_SIZE, MediaStore
from tumar.storage.records import Case, Media

from .media_support import exif_jpeg, heic_bytes, photo, random_file, write

CANARY = "TUMAR-CANARY-7f3a"


def imported(archive: Archive, *paths: Path) -> list[Media]:
    report = import_files(archive, list(paths))
    assert report.ok, report.failed
    return [r.media for r in report.results]  # type: ignore[misc]


def test_export_writes_the_exact_original_atomically(new_archive: Archive, tmp_path: Path) -> None:
    src = random_file(tmp_path / "interview.wav", 2 * CHUNK_SIZE + 77)
    (media,) = imported(new_archive, src)
    out = tmp_path / "out"
    out.mkdir()
    result = export_original(new_archive, media.id, out)
    assert result.path == out / "interview.wav"
    assert result.path.read_bytes() == src.read_bytes()
    assert list(out.iterdir()) == [result.path]  # no temp file left behind
    assert result.path.stat().st_mode & 0o077 == 0
    with pytest.raises(InvalidInput, match="already exists"):
        export_original(new_archive, media.id, result.path)


def test_export_refuses_content_that_no_longer_matches_its_hash(
    new_archive: Archive, tmp_path: Path
) -> None:
    (media,) = imported(new_archive, random_file(tmp_path / "v.mp4", CHUNK_SIZE + 5))
    new_archive.media_db.execute("UPDATE chunk SET data = zeroblob(length(data)) WHERE idx = 1")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(MediaIntegrityError, match="does not match"):
        export_original(new_archive, media.id, out / "copy.mp4")
    assert list(out.iterdir()) == []


def test_strip_metadata_removes_exif_and_gps(new_archive: Archive, tmp_path: Path) -> None:
    made = write(tmp_path / "made.jpg", exif_jpeg(description=CANARY, gps=True))
    (camera, generated) = imported(new_archive, photo("gps/DSCN0010.jpg"), made)
    for media in (camera, generated):
        assert media.has_gps and media.gps_lat is not None
        full = export_original(new_archive, media.id, tmp_path / f"full-{media.id}.jpg")
        assert read_image_metadata(full.path).has_gps
        clean = export_original(new_archive, media.id, tmp_path / f"clean-{media.id}.jpg", True)
        meta = read_image_metadata(clean.path)
        assert not meta.has_gps and meta.gps_alt is None
        assert meta.camera_make is None and meta.extra == {}
        data = clean.path.read_bytes()
        assert b"Exif\x00\x00" not in data and CANARY.encode() not in data
        with Image.open(clean.path) as image:
            assert image.size == (media.width, media.height)
            assert not image.getexif()


def test_strip_metadata_turns_heic_into_jpeg(new_archive: Archive, tmp_path: Path) -> None:
    (media,) = imported(new_archive, write(tmp_path / "phone.heic", heic_bytes()))
    out = tmp_path / "out"
    out.mkdir()
    result = export_original(new_archive, media.id, out, strip_metadata=True)
    assert result.mime == "image/jpeg" and result.path.name == "phone.jpg"
    with Image.open(result.path) as image:
        # upright (the phone stored it rotated), and the camera's EXIF is gone
        assert image.format == "JPEG" and image.size == (3024, 4032)
        assert not image.getexif()


def test_strip_metadata_is_only_for_images(new_archive: Archive, tmp_path: Path) -> None:
    (media,) = imported(new_archive, random_file(tmp_path / "a.bin", 1000))
    with pytest.raises(InvalidInput, match="not a readable image"):
        export_original(new_archive, media.id, tmp_path / "x", strip_metadata=True)
    assert not (tmp_path / "x").exists()


# ---- verification ------------------------------------------------------------------------


def test_verify_rehashes_media_and_reports_a_tampered_chunk(
    new_archive: Archive, tmp_path: Path
) -> None:
    a, b = imported(
        new_archive,
        random_file(tmp_path / "a.mp4", 3 * CHUNK_SIZE, seed=1),
        random_file(tmp_path / "b.mp4", 1000, seed=2),
    )
    clean = verify_media(new_archive)
    assert clean.ok and clean.blobs_checked == 2
    assert clean.bytes_checked == 3 * CHUNK_SIZE + 1000

    blob_id = MediaStore(new_archive.media_db).info(a.sha256).id  # type: ignore[union-attr]
    db = new_archive.media_db
    where = "WHERE blob_id = ? AND idx = 2"
    data = bytearray(db.execute(f"SELECT data FROM chunk {where}", (blob_id,)).fetchone()[0])
    data[10] ^= 0x01  # one flipped bit
    db.execute(f"UPDATE chunk SET data = ? {where}", (bytes(data), blob_id))
    report = verify_archive(new_archive)
    assert len(report.problems) == 1
    assert a.id in report.problems[0] and "does not match its SHA-256" in report.problems[0]


def test_verify_reports_missing_extra_and_orphaned_pieces(
    new_archive: Archive, tmp_path: Path
) -> None:
    a, b = imported(
        new_archive,
        random_file(tmp_path / "a.mp4", 3 * CHUNK_SIZE, seed=3),
        random_file(tmp_path / "b.mp4", 500, seed=4),
    )
    store = MediaStore(new_archive.media_db)
    db = new_archive.media_db
    a_id = store.info(a.sha256).id  # type: ignore[union-attr]
    db.execute("DELETE FROM chunk WHERE blob_id = ? AND idx = 1", (a_id,))
    db.execute("INSERT INTO chunk (blob_id, idx, data) VALUES (?, 7, x'00')", (a_id,))
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("INSERT INTO chunk (blob_id, idx, data) VALUES (999, 0, x'00')")
    db.execute("DELETE FROM blob WHERE sha256 = ?", (b.sha256,))
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(
        "INSERT INTO blob (sha256, size, chunk_size, chunk_count, stored_at)"
        " VALUES (?, 0, ?, 0, '2020-01-01T00:00:00+00:00')",
        (hashlib.sha256(b"").hexdigest(), CHUNK_SIZE),
    )
    text = "\n".join(verify_media(new_archive).problems)
    assert "chunk(s) missing (#1)" in text
    assert "unexpected extra chunk #7" in text
    assert f"{b.id} (b.mp4): content is missing" in text
    assert "belongs to no media record" in text
    assert "(#999) are left over" in text

    assert remove_orphans(new_archive) == 1
    text = "\n".join(verify_media(new_archive).problems)
    assert "belongs to no media record" not in text and "left over" not in text


def test_orphan_newer_than_the_last_change_is_a_possible_rollback(new_archive: Archive) -> None:
    """archive.db swapped for an older copy leaves the newer media without records: that is
    evidence to back up, never cleanup material (issue 8)."""
    new_archive.repo.insert(Case(title="before the content"))
    MediaStore(new_archive.media_db).write(io.BytesIO(b"photo of a detention order"))
    problems = "\n".join(verify_media(new_archive).problems)
    assert "possible rollback" in problems and "backup" in problems
    assert "cleanup` removes it" not in problems
    assert remove_orphans(new_archive) == 0
    assert len(MediaStore(new_archive.media_db).blobs()) == 1
    new_archive.repo.insert(Case(title="a later change"))  # now older than the history
    assert remove_orphans(new_archive) == 1

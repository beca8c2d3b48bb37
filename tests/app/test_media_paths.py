"""The two import paths (small files read whole and described ahead, large files streamed and
described from their stored chunks) give the same results; thumbnails live in archive.db,
stay readable while media.db is locked by an import, and are cleaned up with their content.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tumar.app.media import prepare
from tumar.app.media.catalog import media_detail
from tumar.app.media.importer import import_files
from tumar.app.media.verify_media import remove_orphans, verify_media
from tumar.storage.archive import Archive
from tumar.storage.connection import DatabaseError
from tumar.storage.records import Media
from tumar.storage.thumbnail_store import Thumbnail, ThumbnailStore

from .media_support import noise_jpeg, oriented_jpeg, photo, png_bomb, stored_counts, write


def described(archive: Archive, paths: list[Path]) -> list[tuple]:
    report = import_files(archive, paths)
    rows = []
    for result in report.results:
        media = result.media
        if media is None:
            rows.append((result.status, result.error.split(": ", 1)[1]))
            continue
        thumb = ThumbnailStore(archive.records_db).get(media.sha256)
        pixels = Image.open(io.BytesIO(thumb.data)).convert("RGB").tobytes() if thumb else None
        rows.append((
            result.status, media.sha256, media.mime, media.kind, media.width, media.height,
            media.orientation, media.camera, media.gps_lat, thumb and (thumb.width, thumb.height),
            pixels,
        ))  # fmt: skip
    return rows


def test_streamed_and_in_memory_imports_describe_files_alike(
    tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tumar.storage.kdf import fast_params

    paths = [
        photo("gps/DSCN0010.jpg"),
        write(tmp_path / "o6.jpg", oriented_jpeg(6)),
        write(tmp_path / "bomb.png", png_bomb()),
        write(tmp_path / "empty.jpg", b""),
        write(tmp_path / "data.bin", b"\x00\x01" * 5000),
    ]
    results = []
    for limit in (prepare.IN_MEMORY_MAX, 0):  # 0: every file takes the streaming path
        monkeypatch.setattr(prepare, "IN_MEMORY_MAX", limit)
        archive, _ = Archive.create(tmp_path / f"{limit}.tumar", passphrase, fast_params())
        with archive:
            results.append(described(archive, paths))
    assert results[0] == results[1]
    statuses = [row[0] for row in results[0]]
    assert statuses == ["imported", "imported", "failed", "failed", "imported"]
    assert "megapixels" in results[0][2][1] and "empty" in results[0][3][1]
    assert results[0][0][9] == (256, 192) and results[0][1][9][0] > results[0][1][9][1]


def test_thumbnails_stay_readable_while_an_import_holds_media_db(
    new_archive: Archive, passphrase: str
) -> None:
    media = import_files(new_archive, [photo("gps/DSCN0010.jpg")]).results[0].media
    assert media is not None
    other = Archive.open(new_archive.folder, passphrase)  # e.g. the GUI, another process
    try:
        new_archive.media_db.execute("BEGIN EXCLUSIVE")  # what a long import ends up holding
        try:
            other.media_db.execute("PRAGMA busy_timeout = 0")
            with pytest.raises(DatabaseError, match="locked"):
                other.media_db.execute("SELECT count(*) FROM chunk").fetchone()
            detail = media_detail(other, media.id)
            assert detail.thumbnail is not None
            assert (detail.thumbnail.width, detail.thumbnail.height) == (256, 192)
        finally:
            new_archive.media_db.execute("ROLLBACK")
    finally:
        other.close()


def test_thumbnail_without_a_record_is_reported_and_cleaned_up(
    new_archive: Archive, tmp_path: Path
) -> None:
    kept = import_files(new_archive, [write(tmp_path / "a.jpg", noise_jpeg(seed=4))])
    stray = Thumbnail("ab" * 32, "image/jpeg", 1, 1, b"\xff\xd8")
    ThumbnailStore(new_archive.records_db).put(stray)
    problems = verify_media(new_archive).problems
    assert problems == [
        "1 thumbnail(s) belong to no media record (abababababab); "
        "`tumar media cleanup` removes them"
    ]
    remove_orphans(new_archive)
    assert verify_media(new_archive).ok
    assert ThumbnailStore(new_archive.records_db).get(stray.sha256) is None
    media = kept.results[0].media
    assert isinstance(media, Media)
    assert ThumbnailStore(new_archive.records_db).get(media.sha256) is not None
    assert stored_counts(new_archive)["thumbnail"] == 1


def test_a_cancelled_batch_closes_the_file_prepared_ahead(
    new_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tumar.app.jobs import CancelToken
    from tumar.app.media.importer import ImportCancelled

    opened: list[prepare.Prepared] = []
    real = prepare.prepare

    def spying(*args: object) -> prepare.Prepared:
        result = real(*args)  # type: ignore[arg-type]
        opened.append(result)
        return result

    monkeypatch.setattr("tumar.app.media.importer.prepare", spying)
    paths = [write(tmp_path / f"{i}.jpg", noise_jpeg(seed=i)) for i in range(3)]
    token = CancelToken()

    def cancel_after_first(done: int, total: int, text: str) -> None:
        if text == str(paths[1]):
            token.cancel()

    with pytest.raises(ImportCancelled) as caught:
        import_files(new_archive, paths, progress=cancel_after_first, cancel=token)
    assert [r.status for r in caught.value.report.results] == ["imported"]
    assert len(opened) >= 2 and all(p.source.closed for p in opened)
    assert stored_counts(new_archive)["blob"] == 1

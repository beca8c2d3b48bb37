"""The importer's two paths (small files read whole and described ahead, large files streamed
and described from their stored chunks) and import_stream, each held to the same promises
where the first mutation run found the streamed path loose: exact progress, a file touched
after it was opened is refused even when its bytes are already stored, refused content never
reaches the record step, content stored without a record is described again, recordings are
probed, and import_stream's links, keep-unreadable and failure sentences.

The streamed path is taken by lowering prepare.IN_MEMORY_MAX to 0 (as test_media_paths does).
"""

from __future__ import annotations

import io
import os
import wave
from pathlib import Path

import pytest

from tumar.app import cases, people, testimonies
from tumar.app.jobs import CancelToken
from tumar.app.media import importer, prepare
from tumar.app.media.importer import ImportCancelled, Links, import_files, import_stream
from tumar.app.media.prepare import MediaImportError
from tumar.storage.archive import Archive
from tumar.storage.errors import RecordNotFound
from tumar.storage.media_store import CHUNK_SIZE, MediaStore

from .media_support import noise_jpeg, png_bomb, random_file, stored_counts, truncated_jpeg, write

#: an ISO-BMFF header whose brands say only "MP4": the name decides audio (.m4a) or video
M4A = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp42" + bytes(64)


@pytest.fixture(params=["in-memory", "streamed"])
def path_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "streamed":
        monkeypatch.setattr(prepare, "IN_MEMORY_MAX", 0)
    return request.param


def wav(path: Path, seconds: float = 0.5) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x01" * int(8000 * seconds))
    return path


def touch_after_opening(monkeypatch: pytest.MonkeyPatch, *touched: Path) -> None:
    """The file's mtime moves after the importer opened it (a camera app still writing)."""
    real = prepare.prepare

    def opened_then_touched(path: str, *rest: object) -> prepare.Prepared:
        prepared = real(path, *rest)  # type: ignore[arg-type]
        if Path(path) in touched:
            stamp = os.stat(path).st_mtime_ns + 5_000_000_000
            os.utime(path, ns=(stamp, stamp))
        return prepared

    monkeypatch.setattr(importer, "prepare", opened_then_touched)


def test_progress_is_exact(new_archive: Archive, tmp_path: Path, path_kind: str) -> None:
    small = write(tmp_path / "a.jpg", noise_jpeg(seed=1))
    gone = tmp_path / "gone.bin"  # counts 0 bytes
    big = random_file(tmp_path / "b.bin", 2 * CHUNK_SIZE + 10)
    one, two = small.stat().st_size, big.stat().st_size
    total = one + two
    calls: list[tuple[int, int, str]] = []
    import_files(new_archive, [small, gone, big], progress=lambda *call: calls.append(call))
    assert calls == [
        (0, total, str(small)), (one, total, str(small)), (one, total, str(gone)),
        (one, total, str(big)), (one + CHUNK_SIZE, total, str(big)),
        (one + 2 * CHUNK_SIZE, total, str(big)), (total, total, str(big)),
        (total, total, ""),
    ]  # fmt: skip


def test_a_file_touched_after_opening_is_refused_even_as_a_duplicate(
    new_archive: Archive, tmp_path: Path, path_kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(tmp_path / "first.jpg", noise_jpeg(seed=3))
    [kept] = import_files(new_archive, [first]).results
    copy = write(tmp_path / "copy.jpg", first.read_bytes())  # already stored: a duplicate
    fresh = write(tmp_path / "fresh.jpg", noise_jpeg(seed=4))  # new content
    case = cases.add_case(new_archive, "Zaisan hearing")
    touch_after_opening(monkeypatch, copy, fresh)
    report = import_files(new_archive, [copy, fresh], Links(case_ids=(case.id,)))
    for result, path in zip(report.results, (copy, fresh), strict=True):
        size = path.stat().st_size
        assert (result.status, result.name) == ("failed", str(path))
        assert result.error == (
            f"{path}: the file changed while it was being read ({size} bytes when opened, "
            f"{size} read, {size} now); nothing was stored, import it again once it is complete"
        )
    assert kept.status == "imported"
    assert stored_counts(new_archive) == {
        "media": 1, "media_link": 0, "blob": 1, "chunk": 1, "thumbnail": 1
    }  # fmt: skip


def test_refused_content_never_reaches_the_record_step(
    new_archive: Archive, tmp_path: Path, path_kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bomb or an empty file is refused inside its media.db transaction: the record step
    (where before_record_hook runs, after media.db committed) is never reached for it."""
    reached: list[str] = []
    monkeypatch.setattr(importer, "before_record_hook", reached.append)
    good = write(tmp_path / "good.jpg", noise_jpeg(seed=5))
    paths = [write(tmp_path / "bomb.png", png_bomb()), write(tmp_path / "empty.jpg", b""), good]
    report = import_files(new_archive, paths)
    assert [r.status for r in report.results] == ["failed", "failed", "imported"]
    assert reached == [str(good)]
    assert stored_counts(new_archive)["blob"] == 1


def test_content_stored_without_a_record_is_described_again(
    new_archive: Archive, tmp_path: Path, path_kind: str
) -> None:
    """Content left in media.db by an import that died before its record (what `tumar media
    cleanup` would remove) is not stored again, but its record is described as new."""
    store = MediaStore(new_archive.media_db)
    photo, voice = noise_jpeg(seed=6), M4A
    for data in (photo, voice):
        assert store.write_bytes(data).created
    paths = [write(tmp_path / "photo.jpg", photo), write(tmp_path / "voice.m4a", voice),
             write(tmp_path / "memo.m4a", voice + b"new")]  # fmt: skip
    report = import_files(new_archive, paths)
    assert [(r.status, r.name) for r in report.results] == [
        ("imported", str(paths[0])), ("imported", str(paths[1])), ("imported", str(paths[2]))
    ]  # fmt: skip
    shot, sound, memo = (r.media for r in report.results)
    assert shot is not None and sound is not None and memo is not None
    assert (memo.mime, memo.original_name) == ("audio/mp4", "memo.m4a")  # described as new
    assert (shot.mime, shot.width, shot.height, shot.original_name) == (
        "image/jpeg", 640, 480, "photo.jpg"
    )  # fmt: skip
    assert (sound.mime, sound.kind, sound.original_name) == ("audio/mp4", "audio", "voice.m4a")
    assert stored_counts(new_archive) == {
        "media": 3, "media_link": 0, "blob": 3, "chunk": 3, "thumbnail": 1
    }  # fmt: skip


def test_stored_content_that_disappears_before_it_is_described(
    new_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prepare, "IN_MEMORY_MAX", 0)
    data = noise_jpeg(seed=7)
    stored = MediaStore(new_archive.media_db).write_bytes(data)
    path = write(tmp_path / "photo.jpg", data)

    def remove_it(display: str) -> None:
        MediaStore(new_archive.media_db).delete(stored.sha256)

    monkeypatch.setattr(importer, "before_record_hook", remove_it)
    [result] = import_files(new_archive, [path]).results
    assert result.status == "failed"
    assert result.error == f"{path}: the stored content disappeared before it could be described"
    assert set(stored_counts(new_archive).values()) == {0}


def test_a_recording_is_probed_on_either_path(
    new_archive: Archive, tmp_path: Path, path_kind: str
) -> None:
    [result] = import_files(new_archive, [wav(tmp_path / "interview.wav")]).results
    assert result.media is not None and result.media.kind == "audio"
    assert result.media.duration_s == pytest.approx(0.5, abs=0.01)


def test_the_same_file_again_is_a_duplicate_with_its_new_link(
    new_archive: Archive, tmp_path: Path, path_kind: str
) -> None:
    path = random_file(tmp_path / "clip.bin", CHUNK_SIZE + 5)
    case = cases.add_case(new_archive, "Zaisan hearing")
    [first] = import_files(new_archive, [path]).results
    [again] = import_files(new_archive, [path], Links(case_ids=(case.id,))).results
    assert (first.status, again.status, again.name) == ("imported", "duplicate", str(path))
    assert again.media is not None and first.media is not None
    assert again.media.id == first.media.id
    assert stored_counts(new_archive)["media_link"] == 1


def test_keep_unreadable_on_either_path(new_archive: Archive, tmp_path: Path, path_kind: str):
    path = write(tmp_path / "broken.jpg", truncated_jpeg())
    [result] = import_files(new_archive, [path], keep_unreadable=True).results
    assert result.status == "imported" and result.media is not None
    assert result.media.unreadable and result.media.kind == "file"


def test_a_missing_file_is_one_sentence(new_archive: Archive, tmp_path: Path) -> None:
    gone = tmp_path / "gone.jpg"
    [result] = import_files(new_archive, [gone]).results
    assert result.error == f"{gone}: cannot read the file (No such file or directory); " + (
        "nothing was stored"
    )


def test_import_stream_links_keeps_unreadable_and_dedupes(new_archive: Archive) -> None:
    case = cases.add_case(new_archive, "Zaisan hearing")
    data = noise_jpeg(seed=8)
    first = import_stream(new_archive, io.BytesIO(data), "a.jpg", Links(case_ids=(case.id,)))
    again = import_stream(new_archive, io.BytesIO(data), "b.jpg")
    assert (first.status, again.status) == ("imported", "duplicate")
    assert stored_counts(new_archive)["media_link"] == 1
    with pytest.raises(RecordNotFound):
        import_stream(new_archive, io.BytesIO(b"x" * 10), "c.bin", Links(case_ids=("0" * 32,)))
    kept = import_stream(new_archive, io.BytesIO(truncated_jpeg()), "d.jpg", keep_unreadable=True)
    assert kept.media is not None and kept.media.unreadable
    with pytest.raises(MediaImportError, match="damaged"):
        import_stream(new_archive, io.BytesIO(truncated_jpeg()[:-10]), "e.jpg")
    with pytest.raises(MediaImportError) as info:  # only a stream reaches the store empty
        import_stream(new_archive, io.BytesIO(b""), "f.jpg")
    assert str(info.value) == "f.jpg: the file is empty (0 bytes); there is nothing to import"
    assert stored_counts(new_archive)["media"] == 2


def test_import_stream_on_a_full_disk_is_one_sentence(new_archive: Archive) -> None:
    db = new_archive.media_db
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
    try:
        with pytest.raises(MediaImportError) as info:
            import_stream(new_archive, io.BytesIO(os.urandom(3 * CHUNK_SIZE)), "big.bin")
    finally:
        db.execute("PRAGMA max_page_count = 1073741823")
    assert str(info.value) == "big.bin: not imported because the disk is full; nothing was stored"
    assert set(stored_counts(new_archive).values()) == {0}


def test_stored_content_without_a_record_is_still_refused(
    new_archive: Archive, tmp_path: Path, path_kind: str
) -> None:
    """A bomb left in media.db without a record is refused with the same sentence as a new
    one when it is imported again, and the content that was there stays."""
    fresh = import_files(new_archive, [write(tmp_path / "new.png", png_bomb())])  # not stored
    MediaStore(new_archive.media_db).write_bytes(png_bomb())
    [again] = import_files(new_archive, [write(tmp_path / "bomb.png", png_bomb())]).results
    [refused] = fresh.results
    assert again.status == "failed"
    assert again.error == refused.error.replace("new.png", "bomb.png")
    assert stored_counts(new_archive)["blob"] == 1


def test_an_unexpected_error_names_its_type(
    new_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(display: str) -> None:
        raise RuntimeError("the record step broke")

    monkeypatch.setattr(importer, "before_record_hook", broken)
    path = write(tmp_path / "a.jpg", noise_jpeg(seed=10))
    [result] = import_files(new_archive, [path]).results
    assert result.error == (
        f"{path}: not imported because of an unexpected error (RuntimeError: the record step broke)"
    )
    assert set(stored_counts(new_archive).values()) == {0}


def test_stored_content_with_a_missing_chunk_is_one_sentence(
    new_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged leftover (its chunk row gone) is found when the same file is streamed in
    again: the store's own OSError carries no errno, its text is the reason shown."""
    monkeypatch.setattr(prepare, "IN_MEMORY_MAX", 0)
    data = noise_jpeg(seed=11)
    stored = MediaStore(new_archive.media_db).write_bytes(data)
    new_archive.media_db.execute("DELETE FROM chunk")
    [result] = import_files(new_archive, [write(tmp_path / "a.jpg", data)]).results
    assert result.error == (
        f"{tmp_path / 'a.jpg'}: cannot read the file (stored content {stored.sha256[:12]} "
        "is missing chunk 0); nothing was stored"
    )


def test_a_failed_undo_does_not_hide_the_error(
    new_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record step fails and so does removing the content again (media.db refuses
    writes too): the person reads the first error; the leftover is for `verify` to report."""

    def broken(display: str) -> None:
        new_archive.media_db.execute("PRAGMA query_only = ON")
        raise RuntimeError("the record step broke")

    monkeypatch.setattr(importer, "before_record_hook", broken)
    path = write(tmp_path / "a.jpg", noise_jpeg(seed=12))
    [result] = import_files(new_archive, [path]).results
    new_archive.media_db.execute("PRAGMA query_only = OFF")
    assert result.error == (
        f"{path}: not imported because of an unexpected error (RuntimeError: the record step broke)"
    )


def test_content_kept_as_unreadable_is_a_duplicate_without_the_flag(
    new_archive: Archive, tmp_path: Path, path_kind: str
) -> None:
    path = write(tmp_path / "broken.jpg", truncated_jpeg())
    case = cases.add_case(new_archive, "Zaisan hearing")
    [kept] = import_files(new_archive, [path], keep_unreadable=True).results
    [again] = import_files(new_archive, [path], Links(case_ids=(case.id,))).results
    assert (kept.status, again.status) == ("imported", "duplicate")
    assert stored_counts(new_archive)["media_link"] == 1


def test_cancel_between_files_reports_what_was_finished(
    new_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = CancelToken()
    monkeypatch.setattr(importer, "before_record_hook", lambda display: token.cancel())
    paths = [write(tmp_path / f"{i}.jpg", noise_jpeg(seed=20 + i)) for i in range(2)]
    with pytest.raises(ImportCancelled) as caught:
        import_files(new_archive, paths, cancel=token)
    assert [(r.status, r.name) for r in caught.value.report.results] == [
        ("imported", str(paths[0]))
    ]
    assert stored_counts(new_archive)["media"] == 1


def test_links_to_each_kind_of_record(new_archive: Archive, tmp_path: Path) -> None:
    witness = people.add_person(new_archive, "Murager Alimuly").person
    statement = testimonies.add_testimony(new_archive, witness.id, "Border crossing in 2017")
    links = Links(person_ids=(witness.id,), testimony_ids=(statement.id,))
    [result] = import_files(
        new_archive, [write(tmp_path / "a.jpg", noise_jpeg(seed=30))], links
    ).results
    assert result.media is not None
    rows = new_archive.records_db.execute(
        "SELECT person_id, testimony_id FROM media_link WHERE media_id = ? ORDER BY person_id",
        (result.media.id,),
    ).fetchall()
    assert [tuple(row) for row in rows] == [(None, statement.id), (witness.id, None)]
    with pytest.raises(RecordNotFound):
        import_files(new_archive, [], Links(testimony_ids=("0" * 32,)))


@pytest.mark.parametrize(
    ("name", "stored"), [("photo.jpg ", "photo.jpg "), ("BOX/", "BOX"), ("/", "/")]
)
def test_stream_names_keep_their_last_component(
    new_archive: Archive, name: str, stored: str
) -> None:
    result = import_stream(new_archive, io.BytesIO(name.encode() * 3), name)
    assert result.media is not None and result.media.original_name == stored

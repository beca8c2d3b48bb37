"""ChunkReader: many blobs read in order by helper threads on their own connections."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from tests.templates import Templates
from tumar.storage.archive import Archive
from tumar.storage.archive_files import MEDIA_DB
from tumar.storage.connection import transaction
from tumar.storage.media_store import MediaStore
from tumar.storage.media_stream import ChunkMissing, ChunkReader

SMALL = 4096  # chunk size for these blobs: many chunks from little data


def _store(archive: Archive) -> tuple[list, dict[str, bytes]]:
    store = MediaStore(archive.media_db)
    contents = [os.urandom(n) for n in (0, 1, SMALL, SMALL + 1, 5 * SMALL + 7, 3 * SMALL)]
    for data in contents:
        store.write_bytes(data, chunk_size=SMALL)
    by_sha = {hashlib.sha256(d).hexdigest(): d for d in contents}
    blobs = [b for b in store.blobs() if b.sha256 in by_sha]
    blobs.reverse()  # not the table's order: the caller's order is what counts
    return blobs, by_sha


@pytest.fixture
def stored(tmp_path: Path, templates: Templates):
    """Blobs of awkward sizes in small chunks: this test's own copy of an archive that
    stored them once per session (tests/templates.py)."""
    template = templates.get("media-stream", _store, "correct horse battery")
    archive = template.open_copy(tmp_path / "a.tumar")
    yield archive, *template.extra
    archive.close()


@pytest.mark.parametrize("readers", [1, 2, 3])
def test_every_blob_comes_back_whole_and_in_order(stored, readers: int) -> None:
    archive, blobs, by_sha = stored
    seen_threads: set[str] = set()

    def open_conn():
        seen_threads.add(threading.current_thread().name)
        return archive.reader(MEDIA_DB)

    with ChunkReader(open_conn, blobs, readers=readers) as reader:
        for info in blobs:
            assert b"".join(reader.chunks(info)) == by_sha[info.sha256]
    assert len(seen_threads) == readers and threading.current_thread().name not in seen_threads


def _read_every_chunk(archive: Archive, blobs) -> None:
    with ChunkReader(lambda: archive.reader(MEDIA_DB), blobs, readers=2) as reader:
        for info in blobs:
            for _ in reader.chunks(info):
                pass


def test_a_missing_chunk_row_is_an_error_not_a_shorter_file(stored) -> None:
    archive, blobs, _ = stored
    victim = max(blobs, key=lambda b: b.chunk_count)
    with transaction(archive.media_db):
        archive.media_db.execute(
            "DELETE FROM chunk WHERE blob_id = ? AND idx = 2", (victim.id,)
        )  # fmt: skip
    with pytest.raises(ChunkMissing, match="missing chunk 2"):
        _read_every_chunk(archive, blobs)


def test_a_chunk_of_the_wrong_length_is_an_error(stored) -> None:
    archive, blobs, _ = stored
    victim = max(blobs, key=lambda b: b.chunk_count)
    with transaction(archive.media_db):
        archive.media_db.execute(
            "UPDATE chunk SET data = zeroblob(10) WHERE blob_id = ? AND idx = 0", (victim.id,)
        )
    with pytest.raises(ChunkMissing, match="chunk 0 has 10 bytes"):
        _read_every_chunk(archive, blobs)


def test_leaving_early_stops_the_threads(stored) -> None:
    archive, blobs, _ = stored
    before = threading.active_count()
    assert blobs[0].chunk_count > 1
    with ChunkReader(lambda: archive.reader(MEDIA_DB), blobs, readers=2) as reader:
        next(iter(reader.chunks(blobs[0])))
        with pytest.raises(ValueError, match="order"):
            next(iter(reader.chunks(blobs[2])))
    assert threading.active_count() == before

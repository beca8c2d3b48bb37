"""media.db's layout: 64 KiB cipher pages and a rollback journal; archive.db keeps 4 KiB + WAL.

Includes a SIGKILL in the middle of a large media.db transaction whose pages were already
spilled to the file: on the next unlock SQLite rolls the hot journal back, the archive
passes the integrity check and holds exactly what was committed before.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tumar.storage.archive import Archive
from tumar.storage.connection import MEDIA_PAGE_SIZE, open_database
from tumar.storage.errors import DatabaseCorrupt
from tumar.storage.kdf import fast_params
from tumar.storage.media_store import CHUNK_SIZE, MediaStore

ARCHIVE_FILES = ["archive.db", "media.db", "tumar.json"]


def pragmas(conn) -> dict[str, object]:  # noqa: ANN001
    names = ("page_size", "journal_mode", "synchronous", "secure_delete", "temp_store")
    return {
        name: str(conn.execute(f"PRAGMA {name}").fetchone()[0]) for name in (*names, "foreign_keys")
    }


SAFE = {"synchronous": "2", "secure_delete": "1", "temp_store": "2", "foreign_keys": "1"}


def test_media_db_has_large_pages_and_a_rollback_journal(tmp_path: Path, passphrase: str) -> None:
    folder = tmp_path / "a.tumar"
    archive, _ = Archive.create(folder, passphrase, fast_params())
    with archive:
        assert pragmas(archive.media_db) == {
            "page_size": str(MEDIA_PAGE_SIZE), "journal_mode": "delete", **SAFE,
        }  # fmt: skip
        assert pragmas(archive.records_db) == {"page_size": "4096", "journal_mode": "wal", **SAFE}
        stored = MediaStore(archive.media_db).write(io.BytesIO(os.urandom(CHUNK_SIZE + 5)))
        assert not (folder / "media.db-journal").exists()  # gone after every commit
    assert sorted(p.name for p in folder.iterdir()) == ARCHIVE_FILES
    with Archive.open(folder, passphrase) as again:  # the page size is given on every open
        assert pragmas(again.media_db)["page_size"] == str(MEDIA_PAGE_SIZE)
        with MediaStore(again.media_db).open(stored.sha256) as blob:
            assert len(blob.read()) == CHUNK_SIZE + 5


def test_a_large_page_database_cannot_be_read_without_its_page_size(tmp_path: Path) -> None:
    key = bytes(range(32))
    path = tmp_path / "media.db"
    conn = open_database(
        path, key, create=True, cache_kib=1024, page_size=MEDIA_PAGE_SIZE, journal_mode="DELETE"
    )
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(DatabaseCorrupt, match="cannot be opened"):
        open_database(path, key, create=False, cache_kib=1024).close()
    assert os.stat(path).st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"page_size": 3000}, "power of two"),
    ({"page_size": 131072}, "power of two"),
    ({"journal_mode": "MEMORY"}, "journal_mode"),
    ({"journal_mode": "OFF; DROP TABLE x"}, "journal_mode"),
])  # fmt: skip
def test_layout_arguments_are_checked_before_anything_is_opened(
    tmp_path: Path, kwargs: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        open_database(tmp_path / "x.db", bytes(32), create=True, cache_kib=1024, **kwargs)
    assert not (tmp_path / "x.db").exists()


KILLED_WRITER = textwrap.dedent(
    """
    import io, os, sys, time
    from pathlib import Path
    from tumar.storage.archive import Archive
    from tumar.storage.media_store import CHUNK_SIZE, MediaStore

    archive = Archive.open(Path(sys.argv[1]), sys.argv[2])
    store = MediaStore(archive.media_db)
    journal = Path(sys.argv[1]) / "media.db-journal"

    def on_chunk(n):
        # past the 16 MiB page cache: pages have been spilled into media.db itself
        if store.conn.execute("SELECT count(*) FROM chunk").fetchone()[0] >= 24:
            print("MID", journal.exists(), flush=True)
            time.sleep(60)

    store.write(io.BytesIO(os.urandom(40 * CHUNK_SIZE)), on_chunk=on_chunk)
    """
)


def test_killed_mid_import_the_hot_journal_is_rolled_back(tmp_path: Path, passphrase: str) -> None:
    folder = tmp_path / "a.tumar"
    archive, _ = Archive.create(folder, passphrase, fast_params())
    with archive:
        kept = MediaStore(archive.media_db).write(io.BytesIO(b"committed before the crash"))
    size_before = (folder / "media.db").stat().st_size
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(folder), passphrase],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("MID"), proc.stderr.read()  # type: ignore[union-attr]
        assert line.split()[1] == "True"  # the transaction really reached the disk
        assert (folder / "media.db").stat().st_size > size_before
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
    assert (folder / "media.db-journal").exists()  # a hot journal is left behind
    with Archive.open(folder, passphrase) as again:
        assert again.media_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        blobs = MediaStore(again.media_db).blobs()
        assert [b.sha256 for b in blobs] == [kept.sha256]
        assert again.media_db.execute("SELECT count(*) FROM chunk").fetchone()[0] == 1
    assert sorted(p.name for p in folder.iterdir()) == ARCHIVE_FILES
    assert (folder / "media.db").stat().st_size == size_before

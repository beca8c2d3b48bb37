"""storage/connection.py, pinned where the first mutation run found it loose: read-only and
immutable opens, the thread a connection may be used from, each refusal's exact sentence,
and the error classifiers the CLI and the repository use to explain a failure (fed real
SQLCipher errors wherever SQLite can be made to raise them)."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest
import sqlcipher3

from tests.reliability.test_readonly_and_full import mounted
from tumar.storage.connection import (
    is_busy,
    is_damage,
    is_disk_full,
    is_read_only,
    key_pragma,
    open_database,
)
from tumar.storage.errors import ArchiveBusy, DatabaseCorrupt, DiskFull

KEY = bytes(range(32))
BUSY = (
    "a.db is in use by another Tumar command (an import or a long change); "
    "try again when it has finished"
)


def make(path: Path, journal_mode: str = "WAL") -> None:
    conn = open_database(path, KEY, create=True, cache_kib=1024, journal_mode=journal_mode)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()


def error_of(conn: sqlcipher3.Connection, sql: str) -> sqlcipher3.Error:
    with pytest.raises(sqlcipher3.Error) as info:
        conn.execute(sql)
    return info.value


def test_an_empty_file_is_refused_and_left_empty(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    path.write_bytes(b"")
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(path, KEY, create=False, cache_kib=1024)
    assert str(info.value) == "The archive is incomplete: a.db is empty"
    assert path.stat().st_size == 0


@pytest.mark.parametrize("size", [1, 15, 511])
def test_a_file_shorter_than_a_page_is_refused_not_replaced(tmp_path: Path, size: int) -> None:
    """SQLCipher took a file of fewer than 16 bytes for a new database and wrote a fresh,
    empty one over it (found by the mutation run): anything shorter than SQLite's smallest
    page cannot be a database and is refused untouched."""
    path = tmp_path / "a.db"
    path.write_bytes(b"\x01" * size)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(path, KEY, create=False, cache_kib=1024)
    assert str(info.value) == f"The archive is incomplete: a.db is cut short ({size} bytes)"
    assert path.read_bytes() == b"\x01" * size


def test_a_page_sized_file_of_noise_is_damaged_not_short(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    path.write_bytes(b"\x01" * 512)
    with pytest.raises(DatabaseCorrupt, match="not this archive's encrypted database"):
        open_database(path, KEY, create=False, cache_kib=1024)
    assert path.read_bytes() == b"\x01" * 512


def test_wrong_key_sentence(tmp_path: Path) -> None:
    make(tmp_path / "a.db")
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(tmp_path / "a.db", bytes(32), create=False, cache_kib=1024)
    assert str(info.value) == (
        "a.db cannot be opened: it is not this archive's encrypted database, or it is damaged"
    )


def test_read_only_reads_refuses_writes_and_changes_no_setting(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    make(path)  # a WAL file, opened asking for DELETE: read-only must not switch it
    conn = open_database(path, KEY, create=False, cache_kib=1024, journal_mode="DELETE",
                         read_only=True)  # fmt: skip
    try:
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 1
        refused = error_of(conn, "INSERT INTO t VALUES (2)")
        assert is_read_only(refused)
    finally:
        conn.close()
    again = open_database(path, KEY, create=False, cache_kib=1024)
    try:
        assert again.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert again.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    finally:
        again.close()


def test_only_an_immutable_read_only_open_ignores_a_writer_s_lock(tmp_path: Path) -> None:
    """immutable=1 (for a read-only disk) takes no locks: it reads past a writer's exclusive
    lock. Without read_only the flag is ignored, and a plain read-only open waits."""
    path = tmp_path / "a.db"
    make(path, journal_mode="DELETE")
    writer = open_database(path, KEY, create=False, cache_kib=1024, journal_mode="DELETE")
    writer.execute("BEGIN EXCLUSIVE")
    writer.execute("INSERT INTO t VALUES (2)")
    try:
        opened = {"journal_mode": "DELETE", "busy_timeout_ms": 0, "cache_kib": 1024}
        for flags in ({"read_only": True}, {"immutable": True}):
            with pytest.raises(ArchiveBusy) as info:
                open_database(path, KEY, create=False, **opened, **flags)
            assert str(info.value) == BUSY
        reader = open_database(path, KEY, create=False, read_only=True, immutable=True, **opened)
        try:
            assert reader.execute("SELECT count(*) FROM t").fetchone()[0] == 1
        finally:
            reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_connection_stays_on_its_thread_unless_any_thread(tmp_path: Path) -> None:
    make(tmp_path / "a.db")
    seen: dict[bool, object] = {}
    for any_thread in (False, True):  # the default is the opening thread only
        flag = {"any_thread": True} if any_thread else {}
        conn = open_database(tmp_path / "a.db", KEY, create=False, cache_kib=1024, **flag)

        def use(conn=conn, any_thread=any_thread) -> None:
            try:
                seen[any_thread] = conn.execute("SELECT count(*) FROM t").fetchone()[0]
            except sqlcipher3.ProgrammingError as exc:
                seen[any_thread] = type(exc).__name__

        worker = threading.Thread(target=use)
        worker.start()
        worker.join()
        conn.close()
    assert seen == {False: "ProgrammingError", True: 1}


def test_a_full_disk_at_open_is_one_sentence(tmp_path: Path) -> None:
    """Not even the -shm file fits: SQLite says "disk I/O error", the person reads what to do."""
    with mounted("-t", "tmpfs", "-o", "size=1m", "tmpfs", target=tmp_path / "small") as disk:
        make(disk / "a.db")
        fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for block in (65536, 4096, 512):
                with contextlib.suppress(OSError):
                    while os.write(fd, b"\0" * block) == block:
                        pass
        finally:
            os.close(fd)
        with pytest.raises(DiskFull) as info:
            open_database(disk / "a.db", KEY, create=False, cache_kib=1024)
        assert str(info.value) == (
            "a.db cannot be opened: the disk is full or cannot be written (disk I/O error); "
            "free some space and try again"
        )


def test_classifiers_on_real_sqlcipher_errors(tmp_path: Path) -> None:
    make(tmp_path / "a.db", journal_mode="DELETE")
    holder = open_database(tmp_path / "a.db", KEY, create=False, cache_kib=1024,
                           journal_mode="DELETE")  # fmt: skip
    other = open_database(tmp_path / "a.db", KEY, create=False, cache_kib=1024,
                          journal_mode="DELETE", busy_timeout_ms=0)  # fmt: skip
    try:
        holder.execute("BEGIN EXCLUSIVE")
        locked = error_of(other, "SELECT count(*) FROM t")
        holder.execute("ROLLBACK")
        missing = error_of(other, "SELECT * FROM nowhere")
        other.execute("PRAGMA max_page_count = 1")
        full = error_of(other, "INSERT INTO t VALUES (randomblob(100000))")
    finally:
        holder.close()
        other.close()
    stranger = sqlcipher3.connect(str(tmp_path / "a.db"))  # no key: the file is noise
    try:
        not_a_db = error_of(stranger, "SELECT count(*) FROM sqlite_master")
    finally:
        stranger.close()
    ro = open_database(tmp_path / "a.db", KEY, create=False, cache_kib=1024,
                       journal_mode="DELETE", read_only=True)  # fmt: skip
    try:
        read_only = error_of(ro, "DELETE FROM t")
    finally:
        ro.close()
    table = {
        "locked": (locked, True, False, False, False),
        "no such table": (missing, False, False, False, False),
        "full": (full, False, False, True, False),
        "not a database": (not_a_db, False, True, False, False),
        "read-only": (read_only, False, False, False, True),
    }
    for name, (exc, *expected) in table.items():
        assert [is_busy(exc), is_damage(exc), is_disk_full(exc), is_read_only(exc)] == expected, (
            name,
            str(exc),
        )


@pytest.mark.parametrize(
    ("exc", "busy", "damage", "full", "read_only"),
    [
        # SQLITE_BUSY and SQLITE_LOCKED in each wording SQLite uses
        (sqlcipher3.OperationalError("database is busy"), True, False, False, False),
        (sqlcipher3.OperationalError("database table is locked"), True, False, False, False),
        (sqlcipher3.DatabaseError("database is locked"), False, False, False, False),
        (sqlcipher3.DatabaseError("database disk image is malformed"), False, True, False, False),
        (sqlcipher3.DatabaseError("corrupt fts5 shadow table"), False, True, False, False),
        (sqlcipher3.DatabaseError("vtable constructor failed: f"), False, True, False, False),
        (sqlcipher3.DatabaseError("Database Or Disk Is FULL"), False, False, True, False),
        (sqlcipher3.DatabaseError("attempt to write a read-only database"), False, False, False,
         True),
        # the words alone are not enough: only SQLite's own errors are classified
        (ValueError("database is locked, malformed, full, readonly"), False, False, False, False),
    ],
)  # fmt: skip
def test_classifier_wordings(exc: Exception, busy, damage, full, read_only) -> None:
    assert [is_busy(exc), is_damage(exc), is_disk_full(exc), is_read_only(exc)] == [
        busy,
        damage,
        full,
        read_only,
    ]


def test_key_pragma_is_a_raw_key_blob() -> None:
    assert key_pragma(KEY) == f"\"x'{KEY.hex()}'\""

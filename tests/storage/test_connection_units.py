"""storage/connection.py on real SQLCipher files: the HKDF keys against an independent
computation, every pragma a connection promises, and transaction() in each of its paths."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tumar.storage.connection import derive_db_key, key_pragma, open_database, transaction
from tumar.storage.errors import DatabaseCorrupt

AID = "6f1c1c5e-3b5c-4a8e-9a57-8f0d1f9a2b10"
KEY = bytes(range(32))


def test_db_key_is_hkdf_sha256_of_the_master_key_per_file() -> None:
    master = bytes(range(100, 132))
    for name in ("archive.db", "media.db"):
        expected = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=AID.encode(),
            info=f"tumar/{name}/sqlcipher-raw-key/v1".encode(),
        ).derive(master)  # fmt: skip
        assert derive_db_key(master, AID, name) == expected
    assert key_pragma(b"\x00\xab") == "\"x'00ab'\""


def pragma(conn: sqlcipher3.Connection, name: str) -> object:
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_a_new_database_has_every_promised_setting(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    conn = open_database(path, KEY, create=True, cache_kib=2048)
    try:
        conn.execute("CREATE TABLE t (x)")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        settings = {
            "journal_mode": "wal", "synchronous": 2, "secure_delete": 1, "temp_store": 2,
            "foreign_keys": 1, "busy_timeout": 5000, "cache_size": -2048,
        }  # fmt: skip
        assert {k: pragma(conn, k) for k in settings} == settings
        assert conn.row_factory is sqlcipher3.Row and conn.isolation_level is None
    finally:
        conn.close()
    again = open_database(path, KEY, create=False, cache_kib=1024, journal_mode="DELETE")
    try:
        assert (pragma(again, "journal_mode"), pragma(again, "cache_size")) == ("delete", -1024)
        assert int(pragma(again, "page_size")) == 4096
    finally:
        again.close()
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"  # encrypted on disk


def test_page_size_is_applied_and_required(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    conn = open_database(path, KEY, create=True, cache_kib=1024, page_size=65536,
                         journal_mode="TRUNCATE")  # fmt: skip
    conn.execute("CREATE TABLE t (x)")
    assert (int(pragma(conn, "page_size")), pragma(conn, "journal_mode")) == (65536, "truncate")
    conn.close()
    with pytest.raises(DatabaseCorrupt, match="big.db cannot be opened"):
        open_database(path, KEY, create=False, cache_kib=1024)  # default 4 KiB pages
    open_database(path, KEY, create=False, cache_kib=1024, page_size=65536).close()


@pytest.mark.parametrize("size", [256, 511, 3000, 131072])
def test_page_size_must_be_a_power_of_two_in_range(tmp_path: Path, size: int) -> None:
    with pytest.raises(ValueError, match=f"not {size}"):
        open_database(tmp_path / "x.db", KEY, create=True, cache_kib=1024, page_size=size)
    assert not (tmp_path / "x.db").exists()


def test_limits_of_page_size_and_journal_modes(tmp_path: Path) -> None:
    for size in (512, 65536):
        open_database(tmp_path / f"{size}.db", KEY, create=True, cache_kib=1024,
                      page_size=size).close()  # fmt: skip
    with pytest.raises(ValueError, match="journal_mode must be one of WAL, DELETE, TRUNCATE"):
        open_database(tmp_path / "j.db", KEY, create=True, cache_kib=1024, journal_mode="MEMORY")
    open_database(tmp_path / "w.db", KEY, create=True, cache_kib=1024, journal_mode="wal").close()


def test_create_never_overwrites_and_open_never_creates(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    path.write_bytes(b"")
    with pytest.raises(DatabaseCorrupt, match="a.db already exists; refusing to overwrite it"):
        open_database(path, KEY, create=True, cache_kib=1024)
    with pytest.raises(DatabaseCorrupt, match="The archive is incomplete: b.db is missing"):
        open_database(tmp_path / "b.db", KEY, create=False, cache_kib=1024)
    assert not (tmp_path / "b.db").exists()


def test_wrong_key_is_refused(tmp_path: Path) -> None:
    open_database(tmp_path / "a.db", KEY, create=True, cache_kib=1024).close()
    with pytest.raises(DatabaseCorrupt, match="not this archive's encrypted database"):
        open_database(tmp_path / "a.db", bytes(32), create=False, cache_kib=1024)


@pytest.fixture
def db(tmp_path: Path):
    conn = open_database(tmp_path / "t.db", KEY, create=True, cache_kib=1024)
    conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    conn.execute(
        "CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)"
    )
    yield conn
    conn.close()


def count(conn: sqlcipher3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM parent").fetchone()[0]


def test_transaction_commits_rolls_back_and_nests(db: sqlcipher3.Connection) -> None:
    with transaction(db):
        assert db.in_transaction
        db.execute("INSERT INTO parent VALUES (1)")
        with transaction(db):  # joins the outer one
            db.execute("INSERT INTO parent VALUES (2)")
        assert db.in_transaction
    assert not db.in_transaction and count(db) == 2
    with pytest.raises(KeyError), transaction(db):
        db.execute("INSERT INTO parent VALUES (3)")
        raise KeyError("any error")
    assert not db.in_transaction and count(db) == 2


def test_a_failed_commit_is_rolled_back(db: sqlcipher3.Connection) -> None:
    with pytest.raises(sqlcipher3.IntegrityError), transaction(db):
        db.execute("INSERT INTO parent VALUES (5)")
        db.execute("INSERT INTO child VALUES (99)")  # checked only at COMMIT
    assert not db.in_transaction and count(db) == 0
    with transaction(db):
        db.execute("INSERT INTO parent VALUES (6)")
    assert count(db) == 1


def test_transaction_takes_the_write_lock_at_once(tmp_path: Path, db) -> None:
    other = open_database(tmp_path / "t.db", KEY, create=False, cache_kib=1024)
    other.execute("PRAGMA busy_timeout = 0")
    try:
        with transaction(db):  # BEGIN IMMEDIATE: the other writer is refused before any write
            with pytest.raises(sqlcipher3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


@pytest.mark.parametrize(
    ("message", "busy"),
    [
        ("database is locked", True),
        ("database table is locked", True),
        ("locking protocol", True),  # SQLITE_PROTOCOL: a WAL reader lost the lock race
        ("file is not a database", False),
        ("database or disk is full", False),
    ],
)
def test_transient_lock_errors_are_busy_not_damage(message: str, busy: bool) -> None:
    from tumar.storage.connection import is_busy

    assert is_busy(sqlcipher3.OperationalError(message)) is busy
    assert is_busy(sqlcipher3.DatabaseError(message)) is False  # only operational errors

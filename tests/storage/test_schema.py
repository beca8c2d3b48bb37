"""Migrations: all pending ones in one transaction; failure leaves the old schema intact."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tumar.storage import schema
from tumar.storage.archive import Archive
from tumar.storage.errors import SchemaTooNew


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_fresh_archive_is_at_latest_schema(new_archive: Archive) -> None:
    conn = new_archive.records_db
    assert schema.current_version(conn) == schema.latest(schema.ARCHIVE_MIGRATIONS)
    assert {"person", "person_name", "case_file", "event", "testimony", "audit_log"} <= _tables(
        conn
    )
    pragmas = {
        name: conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "secure_delete", "temp_store", "foreign_keys")
    }
    assert pragmas == {
        "journal_mode": "wal", "synchronous": 2, "secure_delete": 1, "temp_store": 2,
        "foreign_keys": 1,
    }  # fmt: skip


def test_failing_migration_rolls_back_everything(new_archive: Archive) -> None:
    conn = new_archive.records_db
    version = schema.current_version(conn)

    def good(c):
        c.execute("CREATE TABLE added_by_good (x)")

    def bad(c):
        c.execute("CREATE TABLE added_by_bad (x)")
        raise RuntimeError("migration bug")

    pending = (
        *schema.ARCHIVE_MIGRATIONS,
        SimpleNamespace(VERSION=version + 1, apply=good),
        SimpleNamespace(VERSION=version + 2, apply=bad),
    )
    with pytest.raises(RuntimeError):
        schema.migrate(conn, pending, "archive.db")
    assert schema.current_version(conn) == version
    assert not {"added_by_good", "added_by_bad"} & _tables(conn)
    good_only = (*schema.ARCHIVE_MIGRATIONS, SimpleNamespace(VERSION=version + 1, apply=good))
    assert schema.migrate(conn, good_only, "archive.db") == version + 1
    assert "added_by_good" in _tables(conn)


def test_newer_schema_raises(new_archive: Archive) -> None:
    conn = new_archive.records_db
    conn.execute("PRAGMA user_version = 1000")
    with pytest.raises(SchemaTooNew, match="1000"):
        schema.migrate(conn, schema.ARCHIVE_MIGRATIONS, "archive.db")

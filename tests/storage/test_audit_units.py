"""audit.append / head / verify in-process on a real archive: each check with its exact
message, fast enough for mutation testing (the CLI-level tamper tests live beside)."""

from __future__ import annotations

import json
import re

import pytest

from tumar.storage import audit
from tumar.storage.archive import Archive
from tumar.storage.canonical import record_hash
from tumar.storage.connection import transaction
from tumar.storage.records import BY_TABLE, Case, Person


@pytest.fixture
def chain(new_archive: Archive) -> tuple[Archive, list[str]]:
    assert audit.head(new_archive.records_db) == (0, audit.GENESIS)
    repo = new_archive.repo
    ids = [repo.insert(Person(display_name=n)).id for n in ("Ayan", "Berik", "Dana")]
    repo.update_fields(Person, ids[1], {"notes": "second"})
    repo.insert(Case(title="Zaisan"))
    conn = new_archive.records_db
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    return new_archive, ids


def rows(archive: Archive) -> list[dict]:
    return [dict(r) for r in archive.records_db.execute("SELECT * FROM audit_log ORDER BY seq")]


def problems(archive: Archive) -> list[str]:
    return audit.verify(archive.records_db).problems


def test_clean_chain_report(chain) -> None:
    archive, ids = chain
    entries = rows(archive)
    report = audit.verify(archive.records_db)
    assert report.ok and report.problems == []
    assert [e["seq"] for e in entries] == [1, 2, 3, 4, 5] and report.entries == 5
    assert report.head_hash == entries[-1]["entry_hash"]
    assert audit.head(archive.records_db) == (5, entries[-1]["entry_hash"])
    assert entries[0]["prev_hash"] == audit.GENESIS
    for before, after in zip(entries, entries[1:], strict=False):
        assert after["prev_hash"] == before["entry_hash"]
    total = sum(
        archive.records_db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
        for t in BY_TABLE
    )
    assert report.records == total == 4
    assert [e["action"] for e in entries] == ["create", "create", "create", "update", "create"]
    for e in entries:  # UTC with its offset, to the millisecond: comparable across laptops
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", e["at"]), e["at"]


def test_append_refuses_unknown_actions_and_links_to_the_head(chain) -> None:
    archive, ids = chain
    conn = archive.records_db
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.append(conn, device="d", action="rewrite", table="person", record_id=ids[0],
                     rec_hash="h")  # fmt: skip
    seq, head = audit.head(conn)
    with transaction(conn):
        entry = audit.append(conn, device="d" * 32, action="merge", table="person",
                             record_id=ids[0], rec_hash="h" * 64)  # fmt: skip
    assert (entry.seq, entry.prev_hash) == (seq + 1, head)
    assert audit.head(conn) == (seq + 1, entry.entry_hash)
    stored = rows(archive)[-1]
    assert stored == {**entry.__dict__}
    fields = {k: stored[k] for k in ("seq", "at", "device", "action", "table_name",
                                     "record_id", "record_hash")}  # fmt: skip
    assert entry.entry_hash == audit.entry_hash(fields, head)


def test_missing_entry(chain) -> None:
    archive, _ = chain
    archive.records_db.execute("DELETE FROM audit_log WHERE seq = 3")
    assert problems(archive)[0] == "audit entry #3 is missing (next entry is #4)"


def test_broken_link_after_recomputed_hash(chain) -> None:
    archive, _ = chain
    row = rows(archive)[1]
    fields = {k: row[k] for k in ("seq", "at", "device", "action", "table_name", "record_id",
                                  "record_hash")}  # fmt: skip
    fields["at"] = "2017-01-01T00:00:00.000+00:00"
    archive.records_db.execute(
        "UPDATE audit_log SET at = ?, entry_hash = ? WHERE seq = 2",
        (fields["at"], audit.entry_hash(fields, row["prev_hash"])),
    )
    assert problems(archive) == ["audit entry #3 does not link to entry #2"]


def test_altered_entry_and_only_the_first_chain_break(chain) -> None:
    archive, ids = chain
    conn = archive.records_db
    conn.execute("UPDATE audit_log SET device = 'x' WHERE seq = 2")
    conn.execute("UPDATE audit_log SET device = 'x' WHERE seq = 4")
    assert problems(archive) == [f"audit entry #2 (create person {ids[1]}) was altered"]


def test_records_changed_or_planted_or_history_rewritten(chain) -> None:
    archive, ids = chain
    conn = archive.records_db
    conn.execute("UPDATE person SET display_name = 'Someone' WHERE id = ?", (ids[0],))
    assert problems(archive) == [
        f"person {ids[0]} was changed outside Tumar (it no longer matches audit entry #1)"
    ]
    conn.execute("UPDATE person SET display_name = 'Ayan' WHERE id = ?", (ids[0],))
    assert problems(archive) == []
    planted = "01900000-0000-7000-8000-000000000009"
    conn.execute(
        "INSERT INTO person (id, created_at, updated_at, hlc, display_name) SELECT ?,"
        " created_at, updated_at, hlc, 'Planted' FROM person LIMIT 1", (planted,),
    )  # fmt: skip
    assert problems(archive) == [f"person {planted} has no audit entry"]
    conn.execute("DELETE FROM person WHERE id = ?", (planted,))
    seq, data = conn.execute("SELECT seq, data FROM record_history").fetchone()
    changed = {**json.loads(data), "notes": "forged"}
    conn.execute("DROP TRIGGER IF EXISTS record_history_no_update")
    conn.execute("UPDATE record_history SET data = ? WHERE seq = ?", (json.dumps(changed), seq))
    assert problems(archive) == [
        f"kept version #{seq} of person {ids[1]} was changed outside Tumar"
    ]
    assert record_hash("person", changed) != record_hash("person", json.loads(data))


def test_kept_version_of_a_record_the_chain_never_saw(chain) -> None:
    """A version planted in the history for an id without any audit entry is named."""
    archive, _ = chain
    conn = archive.records_db
    row = conn.execute("SELECT * FROM record_history LIMIT 1").fetchone()
    ghost = "01900000-0000-7000-8000-00000000dead"
    columns = [c for c in row.keys() if c != "seq"]
    values = [ghost if c == "record_id" else row[c] for c in columns]
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO record_history ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
    cur = conn.execute(sql, values)
    assert problems(archive) == [
        f"kept version #{cur.lastrowid} of person {ghost} was changed outside Tumar"
    ]


def test_deleted_record_and_missing_kept_versions_are_named(chain) -> None:
    """Coverage: a record deleted outright and kept versions deleted from the history, for
    records with one, two and three audit entries."""
    archive, ids = chain
    repo, conn = archive.repo, archive.records_db
    repo.update_fields(Person, ids[2], {"notes": "first"})  # entry #6
    repo.update_fields(Person, ids[2], {"notes": "second"})  # entry #7
    assert problems(archive) == []
    conn.execute("DROP TRIGGER IF EXISTS record_history_no_delete")
    conn.execute("DELETE FROM person WHERE id = ?", (ids[0],))
    first_kept = conn.execute(
        "SELECT min(seq) FROM record_history WHERE record_id = ?", (ids[2],)
    ).fetchone()[0]
    conn.execute("DELETE FROM record_history WHERE seq = ?", (first_kept,))
    assert problems(archive) == [
        f"person {ids[0]} is missing: audit entry #1 says it exists (deleted outside Tumar)",
        f"the version of person {ids[2]} replaced by audit entry #6 (update) is missing from "
        "its history (deleted outside Tumar)",
    ]
    conn.execute("DELETE FROM record_history WHERE record_id = ?", (ids[1],))
    assert problems(archive)[1:] == [
        f"the version of person {ids[1]} replaced by audit entry #4 (update) is missing from "
        "its history (deleted outside Tumar)",
        f"the version of person {ids[2]} replaced by audit entry #6 (update) is missing from "
        "its history (deleted outside Tumar)",
    ]


def test_kept_versions_are_checked_against_every_entry_of_their_record(chain) -> None:
    """A kept version may equal any version the chain vouched for, not only the latest; a
    record with a single entry vouches for that one version only."""
    archive, ids = chain
    repo, conn = archive.repo, archive.records_db
    repo.update_fields(Person, ids[1], {"notes": "third"})
    assert problems(archive) == []  # two kept versions of ids[1], each an earlier entry
    row = conn.execute("SELECT * FROM record_history LIMIT 1").fetchone()
    columns = [c for c in row.keys() if c not in ("seq", "record_id", "data")]
    current = dict(conn.execute("SELECT * FROM person WHERE id = ?", (ids[0],)).fetchone())
    marks = ", ".join("?" * (len(columns) + 2))
    sql = f"INSERT INTO record_history ({', '.join(columns)}, record_id, data) VALUES ({marks})"  # noqa: S608
    conn.execute(sql, [*(row[c] for c in columns), ids[0], json.dumps(current)])
    assert problems(archive) == []  # the single entry's own version
    forged = conn.execute(sql, [*(row[c] for c in columns), ids[0], json.dumps(
        {**current, "notes": "forged"})]).lastrowid  # fmt: skip
    assert problems(archive) == [
        f"kept version #{forged} of person {ids[0]} was changed outside Tumar"
    ]

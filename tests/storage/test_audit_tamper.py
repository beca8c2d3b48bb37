"""Changes made behind Tumar's back, with the key, are found by `tumar verify`.

The attacker here holds the passphrase: they unwrap the master key from the header,
derive archive.db's key and run raw SQL on a plain sqlcipher3 connection (dropping the
append-only triggers where needed). `tumar verify` runs as a child process and must exit
non-zero and name the altered record, audit entry or kept version.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlcipher3

from tests.templates import Templates
from tumar.storage import keyslots
from tumar.storage.archive import ARCHIVE_DB, Archive
from tumar.storage.connection import PAGE_HMAC, derive_db_key, key_pragma, transaction
from tumar.storage.header import read_header
from tumar.storage.records import Case, Person, PersonName


@dataclass
class Populated:
    folder: Path
    person: str
    other_person: str
    case: str


def _populate(archive: Archive) -> tuple[str, str, str]:
    repo = archive.repo
    ids = []
    for name in ("Тілек Табарықұлы", "Qaster Musakhan", "Gulzira Auelkhan"):
        with transaction(repo.conn):
            person = repo.insert(Person(display_name=name, notes="first version"))
            repo.insert(PersonName(person_id=person.id, name=name, script="Latn"))
        ids.append(person.id)
    case = repo.insert(Case(title="Zhaisan detention", court="Taldykorgan"))
    person = repo.get(Person, ids[0])
    person.notes = "second version"
    repo.update(person)
    repo.delete(Person, ids[2])
    return ids[0], ids[1], case.id


@pytest.fixture
def archive_folder(tmp_path: Path, passphrase: str, templates: Templates) -> Populated:
    """A closed archive with people, names, a case, an update (history) and a tombstone:
    this test's own copy of one made once (tests/templates.py)."""
    template = templates.get("audit-tamper", _populate, passphrase)
    return Populated(template.copy_to(tmp_path / "tamper.tumar"), *template.extra)


@contextlib.contextmanager
def raw_db(folder: Path, passphrase: str) -> Iterator[sqlcipher3.Connection]:
    """archive.db opened the way an attacker with the passphrase would: no Tumar code path
    beyond key derivation; autocommit, so every statement lands."""
    header = read_header(folder)
    slot = next(s for s in header.slots if s.kind == "passphrase")
    master = keyslots.unwrap(slot, keyslots.normalise_passphrase(passphrase), header.archive_id)
    assert master is not None
    conn = sqlcipher3.connect(str(folder / ARCHIVE_DB), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(
            f"PRAGMA key = {key_pragma(derive_db_key(master, header.archive_id, ARCHIVE_DB))}"
        )
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {PAGE_HMAC}")
        conn.row_factory = sqlcipher3.Row
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 5
        yield conn
    finally:
        conn.close()


def verify(run_tumar, folder: Path) -> tuple[int, list[str]]:
    result = run_tumar("verify", folder)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout.splitlines()


def failures(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("FAIL")]


def names_entry(line: str, seq: int) -> bool:
    return re.search(rf"#{seq}\b", line) is not None


def middle_entry(conn: sqlcipher3.Connection, record_id: str) -> int:
    """The seq of the first audit entry about `record_id`, checked to be mid-chain."""
    seq = conn.execute(
        "SELECT min(seq) FROM audit_log WHERE record_id = ?", (record_id,)
    ).fetchone()[0]
    last = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    assert 1 < seq < last
    return seq


def test_untampered_archive_verifies(archive_folder: Populated, run_tumar) -> None:
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == 0, lines
    assert failures(lines) == []
    assert any(line.startswith("OK") for line in lines), lines


def test_raw_update_of_a_record_names_it(archive_folder: Populated, run_tumar, passphrase) -> None:
    with raw_db(archive_folder.folder, passphrase) as conn:
        changed = conn.execute(
            "UPDATE person SET display_name = 'Someone Else' WHERE id = ?",
            (archive_folder.person,),
        ).rowcount
        assert changed == 1
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == 3, lines  # the README: a failed verify exits with 3
    fails = failures(lines)
    # the record, then its search document (now stale): both name only this person
    assert "changed outside Tumar" in fails[0], lines
    assert all(archive_folder.person in f for f in fails) and len(fails) <= 2, lines
    assert archive_folder.other_person not in "\n".join(lines)
    assert not any(line.startswith("OK") for line in lines)


def test_forged_record_without_audit_entry_is_named(
    archive_folder: Populated, run_tumar, passphrase
) -> None:
    forged = "01900000-0000-7000-8000-000000000001"
    with raw_db(archive_folder.folder, passphrase) as conn:
        conn.execute(
            "INSERT INTO person (id, created_at, updated_at, hlc, display_name)"
            " SELECT ?, created_at, updated_at, hlc, 'Planted Witness' FROM person LIMIT 1",
            (forged,),
        )
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == 3, lines  # the README: a failed verify exits with 3
    assert any(forged in line for line in failures(lines)), lines


def test_audit_log_refuses_plain_update_and_delete(archive_folder: Populated, passphrase) -> None:
    with raw_db(archive_folder.folder, passphrase) as conn:
        for sql in ("UPDATE audit_log SET at = 'x' WHERE seq = 2", "DELETE FROM audit_log"):
            with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
                conn.execute(sql)


def test_edited_audit_entry_is_named(archive_folder: Populated, run_tumar, passphrase) -> None:
    with raw_db(archive_folder.folder, passphrase) as conn:
        seq = middle_entry(conn, archive_folder.other_person)
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute(
            "UPDATE audit_log SET at = '2017-01-01T00:00:00.000+00:00' WHERE seq = ?", (seq,)
        )
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == 3, lines  # the README: a failed verify exits with 3
    fails = failures(lines)
    assert fails and names_entry(fails[0], seq), (seq, lines)
    assert "altered" in fails[0]


def test_deleted_middle_audit_entry_is_named(
    archive_folder: Populated, run_tumar, passphrase
) -> None:
    with raw_db(archive_folder.folder, passphrase) as conn:
        seq = middle_entry(conn, archive_folder.case)
        conn.execute("DROP TRIGGER audit_log_no_delete")
        assert conn.execute("DELETE FROM audit_log WHERE seq = ?", (seq,)).rowcount == 1
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == 3, lines  # the README: a failed verify exits with 3
    fails = failures(lines)
    assert fails and names_entry(fails[0], seq) and "missing" in fails[0], (seq, lines)


def test_dropped_last_audit_entry_names_its_record(
    archive_folder: Populated, run_tumar, passphrase
) -> None:
    """Cutting the chain's tail leaves a valid chain, but the record no longer matches."""
    with raw_db(archive_folder.folder, passphrase) as conn:
        last = conn.execute("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute("DELETE FROM audit_log WHERE seq = ?", (last["seq"],))
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == 3, lines  # the README: a failed verify exits with 3
    assert any(last["record_id"] in line for line in failures(lines)), lines


def test_edited_history_version_is_named(archive_folder: Populated, run_tumar, passphrase) -> None:
    with raw_db(archive_folder.folder, passphrase) as conn:
        row = conn.execute(
            "SELECT seq, data FROM record_history WHERE table_name = 'person' AND record_id = ?",
            (archive_folder.person,),
        ).fetchone()
        data = json.loads(row["data"])
        assert data["notes"] == "first version"
        data["notes"] = "the witness withdrew everything"
        conn.execute(
            "UPDATE record_history SET data = ? WHERE seq = ?",
            (json.dumps(data, ensure_ascii=False), row["seq"]),
        )
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == 3, lines  # the README: a failed verify exits with 3
    fails = failures(lines)
    assert len(fails) == 1, lines
    assert archive_folder.person in fails[0] and names_entry(fails[0], row["seq"]), lines
    assert "kept version" in fails[0]

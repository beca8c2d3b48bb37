"""The audit chain's links and hashes, each pinned by a tamper that only that check sees.

An attacker with the key who backdates an entry and recomputes that entry's own hash
passes the entry-hash check; only the next entry's link (`prev_hash`) exposes it. `tumar
verify` must say so and exit with exactly 3 (the README's promise for a failed verify).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlcipher3

from tumar.storage import audit
from tumar.storage.archive import Archive
from tumar.storage.canonical import canonical_json, record_hash, sha256_hex
from tumar.storage.kdf import fast_params
from tumar.storage.records import Case, Person

from .test_audit_tamper import (
    Populated,
    failures,
    middle_entry,
    names_entry,
    raw_db,
    verify,
)


@pytest.fixture
def archive_folder(tmp_path: Path, passphrase: str) -> Populated:
    """A closed archive whose chain has entries before and after the tampered one."""
    folder = tmp_path / "chain.tumar"
    archive, _ = Archive.create(folder, passphrase, fast_params())
    with archive:
        ids = [
            archive.repo.insert(Person(display_name=n)).id
            for n in ("Ayan", "Berik", "Dana", "Erlan")
        ]
        case = archive.repo.insert(Case(title="Zhaisan detention"))
        archive.repo.update_fields(Person, ids[1], {"notes": "second version"})
    return Populated(folder, ids[0], ids[1], case.id)


VERIFY_FAILED = 3


def _fields(row: sqlcipher3.Row) -> dict:
    return {k: row[k] for k in ("seq", "at", "device", "action", "table_name", "record_id",
                                "record_hash")}  # fmt: skip


def test_backdated_entry_with_recomputed_hash_breaks_the_next_link(
    archive_folder: Populated, run_tumar, passphrase
) -> None:
    with raw_db(archive_folder.folder, passphrase) as conn:
        seq = middle_entry(conn, archive_folder.other_person)
        row = conn.execute("SELECT * FROM audit_log WHERE seq = ?", (seq,)).fetchone()
        fields = {**_fields(row), "at": "2017-01-01T00:00:00.000+00:00"}
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute(
            "UPDATE audit_log SET at = ?, entry_hash = ? WHERE seq = ?",
            (fields["at"], audit.entry_hash(fields, row["prev_hash"]), seq),
        )
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == VERIFY_FAILED, lines
    fails = failures(lines)
    assert len(fails) == 1 and names_entry(fails[0], seq + 1), (seq, lines)
    assert "does not link" in fails[0]


def test_first_entry_must_start_from_genesis(archive_folder: Populated, run_tumar, passphrase):
    with raw_db(archive_folder.folder, passphrase) as conn:
        row = conn.execute("SELECT * FROM audit_log WHERE seq = 1").fetchone()
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE seq = 1",
            ("1" * 64, audit.entry_hash(_fields(row), "1" * 64)),
        )
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == VERIFY_FAILED, lines
    assert names_entry(failures(lines)[0], 1) and "does not link" in failures(lines)[0]


def test_edited_record_hash_in_entry_is_named_with_exit_3(
    archive_folder: Populated, run_tumar, passphrase
) -> None:
    with raw_db(archive_folder.folder, passphrase) as conn:
        seq = middle_entry(conn, archive_folder.other_person)
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET record_hash = ? WHERE seq = ?", ("a" * 64, seq))
    code, lines = verify(run_tumar, archive_folder.folder)
    assert code == VERIFY_FAILED
    assert names_entry(failures(lines)[0], seq) and "altered" in failures(lines)[0], lines


def test_entry_hash_covers_every_field_and_the_previous_hash() -> None:
    fields = {"seq": 2, "at": "2020-01-21T10:00:00.000+00:00", "device": "d" * 32,
              "action": "update", "table_name": "person", "record_id": "r",
              "record_hash": "h"}  # fmt: skip
    prev = "b" * 64
    base = audit.entry_hash(fields, prev)
    assert base == sha256_hex(prev.encode() + canonical_json(fields))
    assert audit.entry_hash(fields, "c" * 64) != base
    for key in fields:
        changed = {**fields, key: fields[key] + 1 if isinstance(fields[key], int) else "x"}
        assert audit.entry_hash(changed, prev) != base, key


def test_canonical_json_is_sorted_compact_utf8() -> None:
    value = {"b": "Қ", "a": [1, None, True], "c": {"z": 1.5, "y": ""}}
    expected = '{"a":[1,null,true],"b":"Қ","c":{"y":"","z":1.5}}'.encode()
    assert canonical_json(value) == expected
    assert canonical_json(json.loads(expected)) == expected
    # a known answer: the same record hashes the same on every laptop, forever
    assert record_hash("person", {"id": "x", "name": "Қ"}) == sha256_hex(
        b'{"row":{"id":"x","name":"\xd2\x9a"},"table":"person"}'
    )
    assert record_hash("person", {"id": "x"}) != record_hash("case", {"id": "x"})
    assert sha256_hex(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

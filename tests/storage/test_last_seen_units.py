"""storage.last_seen's HeadGuard on a real archive, in process: what each problem says,
that the record only moves forward, and what a damaged or foreign file gives.

The end-to-end stories (a folder swapped for an older copy, `tumar head --accept`) are in
tests/e2e/test_verify_history.py; these pin the unit's exact answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params
from tumar.storage.last_seen import (
    MAX_FILE_BYTES,
    Head,
    HeadGuard,
    LastSeenUnreadable,
    current_head,
    state_key,
)
from tumar.storage.records import Person

PASS = "correct horse battery staple 42"


@pytest.fixture
def opened(tmp_path: Path):  # noqa: ANN201
    archive, _ = Archive.create(tmp_path / "a.tumar", PASS, fast_params())
    with archive:
        for name in ("Aizhan", "Bolat", "Dana"):
            archive.repo.insert(Person(display_name=name))
        yield archive


def _guard(archive: Archive, folder: Path) -> HeadGuard:
    key = state_key(archive._master_key, archive.archive_id)
    return HeadGuard(folder, archive.archive_id, archive.replica_id, [key])


def test_first_sight_records_the_head_and_then_nothing_is_wrong(opened, tmp_path) -> None:  # noqa: ANN001
    guard = _guard(opened, tmp_path / "state")
    assert guard.read() is None and guard.problem(opened.records_db) is None
    guard.advance(opened.records_db)
    seen = guard.read()
    now = current_head(opened.records_db)
    assert seen is not None and (seen.seq, seen.entry_hash) == (now.seq, now.entry_hash)
    assert seen.seen_at.endswith("+00:00") and seen.seq >= 3
    assert guard.problem(opened.records_db) is None
    assert guard.path.name == f"{opened.archive_id}.{opened.replica_id}.head"
    assert guard.path.stat().st_mode & 0o077 == 0


def test_a_head_behind_the_record_is_a_possible_rollback(opened, tmp_path) -> None:  # noqa: ANN001
    guard = _guard(opened, tmp_path / "state")
    now = current_head(opened.records_db)
    guard.write(Head(now.seq + 2, "ab" * 32))
    problem = guard.problem(opened.records_db)
    assert problem is not None and problem.startswith("possible rollback")
    assert f"#{now.seq}" in problem and f"#{now.seq + 2}" in problem
    assert "2 change(s) are missing" in problem and "abababababababab…" in problem
    guard.advance(opened.records_db)  # the evidence stays until someone accepts it
    assert guard.read().seq == now.seq + 2  # type: ignore[union-attr]


def test_a_different_entry_at_the_seen_sequence_is_rewritten_history(opened, tmp_path) -> None:  # noqa: ANN001
    guard = _guard(opened, tmp_path / "state")
    now = current_head(opened.records_db)
    guard.write(Head(now.seq - 1, "cd" * 32))
    problem = guard.problem(opened.records_db)
    assert problem is not None and f"audit entry #{now.seq - 1} differs" in problem
    assert "rewritten" in problem


def test_the_same_entry_at_an_earlier_sequence_moves_forward(opened, tmp_path) -> None:  # noqa: ANN001
    guard = _guard(opened, tmp_path / "state")
    conn = opened.records_db
    seq = current_head(conn).seq - 1
    earlier = conn.execute("SELECT entry_hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    guard.write(Head(seq, earlier[0]))
    assert guard.problem(conn) is None
    guard.advance(conn)
    assert guard.read().seq == seq + 1  # type: ignore[union-attr]


def test_a_damaged_file_and_a_foreign_one_are_named(opened, tmp_path) -> None:  # noqa: ANN001
    guard = _guard(opened, tmp_path / "state")
    guard.advance(opened.records_db)
    sealed = json.loads(guard.path.read_text())
    sealed["sealed"] = sealed["sealed"][:-4] + "AAAA"
    guard.path.write_text(json.dumps(sealed))
    with pytest.raises(LastSeenUnreadable, match="not written with this archive's key"):
        guard.read()
    problem = guard.problem(opened.records_db)
    assert problem is not None and "cannot be checked" in problem and "head --accept" in problem
    for damaged in ("not json", json.dumps({"nonce": "***", "sealed": "x"}), "{}"):
        guard.path.write_text(damaged)
        with pytest.raises(LastSeenUnreadable, match="is damaged"):
            guard.read()
    guard.path.write_bytes(b"{" + b" " * MAX_FILE_BYTES + b"}")  # read only up to the cap
    with pytest.raises(LastSeenUnreadable, match="is damaged"):
        guard.read()


def test_a_file_under_an_old_key_is_read_and_resealed_under_the_new(opened, tmp_path) -> None:  # noqa: ANN001
    """During an interrupted rekey: the second key opens it, and the next advance writes
    it under the first."""
    old = _guard(opened, tmp_path / "state")
    old.advance(opened.records_db)
    new_key = state_key(b"\x01" * 32, opened.archive_id)
    both = HeadGuard(old.directory, opened.archive_id, opened.replica_id, [new_key, old.keys[0]])
    before = old.path.read_bytes()
    assert both.read() is not None
    both.advance(opened.records_db)
    assert old.path.read_bytes() != before
    only_new = HeadGuard(old.directory, opened.archive_id, opened.replica_id, [new_key])
    assert only_new.read() == both.read()
    with pytest.raises(LastSeenUnreadable):
        old.read()


def test_the_file_format_is_fixed_so_existing_files_keep_opening(tmp_path: Path) -> None:
    """Every computer already holds files in this format: the key derivation (HKDF-SHA256,
    salt = archive id, info tumar/last-seen-head/v1) and the authenticated data
    (format|archive|replica) are pinned by a file made here without HeadGuard."""
    import base64
    import os

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    master = bytes(range(32))
    key = HKDF(hashes.SHA256(), 32, salt=b"archive-1", info=b"tumar/last-seen-head/v1").derive(
        master
    )
    assert state_key(master, "archive-1") == key
    nonce = os.urandom(12)
    plain = json.dumps({"seq": 7, "entry_hash": "ef" * 32, "seen_at": "2026-11-28T00:00:00+00:00"})
    sealed = AESGCM(key).encrypt(nonce, plain.encode(), b"tumar-last-seen-head|archive-1|r-1")
    folder = tmp_path / "state"
    folder.mkdir()
    outer = {"format": "tumar-last-seen-head", "nonce": base64.b64encode(nonce).decode(),
             "sealed": base64.b64encode(sealed).decode()}  # fmt: skip
    (folder / "archive-1.r-1.head").write_text(json.dumps(outer))
    guard = HeadGuard(folder, "archive-1", "r-1", [key])
    assert guard.read() == Head(7, "ef" * 32, "2026-11-28T00:00:00+00:00")
    guard.write(Head(8, "01" * 32))  # and what it writes has the same shape
    written = json.loads(guard.path.read_text())
    assert written["format"] == "tumar-last-seen-head" and set(written) == {
        "format",
        "nonce",
        "sealed",
    }
    nonce = base64.b64decode(written["nonce"])
    assert len(nonce) == 12
    data = AESGCM(key).decrypt(
        nonce, base64.b64decode(written["sealed"]), b"tumar-last-seen-head|archive-1|r-1"
    )
    assert json.loads(data)["seq"] == 8


def test_an_unchanged_head_is_not_rewritten(opened, tmp_path) -> None:  # noqa: ANN001
    guard = _guard(opened, tmp_path / "state")
    guard.advance(opened.records_db)
    first = guard.path.read_bytes()
    guard.advance(opened.records_db)
    assert guard.path.read_bytes() == first  # a fresh nonce would change every byte
    opened.repo.insert(Person(display_name="Erlan"))
    guard.advance(opened.records_db)
    assert guard.read().seq == current_head(opened.records_db).seq  # type: ignore[union-attr]


def test_the_problems_say_exactly_this(opened, tmp_path) -> None:  # noqa: ANN001
    guard = _guard(opened, tmp_path / "state")
    conn = opened.records_db
    now = current_head(conn)
    guard._seal(guard.path, guard._aad(), Head(now.seq + 1, "ab" * 32))
    seen_at = guard.read().seen_at  # type: ignore[union-attr]
    assert guard.problem(conn) == (
        f"possible rollback: the archive's audit head is #{now.seq}, but this computer "
        f"last saw #{now.seq + 1} ({'ab' * 8}…, {seen_at}); 1 change(s) are missing. The "
        "folder may be an older copy or lost its -wal file after a crash. Keep a backup of "
        "this folder as it is and look for a newer copy"
    )
    guard.write(Head(1, "cd" * 32))  # the first entry differs: the earliest rewrite
    seen_at = guard.read().seen_at  # type: ignore[union-attr]
    assert guard.problem(conn) == (
        f"the archive's audit entry #1 differs from the one this computer saw ({'cd' * 8}…, "
        f"{seen_at}): its history was rewritten or it is a different copy. Keep a backup of "
        "this folder as it is"
    )
    guard.path.write_text("{}")
    assert guard.problem(conn) == (
        f"the audit head this computer last saw cannot be checked: {guard.path} is damaged; "
        "the archive may have been replaced by another copy (`tumar head --accept` records "
        "the current head once you are sure it is the right archive)"
    )


def test_each_field_of_a_damaged_file_is_checked(opened, tmp_path) -> None:  # noqa: ANN001
    guard = _guard(opened, tmp_path / "state")
    guard.advance(opened.records_db)
    good = json.loads(guard.path.read_text())
    for field in ("nonce", "sealed"):
        bad = dict(good, **{field: "*" + good[field]})  # not base64: named, not ignored
        guard.path.write_text(json.dumps(bad))
        with pytest.raises(LastSeenUnreadable, match=f"^{guard.path} is damaged$"):
            guard.read()
    padded = json.dumps(good).replace("{", "{" + " " * MAX_FILE_BYTES, 1)  # valid, too long
    guard.path.write_text(padded)
    with pytest.raises(LastSeenUnreadable, match="is damaged"):
        guard.read()


def test_the_state_folder_is_made_private_with_its_parents(opened, tmp_path) -> None:  # noqa: ANN001
    folder = tmp_path / "user-data" / "tumar" / "last-seen"
    guard = _guard(opened, folder)
    guard.advance(opened.records_db)
    assert folder.stat().st_mode & 0o777 == 0o700


def test_the_seen_entry_deleted_from_the_chain_is_rewritten_history(tmp_path: Path) -> None:
    """Someone with the key dropped the append-only trigger and deleted the very entry this
    computer saw (the chain then has a gap there): reported, not a crash."""
    from tests.storage.test_audit_tamper import raw_db

    folder = tmp_path / "a.tumar"
    archive, _ = Archive.create(folder, PASS, fast_params())
    with archive:
        for name in ("Aizhan", "Bolat", "Dana", "Erlan", "Farida", "Gulnar"):
            archive.repo.insert(Person(display_name=name))
        guard = _guard(archive, tmp_path / "state")
        seq = current_head(archive.records_db).seq - 2
        entry = archive.records_db.execute(
            "SELECT entry_hash FROM audit_log WHERE seq = ?", (seq,)
        ).fetchone()[0]
        guard.write(Head(seq, entry))
    with raw_db(folder, PASS) as conn:
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute("DELETE FROM audit_log WHERE seq = ?", (seq,))
    with Archive.open(folder, PASS) as reopened:
        problem = guard.problem(reopened.records_db)
    assert problem is not None and f"audit entry #{seq} differs" in problem

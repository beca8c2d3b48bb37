"""verify walks every imported audit chain in full (audit_chains.verify_all): it counts
every entry, names the first break of each chain exactly, and keeps checking the other
chains after one breaks. Chains here are written straight into audit_chain (as a merge
would have imported them), then damaged the way someone holding the key could."""

from __future__ import annotations

import pytest

from tumar.storage.archive import Archive
from tumar.storage.audit import GENESIS
from tumar.storage.audit_chains import verify_all
from tumar.storage.audit_hashing import entry_digest

DEVICES = ("a" * 32, "b" * 32)
LENGTH = 5


def _chain(device: str, length: int) -> list[tuple]:
    rows, prev = [], GENESIS
    for seq in range(1, length + 1):
        fields = (seq, f"2026-11-28T00:00:0{seq}.000+00:00", device, "import", "person",
                  f"record-{seq}", f"{seq:064x}")  # fmt: skip
        digest = entry_digest(prev, *fields)
        rows.append((device, *fields[:2], *fields[3:], prev, digest))
        prev = digest
    return rows


@pytest.fixture
def chains(new_archive: Archive) -> Archive:
    conn = new_archive.records_db
    for device in DEVICES:
        conn.executemany(
            "INSERT INTO audit_chain (device, seq, at, action, table_name, record_id,"
            " record_hash, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _chain(device, LENGTH),
        )
    # what an attacker with the key can do
    conn.execute("DROP TRIGGER audit_chain_no_update")
    conn.execute("DROP TRIGGER audit_chain_no_delete")
    return new_archive


def test_intact_chains_are_counted_in_full(chains: Archive) -> None:
    assert verify_all(chains.records_db) == (2 * LENGTH, [])


@pytest.mark.parametrize("first", [1, 3])
def test_a_missing_entry_breaks_the_chain_there(chains: Archive, first: int) -> None:
    conn = chains.records_db
    conn.execute("DELETE FROM audit_chain WHERE device = ? AND seq = ?", (DEVICES[0], first))
    checked, problems = verify_all(conn)
    assert checked == 2 * LENGTH - 1
    assert problems == [f"imported audit chain of replica {'a' * 8} breaks at #{first}"]


def test_a_relinked_entry_breaks_the_chain(chains: Archive) -> None:
    """The entry's own hash recomputed over a changed link: only the link check sees it."""
    conn = chains.records_db
    device, seq = DEVICES[1], 4
    row = conn.execute(
        "SELECT seq, at, device, action, table_name, record_id, record_hash FROM audit_chain"
        " WHERE device = ? AND seq = ?",
        (device, seq),
    ).fetchone()
    forged_prev = "0" * 64
    conn.execute(
        "UPDATE audit_chain SET prev_hash = ?, entry_hash = ? WHERE device = ? AND seq = ?",
        (forged_prev, entry_digest(forged_prev, *row), device, seq),
    )
    assert verify_all(conn)[1] == [f"imported audit chain of replica {'b' * 8} breaks at #4"]


def test_each_chain_reports_its_first_break_only_and_the_others_go_on(chains: Archive) -> None:
    conn = chains.records_db
    conn.execute(
        "UPDATE audit_chain SET record_hash = ? WHERE device = ? AND seq IN (2, 4)",
        ("f" * 64, DEVICES[0]),
    )
    conn.execute("DELETE FROM audit_chain WHERE device = ? AND seq = 5", (DEVICES[1],))
    conn.execute(
        "UPDATE audit_chain SET action = 'update' WHERE device = ? AND seq = 4", (DEVICES[1],)
    )
    checked, problems = verify_all(conn)
    assert checked == 2 * LENGTH - 1
    assert problems == [
        f"imported audit entry #2 of replica {'a' * 8} was altered",  # not #4 as well
        f"imported audit entry #4 of replica {'b' * 8} was altered",
    ]

"""storage.audit_chains.import_entries in this process, on a real archive.db: another
replica's chain imported in two merges (the second repeats the first's entries), and each
refusal by its words. (A restore vets chains in its helper process, where mutmut cannot
watch: tests/app/sync/test_chain_import.py covers that way.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tumar.storage.archive import Archive
from tumar.storage.audit import GENESIS
from tumar.storage.audit_chains import ChainRejected, import_entries
from tumar.storage.audit_hashing import entry_digest
from tumar.storage.connection import transaction
from tumar.storage.kdf import fast_params

DEVICE = "d" * 32
OTHER = "e" * 32


def _chain(device: str, count: int, at: str = "2026-11-28T00:00:00.000+00:00") -> list[dict]:
    entries, prev = [], GENESIS
    for seq in range(1, count + 1):
        fields = [seq, at, device, "create", "person", f"p{seq}", "h" * 64]
        digest = entry_digest(prev, *fields)
        entries.append({
            "seq": seq, "at": at, "device": device, "action": "create", "table_name": "person",
            "record_id": f"p{seq}", "record_hash": "h" * 64, "prev_hash": prev,
            "entry_hash": digest,
        })  # fmt: skip
        prev = digest
    return entries


@pytest.fixture
def archive(tmp_path: Path):
    made, _code = Archive.create(tmp_path / "a.tumar", "a passphrase here", fast_params())
    yield made
    made.close()


def _import(archive: Archive, entries: list[dict[str, Any]]) -> int:
    with transaction(archive.records_db):
        return import_entries(archive.records_db, archive.replica_id, entries)


def _held(archive: Archive, device: str) -> list[tuple]:
    return [tuple(r) for r in archive.records_db.execute(
        "SELECT seq, at, action, table_name, record_id, record_hash, prev_hash, entry_hash"
        " FROM audit_chain WHERE device = ? ORDER BY seq", (device,))]  # fmt: skip


def test_a_chain_arrives_in_two_merges(archive: Archive) -> None:
    chain = _chain(DEVICE, 5)
    assert _import(archive, chain[:3]) == 3
    assert _import(archive, chain) == 2  # the first three were sent before: checked, skipped
    assert _import(archive, chain) == 0
    held = _held(archive, DEVICE)
    assert [row[0] for row in held] == [1, 2, 3, 4, 5]
    assert held[0] == (1, chain[0]["at"], "create", "person", "p1", "h" * 64, GENESIS,
                       chain[0]["entry_hash"])  # fmt: skip


def test_this_replicas_own_entries_are_not_imported(archive: Archive) -> None:
    """Our own chain is audit_log; a bundle carrying it back adds nothing to audit_chain."""
    own = _chain(archive.replica_id, 2)
    assert _import(archive, [*own, *_chain(OTHER, 1)]) == 1
    assert _held(archive, archive.replica_id) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c[3].pop("at"), "The bundle holds a malformed audit entry; refused"),
        (lambda c: c[3].update(seq="4"), "The bundle holds a malformed audit entry; refused"),
        (lambda c: c[3].update(at=17), "The bundle holds a malformed audit entry; refused"),
        (lambda c: c.pop(3),
         f"The bundle lacks audit entries of replica {DEVICE[:8]} before #5; merge that "
         "replica's earlier bundle first"),
        (lambda c: c[3].update(at="2026-11-29T00:00:00.000+00:00"),
         f"Audit entry #4 of replica {DEVICE[:8]} in the bundle was altered; refused"),
        (lambda c: c[3].update(action="erase"),
         f"Audit entry #4 of replica {DEVICE[:8]} in the bundle was altered; refused"),
        (lambda c: c[1].update(entry_hash="0" * 64),  # sent before, rewritten since
         f"Replica {DEVICE[:8]}'s audit chain in the bundle differs from the one already "
         "imported; refused (someone rewrote history)"),
    ],
)  # fmt: skip
def test_each_lie_by_its_words(archive: Archive, change, message: str) -> None:
    chain = _chain(DEVICE, 5)
    _import(archive, chain[:3])
    change(chain)
    with pytest.raises(ChainRejected) as caught:
        _import(archive, chain)
    assert str(caught.value) == message and caught.value.exit_code == 4
    assert [row[0] for row in _held(archive, DEVICE)] == [1, 2, 3]

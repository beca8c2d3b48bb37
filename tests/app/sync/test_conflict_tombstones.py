"""Settling a conflict where one or both sides deleted the record (a tombstone).

Every combination must settle as an audited edit: a new version with the kept side's
content (a deleted record comes back, a deletion is re-stated), every earlier version kept,
the settlement travelling to the other laptop, and `verify` still passing on both.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tumar.app.sync import conflicts, folder, team
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.hlc import Clock
from tumar.storage.records import Person, Testimony

from .support import join, new_archive, records, replicas, versions


def _ahead() -> int:
    """B's clock runs a minute ahead (well within the allowed drift), so B's version wins."""
    return int(time.time() * 1000) + 60_000


def _pair(tmp: Path) -> tuple[list[Archive], None]:
    a, _ = new_archive(tmp / "a.tumar")
    witness = a.repo.insert(Person(display_name="Qaisha Aqan"))
    a.repo.insert(Testimony(witness_id=witness.id, text="original text"))
    b = join(a, tmp, "b")
    team.add_member(a, team.keys(b).recipient, "laptop B")
    return [a, b], None


@pytest.fixture
def pair(tmp_path: Path):
    """A, and B joined from A's backup and in A's team (this test's own copies of laptops
    made once per session, support.replicas); B's clock a minute ahead."""
    a, b = replicas("tombstones-pair", _pair).open_copies(tmp_path)
    b.repo.clock = Clock(b.replica_id, wall=_ahead)
    share = tmp_path / "stick"
    share.mkdir()
    yield a, b, share
    a.close()
    b.close()


def _sync(replicas: list[Archive], share: Path) -> None:
    for _ in range(2):
        for archive in replicas:
            folder.sync(archive, share)


def _act(archive: Archive, tid: str, op: str, text: str) -> None:
    if op == "edit":
        archive.repo.update_fields(Testimony, tid, {"text": text})
    else:
        archive.repo.delete(Testimony, tid)


CASES = [
    # (A does, B does, A keeps, expected text, expected deleted)
    ("edit", "delete", "mine", "edit on A", False),  # the tombstone won: bring the edit back
    ("edit", "delete", "theirs", "original text", True),  # keep the deletion, as a decision
    ("delete", "edit", "mine", "original text", True),  # the edit won: delete after all
    ("delete", "delete", "mine", "original text", True),  # both deleted
    ("delete", "delete", "original", "original text", False),  # both deleted: restore a VERSION
]


@pytest.mark.parametrize(("op_a", "op_b", "keep", "text", "deleted"), CASES)
def test_conflict_with_a_tombstone_settles(pair, op_a, op_b, keep, text, deleted) -> None:
    a, b, share = pair
    _sync([a, b], share)
    tid = a.repo.find(Testimony)[0].id
    original_hlc = a.repo.get(Testimony, tid).hlc
    _act(a, tid, op_a, "edit on A")
    _act(b, tid, op_b, "edit on B")
    _sync([a, b], share)
    (conflict,) = conflicts.open_conflicts(a)
    before = versions(a)
    assert versions(b) == before
    choice = original_hlc[:20] if keep == "original" else keep

    settled = conflicts.resolve(a, conflict.id, choice)

    current = a.repo.get(Testimony, tid, include_deleted=True)
    assert (current.hlc, current.text, current.deleted) == (settled, text, deleted)
    assert before < versions(a)  # nothing dropped, one version more
    assert not conflicts.open_conflicts(a)
    last = a.records_db.execute("SELECT action, record_id FROM audit_log ORDER BY seq DESC")
    assert tuple(last.fetchone()) == ("delete" if deleted else "update", tid)
    _sync([a, b], share)
    assert records(a) == records(b) and versions(a) == versions(b)
    assert before < versions(b)
    assert not conflicts.open_conflicts(b)
    for archive in (a, b):
        report = verify_archive(archive)
        assert report.ok, report.problems

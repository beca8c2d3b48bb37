"""Each replica of an archive keeps its own last-seen head on a computer (storage.last_seen).

Found in session 9 by running the README's team steps on one computer: a backup restored
beside its source (a new replica, a new key) made every unlock of either copy warn that
the archive "may have been replaced", and `tumar head --accept` on one made the other warn.
Real archives, real bundles, the head files in a private state folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tumar.app.restore_inputs import secret_from_text
from tumar.app.sync import export, restore
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params
from tumar.storage.last_seen import HeadGuard, LastSeenUnreadable, current_head, state_key
from tumar.storage.records import Person
from tumar.storage.rekey import rekey

PASS = "correct horse battery staple 42"


def _open(folder: Path, state: Path, secret: str = PASS) -> Archive:
    return Archive.open(folder, secret, state_dir=state)


def _two_replicas(tmp_path: Path, state: Path) -> tuple[Path, Path]:
    """A made on this computer, B restored from A's backup on the same computer."""
    a_path, b_path = tmp_path / "a.tumar", tmp_path / "b.tumar"
    a, code = Archive.create(a_path, PASS, fast_params(), state_dir=state)
    with a:
        a.repo.insert(Person(display_name="Aizhan Omarova"))
        export.write_bundle(a, tmp_path / "backup.tumar-bundle")
    b, _, _ = restore.restore(
        tmp_path / "backup.tumar-bundle", b_path, PASS, secret_from_text(code)
    )
    b.close()
    return a_path, b_path


def _rolled_back(folder: Path, state: Path) -> None:
    """The folder put back as it was before one more change (an older copy)."""
    old = folder.with_name(folder.name + ".old")
    shutil.copytree(folder, old)
    with _open(folder, state) as archive:
        archive.repo.insert(Person(display_name="Bolat"))
    shutil.rmtree(folder)
    old.rename(folder)


def test_a_restored_copy_beside_its_source_warns_neither(tmp_path: Path) -> None:
    state = tmp_path / "state"
    a_path, b_path = _two_replicas(tmp_path, state)
    for _ in range(2):  # each open records its own head; the other's is not touched
        for folder in (a_path, b_path):
            with _open(folder, state) as archive:
                assert archive.warnings == [], archive.warnings
                archive.repo.insert(Person(display_name="Dana"))
    with _open(a_path, state) as a, _open(b_path, state) as b:
        assert a.replica_id != b.replica_id
        names = {p.name for p in state.iterdir()}
        assert names == {
            f"{a.archive_id}.{a.replica_id}.head",
            f"{b.archive_id}.{b.replica_id}.head",
        }


def test_each_replica_still_sees_its_own_rollback(tmp_path: Path) -> None:
    state = tmp_path / "state"
    a_path, b_path = _two_replicas(tmp_path, state)
    for folder in (a_path, b_path):
        _open(folder, state).close()
    _rolled_back(b_path, state)
    with _open(b_path, state) as b:
        assert any("possible rollback" in w for w in b.warnings), b.warnings
    with _open(a_path, state) as a:
        assert a.warnings == []
    _rolled_back(a_path, state)
    with _open(a_path, state) as a:
        assert any("possible rollback" in w for w in a.warnings), a.warnings


def test_a_forged_head_file_of_this_replica_is_still_reported(tmp_path: Path) -> None:
    state = tmp_path / "state"
    a_path, _ = _two_replicas(tmp_path, state)
    with _open(a_path, state) as a:  # written under a key that is not A's
        forged = HeadGuard(state, a.archive_id, a.replica_id, [bytes(32)])
    forged.write(current_head_of(a_path, state))
    with _open(a_path, state) as a:
        assert any("cannot be checked" in w for w in a.warnings), a.warnings


def current_head_of(folder: Path, state: Path):  # noqa: ANN201
    with Archive.open(folder, PASS) as archive:
        return current_head(archive.records_db)


def _legacy_file(state: Path, archive: Archive, key: bytes, seq_back: int = 0) -> Path:
    """The one-file-per-archive head of earlier Tumar versions, sealed as they sealed it."""
    guard = HeadGuard(state, archive.archive_id, "", [state_key(key, archive.archive_id)])
    head = current_head(archive.records_db)
    if seq_back:
        head = type(head)(head.seq + seq_back, "0" * 64)
    guard._seal(guard.legacy_path, guard._legacy_aad(), head)
    return guard.legacy_path


def test_an_earlier_versions_head_file_is_read_then_replaced(tmp_path: Path) -> None:
    state = tmp_path / "state"
    folder = tmp_path / "old.tumar"
    archive, _ = Archive.create(folder, PASS, fast_params())
    with archive:
        archive.repo.insert(Person(display_name="Aizhan"))
        legacy = _legacy_file(state, archive, archive._master_key, seq_back=3)
    with _open(folder, state) as opened:  # the old file said 3 entries more: a rollback
        assert any("possible rollback" in w for w in opened.warnings), opened.warnings
    with Archive.open(folder, PASS) as opened:
        legacy = _legacy_file(state, opened, opened._master_key)
        mine = state / f"{opened.archive_id}.{opened.replica_id}.head"
    with _open(folder, state) as opened:
        assert opened.warnings == []
        opened.repo.insert(Person(display_name="Bolat"))
    assert mine.exists() and not legacy.exists()


def test_another_copys_earlier_head_file_is_left_alone(tmp_path: Path) -> None:
    state = tmp_path / "state"
    a_path, b_path = _two_replicas(tmp_path, state)
    for child in state.iterdir():
        child.unlink()
    with Archive.open(a_path, PASS) as a:  # written by A before heads were per replica
        legacy = _legacy_file(state, a, a._master_key)
    before = legacy.read_bytes()
    with _open(b_path, state) as b:
        assert b.warnings == []
        b.repo.insert(Person(display_name="Bolat"))
    assert legacy.read_bytes() == before
    with _open(a_path, state) as a:
        assert a.warnings == []


def test_rekey_reseals_the_head_of_the_replica_it_rekeys(tmp_path: Path) -> None:
    state = tmp_path / "state"
    a_path, b_path = _two_replicas(tmp_path, state)
    for folder in (a_path, b_path):
        _open(folder, state).close()
    before = {p.name: p.read_bytes() for p in state.iterdir()}
    rekey(a_path, PASS, PASS + " anew", fast_params(), state_dir=state)
    after = {p.name: p.read_bytes() for p in state.iterdir()}
    assert after.keys() == before.keys()
    assert sum(after[name] != before[name] for name in after) == 1  # A's, under its new key
    with _open(a_path, state, PASS + " anew") as a:
        assert a.warnings == []
    with _open(b_path, state) as b:
        assert b.warnings == []
    old = a_path.with_name("a.old")
    shutil.copytree(a_path, old)
    with _open(a_path, state, PASS + " anew") as a:
        a.repo.insert(Person(display_name="Bolat"))
    shutil.rmtree(a_path)
    old.rename(a_path)
    with _open(a_path, state, PASS + " anew") as a:
        assert any("possible rollback" in w for w in a.warnings), a.warnings


def test_an_earlier_versions_head_file_is_replaced_even_without_a_change(tmp_path: Path) -> None:
    state = tmp_path / "state"
    folder = tmp_path / "old.tumar"
    archive, _ = Archive.create(folder, PASS, fast_params())
    with archive:
        legacy = _legacy_file(state, archive, archive._master_key)
    _open(folder, state).close()  # opened and closed, nothing written
    assert not legacy.exists() and len(list(state.iterdir())) == 1


def test_rekey_keeps_the_rollback_evidence_of_an_earlier_versions_file(tmp_path: Path) -> None:
    """The unlock before the rekey warned (so nothing moved the file on); the rekey must
    not leave that evidence sealed under the key it retires."""
    state = tmp_path / "state"
    folder = tmp_path / "old.tumar"
    archive, _ = Archive.create(folder, PASS, fast_params())
    with archive:
        legacy = _legacy_file(state, archive, archive._master_key, seq_back=3)
    before = legacy.read_bytes()
    rekey(folder, PASS, PASS + " anew", fast_params(), state_dir=state)
    assert legacy.exists() and legacy.read_bytes() != before
    with _open(folder, state, PASS + " anew") as opened:
        assert any("possible rollback" in w for w in opened.warnings), opened.warnings


def test_a_head_file_renamed_to_another_replica_does_not_authenticate(tmp_path: Path) -> None:
    """Bound to its replica as well as to the archive (authenticated data), so even under
    one key a file cannot stand in for another replica's."""
    key = [state_key(bytes(range(32)), "archive")]
    mine = HeadGuard(tmp_path, "archive", "replica-1", key)
    mine.write(current_head_of_empty(tmp_path))
    other = HeadGuard(tmp_path, "archive", "replica-2", key)
    mine.path.rename(other.path)
    try:
        other.read()
    except LastSeenUnreadable as exc:
        assert "not written with this archive's key" in str(exc)
    else:
        raise AssertionError("a renamed head file was accepted")


def current_head_of_empty(tmp_path: Path):  # noqa: ANN201
    archive, _ = Archive.create(tmp_path / "e.tumar", PASS, fast_params())
    with archive:
        return current_head(archive.records_db)

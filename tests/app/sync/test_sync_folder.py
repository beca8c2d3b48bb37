"""Three laptops syncing through one folder: same state, nothing lost, conflicts listed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyrage
import pytest

from tumar.app.sync import conflicts, errors, folder, merge, team
from tumar.app.sync.errors import BundleError
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.records import Person, Testimony

from .support import join, new_archive, records, replicas, snapshot, versions


def _team3(tmp: Path) -> tuple[list[Archive], None]:
    a, _ = new_archive(tmp / "a.tumar")
    p = a.repo.insert(Person(display_name="Tilek Tabarikuly"))
    a.repo.insert(Testimony(witness_id=p.id, text="original text"))
    b = join(a, tmp, "b")
    c = join(a, tmp, "c")
    for other, label in ((b, "B"), (c, "C")):  # what `tumar team add-member` does on A
        team.add_member(a, team.keys(other).recipient, f"laptop {label}")
    return [a, b, c], None


@pytest.fixture
def team3(tmp_path: Path):
    """A, and B and C joined from A's backup, both members of A's team: this test's own
    copies of the three laptops made once per session (support.replicas)."""
    a, b, c = replicas("team3", _team3).open_copies(tmp_path)
    share = tmp_path / "stick"
    share.mkdir()
    yield a, b, c, share
    for archive in (a, b, c):
        archive.close()


def sync_rounds(replicas: list[Archive], share: Path, rounds: int = 3) -> None:
    """Everyone syncs `rounds` times; by the last round every bundle must merge."""
    for round_no in range(rounds):
        for archive in replicas:
            report = folder.sync(archive, share)
            if round_no == rounds - 1:
                assert not report.skipped


def test_concurrent_edits_converge_and_keep_the_loser(team3) -> None:
    a, b, c, share = team3
    sync_rounds([a, b, c], share)
    tid = a.repo.find(Testimony)[0].id
    for archive, text in ((a, "edit on A"), (b, "edit on B")):
        archive.repo.update_fields(Testimony, tid, {"text": text})
    c.repo.insert(Person(display_name="Added on C"))
    sync_rounds([a, b, c], share)
    assert records(a) == records(b) == records(c)
    assert versions(a) == versions(b) == versions(c)
    texts = {t.text for t in a.repo.history(Testimony, tid)} | {a.repo.get(Testimony, tid).text}
    assert {"original text", "edit on A", "edit on B"} <= texts
    for archive in (a, b, c):
        listed = conflicts.open_conflicts(archive)
        assert [(x.table, x.record_id) for x in listed] == [("testimony", tid)]
        assert verify_archive(archive).ok, verify_archive(archive).problems


def test_second_sync_changes_and_writes_nothing(team3) -> None:
    a, b, c, share = team3
    a.repo.insert(Person(display_name="New on A"))
    sync_rounds([a, b, c], share)
    before = {x.replica_id: snapshot(x) for x in (a, b, c)}
    files = {p.name: p.read_bytes() for p in share.iterdir()}
    for archive in (a, b, c):
        report = folder.sync(archive, share)
        assert not report.written
        assert all(m.already_merged for m in report.merged)
    assert {x.replica_id: snapshot(x) for x in (a, b, c)} == before
    assert {p.name: p.read_bytes() for p in share.iterdir()} == files


def test_resolving_a_conflict_travels(team3) -> None:
    a, b, c, share = team3
    sync_rounds([a, b, c], share)
    tid = a.repo.find(Testimony)[0].id
    a.repo.update_fields(Testimony, tid, {"text": "A says"})
    b.repo.update_fields(Testimony, tid, {"text": "B says"})
    sync_rounds([a, b, c], share)
    (conflict,) = conflicts.open_conflicts(c)
    mine_on_a = conflicts.open_conflicts(a)[0]
    conflicts.resolve(a, mine_on_a.id, "mine")
    assert a.repo.get(Testimony, tid).text == "A says"
    assert not conflicts.open_conflicts(a)
    sync_rounds([a, b, c], share)
    for archive in (a, b, c):
        assert archive.repo.get(Testimony, tid).text == "A says"
        assert not conflicts.open_conflicts(archive)
        assert verify_archive(archive).ok
    assert conflict.record_id == tid


def test_merge_twice_is_a_no_op_and_dry_run_writes_nothing(team3, tmp_path: Path) -> None:
    a, b, _c, _share = team3
    b.repo.insert(Person(display_name="From B"))
    bundle = tmp_path / "b.tumar-bundle"
    from tumar.app.sync import export

    export.write_bundle(b, bundle)
    before = snapshot(a)
    preview = merge.merge(a, bundle, dry_run=True)
    assert preview.applied is not None and preview.applied.records.added == 1
    assert snapshot(a) == before
    merge.merge(a, bundle)
    after = snapshot(a)
    assert after != before
    again = merge.merge(a, bundle)
    assert again.already_merged and snapshot(a) == after
    a.records_db.execute("DELETE FROM meta WHERE key LIKE 'merged:%'")
    third = merge.merge(a, bundle)  # the full work again: still nothing changes
    assert third.applied is not None and third.applied.records.touched == 0
    assert snapshot(a) == after


def test_far_future_clock_is_refused(team3, tmp_path: Path) -> None:
    """Beyond MAX_CLOCK_DRIFT_MS a bundle is refused: its edits would win every merge."""
    import time

    from tumar.app.sync import export
    from tumar.app.sync.errors import BundleError
    from tumar.storage.hlc import Clock

    a, b, _c, _share = team3
    ahead = int(time.time() * 1000) + merge.MAX_CLOCK_DRIFT_MS + 3_600_000
    b.repo.clock = Clock(b.replica_id, wall=lambda: ahead)
    b.repo.insert(Person(display_name="Written with a wrong clock"))
    bundle = tmp_path / "future.tumar-bundle"
    export.write_bundle(b, bundle)
    before = snapshot(a)
    with pytest.raises(BundleError, match="hours ahead"):
        merge.merge(a, bundle)
    assert snapshot(a) == before


def test_watermarks_cover_every_version_held(team3) -> None:
    """Watermarks come from version_parent (fast); they must equal the highest HLC per
    origin over every current row and every kept version, after edits, deletes and merges."""
    from tumar.storage import sync_store
    from tumar.storage.records import BY_TABLE

    a, b, c, share = team3
    tid = a.repo.find(Testimony)[0].id
    b.repo.update_fields(Testimony, tid, {"text": "edit on B"})
    c.repo.delete(Testimony, tid)
    a.repo.insert(Person(display_name="New on A"))
    sync_rounds([a, b, c], share)
    for archive in (a, b, c):
        conn = archive.records_db
        expected: dict[str, str] = {}
        sources = [f"SELECT hlc FROM {t}" for t in BY_TABLE] + ["SELECT hlc FROM record_history"]
        for sql in sources:
            for (hlc,) in conn.execute(sql):
                expected[hlc[-32:]] = max(expected.get(hlc[-32:], ""), hlc)
        assert sync_store.watermarks(conn) == expected
        assert len(expected) == 3


def test_a_preview_does_not_say_a_new_replicas_key_is_pinned() -> None:
    """A dry run pins nothing (merge() remembers the peer only when it writes): its report
    says what the sync will do, the sync's report what it did."""
    source = "7e314c1eaf0f4ba0ad15e1b5543ecb2c"
    preview = merge.MergeReport(source, True, False, None, dry_run=True).lines()
    done = merge.MergeReport(source, True, False, None).lines()
    assert "its key will be pinned when you sync" in preview[0] and "now" not in preview[0]
    assert preview[0].startswith("Bundle from replica 7e314c1e (")
    assert "its key is now pinned" in done[0]
    assert merge.MergeReport(source, False, True, None).lines() == [
        "Bundle from replica 7e314c1e",
        "  nothing new",
    ]


def test_a_removed_laptops_bundle_is_no_longer_merged(team3) -> None:
    """After `team remove`, C's bundles are skipped with one line saying why, and merge
    refuses them (a preview too); adding C again lets them in."""
    a, b, c, share = team3
    sync_rounds([a, b, c], share)
    removed = team.remove_member(a, team.keys(c).recipient)
    c.repo.insert(Person(display_name="Written on the removed laptop"))
    folder.sync(c, share)
    report = folder.sync(a, share)
    (skipped,) = [s for s in report.skipped if c.replica_id in s.name]
    assert skipped.kind == errors.REMOVED
    assert "was removed from the team" in skipped.line and len(skipped.line.splitlines()) == 1
    assert "Written on the removed laptop" not in {p.display_name for p in a.repo.find(Person)}
    with pytest.raises(BundleError, match="removed from the team"):
        merge.merge(a, share / f"{c.replica_id}{folder.SUFFIX}", dry_run=True)
    team.add_member(a, removed.recipient, "C again")
    folder.sync(a, share)
    assert "Written on the removed laptop" in {p.display_name for p in a.repo.find(Person)}


def test_a_removed_laptop_cannot_come_back_by_naming_another_key(team3, monkeypatch) -> None:
    """Its bundle's manifest names a fresh recipient: the one C was first seen with, pinned
    to its replica here, is still a removed member's."""
    a, b, c, share = team3
    sync_rounds([a, b, c], share)
    team.remove_member(a, team.keys(c).recipient)
    real = team.keys
    fresh = str(pyrage.x25519.Identity.generate())  # C's bundle names its public key
    monkeypatch.setattr(team, "keys", lambda archive: replace(real(archive), age_identity=fresh))
    c.repo.insert(Person(display_name="Written on the removed laptop"))
    folder.sync(c, share)
    monkeypatch.setattr(team, "keys", real)
    report = folder.sync(a, share)
    assert [s.kind for s in report.skipped] == [errors.REMOVED], report.skipped
    assert "Written on the removed laptop" not in {p.display_name for p in a.repo.find(Person)}


def test_a_member_removed_before_its_first_bundle_arrived_is_refused(team3) -> None:
    """No bundle of C was ever merged here (nothing pinned): the recipient its manifest
    names is the removed member's."""
    a, _b, c, share = team3
    team.remove_member(a, team.keys(c).recipient)
    c.repo.insert(Person(display_name="Written on the removed laptop"))
    folder.sync(c, share)
    report = folder.sync(a, share)
    assert [s.kind for s in report.skipped] == [errors.REMOVED], report.skipped
    assert "Written on the removed laptop" not in {p.display_name for p in a.repo.find(Person)}


def test_sync_clears_what_its_own_interrupted_sync_left(team3) -> None:
    """A stick pulled mid-write leaves `.REPLICA.tumar-bundle.tmp-PID`: the next sync of
    that replica removes it (a preview changes nothing); another laptop's is left alone."""
    from tests.storage.test_atomic_streamed import _dead_pid

    a, b, _c, share = team3
    dead = _dead_pid()
    mine = share / f".{a.replica_id}{folder.SUFFIX}.tmp-{dead}"
    theirs = share / f".{b.replica_id}{folder.SUFFIX}.tmp-{dead}"
    for path in (mine, theirs):
        path.write_bytes(b"age-encryption.org/v1 half a bundle")
    folder.sync(a, share, dry_run=True)
    assert mine.exists()
    folder.sync(a, share)
    assert not mine.exists() and theirs.exists()


def test_sync_after_a_cut_off_run_that_had_this_same_pid(team3) -> None:
    """In a pid namespace (Flatpak, a container) each run of Tumar has the same pid: the
    temp file a pulled stick left under it made every later sync into the folder fail
    ("File exists"). Now it is an earlier run's, removed; the bundle is written."""
    import os

    a, _b, _c, share = team3
    left = share / f".{a.replica_id}{folder.SUFFIX}.tmp-{os.getpid()}"
    left.write_bytes(b"age-encryption.org/v1 half a bundle")
    folder.sync(a, share)
    assert not left.exists()
    assert (share / f"{a.replica_id}{folder.SUFFIX}").stat().st_size > 0

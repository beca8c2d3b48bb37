"""app.sync.merge's checks one by one, with their exact words and kinds: a bundle signed by
another key than the one pinned for its replica (no test had it: found by mutation
testing, which turned the pin check off unnoticed), a new replica reported as new, and
the report's lines."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tumar.app.cascade import Orphans
from tumar.app.sync import bundle_format, errors, export, merge, team
from tumar.app.sync.errors import BundleError
from tumar.storage import sync_store
from tumar.storage.archive import Archive
from tumar.storage.hlc import Clock
from tumar.storage.records import Person

from .support import join, new_archive, replicas, snapshot


def _pair(tmp: Path) -> tuple[list[Archive], None]:
    a, _ = new_archive(tmp / "a.tumar")
    a.repo.insert(Person(display_name="Witness"))
    return [a, join(a, tmp, "b")], None


@pytest.fixture
def pair(tmp_path: Path):
    a, b = replicas("merge-units-pair", _pair).open_copies(tmp_path)
    yield a, b
    a.close()
    b.close()


def _refused(a: Archive, bundle: Path, kind: str) -> str:
    before = snapshot(a)
    for dry_run in (True, False):
        with pytest.raises(BundleError) as caught:
            merge.merge(a, bundle, dry_run=dry_run)
        assert caught.value.kind == kind
    assert snapshot(a) == before
    return str(caught.value)


def test_a_known_replica_signed_by_another_key_is_refused(
    pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = pair
    b.repo.insert(Person(display_name="First from B"))
    first = tmp_path / "first.tumar-bundle"
    export.write_bundle(b, first)
    report = merge.merge(a, first)
    assert report.new_replica and not report.already_merged
    assert report.lines()[0] == (
        f"Bundle from replica {b.replica_id[:8]} (a replica this archive has never seen; "
        "its key is now pinned)"
    )
    b.repo.insert(Person(display_name="Second from B"))
    genuine = tmp_path / "genuine.tumar-bundle"
    export.write_bundle(b, genuine)
    real_keys = team.keys

    def other_signing_key(archive: Archive):  # what a seized laptop's copy could sign with
        return dataclasses.replace(real_keys(archive), signing_key=Ed25519PrivateKey.generate())

    monkeypatch.setattr(team, "keys", other_signing_key)
    forged = tmp_path / "forged.tumar-bundle"
    export.write_bundle(b, forged)
    monkeypatch.undo()
    message = _refused(a, forged, errors.FORGED)
    assert message == (
        f"The bundle claims to come from replica {b.replica_id[:8]} but is signed by another "
        "key; refused"
    )
    report = merge.merge(a, genuine)
    assert not report.new_replica
    assert report.lines()[0] == f"Bundle from replica {b.replica_id[:8]}"


def test_each_refusal_has_its_words_and_kind(pair, tmp_path: Path) -> None:
    a, b = pair
    own = tmp_path / "own.tumar-bundle"
    export.write_bundle(a, own)
    assert _refused(a, own, errors.OWN) == "This is this laptop's own bundle; nothing to merge"

    other, _ = new_archive(tmp_path / "other.tumar")
    with other:
        team.add_member(other, team.keys(a).recipient, "A")
        foreign = tmp_path / "foreign.tumar-bundle"
        export.write_bundle(other, foreign)
    assert _refused(a, foreign, errors.OTHER_ARCHIVE) == (
        "This bundle belongs to another archive; nothing was merged"
    )

    team.add_member(a, team.keys(b).recipient, "B")
    team.remove_member(a, team.keys(b).recipient)
    removed = tmp_path / "removed.tumar-bundle"
    export.write_bundle(b, removed)
    assert _refused(a, removed, errors.REMOVED) == (
        f"Replica {b.replica_id[:8]}'s laptop was removed from the team; its bundle is not "
        "merged (delete it from the sync folder, or add the laptop again)"
    )


def test_a_clock_too_far_ahead_says_how_far(pair, tmp_path: Path) -> None:
    a, b = pair
    hours = merge.MAX_CLOCK_DRIFT_MS // 3_600_000 + 5
    ahead = int(time.time() * 1000) + hours * 3_600_000 + 60_000
    b.repo.clock = Clock(b.replica_id, wall=lambda: ahead)
    b.repo.insert(Person(display_name="From the future"))
    bundle = tmp_path / "ahead.tumar-bundle"
    export.write_bundle(b, bundle)
    assert _refused(a, bundle, errors.CLOCK) == (
        f"Replica {b.replica_id[:8]}'s clock is {hours} hours ahead; correct the date on "
        "that laptop and sync again"
    )


def _three(tmp: Path) -> tuple[list[Archive], None]:
    a, _ = new_archive(tmp / "a.tumar")
    b, c = join(a, tmp, "b"), join(a, tmp, "c")
    for laptop, other in ((a, b), (a, c), (b, c), (c, b)):
        team.add_member(laptop, team.keys(other).recipient, "x")
    return [a, b, c], None


def test_a_bundle_that_assumes_what_this_laptop_lacks_waits(tmp_path: Path) -> None:
    """C has merged B's edits and A has not: C's sync bundle builds on them (its floors say
    every peer holds them), so A must get B's bundle first; then C's merges."""
    a, b, c = replicas("merge-units-three", _three).open_copies(tmp_path)
    with a, b, c:
        b.repo.insert(Person(display_name="On B"))
        from_b = tmp_path / "b.tumar-bundle"
        export.write_bundle(b, from_b)
        merge.merge(c, from_b)
        c.repo.insert(Person(display_name="On C"))
        held = sync_store.watermarks(c.records_db)
        from_c = tmp_path / "c.tumar-bundle"
        export.write_bundle(c, from_c, floors=export.Floors({b.replica_id: held[b.replica_id]}, {}))
        assert _refused(a, from_c, errors.WAITING) == (
            "This bundle assumes edits this laptop has not received yet; sync again after "
            f"replica {c.replica_id[:8]} has seen this laptop's bundle"
        )
        merge.merge(a, from_b)
        assert merge.merge(a, from_c).applied is not None
        assert {"On B", "On C"} <= {p.display_name for p in a.repo.find(Person)}


@pytest.mark.parametrize(
    ("notes", "events", "dry_run", "line"),
    [
        (1, 0, True, "  1 note attached to deleted records will be deleted with them; its text "
                     "stays in history"),
        (2, 1, False, "  2 notes and 1 event attached to deleted records were deleted with "
                      "them; their text stays in history"),
        (0, 1, False, "  1 event attached to deleted records was deleted with them; its text "
                      "stays in history"),
        (0, 3, True, "  3 events attached to deleted records will be deleted with them; their "
                     "text stays in history"),
    ],
)  # fmt: skip
def test_the_orphans_line(notes: int, events: int, dry_run: bool, line: str) -> None:
    assert merge.orphans_line(Orphans(notes=notes, events=events), dry_run) == line


def test_a_bundle_merged_before_is_reported_as_such(pair, tmp_path: Path) -> None:
    a, b = pair
    b.repo.insert(Person(display_name="From B"))
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(b, bundle)
    first = merge.merge(a, bundle)
    assert first.new_replica is True and first.already_merged is False
    assert first.applied is not None and first.dry_run is False
    pinned = a.records_db.execute(
        "SELECT signing_key, recipient, first_seen FROM sync_peer WHERE replica_id = ?",
        (b.replica_id,),
    ).fetchone()
    keys = team.keys(b)
    assert (pinned[0], pinned[1]) == (keys.verify_key_hex, keys.recipient)
    assert pinned[2].endswith("+00:00")  # when it was first seen, in UTC
    for dry_run in (True, False):  # its replica is known by now, its content held
        again = merge.merge(a, bundle, dry_run=dry_run)
        assert again == merge.MergeReport(b.replica_id, False, True, None, dry_run)
        assert again.lines() == [f"Bundle from replica {b.replica_id[:8]}", "  nothing new"]


def test_a_conflict_is_one_line_with_both_versions(pair, tmp_path: Path) -> None:
    a, b = pair
    (on_a,) = a.repo.find(Person)
    (on_b,) = b.repo.find(Person)
    a.repo.update(dataclasses.replace(on_a, notes="edited on A"))
    b.repo.update(dataclasses.replace(on_b, notes="edited on B"))
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(b, bundle)
    report = merge.merge(a, bundle)
    assert report.applied is not None
    ((table, record_id, winner, loser),) = report.applied.records.conflicts
    assert (table, record_id) == ("person", on_a.id) and winner > loser
    assert report.lines()[-1] == (
        f"  conflict: person {on_a.id} (kept {winner[:17]}, other {loser[:17]})"
    )


def test_a_merge_reports_progress_and_can_be_cancelled(pair, tmp_path: Path) -> None:
    from tumar.app.jobs import CancelToken, JobCancelled

    a, b = pair
    b.repo.insert(Person(display_name="From B"))
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(b, bundle)
    before = snapshot(a)
    token = CancelToken()
    token.cancel()
    with pytest.raises(JobCancelled):
        merge.merge(a, bundle, cancel=token)
    assert snapshot(a) == before
    seen: list[tuple[int, int]] = []
    merge.merge(a, bundle, progress=lambda done, total, _text: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_a_senders_recipient_is_kept_only_when_it_is_one(pair) -> None:
    """What the manifest says the sender's age recipient is gets encrypted to later: a
    value that is not a recipient is kept as none ("")."""
    a, _b = pair
    recipient = team.keys(a).recipient
    for value, kept in ((recipient, recipient), ("age1notakey", ""), (None, ""), (17, "")):
        manifest = bundle_format.Manifest({"recipient": value} if value else {}, b"")
        assert merge.peer_recipient(manifest) == kept

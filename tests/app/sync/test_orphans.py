"""A note or event left live on an owner deleted on another laptop is deleted by the merge.

Locally, deleting a case takes its events and notes with it (app/cascade.py). Across
laptops the child can be added or edited where the owner still lives: merged with the
deletion, it would come back live ("Note on <a deleted case>" in search, on timelines) with
no list left to reach it from. Real archives, real bundles, the real merge and sync.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tumar.app import cases, edits, people, testimonies
from tumar.app.search import SearchQuery, search
from tumar.app.sync import conflicts, export, folder, merge, team
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.hlc import Clock
from tumar.storage.records import Case, Event, Note

from .support import PASS, join, new_archive, records, replicas, snapshot, versions

NOTE_TEXT = "Seen at the Khorgos border post on Tuesday"


def _pair(tmp: Path) -> tuple[list[Archive], str]:
    a, _ = new_archive(tmp / "a.tumar")
    case = cases.add_case(a, "Detention of T. Tabarikuly")
    cases.add_event(a, case.id, "detention", "2024-03", description="taken at night")
    b = join(a, tmp, "b")
    team.add_member(a, team.keys(b).recipient, "laptop B")
    return [a, b], case.id


@pytest.fixture
def pair(tmp_path: Path):
    """A holds case C with one event; B joined from A; B's clock a minute ahead. This
    test's own copies of the two laptops made once per session (support.replicas)."""
    made = replicas("orphans-pair", _pair)
    a, b = made.open_copies(tmp_path)
    case_id = made.extra
    b.repo.clock = Clock(b.replica_id, wall=lambda: int(time.time() * 1000) + 60_000)
    share = tmp_path / "stick"
    share.mkdir()
    yield a, b, share, case_id
    a.close()
    b.close()


def _sync(replicas: list[Archive], share: Path, rounds: int = 2) -> list[str]:
    lines = []
    for _ in range(rounds):
        for archive in replicas:
            for merged in folder.sync(archive, share).merged:
                lines += merged.lines()
    return lines


def _converged(a: Archive, b: Archive) -> None:
    assert records(a) == records(b)
    assert versions(a) == versions(b)
    for archive in (a, b):
        report = verify_archive(archive)
        assert report.ok, report.problems


def _no_live_orphans(archive: Archive) -> None:
    repo = archive.repo
    for case in repo.find(Case, include_deleted=True):
        if case.deleted:
            assert repo.find(Note, {"case_id": case.id}) == []
            assert repo.find(Event, {"case_id": case.id}) == []


def test_note_added_on_b_to_a_case_deleted_on_a(pair) -> None:
    a, b, share, case_id = pair
    _sync([a, b], share)
    cases.delete_case(a, case_id)
    note = testimonies.add_note(b, NOTE_TEXT, case_id=case_id)
    folder.sync(b, share)  # B's bundle carries the note; A's does not carry the deletion yet

    before = snapshot(a)
    preview = folder.sync(a, share, dry_run=True)
    said = [line for m in preview.merged for line in m.lines()]
    assert snapshot(a) == before  # the preview wrote nothing
    assert (
        "  1 note attached to deleted records will be deleted with them; its text stays in history"
    ) in said

    done = [line for m in folder.sync(a, share).merged for line in m.lines()]
    assert (
        "  1 note attached to deleted records was deleted with them; its text stays in history"
    ) in done
    current = a.repo.get(Note, note.id, include_deleted=True)
    assert current.deleted and current.text == NOTE_TEXT
    assert [v.text for v in a.repo.history(Note, note.id)] == [NOTE_TEXT]  # nothing lost
    entry = a.records_db.execute(
        "SELECT action FROM audit_log WHERE table_name = 'note' AND record_id = ?"
        " ORDER BY seq DESC",
        (note.id,),
    ).fetchone()
    assert entry[0] == "delete"
    assert search(a, SearchQuery("Khorgos")) == []
    _no_live_orphans(a)

    _sync([b, a], share)
    assert b.repo.get(Note, note.id, include_deleted=True).deleted
    assert search(b, SearchQuery("Khorgos")) == []
    _converged(a, b)
    assert not conflicts.open_conflicts(a) and not conflicts.open_conflicts(b)


def test_event_edited_on_b_after_a_deleted_its_case(pair) -> None:
    a, b, share, case_id = pair
    _sync([a, b], share)
    (event,) = a.repo.find(Event, {"case_id": case_id})
    cases.delete_case(a, case_id)  # A's cascade tombstones the event
    edits.edit_event(b, event.id, description="taken at night by three officers")
    folder.sync(b, share)
    folder.sync(a, share)  # B's edit has the higher HLC: without the rule it comes back
    held = versions(a)
    current = a.repo.get(Event, event.id, include_deleted=True)
    assert current.deleted
    # the merge's tombstone is stamped after the clock saw B's edit: it wins everywhere
    assert current.hlc == max(v[2] for v in held if v[1] == event.id)
    _sync([a, b], share)

    for archive in (a, b):
        current = archive.repo.get(Event, event.id, include_deleted=True)
        assert current.deleted
        assert current.description == "taken at night by three officers"
        kept = [e.description for e in archive.repo.history(Event, event.id)]
        assert "taken at night by three officers" in kept  # the edit itself stays in history
        assert cases.timeline(archive, case_id) == []
        _no_live_orphans(archive)
        # the edit met a deletion, but the event goes with its case whichever side wins:
        # nothing for a person to settle (and settling could only delete it again)
        assert not conflicts.open_conflicts(archive)
    _converged(a, b)


def test_both_laptops_delete_the_same_orphan_without_a_conflict(pair, tmp_path: Path) -> None:
    """Each laptop merges the other's bundle before seeing the other's merge: both delete
    the same note on their own. Both sides deleted it, so nobody is asked to review it."""
    a, b, _share, case_id = pair
    person = people.add_person(a, "Qaisha Aqan").person
    full = tmp_path / "a-full.tumar-bundle"
    export.write_bundle(a, full)
    merge.merge(b, full)
    note = testimonies.add_note(b, NOTE_TEXT, case_id=case_id)
    people_note = testimonies.add_note(b, "lives with her aunt", person_id=person.id)
    cases.delete_case(a, case_id)
    people.delete_person(a, person.id)
    bundle_a, bundle_b = tmp_path / "a.tumar-bundle", tmp_path / "b.tumar-bundle"
    export.write_bundle(a, bundle_a)
    export.write_bundle(b, bundle_b)
    said_a = merge.merge(a, bundle_b).lines()
    said_b = merge.merge(b, bundle_a).lines()
    for said in (said_a, said_b):
        assert (
            "  2 notes attached to deleted records were deleted with them; "
            "their text stays in history"
        ) in said
    for _ in range(2):
        export.write_bundle(a, bundle_a)
        export.write_bundle(b, bundle_b)
        merge.merge(a, bundle_b)
        merge.merge(b, bundle_a)
    for archive in (a, b):
        for record_id in (note.id, people_note.id):
            assert archive.repo.get(Note, record_id, include_deleted=True).deleted
        _no_live_orphans(archive)
    assert not conflicts.open_conflicts(a) and not conflicts.open_conflicts(b)
    _converged(a, b)
    # idempotent: the same bundle again changes nothing
    before = snapshot(a)
    merge.merge(a, bundle_b)
    assert snapshot(a) == before


def test_settling_a_conflict_keeps_an_orphan_deleted(pair) -> None:
    """Two edits of an event conflict; then its case is deleted. Keeping either edit
    records the choice but leaves the event deleted with its case."""
    a, b, share, case_id = pair
    _sync([a, b], share)
    (event,) = a.repo.find(Event, {"case_id": case_id})
    edits.edit_event(a, event.id, description="edit on A")
    edits.edit_event(b, event.id, description="edit on B")
    _sync([a, b], share)
    (conflict,) = conflicts.open_conflicts(a)
    cases.delete_case(a, case_id)
    _sync([a, b], share)

    settled = conflicts.resolve(a, conflict.id, "mine")

    current = a.repo.get(Event, event.id, include_deleted=True)
    assert (current.hlc, current.description, current.deleted) == (settled, "edit on A", True)
    assert not conflicts.open_conflicts(a)
    _sync([a, b], share)
    assert not conflicts.open_conflicts(b)
    _no_live_orphans(b)
    _converged(a, b)


def test_tumar_merge_dry_run_says_it_first_and_writes_nothing(tmp_path: Path, run_tumar) -> None:
    """The CLI a documenter runs: `tumar merge --dry-run` announces the deletion and
    changes nothing; `tumar merge` does it and says so; `tumar verify` passes after."""
    a, _ = new_archive(tmp_path / "a.tumar")
    case = cases.add_case(a, "Detention of T. Tabarikuly")
    cases.add_event(a, case.id, "hearing", "2024-05-02")
    b = join(a, tmp_path, "b")
    cases.delete_case(a, case.id)
    testimonies.add_note(b, NOTE_TEXT, case_id=case.id)
    (event,) = b.repo.find(Event, {"case_id": case.id})
    edits.edit_event(b, event.id, place="Almaty city court")
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(b, bundle)
    b.close()
    before = snapshot(a)
    a.close()
    env = {"TUMAR_ARCHIVE": str(tmp_path / "a.tumar"), "TUMAR_PASSPHRASE": PASS}

    dry = run_tumar("merge", bundle, "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    assert (
        "  1 note and 1 event attached to deleted records will be deleted with them; "
        "their text stays in history"
    ) in dry.stdout.splitlines()
    with Archive.open(tmp_path / "a.tumar", PASS) as again:
        assert snapshot(again) == before

    done = run_tumar("merge", bundle, env=env)
    assert done.returncode == 0, done.stderr
    assert (
        "  1 note and 1 event attached to deleted records were deleted with them; "
        "their text stays in history"
    ) in done.stdout.splitlines()
    checked = run_tumar("verify", tmp_path / "a.tumar", env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with Archive.open(tmp_path / "a.tumar", PASS) as again:
        _no_live_orphans(again)
        assert again.repo.get(Note, again.repo.find(Note, include_deleted=True)[0].id,
                              include_deleted=True).deleted  # fmt: skip


def test_settling_a_case_conflict_with_its_deletion_takes_its_notes(pair) -> None:
    """A deletes the case while B edits it (B's edit wins, a conflict) and adds a note to
    it: the case and the note stay live. Settling by keeping the deletion deletes the note
    with the case, as deleting it here would."""
    a, b, share, case_id = pair
    _sync([a, b], share)
    cases.delete_case(a, case_id)
    cases.edit_case(b, case_id, summary="hearing moved to May")
    note = testimonies.add_note(b, NOTE_TEXT, case_id=case_id)
    _sync([a, b], share)
    assert not a.repo.get(Case, case_id).deleted  # B's edit has the higher HLC
    assert not a.repo.get(Note, note.id).deleted
    (conflict,) = conflicts.open_conflicts(a)

    conflicts.resolve(a, conflict.id, "mine")

    assert a.repo.get(Case, case_id, include_deleted=True).deleted
    assert a.repo.get(Note, note.id, include_deleted=True).deleted
    _no_live_orphans(a)
    _sync([a, b], share)
    _no_live_orphans(b)
    _converged(a, b)
    assert not conflicts.open_conflicts(b)

"""Merge rules as properties: three replicas, random edits/deletes/merges, skewed clocks.

Replicas here are real SQLCipher databases with the full schema, written through the real
Repository and merged with the real Applier (storage.bulk) and chain import; the bundle
encryption around them is tested in tests/app/sync. Clocks are skewed by up to
SKEW_MS between laptops, inside merge's MAX_CLOCK_DRIFT_MS bound (beyond it a bundle is
refused: tests/app/sync/test_sync_folder.py::test_far_future_clock_is_refused).

Cases, their events and notes on cases and people take part: deleting a case or a person
takes its events and notes with it (app/cascade.py), and a merge deletes the notes and
events another laptop added or edited meanwhile (cascade.delete_orphans), as
app/sync/apply.py does, in the merge's transaction after the clock has seen the bundle.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
import shutil
import uuid
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tumar.app import cascade
from tumar.storage import audit, audit_chains, orphans, schema, sync_store
from tumar.storage.bulk import Applier
from tumar.storage.connection import open_database, transaction
from tumar.storage.hlc import Clock, Timestamp
from tumar.storage.records import Case, Event, Note, Person
from tumar.storage.repository import Repository

SKEW_MS = 90_000
BASE_MS = 1_800_000_000_000
RECORDS = 3  # people
CASES = 2  # each with one event at first
TABLES = ("person", "case_file", "event", "note")


#: (file, key) of an empty archive.db with the full schema, made once: every replica of
#: every example starts as a copy of it (a real SQLCipher database, migrated as Archive
#: would) instead of running every migration five times per example
_EMPTY: list[tuple[Path, bytes]] = []


def _empty_db(folder: Path) -> tuple[Path, bytes]:
    # made again when its folder is gone: a later pytest session in this process (mutmut
    # runs one per mutant) has pruned the earlier sessions' temp folders
    if _EMPTY and not _EMPTY[0][0].exists():
        _EMPTY.clear()
    if not _EMPTY:
        path, key = folder / "empty-archive.db", secrets.token_bytes(32)
        conn = open_database(path, key, create=True, cache_kib=2048)
        schema.migrate(conn, schema.ARCHIVE_MIGRATIONS, "archive.db")
        conn.close()
        _EMPTY.append((path, key))
    return _EMPTY[0]


class Replica:
    def __init__(self, path: Path, skew: int) -> None:
        empty, key = _empty_db(path.parent)
        shutil.copyfile(empty, path)
        self.conn = open_database(path, key, create=False, cache_kib=2048)
        schema.migrate(self.conn, schema.ARCHIVE_MIGRATIONS, "archive.db")  # nothing left to do
        self.id = uuid.uuid4().hex
        self.ticks = itertools.count()
        self.clock = Clock(self.id, wall=lambda: BASE_MS + skew + next(self.ticks) * 7)
        self.repo = Repository(self.conn, self.clock)

    def bundle(self) -> tuple[list, list]:
        return list(sync_store.versions(self.conn)), list(
            sync_store.audit_entries(self.conn, self.id)
        )

    def merge(self, bundle: tuple[list, list]) -> None:
        lines, entries = bundle
        with transaction(self.conn):
            applier = Applier(self.conn, self.id, "merge")
            applier.apply(lines)
            result = applier.finish()
            audit_chains.import_entries(self.conn, self.id, entries)
            if result.max_hlc:
                self.clock.observe(Timestamp.parse(result.max_hlc))
            if result.touched and cascade.delete_orphans(self.repo):
                event("a merge deleted orphans")  # shown by --hypothesis-show-statistics

    def rows(self, live_only: bool = False, skip: frozenset = frozenset()) -> str:
        where = " WHERE deleted = 0" if live_only else ""
        rows = {
            t: [
                dict(r)
                for r in self.conn.execute(f"SELECT * FROM {t}{where} ORDER BY id")
                if r["id"] not in skip
            ]
            for t in TABLES
        }
        return json.dumps(rows, sort_keys=True)

    def contested(self) -> frozenset:
        """Notes and events of an owner whose deletion lost to an edit made concurrently
        on another laptop (a conflict on the owner, for a person to settle). Whether a
        merge deleted them depends on whether this laptop met the deletion before the
        edit: the one case where the order of merges shows (a known limit of the rule)."""
        back = set()
        for owner in ("person", "case_file"):
            back |= {
                r[0]
                for r in self.conn.execute(
                    f"SELECT id FROM {owner} o WHERE deleted = 0 AND EXISTS (SELECT 1 FROM"
                    " record_history h WHERE h.table_name = ? AND h.record_id = o.id"
                    " AND json_extract(h.data, '$.deleted') = 1)",
                    (owner,),
                )
            }
        found = set()
        for child, owned in orphans.OWNED_BY.items():
            for row in self.conn.execute(f"SELECT * FROM {child}"):
                if any(row[column] in back for column, _owner in owned):
                    found.add(row["id"])
        return frozenset(found)

    def state(self) -> tuple:
        return (self.rows(), self.versions(), self.conflicts())

    def versions(self) -> frozenset:
        found = set()
        for table in TABLES:
            found |= {
                (table, r[0], r[1]) for r in self.conn.execute(f"SELECT id, hlc FROM {table}")
            }
        found |= {
            tuple(r)
            for r in self.conn.execute("SELECT table_name, record_id, hlc FROM record_history")
        }
        return frozenset(found)

    def deleted(self, skip: frozenset = frozenset()) -> frozenset:
        return frozenset(
            (t, r[0])
            for t in TABLES
            for r in self.conn.execute(f"SELECT id FROM {t} WHERE deleted")
            if r[0] not in skip
        )

    def live(self, cls: type, record_id: str) -> bool:
        return not self.repo.get(cls, record_id, include_deleted=True).deleted

    def owner_live(self, child: Note | Event) -> bool:
        return not orphans.owner_deleted(self.conn, child.TABLE, child.as_dict())

    def conflicts(self) -> frozenset:
        return frozenset(
            tuple(r)
            for r in self.conn.execute("SELECT record_id, winner_hlc, loser_hlc FROM sync_conflict")
        )


who, two = st.integers(0, 2), st.integers(0, 2)
ops = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), who, st.integers(0, RECORDS - 1), st.text(max_size=5)),
        st.tuples(st.just("delete"), who, st.integers(0, RECORDS - 1), st.just("")),
        st.tuples(st.just("merge"), who, two, st.just("")),
        # a note on a case (0..CASES-1) or on a person (CASES..)
        st.tuples(st.just("note"), who, st.integers(0, CASES + RECORDS - 1), st.text(max_size=5)),
        st.tuples(st.just("event"), who, st.integers(0, CASES - 1), st.text(max_size=5)),
        st.tuples(st.just("delete_case"), who, st.integers(0, CASES - 1), st.just("")),
    ),
    max_size=16,
)
#: only what makes orphans, on one case: two laptops deleting the same orphan on their own
#: needs several merges in a particular order, rare among the general steps above
orphan_ops = st.lists(
    st.one_of(
        st.tuples(st.just("merge"), who, two, st.just("")),
        st.tuples(st.just("note"), who, st.just(0), st.text(max_size=3)),
        st.tuples(st.just("event"), who, st.just(0), st.text(max_size=3)),
        st.tuples(st.just("delete_case"), who, st.just(0), st.just("")),
    ),
    min_size=6,
    max_size=12,
)


def _act(rep: Replica, kind: str, target: int, text: str, ids: dict[str, list[str]]) -> None:
    """One local edit as the app makes it (a deletion takes its notes and events along);
    nothing is added to or edited on a record this laptop already deleted."""
    repo = rep.repo
    if kind in ("edit", "delete"):
        if not rep.live(Person, ids["person"][target]):
            return
        if kind == "edit":
            repo.update_fields(Person, ids["person"][target], {"notes": text})
            return
        with transaction(rep.conn):
            cascade.delete_attached(repo, "person_id", ids["person"][target])
            repo.delete(Person, ids["person"][target])
    elif kind == "note":
        column, owner = ("case_id", ids["case"]) if target < CASES else ("person_id", ids["person"])
        owner_id = owner[target % CASES if target < CASES else target - CASES]
        if rep.live(Case if target < CASES else Person, owner_id):
            repo.insert(Note(text=f"n{text}", **{column: owner_id}))
    elif kind == "event":
        held = repo.get(Event, ids["event"][target], include_deleted=True)
        if not held.deleted and rep.owner_live(held):
            repo.update_fields(Event, held.id, {"description": text})
    elif rep.live(Case, ids["case"][target]):  # delete_case
        with transaction(rep.conn):
            cascade.delete_attached(repo, "case_id", ids["case"][target])
            repo.delete(Case, ids["case"][target])


def _no_live_orphans(rep: Replica) -> None:
    assert orphans.live_orphans(rep.conn) == []


EXAMPLES = int(os.environ.get("MERGE_EXAMPLES", "40"))  # more for a long local run
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SKEWS = st.tuples(*(st.integers(-SKEW_MS, SKEW_MS) for _ in range(3)))


@SETTINGS
@given(steps=ops, skews=SKEWS, order=st.permutations([0, 1, 2]))
def test_replicas_converge_and_lose_nothing(tmp_path_factory, steps, skews, order) -> None:
    _run(tmp_path_factory, steps, skews, order)


@SETTINGS
@given(steps=orphan_ops, skews=SKEWS, order=st.permutations([0, 1, 2]))
def test_orphans_are_deleted_alike_in_any_order(tmp_path_factory, steps, skews, order) -> None:
    _run(tmp_path_factory, steps, skews, order)


def _run(tmp_path_factory, steps, skews, order) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("replicas")
    reps = [Replica(folder / f"{i}.db", skews[i]) for i in range(3)]
    first = reps[0].repo
    ids = {"person": [first.insert(Person(display_name=f"p{i}")).id for i in range(RECORDS)]}
    ids["case"] = [first.insert(Case(title=f"c{i}")).id for i in range(CASES)]
    ids["event"] = [
        first.insert(Event(case_id=c, kind="hearing", date="2024")).id for c in ids["case"]
    ]
    made = set(reps[0].versions())
    for other in reps[1:]:
        other.merge(reps[0].bundle())
    for kind, who, target, text in steps:
        rep = reps[who]
        if kind == "merge":
            rep.merge(reps[target].bundle())
        else:
            _act(rep, kind, target, text, ids)
        made |= rep.versions()
        _no_live_orphans(rep)  # after every local edit and every merge
    # order independence: two fresh replicas take the same bundles in different orders.
    # Each deletes the orphans it meets with its own stamp, so they agree on every live
    # record, on what is deleted and on every version from the bundles.
    bundles = [r.bundle() for r in reps]
    fresh = [Replica(folder / f"fresh{i}.db", 0) for i in range(2)]
    for i in order:
        fresh[0].merge(bundles[i])
    for i in reversed(order):
        fresh[1].merge(bundles[i])
    f0, f1 = fresh
    skip = f0.contested()
    assert skip == f1.contested()
    assert f0.rows(live_only=True, skip=skip) == f1.rows(live_only=True, skip=skip)
    assert f0.deleted(skip) == f1.deleted(skip)
    assert {v for v in f0.versions() if not v[2].endswith(f0.id)} == {
        v for v in f1.versions() if not v[2].endswith(f1.id)
    }
    assert f0.conflicts() == f1.conflicts()
    if f0.conflicts():
        event("conflicts")
    # everyone merges everyone: same state, every version kept, current = highest HLC
    for _ in range(2):
        for a, b in itertools.permutations(reps, 2):
            a.merge(b.bundle())
    states = {r.state() for r in reps}
    assert len(states) == 1
    assert f0.rows(live_only=True, skip=skip) == reps[0].rows(live_only=True, skip=skip)
    assert f0.deleted(skip) == reps[0].deleted(skip)
    if skip:
        event("an owner's deletion lost to a concurrent edit")
    for rep in reps:
        _no_live_orphans(rep)
        assert made <= rep.versions()
        for table, rid, hlc in rep.versions():
            current = rep.conn.execute(f"SELECT hlc FROM {table} WHERE id = ?", (rid,))
            assert current.fetchone()[0] >= hlc
        assert audit.verify(rep.conn).ok
        assert not audit_chains.verify_all(rep.conn)[1]
    for rep in fresh:
        _no_live_orphans(rep)
        # a fresh replica's only own versions are the orphans its merges deleted: nobody is
        # asked to review those (both sides deleted the note, or its owner is gone anyway)
        assert not [c for c in rep.conflicts() if rep.id in (c[1][-32:], c[2][-32:])]
    for rep in reps + fresh:  # two deletions of the same note or event are no conflict
        for table, rid, winner, loser in rep.conn.execute(
            "SELECT table_name, record_id, winner_hlc, loser_hlc FROM sync_conflict"
        ):
            if table in orphans.OWNED_BY:
                sides = [orphans.version_deleted(rep.conn, table, rid, h) for h in (winner, loser)]
                assert not all(sides)
    # idempotent: merging everything again changes nothing
    before = reps[0].state(), reps[0].conn.execute("SELECT count(*) FROM audit_log").fetchone()
    for other in reps[1:]:
        reps[0].merge(other.bundle())
    after = reps[0].state(), reps[0].conn.execute("SELECT count(*) FROM audit_log").fetchone()
    assert before == after
    for rep in reps + fresh:
        rep.conn.close()

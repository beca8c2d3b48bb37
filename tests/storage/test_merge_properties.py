"""Merge rules as properties: three replicas, random edits/deletes/merges, skewed clocks.

Replicas here are real SQLCipher databases with the full schema, written through the real
Repository and merged with the real Applier (storage.bulk) and chain import; the bundle
encryption around them is tested in tests/app/sync. Clocks are skewed by up to
SKEW_MS between laptops, inside merge's MAX_CLOCK_DRIFT_MS bound (beyond it a bundle is
refused: tests/app/sync/test_sync_folder.py::test_far_future_clock_is_refused).
"""

from __future__ import annotations

import itertools
import json
import secrets
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tumar.storage import audit, audit_chains, schema, sync_store
from tumar.storage.bulk import Applier
from tumar.storage.connection import open_database, transaction
from tumar.storage.hlc import Clock
from tumar.storage.records import Person
from tumar.storage.repository import Repository

SKEW_MS = 90_000
BASE_MS = 1_800_000_000_000
RECORDS = 3


class Replica:
    def __init__(self, path: Path, skew: int) -> None:
        self.conn = open_database(path, secrets.token_bytes(32), create=True, cache_kib=2048)
        schema.migrate(self.conn, schema.ARCHIVE_MIGRATIONS, "archive.db")
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
            from tumar.storage.hlc import Timestamp

            self.clock.observe(Timestamp.parse(result.max_hlc))

    def state(self) -> tuple:
        rows = [dict(r) for r in self.conn.execute("SELECT * FROM person ORDER BY id")]
        return (json.dumps(rows, sort_keys=True), self.versions(), self.conflicts())

    def versions(self) -> frozenset:
        found = {(r["id"], r["hlc"]) for r in self.conn.execute("SELECT id, hlc FROM person")}
        found |= {
            (r[0], r[1]) for r in self.conn.execute("SELECT record_id, hlc FROM record_history")
        }
        return frozenset(found)

    def conflicts(self) -> frozenset:
        return frozenset(
            tuple(r)
            for r in self.conn.execute("SELECT record_id, winner_hlc, loser_hlc FROM sync_conflict")
        )


ops = st.lists(
    st.one_of(
        st.tuples(
            st.just("edit"), st.integers(0, 2), st.integers(0, RECORDS - 1), st.text(max_size=5)
        ),
        st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, RECORDS - 1), st.just("")),
        st.tuples(st.just("merge"), st.integers(0, 2), st.integers(0, 2), st.just("")),
    ),
    max_size=14,
)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=ops,
    skews=st.tuples(*(st.integers(-SKEW_MS, SKEW_MS) for _ in range(3))),
    order=st.permutations([0, 1, 2]),
)
def test_replicas_converge_and_lose_nothing(tmp_path_factory, steps, skews, order) -> None:
    folder = tmp_path_factory.mktemp("replicas")
    reps = [Replica(folder / f"{i}.db", skews[i]) for i in range(3)]
    ids = [reps[0].repo.insert(Person(display_name=f"p{i}")).id for i in range(RECORDS)]
    made = set(reps[0].versions())
    for other in reps[1:]:
        other.merge(reps[0].bundle())
    for kind, who, target, text in steps:
        rep = reps[who]
        if kind == "merge":
            rep.merge(reps[target].bundle())
            continue
        current = rep.repo.get(Person, ids[target], include_deleted=True)
        if current.deleted:
            continue
        if kind == "edit":
            rep.repo.update_fields(Person, ids[target], {"notes": text})
        else:
            rep.repo.delete(Person, ids[target])
        made |= rep.versions()
    # order independence: two fresh replicas take the same bundles in different orders
    bundles = [r.bundle() for r in reps]
    fresh = [Replica(folder / f"fresh{i}.db", 0) for i in range(2)]
    for i in order:
        fresh[0].merge(bundles[i])
    for i in reversed(order):
        fresh[1].merge(bundles[i])
    assert fresh[0].state() == fresh[1].state()
    # everyone merges everyone: same state, every version kept, current = highest HLC
    for _ in range(2):
        for a, b in itertools.permutations(reps, 2):
            a.merge(b.bundle())
    states = {r.state() for r in reps}
    assert len(states) == 1
    assert fresh[0].state()[:2] == reps[0].state()[:2]
    for rep in reps:
        assert made <= rep.versions()
        for rid in ids:
            hlcs = [h for r, h in rep.versions() if r == rid]
            assert rep.repo.get(Person, rid, include_deleted=True).hlc == max(hlcs)
        assert audit.verify(rep.conn).ok
        assert not audit_chains.verify_all(rep.conn)[1]
    # idempotent: merging everything again changes nothing
    before = reps[0].state(), reps[0].conn.execute("SELECT count(*) FROM audit_log").fetchone()
    for other in reps[1:]:
        reps[0].merge(other.bundle())
    after = reps[0].state(), reps[0].conn.execute("SELECT count(*) FROM audit_log").fetchone()
    assert before == after
    for rep in reps + fresh:
        rep.conn.close()

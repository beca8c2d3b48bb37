"""Other replicas' audit chains in a bundle are checked link by link, on a merge and on a
restore (whose helper process vets them: storage/restore_helper.py). A lying chain is one
one-line refusal and changes nothing; an entry sent twice, unchanged, is harmless."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tumar.app.sync import bundle_io, merge, restore, team
from tumar.storage.archive import Archive
from tumar.storage.audit_chains import ChainRejected
from tumar.storage.audit_hashing import entry_digest
from tumar.storage.records import Person, Testimony

from .support import PASS, chains, join, lying_bundle, new_archive, replicas, snapshot

ENTRY_FIELDS = ("seq", "at", "device", "action", "table_name", "record_id", "record_hash")
LIES = {
    "altered": "was altered",
    "gap": "lacks audit entries",
    "malformed": "malformed audit entry",
    "bad action": "was altered",
    "rewritten repeat": "rewrote history",
}


def _pair(tmp: Path) -> tuple[list[Archive], None]:
    a, _ = new_archive(tmp / "a.tumar")
    witness = a.repo.insert(Person(display_name="Witness"))
    b = join(a, tmp, "b")
    for n in range(4):
        b.repo.insert(Testimony(witness_id=witness.id, text=f"told on B, {n}"))
    return [a, b], None


@pytest.fixture
def pair(tmp_path: Path):
    made = replicas("chain-import-pair", _pair)
    a, b = made.open_copies(tmp_path)
    yield a, b
    a.close()
    b.close()


def _lie(kind: str, device: str):
    """An edit of the bundle's audit entries: one lie about `device`'s chain."""

    def edit(entries: list[dict[str, Any]]) -> None:
        own = [e for e in entries if e["device"] == device]
        assert len(own) >= 4, "the lie needs a chain of some length"
        middle = own[len(own) // 2]
        if kind == "altered":
            middle["record_hash"] = "0" * 64
        elif kind == "gap":
            entries.remove(middle)
        elif kind == "malformed":
            middle["seq"] = str(middle["seq"])
        elif kind == "bad action":  # linked and hashed right, but no action Tumar has
            last = own[-1]
            last["action"] = "erase"
            fields = [last[name] for name in ENTRY_FIELDS]
            last["entry_hash"] = entry_digest(last["prev_hash"], *fields)
        elif kind == "rewritten repeat":
            entries.append({**own[1], "entry_hash": "f" * 64})
        elif kind == "identical repeat":
            entries.append(dict(own[1]))

    return edit


def _restore(bundle: Path, b: Archive, target: Path) -> Archive:
    secret = bundle_io.Secret(identities=(team.keys(b).age_identity,))
    archive, _code, _applied = restore.restore(bundle, target, PASS, secret)
    return archive


@pytest.mark.parametrize("kind", sorted(LIES))
def test_a_lying_chain_is_refused_by_a_merge(pair, tmp_path: Path, kind: str) -> None:
    a, b = pair
    bundle = lying_bundle(b, tmp_path / "b.tumar-bundle", chains=_lie(kind, b.replica_id))
    before = snapshot(a)
    with pytest.raises(ChainRejected) as refused:
        merge.merge(a, bundle)
    assert LIES[kind] in str(refused.value) and "\n" not in str(refused.value)
    assert snapshot(a) == before


@pytest.mark.parametrize("kind", sorted(LIES))
def test_a_lying_chain_is_refused_by_a_restore(pair, tmp_path: Path, kind: str) -> None:
    _a, b = pair
    bundle = lying_bundle(b, tmp_path / "b.tumar-bundle", chains=_lie(kind, b.replica_id))
    target = tmp_path / "new.tumar"
    with pytest.raises(ChainRejected) as refused:
        _restore(bundle, b, target)
    assert LIES[kind] in str(refused.value)
    assert not target.exists()


def test_an_entry_sent_twice_unchanged_is_harmless(pair, tmp_path: Path) -> None:
    a, b = pair
    clean = lying_bundle(b, tmp_path / "clean.tumar-bundle")
    twice = lying_bundle(
        b, tmp_path / "twice.tumar-bundle", chains=_lie("identical repeat", b.replica_id)
    )
    # a restore of either holds the same chains
    with (
        _restore(clean, b, tmp_path / "c1.tumar") as one,
        _restore(twice, b, tmp_path / "c2.tumar") as two,
    ):
        sources = (a.replica_id, b.replica_id)  # each restore also has a chain of its own
        assert [chains(one)[d] for d in sources] == [chains(two)[d] for d in sources]
        assert len(chains(one)[b.replica_id]) >= 4
    # a merge of either changes the archive the same way
    a_copy = tmp_path / "a-copy.tumar"
    shutil.copytree(a.folder, a_copy)
    with Archive.open(a_copy, PASS) as other:
        merge.merge(a, clean)
        merge.merge(other, twice)
        assert chains(a)[b.replica_id] == chains(other)[b.replica_id]  # (own ones: times)

"""Helpers for sync tests: archives, replicas joined through a backup, full snapshots."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.templates import session_templates
from tumar.app.sync import bundle_io, export, restore, team
from tumar.storage import sync_store
from tumar.storage.archive import Archive, unlock_key
from tumar.storage.header import read_header
from tumar.storage.records import BY_TABLE

PASS = "correct horse battery staple"


def new_archive(folder: Path) -> tuple[Archive, str]:
    """A new, empty, unlocked archive at `folder` and its recovery code: this test's own copy
    of one made once per session for that folder name (tests.templates), so two archives
    of one test ("a.tumar", "other.tumar") are two different archives, with their own ids
    and keys, as Archive.create would have made them."""
    template = session_templates().get(f"sync-{folder.name}", passphrase=PASS)
    return template.open_copy(folder), template.recovery_code


@dataclass(frozen=True)
class Replicas:
    """Laptops made once per session (folder name -> master key) and what their builder
    returned; `open_copies` gives a test its own copy of every one of them."""

    folder: Path
    keys: dict[str, bytes]
    extra: Any

    def open_copies(self, tmp: Path) -> list[Archive]:
        opened = []
        for name, master in self.keys.items():
            shutil.copytree(self.folder / name, tmp / name)
            opened.append(Archive.open_with_key(tmp / name, read_header(tmp / name), master))
        return opened


#: per pytest session (its templates' root): mutmut runs a session per mutant in one
#: process, and a cache that outlived its session pointed into a deleted folder, which
#: failed every test that used it, so every mutant counted as killed
_REPLICAS: dict[tuple[Path, str], Replicas] = {}


def replicas(name: str, build: Callable[[Path], tuple[list[Archive], Any]]) -> Replicas:
    """Laptops `build(folder)` made (new_archive, then join: a real backup restored into a
    new replica each) and left open, kept closed as templates (tests.templates): a test
    then starts from copies of all of them instead of restoring backups again."""
    key = (session_templates().root, name)
    if key not in _REPLICAS:
        folder = session_templates().root / f"replicas-{name}"
        folder.mkdir()
        made, extra = build(folder)
        names = [archive.folder.name for archive in made]
        for archive in made:
            archive.close()
        keys = {n: unlock_key(folder / n, PASS)[1] for n in names}
        _REPLICAS[key] = Replicas(folder, keys, extra)
    return _REPLICAS[key]


def join(source: Archive, tmp: Path, name: str) -> Archive:
    """A second laptop: restore the source's full backup into a new replica."""
    bundle = tmp / f"{name}-join.tumar-bundle"
    export.write_bundle(source, bundle)
    secret = bundle_io.Secret(identities=(team.keys(source).age_identity,))
    archive, _code, _applied = restore.restore(bundle, tmp / f"{name}.tumar", PASS, secret)
    bundle.unlink()
    return archive


def records(archive: Archive) -> dict[str, list[dict[str, Any]]]:
    """Every current row of every record table, as stored."""
    conn = archive.records_db
    return {t: [dict(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in BY_TABLE}


def versions(archive: Archive) -> set[tuple[str, str, str, str]]:
    """Every version held (current and kept), as (table, id, hlc, canonical JSON)."""
    found = set()
    for table, rows in records(archive).items():
        for row in rows:
            found.add((table, row["id"], row["hlc"], json.dumps(row, sort_keys=True)))
    for t, rid, hlc, data in archive.records_db.execute(
        "SELECT table_name, record_id, hlc, data FROM record_history"
    ):
        found.add((t, rid, hlc, json.dumps(json.loads(data), sort_keys=True)))
    return found


def chains(archive: Archive) -> dict[str, list[tuple]]:
    """Every audit chain held: our own under our replica id, and the imported ones."""
    conn = archive.records_db
    result: dict[str, list[tuple]] = {}
    own = [tuple(r)[1:] for r in conn.execute("SELECT * FROM audit_log ORDER BY seq")]
    if own:
        result[archive.replica_id] = [(e[0], *e[2:]) for e in own]
    for row in conn.execute("SELECT * FROM audit_chain ORDER BY device, seq"):
        r = dict(row)
        result.setdefault(r["device"], []).append(
            (r["at"], r["action"], r["table_name"], r["record_id"], r["record_hash"],
             r["prev_hash"], r["entry_hash"])
        )  # fmt: skip
    return result


def snapshot(archive: Archive) -> str:
    """A full export of what a merge may change: records, kept versions, audit, media, team."""
    conn = archive.records_db
    data = {
        "records": records(archive),
        "versions": sorted(versions(archive)),
        "audit": [tuple(r) for r in conn.execute("SELECT * FROM audit_log ORDER BY seq")],
        "chains": [tuple(r) for r in conn.execute("SELECT * FROM audit_chain ORDER BY 1, 2")],
        "conflicts": [tuple(r) for r in conn.execute("SELECT * FROM sync_conflict ORDER BY 1")],
        "media": [tuple(r) for r in archive.media_db.execute("SELECT sha256, size FROM blob")],
        "chunks": archive.media_db.execute("SELECT count(*) FROM chunk").fetchone()[0],
    }
    return json.dumps(data, sort_keys=True, default=str)


def lying_bundle(
    source: Archive,
    path: Path,
    edit: Callable[[list[dict[str, Any]]], None] | None = None,
    chains: Callable[[list[dict[str, Any]]], None] | None = None,
) -> Path:
    """A signed, well-formed full backup whose version lines `edit` changed first, or whose
    audit entries `chains` changed: what a buggy or hostile writer could hand over (the
    export itself is real)."""
    originals = sync_store.versions, sync_store.audit_entries

    def edited(original: Callable[..., Any], change: Callable[[list[dict]], None] | None):
        def lying(*args: Any) -> Any:
            items = list(original(*args))
            if change is not None:
                change(items)
            return iter(items)

        return lying

    sync_store.versions = edited(originals[0], edit)
    sync_store.audit_entries = edited(originals[1], chains)
    try:
        export.write_bundle(source, path)
    finally:
        sync_store.versions, sync_store.audit_entries = originals
    return path

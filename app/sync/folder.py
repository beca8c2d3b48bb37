"""`tumar sync FOLDER`: one outgoing bundle per replica in a shared folder (USB stick,
Syncthing share); merge everyone else's, then write ours with what they have not seen.

Merging first means a merge's consequences (this laptop's "merge" audit entries) travel in
the same round, so a second sync without new edits finds nothing to merge and nothing to
write. What the others hold is read from their bundles' manifests (watermarks); our bundle
carries every version above the lowest of them, so a peer never misses a version even if
it skipped a round. Nothing is merged unless the folder is writable: a read-only stick
gets an error before any change.
"""

from __future__ import annotations

import glob
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from tumar.app.jobs import CancelToken, Progress, no_progress
from tumar.storage import sync_store
from tumar.storage.archive import Archive
from tumar.storage.atomic import remove_stale_temps
from tumar.storage.connection import transaction
from tumar.storage.errors import InvalidInput

from . import bundle_io, export, merge
from .errors import BundleError

SUFFIX = ".tumar-bundle"


@dataclass(frozen=True)
class Skipped:
    """A bundle in the folder that was not merged: its file name, why (one of
    app.sync.errors' kinds, for a window to say in its language) and the CLI's sentence."""

    name: str
    kind: str
    message: str

    @property
    def line(self) -> str:
        return f"{self.name}: {self.message}"


@dataclass
class SyncReport:
    merged: list[merge.MergeReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    written: bool = False
    bundle: Path | None = None


def _probe_writable(folder: Path) -> None:
    probe = folder / f".tumar-probe-{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InvalidInput(
            f"The sync folder {folder} is not writable ({exc.strerror}); nothing was merged"
        ) from None


def _floors(manifests: list[dict]) -> export.Floors | None:
    if not manifests:
        return None
    origins = set().union(*(m.get("watermarks", {}) for m in manifests))
    devices = set().union(*(m.get("chain_heads", {}) for m in manifests))
    return export.Floors(
        {o: min(str(m.get("watermarks", {}).get(o, "")) for m in manifests) for o in origins},
        {d: min(int(m.get("chain_heads", {}).get(d, 0)) for m in manifests) for d in devices},
    )


def _state(archive: Archive) -> dict:
    conn = archive.records_db
    return {
        "watermarks": sync_store.watermarks(conn),
        "chains": sync_store.chain_heads(conn, archive.replica_id),
    }


def _covers(old: dict | None, new: export.Floors | None) -> bool:
    """True if a bundle written with floors `old` still contains all `new` asks for."""
    if old is None:
        return True
    if new is None:
        return False
    return all(new.versions.get(o, "") >= f for o, f in old["versions"].items()) and all(
        new.chains.get(d, 0) >= s for d, s in old["chains"].items()
    )


def sync(
    archive: Archive,
    folder: Path,
    *,
    dry_run: bool = False,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> SyncReport:
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder; give the sync folder (USB stick, share)")
    if not dry_run:
        _probe_writable(folder)
    report = SyncReport(bundle=folder / f"{archive.replica_id}{SUFFIX}")
    if not dry_run:  # what an interrupted sync of this replica left (a pulled stick)
        remove_stale_temps(folder, glob.escape(report.bundle.name))
    manifests = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith(".") or path == report.bundle:
            continue
        try:
            manifest = bundle_io.scan(path, merge.own_secret(archive))
            if manifest["archive_id"] == archive.archive_id:
                manifests.append(manifest.data)  # what that peer holds, merged or not
            result = merge.merge(
                archive, path, dry_run=dry_run, manifest=manifest, progress=progress,
                cancel=cancel,
            )  # fmt: skip
        except BundleError as exc:
            report.skipped.append(Skipped(path.name, exc.kind, str(exc)))
            continue
        report.merged.append(result)
    floors = _floors(manifests)
    state = _state(archive)
    conn = archive.records_db
    stored = sync_store.meta_value(conn, "sync_written")
    last = json.loads(stored) if stored else None
    unchanged = (
        last is not None
        and report.bundle.is_file()
        and last["state"] == state
        and last["size"] == report.bundle.stat().st_size
        and _covers(last["floors"], floors)
    )
    if unchanged or dry_run:
        return report
    export.write_bundle(archive, report.bundle, floors=floors, progress=progress, cancel=cancel)
    report.written = True
    used = None if floors is None else {"versions": floors.versions, "chains": floors.chains}
    record = {"state": state, "size": report.bundle.stat().st_size, "floors": used}
    with transaction(conn):
        sync_store.set_meta(conn, "sync_written", json.dumps(record))
    return report

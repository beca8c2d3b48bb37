"""`tumar merge BUNDLE`: check a team bundle completely, then apply it (or preview it).

Before anything changes: the file decrypts with this laptop's identity, every part matches
the signed manifest, the bundle belongs to this archive, its laptop was not removed from
the team, its signer matches the key pinned for its replica (a replica never seen before is
reported as new), its clocks are within MAX_CLOCK_DRIFT of ours, and we already hold
everything it assumes we hold (its floors).

A removed laptop's bundles are refused because people remove a laptop that left the team
or was seized, and expect its later writes to stay out. What it wrote before, already
merged by a teammate who had not yet heard of the removal, arrives in that teammate's
bundle and is kept (nothing is lost, and every replica ends with the same versions).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from tumar.app.cascade import Orphans
from tumar.app.jobs import CancelToken, Progress, no_progress
from tumar.storage import sync_store
from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.errors import InvalidInput
from tumar.storage.hlc import Timestamp

from . import bundle_format, bundle_io, team
from .apply import Applied, apply_bundle
from .errors import CLOCK, FORGED, OTHER_ARCHIVE, OWN, REMOVED, WAITING, BundleError

#: a bundle stamped further ahead of our clock than this is refused: its edits would win
#: every merge until real time caught up. Fix that laptop's clock, then sync again.
MAX_CLOCK_DRIFT_MS = 24 * 3600 * 1000


@dataclass
class MergeReport:
    source: str
    new_replica: bool
    already_merged: bool
    applied: Applied | None
    dry_run: bool = False

    def lines(self) -> list[str]:
        head = f"Bundle from replica {self.source[:8]}"
        if self.new_replica:  # a preview pins nothing: say what the sync will do
            pinned = "will be pinned when you sync" if self.dry_run else "is now pinned"
            head = f"{head} (a replica this archive has never seen; its key {pinned})"
        if self.already_merged or self.applied is None:
            return [head, "  nothing new"]
        r = self.applied.records
        out = [
            head,
            f"  added {r.added}, changed {r.changed}, deleted {r.deleted}, "
            f"older versions kept {r.kept}, already held {r.unchanged}",
            f"  audit entries imported {self.applied.audit_entries}, "
            f"media added {len(self.applied.media_added)}",
        ]
        for table, record_id, winner, loser in r.conflicts:
            out.append(f"  conflict: {table} {record_id} (kept {winner[:17]}, other {loser[:17]})")
        if self.applied.orphans:
            out.append(orphans_line(self.applied.orphans, self.dry_run))
        return out


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def orphans_line(found: Orphans, dry_run: bool) -> str:
    """Said before it happens (dry run) and after: nothing is deleted unannounced."""
    parts = [_count(n, w) for n, w in ((found.notes, "note"), (found.events, "event")) if n]
    one = found.notes + found.events == 1
    verb = "will be" if dry_run else ("was" if one else "were")
    return (
        f"  {' and '.join(parts)} attached to deleted records {verb} deleted with them; "
        f"{'its' if one else 'their'} text stays in history"
    )


def peer_recipient(manifest: bundle_format.Manifest) -> str:
    """The sender's age recipient from its manifest, or "" when it is not a valid one."""
    try:
        return team.check_recipient(str(manifest.data.get("recipient", "")))
    except InvalidInput:
        return ""


def own_secret(archive: Archive) -> bundle_io.Secret:
    return bundle_io.Secret(identities=(team.keys(archive).age_identity,))


def check_manifest(
    archive: Archive, manifest: bundle_format.Manifest, *, floors: bool = True
) -> bool:
    """Raise unless the bundle may be merged here; True if its replica is new to us.
    `floors=False` skips the check that we hold what the bundle assumes (for a bundle
    already merged, which needs nothing more)."""
    if manifest["archive_id"] != archive.archive_id:
        raise BundleError(
            "This bundle belongs to another archive; nothing was merged", OTHER_ARCHIVE
        )
    source = str(manifest["source_replica"])
    if source == archive.replica_id:
        raise BundleError("This is this laptop's own bundle; nothing to merge", OWN)
    if sync_store.removed_replica(archive.records_db, source, peer_recipient(manifest)):
        raise BundleError(
            f"Replica {source[:8]}'s laptop was removed from the team; its bundle is not "
            "merged (delete it from the sync folder, or add the laptop again)",
            REMOVED,
        )
    pinned = sync_store.peer_key(archive.records_db, source)
    if pinned is not None and pinned != manifest["signing_key"]:
        raise BundleError(
            f"The bundle claims to come from replica {source[:8]} but is signed by another "
            "key; refused",
            FORGED,
        )
    high = str(manifest.data.get("hlc_max") or "")
    if high:
        ahead = Timestamp.parse(high).wall_ms - int(time.time() * 1000)
        if ahead > MAX_CLOCK_DRIFT_MS:
            raise BundleError(
                f"Replica {source[:8]}'s clock is {ahead // 3_600_000} hours ahead; correct "
                "the date on that laptop and sync again",
                CLOCK,
            )
    if not floors:
        return pinned is None
    assumed = manifest.data.get("floors") or {}
    held = sync_store.watermarks(archive.records_db)
    for origin, floor in (assumed.get("versions") or {}).items():
        if floor and held.get(origin, "") < floor and origin != archive.replica_id:
            raise BundleError(
                f"This bundle assumes edits this laptop has not received yet; sync again "
                f"after replica {source[:8]} has seen this laptop's bundle",
                WAITING,
            )
    return pinned is None


def merge(
    archive: Archive,
    path: Path,
    *,
    dry_run: bool = False,
    manifest: bundle_format.Manifest | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> MergeReport:
    """`manifest`: the result of an earlier bundle_io.scan of the same file, if any."""
    secret = own_secret(archive)
    manifest = manifest or bundle_io.scan(Path(path), secret)
    digest = hashlib.sha256(manifest.raw).hexdigest()
    source = str(manifest["source_replica"])
    conn = archive.records_db
    key = f"merged:{source}"
    if sync_store.meta_value(conn, key) == digest:  # merged before: only the cheap checks
        new = check_manifest(archive, manifest, floors=False)
        return MergeReport(source, new, True, None, dry_run)
    new = check_manifest(archive, manifest)
    applied = apply_bundle(
        archive, Path(path), secret, manifest, dry_run=dry_run, orphans=True,
        progress=progress, cancel=cancel,
    )  # fmt: skip
    if not dry_run:
        with transaction(conn):
            sync_store.remember_peer(
                conn, source, str(manifest["signing_key"]),
                peer_recipient(manifest),
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )  # fmt: skip
            sync_store.set_meta(conn, key, digest)
    return MergeReport(source, new, False, applied, dry_run)
